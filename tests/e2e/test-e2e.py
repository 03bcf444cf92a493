#!/usr/bin/env python3
# test-e2e.py: drives the real argumark window with X input events (xdotool)
#
# Copyright 2026 The Argumark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-e2e.py ARGUMARK_BINARY SAMPLE_ARTICLE SCHEMA_DIR
#
# A user's session, start to end: open an article, select words with the
# keyboard, tag them, save with Ctrl+S through the save dialog, quit. Then the
# saved JSON must hold exactly those annotations. Runs under Xvfb (meson test
# --suite ui inside xvfb-run); exits 77 (skipped) without a display.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 20.0
ANNOTATOR = "E2E Tester"

# Any GLib/GTK warning or critical the app prints fails the test, as
# G_DEBUG=fatal-warnings would, except this one: GTK 4.8's text view
# validates its lines inside its own snapshot now and then under load, and the
# scroll bar drawn after it warns once (see tests/am-test-gtk.c).
LOG_PROBLEM = re.compile(r"^\(argumark:\d+\): [\w-]+-(WARNING|CRITICAL) \*\*")
TOLERATED = re.compile(r"^\(argumark:\d+\): Gtk-WARNING \*\*: [\d:.]+: "
                       r"Trying to snapshot GtkGizmo 0x[0-9a-f]+ without a current allocation$")


def log(*args):
    print("#", *args, flush=True)


def xdotool(*args, check=True):
    result = subprocess.run(["xdotool", *args], capture_output=True, text=True,
                            timeout=TIMEOUT + 5)
    if check and result.returncode != 0:
        raise RuntimeError("xdotool %s failed: %s" % (" ".join(args), result.stderr.strip()))
    return result.stdout.strip()


def wait_for(what, predicate, app):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if app.poll() is not None:
            raise RuntimeError("argumark exited with status %d while waiting for %s"
                               % (app.returncode, what))
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise RuntimeError("timed out after %.0f s waiting for %s" % (TIMEOUT, what))


def visible_windows(pid):
    out = xdotool("search", "--onlyvisible", "--pid", str(pid), check=False)
    return [w for w in out.split() if w]


def key(*keys):
    # XTEST events to the focused window, as a keyboard would send them
    # (--window would use XSendEvent, which toolkits treat differently).
    for k in keys:
        xdotool("key", "--clearmodifiers", k)
        time.sleep(0.15)


def with_file_chooser_suppression(options, tmp):
    """LSAN_OPTIONS that also suppress libcloudproviders, which GTK's file
    chooser loads and which keeps a few bytes of a path until exit: not
    Argumark's memory. LeakSanitizer reads one suppressions file, so this one
    is the project's (tools/lsan.supp, if given) plus that line."""
    parts = [p for p in options.split(":") if p]
    lines = []
    for part in parts:
        if part.startswith("suppressions="):
            with open(part[len("suppressions="):]) as f:
                lines.append(f.read())
    lines.append("leak:libcloudproviders.so\n")
    path = os.path.join(tmp, "lsan.supp")
    with open(path, "w") as f:
        f.write("\n".join(lines))
    parts = [p for p in parts if not p.startswith("suppressions=")]
    return ":".join(parts + ["suppressions=" + path])


