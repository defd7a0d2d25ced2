"""IRIs are minted deterministically and are valid IRIs."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings, strategies as st

from kg.mint import document_iri, evidence_iri, mention_iri, mint_entity_iri, slug
from kg.namespaces import DOC, ID
from kg.records import Entity, EntityType

# RFC 3987 forbids these in an IRI (and Turtle/N-Triples cannot write them unescaped)
FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def assert_valid_iri(iri: str) -> None:
    assert not FORBIDDEN.search(iri), iri
    assert re.match(r"^https?://[^/\s]+/", iri), iri
    ox.NamedNode(iri)  # raises ValueError on an invalid IRI
    rdflib.URIRef(iri).n3()  # rdflib refuses some invalid IRIs only when writing


def _entity(label: str, type_: EntityType = EntityType.ORGANIZATION, country: str | None = None,
            identity: str | None = None) -> Entity:
    return Entity(key="e0", type=type_, label=label, cls=type_.value, country=country, identity=identity)


@pytest.mark.parametrize("text, expected", [
    ("Clan Úsuga (AGC)", "clan-usuga-agc"),
    ("  Policía Nacional de Colombia ", "policia-nacional-de-colombia"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("北京", "x"),
    ("", "x"),
])
def test_slug(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize("label, type_, country, expected", [
    ("National Police", EntityType.ORGANIZATION, "CO", ID + "organization/national-police-co"),
    ("Bogotá", EntityType.LOCATION, "CO", ID + "location/bogota"),
    ("Ana María Pérez", EntityType.PERSON, None, ID + "person/ana-maria-perez"),
    ("Government of Colombia", EntityType.ORGANIZATION, "CO", ID + "organization/government-of-colombia-co"),
])
def test_mint_entity_iri(label, type_, country, expected):
    e = _entity(label, type_, country)
    assert mint_entity_iri(e) == expected == mint_entity_iri(e)
    assert_valid_iri(expected)


@pytest.mark.parametrize("label, identity_a, identity_b", [("National Police", "org:CO:a", "org:CO:b")])
def test_mint_entity_iri_clash_gets_stable_suffix(label, identity_a, identity_b):
    first = mint_entity_iri(_entity(label, identity=identity_a))
    a = mint_entity_iri(_entity(label, identity=identity_a), taken={first})
    b = mint_entity_iri(_entity(label, identity=identity_b), taken={first})
    assert a != first and b != first and a != b
    assert a == mint_entity_iri(_entity(label, identity=identity_a), taken={first})
    for iri in (a, b):
        assert_valid_iri(iri)


@pytest.mark.parametrize("doc_id, start, end", [("0123456789abcdef", 0, 5), ("0123456789abcdef", 120, 131)])
def test_document_mention_evidence_iris(doc_id, start, end):
    for iri in (document_iri(doc_id), mention_iri(doc_id, start, end),
                evidence_iri(doc_id, ID + "a", "https://w3id.org/kg/ontology#leads", ID + "b")):
        assert iri.startswith(DOC)
        assert_valid_iri(iri)
    assert mention_iri(doc_id, start, end).endswith(f"#char={start},{end}")
    assert evidence_iri(doc_id, "s", "p", "o") == evidence_iri(doc_id, "s", "p", "o") != evidence_iri(doc_id, "o", "p", "s")


@settings(max_examples=200, deadline=None)
@given(label=st.text(min_size=0, max_size=120),
       type_=st.sampled_from(list(EntityType)),
       country=st.one_of(st.none(), st.from_regex(r"\A[A-Z]{2}\Z")),
       identity=st.one_of(st.none(), st.text(max_size=40)))
def test_minted_iris_valid_and_deterministic(label, type_, country, identity):
    e = _entity(label, type_, country, identity)
    iri = mint_entity_iri(e)
    assert iri == mint_entity_iri(_entity(label, type_, country, identity))
    assert iri.startswith(f"{ID}{type_.value.lower()}/")
    assert_valid_iri(iri)
    assert_valid_iri(mint_entity_iri(e, taken={iri}))
