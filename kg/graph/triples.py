"""Extraction records -> RDF quads in the document's own named graph.

Deterministic: the same extraction and identity decisions give the same quads.
Relations stated as planned, alleged, requested or denied are kept only as
evidence statements (reified), never asserted as plain triples.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..namespaces import (DCTERMS, GAZETTEER_SOURCE, GEO, GEONAMES, GRAPH, ITSRDF, KG, KIND, NIF,
                          OWL, PROV, RDF, RDFS, SKOS, WIKIDATA, XSD, GAZETTEER_GRAPH, ENTITY_GRAPH)
from ..records import Entity, EntityType, Extraction
from ..mint import document_iri, event_iri, evidence_iri, mention_iri

# A quad is one N-Quads line ("<s> <p> \"o\" <g> .\n"): the store loads them as text, in
# one parse outside Python's lock, and nothing builds an object per term on the way.
NQuad = str


_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


@lru_cache(maxsize=1 << 15)
def n(iri: str) -> str:
    """An IRI as an N-Quads term.

    Raises:
        ValueError: the IRI holds a character an IRI may not (a space, '<', a quote...).
    """
    if _BAD_IRI.search(iri):
        raise ValueError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"


A = n(RDF + "type")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


# the terms of every mention and evidence node, made once
_MENTION, _EVIDENCE, _GAZETTEER = n(KG + "Mention"), n(KG + "Evidence"), n(GAZETTEER_SOURCE)
_BEGIN, _END, _ANCHOR, _CONTEXT = (n(NIF + x) for x in ("beginIndex", "endIndex", "anchorOf", "referenceContext"))
_IDENT, _DERIVED = n(ITSRDF + "taIdentRef"), n(PROV + "wasDerivedFrom")
_SUBJECT, _PREDICATE, _OBJECT = (n(RDF + x) for x in ("subject", "predicate", "object"))
_QUOTE, _CONFIDENCE, _FACTUALITY, _EXTRACTOR = (n(KG + x) for x in ("quote", "confidence", "factuality", "extractor"))
_INTEGER, _DECIMAL = n(XSD + "integer"), n(XSD + "decimal")


def lit(v, dt: str | None = None) -> str:
    """A literal as an N-Quads term (plain string, or typed with an xsd datatype).

    >>> lit('say "no"\\n'), lit(3, "integer")
    ('"say \\\\"no\\\\"\\\\n"', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    text = str(v)
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        text = text.translate(_ESCAPES)
    return f'"{text}"^^{n(XSD + dt)}' if dt else f'"{text}"'


def doc_graph(doc_id: str) -> str:
    return n(f"{GRAPH}{doc_id}")


def encode_quads(lines: Iterable[NQuad]) -> bytes:
    """N-Quads lines as the UTF-8 text stores load.

    Raises:
        UnicodeEncodeError: a literal holds a lone surrogate (from a JSON "\\ud800" escape).
    """
    return "".join(lines).encode("utf-8")


def parse_quads(data: bytes | Iterable[NQuad]) -> list[ox.Quad]:
    """The pyoxigraph Quads of N-Quads text or lines (for stores that take objects, and tests)."""
    if not isinstance(data, bytes):
        data = encode_quads(data)
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


def to_quads(x: Extraction, iris: dict[str, str], labels: dict[str, str],
             reasons: dict[str, str], told=None) -> Iterator[NQuad]:
    """Yield every quad of one document's contribution, as N-Quads lines.

    Args:
        x: the extraction.
        iris: entity key -> IRI (actors and places from the resolver; events are minted here).
        labels: entity key -> preferred label.
        reasons: entity key -> why it has that IRI (cross-document identity).
        told: a `kg.graph.sources.Told`, filled with the facts and mentioned entities
            the quads state (for the source counts of a build), or None.
    """
    d = x.document
    g = doc_graph(d.doc_id)
    doc = n(document_iri(d.doc_id))

    def q(s, p, o):
        return f"{s} {n(p)} {o} {g} .\n"

    yield f"{doc} {A} {n(KG + 'Document')} {g} .\n"
    yield q(doc, DCTERMS + "identifier", lit(d.identifier))
    yield q(doc, DCTERMS + "source", lit(d.source))
    yield q(doc, DCTERMS + "format", lit(d.media_type))
    yield q(doc, KG + "contentHash", lit(d.content_hash))
    yield q(doc, NIF + "isString", lit(d.text))
    if d.title:
        yield q(doc, DCTERMS + "title", lit(d.title))
    if d.date:
        yield q(doc, DCTERMS + "issued", lit(d.date, "date"))
    first_span = {}
    for m in x.mentions:
        first_span.setdefault(m.entity, (m.start, m.end))
    iris = dict(iris)
    for e in x.entities:
        if e.key not in iris:
            iris[e.key] = event_iri(e, d.doc_id, first_span.get(e.key, (0, 0)))
    eg = n(ENTITY_GRAPH)

    def shared_q(s_, p_, o_):
        return f"{s_} {n(p_)} {o_} {eg} .\n"

    for e in x.entities:
        shared = e.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION)
        # Actors and places are described once, in the shared entities graph (a set, so a
        # query over the union sees each label and type once); what ties them to this
        # document (kg:mentionedIn, mentions, relations) stays in the document's graph.
        node = n(iris[e.key])
        if told is not None:
            told.mentioned.append(iris[e.key])
        yield q(node, KG + "mentionedIn", doc)
        yield from _entity(e, node, labels.get(e.key, e.label), shared_q if shared else q)
    seen = set()
    for m in x.mentions:
        mi = mention_iri(d.doc_id, m.start, m.end)
        if mi in seen:
            mi = f"{mi}&e={m.entity}"
        seen.add(mi)
        node = n(mi)
        yield (f"{node} {A} {_MENTION} {g} .\n"
               f'{node} {_BEGIN} "{m.start}"^^{_INTEGER} {g} .\n'
               f'{node} {_END} "{m.end}"^^{_INTEGER} {g} .\n'
               f"{node} {_ANCHOR} {lit(m.text)} {g} .\n"
               f"{node} {_CONTEXT} {doc} {g} .\n"
               f"{node} {_IDENT} {n(iris[m.entity])} {g} .\n")
        if m.entity in reasons:
            yield q(node, KG + "resolution", lit(reasons[m.entity]))
    for r in x.relations:
        s, p, o = iris[r.subject], KG + r.predicate, iris[r.object]
        ns, np_, no = n(s), n(p), n(o)
        ev = r.evidence
        if ev.factuality == "asserted":
            yield f"{ns} {np_} {no} {g} .\n"
        ev_iri = evidence_iri(d.doc_id, s, p, o)
        if told is not None:
            told.facts.append((ev_iri, s, p, o))
        st = n(ev_iri)
        yield (f"{st} {A} {_EVIDENCE} {g} .\n"
               f"{st} {_SUBJECT} {ns} {g} .\n"
               f"{st} {_PREDICATE} {np_} {g} .\n"
               f"{st} {_OBJECT} {no} {g} .\n"
               f"{st} {_DERIVED} {doc} {g} .\n")
        if ev.gazetteer:
            yield f"{st} {_DERIVED} {_GAZETTEER} {g} .\n"
        yield (f'{st} {_BEGIN} "{ev.start}"^^{_INTEGER} {g} .\n'
               f'{st} {_END} "{ev.end}"^^{_INTEGER} {g} .\n'
               f"{st} {_QUOTE} {lit(ev.quote)} {g} .\n"
               f'{st} {_CONFIDENCE} "{Decimal(str(ev.confidence))}"^^{_DECIMAL} {g} .\n'
               f"{st} {_FACTUALITY} {lit(ev.factuality)} {g} .\n"
               f"{st} {_EXTRACTOR} {lit(ev.extractor)} {g} .\n")


