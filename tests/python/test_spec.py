#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The SPEC §5 snippet, run verbatim, and what it promises about errors.

The snippet lives in spec_snippet.py exactly as SPEC.md has it; when the
SPEC is beside the checkout, the copy is checked against it so that the two
cannot drift apart.  Run with Debian's /usr/bin/python3, which has PyGObject.
"""

import os
import re
import runpy
import tempfile
import unittest

import gi

gi.require_version("Stance", "1.0")
from gi.repository import GLib, Stance  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SNIPPET = os.path.join(HERE, "spec_snippet.py")
SPEC = os.path.join(HERE, "..", "..", "..", "shared", "SPEC.md")


class SpecSnippet(unittest.TestCase):
    def test_snippet_is_the_spec_verbatim(self):
        if not os.path.exists(SPEC):
            self.skipTest("shared/SPEC.md is not beside the checkout")
        with open(SPEC, encoding="utf-8") as f:
            blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
        with open(SNIPPET, encoding="utf-8") as f:
            self.assertEqual(f.read(), blocks[0])

    def test_snippet_runs(self):
        with tempfile.TemporaryDirectory() as tmp:
            cwd = os.getcwd()
            os.chdir(tmp)
            try:
                ns = runpy.run_path(SNIPPET)
                self.assertTrue(os.path.exists("story.json"))
            finally:
                os.chdir(cwd)
        # What the snippet built survives the round trip.
        g2 = ns["g2"]
        self.assertEqual(g2.get_n_statements(), 2)
        found = g2.find_contradictions()
        self.assertEqual(found.get_n_items(), 1)
        self.assertEqual(found.get_item(0).props.kind, Stance.ContradictionKind.REVERSAL)

    def assertStanceError(self, code, func, *args):
        with self.assertRaises(GLib.Error) as ctx:
            func(*args)
        self.assertEqual(ctx.exception.domain, GLib.quark_to_string(Stance.error_quark()))
        self.assertEqual(ctx.exception.code, int(code))
        return ctx.exception

    def test_bad_arguments_raise_and_change_nothing(self):
        g = Stance.Graph.new()
        trump = g.add_actor("trump", "Donald J. Trump", Stance.ActorKind.PERSON)
        unit = g.add_claim("cyber-unit", "Form a joint US–Russian cyber-security unit")
        s1 = g.add_statement("t1", trump, "2017-07-09")
        before = g.save_to_data()

        self.assertStanceError(Stance.Error.DUPLICATE_ID, g.add_claim, "trump", "again")
        self.assertStanceError(Stance.Error.INVALID_ID, g.add_actor, "", "nobody", Stance.ActorKind.OTHER)
        self.assertStanceError(Stance.Error.INVALID_TIME, g.add_statement, "t2", trump, "2017-13")
        self.assertStanceError(Stance.Error.UNKNOWN_KIND, s1.add_stance, "praises", unit, None)
        other = Stance.Graph.new().add_claim("elsewhere", "a claim of another graph")
        self.assertStanceError(Stance.Error.WRONG_NODE, s1.add_stance, "proposes", other, None)

        self.assertEqual(g.save_to_data(), before)

    def test_misuse_raises(self):
        # What C reports with a critical warning raises in Python: the
        # introspection data says which arguments may be None.
        g = Stance.Graph.new()
        trump = g.add_actor("trump", "Donald J. Trump", Stance.ActorKind.PERSON)
        unit = g.add_claim("cyber-unit", "a claim")
        s1 = g.add_statement("t1", trump, "2017-07-09")
        with self.assertRaises(TypeError):
            g.add_statement("t2", None, "2017-07-10")
        with self.assertRaises(TypeError):
            g.add_actor(None, "nobody", Stance.ActorKind.OTHER)
        with self.assertRaises(TypeError):
            s1.add_stance("proposes", None, None)
        with self.assertRaises(TypeError):
            g.add_statement("t2", unit, "2017-07-10")   # a claim as a speaker
        with self.assertRaises(TypeError):
            g.add_claim("c2", 42)
        other = Stance.Graph.new().add_actor("putin", "Vladimir Putin", Stance.ActorKind.PERSON)
        self.assertStanceError(Stance.Error.WRONG_NODE, g.add_statement, "t2", other, "2017-07-10")
        self.assertEqual(g.get_n_statements(), 1)

    def test_invalid_document_raises_with_where(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            f.write('{"stance": 1, "actors": [{"id": "a", "name": "A"}], '
                    '"statements": [{"id": "s", "speaker": "a", "time": "2017-07-09", '
                    '"stances": [{"kind": "proposes", "target": "cyber-unt"}]}]}')
        try:
            err = self.assertStanceError(Stance.Error.UNKNOWN_ID, Stance.Graph.new_from_file, f.name)
            self.assertIn('statements[0] ("s").stances[0].target: unknown id "cyber-unt"', err.message)
        finally:
            os.unlink(f.name)


if __name__ == "__main__":
    unittest.main(verbosity=2)
