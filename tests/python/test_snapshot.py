#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Binary snapshots through GObject introspection, as a Python app uses them.

Run with Debian's /usr/bin/python3 on the typelib of the build (meson test
sets GI_TYPELIB_PATH).
"""

import os
import tempfile
import unittest

import gi

gi.require_version("Stance", "1.0")
from gi.repository import GLib, Stance  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.environ.get("STANCE_EXAMPLES", os.path.join(SOURCE, "examples"))
STORY = os.path.join(EXAMPLES, "data", "cyber-2017-2020.json")


class SnapshotTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "story.stance")

    def tearDown(self):
        self.dir.cleanup()

    def test_round_trip(self):
        graph = Stance.Graph.new_from_file(STORY)
        self.assertTrue(graph.save_snapshot(self.path))
        opened = Stance.Graph.new_from_snapshot(self.path)
        self.assertEqual(opened.save_to_data()[0], graph.save_to_data()[0])
        self.assertEqual(opened.find_contradictions().get_n_items(),
                         graph.find_contradictions().get_n_items())
        self.assertEqual(opened.lookup("trump").get_id(), "trump")

    def test_edit_after_open(self):
        Stance.Graph.new_from_file(STORY).save_snapshot(self.path)
        opened = Stance.Graph.new_from_snapshot(self.path)
        n = opened.get_n_stances()
        self.assertTrue(opened.append_statement("late", "trump", "2021", None, None, None))
        self.assertTrue(opened.append_stance("late", "denies", "russia", None))
        self.assertEqual(opened.get_n_stances(), n + 1)

    def test_refused(self):
        with open(self.path, "wb") as f:
            f.write(b"\x89stance\n" + bytes(300))
        with self.assertRaises(GLib.Error) as caught:
            Stance.Graph.new_from_snapshot(self.path)
        self.assertTrue(caught.exception.matches(Stance.error_quark(), Stance.Error.INVALID_SNAPSHOT))


if __name__ == "__main__":
    unittest.main()
