#!/usr/bin/env python3
# make-corpus.py: writes the seed corpora of the fuzz harnesses
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: make-corpus.py OUTDIR
#
# Writes OUTDIR/document, OUTDIR/time and OUTDIR/cli, each a fresh copy (a
# fuzzer adds to the corpus it is given, so it never runs on the sources):
#
#  document  the example story, tests/data/contradictions/*.json,
#            tests/data/invalid/*.json and the document regressions;
#  time      the strings of the valid and invalid tables of tests/test-time.c,
#            every statement time of the document seeds, and the time
#            regressions;
#  cli       the argument vectors below (NUL-separated, see fuzz-cli.c) and
#            the CLI regressions;
#  edits     byte strings of choices for tests/edits.h (see fuzz-edits.c):
#            fixed pseudo-random ones of several lengths, ones that repeat
#            one kind of step, and the edits regressions.
#  jsonl     the valid document seeds in their JSON Lines form,
#            tests/data/invalid-jsonl/*.jsonl and the JSON Lines regressions.
#  import    one byte for the format (its index in IMPORT_FORMATS, as
#            fuzz-import.c picks it) and an input: the bad inputs of
#            tests/data/import-invalid/FORMAT, small valid tables, maps and
#            threads, the heads of the shared data sets where present, and
#            the import regressions.
#
# Seeds are named after where they come from, so that a finding can be
# traced back to the seed it grew from.

import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REGRESSIONS = ROOT / "tests" / "data" / "fuzz-regressions"

DOCUMENT_SOURCES = [
    ("example", ROOT / "examples" / "data"),
    ("contradictions", ROOT / "tests" / "data" / "contradictions"),
    ("invalid", ROOT / "tests" / "data" / "invalid"),
]

# Argument vectors for fuzz-cli; the file names are resolved by the
# harness to the documents of the seed directories.
CLI_SEEDS = {
    "check": ["check", "cyber-2017-2020.json"],
    "check-json": ["check", "--json", "cyber-2017-2020.json"],
    "check-j-after": ["check", "minimal.json", "-j"],
    "check-none": ["check", "empty.json"],
    "check-invalid": ["check", "unknown-id-target.json"],
    "check-syntax": ["check", "--json", "syntax-truncated.json"],
    "check-missing-file": ["check", "no-such-file.json"],
    "check-stdin": ["check", "-", "", '{"stance": 1}'],
    "check-stdin-story": ["check", "--json", "-", "",
                          '{"stance": 1, "actors": [{"id": "a", "name": "A"}], '
                          '"claims": [{"id": "c", "text": "C"}], "statements": ['
                          '{"id": "s1", "speaker": "a", "time": "2017-07-09", '
                          '"stances": [{"kind": "proposes", "target": "c"}]}, '
                          '{"id": "s2", "speaker": "a", "time": "2017-07-10", '
                          '"stances": [{"kind": "retracts", "target": "c"}]}]}'],
    "check-two-files": ["check", "minimal.json", "empty.json"],
    "check-no-file": ["check"],
    "check-unknown-option": ["check", "--jsn", "minimal.json"],
    "check-double-dash": ["check", "--", "-"],
    "at": ["at", "cyber-2017-2020.json", "trump", "cyber-unit", "2017-07-10"],
    "at-json": ["at", "--json", "cyber-2017-2020.json", "trump", "cyber-unit", "2017-07"],
    "at-bad-time": ["at", "cyber-2017-2020.json", "trump", "cyber-unit", "2017-13"],
    "at-not-actor": ["at", "reversal-basic.json", "c", "a", "2017"],
    "at-unknown": ["at", "reversal-basic.json", "a", "x", "2017-07-09T12:00Z"],
    "timeline": ["timeline", "cyber-2017-2020.json", "trump", "cyber-unit"],
    "timeline-json": ["timeline", "-j", "reversal-basic.json", "a", "c"],
    "summary": ["summary", "cyber-2017-2020.json"],
    "summary-json": ["summary", "--json", "declared-kinds.json"],
    "summary-empty": ["summary", "empty.json"],
    "convert-to-stdout": ["convert", "--to", "json", "minimal.json", "-"],
    "convert-snapshot-stdout": ["convert", "--to", "stance", "cyber-2017-2020.json", "-"],
    "convert-from-stdin": ["convert", "--from", "json", "--to", "json", "-", "-", "", '{"stance": 1}'],
    "convert-unknown-form": ["convert", "--from", "yaml", "minimal.json", "-"],
    # Issue 10: the questions from every side, and lint.
    "on": ["on", "cyber-2017-2020.json", "plan-2020"],
    "on-json-typo": ["on", "--json", "cyber-2017-2020.json", "cyber-unt"],
    "said": ["said", "cyber-2017-2020.json", "putin"],
    "said-not-actor": ["said", "-j", "reversal-basic.json", "c"],
    "positions": ["positions", "cyber-2017-2020.json", "trump"],
    "positions-time": ["positions", "--json", "cyber-2017-2020.json", "trump", "2017-07-09"],
    "camps": ["camps", "cyber-2017-2020.json", "cyber-unit", "2017-07-09"],
    "camps-json": ["camps", "-j", "conflict-basic.json", "c"],
    "camps-bad-time": ["camps", "cyber-2017-2020.json", "cyber-unit", "06/06/2019"],
    "lint": ["lint", "cyber-2017-2020.json"],
    "lint-json": ["lint", "--json", "minimal.json"],
    "lint-invalid": ["lint", "unknown-id-target.json"],
    "version": ["--version"],
    "help": ["--help"],
    "help-word": ["help"],
    "no-command": [],
    "unknown-command": ["frobnicate", "minimal.json"],
    "check-jsonl": ["check", "--jsonl", "cyber-2017-2020.json"],
    "check-count": ["check", "--count", "cyber-2017-2020.json"],
    "check-count-json": ["check", "--count", "--json", "conflict-basic.json"],
    "check-filters": ["check", "--kind", "conflict", "--kind", "reversal", "--target", "cyber-unit",
                      "--holder", "trump", "--from", "2017-07", "--to", "2017-07-10", "cyber-2017-2020.json"],
    "check-shard": ["check", "--jsonl", "--shard", "1/3", "cyber-2017-2020.json"],
    "check-shard-bad": ["check", "--shard", "3/3", "minimal.json"],
    "check-kind-bad": ["check", "--kind", "conflicts", "minimal.json"],
}


