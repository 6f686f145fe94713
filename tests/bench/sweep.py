#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""SPEC §3 in plain Python: the contradictions of a libstance document.

    sweep.py DOCUMENT.json  >  the output of `stance check --json DOCUMENT.json`

A sort-and-sweep implementation written from the SPEC, with no dependency
beyond the standard library, so that the benchmark (tests/bench/run-scale)
has an honest yardstick: what a careful Python programmer would write.
Acts are grouped by (target, holder) and sorted; reversals and
inconsistencies compare neighbours; conflicts sweep each target's start
times keeping, per holder, what it holds, with Python sets for the holders
that hold each side and for the pairs already met; disputed attributions
look up the holder's acts with bisect.  It prints the same bytes as
`stance check --json` (tests/bench/check-sweep checks that) and exits as
it does: 0 with no contradictions, 1 with some.
"""

import bisect
import json
import re
import sys

POSITIVE, NEGATIVE, WITHDRAWAL, NEUTRAL = 0, 1, 2, 3
POLARITIES = {"positive": POSITIVE, "negative": NEGATIVE,
              "withdrawal": WITHDRAWAL, "neutral": NEUTRAL}
BUILTIN_KINDS = {
    "proposes": POSITIVE, "endorses": POSITIVE, "supports": POSITIVE, "confirms": POSITIVE,
    "opposes": NEGATIVE, "rejects": NEGATIVE, "denies": NEGATIVE,
    "retracts": WITHDRAWAL, "questions": NEUTRAL, "comments": NEUTRAL,
}
KIND_NAMES = ["reversal", "inconsistency", "conflict", "disputed-attribution"]

TIME = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})"
                  r"(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$")


def days_from_civil(y, m, d):
    """Days since 1970-01-01 of a proleptic Gregorian date."""
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def period(text):
    """The half-open period [start, end) in seconds that a time names."""
    m = TIME.match(text)
    if m is None:
        raise ValueError("invalid time %r" % text)
    year, month, day, hour, minute, second, zone = m.groups()
    y = int(year)
    if month is None:
        return days_from_civil(y, 1, 1) * 86400, days_from_civil(y + 1, 1, 1) * 86400
    mo = int(month)
    if day is None:
        ny, nm = (y + 1, 1) if mo == 12 else (y, mo + 1)
        return days_from_civil(y, mo, 1) * 86400, days_from_civil(ny, nm, 1) * 86400
    start = days_from_civil(y, mo, int(day)) * 86400
    if hour is None:
        return start, start + 86400
    offset = 0
    if zone not in (None, "Z"):
        offset = (int(zone[1:3]) * 60 + int(zone[4:6])) * 60 * (-1 if zone[0] == "-" else 1)
    start += int(hour) * 3600 + int(minute) * 60 - offset
    if second is None:
        return start, start + 60
    start += int(second)
    return start, start + 1


def find(document):
    """The records of SPEC §4, sorted, one by one."""
    kinds = dict(BUILTIN_KINDS)
    for kind in document.get("kinds") or []:
        kinds[kind["name"]] = POLARITIES[kind["polarity"]]

    statements = document.get("statements") or []
    ids = [s["id"] for s in statements]
    groups = {}        # (target, holder) -> acts: (start, end, statement, stance, polarity)
    attributions = []  # (target, holder, statement, stance, speaker, start, polarity)
    stance_index = 0
    for si, s in enumerate(statements):
        start, end = period(s["time"])
        for stance in s.get("stances") or []:
            polarity = kinds[stance["kind"]]
            holder = stance.get("holder") or s["speaker"]
            if polarity != NEUTRAL:
                if holder == s["speaker"]:
                    groups.setdefault((stance["target"], holder), []).append(
                        (start, end, si, stance_index, polarity))
                else:
                    attributions.append((stance["target"], holder, si, stance_index,
                                         s["speaker"], start, polarity))
            stance_index += 1
    # The document is not needed any more: free it before the records grow.
    del statements, document

    records = []
    by_target = {}
    for (target, holder), acts in groups.items():
        acts.sort()
        by_target.setdefault(target, []).append((holder, acts))
        # 1. reversal and 2. inconsistency: neighbours in act order.
        for prev, act in zip(acts, acts[1:]):
            if prev[4] == WITHDRAWAL:
                continue
            if prev[1] <= act[0]:
                if act[4] != prev[4]:
                    records.append((0, target, holder, "", prev, act))
            elif act[4] != WITHDRAWAL and act[4] != prev[4]:
                records.append((1, target, holder, "", prev, act))

    # 3. conflict: per target, sweep the start times.
    for target, holders in by_target.items():
        events = []
        for holder, acts in holders:
            if not any(a[4] <= NEGATIVE for a in acts):
                continue
            i = 0
            while i < len(acts):
                j = i
                first = [None, None]
                while j < len(acts) and acts[j][0] == acts[i][0]:
                    p = acts[j][4]
                    if p <= NEGATIVE and first[p] is None:
                        first[p] = acts[j]
                    j += 1
                events.append((acts[i][0], holder, first))
                i = j
        events.sort(key=lambda e: e[0])
        holding = (set(), set())
        state = {}
        met = {}
        i = 0
        while i < len(events):
            t = events[i][0]
            gained = []
            while i < len(events) and events[i][0] == t:
                _, holder, first = events[i]
                old = state.get(holder, (None, None))
                for q in (POSITIVE, NEGATIVE):
                    if first[q] is not None:
                        holding[q].add(holder)
                        if old[q] is None:
                            gained.append((holder, q))
                    else:
                        holding[q].discard(holder)
                state[holder] = first
                i += 1
            for holder, q in gained:
                seen = met.setdefault(holder, {holder})
                for other in holding[1 - q] - seen:
                    seen.add(other)
                    met.setdefault(other, {other}).add(holder)
                    lo, hi = (holder, other) if holder < other else (other, holder)
                    best = None
                    for p in (POSITIVE, NEGATIVE):
                        a, b = state[lo][p], state[hi][1 - p]
                        if a is not None and b is not None and (best is None or a < best[0]):
                            best = (a, b)
                    records.append((2, target, lo, hi, best[0], best[1]))

    # 4. disputed attribution: per statement, holder and target, the first
    # act of another polarity that ends after the attribution starts.
    attributions.sort()
    runs = {}
    k = 0
    while k < len(attributions):
        target, holder, si = attributions[k][:3]
        key = (target, holder)
        if key not in runs:
            run = {}
            for act in groups.get(key, []):
                acts, ends = run.setdefault(act[4], ([], []))
                acts.append(act)
                ends.append(max(act[1], ends[-1]) if ends else act[1])
            runs[key] = run
        best = None
        while k < len(attributions) and attributions[k][:3] == (target, holder, si):
            a = attributions[k]
            for q, (acts, ends) in runs[key].items():
                if q == a[6]:
                    continue
                i = bisect.bisect_right(ends, a[5])
                if i < len(acts) and (best is None or acts[i] < best[1]):
                    best = (a, acts[i])
            k += 1
        if best is not None:
            a, act = best
            records.append((3, target, holder, a[4], (0, 0, a[2], a[3]), act))

    records.sort(key=lambda r: (r[0], r[1], r[2], r[3], ids[r[4][2]], ids[r[5][2]], r[4][3], r[5][3]))
    for kind, target, holder, other, first, second in records:
        record = {"kind": KIND_NAMES[kind]}
        if kind == 2:
            record["holders"] = [holder, other]
        else:
            record["holder"] = holder
        if kind == 3:
            record["attributed_by"] = other
        record["target"] = target
        record["statements"] = [ids[first[2]], ids[second[2]]]
        yield record


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: sweep.py DOCUMENT.json")
    with open(sys.argv[1], encoding="utf-8") as f:
        records = find(json.load(f))
    # json.dumps (indent=2) of {"contradictions": [...]}, one record at a
    # time: the whole text of millions of records does not fit in memory.
    out = sys.stdout
    n = 0
    for record in records:
        text = json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        out.write(("{\n  \"contradictions\": [\n    " if n == 0 else ",\n    ") + text)
        n += 1
    out.write("\n  ]\n}\n" if n else '{\n  "contradictions": []\n}\n')
    sys.exit(1 if n else 0)


if __name__ == "__main__":
    main()
