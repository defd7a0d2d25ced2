"""Names of operations and funding (kg.nlp.names): made from what was extracted, short, stable.

The sentences and names here are written for these tests."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kg.config import ONTOLOGY_DIR
from kg.nlp.events import Event
from kg.nlp.names import (LIMIT, NameParts, event_name, human_amount, human_date, load_name_words, parts_of,
                          short_label)
from kg.records import EntityType

PUB = "2024-03-15"


def _kinds() -> list[str]:
    """The operation kinds ontology/kg.ttl lists (skos:hasTopConcept of kg:OperationKinds)."""
    ttl = (ONTOLOGY_DIR / "kg.ttl").read_text(encoding="utf-8")
    block = ttl[ttl.index("skos:hasTopConcept kind:"):]
    return re.findall(r"kind:(\w+)", block[:block.index(" .")])


# ------------------------------------------------------------------ one name per operation kind
KIND_CASES = {
    "Surveillance": (NameParts("Surveillance", "monitor", "phone lines", (), ("Public Ministry of Guatemala",),
                               "Guatemala City", ("2024-03", "month")),
                     "Surveillance of phone lines by Public Ministry of Guatemala (March 2024)"),   # place dropped: 88 chars
    "Seizure": (NameParts("Seizure", "seize", "cocaine", (), ("Navy of Colombia",), "Tumaco", ("2024-03-11", "day")),
                "Seizure of cocaine by Navy of Colombia (Tumaco, 11 March 2024)"),
    "Raid": (NameParts("Raid", "raid", "ranch", ("Los Zetas",), ("Army of Guatemala",), "Petén", ("2024", "year")),
             "Raid on Los Zetas by Army of Guatemala (Petén, 2024)"),
    "Arrest": (NameParts("Arrest", "capture", None, ("Abimael Guzmán",), ("National Police",), "Lima",
                         ("1992-09-12", "day")),
               "Arrest of Abimael Guzmán by National Police (Lima, 12 September 1992)"),
    "Patrol": (NameParts("Patrol", "patrol", None, (), ("Mexican Navy",), "Oaxaca", ("2024-02", "month")),
               "Patrol by Mexican Navy (Oaxaca, February 2024)"),
    "Deployment": (NameParts("Deployment", "deploy", "400 police officers", (), ("Government of Kenya",), "Haiti",
                             ("2024-03", "month")),
                   "Deployment of 400 police officers by Kenya (Haiti, March 2024)"),
    "Programme": (NameParts("Programme", "programme", None, ("Barrio 18",), ("Ministry of Security",)),
                  "Programme against Barrio 18 by Ministry of Security"),
    "Agreement": (NameParts("Agreement", "agreement", None, (), ("Government of the United States",
                                                                 "Government of Guatemala"), "Washington"),
                  "Agreement between the United States and Guatemala (Washington)"),
    "Training": (NameParts("Training", "train", "300 officers", (), ("European Union",), "Niamey", ("2023", "year")),
                 "Training of 300 officers by European Union (Niamey, 2023)"),
    "Reform": (NameParts("Reform", "reform", "National Police", (), ("National Police", "Congress of Peru"), "Lima"),
               "Reform of National Police by Congress of Peru (Lima)"),
    "Investigation": (NameParts("Investigation", "investigation", None, ("Barrio 18",),
                                ("Public Ministry of Guatemala",), date=("2024-03", "month")),
                      "Investigation into Barrio 18 by Public Ministry of Guatemala (March 2024)"),
    "Extradition": (NameParts("Extradition", "extradite", None, ("Juan Pablo Rivera",), ("Government of Honduras",),
                              "United States", ("2024-03-08", "day")),
                    "Extradition of Juan Pablo Rivera by Honduras (United States, 8 March 2024)"),
    "Combat": (NameParts("Combat", "attack", None, ("Islamic State",), ("Rwanda Defence Force",), "Cabo Delgado",
                         ("2024-03-02", "day")),
               "Attack on Islamic State by Rwanda Defence Force (Cabo Delgado, 2 March 2024)"),
    "Other": (NameParts("Other", "rescue", "12 hostages", (), ("Army of Colombia",), "Cauca"),
              "Rescue of 12 hostages by Army of Colombia (Cauca)"),
}


def test_names_cover_every_operation_kind_of_the_ontology():
    kinds = _kinds()
    assert len(kinds) == 14 and set(kinds) == set(KIND_CASES), kinds
    words = load_name_words()
    assert all(f"kind:{k}" in words.wordings for k in kinds), [k for k in kinds if f"kind:{k}" not in words.wordings]


@pytest.mark.parametrize("kind", sorted(KIND_CASES))
def test_event_name_names_each_operation_kind(kind):
    parts, expected = KIND_CASES[kind]
    assert event_name(parts) == expected


@pytest.mark.parametrize("parts, expected", [
    pytest.param(NameParts("Combat", "clash", None, ("Shining Path",), ("Army of Peru",)),
                 "Clash between Army of Peru and Shining Path", id="clash-joins-actor-and-target"),
    pytest.param(NameParts("Other", "operation", None, (), ("United Nations",), "Haiti", modifier="peacekeeping"),
                 "Peacekeeping operation by United Nations (Haiti)", id="modifier-of-the-trigger-noun"),
    pytest.param(NameParts("Arrest", "arrest", "13 people", (), ("Armed Forces",), "Ecuador"),
                 "Arrest of 13 people by Armed Forces (Ecuador)", id="object-when-no-target"),
    pytest.param(NameParts("Seizure", "seize", "cocaine", ("Clan del Golfo",), ("Army",)),
                 "Seizure of cocaine from Clan del Golfo by Army", id="object-and-target"),
    pytest.param(NameParts("Arrest", "arrest", None, (), (), "Guayaquil", ("2024-01", "month")),
                 "Arrest (Guayaquil, January 2024)", id="no-participant-nor-target"),
    pytest.param(NameParts("Raid", "raid", None, (), ("Navy",)), "Raid by Navy", id="no-place-no-date"),
    pytest.param(NameParts("Arrest", "arrest"), "Arrest", id="nothing-but-the-kind"),
    pytest.param(NameParts("Extradition", "extradite", None, ("Juan Pablo Rivera",), ("Honduras",), "Honduras"),
                 "Extradition of Juan Pablo Rivera by Honduras", id="place-already-named"),
    pytest.param(NameParts("Other", "operation", None, (), ("Navy",), "Manila", name="Operation Sea Shield"),
                 "Operation Sea Shield", id="a-named-operation-keeps-its-name"),
])
def test_event_name_uses_what_is_known(parts, expected):
    assert event_name(parts) == expected


# ------------------------------------------------------------------ funding
@pytest.mark.parametrize("parts, expected", [
    pytest.param(NameParts("Funding", "loan", None, ("Philippine Coast Guard",), ("Government of Japan",),
                           date=("2013", "year"), amount=1.87e10, currency="JPY"),
                 "JPY 18.7 bn loan from Japan to Philippine Coast Guard (2013)", id="loan-with-amount"),
    pytest.param(NameParts("Funding", "donate", None, ("Coast Guard of Costa Rica",),
                           ("Government of the United States",), amount=4e6, currency="USD"),
                 "USD 4 million donation from the United States to Coast Guard of Costa Rica", id="donation"),
    pytest.param(NameParts("Funding", "pledge", None, (), ("European Union",), amount=2.5e5),
                 "250 thousand pledge from European Union", id="amount-without-currency"),
    pytest.param(NameParts("Funding", "grant", None, ("Border Police of Niger",), ("European Union",),
                           date=("2023-06", "month")),
                 "Grant from European Union to Border Police of Niger (June 2023)", id="without-amount"),
    pytest.param(NameParts("Funding", "deliver", "four patrol boats", ("Coast Guard of Ghana",),
                           ("Government of the United Kingdom",)),
                 "Delivery of four patrol boats from the United Kingdom to Coast Guard of Ghana", id="in-kind"),
    pytest.param(NameParts("Funding", "underwrite", None, (), (), amount=3e6, currency="EUR"),
                 "EUR 3 million funding", id="unknown-trigger-no-actors"),
])
def test_event_name_names_funding(parts, expected):
    assert event_name(parts) == expected


def test_event_name_of_funding_drops_the_date_then_what_was_given_when_too_long():
    parts = NameParts("Funding", "donate", "four armoured patrol vehicles", ("National Civil Police of Guatemala",),
                      ("Government of the United Kingdom",), date=("2024-03-11", "day"))
    name = event_name(parts)
    assert name == "Donation from the United Kingdom to National Civil Police of Guatemala", name


# ------------------------------------------------------------------ short names
LONG = "Special Anti-Narcotics and Organised Transnational Crime Investigation Directorate of the Police"


@pytest.mark.parametrize("parts, kept, dropped", [
    pytest.param(NameParts("Arrest", "arrest", None, ("Carlos Mendoza",), ("National Civil Police of Guatemala",),
                           "Escuintla", ("2024-03-12", "day")),
                 ["Carlos Mendoza", "Escuintla", "12 March 2024"], ["National Civil Police"],
                 id="second-actor-goes-first"),
    pytest.param(NameParts("Seizure", "seize", "cocaine", (), ("National Police of Honduras",),
                           "port of Puerto Cortes", ("2022-03-01", "day")),
                 ["cocaine", "National Police of Honduras", "1 March 2022"], ["Puerto Cortes"],
                 id="then-the-place"),
    pytest.param(NameParts("Seizure", "seize", "cocaine", (), (LONG,), "Tegucigalpa", ("2022-03-01", "day")),
                 ["Seizure", "2022"], ["Tegucigalpa"], id="then-a-long-actor-is-cut"),
    pytest.param(NameParts("Other", "operation", None, (), (), name="Operation " + "Very Long Name " * 8),
                 ["Operation Very Long"], [], id="a-long-own-name-is-cut"),
])
def test_event_name_is_short_and_drops_the_least_important_first(parts, kept, dropped):
    name = event_name(parts)
    assert len(name) <= LIMIT, name
    assert all(k in name for k in kept) and not any(d in name for d in dropped), name


@pytest.mark.parametrize("limit", [30, 50, 80])
def test_event_name_never_exceeds_the_limit(limit):
    parts = NameParts("Combat", "attack", "convoy", (LONG,), (LONG + " of Somalia",), LONG, ("2024-03-02", "day"))
    name = event_name(parts, limit=limit)
    assert len(name) <= limit and name.startswith("Attack"), name
    assert name.endswith("…") or "…" in name, name


# ------------------------------------------------------------------ formats
@pytest.mark.parametrize("amount, currency, text", [
    (18_700_000_000, "JPY", "JPY 18.7 bn"), (4_000_000, "USD", "USD 4 million"), (739_700_000, "EUR", "EUR 739.7 million"),
    (1_250_000, None, "1.25 million"), (45_000, "GTQ", "GTQ 45 thousand"), (950, "USD", "USD 950"),
    (2.5e12, "USD", "USD 2.5 trillion"), (999_999_999, "USD", "USD 1 bn"),
])
def test_human_amount_writes_thousand_million_bn(amount, currency, text):
    assert human_amount(amount, currency) == text


@pytest.mark.parametrize("value, precision, text", [
    ("2024-03-12", "day", "12 March 2024"), ("2024-03", "month", "March 2024"), ("2024", "year", "2024"),
    ("2025-03-03/2025-03-12", "interval", "3–12 March 2025"), ("2012-01/2015-05", "interval", "January 2012 – May 2015"),
    ("2024-12-30/2025-01-02", "interval", "30 December 2024 – 2 January 2025"),
])
def test_human_date_writes_the_date_at_its_precision(value, precision, text):
    assert human_date(value, precision) == text


@pytest.mark.parametrize("label, short", [
    ("Government of the United States", "the United States"), ("Government of Guatemala", "Guatemala"),
    ("Abu Sayyaf Group (ASG)", "Abu Sayyaf Group"), ("National Civil Police", "National Civil Police"),
])
def test_short_label_names_a_government_by_its_country(label, short):
    assert short_label(label) == short


# ------------------------------------------------------------------ from an Event, deterministic
def _event(kind="Arrest", **roles) -> Event:
    e = Event(kind=kind, trigger=0, lemma="arrest" if kind != "Funding" else "loan")
    for role, value in roles.items():
        setattr(e, role, value)
    return e


@pytest.mark.parametrize("roles, expected", [
    pytest.param({"targets": {1: 0.7, 2: 0.7}, "participants": {3: 0.6, 4: 0.8}, "places": {5: 0.35, 6: 0.8}},
                 "Arrest of Ana by Police (Escuintla, March 2024)", id="best-first-ties-in-text-order"),
    pytest.param({"participants": {7: 0.9, 4: 0.8}}, "Arrest by Police (March 2024)", id="unknown-group-ignored"),
])
def test_parts_of_takes_the_most_confident_group_of_each_role(roles, expected):
    labels = {1: "Ana", 2: "Beto", 3: "Army", 4: "Police", 5: "Guatemala", 6: "Escuintla"}
    assert event_name(parts_of(_event(**roles), labels, ("2024-03", "month"))) == expected


def test_parts_of_funding_uses_funders_recipients_and_amount():
    e = _event("Funding", funders={1: 0.8}, recipients={2: 0.75}, amount=1.87e10, currency="JPY")
    parts = parts_of(e, {1: "Japan International Cooperation Agency", 2: "Philippine Coast Guard"}, ("2013", "year"),
                     obj="ten vessels")
    assert parts.object is None       # a funding with an amount is not named by what it buys
    # 94 characters in full: the date goes first, then the recipient
    assert event_name(parts) == "JPY 18.7 bn loan from Japan International Cooperation Agency"


@pytest.mark.parametrize("parts", [KIND_CASES[k][0] for k in sorted(KIND_CASES)])
def test_event_name_is_deterministic(parts):
    copy = replace(parts, targets=tuple(parts.targets), actors=tuple(parts.actors))
    assert event_name(parts) == event_name(copy) == event_name(parts)


# ------------------------------------------------------------------ through the real model
@pytest.mark.parametrize("text, type_, name", [
    pytest.param("The National Civil Police arrested the gang leader Carlos Mendoza in Escuintla on 12 March 2024.",
                 "Operation", "Arrest of Carlos Mendoza (Escuintla, 12 March 2024)", id="arrest"),
    pytest.param("The Kenyan government deployed 400 police officers to Haiti in March 2024.",
                 "Operation", "Deployment of 400 police officers by Kenya (Haiti, March 2024)", id="deployment"),
    pytest.param("Japan granted a loan of 18.7 billion yen to the Philippine Coast Guard in 2013.",
                 "Funding", "JPY 18.7 bn loan from Japan to Philippine Coast Guard (2013)", id="loan"),
    pytest.param("The United Kingdom delivered four patrol boats to the Coast Guard of Ghana on Monday.",
                 "Funding", "Delivery of four patrol boats from the United Kingdom to Coast Guard of Ghana",
                 id="in-kind"),
])
def test_a_sentence_gets_its_name_as_preflabel_and_its_words_as_comment(read, text, type_, name):
    from kg.graph.triples import parse_quads, to_quads
    r = read(text, PUB)
    (e,) = r.events(type_)
    assert e.label == name
    assert e.attr("comment") and e.attr("comment") in text, e.attr("comment")
    iris = {x.key: f"https://w3id.org/kg/id/test/{x.key}" for x in r.entities
            if x.type not in (EntityType.OPERATION, EntityType.FUNDING)}
    quads = parse_quads(to_quads(r.x, iris, {}, {}))
    labels = [q.object.value for q in quads if q.predicate.value.endswith("core#prefLabel")
              and f"/{type_.lower()}/" in q.subject.value]
    comments = [q.object.value for q in quads if q.predicate.value.endswith("rdf-schema#comment")]
    assert labels == [name] and comments == [e.attr("comment")], (labels, comments)