# As stance_importer_list_formats() orders them.
IMPORT_FORMATS = ["aif", "csv", "dna", "events", "rumoureval"]

IMPORT_SEEDS = {
    "csv": [b"speaker,time,kind,target,holder,text\r\ntrump,2017-07-09,proposes,unit,,\"say \"\"hi\"\",\n\"\r\n"
            b"trump,2017-07-10,retracts,unit,,\r\nputin,2017-07,endorses,unit,trump,\r\n",
            b"speaker,time,kind,target\nA,2017,agree,x\nB,2017-01-02 10:00:00,disagree,x\n"],
    "dna": [b"id,doc,date,person,org,concept,agreement\n1,1,2005-01-26,Joel,EEA,CO2,0\n2,2,2005-02-02,Ann,EEA,CO2,1\n"],
    "aif": [b'{"AIF": {"nodes": [{"nodeID": "1", "text": "p", "type": "I"}, {"nodeID": "2", "text": "Bob: p", "type": "L"},'
            b' {"nodeID": "3", "text": "Asserting", "type": "YA"}, {"nodeID": "4", "text": "q", "type": "I"},'
            b' {"nodeID": "5", "text": "Default Conflict", "type": "CA"}], "edges": [{"fromID": "2", "toID": "3"},'
            b' {"fromID": "3", "toID": "1"}, {"fromID": "4", "toID": "5"}, {"fromID": "5", "toID": "1"}],'
            b' "locutions": [{"nodeID": "2", "personID": 1, "start": "2019-01-01 10:00:00"}],'
            b' "participants": [{"participantID": 1, "firstname": "Bob", "surname": "B"}]}}'],
    "events": [b"A\tPraise or endorse\tB\t2008-07-25\nB\tReject\tA\t2008-07-26\nA\tMake statement\tB\t2008\n",
               b"Event ID\tEvent Date\tSource Name\tEvent Text\tCAMEO Code\tTarget Name\n1\t2008-07-25\tA\tAccuse\t112\tB\n"],
    "rumoureval": [b'{"event": "e", "thread": "1", "id": "1", "source": true, "created_at": "Wed Jan 07 11:07:51 +0000 2015",'
                   b' "user_id": "9", "user": "u", "in_reply_to": null, "lang": "en", "text": "r", "label": "comment"}\n'
                   b'{"event": "e", "thread": "1", "id": "2", "source": false, "created_at": "Wed Jan 07 11:08:51 +0000 2015",'
                   b' "user_id": "8", "user": "v", "in_reply_to": "1", "lang": "en", "text": "no", "label": "deny"}\n'],
}

