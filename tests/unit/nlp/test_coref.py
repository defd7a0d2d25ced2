"""Definite descriptions ('the ministry', 'the group') join the one organisation of that kind
named before, and only when exactly one fits."""
from __future__ import annotations

import pytest

from kg.ingest.read import _document
from kg.nlp.extract import extract, masked_text
from pathlib import Path


def _mentions_of(nlp, lexicon, text: str, word: str) -> list[str]:
    doc = _document(Path("coref.txt"), text, "coref.txt", "text/plain")
    x = extract(doc, nlp(masked_text(doc)), lexicon)
    labels = {e.key: e.label for e in x.entities}
    return [labels[m.entity] for m in x.mentions if m.text == word]


@pytest.mark.parametrize("text,word,expected", [
    ("Honduras purges its police\n\nThe Ministry of Security of Honduras dismissed 200 police officers on "
     "Monday. The ministry said the purge would continue in 2024.", "ministry", "Ministry of Security"),
    ("Colombia strikes a gang\n\nThe Colombian Army raided a camp of the Clan del Golfo in Antioquia. "
     "The group lost 12 members in the raid, the army said.", "group", "Clan del Golfo"),
])
def test_definite_description_joins_the_only_candidate(nlp, lexicon, text, word, expected) -> None:
    found = _mentions_of(nlp, lexicon, text, word)
    assert found and all(expected in f for f in found)


@pytest.mark.parametrize("text,word", [
    ("Two ministries meet\n\nThe Ministry of Defense of Peru and the Ministry of the Interior of Peru signed a "
     "plan on Monday. The ministry did not say when it would start.", "ministry"),
])
def test_definite_description_left_alone_when_ambiguous(nlp, lexicon, text, word) -> None:
    assert _mentions_of(nlp, lexicon, text, word) == []


@pytest.mark.parametrize("text, name", [
    ("The European Union announced new aid for Peru on Monday. The European Union said the money "
     "would train police officers.", "European Union"),
    ("Islamic State claimed the attack in Mosul. Officials said Islamic State had planned it for weeks.",
     "Islamic State"),
])
def test_a_second_mention_of_a_gazetteer_organisation_joins_by_its_entry(read, text, name):
    """The gazetteer entry is tried before the name: the same reason in every process (a set of
    keys once made it depend on where None sits in memory)."""
    e = read(text).entity(name)
    assert [why for said, why in e.reasons] == ["first mention", "same gazetteer entry"]