def main():
    if len(sys.argv) != 4:
        print("usage: test-e2e.py ARGUMARK SAMPLE SCHEMA_DIR", file=sys.stderr)
        return 2
    binary, sample, schema_dir = (os.path.abspath(a) for a in sys.argv[1:])
    if not os.environ.get("DISPLAY"):
        log("SKIP: no X display (run under xvfb-run)")
        return 77

    with tempfile.TemporaryDirectory(prefix="argumark-e2e-") as tmp:
        article = os.path.join(tmp, "article.txt")
        shutil.copyfile(sample, article)
        expected_file = os.path.join(tmp, "article.argumark.json")
        with open(sample, encoding="utf-8") as f:
            text = f.read()

        # A private home: settings (a keyfile, so that the annotator's name is
        # set as a returning user has it), drafts and recent files stay here.
        home = os.path.join(tmp, "home")
        config = os.path.join(home, ".config")
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write("[org/argumark/Argumark]\nannotator-name='%s'\n" % ANNOTATOR)
        env = dict(os.environ)
        env.update({
            "HOME": home,
            "XDG_CONFIG_HOME": config,
            "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"),
            "XDG_STATE_HOME": os.path.join(home, ".local", "state"),
            "GSETTINGS_BACKEND": "keyfile",
            "GSETTINGS_SCHEMA_DIR": schema_dir,
            "GTK_USE_PORTAL": "0",
        })

        lsan_options = env.get("LSAN_OPTIONS")
        if lsan_options is not None:
            env["LSAN_OPTIONS"] = with_file_chooser_suppression(lsan_options, tmp)
            # Full stacks, so that the suppression finds the library: GLib and
            # its callers are built without frame pointers.
            env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":fast_unwind_on_malloc=0"

        # The app's own messages are checked below instead of aborting it.
        g_debug = [d for d in env.get("G_DEBUG", "").split(",") if d and d != "fatal-warnings"]
        env["G_DEBUG"] = ",".join(g_debug)
        app_stderr = open(os.path.join(tmp, "argumark.stderr"), "w+")
        app = subprocess.Popen([binary, article], env=env, cwd=tmp, stderr=app_stderr)
        try:
            windows = wait_for("the window", lambda: visible_windows(app.pid), app)
            window = windows[0]
            title = xdotool("getwindowname", window)
            log("window", window, "title:", repr(title))
            xdotool("windowfocus", "--sync", window)
            time.sleep(0.5)

            # A claim: the first three words of the title.
            key("ctrl+Home", "shift+ctrl+Right", "shift+ctrl+Right", "shift+ctrl+Right", "c")
            wait_for("the unsaved-changes mark in the title",
                     lambda: xdotool("getwindowname", window) != title, app)
            log("after tagging:", repr(xdotool("getwindowname", window)))

            # An attribution: the last two words, whose full stop the snapping trims.
            key("ctrl+End", "shift+ctrl+Left", "shift+ctrl+Left", "a")

            # Save: a new article asks where, proposing article.argumark.json beside it.
            key("ctrl+s")
            # A toplevel with a title: popovers and tooltips are windows too, untitled.
            dialog = wait_for("the save dialog",
                              lambda: [w for w in visible_windows(app.pid)
                                       if w != window and xdotool("getwindowname", w, check=False)],
                              app)[0]
            log("save dialog:", repr(xdotool("getwindowname", dialog)))
            time.sleep(0.5)
            key("Return")
            wait_for("article.argumark.json", lambda: os.path.exists(expected_file), app)
            wait_for("the title without the unsaved-changes mark",
                     lambda: xdotool("getwindowname", window) == title, app)

            key("ctrl+q")
            deadline = time.monotonic() + TIMEOUT
            while app.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            if app.returncode is None:
                raise RuntimeError("argumark did not quit on Ctrl+Q after saving")
            if app.returncode != 0:
                raise RuntimeError("argumark exited with status %d" % app.returncode)
        except RuntimeError:
            # What the screen showed when it went wrong, for the test log.
            shot = os.path.join(os.environ.get("G_TEST_BUILDDIR", tmp), "test-e2e-failure.png")
            if subprocess.run(["import", "-window", "root", shot], capture_output=True).returncode == 0:
                print("# the screen at the failure:", shot, file=sys.stderr)
            raise
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
            app_stderr.seek(0)
            messages = app_stderr.read()
            app_stderr.close()
            sys.stderr.write(messages)

        problems = [line for line in messages.splitlines()
                    if LOG_PROBLEM.match(line) and not TOLERATED.match(line)]
        if problems:
            raise RuntimeError("argumark printed %d warning(s) or critical(s), first: %s"
                               % (len(problems), problems[0]))

        with open(expected_file, encoding="utf-8") as f:
            document = json.load(f)

        failures = []

        def check(what, actual, expected):
            if actual != expected:
                failures.append("%s: expected %r, got %r" % (what, expected, actual))

        check("format", document.get("format"), "argumark")
        check("text", document.get("text"), text)
        spans = sorted((a.get("label"), a.get("start"), a.get("end"), a.get("quote"), a.get("author"))
                       for a in document.get("annotations", []))
        end = len(text) - len(".")
        expected = sorted([
            ("claim", 0, 15, "Hamas could see", ANNOTATOR),
            ("attribution", end - len("Yaalon stated"), end, "Yaalon stated", ANNOTATOR),
        ])
        check("annotations (label, start, end, quote, author)", spans, expected)
        if failures:
            for failure in failures:
                print("FAIL:", failure, file=sys.stderr)
            return 1
        log("ok: saved", len(spans), "annotations as typed")
        return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as e:
        print("FAIL:", e, file=sys.stderr)
        sys.exit(1)
