#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Networks from Python: rDNA's numbers through the append API, the matrix as
lists, GraphML that is valid XML and that networkx reads (where networkx is
installed), and errors as GLib.Error."""

import csv
import os
import sys
import unittest
import xml.etree.ElementTree as ElementTree

import gi

gi.require_version("Stance", "1.0")
from gi.repository import GLib, Stance  # noqa: E402

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def dna_sample():
    shared = os.environ.get("STANCE_SHARED_DATA")
    path = shared and os.path.join(shared, "dna-sample", "statements.csv")
    if not path or not os.path.exists(path):
        return None
    graph = Stance.Graph.new()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if graph.lookup(row["org"]) is None:
                graph.add_actor(row["org"], row["org"], Stance.ActorKind.ORGANIZATION)
            if graph.lookup(row["person"]) is None:
                person = graph.add_actor(row["person"], row["person"], Stance.ActorKind.PERSON)
                person.add_member_of(graph.lookup(row["org"]))
            if graph.lookup(row["concept"]) is None:
                graph.add_claim(row["concept"], row["concept"])
            sid = "s" + row["id"]
            graph.append_statement(sid, row["person"], row["date"], None, None, "doc" + row["doc"])
            graph.append_stance(sid, "supports" if row["agreement"] == "1" else "opposes", row["concept"], None)
    return graph


def network(graph, mode, aggregation, normalization, exclude=False):
    options = Stance.NetworkOptions.new()
    options.set_roll_up(True)
    options.set_mode(mode)
    options.set_aggregation(aggregation)
    options.set_normalization(normalization)
    if exclude:
        options.exclude_target("There should be legislation to regulate emissions.")
        options.exclude_holder("Senate")
        options.exclude_holder("Sierra Club")
    return Stance.Network.new(graph, options)


def as_lists(net):
    values = net.get_matrix()
    n = net.get_n_cols()
    return [list(values[i * n:(i + 1) * n]) for i in range(net.get_n_rows())]


class TestNetworks(unittest.TestCase):
    def setUp(self):
        self.graph = dna_sample()
        if self.graph is None:
            self.skipTest("shared/data/dna-sample is absent")

    def test_rdna_numbers(self):
        M, A, N = Stance.NetworkMode, Stance.NetworkAggregation, Stance.NetworkNormalization
        two = as_lists(network(self.graph, M.TWOMODE, A.IGNORE, N.NO))
        self.assertEqual((len(two), len(two[0])), (7, 6))
        self.assertEqual(sum(map(sum, two)), 40)
        one = as_lists(network(self.graph, M.ONEMODE, A.IGNORE, N.NO))
        self.assertEqual((len(one), len(one[0])), (7, 7))
        self.assertEqual(sum(map(sum, one)), 276)
        self.assertEqual(round(sum(map(sum, as_lists(network(self.graph, M.ONEMODE, A.CONGRUENCE, N.AVERAGE))))), 26)
        excluded = as_lists(network(self.graph, M.ONEMODE, A.CONGRUENCE, N.AVERAGE, exclude=True))
        self.assertEqual(len(excluded), 5)
        self.assertEqual(round(sum(map(sum, excluded))), 10)

    def test_graphml(self):
        net = network(self.graph, Stance.NetworkMode.ONEMODE, Stance.NetworkAggregation.SUBTRACT,
                      Stance.NetworkNormalization.NO)
        text = net.to_graphml(True)
        root = ElementTree.fromstring(text.encode("utf-8"))
        nodes = list(root.iter(GRAPHML + "node"))
        edges = list(root.iter(GRAPHML + "edge"))
        self.assertEqual(len(nodes), 7)
        matrix = as_lists(net)
        self.assertEqual(len(edges), sum(1 for i in range(7) for j in range(i + 1, 7) if matrix[i][j] != 0))
        names = {n.get("id"): [d.text for d in n.findall(GRAPHML + "data") if d.get("key") == "name"][0]
                 for n in nodes}
        self.assertIn("Sierra Club", names.values())
        try:
            import networkx
        except ImportError:
            return  # valid XML is all that can be checked here
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".graphml", delete=False, encoding="utf-8") as f:
            f.write(text)
        try:
            g = networkx.read_graphml(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(g.number_of_nodes(), 7)
        self.assertEqual(g.number_of_edges(), len(edges))

    def test_graphml_like_rdna(self):
        # test-network.R: dna_tidygraph() of the two-mode network has 13
        # nodes and 22 edges, of the one-mode network 7 nodes and 21 edges.
        M, A, N = Stance.NetworkMode, Stance.NetworkAggregation, Stance.NetworkNormalization
        for mode, n_nodes, n_edges in ((M.TWOMODE, 13, 22), (M.ONEMODE, 7, 21)):
            root = ElementTree.fromstring(network(self.graph, mode, A.IGNORE, N.NO).to_graphml(False).encode())
            self.assertEqual(len(list(root.iter(GRAPHML + "node"))), n_nodes)
            self.assertEqual(len(list(root.iter(GRAPHML + "edge"))), n_edges)

    def test_csv(self):
        net = network(self.graph, Stance.NetworkMode.TWOMODE, Stance.NetworkAggregation.IGNORE,
                      Stance.NetworkNormalization.NO)
        rows = list(csv.reader(net.to_csv(False).splitlines(), delimiter=";"))
        self.assertEqual(rows[0][0], "")
        self.assertEqual(len(rows), 8)
        self.assertEqual(sum(int(v) for row in rows[1:] for v in row[1:]), 40)

    def test_errors(self):
        options = Stance.NetworkOptions.new()
        options.set_aggregation(Stance.NetworkAggregation.CONGRUENCE)
        with self.assertRaises(GLib.Error):
            Stance.Network.new(self.graph, options)
        options = Stance.NetworkOptions.new()
        options.exclude_holder("nobody")
        with self.assertRaises(GLib.Error):
            Stance.Polarization.new(self.graph, options)

    def test_windows_and_polarization(self):
        options = Stance.NetworkOptions.new()
        options.set_roll_up(True)
        options.set_normalization(Stance.NetworkNormalization.AVERAGE)
        options.set_window(Stance.TimeUnit.DAYS, 8, 1, Stance.NetworkKernel.GAUSSIAN)
        windows = Stance.Polarization.new_windows(self.graph, options)
        self.assertEqual(windows.get_n_items(), 22)
        first = windows.get_item(0)
        self.assertEqual(first.dup_time().format("%F"), "2005-01-26")
        self.assertGreater(first.get_score(), 0)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
