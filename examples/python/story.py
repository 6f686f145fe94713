#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tell the US–Russian cyber-security story of examples/data/ in Python.

It loads cyber-2017-2020.json (found beside this script, in ../data) and
tells what the graph holds: the statements on each claim in time order,
Trump's own timeline on the joint cyber-security unit, where he stood on
9 and 10 July 2017, and the contradictions, each explained in words and as
`stance check` prints it.

Run it with Debian's /usr/bin/python3 (it has PyGObject); from a checkout,
with GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at build/libstance, it
finds the overrides in bindings/python by itself.
"""

import datetime
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# From a checkout, PyGObject finds the overrides in bindings/python/gi/overrides.
sys.path.insert(1, os.path.join(HERE, "..", "..", "bindings", "python"))

import gi  # noqa: E402

gi.require_version("Stance", "1.0")
from gi.repository import Stance  # noqa: E402

STORY = os.path.join(HERE, "..", "data", "cyber-2017-2020.json")

MEANING = {
    "reversal": "a holder took a position, then later another one on the same target",
    "inconsistency": "a holder took opposite positions at times that cannot be ordered",
    "conflict": "two holders took opposite positions that held at the same time",
    "disputed-attribution": "a speaker said a holder took a position that the holder's own words dispute",
}


def quote(text, limit=90):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def said(edge):
    """"trump proposes", or "putin says trump endorses" for an attribution."""
    words = "%s %s" % (edge.holder.id, edge.kind)
    return "%s says %s" % (edge.statement.speaker.id, words) if edge.is_attributed() else words


def explain(c):
    """One sentence, with names and times, for a person to read."""
    first, second = c.props.first, c.props.second
    when1, when2 = first.statement.time, second.statement.time
    target = c.target.id
    if c.kind_name == "reversal":
        return "%s %s %s on %s, then %s it on %s." % (c.holders[0].name, first.kind, target, when1,
                                                     second.kind, when2)
    if c.kind_name == "inconsistency":
        return "%s %s %s (%s) and %s it (%s), and the times overlap." % (
            c.holders[0].name, first.kind, target, when1, second.kind, when2)
    if c.kind_name == "conflict":
        one, other = c.holders
        return "%s %s %s (%s) while %s %s it (%s)." % (one.name, first.kind, target, when1,
                                                     other.name, second.kind, when2)
    return "%s says (%s) that %s %s %s; %s's own statement of %s %s it." % (
        c.props.attributed_by.name, when1, c.holders[0].name, first.kind, target,
        c.holders[0].name, when2, second.kind)


def main():
    g = Stance.Graph.new_from_file(STORY)
    order = {s.id: i for i, s in enumerate(g.statements)}
    print("The US–Russian cyber-security story, 2017–2020")
    print("%d actors, %d claims, %d statements with %d stances\n" % (
        len(g.actors), len(g.claims), len(g.statements), g.get_n_stances()))

    print("1. What was said about each claim, in time order")
    for claim in g.claims:
        on_it = [(s, e) for s in g.statements for e in s.stances if e.target is claim]
        if not on_it:
            continue
        on_it.sort(key=lambda se: (se[0].time.get_start(), se[0].time.get_end(), order[se[0].id]))
        print("\n  %s: %s" % (claim.id, quote(claim.text)))
        for s, e in on_it:
            print("    %-10s  %-30s %s" % (s.time, s.id, said(e)))

    trump, unit = g["trump"], g["cyber-unit"]
    print("\n2. %s's own stances on the unit" % trump.name)
    for edge in g.get_timeline(trump, unit):
        s = edge.statement
        print("  %s  %-9s %s" % (s.time, edge.kind, quote(s.text) if s.text else "(no words)"))

    print("\n3. Where %s stood on the unit" % trump.name)
    for day in (datetime.date(2017, 7, 8), datetime.date(2017, 7, 9), datetime.date(2017, 7, 10)):
        edge = g.get_stance_at(trump, unit, day)
        if edge is None:
            print("  on %s: no stance yet" % day)
        elif edge.polarity_name == "withdrawal":
            print("  on %s: he had given it up (%s, %s)" % (day, edge.kind, edge.statement.id))
        else:
            print("  on %s: he %s it (%s)" % (day, edge.kind, edge.statement.id))

    found = g.find_contradictions()
    print("\n4. The %d contradictions, explained" % len(found))
    kind = None
    for c in found:
        if c.kind_name != kind:
            kind = c.kind_name
            print("\n  %s: %s" % (kind, MEANING[kind]))
        print("  - " + explain(c))
        print("    stance check: " + str(c))
    return 0


if __name__ == "__main__":
    sys.exit(main())
