#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The PyGObject overrides of bindings/python/gi/overrides/Stance.py.

Every addition the overrides make, that the GObject API under them is still
all there, and that errors are still GLib.Error in the Stance.Error domain.
Run with Debian's /usr/bin/python3 with bindings/python on PYTHONPATH (meson
test does both); STANCE_PYTHON_OVERRIDES, when set, is the directory the
overrides must come from.
"""

import datetime
import gc
import glob
import json
import os
import pathlib
import runpy
import sys
import tempfile
import unittest

import gi

gi.require_version("Stance", "1.0")
from gi.repository import Gio, GLib, Stance  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.environ.get("STANCE_EXAMPLES", os.path.join(SOURCE, "examples"))
STORY = os.path.join(EXAMPLES, "data", "cyber-2017-2020.json")
VECTORS = os.path.join(SOURCE, "tests", "data", "contradictions")

UTC = datetime.timezone.utc


def small_graph():
    """The SPEC story in small: a reversal and a conflict, and an attribution."""
    g = Stance.Graph.new()
    trump = g.add_actor("trump", "Donald J. Trump", Stance.ActorKind.PERSON)
    rubio = g.add_actor("rubio", "Marco Rubio", Stance.ActorKind.PERSON)
    putin = g.add_actor("putin", "Vladimir Putin", Stance.ActorKind.PERSON)
    unit = g.add_claim("cyber-unit", "Form a joint US–Russian cyber-security unit")
    g.add_statement("t1", trump, "2017-07-09").add_stance("proposes", unit, None)
    g.add_statement("t2", trump, "2017-07-10").add_stance("retracts", unit, None)
    g.add_statement("r1", rubio, "2017-07").add_stance("opposes", unit, None)
    p1 = g.add_statement("p1", putin, "2017-07")
    p1.add_stance("confirms", unit, None)
    p1.add_stance("endorses", unit, trump)
    return g


def record(c):
    """A contradiction as `stance check --json` writes it, from the overrides."""
    out = {"kind": c.kind_name}
    if c.kind_name == "conflict":
        out["holders"] = [a.id for a in c.holders]
    else:
        out["holder"] = c.holders[0].id
    if c.kind_name == "disputed-attribution":
        out["attributed_by"] = c.props.attributed_by.id
    out["target"] = c.target.id
    out["statements"] = [s.id for s in c.statements]
    return out


class StanceErrorAssertions(unittest.TestCase):
    def assertStanceError(self, code, func, *args):
        with self.assertRaises(GLib.Error) as ctx:
            func(*args)
        self.assertEqual(ctx.exception.domain, GLib.quark_to_string(Stance.error_quark()))
        self.assertEqual(ctx.exception.code, int(code))
        self.assertTrue(ctx.exception.matches(Stance.error_quark(), code))
        return ctx.exception


class Loading(unittest.TestCase):
    def test_overrides_are_loaded(self):
        self.assertEqual(type(Stance.Graph.new()).__module__, "gi.overrides.Stance")
        self.assertIn("gi.overrides.Stance", sys.modules)

    def test_overrides_come_from_the_tree_under_test(self):
        wanted = os.environ.get("STANCE_PYTHON_OVERRIDES")
        if not wanted:
            self.skipTest("STANCE_PYTHON_OVERRIDES is not set")
        loaded = os.path.dirname(os.path.realpath(sys.modules["gi.overrides.Stance"].__file__))
        self.assertEqual(loaded, os.path.realpath(wanted))

    def test_every_addition_is_documented(self):
        for name in sys.modules["gi.overrides.Stance"].__all__:
            cls = getattr(Stance, name)
            for attr, value in vars(cls).items():
                if attr.startswith("_") or attr in ("__info__",):
                    continue
                self.assertTrue(getattr(value, "__doc__", None), "%s.%s has no docstring" % (name, attr))


class GraphAsContainer(unittest.TestCase):
    def setUp(self):
        self.g = small_graph()

    def test_len_counts_every_node(self):
        self.assertEqual(len(self.g), 3 + 1 + 4)
        self.g.add_claim("ceasefire", "A ceasefire")
        self.assertEqual(len(self.g), 9)
        self.assertEqual(len(self.g), self.g.get_n_actors() + self.g.get_n_claims() + self.g.get_n_statements())

    def test_empty_graph_is_false(self):
        self.assertFalse(Stance.Graph.new())
        self.assertTrue(self.g)

    def test_iteration_yields_actors_claims_statements_in_graph_order(self):
        self.assertEqual([n.id for n in self.g],
                         ["trump", "rubio", "putin", "cyber-unit", "t1", "t2", "r1", "p1"])
        self.assertEqual([type(n).__name__ for n in self.g][2:5], ["Actor", "Claim", "Statement"])

    def test_getitem_looks_up_by_id(self):
        trump = self.g["trump"]
        self.assertIsInstance(trump, Stance.Actor)
        self.assertIsInstance(self.g["cyber-unit"], Stance.Claim)
        self.assertIsInstance(self.g["t1"], Stance.Statement)
        self.assertEqual(trump.get_name(), "Donald J. Trump")

    def test_getitem_is_the_same_object(self):
        self.assertIs(self.g["trump"], self.g["trump"])
        self.assertIs(self.g["trump"], self.g.lookup("trump"))
        self.assertIs(self.g["t1"].speaker, self.g["trump"])
        actor = self.g.add_actor("graham", "Lindsey Graham")
        self.assertIs(self.g["graham"], actor)

    def test_getitem_raises_keyerror_when_absent(self):
        with self.assertRaises(KeyError) as ctx:
            self.g["cyber-unt"]
        self.assertEqual(ctx.exception.args, ("cyber-unt",))
        with self.assertRaises(TypeError):
            self.g[0]

    def test_contains_ids_and_nodes(self):
        self.assertIn("trump", self.g)
        self.assertIn("t2", self.g)
        self.assertNotIn("cyber-unt", self.g)
        self.assertIn(self.g["cyber-unit"], self.g)
        other = Stance.Graph.new().add_claim("cyber-unit", "elsewhere")
        self.assertNotIn(other, self.g)
        self.assertNotIn(42, self.g)

    def test_node_models_are_live_list_models(self):
        actors = self.g.actors
        self.assertIsInstance(actors, Gio.ListModel)
        self.assertEqual(len(actors), 3)
        self.assertEqual([a.id for a in actors], ["trump", "rubio", "putin"])
        self.assertIs(actors[0], self.g["trump"])
        self.assertIs(actors[-1], self.g["putin"])
        self.assertEqual([a.id for a in actors[1:]], ["rubio", "putin"])
        with self.assertRaises(IndexError):
            actors[3]
        self.g.add_actor("graham", "Lindsey Graham")
        self.assertEqual(len(actors), 4)
        self.assertEqual(actors[3].id, "graham")
        self.assertEqual([c.id for c in self.g.claims], ["cyber-unit"])
        self.assertEqual([s.id for s in self.g.statements], ["t1", "t2", "r1", "p1"])
        self.assertIs(self.g.statements, self.g.get_statements())

    def test_find_contradictions_is_a_model(self):
        found = self.g.find_contradictions()
        self.assertIsInstance(found, Gio.ListModel)
        self.assertEqual(len(found), found.get_n_items())
        self.assertEqual([c.kind_name for c in found],
                         ["reversal", "conflict", "conflict", "disputed-attribution"])


class Reprs(unittest.TestCase):
    def setUp(self):
        self.g = small_graph()

    def test_graph(self):
        self.assertEqual(repr(self.g), "<Stance.Graph 3 actors, 1 claims, 4 statements, 5 stances>")

    def test_nodes(self):
        self.assertEqual(repr(self.g["trump"]), "<Stance.Actor 'trump' 'Donald J. Trump' person>")
        self.assertEqual(repr(self.g["cyber-unit"]),
                         "<Stance.Claim 'cyber-unit' 'Form a joint US–Russian cyber-security …'>")
        self.assertEqual(repr(self.g.add_claim("short", "Short")), "<Stance.Claim 'short' 'Short'>")
        self.assertEqual(repr(self.g["t1"]), "<Stance.Statement 't1' by trump at 2017-07-09>")

    def test_edges(self):
        own, attributed = self.g["p1"].stances
        self.assertEqual(repr(own), "<Stance.Edge 'p1': putin confirms cyber-unit>")
        self.assertEqual(repr(attributed), "<Stance.Edge 'p1': putin says trump endorses cyber-unit>")

    def test_contradictions(self):
        self.assertEqual([repr(c) for c in self.g.find_contradictions()], [
            "<Stance.Contradiction reversal trump on cyber-unit: t1, t2>",
            "<Stance.Contradiction conflict putin, rubio on cyber-unit: p1, r1>",
            "<Stance.Contradiction conflict rubio, trump on cyber-unit: r1, t1>",
            "<Stance.Contradiction disputed-attribution trump (attributed by putin) on cyber-unit: p1, t2>",
        ])

    def test_time(self):
        self.assertEqual(repr(self.g["t1"].time), "<Stance.Time '2017-07-09'>")


class Times(unittest.TestCase):
    def setUp(self):
        self.g = Stance.Graph.new()
        self.a = self.g.add_actor("a", "A")

    def test_statement_time_is_a_stance_time(self):
        s = self.g.add_statement("s", self.a, "2017-07-09")
        self.assertIsInstance(s.time, Stance.Time)
        self.assertEqual(str(s.time), "2017-07-09")
        self.assertEqual(s.time.get_precision(), Stance.TimePrecision.DAY)

    def test_start_and_end_are_aware_utc_datetimes(self):
        day = Stance.Time.new_from_string("2017-07-09")
        self.assertEqual(day.start, datetime.datetime(2017, 7, 9, tzinfo=UTC))
        self.assertEqual(day.end, datetime.datetime(2017, 7, 10, tzinfo=UTC))
        self.assertIs(day.start.tzinfo, UTC)
        month = Stance.Time.new_from_string("2017-07")
        self.assertEqual((month.start, month.end),
                         (datetime.datetime(2017, 7, 1, tzinfo=UTC), datetime.datetime(2017, 8, 1, tzinfo=UTC)))
        second = Stance.Time.new_from_string("2017-07-09T21:15:33+02:00")
        self.assertEqual(second.start, datetime.datetime(2017, 7, 9, 19, 15, 33, tzinfo=UTC))
        self.assertEqual(second.end - second.start, datetime.timedelta(seconds=1))
        self.assertEqual(second.start.timestamp(), second.get_start())
        self.assertEqual(str(second), "2017-07-09T21:15:33+02:00")

    def test_the_edges_of_the_calendar(self):
        self.assertEqual(Stance.Time.new_from_string("0001").start, datetime.datetime(1, 1, 1, tzinfo=UTC))
        last = Stance.Time.new_from_string("9999")
        self.assertEqual(last.start, datetime.datetime(9999, 1, 1, tzinfo=UTC))
        self.assertIsNone(last.end)
        self.assertIsNone(Stance.Time.new_from_string("0001-01-01T00:30+01:00").start)

    def test_equality_is_as_written(self):
        a = Stance.Time.new_from_string("2017-07-09T21:15Z")
        self.assertEqual(a, Stance.Time.new_from_string("2017-07-09T21:15Z"))
        self.assertNotEqual(a, Stance.Time.new_from_string("2017-07-09T23:15+02:00"))
        self.assertEqual(a.compare(Stance.Time.new_from_string("2017-07-09T23:15+02:00")), 0)
        self.assertNotEqual(a, "2017-07-09T21:15Z")
        self.assertEqual(len({a, Stance.Time.new_from_string("2017-07-09T21:15Z")}), 1)

    def test_from_datetime(self):
        cases = [
            (datetime.date(2017, 7, 9), "2017-07-09", Stance.TimePrecision.DAY),
            (datetime.date(1, 1, 1), "0001-01-01", Stance.TimePrecision.DAY),
            (datetime.datetime(2017, 7, 9, 21, 15, 33, tzinfo=UTC), "2017-07-09T21:15:33Z",
             Stance.TimePrecision.SECOND),
            (datetime.datetime(2017, 7, 9, 21, 15, 33, 999999,
                               tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
             "2017-07-09T21:15:33+02:00", Stance.TimePrecision.SECOND),
            (datetime.datetime(2017, 7, 9, 21, 15, tzinfo=datetime.timezone(-datetime.timedelta(hours=5, minutes=30))),
             "2017-07-09T21:15:00-05:30", Stance.TimePrecision.SECOND),
            (datetime.datetime(2017, 7, 9, 21, 15, 33), "2017-07-09T21:15:33", Stance.TimePrecision.SECOND),
            (datetime.datetime(1900, 1, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(minutes=53, seconds=28))),
             "1900-01-01T11:06:32Z", Stance.TimePrecision.SECOND),
        ]
        for value, text, precision in cases:
            with self.subTest(value=value):
                t = Stance.Time.from_datetime(value)
                self.assertIsInstance(t, Stance.Time)
                self.assertEqual(str(t), text)
                self.assertEqual(t.get_precision(), precision)
        aware = datetime.datetime(2017, 7, 9, 21, 15, 33, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
        self.assertEqual(Stance.Time.from_datetime(aware).start, aware)
        naive = datetime.datetime(2017, 7, 9, 21, 15, 33)
        self.assertEqual(Stance.Time.from_datetime(naive).start, naive.replace(tzinfo=UTC))

    def test_add_statement_takes_dates_datetimes_times_and_strings(self):
        s1 = self.g.add_statement("s1", self.a, datetime.date(2017, 7, 9))
        s2 = self.g.add_statement("s2", self.a, datetime.datetime(2015, 1, 7, 11, 6, 8, tzinfo=UTC))
        s3 = self.g.add_statement("s3", self.a, Stance.Time.new_from_string("2017-07"))
        s4 = self.g.add_statement("s4", self.a, "2017")
        self.assertEqual([s.dup_time_string() for s in (s1, s2, s3, s4)],
                         ["2017-07-09", "2015-01-07T11:06:08Z", "2017-07", "2017"])

    def test_add_statement_refuses_other_types(self):
        with self.assertRaises(TypeError):
            self.g.add_statement("s", self.a, 2017)
        self.assertNotIn("s", self.g)

    def test_set_time_takes_a_datetime(self):
        s = self.g.add_statement("s", self.a, "2017")
        self.assertTrue(s.set_time(datetime.datetime(2017, 7, 9, 21, 15, 33, tzinfo=UTC)))
        self.assertEqual(str(s.time), "2017-07-09T21:15:33Z")
        s.set_time("2017-07")
        self.assertEqual(str(s.time), "2017-07")

    def test_get_stance_at_takes_dates(self):
        g = small_graph()
        trump, unit = g["trump"], g["cyber-unit"]
        self.assertEqual(g.get_stance_at(trump, unit, datetime.date(2017, 7, 9)).kind, "proposes")
        self.assertEqual(g.get_stance_at(trump, unit, datetime.datetime(2017, 7, 10, 12, tzinfo=UTC)).kind,
                         "retracts")
        self.assertEqual(g.get_stance_at(trump, unit, "2017-07-10").kind, "retracts")
        self.assertIsNone(g.get_stance_at(trump, unit, datetime.date(2017, 7, 8)))


class KindNames(StanceErrorAssertions):
    def test_actor_kinds_by_name(self):
        g = Stance.Graph.new()
        self.assertEqual(g.add_actor("trump", "Donald J. Trump", "person").props.kind, Stance.ActorKind.PERSON)
        self.assertEqual(g.add_actor("reuters", "Reuters", Stance.ActorKind.MEDIA).kind_name, "media")
        self.assertEqual(g.add_actor("x", "X").kind_name, "other")
        for kind in Stance.ActorKind.__enum_values__.values():
            with self.subTest(kind=kind):
                g["x"].set_kind(kind.value_nick)
                self.assertEqual(g["x"].get_kind(), kind)
                self.assertEqual(g["x"].kind_name, kind.value_nick)
        g["x"].set_kind(Stance.ActorKind.STATE)
        self.assertEqual(g["x"].kind_name, "state")

    def test_unknown_actor_kind_is_an_error_and_changes_nothing(self):
        g = Stance.Graph.new()
        self.assertStanceError(Stance.Error.INVALID_VALUE, g.add_actor, "trump", "Donald J. Trump", "persn")
        self.assertEqual(len(g), 0)
        actor = g.add_actor("trump", "Donald J. Trump", "person")
        self.assertStanceError(Stance.Error.INVALID_VALUE, actor.set_kind, "president")
        self.assertEqual(actor.kind_name, "person")

    def test_polarities_by_name(self):
        g = Stance.Graph.new()
        self.assertTrue(g.declare_kind("praises", "positive"))
        self.assertTrue(g.declare_kind("mocks", Stance.Polarity.NEGATIVE))
        self.assertEqual(g.lookup_kind("praises"), (True, Stance.Polarity.POSITIVE))
        self.assertStanceError(Stance.Error.INVALID_KIND, g.declare_kind, "doubts", "sceptical")
        self.assertEqual(g.lookup_kind("doubts"), (False, Stance.Polarity.POSITIVE))
        self.assertStanceError(Stance.Error.INVALID_KIND, g.declare_kind, "praises", "negative")

    def test_edge_kind_and_polarity_names(self):
        g = Stance.Graph.new()
        a = g.add_actor("a", "A")
        c = g.add_claim("c", "C")
        s = g.add_statement("s", a, "2017")
        for kind, polarity in [("proposes", "positive"), ("denies", "negative"),
                               ("retracts", "withdrawal"), ("comments", "neutral")]:
            with self.subTest(kind=kind):
                edge = s.add_stance(kind, c, None)
                self.assertEqual(edge.kind, kind)
                self.assertEqual(edge.polarity_name, polarity)
                self.assertEqual(edge.props.polarity.value_nick, polarity)

    def test_contradiction_kind_names(self):
        g = small_graph()
        g.add_statement("t3", g["trump"], "2017-07").add_stance("opposes", g["cyber-unit"], None)
        names = {c.kind_name for c in g.find_contradictions()}
        self.assertEqual(names, {"reversal", "inconsistency", "conflict", "disputed-attribution"})
        for c in g.find_contradictions():
            self.assertEqual(c.kind_name, Stance.ContradictionKind.to_string(c.props.kind))


class Contradictions(unittest.TestCase):
    def test_holders_statements_and_str(self):
        reversal, conflict, _, disputed = small_graph().find_contradictions()
        self.assertEqual([a.id for a in reversal.holders], ["trump"])
        self.assertEqual([a.id for a in conflict.holders], ["putin", "rubio"])
        self.assertEqual([a.id for a in disputed.holders], ["trump"])
        self.assertEqual(disputed.props.attributed_by.id, "putin")
        self.assertTrue(all(isinstance(s, Stance.Statement) for s in reversal.statements))
        self.assertEqual([s.id for s in reversal.statements], ["t1", "t2"])
        self.assertIs(reversal.target, reversal.get_target())
        for c in (reversal, conflict, disputed):
            self.assertEqual(str(c), c.describe())

    def test_the_story_as_stance_check_tells_it(self):
        g = Stance.Graph.new_from_file(STORY)
        with open(os.path.join(EXAMPLES, "data", "cyber-2017-2020.expected.json"), encoding="utf-8") as f:
            expected = json.load(f)["contradictions"]
        self.assertEqual([record(c) for c in g.find_contradictions()], expected)

    def test_the_contradiction_vectors(self):
        names = sorted(glob.glob(os.path.join(VECTORS, "*.expected.json")))
        if not names:
            self.skipTest("no contradiction vectors in %s" % VECTORS)
        for expected_name in names:
            name = expected_name[:-len(".expected.json")] + ".json"
            with self.subTest(vector=os.path.basename(name)):
                with open(expected_name, encoding="utf-8") as f:
                    expected = json.load(f)["contradictions"]
                found = Stance.Graph.new_from_file(name).find_contradictions()
                self.assertEqual([record(c) for c in found], expected)


class NodesAndEdges(unittest.TestCase):
    def setUp(self):
        self.g = Stance.Graph.new_from_file(STORY)

    def test_shortcuts(self):
        trump = self.g["trump"]
        self.assertEqual(trump.id, "trump")
        self.assertEqual(trump.name, "Donald J. Trump")
        self.assertEqual(trump.kind_name, "person")
        self.assertEqual([a.id for a in trump.member_of], ["us", "republicans"])
        self.assertEqual(self.g["cyber-unit"].text, "Form a joint US–Russian cyber-security unit")
        s = self.g["trump-2017-07-10"]
        self.assertIs(s.speaker, trump)
        self.assertTrue(s.text.startswith("The fact that President Putin"))
        self.assertIsNone(self.g["rubio-2017-07"].text)
        self.assertEqual(str(s.time), "2017-07-10")

    def test_stances(self):
        p = self.g["putin-2017-07"]
        stances = p.stances
        self.assertEqual([(e.kind, e.target.id, e.holder.id, e.is_attributed()) for e in stances], [
            ("confirms", "cyber-unit", "putin", False),
            ("endorses", "cyber-unit", "trump", True),
            ("questions", "russia-election-interference", "putin", False),
        ])
        self.assertTrue(all(e.statement is p for e in stances))
        self.assertEqual(len(stances), p.get_n_stances())

    def test_arrays_are_safe_to_ask_for_again_and_drop(self):
        # dup_stances() and dup_member_of() themselves, repeatedly, with
        # collections in between: PyGObject must neither crash nor leak.
        finalized = []
        for _ in range(3):
            for s in self.g.statements:
                edges = s.dup_stances()
                self.assertEqual([e.statement for e in edges], [s] * s.get_n_stances())
                self.assertIs(s.stances[0], edges[0])
            for a in self.g.actors:
                a.dup_member_of()
            gc.collect()
        edges = self.g["putin-2017-07"].dup_stances()
        for e in edges:
            e.weak_ref(lambda: finalized.append(True))
        del e, edges
        gc.collect()
        self.assertEqual(len(finalized), 3)

    def test_shortcuts_that_name_no_setter_are_read_only(self):
        # Issue 10: what a setter can change is assignable (name, text ...);
        # what none can (id, speaker) is not.
        self.g["trump"].name = "Someone"
        self.assertEqual(self.g["trump"].get_name(), "Someone")
        with self.assertRaises(AttributeError):
            self.g["trump"].id = "donald"
        with self.assertRaises(AttributeError):
            self.g["trump-2017-07-10"].speaker = self.g["putin"]


class GObjectApiStaysCallable(StanceErrorAssertions):
    def test_plain_calls(self):
        g = Stance.Graph.new_from_file(STORY)
        self.assertEqual((g.get_n_actors(), g.get_n_claims(), g.get_n_statements()), (20, 13, 32))
        trump = g.lookup("trump")
        self.assertEqual(trump.props.kind, Stance.ActorKind.PERSON)
        self.assertEqual(trump.get_id(), trump.props.id)
        unit = g.lookup("cyber-unit")
        timeline = g.get_timeline(trump, unit)
        self.assertEqual([e.get_kind() for e in timeline], ["proposes", "retracts"])
        self.assertEqual(g.get_stance_at(trump, unit, "2017-07-09").get_statement().get_id(), "trump-2017-07-09")
        self.assertEqual(g.get_actors().get_item(0).get_id(), "us")
        c = g.find_contradictions().get_item(0)
        self.assertEqual(c.props.kind, Stance.ContradictionKind.REVERSAL)
        self.assertEqual([s.props.id for s in c.get_statements()], ["trump-2017-07-09", "trump-2017-07-10"])
        self.assertEqual(g.lookup("trump-2017-07-09").props.time.to_string(), "2017-07-09")
        self.assertEqual(g.add_actor("nobody", "Nobody", Stance.ActorKind.GROUP).props.kind, Stance.ActorKind.GROUP)

    def test_errors_keep_their_domain_and_code(self):
        g = small_graph()
        trump, unit, t1 = g["trump"], g["cyber-unit"], g["t1"]
        before = g.save_to_data()
        self.assertStanceError(Stance.Error.DUPLICATE_ID, g.add_claim, "trump", "again")
        self.assertStanceError(Stance.Error.DUPLICATE_ID, g.add_actor, "t1", "again", "person")
        self.assertStanceError(Stance.Error.INVALID_ID, g.add_actor, "", "nobody")
        self.assertStanceError(Stance.Error.INVALID_TIME, g.add_statement, "t9", trump, "2017-13")
        self.assertStanceError(Stance.Error.INVALID_TIME, t1.set_time, "2017-07-09T24:00Z")
        self.assertStanceError(Stance.Error.INVALID_TIME, g.get_stance_at, trump, unit, "July")
        self.assertStanceError(Stance.Error.INVALID_TIME, Stance.Time.new_from_string, "2017-7")
        self.assertStanceError(Stance.Error.UNKNOWN_KIND, t1.add_stance, "praises", unit, None)
        other = Stance.Graph.new().add_claim("elsewhere", "a claim of another graph")
        self.assertStanceError(Stance.Error.WRONG_NODE, t1.add_stance, "proposes", other, None)
        stranger = Stance.Graph.new().add_actor("stranger", "An actor of another graph")
        self.assertStanceError(Stance.Error.WRONG_NODE, g.add_statement, "t9", stranger, datetime.date(2017, 7, 9))
        self.assertEqual(g.save_to_data(), before)

    def test_invalid_documents(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = pathlib.Path(tmp, "bad.json")
            bad.write_text('{"stance": 1, "claims": [{"id": "c"}]}', encoding="utf-8")
            err = self.assertStanceError(Stance.Error.MISSING_MEMBER, Stance.Graph.new_from_file, bad)
            self.assertIn("claims[0]", err.message)
            with self.assertRaises(GLib.Error) as ctx:
                Stance.Graph.new_from_file(pathlib.Path(tmp, "absent.json"))
            self.assertEqual(ctx.exception.domain, GLib.quark_to_string(GLib.file_error_quark()))


class Files(unittest.TestCase):
    def test_path_like_file_names(self):
        g = Stance.Graph.new_from_file(pathlib.Path(STORY))
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "story.json"
            self.assertTrue(g.save_to_file(path))
            self.assertEqual(path.read_text(encoding="utf-8"), g.save_to_data())
            again = Stance.Graph.new()
            self.assertTrue(again.load_from_file(path))
            self.assertEqual(len(again), len(g))
            self.assertEqual(Stance.Graph.new_from_file(str(path)).save_to_data(), g.save_to_data())


    def test_documents_in_memory_as_str_or_bytes(self):
        with open(STORY, encoding="utf-8") as f:
            text = f.read()
        from_str = Stance.Graph.new_from_data(text)
        from_bytes = Stance.Graph.new_from_data(text.encode("utf-8"))
        self.assertEqual(from_str.save_to_data(), from_bytes.save_to_data())
        self.assertEqual(len(from_str), 65)
        g = Stance.Graph.new()
        self.assertTrue(g.load_from_data('{"stance": 1, "claims": [{"id": "c", "text": "Ça"}]}'))
        self.assertEqual(g["c"].text, "Ça")
        with self.assertRaises(GLib.Error) as ctx:
            g.load_from_data('{"stance": 1, "claims": [{"id": "c", "text": "again"}]}')
        self.assertEqual(ctx.exception.code, int(Stance.Error.DUPLICATE_ID))
        self.assertEqual(len(g), 1)


class SpecSnippetWithOverrides(unittest.TestCase):
    def test_snippet_runs(self):
        with tempfile.TemporaryDirectory() as tmp:
            cwd = os.getcwd()
            os.chdir(tmp)
            try:
                ns = runpy.run_path(os.path.join(HERE, "spec_snippet.py"))
            finally:
                os.chdir(cwd)
        self.assertEqual(type(ns["g"]).__module__, "gi.overrides.Stance")
        self.assertEqual(repr(ns["c"]), "<Stance.Contradiction reversal trump on cyber-unit: t1, t2>")
        self.assertEqual(len(ns["g2"]), 4)
        self.assertEqual(repr(ns["s1"]), "<Stance.Statement 't1' by trump at 2017-07-09>")


if __name__ == "__main__":
    unittest.main(verbosity=2)