def _entity(e: Entity, node: str, label: str, q) -> Iterator[NQuad]:
    yield q(node, RDF + "type", n(KG + e.cls))
    core = e.type.value
    if e.cls != core:
        yield q(node, RDF + "type", n(KG + core))
    yield q(node, SKOS + "prefLabel", lit(label))
    if e.type != EntityType.OPERATION and e.type != EntityType.FUNDING:
        for key in dict.fromkeys(x.lower() for x in (label, e.label, *e.aliases)):
            yield q(node, KG + "searchKey", lit(key))   # case-insensitive label lookups by index
    for alias in dict.fromkeys((e.label, *e.aliases)):
        if alias != label:
            yield q(node, SKOS + "altLabel", lit(alias))
    if e.country and e.type in (EntityType.ORGANIZATION, EntityType.LOCATION):
        yield q(node, KG + "countryCode", lit(e.country))
    if e.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, EntityType.OPERATION):
        from ..resolve.identity import identity_keys
        for k in identity_keys(e):
            yield q(node, KG + "identityKey", lit(k))
    for t in (e.attr("titles") or "").split("|"):
        if t and e.type == EntityType.PERSON:
            yield q(node, KG + "title", lit(t))
    a = dict(e.attrs)
    if e.type == EntityType.OPERATION:
        yield q(node, KG + "operationKind", n(KIND + a.get("kind", "Other")))
    for key, dt in (("eventDate", None), ("datePrecision", None), ("dateText", None), ("currency", None)):
        if key in a:
            yield q(node, KG + key, lit(a[key]))
    if "amount" in a:
        yield q(node, KG + "amount", lit(format(Decimal(a["amount"]), "f"), "decimal"))
    if "inKind" in a:
        yield q(node, KG + "inKind", lit(a["inKind"], "boolean"))
    if "comment" in a:      # the text's own words for an operation or funding (its name is made)
        yield q(node, RDFS + "comment", lit(a["comment"]))


