"""Realistic synthetic kg graphs: the ontology's shape (documents, entities shared across
documents, operations, funding, NIF mentions, evidence statements, place hierarchy)."""
from __future__ import annotations

import random
from decimal import Decimal

import pyoxigraph as ox

from kg.namespaces import ENTITY_GRAPH, DCTERMS, DOC, GRAPH, ID, ITSRDF, KG, KIND, NIF, PROV, RDF, SKOS, XSD

KINDS = ["Surveillance", "Seizure", "Raid", "Arrest", "Patrol", "Deployment", "Programme", "Agreement", "Training"]
A = ox.NamedNode(RDF + "type")


def n(x: str) -> ox.NamedNode:
    return ox.NamedNode(x)


def lit(v, dt=None):
    return ox.Literal(str(v), datatype=ox.NamedNode(XSD + dt)) if dt else ox.Literal(str(v))


def generate(n_triples: int, seed: int = 7) -> list[ox.Quad]:
    """About `n_triples` quads (each document ~ 260)."""
    rnd = random.Random(seed)
    n_docs = max(1, n_triples // 260)
    n_orgs, n_people, n_places = max(50, n_docs // 2), max(50, n_docs // 2), max(30, n_docs // 8)
    countries = [f"{ID}location/country-{i}" for i in range(max(5, n_places // 20))]
    places = [f"{ID}location/place-{i}" for i in range(n_places)]
    parent = {p: rnd.choice(countries) for p in places}
    orgs = [f"{ID}organization/org-{i}" for i in range(n_orgs)]
    people = [f"{ID}person/person-{i}" for i in range(n_people)]
    quads: list[ox.Quad] = []
    for d in range(n_docs):
        did = f"{d:016x}"
        g = n(f"{GRAPH}{did}")
        doc = n(f"{DOC}{did}")
        add = lambda s, p, o: quads.append(ox.Quad(s, n(p), o, g))
        add(doc, RDF + "type", n(KG + "Document"))
        add(doc, DCTERMS + "identifier", lit(f"article-{d}.txt"))
        add(doc, KG + "contentHash", lit("sha256:" + f"{d:064x}"))
        issued = f"{rnd.randint(2008, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        add(doc, DCTERMS + "issued", lit(issued, "date"))
        add(doc, NIF + "isString", lit("text " * 50))
        ents = rnd.sample(orgs, 4) + rnd.sample(people, 2) + rnd.sample(places, 2)
        shared = lambda s, p, o: quads.append(ox.Quad(s, n(p), o, n(ENTITY_GRAPH)))  # described once
        for e in ents:
            core = "Organization" if "/organization/" in e else "Person" if "/person/" in e else "Location"
            shared(n(e), RDF + "type", n(KG + core))
            shared(n(e), SKOS + "prefLabel", lit(e.rsplit("/", 1)[1].replace("-", " ").title()))
            shared(n(e), KG + "searchKey", lit(e.rsplit("/", 1)[1].replace("-", " ")))
            add(n(e), KG + "mentionedIn", doc)
            if core == "Location":
                add(n(e), KG + "partOf", n(parent[e]))
                shared(n(parent[e]), RDF + "type", n(KG + "Location"))
                shared(n(parent[e]), SKOS + "prefLabel", lit(parent[e].rsplit("/", 1)[1].replace("-", " ").title()))
                shared(n(parent[e]), KG + "searchKey", lit(parent[e].rsplit("/", 1)[1].replace("-", " ")))
        rels = []
        for k in range(3):
            op = f"{ID}operation/{did}-{k}"
            add(n(op), RDF + "type", n(KG + "Operation"))
            add(n(op), KG + "operationKind", n(KIND + rnd.choice(KINDS)))
            add(n(op), SKOS + "prefLabel", lit(f"operation {d}-{k}"))
            add(n(op), KG + "mentionedIn", doc)
            if rnd.random() < 0.5:   # about half the operations carry a date of their own
                add(n(op), KG + "eventDate", lit(issued[:7]))
            rels += [(op, "hasParticipant", ents[k]), (op, "hasParticipant", ents[4]), (op, "locatedIn", ents[6 + k % 2])]
        fu = f"{ID}funding/{did}"
        add(n(fu), RDF + "type", n(KG + "Funding"))
        add(n(fu), SKOS + "prefLabel", lit(f"funding {d}"))
        add(n(fu), KG + "amount", lit(rnd.randint(1, 500) * 100000, "decimal"))
        add(n(fu), KG + "currency", lit(rnd.choice(("USD", "USD", "EUR", "GBP"))))
        add(n(fu), KG + "mentionedIn", doc)
        if rnd.random() < 0.5:
            add(n(fu), KG + "eventDate", lit(issued[:4]))
        rels += [(fu, "fundedBy", ents[3]), (fu, "recipient", ents[0]), (fu, "funds", f"{ID}operation/{did}-0"),
                 (ents[5], "memberOf", ents[1]), (ents[4], "leads", ents[2])]
        for i, e in enumerate(ents):
            m = n(f"{DOC}{did}#char={i * 10},{i * 10 + 8}")
            for p, o in ((RDF + "type", n(KG + "Mention")), (NIF + "beginIndex", lit(i * 10, "integer")),
                         (NIF + "endIndex", lit(i * 10 + 8, "integer")), (NIF + "anchorOf", lit("text tex")),
                         (NIF + "referenceContext", doc), (ITSRDF + "taIdentRef", n(e))):
                add(m, p, o)
        for j, (s, p, o) in enumerate(rels):
            add(n(s), KG + p, n(o))
            st = n(f"{DOC}{did}/ev/{j}")
            for pp, oo in ((RDF + "type", n(KG + "Evidence")), (RDF + "subject", n(s)), (RDF + "predicate", n(KG + p)),
                           (RDF + "object", n(o)), (PROV + "wasDerivedFrom", doc),
                           (NIF + "beginIndex", lit(0, "integer")), (NIF + "endIndex", lit(40, "integer")),
                           (KG + "quote", lit("a sentence of evidence")), (KG + "confidence", lit(Decimal("0.8"), "decimal")),
                           (KG + "extractor", lit("kg.gen"))):
                add(st, pp, oo)
    return quads
