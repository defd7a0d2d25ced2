"""Debris detection, publication dates and titles."""
from __future__ import annotations

import pytest

from kg.ingest.clean import find_date, find_debris, find_title, parse_date

ARTICLE = """Menu
Home
Coast guard intercepts fishing boat carrying cocaine off Ecuador

By MARTA LOPEZ
June 4, 2021

The Ecuadorian coast guard intercepted a fishing boat carrying two tonnes of cocaine about 200 nautical miles off the Galapagos Islands on Thursday, the navy said in a statement.

Share
Tweet

Officers detained six crew members, four Ecuadorians and two Colombians, and towed the vessel to the port of Manta for inspection.

The Ecuadorian coast guard intercepted a fishing boat carrying two tonnes of cocaine about 200 nautical miles off the Galapagos Islands on Thursday, the navy said in a statement.

DONATE

Prosecutors will present charges against the crew at a hearing in Manta next week, according to the attorney general's office.

Related content
Peru seizes record cocaine shipment
Colombia extradites trafficker to the United States
"""

FIRST_PARAGRAPH = ("The Ecuadorian coast guard intercepted a fishing boat carrying two tonnes of cocaine about "
                   "200 nautical miles off the Galapagos Islands on Thursday, the navy said in a statement.")


def _covered(text: str, spans, needle: str, nth: int = 0) -> bool:
    """Is the nth occurrence of `needle` inside one skipped span?"""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return any(b <= start and start + len(needle) <= e for b, e in spans)


def _touched(text: str, spans, needle: str, nth: int = 0) -> bool:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return any(b < start + len(needle) and start < e for b, e in spans)


@pytest.mark.parametrize("needle, nth", [
    ("Menu", 0), ("Home", 0), ("By MARTA LOPEZ", 0), ("Share", 0), ("Tweet", 0), ("DONATE", 0),
    ("Related content", 0), ("Peru seizes record cocaine shipment", 0),
    ("Colombia extradites trafficker to the United States", 0),
    pytest.param(FIRST_PARAGRAPH, 1, id="repeated-paragraph"),
])
def test_find_debris_skips_debris(needle, nth):
    spans = find_debris(ARTICLE)
    assert _covered(ARTICLE, spans, needle, nth), (needle, [ARTICLE[b:e] for b, e in spans])


@pytest.mark.parametrize("needle, nth", [
    ("Coast guard intercepts fishing boat carrying cocaine off Ecuador", 0),
    pytest.param(FIRST_PARAGRAPH, 0, id="first-paragraph-kept"),
    ("Officers detained six crew members", 0),
    ("Prosecutors will present charges against the crew", 0),
])
def test_find_debris_keeps_article_text(needle, nth):
    spans = find_debris(ARTICLE)
    assert not _touched(ARTICLE, spans, needle, nth), (needle, [ARTICLE[b:e] for b, e in spans])


@pytest.mark.parametrize("text", [ARTICLE, "", "\n\n", "Home\nShare\n", "Police seized a boat."])
def test_find_debris_spans_sorted_disjoint_in_bounds(text):
    spans = find_debris(text)
    assert all(0 <= b <= e <= len(text) for b, e in spans)
    assert all(e1 < b2 for (_, e1), (b2, _) in zip(spans, spans[1:]))


@pytest.mark.parametrize("text", [
    "The boat was seized by the navy on Monday.",
    "The unit, led by Colonel Ana Ruiz, seized the boat.",
    "The Regional Police Academy, directed by Commissioner Elena Vargas, trained",
])
def test_find_debris_keeps_short_sentences_with_by(text):
    assert find_debris(text) == []


@pytest.mark.parametrize("text", ["By Juan Perez", "BY MARTA LOPEZ", "Photo: Reuters", "Photos by AFP"])
def test_find_debris_skips_bylines_and_credits(text):
    assert find_debris(text) == [(0, len(text))]


@pytest.mark.parametrize("s, expected", [
    ("GUATEMALA / 16 APR 2013 BY SOMEONE", "2013-04-16"),
    ("March 09, 2021", "2021-03-09"),
    ("Sept. 5, 2019", "2019-09-05"),
    ("5 May 2019", "2019-05-05"),
    ("May 5 2019", "2019-05-05"),
    ("published 2020-02-29 at noon", "2020-02-29"),
    ("no date here", None),
    ("February 30, 2021", None),
    pytest.param("2020-02-30 and 2020-03-01", "2020-03-01", id="invalid-then-valid"),
])
def test_parse_date(s, expected):
    assert parse_date(s) == expected


@pytest.mark.parametrize("text, expected", [
    ("Headline of the story here\n\nLIMA, Peru — March 3, 2022\n\nPolice said ...", "2022-03-03"),
    ("Headline of the story here\n" + "Body line without dates.\n" * 20 + "On 4 May 2019 police ...", None),
    ("", None),
])
def test_find_date_looks_only_at_the_head(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Home\nShare\nPolice seize two tonnes of cocaine\nBody.", "Police seize two tonnes of cocaine"),
    ("# Police seize two tonnes of cocaine\n\nBody text here.", "Police seize two tonnes of cocaine"),
    ("Short\nlines\nonly", None),
])
def test_find_title(text, expected):
    assert find_title(text, find_debris(text)) == expected
