"""The store as a networkx graph: entities as nodes, the nine relations as edges, with evidence.

Node attributes: label, type (core class), cls (most specific kg class), aliases
(" | "-joined), amount, currency, kind, docs (document identifiers that mention it),
dates (ISO dates of those documents, or the event's own date), evidence (up to three
(quote, document) pairs), sources (how many distinct documents mention it). Edge
attributes: relation, evidence (the best quote), document, confidence, factuality,
quotes (up to three (quote, document) pairs), docs and dates of every evidence document,
sources (how many distinct documents hold evidence for it: the `kg:sourceCount` of
`kg.graph.sources`, counted the same way).
"""
from __future__ import annotations

import csv
import io

import networkx as nx
import pyoxigraph as ox

from ..namespaces import KG, RDF, SKOS, sparql_prologue

CORE = ("Person", "Organization", "Location", "Operation", "Funding")
RELATIONS = ("hasParticipant", "targets", "locatedIn", "partOf", "memberOf", "leads", "fundedBy",
             "recipient", "funds")
FUNDING_RELATIONS = ("fundedBy", "recipient", "funds")
MAX_QUOTES = 3

# Each query reads one graph at a time (GRAPH ?g): no de-duplication across graphs, which the
# union default graph pays for every pattern; rows are joined, de-duplicated and ordered in
# Python. On a 5,000-node store this reads in a fraction of the time the union-graph queries
# with GROUP BY and ORDER BY took (benchmarks/view.py).
TYPES_Q = sparql_prologue() + """
SELECT ?e ?type ?cls WHERE {
  VALUES ?type { kg:Person kg:Organization kg:Location kg:Operation kg:Funding }
  GRAPH ?g { ?e a ?type , ?cls }
}"""
FACTS_Q = sparql_prologue() + """SELECT ?e ?v WHERE {{ GRAPH ?g {{ ?e {predicate} ?v }} }}"""
FACTS = {"label": "skos:prefLabel", "aliases": "skos:altLabel", "amount": "kg:amount", "currency": "kg:currency",
         "kind": "kg:operationKind", "date": "kg:eventDate", "mentioned": "kg:mentionedIn"}

DOCS_Q = sparql_prologue() + """
SELECT ?d ?id ?issued WHERE { GRAPH ?g { ?d a kg:Document ; dcterms:identifier ?id
  OPTIONAL { ?d dcterms:issued ?issued } } }"""

EVIDENCE_Q = sparql_prologue() + """
SELECT ?s ?p ?o ?quote ?conf ?d ?fact WHERE { GRAPH ?g {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:quote ?quote ; kg:confidence ?conf ;
      prov:wasDerivedFrom ?d .
  OPTIONAL { ?st kg:factuality ?fact } } }"""


def to_networkx(store) -> nx.MultiDiGraph:
    """Entities (nodes) and relations read from evidence (edges), with their documents and dates.

    One edge per (subject, relation, object); its `evidence` is the most confident quote.
    Deterministic: the same store gives the same graph, nodes (by IRI) and edges (by subject,
    relation, object) in the same order.
    """
    g = nx.MultiDiGraph()
    docs = _documents(store)
    _add_nodes(g, store, docs)
    _add_edges(g, store, docs)
    _add_node_evidence(g)
    return g


def _rows(store, query: str):
    """Rows of a query as tuples of plain strings (None for unbound or empty).

    Serialised as CSV by pyoxigraph and read by Python's C csv reader: about a third faster
    than one Python object per term on the 5,000-node benchmark store.
    """
    data = store.query(query, use_default_graph_as_union=False).serialize(format=ox.QueryResultsFormat.CSV)
    rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    next(rows, None)                              # the header
    for row in rows:
        yield tuple(v if v else None for v in row)


def _documents(store) -> dict[str, tuple[str, str | None]]:
    """Document IRI -> (identifier, issued date or None)."""
    out: dict[str, tuple[str, str | None]] = {}
    for d, ident, issued in _rows(store, DOCS_Q):
        if d not in out or (issued and not out[d][1]):
            out[d] = (ident, issued)
    return out


def _facts(store, name: str) -> dict[str, list[str]]:
    """Entity IRI -> the sorted distinct values of one property (FACTS[name])."""
    out: dict[str, set[str]] = {}
    for e, v in _rows(store, FACTS_Q.format(predicate=FACTS[name])):
        out.setdefault(e, set()).add(v)
    return {e: sorted(vs) for e, vs in out.items()}


