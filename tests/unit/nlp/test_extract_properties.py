"""Property: on generated sentences run through the real pipeline, every mention
is exactly the document text at its offsets, and no name is read from debris."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kg.ingest import IngestFailure
from kg.ingest import read_path
from kg.nlp.extract import extract, masked_text
from kg.nlp.lexicon import load_lexicon
from kg.nlp.pipeline import load_kg_pipeline

ACTORS = ["The National Police", "Colonel Ana María Ruiz", "The Drug Enforcement Administration (DEA)",
          "Mexico", "The Peruvian Navy", "Interior Minister Carlos Vega", "The Coast Guard", "José Núñez"]
VERBS = ["seized 2 tonnes of cocaine in", "arrested 14 suspects in", "raided three warehouses in",
         "donated $3 million to police in", "deployed 500 troops to", "patrolled the waters off"]
PLACES = ["Callao", "Bogotá", "the Sulu Sea", "Guayaquil, Ecuador", "Tegucigalpa", "Petén", "Cartagena"]
TAILS = ["on March 3, 2021.", "last week.", "on Tuesday, officials said.", "— “a major blow”, he said.", "."]
DEBRIS = ["Share", "Home", "DONATE", "Related content", "By JUAN PEREZ", "Photo: AFP"]
NOISE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)

sentence = st.builds(lambda a, v, p, t, n: f"{a} {v} {p} {t}{n}", st.sampled_from(ACTORS), st.sampled_from(VERBS),
                     st.sampled_from(PLACES), st.sampled_from(TAILS), st.one_of(st.just(""), NOISE))
line = st.one_of(sentence, sentence, st.sampled_from(DEBRIS))
document = st.lists(line, min_size=1, max_size=6).flatmap(
    lambda ls: st.sampled_from(["\n", "\n\n", " ", "\r\n"]).map(lambda sep: sep.join(ls)))


def _extract(text: str):
    """Read `text` through the public path (a JSONL record) and extract (model and lexicon are cached)."""
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "doc.jsonl"
        f.write_text(json.dumps({"id": "p", "text": text}) + "\n", encoding="utf-8")
        docs = [d for d in read_path(f) if not isinstance(d, IngestFailure)]  # debris-only texts are refused
    if not docs:
        return None, None
    (document,) = docs
    return document, extract(document, load_kg_pipeline()(masked_text(document)), load_lexicon())


@pytest.fixture(scope="module", autouse=True)
def _model(nlp, lexicon):
    """Load the model before hypothesis starts timing examples."""


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=document)
def test_every_mention_is_the_text_at_its_offsets(text):
    document, x = _extract(text)
    if x is None:
        return
    keys = {e.key for e in x.entities}
    for m in x.mentions:
        assert 0 <= m.start < m.end <= len(document.text)
        assert m.text == document.text[m.start:m.end]
        assert m.entity in keys
        if m.type.value not in ("Operation", "Funding"):
            assert m.text.strip() == m.text, m
            assert not any(b < m.end and m.start < e for b, e in document.skip), (m, document.skip)
    for r in x.relations:
        ev = r.evidence
        assert 0 <= ev.start <= ev.end <= len(document.text)
        assert ev.quote == document.text[ev.start:ev.end].strip()
        assert 0.0 <= ev.confidence <= 1.0


@pytest.mark.parametrize("text", [
    "The National Police seized 2 tonnes of cocaine in Callao on March 3, 2021.\nThe navy said it was a record.",
    "The National Police seized 2 tonnes of cocaine in Callao on March 3, 2021.\nShare",
])
def test_event_mentions_are_trimmed_and_avoid_debris(text):
    document, x = _extract(text)
    events = [m for m in x.mentions if m.type.value in ("Operation", "Funding")]
    assert events
    for m in events:
        assert m.text.strip() == m.text, m
        assert not any(b < m.end and m.start < e for b, e in document.skip), (m, document.skip)
