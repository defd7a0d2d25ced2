"""Operations on sentences written for these tests: who did it when the clause does not say,
what is not an operation at all (real model, real lexicon)."""
from __future__ import annotations

import re

import pytest

PUB = "2024-06-14"


# ------------------------------------------------------------------ the doer named elsewhere in the article
@pytest.mark.parametrize("text, kind, doer", [
    pytest.param("The Border Police of Moldavia set up checkpoints on the main road. Officers arrested "
                 "four men carrying forged passports.", "Arrest", "Border Police of Moldavia",
                 id="common-noun-doer-after-named-force"),
    pytest.param("Four men carrying forged passports were arrested near the bridge, the Border Police of "
                 "Moldavia said on Monday.", "Arrest", "Border Police of Moldavia", id="passive-then-said"),
    pytest.param("The National Coast Guard announced new patrol routes on Monday. Two tonnes of cocaine were "
                 "seized from a fishing boat on Wednesday.", "Seizure", "National Coast Guard",
                 id="passive-seizure-after-named-force"),
])
def test_operation_takes_the_doer_the_article_names(read, text, kind, doer):
    r = read(text, PUB)
    ops = [op for op in r.events("Operation") if op.attr("kind") == kind]
    assert ops, [(op.label, op.attr("kind")) for op in r.events("Operation")]
    assert any(("hasParticipant", doer) in r.relations_of(op) for op in ops)


@pytest.mark.parametrize("text", [
    pytest.param("Several men were arrested near the bridge on Monday.", id="no-doer-anywhere"),
    pytest.param("The National Coast Guard bought four new patrol boats.", id="patrol-as-modifier"),
    pytest.param("The National Coast Guard is poorly trained and underfunded.", id="state-not-act"),
    pytest.param("The National Coast Guard did not say whether it captured any suspects.", id="question"),
    pytest.param("The National Coast Guard said various initiatives were under way.", id="generic-plural"),
])
def test_no_operation_without_a_doer_or_an_act(read, text):
    r = read(text, PUB)
    assert not r.events("Operation"), [op.label for op in r.events("Operation")]


# ------------------------------------------------------------------ a mixed news feed
@pytest.mark.parametrize("text", [
    pytest.param("Real Oviedo beat Sporting Gijón 2-1 on Saturday. Coach Luis Carrión launched a new training "
                 "programme for the youth academy, and the club signed an agreement with Adidas.", id="sport"),
    pytest.param("Toyota Motor Corporation announced an investment of $2 billion in a new plant in Guanajuato. "
                 "The company signed a deal with the state government of Guanajuato.", id="business"),
    pytest.param("The Indian Space Research Organisation launched a weather satellite from Sriharikota on "
                 "Monday, the agency said.", id="science"),
    pytest.param("The Ministry of Culture of Peru launched a campaign to restore colonial churches in Cusco, "
                 "with a grant of 3 million soles.", id="culture"),
    pytest.param("The National Meteorological Service of Argentina issued a warning as heavy rain hit "
                 "Buenos Aires. The service deployed new radar stations last year.", id="weather"),
    pytest.param("The city council of Leeds approved a plan to build a new swimming pool, funded by a £4 "
                 "million grant from the Department for Education.", id="local-politics"),
    pytest.param("Aeroméxico will add a route between Monterrey and Madrid, the airline said, after it "
                 "received $300 million from investors.", id="airline"),
])
def test_off_topic_news_adds_no_operation_and_no_funding(read, text):
    r = read(text, PUB)
    assert not r.events("Operation") and not r.events("Funding"), \
        [e.label for e in r.events("Operation") + r.events("Funding")]


# ------------------------------------------------------------------ combat and attacks
@pytest.mark.parametrize("text, attacker, attacked", [
    pytest.param("The Nigerian Army carried out an operation against the leaders of Boko Haram in Borno.",
                 "Nigerian Army", "Boko Haram", id="operation-against"),
    pytest.param("Fighters of Al-Shabaab attacked a patrol of the Kenya Defence Forces near Mandera.",
                 "Al-Shabaab", "Kenya Defence Forces", id="armed-group-attacks-state"),
    pytest.param("The Colombian Air Force bombed a camp of the ELN in Arauca on Tuesday.",
                 "Colombian Air Force", "ELN", id="air-strike"),
])
def test_combat_is_an_operation_attacker_takes_part_attacked_is_targeted(read, text, attacker, attacked):
    r = read(text, PUB)
    ops = r.events("Operation")
    assert ops, [e.label for e in r.entities]
    rels = set().union(*(r.relations_of(op) for op in ops))
    assert ("hasParticipant", attacker) in rels and ("targets", attacked) in rels, rels
    assert any(op.attr("kind") == "Combat" for op in ops)