def _add_nodes(g: nx.MultiDiGraph, store, docs: dict) -> None:
    found: dict[str, tuple[str, str]] = {}
    for e, t, c in _rows(store, TYPES_Q):
        t, c = t[len(KG):], c[len(KG):] if c.startswith(KG) else ""
        old = found.get(e)
        specific = c if c and c != t else ""
        if old is None or (specific and (old[1] == old[0] or specific < old[1])):
            found[e] = (t, specific or (old[1] if old else t))
    labels = _facts(store, "label")
    facts = {k: _facts(store, k) for k in ("aliases", "amount", "currency", "kind")}
    for e in sorted(found):
        if e not in labels:
            continue                          # as before: an entity needs a label to be shown
        t, cls = found[e]
        one = lambda k: facts[k].get(e, [""])[0]
        g.add_node(e, label=labels[e][0], type=t, cls=cls, aliases=" | ".join(facts["aliases"].get(e, [])),
                   amount=one("amount"), currency=one("currency"),
                   kind=one("kind").rsplit("/kind/", 1)[-1] if one("kind") else "",
                   docs=[], dates=[], evidence=[], sources=0)
    for e, ds in _facts(store, "mentioned").items():
        d = g.nodes.get(e)
        if d is None:
            continue
        d["sources"] = sum(1 for x in ds if x in docs)
        for ident, issued in sorted(docs[x] for x in ds if x in docs):
            _add_once(d["docs"], ident)
            if issued is not None:
                _add_once(d["dates"], issued)
    for e, dates in _facts(store, "date").items():
        d = g.nodes.get(e)
        if d is not None:
            d["dates"] = [dates[0]]               # an event's own date wins over its articles'


def _add_once(lst: list, item) -> None:
    if item not in lst:
        lst.append(item)


def _add_edges(g: nx.MultiDiGraph, store, docs: dict) -> None:
    rows = []
    for s, p, o, quote, conf, d, fact in _rows(store, EVIDENCE_Q):
        if d in docs and p.startswith(KG) and s in g and o in g:
            rows.append((s, p[len(KG):], o, -float(conf), docs[d][0], quote, fact or "asserted", docs[d][1], d))
    rows.sort(key=lambda r: r[:5])                # subject, relation, object, best first, document
    seen: dict[tuple[str, str, str], dict] = {}
    sources: dict[tuple[str, str, str], set[str]] = {}
    for s, rel, o, neg_conf, doc, quote, fact, issued, doc_iri in rows:
        data = seen.get((s, rel, o))
        if data is None:
            g.add_edge(s, o, key=rel, relation=rel, evidence=quote, document=doc, confidence=-neg_conf,
                       factuality=fact, quotes=[], docs=[], dates=[], sources=0)
            data = seen[(s, rel, o)] = g.edges[s, o, rel]
        docs_of = sources.setdefault((s, rel, o), set())
        docs_of.add(doc_iri)                      # distinct documents (two files may share a name)
        data["sources"] = len(docs_of)
        if len(data["quotes"]) < MAX_QUOTES:
            _add_once(data["quotes"], (quote, doc))
        _add_once(data["docs"], doc)
        if issued is not None:
            _add_once(data["dates"], issued)


def _add_node_evidence(g: nx.MultiDiGraph) -> None:
    """Each node's evidence: up to three quotes of the relations it takes part in, best first."""
    for s, o, d in sorted(g.edges(data=True), key=lambda e: -e[2]["confidence"]):
        for n in (s, o):
            ev = g.nodes[n]["evidence"]
            for q in d["quotes"]:
                if len(ev) < MAX_QUOTES and q not in ev:
                    ev.append(q)


def from_triples(full: nx.MultiDiGraph, triples) -> nx.MultiDiGraph:
    """The graph a CONSTRUCT result describes, with attributes and evidence taken from `full`.

    Subjects and objects that are entities of `full` become nodes; a triple whose predicate is
    one of the kg relations becomes an edge (with the evidence `full` holds for it, if any).
    `rdf:type` and `skos:prefLabel` triples give nodes unknown to `full` a type and a label.
    """
    g = nx.MultiDiGraph()
    extra: dict[str, dict] = {}
    rel_triples = []
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p.startswith(KG) and p[len(KG):] in RELATIONS and isinstance(o, ox.NamedNode):
            rel_triples.append((s.value, p[len(KG):], o.value))
        elif p == RDF + "type" and o.value.startswith(KG) and o.value[len(KG):] in CORE:
            extra.setdefault(s.value, {})["type"] = o.value[len(KG):]
        elif p == SKOS + "prefLabel":
            extra.setdefault(s.value, {})["label"] = o.value
        elif s.value in full:
            extra.setdefault(s.value, {})
    for iri in list(extra) + [x for s, _, o in rel_triples for x in (s, o)]:
        if iri not in g:
            g.add_node(iri, **_node_attrs(full, iri, extra.get(iri, {})))
    for s, rel, o in rel_triples:
        data = full.edges[s, o, rel] if full.has_edge(s, o, rel) else dict(
            relation=rel, evidence="", document="", confidence=0.0, factuality="asserted",
            quotes=[], docs=[], dates=[], sources=0)
        g.add_edge(s, o, key=rel, **data)
    return g


def _node_attrs(full: nx.MultiDiGraph, iri: str, extra: dict) -> dict:
    if iri in full:
        return dict(full.nodes[iri])
    t = extra.get("type", "Entity")
    label = extra.get("label") or iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return dict(label=label, type=t, cls=t, aliases="", amount="", currency="", kind="", docs=[], dates=[],
                evidence=[], sources=0)
