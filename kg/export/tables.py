"""The entity graph for other tools: GraphML and GEXF (Gephi, Cytoscape), CSV of nodes and of
edges with their evidence. Input is the graph `kg.viz.network.to_networkx` makes."""
from __future__ import annotations

import csv
import io

import networkx as nx

SEP = " | "
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NODE_COLUMNS = ["id", "label", "type", "class", "aliases", "kind", "amount", "currency", "degree", "documents",
                "dates", "evidence", "sources"]
EDGE_COLUMNS = ["source", "source_label", "relation", "target", "target_label", "factuality", "confidence",
                "evidence", "document", "documents", "dates", "sources"]


def flat(value) -> str | float | int | bool:
    """A value GraphML and GEXF can hold: lists joined with ' | ', (quote, doc) pairs as 'quote (doc)'.

    >>> flat([("It was so.", "a.txt"), ("Yes.", "b.txt")])
    'It was so. (a.txt) | Yes. (b.txt)'
    >>> flat(0.5), flat(None)
    (0.5, '')
    """
    if isinstance(value, (list, tuple)):
        return SEP.join(f"{v[0]} ({v[1]})" if isinstance(v, tuple) else str(v) for v in value)
    if value is None:
        return ""
    return value if isinstance(value, (str, int, float, bool)) else str(value)


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only and unique edge ids (e0, e1, ...), in the same order."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: flat(v) for k, v in d.items()})
    for i, (s, o, d) in enumerate(g.edges(data=True)):
        out.add_edge(s, o, key=f"e{i}", **{k: flat(v) for k, v in d.items()})
    return out


def graphml(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(g, buf)
    return buf.getvalue()


def gexf(g: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(g, buf)
    return buf.getvalue()


def nodes_csv(g: nx.MultiDiGraph) -> bytes:
    """One row per entity: label, classes, aliases, facts, degree, documents, up to three quotes,
    and how many distinct documents mention it (sources)."""
    simple = nx.Graph(g.to_undirected())
    rows = [[n, d["label"], d["type"], d["cls"], d["aliases"], d["kind"], d["amount"], d["currency"],
             simple.degree(n), flat(d["docs"]), flat(d["dates"]), flat(d["evidence"]), d.get("sources", 0)]
            for n, d in g.nodes(data=True)]
    return _csv(NODE_COLUMNS, rows)


def edges_csv(g: nx.MultiDiGraph) -> bytes:
    """One row per relation: both ends with labels, factuality, the best quote, every document,
    and how many distinct documents tell it (sources)."""
    rows = [[s, g.nodes[s]["label"], d["relation"], o, g.nodes[o]["label"], d["factuality"], d["confidence"],
             d["evidence"], d["document"], flat(d["docs"]), flat(d["dates"]), d.get("sources", 0)]
            for s, o, d in g.edges(data=True)]
    return _csv(EDGE_COLUMNS, rows)


def cell(value):
    """A CSV cell a spreadsheet will not run: text starting with = + - @ (a formula) gets a quote mark.

    >>> cell("=SUM(A1)"), cell("Lima"), cell(0.5)
    ("'=SUM(A1)", 'Lima', 0.5)
    """
    if isinstance(value, str) and value[:1] in FORMULA_START:
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([[cell(v) for v in r] for r in rows])
    return buf.getvalue().encode("utf-8")
