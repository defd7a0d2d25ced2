"""Property: whatever the text, debris spans are in bounds, sorted and disjoint."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from kg.ingest.clean import find_debris, find_title
from kg.records import Document

DEBRIS_WORDS = ["Home", "Menu", "Share", "DONATE", "Tweet", "Related content", "By MARTA LOPEZ", "Photo: AFP",
                "June 4, 2021", "Subscribe to our newsletter", "copyright 2024", "Read more", "share icon"]
SENTENCES = ["The navy seized two tonnes of cocaine off Manta on Thursday, officials said.",
             "Police in Lima arrested four suspects after a months-long investigation.",
             "Bogotá’s mayor praised the operation — “a success”, she said.",
             "北京 police cooperated with Interpol.", ""]

lines = st.one_of(st.sampled_from(DEBRIS_WORDS), st.sampled_from(SENTENCES),
                  st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
texts = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400),
    st.lists(lines, max_size=30).map("\n".join),
    st.lists(lines, max_size=20).map(lambda ls: "\r\n\n".join(ls) + "\n"),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_find_debris_spans_within_bounds_and_sorted(text):
    spans = find_debris(text)
    for b, e in spans:
        assert 0 <= b <= e <= len(text)
    assert spans == sorted(spans)
    assert all(e1 < b2 for (_, e1), (b2, _) in zip(spans, spans[1:]))
    # a Document accepts them (its own check), and the title is never taken from debris
    Document("0" * 16, "x.txt", "x.txt", text, "sha256:0", skip=tuple(spans))
    title = find_title(text, spans)
    assert title is None or title in text.replace("#", "") or title in text
