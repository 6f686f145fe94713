#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""DNA's sample as a discourse network, handed to the user's own tools.

Reads the Discourse Network Analyzer's sample (statements.csv: organisations'
members coding concepts with agreement 1 or 0) into a stance graph, computes
the organisation x organisation congruence network as rDNA's
dna_network(networkType = "onemode", qualifierAggregation = "congruence",
normalization = "average") does, and hands it on as a list of lists (for
numpy, pandas, igraph ...) and as GraphML (for networkx, Gephi, visone).

The CSV is read from STANCE_SHARED_DATA/dna-sample or ../shared/data beside
the checkout; without it, the example uses the cyber-security story of
examples/data instead.  Usage: networks.py [OUT.graphml]
"""

import csv
import os
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(1, os.path.join(HERE, "..", "..", "bindings", "python"))

import gi  # noqa: E402

gi.require_version("Stance", "1.0")
from gi.repository import Stance  # noqa: E402


def dna_csv_path():
    shared = os.environ.get("STANCE_SHARED_DATA", os.path.join(HERE, "..", "..", "..", "shared", "data"))
    path = os.path.join(shared, "dna-sample", "statements.csv")
    return path if os.path.exists(path) else None


def graph_from_dna_csv(path):
    """One stance per coded statement: the person speaks for the organisation."""
    graph = Stance.Graph.new()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for actor_id, kind in ((row["org"], Stance.ActorKind.ORGANIZATION),
                                   (row["person"], Stance.ActorKind.PERSON)):
                if graph.lookup(actor_id) is None:
                    graph.add_actor(actor_id, actor_id, kind)
            person = graph.lookup(row["person"])
            if not any(g.props.id == row["org"] for g in person.dup_member_of()):
                person.add_member_of(graph.lookup(row["org"]))
            if graph.lookup(row["concept"]) is None:
                graph.add_claim(row["concept"], row["concept"])
            statement = "s" + row["id"]
            graph.append_statement(statement, row["person"], row["date"], None, None, "doc" + row["doc"])
            graph.append_stance(statement, "supports" if row["agreement"] == "1" else "opposes",
                                row["concept"], None)
    return graph


def main():
    path = dna_csv_path()
    if path is not None:
        graph = graph_from_dna_csv(path)
        print("DNA's sample:", graph.get_n_statements(), "statements")
    else:
        graph = Stance.Graph.new_from_file(os.path.join(HERE, "..", "data", "cyber-2017-2020.json"))
        print("DNA's sample is absent; the cyber-security story instead")

    options = Stance.NetworkOptions.new()
    options.set_roll_up(True)                     # persons count as their organisations
    options.set_mode(Stance.NetworkMode.ONEMODE)
    options.set_aggregation(Stance.NetworkAggregation.CONGRUENCE)
    options.set_normalization(Stance.NetworkNormalization.AVERAGE)
    network = Stance.Network.new(graph, options)

    # The matrix as a list of lists, rows and columns labelled.
    n_rows, n_cols = network.get_n_rows(), network.get_n_cols()
    values = network.get_matrix()
    matrix = [list(values[i * n_cols:(i + 1) * n_cols]) for i in range(n_rows)]
    labels = network.get_row_ids()
    print(f"{n_rows} x {n_cols}, sum {sum(map(sum, matrix)):.2f}")
    for label, row in zip(labels, matrix):
        print(f"  {label[:40]:40} " + " ".join(f"{v:5.2f}" for v in row))

    # GraphML, as DNA writes it, for networkx, Gephi or visone.
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.mkdtemp(), "network.graphml")
    with open(out, "w", encoding="utf-8") as f:
        f.write(network.to_graphml(True))
    edges = ElementTree.parse(out).getroot().iter("{http://graphml.graphdrawing.org/xmlns}edge")
    print(f"wrote {out}: {sum(1 for _ in edges)} ties")

    try:
        import networkx
    except ImportError:
        print("networkx is not installed; networkx.read_graphml() would read the file")
        return
    g = networkx.read_graphml(out)
    print(f"networkx reads {g.number_of_nodes()} nodes and {g.number_of_edges()} edges")


if __name__ == "__main__":
    main()
