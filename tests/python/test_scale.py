#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Counting, filtering and streaming contradictions from Python, as a
pipeline does: the 1.2 API through plain introspection."""

import os
import json
import tempfile
import unittest

import gi

gi.require_version("Stance", "1.0")
from gi.repository import Gio, Stance  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
STORY = os.path.join(HERE, "..", "..", "examples", "data", "cyber-2017-2020.json")


class Scale(unittest.TestCase):
    def setUp(self):
        self.graph = Stance.Graph.new_from_file(STORY)

    def conflicts_of_trump(self):
        f = Stance.ContradictionFilter.new()
        f.add_kind(Stance.ContradictionKind.CONFLICT)
        f.add_holder("trump")
        return f

    def test_count(self):
        self.assertEqual(self.graph.count_contradictions(None), 9)
        self.assertEqual(self.graph.count_contradictions(self.conflicts_of_trump()), 2)

    def test_find_filtered(self):
        found = self.graph.find_contradictions_filtered(self.conflicts_of_trump())
        self.assertEqual([c.get_other_holder().get_id() for c in found], ["trump", "trump"])

    def test_write_json_lines_to_a_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "out.jsonl")
            stream = Gio.File.new_for_path(path).replace(None, False, Gio.FileCreateFlags.NONE, None)
            self.assertTrue(self.graph.write_contradictions(None, Stance.ContradictionFormat.JSON_LINES, stream, None))
            stream.close(None)
            with open(path, encoding="utf-8") as f:
                records = [json.loads(line) for line in f]
        expected = os.path.join(os.path.dirname(STORY), "cyber-2017-2020.expected.json")
        with open(expected, encoding="utf-8") as f:
            self.assertEqual(records, json.load(f)["contradictions"])

    def test_filter_model_follows_the_live_model(self):
        model = Stance.ContradictionFilterModel.new(self.graph.get_contradictions(), self.conflicts_of_trump())
        self.assertEqual(model.get_n_items(), 2)
        self.assertTrue(self.graph.append_statement("rubio-late", "rubio", "2017-07-09", None, None, None))
        self.assertTrue(self.graph.append_statement("trump-late", "trump", "2017-08", None, None, None))
        self.assertTrue(self.graph.append_stance("trump-late", "proposes", "cyber-unit", None))
        self.assertEqual(model.get_n_items(), 2)
        self.assertTrue(all(self.conflicts_of_trump().matches(c) for c in model))

    def test_shard_of_is_fnv1a(self):
        h = 0xcbf29ce484222325
        for b in "cyber-unit".encode():
            h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
        self.assertEqual(Stance.ContradictionFilter.shard_of("cyber-unit", 7), h % 7)

    def test_bad_time_is_an_error(self):
        with self.assertRaises(gi.repository.GLib.Error):
            Stance.ContradictionFilter.new().set_from("July")


if __name__ == "__main__":
    unittest.main(verbosity=2)
