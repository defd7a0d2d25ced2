"""Source counts: how many documents (and publishers) tell each fact and name each entity.

A fact is a relation statement (subject, predicate, object); the documents that tell it are
those that hold a `kg:Evidence` node for it (`prov:wasDerivedFrom` the `kg:Document`),
whatever its factuality. An entity's documents are those it is `kg:mentionedIn`. A
document's publisher is the host of its `dcterms:source` when that is an http(s) URL
(JSON lines records with a "url"); files on disk have none, so the publisher count is
written only where at least one supporting document has one.

The counts live in their own named graph (`SOURCES_GRAPH`): `kg:sourceCount` and
`kg:publisherCount` on every evidence node of a fact (each carries the count of the fact it
states) and on every entity. Per-document graphs are never touched, so removing or replacing
a document stays one graph operation; the counts are recomputed after it (`KgStore.update_source_counts`).

Pure functions here; the store reads and writes in `kg.graph.store`.
"""
from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from ..namespaces import DCTERMS, GRAPH, KG, PROV, RDF

SOURCES_GRAPH = GRAPH + "sources"
SOURCE_COUNT = KG + "sourceCount"
PUBLISHER_COUNT = KG + "publisherCount"

class Count(NamedTuple):
    """How many distinct documents, and publishers (None: none known), support a node."""

    documents: int
    publishers: int | None


def publisher(source: str | None) -> str | None:
    """The publisher of a document source: the host of an http(s) URL, without "www."; None for a file.

    >>> publisher("https://www.Example.org/news/1"), publisher("http://wire.example.com"), publisher("docs/a.txt")
    ('example.org', 'wire.example.com', None)
    """
    if not source or not source.lower().startswith(("http://", "https://")):
        return None
    try:
        host = urllib.parse.urlsplit(source).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def document_publishers(rows: Iterable[tuple[str, str | None]]) -> dict[str, frozenset[str]]:
    """Document IRI -> the publishers of its sources, from (document, source) rows.

    Every row's document is a document, even one with no publisher (an empty set).

    >>> pubs = document_publishers([("d1", "a.txt"), ("d2", "https://x.org/1"), ("d2", "https://y.org/2")])
    >>> {d: sorted(h) for d, h in pubs.items()}
    {'d1': [], 'd2': ['x.org', 'y.org']}
    """
    out: dict[str, set[str]] = {}
    for d, src in rows:
        hosts = out.setdefault(d, set())
        if (host := publisher(src)) is not None:
            hosts.add(host)
    return {d: frozenset(h) for d, h in out.items()}


def _count(docs: set[str], publishers: Mapping[str, frozenset[str]]) -> Count:
    hosts = {h for d in docs for h in publishers[d]}
    return Count(len(docs), len(hosts) or None)


def fact_counts(evidence: Iterable[tuple[str, str, str, str, str]],
                publishers: Mapping[str, frozenset[str]]) -> dict[str, Count]:
    """Evidence IRI -> the count of the fact it states, from (evidence, s, p, o, source) rows.

    Only sources that are documents (keys of `publishers`) count: a gazetteer is not one.

    >>> pubs = {"d1": frozenset(), "d2": frozenset({"x.org"})}
    >>> c = fact_counts([("e1", "a", "p", "b", "d1"), ("e2", "a", "p", "b", "d2"), ("e3", "a", "q", "b", "d2")], pubs)
    >>> c["e1"], c["e3"]
    (Count(documents=2, publishers=1), Count(documents=1, publishers=1))
    """
    out = {}
    for docs, evs in facts(evidence, publishers).values():
        c = _count(docs, publishers)
        for ev in evs:
            out[ev] = c
    return out


def facts(evidence: Iterable[tuple[str, str, str, str, str]],
          documents: Iterable[str]) -> dict[tuple[str, str, str], tuple[set[str], set[str]]]:
    """(s, p, o) -> (the documents that tell it, its evidence IRIs), from (evidence, s, p, o, source) rows.

    Sources that are not among `documents` (a gazetteer) are not counted; a fact only they
    support is left out.

    >>> f = facts([("e1", "a", "p", "b", "d1"), ("e2", "a", "p", "b", "d1"), ("e3", "a", "q", "b", "gaz")], {"d1"})
    >>> [(key, sorted(docs), sorted(evs)) for key, (docs, evs) in f.items()]
    [(('a', 'p', 'b'), ['d1'], ['e1', 'e2'])]
    """
    documents = documents if isinstance(documents, (set, frozenset, dict)) else set(documents)
    out: dict[tuple[str, str, str], tuple[set[str], set[str]]] = {}
    for ev, s, p, o, d in evidence:
        if d in documents:
            docs, evs = out.setdefault((s, p, o), (set(), set()))
            docs.add(d)
            evs.add(ev)
    return out


