"""Source counts (kg:sourceCount, kg:publisherCount) on stores written from hand-made
extractions: no model, each document a few records."""
from __future__ import annotations

import hashlib

import pytest

from kg.graph import sources as src
from kg.graph.store import KgStore
from kg.graph.triples import encode_quads, to_quads
from kg.namespaces import ID, KG
from kg.records import Document, Entity, EntityType, Evidence, Extraction, Mention, Relation

OSEI, MINISTRY, GHANA, ACCRA = (f"{ID}person/rafael-osei", f"{ID}organization/ministry-of-security-hn",
                                f"{ID}location/ghana", f"{ID}location/accra")
LEADS, PART_OF = KG + "leads", KG + "partOf"
ENTITIES = {OSEI: ("Rafael Osei", EntityType.PERSON), MINISTRY: ("Ministry of Security", EntityType.ORGANIZATION),
            GHANA: ("Ghana", EntityType.LOCATION), ACCRA: ("Accra", EntityType.LOCATION)}


def _document(text: str, source: str) -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(doc_id=digest[:16], identifier=source.rsplit("/", 1)[-1], source=source, text=text,
                    content_hash=f"sha256:{digest}")


def _quads(text: str, source: str, facts: list[tuple[str, str, str]]) -> tuple[str, bytes]:
    """One document's quads: each fact (subject IRI, relation, object IRI) read from the whole text."""
    d = _document(text, source)
    iris = {iri: iri for s, _, o in facts for iri in (s, o)}
    entities = tuple(Entity(iri, ENTITIES[iri][1], ENTITIES[iri][0], ENTITIES[iri][1].value) for iri in iris)
    mentions = tuple(Mention(d.doc_id, text.index(ENTITIES[iri][0]), text.index(ENTITIES[iri][0]) + len(ENTITIES[iri][0]),
                             ENTITIES[iri][0], ENTITIES[iri][1], iri) for iri in iris)
    relations = tuple(Relation(s, p[len(KG):], o, Evidence(d.doc_id, 0, len(text), text, 0.8, "kg.test.v1"))
                      for s, p, o in facts)
    x = Extraction(d, entities, mentions, relations)
    return d.doc_id, encode_quads(to_quads(x, iris, {}, {}))


LEAD_1 = ("Security Minister Rafael Osei spoke for the Ministry of Security.", "docs/raid.txt", [(OSEI, LEADS, MINISTRY)])
LEAD_2 = ("Rafael Osei, who heads the Ministry of Security, announced patrols.", "docs/patrols.txt",
          [(OSEI, LEADS, MINISTRY)])
ACCRA_1 = ("Accra, the capital of Ghana, hosted the talks.", "docs/talks.txt", [(ACCRA, PART_OF, GHANA)])


def _counts(st: KgStore) -> dict[tuple[str, str, str], set[tuple[int, int | None]]]:
    """(s, p, o) -> the set of (sourceCount, publisherCount) its evidence nodes carry."""
    q = """SELECT ?s ?p ?o ?n ?np WHERE { ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
           GRAPH <%s> { ?ev kg:sourceCount ?n OPTIONAL { ?ev kg:publisherCount ?np } } }""" % src.SOURCES_GRAPH
    out: dict = {}
    from kg.namespaces import sparql_prologue
    for r in st.query(sparql_prologue() + q):
        out.setdefault((r["s"].value, r["p"].value, r["o"].value), set()).add(
            (int(r["n"].value), int(r["np"].value) if r["np"] is not None else None))
    return out


def _entity_count(st: KgStore, iri: str) -> int | None:
    rows = list(st.store.quads_for_pattern(None, None, None, None))
    vals = [int(q.object.value) for q in rows if q.subject.value == iri and q.predicate.value == src.SOURCE_COUNT]
    assert len(vals) <= 1
    return vals[0] if vals else None


@pytest.fixture
def store(tmp_path):
    with KgStore(tmp_path / "store") as st:
        yield st


@pytest.mark.parametrize("docs, expected", [
    ([LEAD_1, LEAD_2, ACCRA_1], {(OSEI, LEADS, MINISTRY): {(2, None)}, (ACCRA, PART_OF, GHANA): {(1, None)}}),
    ([LEAD_1, ACCRA_1], {(OSEI, LEADS, MINISTRY): {(1, None)}, (ACCRA, PART_OF, GHANA): {(1, None)}}),
])
def test_source_count_counts_distinct_documents_per_fact(store, docs, expected):
    for text, source, facts in docs:
        store.put_document(*_quads(text, source, facts))
    store.update_source_counts()
    assert _counts(store) == expected


@pytest.mark.parametrize("removed, lead_count, osei_count", [(1, 1, 1), (0, 1, 1)])
def test_source_count_follows_a_removed_document(store, removed, lead_count, osei_count):
    ids = []
    for text, source, facts in (LEAD_1, LEAD_2, ACCRA_1):
        did, quads = _quads(text, source, facts)
        store.put_document(did, quads)
        ids.append(did)
    store.update_source_counts()
    assert _entity_count(store, OSEI) == 2
    store.remove_document(ids[removed])
    store.prune_gazetteer()                 # what `kg remove` calls after removing documents
    assert _counts(store)[(OSEI, LEADS, MINISTRY)] == {(lead_count, None)}
    assert _entity_count(store, OSEI) == osei_count
    # no count is left on the removed document's evidence nodes
    left = {q.subject.value for q in store.store.quads_for_pattern(None, None, None, None)
            if q.graph_name.value == src.SOURCES_GRAPH}
    assert not any(ids[removed] in s for s in left)


@pytest.mark.parametrize("sources, publishers", [
    (("https://www.news-a.example/1", "https://news-b.example/2"), 2),
    (("https://news-a.example/1", "https://news-a.example/2"), 1),
    (("https://news-a.example/1", "docs/b.txt"), 1),
])
def test_publisher_count_counts_hosts_of_url_sources(store, sources, publishers):
    for (text, _, facts), source in zip((LEAD_1, LEAD_2), sources):
        store.put_document(*_quads(text, source, facts))
    store.update_source_counts()
    assert _counts(store)[(OSEI, LEADS, MINISTRY)] == {(2, publishers)}


@pytest.mark.parametrize("n_docs", [3])
def test_update_source_counts_writes_nothing_when_nothing_changed(store, n_docs):
    for text, source, facts in (LEAD_1, LEAD_2, ACCRA_1)[:n_docs]:
        store.put_document(*_quads(text, source, facts))
    assert store.update_source_counts() > 0
    assert store.update_source_counts() == 0


@pytest.mark.parametrize("source, host", [
    ("https://www.example.org/a", "example.org"), ("HTTP://Wire.Example.com:8080/x", "wire.example.com"),
    ("docs/a.txt", None), ("", None), ("file:///tmp/a.txt", None), ("https:///nohost", None),
])
def test_publisher_is_the_host_of_a_url(source, host):
    assert src.publisher(source) == host


@pytest.mark.parametrize("rows, expected", [
    ([("e1", "a", "p", "b", "d1"), ("e2", "a", "p", "b", "d2"), ("e3", "a", "p", "b", "d2")],
     {"e1": src.Count(2, None), "e2": src.Count(2, None), "e3": src.Count(2, None)}),
    ([("e1", "a", "p", "b", "d1"), ("e1", "a", "p", "b", "gazetteer")], {"e1": src.Count(1, None)}),
    ([("e1", "a", "p", "b", "gazetteer")], {}),
])
def test_fact_counts_counts_only_documents(rows, expected):
    assert src.fact_counts(rows, {"d1": frozenset(), "d2": frozenset()}) == expected
