"""The page's data: styles by class, sizes, text tooltips, funding amounts, the reduction note,
CONSTRUCT results as graphs, and positions for large graphs."""
from __future__ import annotations

import json
import re

import networkx as nx
import pyoxigraph as ox
import pytest
from viz_graphs import ID, add_edge, add_node, make_graph

from kg.namespaces import KG, RDF, SKOS
from kg.viz.layout import SPRING_MAX, layout
from kg.viz.network import from_triples
from kg.viz.view import STYLE, centrality, isolates, render_graph, to_vis


def _data(page: str) -> dict:
    line = next(l for l in page.splitlines() if l.startswith("const DATA = "))
    return json.loads(line[len("const DATA = "):-1])


@pytest.fixture
def vis(graph):
    nodes, edges = to_vis(graph, centrality(graph, "degree"), layout(graph))
    return {n["id"]: n for n in nodes}, edges


@pytest.mark.parametrize("slug, cls", [("pnc", "PoliceForce"), ("raid", "Operation"), ("fund", "Funding")])
def test_node_colour_shape_and_group_by_class(vis, slug, cls):
    node = vis[0][ID + slug]
    assert (node["color"], node["shape"]) == STYLE[cls] and node["group"] == cls


@pytest.mark.parametrize("big, small", [("pnc", "loner")])
def test_node_size_grows_with_degree(vis, big, small):
    assert vis[0][ID + big]["size"] > vis[0][ID + small]["size"]


@pytest.mark.parametrize("slug, expected", [
    ("pnc", ["National Civil Police", "type: PoliceForce (Organization)", "also: PNC | Policía Nacional Civil",
             "documents: a.txt"]),
    ("fund", ["amount: USD 1,300,000,000"]),
])
def test_node_tooltip_is_plain_text(vis, slug, expected):
    title = vis[0][ID + slug]["title"]
    for line in expected:
        assert line in title.splitlines()


@pytest.mark.parametrize("quotes", [5])
def test_node_tooltip_has_at_most_three_quotes_with_documents(quotes):
    g = nx.MultiDiGraph()
    add_node(g, "x", "X <b>bold</b>", "Person", evidence=[(f"Quote {i} <i>.", f"d{i}.txt") for i in range(quotes)])
    nodes, _ = to_vis(g, {ID + "x": 1}, {})
    title = nodes[0]["title"]
    assert title.count("“") == 3 and "“Quote 0 <i>.” (d0.txt)" in title and "Quote 3" not in title
    assert nodes[0]["label"] == "X <b>bold</b>"      # passed as it is: vis-network shows it as text


@pytest.mark.parametrize("relation, label", [("fundedBy", "fundedBy USD 1,300,000,000"),
                                             ("funds", "funds USD 1,300,000,000"),
                                             ("partOf", "partOf")])
def test_edge_label_by_relation_with_funding_amounts(vis, relation, label):
    assert label in {e["label"] for e in vis[1] if e["relation"] == relation}


@pytest.mark.parametrize("fact", ["planned"])
def test_edge_not_asserted_is_dashed_and_says_so(vis, fact):
    e = next(e for e in vis[1] if e.get("dashes"))
    assert e["title"].splitlines()[0].endswith(f"({fact})")
    assert "“Guatemala joins Merida.” (b.txt)" in e["title"]


@pytest.mark.parametrize("max_nodes", [5])
def test_render_reduced_graph_shows_the_note(graph, max_nodes):
    page = render_graph(graph, max_nodes=max_nodes)
    data = _data(page)
    drawn = [n for n in data["nodes"] if not n.get("iso")]
    assert len(drawn) <= max_nodes
    note = re.search(r'<div id="note">(.*?)</div>', page, re.S).group(1)
    linked = len(graph) - len(isolates(graph))               # isolates are listed, not reduced
    assert f"of {linked} entities" in note and "--max-nodes" in note
    assert any(n["group"] == "Community" for n in drawn)
    assert {n["label"] for n in data["nodes"] if n.get("iso")} == {"Lonely Person"}


@pytest.mark.parametrize("slugs, expected", [
    (None, {"loner"}),                                      # the hand-made graph: one entity with no relation
    (["loner"], set()),                                     # a pinned (focus) entity is never hidden
])
def test_isolates_are_entities_without_relation(graph, slugs, expected):
    keep = [ID + s for s in slugs] if slugs else ()
    assert isolates(graph, keep) == {ID + s for s in expected}