def entity_counts(mentioned: Iterable[tuple[str, str]], publishers: Mapping[str, frozenset[str]]) -> dict[str, Count]:
    """Entity IRI -> its count, from (entity, document it is mentioned in) rows.

    >>> entity_counts([("x", "d1"), ("x", "d1"), ("x", "d2"), ("y", "gone")], {"d1": frozenset(), "d2": frozenset()})
    {'x': Count(documents=2, publishers=None)}
    """
    docs: dict[str, set[str]] = {}
    for e, d in mentioned:
        if d in publishers:
            docs.setdefault(e, set()).add(d)
    return {e: _count(ds, publishers) for e, ds in docs.items()}


def count_triples(counts: Mapping[str, Count]) -> set[tuple[str, str, int]]:
    """The (node IRI, property IRI, value) triples that state `counts`, for the sources graph.

    >>> sorted(count_triples({"e": Count(2, None), "f": Count(1, 1)}))[:2]
    [('e', 'https://w3id.org/kg/ontology#sourceCount', 2), ('f', 'https://w3id.org/kg/ontology#publisherCount', 1)]
    """
    out = set()
    for node, c in counts.items():
        out.add((node, SOURCE_COUNT, c.documents))
        if c.publishers is not None:
            out.add((node, PUBLISHER_COUNT, c.publishers))
    return out


class Tally:
    """The source counts of documents as they are written, kept in memory by a build into a
    store that held no documents: its counts are then those of what it wrote, and no store
    scan is needed at the end (`triples` gives what `store_count_triples` would read back).
    """

    def __init__(self) -> None:
        self.sources: dict[str, list[str | None]] = {}     # document IRI -> its sources
        self.evidence: list[tuple[str, str, str, str, str]] = []
        self.mentioned: list[tuple[str, str]] = []

    def add_document(self, document: str, source: str | None, told: Told) -> None:
        """A written document: its IRI, its source and what `to_quads` recorded of it."""
        self.sources.setdefault(document, []).append(source)
        self.evidence.extend((ev, s, p, o, document) for ev, s, p, o in told.facts)
        self.mentioned.extend((e, document) for e in told.mentioned)

    def add_sources(self, document: str, sources: Iterable[str]) -> None:
        """Further sources of a written document (duplicates found in the same build)."""
        if document in self.sources:
            self.sources[document].extend(sources)

    def triples(self) -> set[tuple[str, str, int]]:
        pubs = document_publishers((d, s) for d, srcs in self.sources.items() for s in srcs)
        counts = fact_counts(self.evidence, pubs)
        counts.update(entity_counts(self.mentioned, pubs))
        return count_triples(counts)


class Told(NamedTuple):
    """What one document's quads state, for the counts: its facts as (evidence IRI, s, p, o)
    and the IRIs of the entities it mentions."""

    facts: list[tuple[str, str, str, str]]
    mentioned: list[str]


def store_count_triples(pairs: Callable[[str], Iterable[tuple[str, str]]],
                        documents: set[str]) -> set[tuple[str, str, int]]:
    """The count triples of a whole store, read through `pairs(predicate)` ((subject, object)
    values of every quad with that predicate, in any graph) and the IRIs of its documents: the
    same computation for the embedded store (index scans) and a SPARQL server (SELECTs)."""
    rows = [(d, s) for d, s in pairs(DCTERMS + "source") if d in documents]
    rows += [(d, None) for d in documents - {d for d, _ in rows}]
    pubs = document_publishers(rows)
    subj, pred, obj = (dict(pairs(RDF + x)) for x in ("subject", "predicate", "object"))
    evidence = ((ev, subj[ev], pred[ev], obj[ev], d) for ev, d in pairs(PROV + "wasDerivedFrom")
                if ev in subj and ev in pred and ev in obj)
    counts = fact_counts(evidence, pubs)
    counts.update(entity_counts(pairs(KG + "mentionedIn"), pubs))
    return count_triples(counts)
