#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The seed story asked from every side, in Python.

Who is for and against the cyber-security unit on 9 July 2017?  Everything
Putin said.  Who endorsed Putin's 2020 plan, and who reported it?
Run from the source root, or give the story's path.
"""

import datetime
import os
import sys

import gi

gi.require_version("Stance", "1.0")
from gi.repository import Stance  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "data", "cyber-2017-2020.json")
story = Stance.Graph.new_from_file(path)

# Who is for and against the unit on 9 July 2017?
camps = story.get_camps(story["cyber-unit"], datetime.date(2017, 7, 9))
print("On 9 July 2017, on the cyber-security unit:")
for title, camp in (("for", camps.positive), ("against", camps.negative), ("withdrawn", camps.withdrawn)):
    print("  %s: %s" % (title, ", ".join("%s (%s)" % (e.holder.id, e.kind) for e in camp) or "nobody"))

# Everything Putin said, in time order.
print("\nEverything Putin said:")
for statement in story.get_statements_by(story["putin"]):
    print("  %s %s: %s" % (statement.time, statement.id,
                           ", ".join("%s %s" % (e.kind, e.target.id) for e in statement.stances)))

# Who endorsed the plan, and who reported it?
print("\nEndorsements of Putin's 2020 plan:")
for edge in story.get_stances_on(story["plan-2020"]):
    if edge.kind != "endorses":
        continue
    if edge.is_attributed():
        print("  %s, as %s says in %s" % (edge.holder.id, edge.statement.speaker.id, edge.statement.id))
        continue
    print("  %s, in %s" % (edge.holder.id, edge.statement.id))
    for report in story.get_reporters(edge.statement):
        print("    reported by %s in %s (%s)" % (report.speaker.id, report.id, report.lang))

print("\nWho reported putin-2020-09-25:")
for report in story.get_reporters(story["putin-2020-09-25"]):
    print("  %s %s (%s, in %s)" % (report.time, report.id, report.speaker.id, report.lang))
