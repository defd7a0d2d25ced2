"""Property: whatever text a file holds, reading it never raises, every skip span is
inside the text, and every mention the real extractor finds is the text at its offsets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SENTENCES = [
    "The National Police of Honduras seized 1.5 tons of cocaine in Puerto Cortes on Tuesday, officials said.",
    "The government of Japan donated 500 radios worth USD 300,000 to the National Civil Police of Guatemala.",
    "Soldiers of the Army of Colombia destroyed three cocaine laboratories near Tumaco, Nariño.",
    "Commissioner Ana Ríos said the operation, called Operation Tormenta, lasted three days.",
    "La Policía Nacional del Perú (PNP) detuvo a cinco personas en Lima, dijo el ministro José Pérez.",
    "The European Union will fund a EUR 2 million programme to train border guards in Ecuador.",
]
DEBRIS = ["Share", "DONATE", "Home", "Menu", "Subscribe to our newsletter", "Related stories", "Tweet",
          "By MARIA LOPEZ", "Photo: AFP", "March 3, 2022", "Read more:", "Advertisement", "© 2023 News Ltd."]

_unicode = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
_paragraph = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(DEBRIS), _unicode,
                       st.lists(st.sampled_from(SENTENCES + DEBRIS), min_size=1, max_size=3).map(" ".join))


@st.composite
def documents(draw) -> tuple[str, str, str]:
    """(file suffix, encoding, text): paragraphs of news, debris and random unicode, some repeated."""
    paras = draw(st.lists(_paragraph, min_size=0, max_size=10))
    for i in draw(st.lists(st.integers(0, 20), max_size=4)):        # repeated paragraphs
        if paras:
            paras.insert(draw(st.integers(0, len(paras))), paras[i % len(paras)])
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", "\r"]))
    suffix = draw(st.sampled_from([".txt", ".md", ".jsonl", ".txt"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return suffix, encoding, sep.join(paras)


def _write(folder: Path, suffix: str, encoding: str, text: str) -> Path:
    path = folder / f"doc{suffix}"
    if suffix == ".jsonl":
        data = (json.dumps({"id": "r1", "text": text}) + "\n" + json.dumps({"text": text[::-1]}) + "\n").encode()
    else:
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def extractor():
    from kg.nlp.extract import extract, masked_text
    from kg.nlp.lexicon import load_lexicon
    from kg.nlp.pipeline import load_kg_pipeline
    nlp, lx = load_kg_pipeline(), load_lexicon()
    return lambda doc: extract(doc, nlp(masked_text(doc)), lx)


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_text_is_read_and_mentions_match_offsets(extractor, tmp_path_factory, sample):
    from kg.ingest import IngestFailure, iter_documents
    from kg.nlp.extract import masked_text
    suffix, encoding, text = sample
    folder = tmp_path_factory.mktemp("example")              # a fresh folder for every example
    _write(folder, suffix, encoding, text)
    items = list(iter_documents([folder]))                   # never raises
    for item in items:
        if isinstance(item, IngestFailure):
            assert item.message.startswith("[E0") and "\n" not in item.message
            continue
        doc = item
        assert doc.text.strip() and "\r" not in doc.text and "\x00" not in doc.text
        last = -1
        for b, e in doc.skip:
            assert 0 <= b <= e <= len(doc.text) and b > last, doc.skip
            last = e
        assert len(masked_text(doc)) == len(doc.text)
        x = extractor(doc)
        for m in x.mentions:
            assert 0 <= m.start < m.end <= len(doc.text), (m.start, m.end, len(doc.text))
            assert m.text == doc.text[m.start:m.end]
        for r in x.relations:
            ev = r.evidence
            assert 0 <= ev.start <= ev.end <= len(doc.text)
            assert ev.quote == doc.text[ev.start:ev.end].strip()
