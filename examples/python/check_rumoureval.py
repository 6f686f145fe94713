#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""meson test for rumoureval.py: it runs, prints its report, and prints the
figures that its docstring gives, so that the two cannot drift apart.

Exits 77 (skipped) when rumoureval.py does, because the data set is absent.
"""

import ast
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "rumoureval.py")
SECTIONS = ["Who reversed", "Where users conflict", "Inconsistencies", "By event:"]


def main():
    run = subprocess.run([sys.executable, SCRIPT], capture_output=True, text=True, timeout=300)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    if run.returncode == 77:
        return 77
    if run.returncode != 0:
        print("rumoureval.py exited with %d" % run.returncode, file=sys.stderr)
        return 1

    with open(SCRIPT, encoding="utf-8") as f:
        documented = {line.strip() for line in ast.get_docstring(ast.parse(f.read())).splitlines()}
    out = run.stdout.splitlines()
    # The three headline lines, and the table by event with its heading.
    figures = out[:3] + out[out.index("By event:") + 1:] if "By event:" in out else out[:3]
    failures = ["not in the docstring: %s" % line.strip() for line in figures if line.strip() not in documented]
    failures += ["section missing from the report: %s" % s for s in SECTIONS if s not in run.stdout]
    if len(figures) < 3 + 1 + 8:
        failures.append("the report is too short: %d lines of figures" % len(figures))
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
