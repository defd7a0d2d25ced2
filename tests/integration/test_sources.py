"""Facts counted by their sources, end to end with the real model: two documents tell the same
fact (a minister leads his ministry), a third tells others. Sentences written for this test."""
from __future__ import annotations

import csv
import io

import pytest
import rdflib

import kg
from kg.graph.store import KgStore
from kg.namespaces import ID, KG
from kg.viz.analysis import Selection, select
from kg.viz.network import RELATIONS, to_networkx

DOCS = {
    "raid.txt": "Police raid warehouse in San Pedro Sula\n\nTEGUCIGALPA, 3 March 2025 - Officers of the National "
                "Police of Honduras arrested twelve suspects in a raid on a warehouse in San Pedro Sula on Monday. "
                "Security Minister Rafael Osei said the Ministry of Security had followed the arms traffickers "
                "for months.\n",
    "patrols.txt": "New patrols on the northern coast\n\nTEGUCIGALPA, 9 April 2025 - Security Minister Rafael Osei "
                   "said the Ministry of Security would start night patrols along the northern coast in May. The "
                   "patrols will cover fishing ports near La Ceiba.\n",
    "grant.txt": "Grant for border posts\n\nACCRA, 12 May 2025 - Amina Haddad, the interior minister of Ghana, opened "
                 "two border posts near Aflao on Friday. The posts were built with a grant from the European Union, "
                 "she told reporters.\n",
}
OSEI = ID + "person/rafael-osei"
SHARED = ("Rafael Osei", "leads")                   # subject label, relation of the fact two documents tell
OTHER = ("Aflao", "partOf", "Ghana")                # a fact only grant.txt tells


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def built(corpus, tmp_path):
    g = kg.build(corpus, store=tmp_path / "store")
    assert g.report.ok and len(g.report.built) == 3, g.report.failed
    yield g
    g.close()


def _facts(g) -> dict[tuple[str, str, str], int]:
    """(subject label, relation, object label) -> sources, from the named query."""
    return {(r["subject_name"], r["relation"], r["object_name"]): int(str(r["sources"]))
            for r in g.query("facts-by-sources").to_records()}


def _shared(facts: dict) -> tuple[tuple[str, str, str], int]:
    hits = [(k, v) for k, v in facts.items() if k[:2] == SHARED]
    assert len(hits) == 1, facts
    return hits[0]


@pytest.mark.parametrize("expected_shared, expected_other", [(2, 1)])
def test_sources_shared_fact_counts_two_documents(built, expected_shared, expected_other):
    facts = _facts(built)
    (_, _, ministry), n = _shared(facts)
    assert "Ministry of Security" in ministry
    assert n == expected_shared
    assert facts[OTHER] == expected_other
    rows = built.query(f"SELECT ?n WHERE {{ GRAPH <https://w3id.org/kg/graph/sources> {{ <{OSEI}> kg:sourceCount ?n }} }}")
    assert [int(str(r["n"])) for r in rows.to_records()] == [2]      # the entity: two documents name him


@pytest.mark.parametrize("minimum", ["2"])
def test_sources_named_query_orders_and_filters(built, minimum):
    rows = built.query("facts-by-sources").to_records()
    counts = [int(str(r["sources"])) for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] == 2 and counts[-1] == 1
    assert (rows[0]["subject_name"], rows[0]["relation"]) == SHARED
    kept = built.query("facts-by-sources", min_sources=minimum).to_records()
    assert [(r["subject_name"], r["relation"]) for r in kept] == [SHARED]


@pytest.mark.parametrize("min_sources, relations", [(1, None), (2, ["leads"])])
def test_sources_min_sources_in_view_network(built, min_sources, relations):
    full = to_networkx(built.store)
    g = select(full, Selection(min_sources=min_sources))
    if relations is None:
        assert g.number_of_edges() == full.number_of_edges() > 1
    else:
        assert [(g.nodes[s]["label"], d["relation"], d["sources"]) for s, o, d in g.edges(data=True)] == \
            [("Rafael Osei", "leads", 2)]
        assert len(g) == len(full)                      # entities stay; only facts go
    assert full.nodes[OSEI]["sources"] == 2


