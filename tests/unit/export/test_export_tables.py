"""GraphML, GEXF and CSV of the entity graph: readable back by networkx and csv, with evidence."""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import networkx as nx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "viz"))
from viz_graphs import make_graph  # noqa: E402  

from kg.export.tables import EDGE_COLUMNS, NODE_COLUMNS, edges_csv, flat_graph, gexf, graphml, nodes_csv  # noqa: E402


@pytest.mark.parametrize("write, read", [(graphml, nx.read_graphml), (gexf, nx.read_gexf)])
def test_graph_formats_read_back_with_same_counts_and_attributes(tmp_path, write, read):
    g = make_graph()
    path = tmp_path / "g.xml"
    path.write_bytes(write(flat_graph(g)))
    back = read(path)
    assert (len(back), back.number_of_edges()) == (len(g), g.number_of_edges())
    pnc = "https://w3id.org/kg/id/pnc"
    assert back.nodes[pnc]["label"] == "National Civil Police" and back.nodes[pnc]["cls"] == "PoliceForce"
    rels = sorted(d["relation"] for *_, d in back.edges(data=True))
    assert rels == sorted(d["relation"] for *_, d in g.edges(data=True))
    quotes = [d["quotes"] for *_, d in back.edges(data=True) if d["relation"] == "partOf"]
    assert quotes == ["Guatemala City, the capital of Guatemala. (a.txt)"]


@pytest.mark.parametrize("columns", [NODE_COLUMNS])
def test_nodes_csv_one_row_per_entity(columns):
    g = make_graph()
    rows = list(csv.DictReader(io.StringIO(nodes_csv(g).decode("utf-8"))))
    assert list(rows[0]) == columns and len(rows) == len(g)
    pnc = next(r for r in rows if r["label"] == "National Civil Police")
    assert pnc["class"] == "PoliceForce" and pnc["aliases"] == "PNC | Policía Nacional Civil" and pnc["degree"] == "1"


@pytest.mark.parametrize("columns", [EDGE_COLUMNS])
def test_edges_csv_one_row_per_relation_with_evidence(columns):
    g = make_graph()
    rows = list(csv.DictReader(io.StringIO(edges_csv(g).decode("utf-8"))))
    assert list(rows[0]) == columns and len(rows) == g.number_of_edges()
    r = next(r for r in rows if r["relation"] == "fundedBy")
    assert (r["source_label"], r["target_label"], r["document"]) == ("Funding: US support", "United States", "a.txt")
    assert r["evidence"] == "The United States gave $1.3 billion."
    assert next(r for r in rows if r["factuality"] == "planned")["relation"] == "hasParticipant"


@pytest.mark.parametrize("label", ["=HYPERLINK(\"http://evil\",\"x\")", "+1-2", "@SUM(A1)"])
def test_csv_cells_never_start_a_formula(label):
    g = make_graph()
    g.nodes["https://w3id.org/kg/id/pnc"]["label"] = label
    text = nodes_csv(g).decode("utf-8") + edges_csv(g).decode("utf-8")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert "'" + label in cells and label not in cells
