#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The benchmark's Python yardstick gives exactly the records of `stance check`.

    check-sweep.py STANCE BENCH-SCALE SOURCE-ROOT

Runs tests/bench/sweep.py and `stance check --json` on the example story,
on every vector of tests/data/contradictions, and on small friendly, skewed
and dense documents from bench-scale, and compares their output byte for
byte (and their exit status).  A side-by-side timing means nothing unless
the two compute the same thing.
"""

import glob
import os
import subprocess
import sys
import tempfile

stance, bench_scale, root = sys.argv[1:4]
sweep = os.path.join(root, "tests", "bench", "sweep.py")

documents = [os.path.join(root, "examples", "data", "cyber-2017-2020.json")]
documents += sorted(f for f in glob.glob(os.path.join(root, "tests", "data", "contradictions", "*.json"))
                    if not f.endswith(".expected.json"))

failures = 0
with tempfile.TemporaryDirectory() as tmp:
    for shape, n in (("friendly", 3000), ("skewed", 4000), ("dense", 2000)):
        path = os.path.join(tmp, "%s-%d.json" % (shape, n))
        subprocess.run([bench_scale, "--shape", shape, "--statements", str(n), "--write", path], check=True)
        documents.append(path)

    print("1..%d" % len(documents))
    for i, document in enumerate(documents, 1):
        library = subprocess.run([stance, "check", "--json", document], capture_output=True)
        python = subprocess.run([sys.executable, sweep, document], capture_output=True)
        same = library.stdout == python.stdout and library.returncode == python.returncode and library.returncode in (0, 1)
        print("%s %d %s (%d bytes)" % ("ok" if same else "not ok", i, os.path.basename(document), len(library.stdout)))
        if not same:
            failures += 1
            sys.stderr.write(python.stderr.decode())

sys.exit(1 if failures else 0)
