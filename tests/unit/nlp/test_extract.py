"""The extractor on sentences written for these tests (real model, real lexicon)."""
from __future__ import annotations

import pytest

PUB = "2021-03-10"


def xfail(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


# ------------------------------------------------------------------ names kept whole
@pytest.mark.parametrize("text, name, type_", [
    ("Officials at the Office of the Attorney General said the case was closed.",
     "Office of the Attorney General", "Organization"),
    ("The Office of the Attorney General of Guatemala opened an investigation.",
     "Office of the Attorney General of Guatemala", "Organization"),
    pytest.param("The Office of the Attorney General opened an investigation into the bribery case on Monday.",
                 "Office of the Attorney General", "Organization", id="office-of-the-ag-as-subject"),
    ("Police arrested María José Ramírez de León in Quetzaltenango.", "María José Ramírez de León", "Person"),
    ("Prosecutors said Juan Carlos Mendoza Villalobos was arrested in Tegucigalpa, Honduras, on Friday.",
     "Juan Carlos Mendoza Villalobos", "Person"),
    ("The Peruvian National Police seized 2 tonnes of cocaine in Callao on March 3, 2021.",
     "Peruvian National Police", "Organization"),
    pytest.param("The Maritime Anti-Narcotics Unit seized 300 kilograms of cocaine in Guayaquil.",
                 "Maritime Anti-Narcotics Unit", "Organization", id="hyphenated-anti-narcotics"),
    pytest.param("The Coastal Anti-Smuggling Brigade (CASB) seized 300 kilograms of cocaine in Guayaquil.",
                 "Coastal Anti-Smuggling Brigade", "Organization", id="hyphenated-anti-smuggling"),
])
def test_full_name_kept_whole(read, text, name, type_):
    r = read(text, PUB)
    e = r.entity(name, type_)
    assert any(m.text == name and m.entity == e.key for m in r.x.mentions)


# ------------------------------------------------------------------ acronyms and short names
@pytest.mark.parametrize("text, full, acronym", [
    ("The Drug Enforcement Administration (DEA) worked with local police. The DEA said it had tracked the shipment.",
     "Drug Enforcement Administration", "DEA"),
    ("The National Anti-Drug Agency (NADA) raided a warehouse in Lima. NADA officers detained four people.",
     "National Anti-Drug Agency", "NADA"),
    pytest.param("The Bolivian Special Force to Fight Drug Trafficking (FELCN) seized 2 tonnes of cocaine in "
                 "Santa Cruz on May 4, 2020. The FELCN said the drugs were bound for Chile.",
                 "Bolivian Special Force to Fight Drug Trafficking", "FELCN", id="long-name-with-to",
                 marks=xfail("a name with 'to Fight' inside is cut to 'Bolivian Special Force' and its acronym "
                             "becomes a separate organisation")),
])
def test_acronym_defined_in_text_joins_later_uses(read, text, full, acronym):
    r = read(text, PUB)
    e = r.entity(full, "Organization")
    uses = [m for m in r.x.mentions if m.text == acronym]
    assert len(uses) == text.count(acronym) >= 2
    assert {m.entity for m in uses} == {e.key}


@pytest.mark.parametrize("text, full, short", [
    ("General Roberto Alvarado Fuentes commanded the operation in Cali. Alvarado said the gang had been dismantled.",
     "Roberto Alvarado Fuentes", "Alvarado"),
    ("Police Commissioner Ana Lucía Beltrán announced the arrests on Sunday. Beltrán said more raids would follow.",
     "Ana Lucía Beltrán", "Beltrán"),
    ("Colonel Sofía Restrepo Gaviria led the raid in Bucaramanga. Restrepo said four suspects escaped.",
     "Sofía Restrepo Gaviria", "Restrepo"),
])
def test_short_surname_joins_full_name(read, text, full, short):
    r = read(text, PUB)
    e = r.entity(full, "Person")
    assert r.entity_at(short, nth=text.count(short) - 1) == e
    assert [x for x in r.entities if x.type.value == "Person"] == [e]


# ------------------------------------------------------------------ titles make `leads`
@pytest.mark.parametrize("text, person, org", [
    ("Interior Minister Carlos Vega announced the operation on Tuesday. The Interior Ministry said 40 officers "
     "took part.", "Carlos Vega", "Interior Ministry"),
    ("Defence Minister Ana Torres said the Ministry of Defence would send troops.", "Ana Torres",
     "Ministry of Defence"),
    ("Security Minister Luis Ortega said the Ministry of Security had planned the raid.", "Luis Ortega",
     "Ministry of Security"),
    ("Daniel Quintero, the mayor of Medellín, praised the police.", "Daniel Quintero", "Medellín"),
    ("Medellín Mayor Daniel Quintero praised the police.", "Daniel Quintero", "Medellín"),
    pytest.param("The Mayor of Medellín, Daniel Quintero, praised the police.", "Daniel Quintero", "Medellín",
                 id="mayor-of-y-before-apposition"),
    ("Mayor of Medellín Daniel Quintero praised the police.", "Daniel Quintero", "Medellín"),
])
def test_title_makes_leads(read, text, person, org):
    r = read(text, PUB)
    assert (person, "leads", org) in r.triples()
    assert r.entity(person, "Person")


# ------------------------------------------------------------------ country: government or place
@pytest.mark.parametrize("text, country, as_actor, as_place", [
    ("Mexico arrested 30 suspects. The raid took place in Mexico.", "Mexico", 0, 1),
    ("Colombia deployed 2,000 troops to the border. Officials in Colombia said the move was temporary.",
     "Colombia", 0, 1),
    ("Peru sent troops to the VRAE valley. Several soldiers died in Peru last year.", "Peru", 0, 1),
])
def test_country_subject_is_government_after_in_is_location(read, text, country, as_actor, as_place):
    r = read(text, PUB)
    gov = r.entity_at(country, as_actor)
    place = r.entity_at(country, as_place)
    assert gov is not None and gov.type.value == "Organization" and gov.cls == "Government"
    assert f"Government of {country}" in r.names(gov)
    assert place is not None and place.type.value == "Location" and place.cls == "Country"
    assert gov.country == place.country
    op = r.events("Operation")[0]
    assert ("hasParticipant", f"Government of {country}") in r.relations_of(op)


@pytest.mark.parametrize("text, label", [
    pytest.param("The United States donated $2 million to the Honduran National Police.",
                 "Government of the United States", id="the-united-states"),
    ("Japan donated $3 million to the Philippine Coast Guard.", "Government of Japan"),
])
def test_government_label(read, text, label):
    assert label in read(text, PUB).labels("Organization")


@pytest.mark.parametrize("text, not_a_place", [
    pytest.param("The United States provided $45 million to Mexico's Federal Police under the Merida Initiative.",
                 "Merida", id="merida-initiative",
                 marks=xfail("'Merida' inside 'the Merida Initiative' (a programme) is linked to the city of "
                             "Mérida and made partOf Mexico")),
    ("The patrols were set up under the Trilateral Cooperative Arrangement.", "Trilateral"),
])
def test_programme_name_is_not_a_place(read, text, not_a_place):
    r = read(text, PUB)
    e = r.entity_at(not_a_place)
    assert e is None or e.type.value != "Location"


# ------------------------------------------------------------------ operations
@pytest.mark.parametrize("text, participant, place, date", [
    ("The Peruvian National Police seized 2 tonnes of cocaine in Callao on March 3, 2021.",
     "Peruvian National Police", "Callao", "2021-03-03"),
    ("The Honduran National Police seized 800 kilograms of cocaine in La Ceiba on Tuesday.",
     "Honduran National Police", "La Ceiba", "2021-03-09"),
    ("The Coast Guard seized 3 tonnes of cocaine off the coast of Panama.", "Coast Guard (Panama)", "Panama", "2021-03"),   # no date in the text: the month of publication
])
def test_seizure_sentence(read, text, participant, place, date):
    r = read(text, PUB)
    (op,) = r.events("Operation")
    assert op.attr("kind") == "Seizure"
    assert op.attr("factuality") == "asserted"
    rels = r.relations_of(op)
    assert ("hasParticipant", participant) in rels
    assert ("locatedIn", place) in rels
    assert op.attr("eventDate") == date
    assert r.entity(place, "Location").attr("gazetteer")


@pytest.mark.parametrize("text, kind, factuality", [
    ("Defence Minister Ana Torres said the Ministry of Defence would send troops.", "Deployment", "planned"),
    ("The National Civil Police arrested María José Ramírez de León in Quetzaltenango.", "Arrest", "asserted"),
    ("Police arrested four suspects in Quetzaltenango.", "Arrest", "asserted"),
    pytest.param("Police arrested María José Ramírez de León in Quetzaltenango.", "Arrest", "asserted",
                 id="police-arrested-named-person"),
])
def test_operation_kind_and_factuality(read, text, kind, factuality):
    (op,) = read(text, PUB).events("Operation")
    assert (op.attr("kind"), op.attr("factuality")) == (kind, factuality)


@pytest.mark.parametrize("text, person", [
    ("Police arrested María José Ramírez de León in Quetzaltenango.", "María José Ramírez de León"),
    ("Soldiers detained Carlos Mendoza near the border on Friday.", "Carlos Mendoza"),
    ("Carlos Mendoza was captured by the National Police in Lima.", "Carlos Mendoza"),
])
def test_an_arrest_targets_the_person_arrested(read, text, person):
    r = read(text, PUB)
    (op,) = r.events("Operation")
    assert op.attr("kind") == "Arrest"
    assert ("targets", person) in r.relations_of(op)


@pytest.mark.parametrize("text", ["Defence Minister Ana Torres said the Ministry of Defence would send troops."])
def test_planned_relations_are_not_asserted(read, text):
    r = read(text, PUB)
    (op,) = r.events("Operation")
    planned = [rel for rel in r.x.relations if rel.subject == op.key]
    assert planned and all(rel.evidence.factuality == "planned" for rel in planned)


# ------------------------------------------------------------------ funding
@pytest.mark.parametrize("text, funder, recipient", [
    ("Japan donated $3 million to the Philippine Coast Guard to buy patrol boats.",
     "Government of Japan", "Philippine Coast Guard"),
    ("The Netherlands donated EUR 3 million to the Honduran National Police.",
     "Government of the Netherlands", "Honduran National Police"),
    ("The European Union announced a grant of EUR 3 million for the Guatemalan National Civil Police.",
     "European Union", "Guatemalan National Civil Police"),
    ("The United Kingdom donated £300,000 to the Jamaica Constabulary Force.",
     "Government of the United Kingdom", "Jamaica Constabulary Force"),
    ("Canada gave US$250,000 to the National Police of Colombia.", "Government of Canada",
     "National Police of Colombia"),
    pytest.param("The Government of Spain donated EUR 1.2 million to the Regional Police Academy.",
                 "Government of Spain", "Regional Police Academy", id="government-of-spain",
                 marks=xfail("'The Government of Spain donated ...' gives only the Location 'Spain': no "
                             "Government actor, no academy, no Funding at all")),
])
def test_donation_is_funding_with_funder_and_recipient(read, text, funder, recipient):
    r = read(text, PUB)
    (fu,) = r.events("Funding")
    rels = r.relations_of(fu)
    assert ("fundedBy", funder) in rels
    assert ("recipient", recipient) in rels


@pytest.mark.parametrize("text, amount, currency", [
    ("Japan donated $3 million to the Philippine Coast Guard to buy patrol boats.", 3e6, "USD"),
    ("The European Union announced a grant of EUR 3 million for the Guatemalan National Civil Police.", 3e6, "EUR"),
    ("The United States provided $45 million to Mexico's Federal Police.", 45e6, "USD"),
    # the model calls these numbers CARDINAL: the currency word or code beside them makes them money
    pytest.param("The Netherlands donated EUR 3 million to the Honduran National Police.", 3e6, "EUR",
                 id="donated-eur-3-million"),
    pytest.param("Germany donated 5 million euros to the Colombian National Police.", 5e6, "EUR",
                 id="donated-5-million-euros"),
    pytest.param("The United States donated US$190,000 in equipment to the Guatemalan National Civil Police.",
                 190000.0, "USD", id="us-dollar-sign"),
    pytest.param("The United Kingdom donated £300,000 to the Jamaica Constabulary Force.", 300000.0, "GBP",
                 id="pound-sign"),
])
def test_funding_amount_and_currency(read, text, amount, currency):
    (fu,) = read(text, PUB).events("Funding")
    assert fu.attr("amount") is not None and float(fu.attr("amount")) == amount
    assert fu.attr("currency") == currency
    assert fu.attr("inKind") == "false"


def test_a_weight_in_pounds_is_not_money(read):
    (fu,) = read("The United States donated 500 pounds of medical supplies to the Haitian National Police.",
                 PUB).events("Funding")
    assert fu.attr("amount") is None
    assert fu.attr("inKind") == "true"