@pytest.mark.parametrize("min_sources, shows_other", [(1, True), (2, False)])
def test_sources_view_page_is_written_with_min_sources(built, tmp_path, min_sources, shows_other):
    page = built.view(tmp_path / "v.html", min_sources=min_sources).read_text(encoding="utf-8")
    assert '"relation": "leads"' in page
    assert ('"relation": "partOf"' in page) is shows_other


def _parse(path, fmt: str) -> rdflib.Graph:
    """Every triple of an export (each named graph's, for N-Quads and TriG) in one rdflib Graph."""
    if fmt in ("nq", "trig"):
        ds = rdflib.Dataset().parse(path, format="nquads" if fmt == "nq" else "trig")
        out = rdflib.Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            out.add((s, p, o))
        return out
    return rdflib.Graph().parse(path, format={"turtle": "turtle", "jsonld": "json-ld"}[fmt])


@pytest.mark.parametrize("fmt, min_sources", [("turtle", 2), ("nq", 2), ("jsonld", 2)])
def test_sources_min_sources_in_rdf_export(built, tmp_path, fmt, min_sources):
    rg = _parse(built.export(tmp_path / f"g.{fmt}", fmt, min_sources=min_sources), fmt)
    rels = {(s, p, o) for s, p, o in rg if str(p) in {KG + r for r in RELATIONS}}
    assert {(str(s), str(p)) for s, p, _ in rels} == {(OSEI, KG + "leads")}
    evidence = set(rg.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "Evidence")))
    assert len(evidence) == 2
    assert {str(rg.value(e, rdflib.RDF.predicate)) for e in evidence} == {KG + "leads"}
    assert {int(rg.value(e, rdflib.URIRef(KG + "sourceCount"))) for e in evidence} == {2}
    # nothing of the other facts' evidence is left behind (no untyped evidence nodes)
    assert not [s for s in set(rg.subjects()) if "/ev/" in str(s) and s not in evidence]
    full = _parse(built.export(tmp_path / f"all.{fmt}", fmt), fmt)
    assert len(set(full.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "Evidence")))) > 2


@pytest.mark.parametrize("fmt", ["csv"])
def test_sources_min_sources_in_table_export(built, tmp_path, fmt):
    rows = list(csv.DictReader(io.StringIO(built.export(tmp_path / "e.csv", fmt, min_sources=2).read_text())))
    assert [(r["source_label"], r["relation"], r["sources"]) for r in rows] == [("Rafael Osei", "leads", "2")]


@pytest.mark.parametrize("gone", ["patrols.txt"])
def test_sources_count_falls_back_after_a_document_is_removed(built, gone):
    store_path = built.store.path
    built.close()
    with KgStore(store_path) as st:                   # what `kg remove patrols.txt` does
        for did, (ident, _) in st.documents().items():
            if ident == gone:
                st.remove_document(did)
        st.prune_gazetteer()
    with kg.open_store(store_path, read_only=True) as g:
        assert _shared(_facts(g))[1] == 1
        assert {r["sources"] for r in g.query("facts-by-sources").to_records()} == {"1"}


@pytest.mark.parametrize("changed", ["patrols.txt"])
def test_sources_count_follows_a_rebuilt_changed_document(built, corpus, changed):
    store_path = built.store.path
    built.close()
    (corpus / changed).write_text("Night patrols on the northern coast\n\nTEGUCIGALPA, 9 April 2025 - The "
                                  "National Police of Honduras will start night patrols near La Ceiba in May.\n",
                                  encoding="utf-8")
    with kg.build(corpus, store=store_path) as g:
        assert g.report.replaced == [changed]
        assert _shared(_facts(g))[1] == 1
    with kg.build(corpus, store=store_path) as g:      # nothing changed: the counts stay
        assert len(g.report.unchanged) == 3 and _shared(_facts(g))[1] == 1


def test_sources_store_conforms_to_shapes(built):
    ok, text = built.validate()
    assert ok, text