# ------------------------------------------------------------------ named operations
@pytest.mark.parametrize("text, name", [
    pytest.param("The Guardia Civil launched Operation Nautilus against a hashish network in Cádiz.",
                 "Operation Nautilus", id="operation-x"),
    pytest.param("In the so-called TITAN operation, the Federal Police of Brazil arrested nine people.",
                 "Operation TITAN", id="x-operation"),
])
def test_named_operation_is_an_operation_not_an_actor(read, text, name):
    r = read(text, PUB)
    assert name in [op.label for op in r.events("Operation")], [(e.type.value, e.label) for e in r.entities]
    assert not any(name.split()[-1] in e.label for e in r.entities if e.type.value in ("Person", "Organization"))


# ------------------------------------------------------------------ where
def test_an_operation_happens_in_the_articles_country(read):
    r = read("The National Police of Paraguay seized two tonnes of cocaine on a farm on Friday, police said.", PUB)
    (op,) = [e for e in r.events("Operation") if e.attr("kind") == "Seizure"]
    assert ("locatedIn", "Paraguay") in r.relations_of(op)


def test_an_operation_abroad_is_not_put_in_the_articles_country(read):
    r = read("The Navy of Colombia, which works with Peru, seized a boat off Guayaquil, Ecuador, on Friday.", PUB)
    ops = r.events("Operation")
    assert ops and not any(("locatedIn", "Colombia") in r.relations_of(op) for op in ops)


@pytest.mark.parametrize("text, small, large", [
    pytest.param("Soldiers of the Army of Peru arrested two men in Zuluaga Alto, Junín, on Monday.",
                 "Zuluaga Alto", "Junín", id="town-comma-region"),
    pytest.param("Police of Mozambique raided a camp in Nhica (Cabo Delgado) on Monday.", "Nhica", "Cabo Delgado",
                 id="town-parenthesis-region"),
])
def test_stated_containment(read, text, small, large):
    r = read(text, PUB)
    assert (small, "partOf", large) in r.triples(), r.triples()


def test_an_asserted_operation_without_a_date_is_dated_by_publication_month(read):
    r = read("The National Police of Paraguay seized two tonnes of cocaine on a farm, police said.", PUB)
    (op,) = [e for e in r.events("Operation") if e.attr("kind") == "Seizure"]
    assert (op.attr("eventDate"), op.attr("datePrecision"), op.attr("dateText")) == ("2024-06", "month", None)


def test_a_planned_operation_without_a_date_has_none(read):
    r = read("The National Police of Paraguay will deploy 300 officers to the border.", PUB)
    ops = r.events("Operation")
    assert ops and all(op.attr("eventDate") is None for op in ops)


# ------------------------------------------------------------------ donations of equipment, no amount
@pytest.mark.parametrize("text, funder, recipient", [
    pytest.param("The United Kingdom delivered four patrol boats to the Coast Guard of Ghana on Monday.",
                 "Government of the United Kingdom", "Coast Guard of Ghana", id="delivered-boats"),
    pytest.param("The European Union presented security equipment to the Border Police of Niger in Niamey.",
                 "European Union", "Border Police of Niger", id="presented-equipment"),
])
def test_equipment_given_without_an_amount_is_in_kind_funding(read, text, funder, recipient):
    r = read(text, PUB)
    (f,) = r.events("Funding")
    assert f.attr("inKind") == "true"
    assert ("fundedBy", funder) in r.relations_of(f) and ("recipient", recipient) in r.relations_of(f), \
        r.relations_of(f)


@pytest.mark.parametrize("text", [
    pytest.param("The Security Council approved a UN peacekeeping operation for Haiti.", id="kind-words"),
    pytest.param("A DEA operation in Lima led to the arrest of five men, the agency said.", id="doer-before"),
])
def test_a_doer_or_a_kind_before_operation_is_no_name(read, text):
    r = read(text, PUB)
    # a named operation is labelled by its name ("Operation Sea Shield"); a made-up name
    # ("Operation by DEA (Lima, ...)") is fine
    assert not any(re.match(r"Operation [A-Z]", op.label) for op in r.events("Operation")), \
        [op.label for op in r.events("Operation")]
