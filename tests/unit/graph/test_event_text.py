"""An operation's or funding's name is its skos:prefLabel, the text that tells it its rdfs:comment;
neither changes which node it is (cross-document identity reads kind, date, participants and
places, never the name). Sentences written for these tests."""
from __future__ import annotations

import pytest
import rdflib

import kg
from kg.config import ONTOLOGY_DIR
from kg.graph.triples import parse_quads, to_quads
from kg.records import Document, Entity, EntityType, Evidence, Extraction, Mention, Relation
from kg.resolve.identity import Resolver

SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"
TEXT = "The National Civil Police arrested Carlos Mendoza in Escuintla on 12 March 2024."
NAME = "Arrest of Carlos Mendoza (Escuintla, 12 March 2024)"
POLICE, PLACE = "https://w3id.org/kg/id/organization/police", "https://w3id.org/kg/id/location/escuintla"


def _extraction(label: str = NAME, comment: str | None = TEXT[:-1]) -> Extraction:
    doc = Document("0123456789abcdef", "a.txt", "a.txt", TEXT, "sha256:00", date="2024-03-13")
    attrs = (("kind", "Arrest"), ("eventDate", "2024-03-12"), ("datePrecision", "day"),
             ("dateText", "on 12 March 2024"), ("factuality", "asserted"))
    attrs += ((("comment", comment),) if comment else ())
    ents = (Entity("e0", EntityType.ORGANIZATION, "National Civil Police", "PoliceForce", identity="org::police"),
            Entity("op0", EntityType.OPERATION, label, "Operation", attrs=attrs))
    ev = Evidence(doc.doc_id, 0, len(TEXT), TEXT, 0.8, "kg.op.v1")
    return Extraction(doc, ents, (Mention(doc.doc_id, 4, 25, TEXT[4:25], EntityType.ORGANIZATION, "e0"),
                                  Mention(doc.doc_id, 26, 34, "arrested", EntityType.OPERATION, "op0")),
                      (Relation("op0", "hasParticipant", "e0", ev),))


def _objects(quads, predicate: str, subject_part: str) -> list[str]:
    return [q.object.value for q in quads if q.predicate.value == predicate and subject_part in q.subject.value]


@pytest.mark.parametrize("comment", [TEXT[:-1], 'He said "no"\nand left'])
def test_to_quads_writes_the_name_as_preflabel_and_the_text_as_comment(comment):
    quads = parse_quads(to_quads(_extraction(comment=comment), {"e0": POLICE}, {}, {}))
    assert _objects(quads, SKOS_PREF, "/operation/") == [NAME]
    assert _objects(quads, RDFS_COMMENT, "/operation/") == [comment]
    assert _objects(quads, RDFS_COMMENT, "/organization/") == []       # actors have no text of their own


@pytest.mark.parametrize("comment", [None])
def test_to_quads_writes_no_comment_when_the_extraction_has_none(comment):
    quads = parse_quads(to_quads(_extraction(comment=comment), {"e0": POLICE}, {}, {}))
    assert _objects(quads, RDFS_COMMENT, "") == []


@pytest.mark.parametrize("first, second", [
    ("Arrest: The National Civil Police arrested Carlos Mendoza in…", "Arrest: Carlos Mendoza was detained by…"),
    (NAME, "Arrest of Carlos Mendoza by National Civil Police (12 March 2024)"),
])
def test_resolve_event_identity_does_not_read_the_label(first, second):
    r = Resolver()
    a, b = (_extraction(label).entities[1] for label in (first, second))
    iri_a, label_a, keys_a = r.resolve_event(a, [POLICE], [PLACE], "https://w3id.org/kg/id/operation/a")
    iri_b, label_b, keys_b = r.resolve_event(b, [POLICE], [PLACE], "https://w3id.org/kg/id/operation/b")
    assert iri_a == iri_b == "https://w3id.org/kg/id/operation/a"
    assert keys_a == keys_b == [f"op:Arrest:2024-03-12:{POLICE}:{PLACE}"]
    assert label_a == label_b == first         # one node, one preferred label: the first document's


@pytest.mark.parametrize("comment, conforms", [
    (rdflib.Literal("police arrested him"), True),
    (rdflib.Literal("police arrested him", lang="en"), False),
])
def test_shapes_want_the_text_of_an_operation_as_a_plain_string(comment, conforms):
    from pyshacl import validate
    kgns, skos = rdflib.Namespace("https://w3id.org/kg/ontology#"), rdflib.SKOS
    op = rdflib.URIRef("https://w3id.org/kg/id/operation/x")
    g = rdflib.Graph()
    g.add((op, rdflib.RDF.type, kgns.Operation))
    g.add((op, skos.prefLabel, rdflib.Literal("Arrest (Lima)")))
    g.add((op, kgns.operationKind, rdflib.URIRef("https://w3id.org/kg/kind/Arrest")))
    g.add((op, rdflib.RDFS.comment, comment))
    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    onto = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    ok, _, text = validate(g, shacl_graph=shapes, ont_graph=onto, inference="none", advanced=False)
    assert ok == conforms, text


ARTICLES = {
    "a.txt": "Police arrest gang leader in Escuintla\n\nMarch 13, 2024\n\nThe National Civil Police arrested the gang "
             "leader Carlos Mendoza in Escuintla on 12 March 2024, officials said.\n",
    "b.txt": "Gang boss detained\n\nMarch 14, 2024\n\nCarlos Mendoza, a leader of the Barrio 18 gang, was arrested by "
             "the National Civil Police in Escuintla on 12 March 2024.\n",
}


def test_one_operation_told_by_two_documents_is_one_node_with_one_name(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with kg.build(tmp_path, store=tmp_path / "store", workers=1) as g:
        assert g.report.ok, g.report.failed
        rows = g.query("SELECT DISTINCT ?o ?l ?c WHERE { ?o a kg:Operation ; skos:prefLabel ?l ; rdfs:comment ?c }"
                       ).to_records()
    assert {r["o"] for r in rows} and len({r["o"] for r in rows}) == 1, rows
    assert {r["l"] for r in rows} == {"Arrest of Carlos Mendoza (Escuintla, 12 March 2024)"}, rows
    assert len({r["c"] for r in rows}) == 2, rows           # the words of each document
