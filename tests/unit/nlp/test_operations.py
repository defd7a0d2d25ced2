"""Operations on sentences written for these tests: who did it when the clause does not say,
what is not an operation at all (real model, real lexicon)."""
from __future__ import annotations

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
