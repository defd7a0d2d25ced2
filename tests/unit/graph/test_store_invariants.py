"""What every built store must hold: mentions anchored in their document's text,
evidence statements complete, deterministic output, idempotent builds."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

import kg
from kg.export.serialize import render

TINY = Path(__file__).resolve().parents[2] / "data" / "tiny"
STORES = ["tiny_store", "demo_store"]

MENTIONS_Q = """
SELECT ?m ?b ?e ?a ?text WHERE {
  ?m a kg:Mention ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a ; nif:referenceContext ?d .
  ?d a kg:Document ; nif:isString ?text .
}"""

EVIDENCE_Q = """
SELECT ?st (COUNT(DISTINCT ?s) AS ?ns) (COUNT(DISTINCT ?p) AS ?np) (COUNT(DISTINCT ?o) AS ?no)
       (COUNT(DISTINCT ?d) AS ?nd) (SAMPLE(?c) AS ?conf) (COUNT(DISTINCT ?c) AS ?nc)
       (SAMPLE(?b) AS ?begin) (SAMPLE(?e) AS ?end) (SAMPLE(?q) AS ?quote) (SAMPLE(?text) AS ?doc_text)
WHERE {
  ?st a kg:Evidence .
  OPTIONAL { ?st rdf:subject ?s } OPTIONAL { ?st rdf:predicate ?p } OPTIONAL { ?st rdf:object ?o }
  OPTIONAL { ?st prov:wasDerivedFrom ?d . ?d a kg:Document ; nif:isString ?text }
  OPTIONAL { ?st kg:confidence ?c } OPTIONAL { ?st nif:beginIndex ?b } OPTIONAL { ?st nif:endIndex ?e }
  OPTIONAL { ?st kg:quote ?q }
} GROUP BY ?st"""


def _store(request, name):
    return request.getfixturevalue(name)


@pytest.mark.parametrize("store", STORES)
def test_every_mention_anchor_is_its_document_text(request, store):
    g = _store(request, store)
    rows = g.query(MENTIONS_Q).to_records()
    assert len(rows) > 20
    bad = [(r["m"], r["a"], r["text"][int(r["b"]):int(r["e"])]) for r in rows
           if r["text"][int(r["b"]):int(r["e"])] != r["a"]]
    assert bad == []
    assert all(0 <= int(r["b"]) < int(r["e"]) <= len(r["text"]) for r in rows)


@pytest.mark.parametrize("store", STORES)
def test_every_mention_has_one_document_and_entity(request, store):
    g = _store(request, store)
    rows = g.query("""SELECT ?m (COUNT(DISTINCT ?d) AS ?nd) (COUNT(DISTINCT ?x) AS ?nx) WHERE {
        ?m a kg:Mention . OPTIONAL { ?m nif:referenceContext ?d } OPTIONAL { ?m itsrdf:taIdentRef ?x } }
        GROUP BY ?m""").rows
    assert rows and all(nd == "1" and nx == "1" for _, nd, nx in rows)


@pytest.mark.parametrize("store", STORES)
def test_evidence_statements_are_complete(request, store):
    g = _store(request, store)
    rows = g.query(EVIDENCE_Q).to_records()
    assert len(rows) > 5
    for r in rows:
        assert (r["ns"], r["np"], r["no"]) == ("1", "1", "1"), r["st"]
        assert r["nd"] == "1", f"{r['st']}: derived from {r['nd']} documents"
        assert r["nc"] == "1" and Decimal("0") <= Decimal(r["conf"]) <= Decimal("1"), r
        b, e = int(r["begin"]), int(r["end"])
        assert 0 <= b < e <= len(r["doc_text"])
        assert r["quote"] == r["doc_text"][b:e].strip()


@pytest.mark.parametrize("store", STORES)
def test_asserted_triples_have_evidence(request, store):
    g = _store(request, store)
    missing = g.query("""SELECT ?s ?p ?o WHERE {
        VALUES ?p { kg:hasParticipant kg:targets kg:locatedIn kg:partOf kg:memberOf kg:leads kg:fundedBy
                    kg:recipient kg:funds }
        ?s ?p ?o .
        FILTER NOT EXISTS { ?st a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o } }""").rows
    assert missing == []


@pytest.mark.parametrize("store", STORES)
def test_not_asserted_evidence_is_not_a_triple(request, store):
    g = _store(request, store)
    rows = g.query("""SELECT ?st ?f WHERE { ?st a kg:Evidence ; kg:factuality ?f ;
        rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . FILTER (?f != "asserted")
        FILTER EXISTS { ?s ?p ?o }
        FILTER NOT EXISTS { ?st2 a kg:Evidence ; kg:factuality "asserted" ; rdf:subject ?s ;
                            rdf:predicate ?p ; rdf:object ?o } }""").rows
    assert rows == []


@pytest.mark.parametrize("store", ["tiny_store"])
def test_export_turtle_isomorphic_to_ntriples(request, store):
    g = _store(request, store)
    ttl = rdflib.Graph().parse(data=render(g.store, "turtle"), format="turtle")
    nt = rdflib.Graph().parse(data=render(g.store, "nt"), format="nt")
    assert len(nt) > 100
    assert isomorphic(ttl, nt)


@pytest.mark.parametrize("folder", [TINY])
def test_build_twice_is_idempotent(tmp_path, tiny_store, folder):
    first = kg.build(folder, store=tmp_path / "store")
    try:
        built = sorted(first.report.built)
        assert built and not first.report.failed
        before = render(first.store, "nt")
    finally:
        first.close()
    second = kg.build(folder, store=tmp_path / "store")
    try:
        assert second.report.built == [] and second.report.replaced == []
        assert sorted(second.report.unchanged) == built
        after = render(second.store, "nt")
    finally:
        second.close()
    assert after == before
    # a store built elsewhere from the same files is byte-for-byte the same graph
    assert render(tiny_store.store, "nt") == before


@pytest.mark.parametrize("name", ["one.txt"])
def test_changed_document_replaces_its_graph(tmp_path, name):
    src = tmp_path / "docs"
    src.mkdir()
    text = (TINY / name).read_text(encoding="utf-8")
    (src / name).write_text(text, encoding="utf-8")
    with kg.build(src, store=tmp_path / "store") as g:
        assert g.report.built == [name]
    (src / name).write_text(text.replace("1.5 tonnes", "2.5 tonnes"), encoding="utf-8")
    with kg.build(src, store=tmp_path / "store") as g:
        assert g.report.replaced == [name]
        docs = g.query("SELECT ?d ?t WHERE { ?d a kg:Document ; nif:isString ?t }").rows
        assert len(docs) == 1 and "2.5 tonnes" in docs[0][1]
