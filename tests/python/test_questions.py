#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Issue 10 from Python: questions from every side, editing, and the
overrides that make them read like Python (ordering of times, meta as
dicts, assignable properties, datetimes, to_dict(), repr()).

Run with Debian's /usr/bin/python3 and bindings/python on PYTHONPATH (meson
test does both).
"""

import datetime
import json
import os
import random
import unittest

import gi

gi.require_version("Stance", "1.0")
from gi.repository import GLib, Stance  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.environ.get("STANCE_EXAMPLES", os.path.join(SOURCE, "examples"))
STORY = os.path.join(EXAMPLES, "data", "cyber-2017-2020.json")
EXPECTED = os.path.join(EXAMPLES, "data", "cyber-2017-2020.expected.json")


def ids(model):
    return [item.get_id() for item in model]


def holders(edges):
    return [e.holder.id for e in edges]


class Questions(unittest.TestCase):
    def setUp(self):
        self.g = Stance.Graph.new_from_file(STORY)

    def test_stances_on_a_claim(self):
        on = self.g.get_stances_on(self.g["plan-2020"])
        self.assertEqual([(e.statement.id, e.holder.id) for e in on][:3],
                         [("putin-2020-09-25", "putin"), ("kaspersky-2020-09-25", "kaspersky"),
                          ("heise-2020-09", "putin")])

    def test_everything_putin_said(self):
        said = self.g.get_statements_by(self.g["putin"])
        self.assertEqual(ids(said), ["putin-2017-07", "putin-2020-09-25"])
        # Live: a new statement appears in time order.
        self.g.add_statement("putin-2018", self.g["putin"], datetime.date(2018, 7, 16))
        self.assertEqual(ids(said), ["putin-2017-07", "putin-2018", "putin-2020-09-25"])

    def test_camps_on_9_july_2017(self):
        camps = self.g.get_camps(self.g["cyber-unit"], datetime.date(2017, 7, 9))
        self.assertEqual(holders(camps.positive), ["mnuchin", "putin", "trump"])
        self.assertEqual(holders(camps.negative), ["graham", "rubio"])
        self.assertEqual(camps.withdrawn, [])
        record = camps.to_dict()
        self.assertEqual(record["time"], "2017-07-09")
        self.assertEqual(record["positive"][2], {"holder": "trump", "statement": "trump-2017-07-09",
                                                 "kind": "proposes"})
        self.assertIn("for [mnuchin, putin, trump]", repr(camps))
        now = self.g.get_camps(self.g["cyber-unit"])
        self.assertEqual(holders(now.withdrawn), ["trump"])
        self.assertIsNone(now.to_dict()["time"])
        # Live: Trump proposes again after his retraction.
        self.g["trump-2017-07-09"].time = "2017-07-11"
        self.assertEqual(now.withdrawn, [])
        self.assertIn("trump", holders(now.positive))

    def test_positions(self):
        positions = self.g.get_positions(self.g["trump"], "2017-07-09")
        self.assertEqual([(e.target.id, e.kind) for e in positions], [("cyber-unit", "proposes")])
        now = self.g.get_positions(self.g["trump"])
        self.assertEqual([(e.target.id, e.kind) for e in now],
                         [("cyber-unit", "retracts"), ("ceasefire", "confirms")])
        with self.assertRaises(GLib.Error):
            self.g.get_positions(self.g["trump"], "06/06/2019")

    def test_who_endorsed_the_plan_and_who_reported_it(self):
        plan = self.g["plan-2020"]
        endorsers = sorted({e.holder.id for e in self.g.get_stances_on(plan)
                            if e.kind == "endorses"})
        self.assertEqual(endorsers, ["kaspersky"])
        reporters = self.g.get_reporters(self.g["putin-2020-09-25"])
        self.assertIn("heise-2020-09", ids(reporters))
        heise = self.g["heise-2020-09"]
        self.assertEqual(heise.lang, "de")
        self.assertEqual(ids(self.g.get_report_chain(heise)), ["putin-2020-09-25"])

    def test_attributions_members_parts(self):
        self.assertEqual([e.statement.id for e in self.g.get_attributions(self.g["trump"])],
                         ["putin-2017-07", "duran-2017-07"])
        self.assertEqual(len(self.g.get_parts(self.g["plan-2020"])), 5)
        group = self.g.add_actor("g7", "G7", "group")
        self.g["us"].add_member_of(group)
        self.assertEqual(ids(self.g.get_members(group)), ["us"])


class Editing(unittest.TestCase):
    def setUp(self):
        self.g = Stance.Graph.new_from_file(STORY)

    def test_remove_refused_then_with_referrers(self):
        unit = self.g["cyber-unit"]
        before = self.g.save_to_data()
        with self.assertRaises(GLib.Error) as ctx:
            self.g.remove_node(unit)
        self.assertTrue(ctx.exception.matches(Stance.error_quark(), Stance.Error.IN_USE))
        self.assertEqual(self.g.save_to_data(), before)
        removed = []
        self.g.connect("node-removed", lambda g, node: removed.append(node.id))
        self.assertTrue(self.g.remove_node(unit, with_referrers=True))
        self.assertEqual(removed, ["cyber-unit"])
        self.assertNotIn("cyber-unit", self.g)
        self.assertNotIn(unit, self.g)
        self.assertEqual(unit.id, "cyber-unit")   # the view still reads
        Stance.Graph.new_from_data(self.g.save_to_data())

    def test_change_stance_and_undo(self):
        before = self.g.save_to_data()
        edge = self.g["trump-2017-07-10"].stances[0]
        changed = []
        self.g.connect("stance-changed", lambda g, e: changed.append(e.kind))
        edge.kind = "opposes"
        edge.target = self.g["cyber-treaty"]
        edge.holder = self.g["rubio"]
        self.assertTrue(edge.is_attributed())
        with self.assertRaises(GLib.Error) as ctx:
            edge.kind = "oposes"
        self.assertIn('did you mean "opposes"', ctx.exception.message)
        edge.holder = None
        edge.target = self.g["cyber-unit"]
        edge.kind = "retracts"
        self.assertEqual(self.g.save_to_data(), before)
        self.assertEqual(len(changed), 6)

    def test_assignable_properties(self):
        s = self.g["trump-2017-07-09"]
        s.text = "Putin & I discussed …"
        self.assertEqual(s.text, "Putin & I discussed …")
        s.time = datetime.datetime(2017, 7, 9, 21, 15, tzinfo=datetime.timezone.utc)
        self.assertEqual(str(s.time), "2017-07-09T21:15:00Z")
        s.lang = "en-US"
        s.source = "https://twitter.com/"
        s.reports = self.g["putin-2017-07"]
        self.assertEqual(s.reports.id, "putin-2017-07")
        s.reports = None
        a = self.g["trump"]
        a.name = "Donald Trump"
        a.kind = "person"
        self.assertEqual(a.kind, Stance.ActorKind.PERSON)
        a.aliases = ["@realDonaldTrump", "POTUS"]
        self.assertEqual(a.aliases, ["@realDonaldTrump", "POTUS"])
        c = self.g["plan-2020-point-1"]
        c.text = "Point 1"
        c.part_of = None
        self.assertIsNone(c.part_of)
        with self.assertRaises(GLib.Error):
            s.time = "06/06/2019"

    def test_meta_as_dict(self):
        s = self.g["trump-2017-07-09"]
        s.meta = {"coder": "anna", "confidence": [0.9, 1]}
        self.assertEqual(s.meta, {"coder": "anna", "confidence": [0.9, 1]})
        edge = s.stances[0]
        edge.meta = {"note": "é"}
        self.assertEqual(edge.meta, {"note": "é"})
        again = Stance.Graph.new_from_data(self.g.save_to_data())
        self.assertEqual(again["trump-2017-07-09"].meta["coder"], "anna")
        s.meta = None
        self.assertIsNone(s.meta)
        with self.assertRaises(TypeError):
            s.meta = [1, 2]

    def test_append_takes_dates(self):
        g = Stance.Graph.new()
        g.add_actor("a", "A")
        g.add_claim("cyber-unit", "C")
        self.assertTrue(g.append_statement("s", "a", datetime.date(2017, 7, 9), text="words"))
        self.assertTrue(g.append_stance("s", "proposes", "cyber-unit"))
        self.assertEqual(str(g["s"].time), "2017-07-09")
        with self.assertRaises(GLib.Error) as ctx:
            g.append_stance("s", "proposes", "cyber-unt")
        self.assertIn('did you mean "cyber-unit"', ctx.exception.message)


class Times(unittest.TestCase):
    def test_ordering_on_1000_random_times(self):
        rng = random.Random(10)
        texts = []
        for _ in range(1000):
            y, m, d = rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28)
            form = rng.randint(0, 4)
            texts.append(["%04d" % y, "%04d-%02d" % (y, m), "%04d-%02d-%02d" % (y, m, d),
                          "%04d-%02d-%02dT%02d:%02dZ" % (y, m, d, rng.randint(0, 23), rng.randint(0, 59)),
                          "%04d-%02d-%02dT%02d:%02d:%02d+%02d:00" % (y, m, d, rng.randint(0, 23), rng.randint(0, 59),
                                                                    rng.randint(0, 59), rng.randint(0, 12))][form])
        times = [Stance.Time.new_from_string(t) for t in texts]
        ordered = sorted(times)
        for a, b in zip(ordered, ordered[1:]):
            self.assertLessEqual((a.get_start(), a.get_end()), (b.get_start(), b.get_end()))
            self.assertTrue(a <= b)
            self.assertFalse(b < a)
        for _ in range(1000):
            a, b = rng.choice(times), rng.choice(times)
            key = ((a.get_start(), a.get_end()), (b.get_start(), b.get_end()))
            if key[0] < key[1]:
                self.assertTrue(a < b and a <= b and not a > b and b > a and a != b)
            # Exactly one of <, ==, > holds, and hash agrees with ==.
            self.assertEqual([a < b, a == b, a > b].count(True), 1)
            if a == b:
                self.assertEqual(hash(a), hash(b))
        self.assertEqual(min(times), ordered[0])

    def test_issue_cases(self):
        biden_1994 = Stance.Time.new_from_string("1994")
        biden_2019 = Stance.Time.new_from_string("2019-06-06")
        self.assertTrue(biden_1994 < biden_2019)
        for _ in range(100):
            self.assertTrue(Stance.Time.new_from_string("1994") < Stance.Time.new_from_string("2019-06-06"))
        g = Stance.Graph.new()
        a = g.add_actor("a", "A")
        for i, t in enumerate(["2019-06-06", "1977-06", "1994", "2019"]):
            g.add_statement("s%d" % i, a, t)
        self.assertEqual([str(t) for t in sorted(s.time for s in g.statements)],
                         ["1977-06", "1994", "2019", "2019-06-06"])
        # Same period, other offsets: ordered, but not equal.
        z = Stance.Time.new_from_string("2017-07-09T21:15Z")
        plus = Stance.Time.new_from_string("2017-07-09T23:15+02:00")
        self.assertNotEqual(z, plus)
        self.assertTrue((z < plus) != (plus < z))


class Records(unittest.TestCase):
    def test_contradiction_to_dict_is_the_check_record(self):
        g = Stance.Graph.new_from_file(STORY)
        with open(EXPECTED, encoding="utf-8") as f:
            expected = json.load(f)["contradictions"]
        self.assertEqual([c.to_dict() for c in g.find_contradictions()], expected)

    def test_save_to_data_round_trips(self):
        g = Stance.Graph.new_from_file(STORY)
        text = g.save_to_data()
        self.assertIsInstance(text, str)
        self.assertEqual(Stance.Graph.new_from_data(text).save_to_data(), text)

    def test_repr_everywhere(self):
        g = Stance.Graph.new_from_file(STORY)
        for thing in [g, g["trump"], g["cyber-unit"], g["trump-2017-07-09"], g["trump-2017-07-09"].stances[0],
                      g["trump-2017-07-09"].time, g.find_contradictions()[0], g.get_camps(g["cyber-unit"])]:
            self.assertTrue(repr(thing).startswith("<Stance."), repr(thing))


if __name__ == "__main__":
    unittest.main()