@pytest.mark.parametrize("urls, publishers", [
    (("https://www.wire-one.example/a", "https://daily-two.example/b", "https://daily-two.example/c"), ("2", "1")),
    (("https://daily-two.example/a", "https://daily-two.example/b", "https://daily-two.example/c"), ("1", "1")),
])
def test_sources_publishers_are_the_hosts_of_jsonl_urls(tmp_path, urls, publishers):
    import json
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": str(i), "url": url, "text": DOCS[name]}) + "\n"
                            for i, (name, url) in enumerate(zip(("raid.txt", "patrols.txt", "grant.txt"), urls))),
                    encoding="utf-8")
    with kg.build(feed, store=tmp_path / "store") as g:
        rows = {(r["subject_name"], r["relation"], r["object_name"]): (r["sources"], r["publishers"])
                for r in g.query("facts-by-sources").to_records()}
    shared = [v for k, v in rows.items() if k[:2] == SHARED]
    assert [tuple(map(str, v)) for v in shared] == [("2", publishers[0])]
    assert tuple(map(str, rows[OTHER])) == ("1", publishers[1])


@pytest.mark.parametrize("command, out", [("export", "g.ttl"), ("view", "g.html")])
def test_sources_min_sources_on_the_command_line(kg_cmd, built, tmp_path, command, out):
    import os
    import subprocess
    store = built.store.path if hasattr(built, "store") else tmp_path / "store"
    built.close()
    target = tmp_path / out
    p = subprocess.run([*kg_cmd, command, "--store", str(store), "-o", str(target), "--min-sources", "2"],
                       capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "Rafael Osei" in target.read_text(encoding="utf-8")
    if command == "export":
        rg = rdflib.Graph().parse(target, format="turtle")
        assert {str(p) for _, p, _ in rg if str(p).startswith(KG) and str(p)[len(KG):] in RELATIONS} == {KG + "leads"}
    bad = subprocess.run([*kg_cmd, command, "--store", str(store), "-o", str(tmp_path / ("x" + out)),
                          "--min-sources", "0"], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr


@pytest.mark.parametrize("copies", [0, 2])
def test_sources_first_build_counts_as_written_equal_a_recount(tmp_path, corpus, copies, monkeypatch):
    """A build into an empty store counts what it writes (no read-back); the counts are those a
    full recount of the store gives, duplicates (further sources) and URL publishers included."""
    import json
    for i in range(copies):
        (corpus / f"copy-{i}.txt").write_text(DOCS["raid.txt"], encoding="utf-8")
    (corpus / "feed.jsonl").write_text("".join(
        json.dumps({"id": str(i), "url": f"https://desk-{i}.example/{i}", "text": DOCS[name]}) + "\n"
        for i, name in enumerate(("patrols.txt", "grant.txt"))), encoding="utf-8")
    store_path = tmp_path / "fresh"
    recount = KgStore.update_source_counts

    def no_recount(self):
        raise AssertionError("a first build recounted the store")
    monkeypatch.setattr(KgStore, "update_source_counts", no_recount)
    with kg.build(corpus, store=store_path) as g:
        assert len(g.report.duplicates) == copies + 2, g.report.duplicates
        shared = _shared(_facts(g))
    assert shared[1] == 2
    monkeypatch.setattr(KgStore, "update_source_counts", recount)
    with KgStore(store_path) as st:
        assert st.has_source_counts()
        assert st.update_source_counts() == 0          # the full recount changes nothing


def test_sources_store_with_data_is_not_taken_as_empty(built):
    assert not built.store.holds_no_data()


def test_sources_entity_description_written_once_per_build(tmp_path, corpus, monkeypatch):
    """Two documents name the same minister: his description goes to the store once, and the
    store holds it as a build that wrote it twice would."""
    from kg.namespaces import ENTITY_GRAPH
    written: list[bytes] = []
    put = KgStore.put_documents

    def counting(self, items):
        written.extend(q for _, q, _ in items)
        put(self, items)
    monkeypatch.setattr(KgStore, "put_documents", counting)
    with kg.build(corpus, store=tmp_path / "store") as g:
        assert len(g.report.built) == 3
        labels = [str(r["l"]) for r in g.query(
            f"SELECT ?l WHERE {{ GRAPH <{ENTITY_GRAPH}> {{ <{OSEI}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }} }}").to_records()]
    assert labels == ["Rafael Osei"]
    lines = [l for q in written for l in q.decode("utf-8").splitlines()
             if l.startswith(f"<{OSEI}> ") and l.endswith(f"<{ENTITY_GRAPH}> .")]
    assert lines and len(lines) == len(set(lines))
