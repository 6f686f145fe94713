#!/usr/bin/env python3
# test_jsonl.py: JSON Lines documents from Python, as a pipeline writes them
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import os
import tempfile
import unittest

import gi

gi.require_version("Stance", "1.0")
from gi.repository import Gio, GLib, Stance  # noqa: E402

EXAMPLE = os.path.join(os.environ.get("STANCE_EXAMPLES", "examples"), "data", "cyber-2017-2020.json")


def to_jsonl(graph):
    out = Gio.MemoryOutputStream.new_resizable()
    graph.save_to_jsonl_stream(out, None)
    out.close(None)
    return out.steal_as_bytes().get_data().decode("utf-8")


def from_jsonl(text):
    stream = Gio.MemoryInputStream.new_from_bytes(GLib.Bytes.new(text.encode("utf-8")))
    return Stance.Graph.new_from_jsonl_stream(stream, None)


class JsonLines(unittest.TestCase):
    def test_round_trip(self):
        graph = Stance.Graph.new_from_file(EXAMPLE)
        text = to_jsonl(graph)
        lines = text.splitlines()
        # Every line is JSON a Python pipeline can read on its own.
        records = [json.loads(line) for line in lines]
        self.assertEqual(records[0]["stance"], 1)
        self.assertEqual(sum("statement" in r for r in records), graph.get_n_statements())
        self.assertEqual(from_jsonl(text).save_to_data()[0], graph.save_to_data()[0])

    def test_written_by_a_pipeline(self):
        # A script writes records as it goes, a statement before its claim.
        lines = [{"stance": 1},
                 {"actor": {"id": "biden", "name": "Joe Biden"}},
                 {"statement": {"id": "s1", "speaker": "biden", "time": "2019-06-06",
                                "stances": [{"kind": "opposes", "target": "hyde-amendment"}]}},
                 {"claim": {"id": "hyde-amendment", "text": "The Hyde Amendment"}}]
        graph = from_jsonl("".join(json.dumps(line) + "\n" for line in lines))
        self.assertEqual(graph.get_n_stances(), 1)

    def test_error_names_line(self):
        text = '{"stance": 1}\n{"actor": {"id": "biden", "name": "Joe Biden"}}\n' \
               '{"statement": {"id": "s1", "speaker": "bidne", "time": "2019"}}\n'
        with self.assertRaises(GLib.Error) as ctx:
            from_jsonl(text)
        self.assertEqual(ctx.exception.code, Stance.Error.UNKNOWN_ID)
        self.assertEqual(ctx.exception.message,
                         'line 3: statement ("s1").speaker: unknown id "bidne" (did you mean "biden"?)')

    def test_file_by_extension(self):
        graph = Stance.Graph.new_from_file(EXAMPLE)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "story.jsonl")
            graph.save_to_file(path)
            with open(path, encoding="utf-8") as f:
                self.assertTrue(f.readline().startswith('{"stance": 1'))
            self.assertEqual(Stance.Graph.new_from_file(path).save_to_data()[0], graph.save_to_data()[0])


if __name__ == "__main__":
    unittest.main(verbosity=2)
