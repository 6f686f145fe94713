#!/usr/bin/env python3
# dna-network.py STANCE: DNA's sample from DNA's own database, through
# `stance import dna` and `stance network`/`polarization` as a DNA user
# would run them, gives the numbers rDNA's tests assert (doc/networks.md):
# two-mode `ignore` 7 x 6 summing to 40, one-mode `ignore` 7 x 7 summing
# to 276, one-mode congruence with `average` normalisation summing to 26
# (rounded), and 10 (rounded) with a concept and two organisations
# excluded by the labels DNA shows.  Skips where ../shared/data is absent.
# Speaks TAP; plain Python, no PyGObject.
import json
import os
import subprocess
import sys
import tempfile

stance = sys.argv[1]
data = os.environ.get("STANCE_SHARED_DATA", "")
database = os.path.join(data, "dna-sample", "sample.dna")
if not os.path.exists(database):
    print("1..0 # SKIP %s is absent" % database)
    sys.exit(0)

checks = 0
failed = 0


def check(ok, what):
    global checks, failed
    checks += 1
    failed += 0 if ok else 1
    print("%s %d - %s" % ("ok" if ok else "not ok", checks, what))


def network(document, *args):
    r = subprocess.run([stance, "network", document, "--format", "json"] + list(args),
                       capture_output=True, text=True)
    if r.returncode != 0:
        print("# stance network %s: %s" % (" ".join(args), r.stderr.strip()))
        return None
    return json.loads(r.stdout)


def total(net):
    return sum(sum(row) for row in net["matrix"])


with tempfile.TemporaryDirectory() as tmp:
    document = os.path.join(tmp, "dna.json")
    r = subprocess.run([stance, "import", "dna", database, "-o", document], capture_output=True, text=True)
    check(r.returncode == 0, "stance import dna reads DNA's database (%s)" % r.stderr.strip())

    two = network(document)
    check(two is not None and (len(two["rows"]), len(two["cols"])) == (7, 6) and total(two) == 40,
          "two-mode ignore: 7 x 6, summing to 40")
    one = network(document, "--mode", "onemode")
    check(one is not None and (len(one["rows"]), len(one["cols"])) == (7, 7) and total(one) == 276,
          "one-mode ignore: 7 x 7, summing to 276")
    congruence = ["--mode", "onemode", "--aggregate", "congruence", "--normalize", "average"]
    avg = network(document, *congruence)
    check(avg is not None and round(total(avg)) == 26, "one-mode congruence, average: 26 rounded")
    excluded = network(document, *congruence,
                       "--exclude-target", "There should be legislation to regulate emissions.",
                       "--exclude-holder", "Senate", "--exclude-holder", "Sierra Club")
    check(excluded is not None and round(total(excluded)) == 10,
          "the same with a concept and two organisations excluded by label: 10 rounded")
    r = subprocess.run([stance, "network", document, "--exclude-holder", "Nobody"], capture_output=True, text=True)
    check(r.returncode == 2 and r.stdout == "" and "unknown id" in r.stderr,
          "an exclusion that names nothing is refused (exit 2)")

print("1..%d" % checks)
sys.exit(1 if failed else 0)
