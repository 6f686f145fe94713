#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Who reversed, and where users conflict, in the RumourEval 2017 threads.

RumourEval 2017 (SemEval-2017 Task 8, train and dev, from the PHEME project)
holds 297 Twitter threads about rumours during 8 breaking-news events of
2014-2015, each tweet labelled support, deny, query or comment towards its
thread's rumour.  This example reads ../shared/data/rumoureval2017/
tweets.jsonl (or $STANCE_SHARED_DATA/rumoureval2017/tweets.jsonl) with
libstance's ``rumoureval`` importer, which reads it exactly as the data
README says (doc/importers.md):

- an actor per user (id ``user-<user_id>``, named by the screen name, a
  later screen name kept as an alias);
- a claim per thread (``thread-<id>``): the thread's rumour, in the words of
  the source tweet, with its event in the claim's meta;
- a statement per tweet (``tweet-<id>``) by its author, at the second it was
  posted (UTC), with its text, language and URL, that ``reports`` the tweet
  it replies to;
- one stance per tweet on its thread's claim: the source tweet's author
  ``proposes`` the rumour, whatever the tweet's label; a reply labelled
  support, deny, query or comment ``supports``, ``denies``, ``questions`` or
  ``comments`` on it.

A user who supports a rumour and later denies it (or the reverse) in the same
thread has **reversed**; two users with opposite stances that hold at the
same time **conflict**; a user who supports and denies in the same second is
**inconsistent**.  Questions and comments take no position.  Nothing is
attributed, so there are no disputed attributions.

Figures measured on the data set (the first three lines that the script
prints; check_rumoureval.py, run by meson test, compares them with this):

    RumourEval 2017: 4,519 tweets in 297 threads about 8 events, by 3,085 users
    graph: 3,085 actors, 297 claims, 4,519 statements, 4,519 stances, 4,222 reports
    contradictions: 43 reversals by 34 users, 0 inconsistencies, 1,047 conflicts in 140 threads

27 of the 43 reversals turn a positive stance into denial (7 of them a source
tweet's author denying the rumour they had posted) and 16 denial into
support, most of them quickly: the median gap is 12 minutes, 32 come within
the hour.  @jlpauk reversed 4 times and @Tom_sveb 3 times, both in Ferguson
threads.  The most contested thread is Ferguson's "police release video they
say shows a robbery" (42 conflicting pairs of users).  No user supports and
denies in the same second, so there is no inconsistency.  By event:

    event              tweets  threads  reversals  inconsistencies  conflicts
    charliehebdo        1,071       74          3                0        211
    ebola-essien           34        2          1                0         17
    ferguson            1,084       46         18                0        272
    germanwings-crash     281       25          1                0         32
    ottawashooting        777       58          8                0        188
    prince-toronto        103       12          0                0         13
    putinmissing           62        9          4                0          3
    sydneysiege         1,107       71          8                0        311

Earlier versions of this example kept the label of the 20 source tweets
labelled deny or comment, and so found 42 reversals; the README's reading,
which the importer follows, has every source tweet propose its rumour.

Run it with Debian's /usr/bin/python3; from a checkout it finds the overrides
in bindings/python by itself.  It exits 77 (skipped, for meson test) when the
data set is absent.
"""

import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# From a checkout, PyGObject finds the overrides in bindings/python/gi/overrides.
sys.path.insert(1, os.path.join(HERE, "..", "..", "bindings", "python"))

import gi  # noqa: E402

gi.require_version("Stance", "1.0")
from gi.repository import Stance  # noqa: E402

SKIP = 77

def data_file():
    shared = os.environ.get("STANCE_SHARED_DATA") or os.path.join(HERE, "..", "..", "..", "shared", "data")
    return os.path.join(shared, "rumoureval2017", "tweets.jsonl")


def build(path):
    """The stance graph of the tweets, the event of each claim and the event
    of each tweet."""
    g = Stance.Importer.for_format("rumoureval").import_file(path, None)
    events = {c.props.id: c.get_meta().get_object().get_string_member("event") for c in g.claims}
    tweet_events = [events[s.dup_stances()[0].props.target.props.id] for s in g.statements]
    return g, events, tweet_events


def n(number):
    return format(number, ",")


def main():
    path = data_file()
    if not os.path.exists(path):
        print("skipped: the RumourEval 2017 data set is not at %s" % os.path.normpath(path), file=sys.stderr)
        return SKIP
    g, events, tweet_events = build(path)
    found = list(g.find_contradictions())
    by_kind = collections.defaultdict(list)
    for c in found:
        by_kind[c.kind_name].append(c)
    reversals, inconsistencies, conflicts = by_kind["reversal"], by_kind["inconsistency"], by_kind["conflict"]
    reporting = sum(1 for s in g.statements if s.props.reports is not None)

    print("RumourEval 2017: %s tweets in %s threads about %s events, by %s users" % (
        n(len(tweet_events)), n(len(events)), n(len(set(events.values()))), n(g.get_n_actors())))
    print("graph: %s actors, %s claims, %s statements, %s stances, %s reports" % (
        n(g.get_n_actors()), n(g.get_n_claims()), n(g.get_n_statements()), n(g.get_n_stances()), n(reporting)))
    print("contradictions: %s reversals by %s users, %s inconsistencies, %s conflicts in %s threads" % (
        n(len(reversals)), n(len({c.holders[0].id for c in reversals})), n(len(inconsistencies)),
        n(len(conflicts)), n(len({c.target.id for c in conflicts}))))
    if by_kind["disputed-attribution"]:
        print("unexpected: %d disputed attributions" % len(by_kind["disputed-attribution"]))

    print("\nWho reversed (reversals by user):")
    per_user = collections.Counter(c.holders[0].id for c in reversals)
    for user, count in sorted(per_user.items(), key=lambda item: (-item[1], g[item[0]].name.lower())):
        example = next(c for c in reversals if c.holders[0].id == user)
        first, second = example.props.first, example.props.second
        print("  @%-18s %d  e.g. %s %s, then %s %s (%s)" % (
            g[user].name, count, first.kind, first.statement.time, second.kind, second.statement.time,
            events[example.target.id]))

    print("\nWhere users conflict (threads with the most conflicting pairs of users):")
    per_thread = collections.Counter(c.target.id for c in conflicts)
    for claim, count in sorted(per_thread.items(), key=lambda item: (-item[1], item[0]))[:10]:
        text = " ".join(g[claim].text.split())
        print("  %5s pairs  %-17s %s" % (n(count), events[claim], text[:70] + ("…" if len(text) > 70 else "")))

    print("\nInconsistencies (one user, both ways in the same second):")
    for c in inconsistencies:
        print("  " + str(c))
    if not inconsistencies:
        print("  none")

    print("\nBy event:")
    print("    event              tweets  threads  reversals  inconsistencies  conflicts")
    tweets_per_event = collections.Counter(tweet_events)
    threads_per_event = collections.Counter(events.values())
    for event in sorted(tweets_per_event):
        count = collections.Counter(c.kind_name for c in found if events[c.target.id] == event)
        print("    %-17s %7s  %7s  %9s  %15s  %9s" % (
            event, n(tweets_per_event[event]), n(threads_per_event[event]),
            n(count["reversal"]), n(count["inconsistency"]), n(count["conflict"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
