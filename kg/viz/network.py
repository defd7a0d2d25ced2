"""The store as a networkx graph: entities as nodes, the nine relations as edges, with evidence.

Node attributes: label, type (core class), cls (most specific kg class), aliases
(" | "-joined), amount, currency, kind, docs (document identifiers that mention it),
dates (ISO dates of those documents, or the event's own date), evidence (up to three
(quote, document) pairs). Edge attributes: relation, evidence (the best quote),
document, confidence, factuality, quotes (up to three (quote, document) pairs),
docs and dates of every evidence document.
"""
from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from ..namespaces import KG, RDF, SKOS, sparql_prologue

CORE = ("Person", "Organization", "Location", "Operation", "Funding")
RELATIONS = ("hasParticipant", "targets", "locatedIn", "partOf", "memberOf", "leads", "fundedBy",
             "recipient", "funds")
FUNDING_RELATIONS = ("fundedBy", "recipient", "funds")
MAX_QUOTES = 3

NODES_Q = sparql_prologue() + """
SELECT ?e ?type ?cls ?label (GROUP_CONCAT(DISTINCT ?alt; separator=" | ") AS ?aliases)
       (SAMPLE(?amount) AS ?amt) (SAMPLE(?cur) AS ?currency) (SAMPLE(?kindl) AS ?kind)
WHERE {
  VALUES ?type { kg:Person kg:Organization kg:Location kg:Operation kg:Funding }
  ?e a ?type ; skos:prefLabel ?label .
  OPTIONAL { ?e a ?cls . FILTER(?cls != ?type && STRSTARTS(STR(?cls), STR(kg:))) }
  OPTIONAL { ?e skos:altLabel ?alt }
  OPTIONAL { ?e kg:amount ?amount } OPTIONAL { ?e kg:currency ?cur }
  OPTIONAL { ?e kg:operationKind ?k . BIND(STRAFTER(STR(?k), "/kind/") AS ?kindl) }
} GROUP BY ?e ?type ?cls ?label"""

MENTIONS_Q = sparql_prologue() + """
SELECT DISTINCT ?e ?id ?issued WHERE {
  ?e kg:mentionedIn ?d . ?d a kg:Document ; dcterms:identifier ?id .
  OPTIONAL { ?d dcterms:issued ?issued }
}"""

EVENT_DATES_Q = sparql_prologue() + "SELECT ?e ?date WHERE { ?e kg:eventDate ?date }"

EDGES_Q = sparql_prologue() + """
SELECT ?s ?p ?o ?quote ?doc ?conf ?fact ?issued WHERE {
  ?st a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:quote ?quote ;
      kg:confidence ?conf ; prov:wasDerivedFrom ?d .
  ?d a kg:Document ; dcterms:identifier ?doc .
  OPTIONAL { ?st kg:factuality ?fact }
  OPTIONAL { ?d dcterms:issued ?issued }
} ORDER BY ?s ?p ?o DESC(?conf) ?doc"""


def to_networkx(store) -> nx.MultiDiGraph:
    """Entities (nodes) and relations read from evidence (edges), with their documents and dates.

    One edge per (subject, relation, object); its `evidence` is the most confident quote.
    Deterministic: the same store gives the same graph, nodes and edges in the same order.
    """
    g = nx.MultiDiGraph()
    _add_nodes(g, store)
    _add_edges(g, store)
    _add_node_evidence(g)
    return g


def _v(row, name: str, default: str = "") -> str:
    return row[name].value if row[name] is not None else default


def _add_nodes(g: nx.MultiDiGraph, store) -> None:
    for row in store.query(NODES_Q):
        e = row["e"].value
        if e in g and g.nodes[e].get("cls") != g.nodes[e].get("type"):
            continue                      # a specific class already recorded for this entity
        t = row["type"].value[len(KG):]
        g.add_node(e, label=row["label"].value, type=t, cls=_v(row, "cls")[len(KG):] or t,
                   aliases=_v(row, "aliases"), amount=_v(row, "amt"), currency=_v(row, "currency"),
                   kind=_v(row, "kind"), docs=[], dates=[], evidence=[])
    for row in store.query(MENTIONS_Q):
        d = g.nodes.get(row["e"].value)
        if d is not None:
            _add_once(d["docs"], row["id"].value)
            if row["issued"] is not None:
                _add_once(d["dates"], row["issued"].value)
    for row in store.query(EVENT_DATES_Q):
        d = g.nodes.get(row["e"].value)
        if d is not None:
            d["dates"] = [row["date"].value]      # an event's own date wins over its articles'


def _add_once(lst: list, item) -> None:
    if item not in lst:
        lst.append(item)


def _add_edges(g: nx.MultiDiGraph, store) -> None:
    seen: dict[tuple[str, str, str], dict] = {}
    for row in store.query(EDGES_Q):
        s, o, rel = row["s"].value, row["o"].value, row["p"].value[len(KG):]
        if s not in g or o not in g:
            continue
        data = seen.get((s, rel, o))
        if data is None:
            data = dict(relation=rel, evidence=row["quote"].value, document=row["doc"].value,
                        confidence=float(row["conf"].value), factuality=_v(row, "fact", "asserted"),
                        quotes=[], docs=[], dates=[])
            seen[(s, rel, o)] = data
            g.add_edge(s, o, key=rel, **data)
            data = g.edges[s, o, rel]
        if len(data["quotes"]) < MAX_QUOTES:
            _add_once(data["quotes"], (row["quote"].value, row["doc"].value))
        _add_once(data["docs"], row["doc"].value)
        if row["issued"] is not None:
            _add_once(data["dates"], row["issued"].value)


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
            quotes=[], docs=[], dates=[])
        g.add_edge(s, o, key=rel, **data)
    return g


def _node_attrs(full: nx.MultiDiGraph, iri: str, extra: dict) -> dict:
    if iri in full:
        return dict(full.nodes[iri])
    t = extra.get("type", "Entity")
    label = extra.get("label") or iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return dict(label=label, type=t, cls=t, aliases="", amount="", currency="", kind="", docs=[], dates=[],
                evidence=[])
