"""Selections, reduction, statistics and paths on a hand-made entity graph."""
from __future__ import annotations

import networkx as nx
import pytest
from viz_graphs import ID, add_edge, add_node

from kg.errors import ViewError
from kg.viz import analysis as an


def _labels(g):
    return {d["label"] for _, d in g.nodes(data=True)}


@pytest.mark.parametrize("name, slug", [("National Civil Police", "pnc"), ("national  civil POLICE", "pnc"),
                                        ("PNC", "pnc"), ("policía nacional civil", "pnc"), (ID + "gt", "gt")])
def test_find_entity_by_label_alias_or_iri(graph, name, slug):
    assert an.find_entity(graph, name) == ID + slug


@pytest.mark.parametrize("name, code, hint", [("Nationl Civil Police", "E101", "National Civil Police"),
                                              ("Atlantis", "E101", "kg stats")])
def test_find_entity_unknown_is_coded_with_a_hint(graph, name, code, hint):
    with pytest.raises(ViewError) as exc:
        an.find_entity(graph, name)
    assert str(exc.value).startswith(f"[{code}]") and hint in str(exc.value)


@pytest.mark.parametrize("label", ["Guatemala"])
def test_find_entity_ambiguous_lists_iris(graph, label):
    add_node(graph, "gt2", label, "Person")
    with pytest.raises(ViewError) as exc:
        an.find_entity(graph, label)
    assert str(exc.value).startswith("[E102]") and ID + "gt2" in str(exc.value)


@pytest.mark.parametrize("hops, expected", [
    (0, {"National Civil Police"}),
    (1, {"National Civil Police", "Raid: police raided a warehouse"}),
    (2, {"National Civil Police", "Raid: police raided a warehouse", "Guatemala City", "Funding: US support"}),
])
def test_select_focus_hops_is_the_ego_network_both_directions(graph, hops, expected):
    assert _labels(an.select(graph, an.Selection(focus="PNC", hops=hops))) == expected


@pytest.mark.parametrize("types, expected", [
    (("Operation", "Funding"), {"Raid: police raided a warehouse", "Funding: US support", "Merida Initiative"}),
    (("Country",), {"Guatemala", "Mexico"}),
    (("person",), {"George W. Bush", "Lonely Person"}),
])
def test_select_types_by_core_or_specific_class(graph, types, expected):
    assert _labels(an.select(graph, an.Selection(types=types))) == expected


@pytest.mark.parametrize("focus, types", [("PNC", ("Funding",))])
def test_select_focus_stays_whatever_its_class(graph, focus, types):
    g = an.select(graph, an.Selection(focus=focus, hops=2, types=types))
    assert _labels(g) == {"National Civil Police", "Funding: US support"}


@pytest.mark.parametrize("types", [("Spaceship",)])
def test_select_unknown_type_is_coded(graph, types):
    with pytest.raises(ViewError, match=r"^\[E105\] --type Spaceship: .*Operation"):
        an.select(graph, an.Selection(types=types))


@pytest.mark.parametrize("doc, labels, relations", [
    ("b.txt", {"Merida Initiative", "Mexico", "George W. Bush", "Guatemala"}, {"locatedIn", "hasParticipant"}),
    ("some/folder/b.txt", {"Merida Initiative", "Mexico", "George W. Bush", "Guatemala"}, {"locatedIn", "hasParticipant"}),
])
def test_select_doc_keeps_what_the_document_says(graph, doc, labels, relations):
    g = an.select(graph, an.Selection(doc=doc))
    assert _labels(g) == labels
    assert {d["relation"] for *_, d in g.edges(data=True)} == relations   # leads: 'us' is not in b.txt


@pytest.mark.parametrize("doc", ["nothing.txt"])
def test_select_unknown_doc_is_coded(graph, doc):
    with pytest.raises(ViewError, match=r"^\[E106\] --doc nothing.txt: .*a.txt"):
        an.select(graph, an.Selection(doc=doc))


@pytest.mark.parametrize("since, until, present, absent", [
    ("2008", "2008", {"Merida Initiative", "Mexico", "Guatemala"}, {"Raid: police raided a warehouse", "Lonely Person"}),
    ("2008-07", None, {"Raid: police raided a warehouse", "Lonely Person", "Guatemala"}, {"Merida Initiative"}),
    (None, "2008-06-15", {"Merida Initiative"}, {"Mexico", "Lonely Person"}),
])
def test_select_dates_overlap_partial_dates(graph, since, until, present, absent):
    labels = _labels(an.select(graph, an.Selection(since=since, until=until)))
    assert present <= labels and not (absent & labels)