# The first lines of the shared data sets, where they are (the seeds stay
# under the harness's -max_len).
SHARED = ROOT.parent / "shared" / "data"
SHARED_SEEDS = [
    ("csv", "dna", SHARED / "dna-sample" / "statements.csv", 30),
    ("tsv", "events", SHARED / "icews05-15" / "test.tsv", 60),
    ("jsonl", "rumoureval", SHARED / "rumoureval2017" / "tweets.jsonl", 25),
]


def import_seeds(outdir):
    n = 0
    for fmt, inputs in IMPORT_SEEDS.items():
        for i, data in enumerate(inputs):
            write(outdir / f"valid-{fmt}-{i}", bytes([IMPORT_FORMATS.index(fmt)]) + data)
            n += 1
    for fmt in IMPORT_FORMATS:
        directory = ROOT / "tests" / "data" / "import-invalid" / fmt
        for f in sorted(directory.glob("*")) if directory.is_dir() else []:
            if f.name.endswith(".error") or f.stat().st_size > 65536:
                continue
            write(outdir / f"invalid-{fmt}--{f.name}", bytes([IMPORT_FORMATS.index(fmt)]) + f.read_bytes())
            n += 1
    for ext, fmt, path, lines in SHARED_SEEDS:
        if path.is_file():
            with path.open("rb") as f:
                head = b"".join(f.readline() for _ in range(lines))
            write(outdir / f"shared-{fmt}.{ext}", bytes([IMPORT_FORMATS.index(fmt)]) + head)
            n += 1
    for name in ("synthetic-data.json",):
        path = SHARED / "aif" / name
        if path.is_file():
            write(outdir / f"shared-aif-{name}", bytes([IMPORT_FORMATS.index("aif")]) + path.read_bytes())
            n += 1
    return n + add_files(outdir, "regression", REGRESSIONS / "import", "*")


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def add_files(outdir, prefix, directory, pattern="*.json"):
    n = 0
    if not directory.is_dir():
        return n
    for f in sorted(directory.glob(pattern)):
        if f.is_file():
            shutil.copyfile(f, outdir / f"{prefix}--{f.name}")
            n += 1
    return n


# C string literals, with adjacent ones joined (for the test-time.c tables).
C_ESCAPES = {"n": b"\n", "t": b"\t", "r": b"\r", "\\": b"\\", '"': b'"', "'": b"'", "?": b"?",
             "a": b"\a", "b": b"\b", "f": b"\f", "v": b"\v"}


def c_string(body):
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode()
            i += 1
            continue
        e = body[i + 1]
        if e == "x":
            m = re.match(r"[0-9a-fA-F]+", body[i + 2:])
            out.append(int(m.group(0), 16) & 0xFF)
            i += 2 + len(m.group(0))
        elif e in "01234567":
            m = re.match(r"[0-7]{1,3}", body[i + 1:])
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        else:
            out += C_ESCAPES.get(e, e.encode())
            i += 2
    return bytes(out)


def time_table_strings(source, table):
    """The first string of each row of `static const ... table[] = { ... };`."""
    m = re.search(re.escape(table) + r"\[\]\s*=\s*\{(.*?)\n\};", source, re.S)
    if m is None:
        return []
    strings = []
    for row in re.finditer(r"\{\s*(?:WITH_LEN\s*\(\s*)?((?:\"(?:[^\"\\]|\\.)*\"\s*)+)", m.group(1)):
        parts = re.findall(r"\"((?:[^\"\\]|\\.)*)\"", row.group(1))
        strings.append(b"".join(c_string(p) for p in parts))
    return strings


