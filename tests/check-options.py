#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""`stance check`'s options at scale: counts, filters, shards, JSON Lines.

    check-options.py STANCE BENCH-SCALE SOURCE-ROOT

On the example story and small generated documents, against a plain
filtering of the whole `stance check --json` output:
  - --jsonl gives the records of --json, one compact record per line;
  - the text output has one line per record;
  - --count and --count --json count the records by kind;
  - --kind, --target, --holder, --from and --to keep what a brute-force
    filter keeps, in the same order, alone and together;
  - the N shards of --shard K/N are disjoint and their union is the whole,
    for several N, each shard in the whole's order;
  - the exit status is 1 when records are shown, else 0, and 2 with
    nothing on standard output for bad options.
"""

import json
import os
import random
import subprocess
import sys
import tempfile

stance, bench_scale, root = sys.argv[1:4]
sys.path.insert(0, os.path.join(root, "tests", "bench"))
from sweep import period  # noqa: E402  (the same time reading as SPEC §1)

KINDS = ["reversal", "inconsistency", "conflict", "disputed-attribution"]
checks = 0
failures = 0


def check(ok, what):
    global checks, failures
    checks += 1
    print("%s %d %s" % ("ok" if ok else "not ok", checks, what))
    if not ok:
        failures += 1


def run(*args):
    r = subprocess.run([stance, "check"] + list(args), capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def fnv1a64(text):
    h = 0xcbf29ce484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
    return h


def holders_of(record):
    return record.get("holders") or [record["holder"]]


def check_document(path, rng):
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    starts = {s["id"]: period(s["time"])[0] for s in doc.get("statements") or []}
    status, out, _ = run("--json", path)
    records = json.loads(out)["contradictions"]
    check(status == (1 if records else 0), "%s: exit status of --json" % name)

    status, out, _ = run("--jsonl", path)
    lines = out.splitlines()
    check([json.loads(line) for line in lines] == records and
          all(line == json.dumps(r, ensure_ascii=False) for line, r in zip(lines, records)),
          "%s: --jsonl is the records, one compact line each" % name)
    status, out, _ = run(path)
    check(len(out.splitlines()) == (len(records) if records else 1), "%s: one text line per record" % name)

    # The same document as JSON Lines on standard input: its first line
    # tells the form, and the records are the same.
    lines = subprocess.run([stance, "convert", "--to", "jsonl", path, "-"], capture_output=True).stdout
    r = subprocess.run([stance, "check", "--json", "-"], input=lines, capture_output=True)
    check(r.returncode == status and json.loads(r.stdout)["contradictions"] == records,
          "%s: JSON Lines on standard input gives the same records" % name)

    # And as a snapshot, read by its extension.
    snap = os.path.join(tempfile.mkdtemp(), "doc.stance")
    subprocess.run([stance, "convert", path, snap], check=True)
    status2, out, _ = run("--json", snap)
    check(status2 == status and json.loads(out)["contradictions"] == records,
          "%s: the snapshot gives the same records" % name)
    os.unlink(snap)
    os.rmdir(os.path.dirname(snap))

    counts = {k: sum(r["kind"] == k for r in records) for k in KINDS}
    status, out, _ = run("--count", path)
    check(out == "".join("%s %d\n" % (k, counts[k]) for k in KINDS) and status == (1 if records else 0),
          "%s: --count" % name)
    status, out, _ = run("--count", "--json", path)
    check(json.loads(out) == {"counts": counts}, "%s: --count --json" % name)

    # Shards: disjoint, in order, and together the whole.
    for n in (1, 2, 3, 7):
        union = []
        for k in range(n):
            status, out, _ = run("--jsonl", "--shard", "%d/%d" % (k, n), path)
            shard = [json.loads(line) for line in out.splitlines()]
            in_order = shard == [r for r in records if fnv1a64(r["target"]) % n == k]
            check(in_order and status == (1 if shard else 0), "%s: shard %d/%d" % (name, k, n))
            union += shard
        check(sorted(map(json.dumps, union)) == sorted(map(json.dumps, records)), "%s: %d shards make the whole" % (name, n))

    # Filters, alone and together, against a plain filtering.
    targets = sorted({r["target"] for r in records}) or ["nothing"]
    holders = sorted({h for r in records for h in holders_of(r)}) or ["nobody"]
    times = sorted({s["time"] for s in doc.get("statements") or []})
    for _ in range(12):
        args, keep = [], []
        if rng.random() < 0.5:
            kinds = rng.sample(KINDS, rng.randint(1, 2))
            for k in kinds:
                args += ["--kind", k]
            keep.append(lambda r, kinds=kinds: r["kind"] in kinds)
        if rng.random() < 0.4 and records:
            t = rng.choice(targets)
            args += ["--target", t]
            keep.append(lambda r, t=t: r["target"] == t)
        if rng.random() < 0.4 and records:
            h = rng.choice(holders)
            args += ["--holder", h]
            keep.append(lambda r, h=h: h in holders_of(r))
        if rng.random() < 0.4 and times:
            t = rng.choice(times)
            args += ["--from", t]
            keep.append(lambda r, t=period(t)[0]: max(starts[s] for s in r["statements"]) >= t)
        if rng.random() < 0.4 and times:
            t = rng.choice(times)
            args += ["--to", t]
            keep.append(lambda r, t=period(t)[1]: max(starts[s] for s in r["statements"]) < t)
        expected = [r for r in records if all(k(r) for k in keep)]
        status, out, _ = run("--json", *args, path)
        got = json.loads(out)["contradictions"] if status in (0, 1) else None
        check(got == expected and status == (1 if expected else 0), "%s: %s" % (name, " ".join(args)))
        status, out, _ = run("--count", "--json", *args, path)
        check(status in (0, 1) and sum(json.loads(out)["counts"].values()) == len(expected),
              "%s: --count %s" % (name, " ".join(args)))


def check_refusals(path):
    for args in (["--kind", "nonsense"], ["--shard", "3/3"], ["--shard", "x"], ["--shard", "1/0"],
                 ["--target", "no-such-id"], ["--holder", "no-such-id"], ["--from", "July"],
                 ["--jsonl", "--json"], ["--jsonl", "--count"]):
        status, out, err = run(*args, path)
        check(status == 2 and out == "" and err != "", "refused: %s" % " ".join(args))


rng = random.Random(20170709)
with tempfile.TemporaryDirectory() as tmp:
    documents = [os.path.join(root, "examples", "data", "cyber-2017-2020.json")]
    for shape, n in (("skewed", 3000), ("dense", 1500), ("friendly", 2000)):
        path = os.path.join(tmp, "%s.json" % shape)
        subprocess.run([bench_scale, "--shape", shape, "--statements", str(n), "--write", path], check=True)
        documents.append(path)
    for document in documents:
        check_document(document, rng)
    check_refusals(documents[0])

print("1..%d" % checks)
sys.exit(1 if failures else 0)