@pytest.mark.parametrize("since, until", [("2008-13", None), ("yesterday", None), (None, "2020-02-30"),
                                          ("2021", "2020")])
def test_select_bad_dates_are_coded(graph, since, until):
    with pytest.raises(ViewError, match=r"^\[E103\] "):
        an.select(graph, an.Selection(since=since, until=until))


@pytest.mark.parametrize("max_nodes", [2, 4, 7])
def test_reduce_keeps_the_best_connected_and_folds_the_rest_with_a_note(graph, max_nodes):
    g, note = an.reduce_graph(graph, max_nodes)
    folded = [n for n, d in g.nodes(data=True) if d["type"] == "Community"]
    kept = [n for n, d in g.nodes(data=True) if d["type"] != "Community"]
    assert len(g) <= max_nodes and folded and kept
    members = {m for n in folded for m in g.nodes[n]["members"]}
    assert members | set(kept) == set(graph) and not members & set(kept)   # every entity is accounted for
    assert f"of {len(graph)} entities" in note and "--focus" in note and f"--max-nodes {len(graph)}" in note
    assert an.reduce_graph(graph, len(graph)) == (graph, "")


@pytest.mark.parametrize("top", [3])
def test_summarize_counts_and_rankings(graph, top):
    s = an.summarize(graph, top=top)
    assert {r["class"]: r["count"] for r in s["classes"]} == {"Funding": 1, "Location": 3, "Operation": 2,
                                                              "Organization": 2, "Person": 2}
    assert {r["relation"]: r["count"] for r in s["relations"]}["hasParticipant"] == 2
    assert s["top_degree"][0]["label"] in ("National Civil Police", "United States")
    assert all(r["class"] in ("PoliceForce", "Government", "Person") for r in s["top_betweenness"])
    assert s["communities"] and s["communities"][0]["size"] >= 2 and len(s["communities"]) <= top


@pytest.mark.parametrize("a, b, relations", [
    ("PNC", "United States", ["hasParticipant", "funds", "fundedBy"]),
    ("George W. Bush", "Guatemala City", ["leads", "fundedBy", "funds", "locatedIn"]),
])
def test_shortest_path_steps_carry_evidence(graph, a, b, relations):
    steps = an.shortest_path(graph, a, b)
    assert [s["relation"] for s in steps] == relations
    assert all(s["evidence"] and s["document"] in ("a.txt", "b.txt") for s in steps)
    assert [s["target"] for s in steps][-1] in (b, "Guatemala City")
    if a == "PNC":   # the first step reads backwards: the raid had the PNC as participant
        assert steps[0]["forward"] is False and steps[0]["source"] == "Raid: police raided a warehouse"


@pytest.mark.parametrize("a, b", [("PNC", "Lonely Person")])
def test_shortest_path_none_is_coded(graph, a, b):
    with pytest.raises(ViewError, match=r"^\[E107\] no chain"):
        an.shortest_path(graph, a, b)


@pytest.mark.parametrize("metric", ["pagerank"])
def test_unknown_size_metric_is_coded(graph, metric):
    with pytest.raises(ViewError, match=r"^\[E108\]"):
        an.centrality(graph, metric)


@pytest.mark.parametrize("n", [1200])
def test_betweenness_on_a_large_graph_is_sampled_and_deterministic(n):
    g = nx.MultiDiGraph()
    for i in range(n):
        add_node(g, f"n{i}", f"N{i}", "Person")
    for i in range(n - 1):
        add_edge(g, f"n{i}", "memberOf", f"n{i + 1}", "q")
    a, b = an.centrality(g, "betweenness"), an.centrality(g, "betweenness")
    assert a == b and len(a) == n


@pytest.mark.parametrize("pin", ["loner", "gc"])
def test_reduce_never_folds_a_pinned_node(graph, pin):
    g, note = an.reduce_graph(graph, 4, pinned=[ID + pin])
    assert ID + pin in g and g.nodes[ID + pin]["type"] != "Community" and note
