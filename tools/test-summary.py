#!/usr/bin/env python3
"""Prints one closing line, 'N passed, N failed', over the meson test logs of
the build folders given, so that CI and people see the whole run at a glance."""

import glob
import json
import sys

passed = failed = skipped = 0
for build in sys.argv[1:]:
    logs = glob.glob(f"{build}/meson-logs/testlog-*.json")
    if not logs:
        print(f"{build}: no test log", file=sys.stderr)
        failed += 1
    for path in logs:
        with open(path, encoding="utf-8") as log:
            for line in log:
                result = json.loads(line).get("result")
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