def gazetteer_quads(entry, node_iri: str, ontology_dir: str | None = None) -> Iterator[NQuad]:
    """Yield the links and background facts the bundled gazetteer holds for one entity.

    Offline: only ids written in `ontology/gazetteer/*.tsv` are used; nothing is looked up.
    Written into the gazetteer's own named graph, so `kg build --no-link` (Settings.link =
    False, where the builder does not call this) leaves no trace of them.

    Args:
        entry: a gazetteer place (`kg.nlp.lexicon.Place`) or organisation (`Org`).
        node_iri: the entity's IRI.
        ontology_dir: where the gazetteers are (default: the bundled ontology/).

    Returns:
        `owl:sameAs` to Wikidata (`http://www.wikidata.org/entity/Q…`) when the gazetteer
        row has a `wikidata` id, `owl:sameAs` to GeoNames plus `kg:geonamesId` when it has a
        `geonames_id`, and WGS84 coordinates when it has them.

    >>> from kg.nlp.lexicon import load_lexicon
    >>> gt = load_lexicon().places["country:GT"]
    >>> sorted(str(q.object) for q in parse_quads(gazetteer_quads(gt, "https://w3id.org/kg/id/Location/guatemala"))
    ...        if q.predicate.value.endswith("#sameAs"))
    ['<http://www.wikidata.org/entity/Q774>', '<https://sws.geonames.org/3595528/>']
    """
    from .links import wikidata_id
    g = n(GAZETTEER_GRAPH)
    node = n(node_iri)
    qid = wikidata_id(entry, ontology_dir)
    if qid:
        yield f"{node} {n(OWL + 'sameAs')} {n(WIKIDATA + qid)} {g} .\n"
    geonames = getattr(entry, "geonames", None)
    if geonames:
        yield f"{node} {n(OWL + 'sameAs')} {n(f'{GEONAMES}{geonames}/')} {g} .\n"
        yield f"{node} {n(KG + 'geonamesId')} {lit(geonames)} {g} .\n"
    lat, lon = getattr(entry, "lat", None), getattr(entry, "lon", None)
    if lat and lon:
        yield f"{node} {n(GEO + 'lat')} {lit(lat, 'decimal')} {g} .\n"
        yield f"{node} {n(GEO + 'long')} {lit(lon, 'decimal')} {g} .\n"


def extractor_quads(doc_id: str, x) -> Iterator[NQuad]:
    """What extracted a document (a `kg.extractor.Extractor`), on its document node.

    >>> from kg.extractor import Extractor
    >>> len(list(extractor_quads("0" * 16, Extractor("0.1.0", "en_core_web_sm", "3.8.0", "sha256:00"))))
    4
    """
    g, doc = doc_graph(doc_id), n(document_iri(doc_id))
    for p, v in (("kgVersion", x.kg_version), ("modelName", x.model_name), ("modelVersion", x.model_version),
                 ("dataFingerprint", x.data_fingerprint)):
        yield f"{doc} {n(KG + p)} {lit(v)} {g} .\n"


def further_source_quads(doc_id: str, sources: Iterable[str]) -> Iterator[NQuad]:
    """Further files holding a document's text: each a `dcterms:source` (provenance queries
    find them all) and a `kg:duplicateSource` (not the file it was extracted from)."""
    g, doc = doc_graph(doc_id), n(document_iri(doc_id))
    for s in sources:
        yield f"{doc} {n(DCTERMS + 'source')} {lit(s)} {g} .\n"
        yield f"{doc} {n(KG + 'duplicateSource')} {lit(s)} {g} .\n"
