#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""The importers and exporters from Python, through plain introspection:
what a pipeline in Python does with them."""

import os
import sqlite3
import sys
import tempfile
import unittest

import gi

gi.require_version("Stance", "1.0")
from gi.repository import Gio, GLib, Stance  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
QUERY = os.path.join(HERE, "..", "..", "libstance", "sql", "contradictions.sql")

TABLE = b"who,when,stance,about\nTrump,2017-07-09,agree,unit\nTrump,2017-07-10,disagree,unit\n"


class ExchangeTest(unittest.TestCase):
    def importer(self):
        imp = Stance.Importer.for_format("csv")
        for name, value in [("speaker", "who"), ("time", "when"), ("kind", "stance"), ("target", "about"),
                            ("kind-map", "agree=supports,disagree=opposes")]:
            imp.set_option(name, value)
        return imp

    def test_formats_and_options(self):
        self.assertEqual(list(Stance.Importer.list_formats()), ["aif", "csv", "dna", "events", "rumoureval"])
        imp = Stance.Importer.for_format("dna")
        self.assertEqual(imp.get_format(), "dna")
        self.assertIn("person-as", imp.list_options())
        self.assertEqual(imp.get_option("holder"), "organization")
        with self.assertRaises(GLib.Error) as caught:
            imp.set_option("colour", "red")
        self.assertTrue(caught.exception.matches(Stance.error_quark(), Stance.Error.INVALID_VALUE))
        with self.assertRaises(GLib.Error):
            Stance.Importer.for_format("xml")

    def test_import_data(self):
        g = self.importer().import_data(TABLE)
        self.assertEqual(g.get_n_statements(), 2)
        found = g.find_contradictions()
        self.assertEqual(found.get_n_items(), 1)
        self.assertEqual(found.get_item(0).props.kind, Stance.ContradictionKind.REVERSAL)

    def test_located_error(self):
        with self.assertRaises(GLib.Error) as caught:
            self.importer().import_data(TABLE + b"Trump,someday,agree,unit\n")
        self.assertIn("row 4, column 2 (when)", caught.exception.message)

    def test_export_table_and_sql(self):
        g = self.importer().import_data(TABLE)
        out = Gio.MemoryOutputStream.new_resizable()
        g.export_table("contradictions", "csv", out, None)
        out.close(None)
        text = bytes(out.steal_as_bytes().get_data()).decode()
        self.assertEqual(text, "kind,target,holder,other,first,second\r\nreversal,unit,trump,,row-2,row-3\r\n")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "g.db")
            g.export_sqlite(path)
            with open(QUERY, encoding="utf-8") as f:
                rows = sqlite3.connect(path).execute(f.read()).fetchall()
            self.assertEqual(rows, [("reversal,unit,trump,,row-2,row-3",)])


if __name__ == "__main__":
    unittest.main(testRunner=unittest.TextTestRunner(stream=sys.stdout, verbosity=2))
