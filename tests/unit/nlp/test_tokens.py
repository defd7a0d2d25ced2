"""The token snapshots the scanners read hold exactly what spaCy's Tokens hold."""
from __future__ import annotations

import pytest

from kg.nlp.pipeline import index_sentences
from kg.nlp.tokens import Tok, entity_at, title_case_sentence, tokens

TEXTS = [
    ("Police Seize Cocaine In Major Port Operation\n\nMEXICO CITY, March 3, 2021 — The Mexican Navy's "
     "3rd Marine Brigade seized 2.5 tonnes of cocaine; the U.S.-backed unit (SEMAR) said on Tuesday."),
    "  \n\nDonations from the European Union (EUR 3 million) reached   the National Police of Peru.\n",
    "",
    "—",
]


@pytest.mark.parametrize("text", TEXTS, ids=["headline", "spaces", "empty", "dash"])
def test_snapshot_equals_the_tokens(nlp, text):
    doc = index_sentences(nlp(text))
    snap = tokens(doc)
    assert len(snap) == len(doc)
    for tok, s in zip(doc, snap):
        for attr in Tok.fields:
            if attr == "cap":
                continue
            want = getattr(tok, attr)
            want = bool(want) if attr == "is_sent_start" else want
            assert getattr(s, attr) == want, (tok.i, tok.text, attr)


def test_snapshot_is_made_once(nlp):
    doc = index_sentences(nlp(TEXTS[0]))
    assert tokens(doc) is tokens(doc)


def test_capitalised_words_and_ordinals(nlp):
    doc = index_sentences(nlp("The 3rd brigade met Mexican police, (PNC) and 12 men."))
    caps = {t.text for t in tokens(doc) if t.cap}
    assert {"The", "3rd", "Mexican", "PNC"} <= caps
    assert not caps & {"brigade", "police", ",", "(", "12"}


def test_title_case_sentence(nlp):
    doc = index_sentences(nlp("Guatemala Signs Security Agreement With Mexico\n\nThe two governments signed it on Monday."))
    first, last = 0, len(doc) - 1
    assert title_case_sentence(doc, first)
    assert not title_case_sentence(doc, last)


def test_entity_at(nlp):
    doc = index_sentences(nlp("Officers of the Colombian National Police arrested Juan Pérez in Bogotá."))
    for ent in doc.ents:
        assert entity_at(doc, ent.start) == ent