@pytest.mark.parametrize("n_loners", [1, 40])
def test_render_isolates_flagged_counted_and_laid_out_below(n_loners):
    g = make_graph()
    for i in range(n_loners - 1):
        add_node(g, f"lone{i}", f"Alone {i}", "Person")
    page = render_graph(g)
    data = _data(page)
    iso = [n for n in data["nodes"] if n.get("iso")]
    linked = [n for n in data["nodes"] if not n.get("iso")]
    assert len(iso) == n_loners and len(linked) == len(g) - n_loners
    assert f"{n_loners} {'entity' if n_loners == 1 else 'entities'} with no relation (not drawn)" in page
    assert f'<div id="counts">{len(linked)} nodes,' in page
    assert min(n["y"] for n in iso) > max(n["y"] for n in linked)   # showing them leaves the rest in place
    assert sorted(n["rank"] for n in data["nodes"]) == list(range(len(g)))
    assert max(n["rank"] for n in linked) < min(n["rank"] for n in iso)


@pytest.mark.parametrize("graph_edges", [[], [("a", "a")]])
def test_render_graph_without_relations_draws_every_node(graph_edges):
    g = nx.MultiDiGraph()
    for slug in ("a", "b"):
        add_node(g, slug, slug.upper(), "Person")
    for s, o in graph_edges:
        add_edge(g, s, "leads", o, "A leads A.")
    data = _data(render_graph(g))
    assert not any(n.get("iso") for n in data["nodes"]) and len(data["nodes"]) == 2


@pytest.mark.parametrize("sources, width, line", [(None, 1.0, None), (1, 1.0, None), (2, 2.5, "2 sources"),
                                                  (5, 4.48, "5 sources")])
def test_edge_width_and_tooltip_by_number_of_sources(sources, width, line):
    g = make_graph()
    if sources is not None:
        g.edges[ID + "raid", ID + "pnc", "hasParticipant"]["sources"] = sources
    _, edges = to_vis(g, centrality(g, "degree"), layout(g))
    e = next(e for e in edges if e["relation"] == "hasParticipant" and e["from"] == ID + "raid")
    assert e["width"] == width
    assert (line in e["title"].splitlines()) if line else "sources" not in e["title"]


@pytest.mark.parametrize("n", [10])
def test_render_small_graph_has_no_note_and_physics_on(graph, n):
    page = render_graph(graph)
    assert '<div id="note" hidden></div>' in page and "PHYSICS = true" in page
    assert len(_data(page)["nodes"]) == n


def test_from_triples_takes_nodes_and_evidence_from_the_full_graph(graph):
    n = ox.NamedNode
    triples = [ox.Triple(n(ID + "raid"), n(KG + "hasParticipant"), n(ID + "pnc")),
               ox.Triple(n(ID + "raid"), n(KG + "locatedIn"), n(ID + "elsewhere")),
               ox.Triple(n(ID + "elsewhere"), n(RDF + "type"), n(KG + "Location")),
               ox.Triple(n(ID + "elsewhere"), n(SKOS + "prefLabel"), ox.Literal("Elsewhere"))]
    g = from_triples(graph, triples)
    assert set(g) == {ID + "raid", ID + "pnc", ID + "elsewhere"}
    assert g.nodes[ID + "pnc"]["aliases"].startswith("PNC")
    assert g.nodes[ID + "elsewhere"]["label"] == "Elsewhere" and g.nodes[ID + "elsewhere"]["type"] == "Location"
    assert g.edges[ID + "raid", ID + "pnc", "hasParticipant"]["evidence"].startswith("The PNC raided")


@pytest.mark.parametrize("n", [SPRING_MAX + 400])
def test_layout_of_a_large_graph_places_every_node_apart(n):
    g = nx.connected_caveman_graph(n // 20, 20)
    g.add_nodes_from(range(n, n + 30))                      # isolated nodes too
    pos = layout(g)
    assert set(pos) == set(g)
    assert len({(round(x), round(y)) for x, y in pos.values()}) > 0.95 * len(g)
    assert layout(g) == pos                                 # deterministic
