"""Another name given in the text ('known as', 'alias', 'a.k.a.', 'nicknamed') joins the person
or group it names, as an alias (skos:altLabel), on sentences written for these tests."""
from __future__ import annotations

import pytest

PUB = "2024-06-14"


@pytest.mark.parametrize("text, name, alias", [
    pytest.param('The Navy arrested Juan Carlos Mendoza, known as "El Tigre", in a raid on Tuesday.',
                 "Juan Carlos Mendoza", "El Tigre", id="comma-known-as-quoted"),
    pytest.param("Police identified the detainees as Ali Hassan Mohamed alias Kofi and Yusuf Omar Nur.",
                 "Ali Hassan Mohamed", "Kofi", id="bare-alias"),
    pytest.param("The army captured Maria Fernanda Ortiz, nicknamed La Jefa, near the border.",
                 "Maria Fernanda Ortiz", "La Jefa", id="nicknamed"),
    pytest.param("Soldiers detained Pedro Ruiz Lara (also known as Comandante Tornado) in the hills.",
                 "Pedro Ruiz Lara", "Comandante Tornado", id="parenthesis-also-known-as"),
    pytest.param("The Federal Police arrested Omar Salgado Vega, a.k.a. El Flaco, in Monterrey.",
                 "Omar Salgado Vega", "El Flaco", id="aka-with-dots"),
])
def test_alias_joins_its_person(read, text, name, alias):
    r = read(text, PUB)
    person = r.entity(name, "Person")
    assert person.label == name
    assert alias in person.aliases
    assert not [e for e in r.entities if e is not person and alias in r.names(e)], \
        [(e.type.value, e.label) for e in r.entities]


def test_alias_used_later_is_the_same_person(read):
    r = read("Interior Minister Ana Torres said that police arrested Luis Quispe, known as Camarada Rojo, on Monday. "
             "Camarada Rojo had led the group's armed column for a decade.", PUB)
    persons = [e for e in r.events("Person") if "Camarada Rojo" in r.names(e)]
    assert len(persons) == 1 and persons[0].label == "Luis Quispe"


@pytest.mark.parametrize("text, name", [
    pytest.param("Interior Minister Ana Torres, speaking in the capital, praised the police.", "Ana Torres",
                 id="no-cue"),
    pytest.param("Rafael Gómez Soto was known to the police for years before his arrest.", "Rafael Gómez Soto",
                 id="known-to-is-no-alias"),
])
def test_no_alias_without_a_cue(read, text, name):
    r = read(text, PUB)
    assert r.entity(name, "Person").aliases in ((), (name,))