def statement_times(path):
    try:
        doc = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError):
        return []
    times = []
    if isinstance(doc, dict) and isinstance(doc.get("statements"), list):
        for s in doc["statements"]:
            if isinstance(s, dict) and isinstance(s.get("time"), str):
                times.append(s["time"].encode())
    return times


def jsonl_lines(path):
    """A JSON document in its JSON Lines form (doc/document-format.md), or None."""
    try:
        doc = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(doc, dict):
        return None
    header = {k: doc[k] for k in ("stance", "kinds", "meta") if k in doc}
    lines = [header]
    for array, record in (("actors", "actor"), ("claims", "claim"), ("statements", "statement")):
        if isinstance(doc.get(array), list):
            lines += [{record: node} for node in doc[array]]
    # ensure_ascii keeps what JSON escapes as escapes (lone surrogates too).
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-corpus.py OUTDIR")
    out = Path(sys.argv[1])
    for name in ("document", "time", "cli", "edits", "jsonl", "import"):
        shutil.rmtree(out / name, ignore_errors=True)
        (out / name).mkdir(parents=True)

    # Documents
    n_docs = 0
    for prefix, directory in DOCUMENT_SOURCES:
        n_docs += add_files(out / "document", prefix, directory)
    n_docs += add_files(out / "document", "regression", REGRESSIONS / "document", "*")

    # Times
    times = set()
    source = (ROOT / "tests" / "test-time.c").read_text(encoding="utf-8", errors="surrogateescape")
    for table in ("valid_cases", "invalid_cases"):
        times.update(time_table_strings(source, table))
    for f in (out / "document").iterdir():
        times.update(statement_times(f))
    times.update([b"2017", b"2017-07", b"2017-07-09", b"2017-07-09T21:15Z",
                  b"2017-07-09T21:15:33+02:00", b"2017-07-09T21:15:33.5-05:30"])
    for i, t in enumerate(sorted(times)):
        write(out / "time" / f"table-{i:03d}", t)
    n_times = len(times) + add_files(out / "time", "regression", REGRESSIONS / "time", "*")

    # Argument vectors
    for name, argv in CLI_SEEDS.items():
        write(out / "cli" / name, b"\0".join(a.encode() for a in argv))
    n_cli = len(CLI_SEEDS) + add_files(out / "cli", "regression", REGRESSIONS / "cli", "*")

    # Edit sequences: each byte is a choice (step kind first, modulo 13).
    rng = random.Random(20170709)
    n_edits = 0
    for length in (16, 64, 256, 1024):
        for i in range(4):
            write(out / "edits" / f"random-{length}-{i}", bytes(rng.randrange(256) for _ in range(length)))
            n_edits += 1
    for step in range(13):
        # Build a little graph (actors, claims, statements, stances), then
        # repeat one kind of step with varied arguments.
        prelude = bytes([0, 0, 1, 1, 2, 0, 2, 1, 3, 0, 0, 0, 0, 4, 1, 1, 1, 1, 11, 3])
        body = bytes(b for i in range(40) for b in (step, rng.randrange(256), rng.randrange(256)))
        write(out / "edits" / f"step-{step:02d}", prelude + body)
        n_edits += 1
    n_edits += add_files(out / "edits", "regression", REGRESSIONS / "edits", "*")

    # JSON Lines: every valid JSON seed converted, the invalid catalogue
    n_jsonl = 0
    for f in sorted((out / "document").iterdir()):
        lines = jsonl_lines(f)
        if lines is not None:
            write(out / "jsonl" / (f.stem + ".jsonl"), lines)
            n_jsonl += 1
    n_jsonl += add_files(out / "jsonl", "invalid", ROOT / "tests" / "data" / "invalid-jsonl", "*.jsonl")
    n_jsonl += add_files(out / "jsonl", "regression", REGRESSIONS / "jsonl", "*")

    n_import = import_seeds(out / "import")


    print(f"seed corpora in {out}: {n_docs} documents, {n_times} times, {n_cli} argument vectors, "
          f"{n_edits} edit sequences, {n_jsonl} JSON Lines documents, {n_import} import inputs")


if __name__ == "__main__":
    main()
