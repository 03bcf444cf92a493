#!/usr/bin/env python3
# test-dbus-activation.py: starting argumark the way GNOME Shell does
#
# Copyright 2026 The Argumark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-dbus-activation.py ARGUMARK SERVICE_FILE SAMPLE_ARTICLE SCHEMA_DIR
#
# The desktop file says DBusActivatable=true, so launchers do not run Exec:
# they call org.freedesktop.Application.Open on the bus, and the bus starts the
# program its .service file names. This test runs a private session bus whose
# only service is the built .service file (its Exec pointed at the build's
# binary), opens two articles through it, checks that each gets its window in
# one process, and quits through the exported app.quit action.

import os
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 20.0
APP_ID = "org.argumark.Argumark"
APP_PATH = "/org/argumark/Argumark"


def log(*args):
    print("#", *args, flush=True)


def wait_for(what, predicate):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise RuntimeError("timed out after %.0f s waiting for %s" % (TIMEOUT, what))


def windows_named(name):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name],
                         capture_output=True, text=True).stdout
    return out.split()


def window_pid(window):
    return subprocess.run(["xdotool", "getwindowpid", window],
                          capture_output=True, text=True, check=True).stdout.strip()


def service_for(service_file, binary, services):
    """The built .service file, its Exec pointed at the binary under test."""
    with open(service_file) as f:
        lines = f.read().splitlines()
    if "Name=" + APP_ID not in lines:
        raise RuntimeError("%s does not name %s" % (service_file, APP_ID))
    execs = [line for line in lines if line.startswith("Exec=")]
    if len(execs) != 1 or not execs[0].endswith("/argumark --gapplication-service"):
        raise RuntimeError("%s: Exec should run argumark --gapplication-service, not %r"
                           % (service_file, execs))
    lines = [("Exec=%s --gapplication-service" % binary) if l.startswith("Exec=") else l
             for l in lines]
    os.makedirs(services)
    with open(os.path.join(services, APP_ID + ".service"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) != 5:
        print("usage: test-dbus-activation.py ARGUMARK SERVICE_FILE SAMPLE SCHEMA_DIR",
              file=sys.stderr)
        return 2
    binary, service_file, sample, schema_dir = (os.path.abspath(a) for a in sys.argv[1:])
    if not os.environ.get("DISPLAY"):
        log("SKIP: no X display (run under xvfb-run)")
        return 77

    with tempfile.TemporaryDirectory(prefix="argumark-dbus-") as tmp:
        services = os.path.join(tmp, "services")
        service_for(service_file, binary, services)

        first = os.path.join(tmp, "article.txt")
        shutil.copyfile(sample, first)
        with open(sample, encoding="utf-8") as f:
            first_title = f.readline().strip()
        second = os.path.join(tmp, "second.txt")
        with open(second, "w", encoding="utf-8") as f:
            f.write("A second article for the bus\n\nIt has one sentence.\n")

        config = os.path.join(tmp, "session.conf")
        with open(config, "w") as f:
            f.write("""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <servicedir>%s</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""" % (tmp, services))

        # The bus hands its own environment to the programs it starts.
        home = os.path.join(tmp, "home")
        env = dict(os.environ)
        env.update({
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"),
            "XDG_STATE_HOME": os.path.join(home, ".local", "state"),
            "GSETTINGS_SCHEMA_DIR": schema_dir,
        })
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.makedirs(env[key])
        bus = subprocess.Popen(["dbus-daemon", "--config-file", config, "--nofork",
                                "--print-address=1"],
                               stdout=subprocess.PIPE, text=True, env=env)
        try:
            address = bus.stdout.readline().strip()
            if not address:
                raise RuntimeError("the private session bus did not start")
            env["DBUS_SESSION_BUS_ADDRESS"] = address

            def call(method, *args):
                subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                                "--object-path", APP_PATH,
                                "--method", "org.freedesktop.Application." + method, *args],
                               env=env, check=True, capture_output=True, text=True,
                               timeout=TIMEOUT)

            def has_owner():
                out = subprocess.run(["gdbus", "call", "--session",
                                      "--dest", "org.freedesktop.DBus",
                                      "--object-path", "/org/freedesktop/DBus",
                                      "--method", "org.freedesktop.DBus.NameHasOwner", APP_ID],
                                     env=env, check=True, capture_output=True, text=True)
                return "true" in out.stdout

            call("Open", "['file://%s']" % first, "{}")
            window = wait_for("the first article's window",
                              lambda: windows_named(first_title))[0]
            pid = window_pid(window)
            log("first window", window, "in process", pid)

            call("Open", "['file://%s']" % second, "{}")
            other = wait_for("the second article's window",
                             lambda: windows_named("A second article for the bus"))[0]
            if window_pid(other) != pid:
                raise RuntimeError("the second article opened in another process (%s, not %s)"
                                   % (window_pid(other), pid))
            log("second window", other, "in the same process")

            call("ActivateAction", "quit", "[]", "{}")
            wait_for("argumark to quit and leave the bus", lambda: not has_owner())
            log("ok: started by the bus, one process for both articles, quit through app.quit")
        finally:
            bus.terminate()
            bus.wait()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        detail = getattr(e, "stderr", None)
        print("FAIL:", e, detail or "", file=sys.stderr)
        sys.exit(1)
