"""The store as a networkx graph: entities as nodes, the nine relations as edges, with evidence."""
from __future__ import annotations

import networkx as nx

from ..namespaces import KG, sparql_prologue

CORE = ("Person", "Organization", "Location", "Operation", "Funding")
RELATIONS = ("hasParticipant", "targets", "locatedIn", "partOf", "memberOf", "leads", "fundedBy",
             "recipient", "funds")

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

EDGES_Q = sparql_prologue() + """
SELECT ?s ?p ?o (SAMPLE(?q) AS ?quote) (SAMPLE(?id) AS ?doc) (MAX(?c) AS ?conf)
WHERE {
  ?st a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:quote ?q ; kg:confidence ?c ;
      prov:wasDerivedFrom ?d .
  ?d a kg:Document ; dcterms:identifier ?id .
} GROUP BY ?s ?p ?o"""

EVIDENCE_Q = sparql_prologue() + """
SELECT ?e ?quote ?id WHERE {
  ?st a kg:Evidence ; kg:quote ?quote ; prov:wasDerivedFrom ?d .
  { ?st rdf:subject ?e } UNION { ?st rdf:object ?e }
  ?d a kg:Document ; dcterms:identifier ?id .
}"""


def to_networkx(store) -> nx.MultiDiGraph:
    """Entities (nodes) and stated relations (edges), each edge with one evidence sentence."""
    g = nx.MultiDiGraph()
    for row in store.query(NODES_Q):
        e = row["e"].value
        if e in g and g.nodes[e].get("cls") != g.nodes[e].get("type"):
            continue
        t = row["type"].value[len(KG):]
        g.add_node(e, label=row["label"].value, type=t,
                   cls=row["cls"].value[len(KG):] if row["cls"] else t,
                   aliases=row["aliases"].value if row["aliases"] else "",
                   amount=row["amt"].value if row["amt"] else "",
                   currency=row["currency"].value if row["currency"] else "",
                   kind=row["kind"].value if row["kind"] else "")
    for row in store.query(EDGES_Q):
        s, o = row["s"].value, row["o"].value
        if s in g and o in g:
            g.add_edge(s, o, relation=row["p"].value[len(KG):], evidence=row["quote"].value,
                       document=row["doc"].value, confidence=float(row["conf"].value))
    return g


def evidence_by_entity(store, limit: int = 3) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for row in store.query(EVIDENCE_Q):
        lst = out.setdefault(row["e"].value, [])
        item = (row["quote"].value, row["id"].value)
        if len(lst) < limit and item not in lst:
            lst.append(item)
    return out
