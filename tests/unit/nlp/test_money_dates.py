"""parse_money and normalise_date: pure functions, no model."""
from __future__ import annotations

import pytest

from kg.nlp.dates import normalise_date
from kg.nlp.events import parse_money


@pytest.mark.parametrize("text, country, expected", [
    ("$45 million", None, (45_000_000.0, "USD")),
    ("US$190,000", None, (190_000.0, "USD")),
    ("EUR 3 million", None, (3_000_000.0, "EUR")),
    ("€2.5 billion", None, (2_500_000_000.0, "EUR")),
    ("5 million euros", None, (5_000_000.0, "EUR")),
    ("£300,000", None, (300_000.0, "GBP")),
    ("A$1.5m", None, (1_500_000.0, "AUD")),
    ("1.2 billion pesos", "MX", (1_200_000_000.0, "MXN")),
    ("1.2 billion pesos", None, (1_200_000_000.0, None)),
    ("250 million dollars", None, (250_000_000.0, "USD")),
    ("no money here", None, (None, None)),
])
def test_parse_money(text, country, expected):
    assert parse_money(text, country) == expected


@pytest.mark.parametrize("phrase, published, expected", [
    ("on February 14", "2012-02-17", ("2012-02-14", "day")),
    ("on December 14", "2012-02-17", ("2011-12-14", "day")),
    ("since January 2012", "2015-05-06", ("2012-01/2015-05", "interval")),
    ("recently", "2015-05-06", ("2015-05", "month")),
    ("in October", "2013-04-16", ("2012-10", "month")),
    ("in April", "2013-04-16", ("2013-04", "month")),
    ("on March 3, 2022", None, ("2022-03-03", "day")),
    ("16 April 2013", None, ("2013-04-16", "day")),
    ("in May 2019", None, ("2019-05", "month")),
    ("in 2019", None, ("2019", "year")),
    ("last year", "2020-01-05", ("2019", "year")),
    ("this year", "2020-01-05", ("2020", "year")),
    ("on February 14", None, None),
    ("on February 30", "2021-03-01", None),
    ("on Monday", "2020-01-05", ("2019-12-30", "day")),     # 2020-01-05 is a Sunday
    (None, "2020-01-01", None),
    ("", "2020-01-01", None),
    pytest.param("yesterday", "2020-01-05", ("2020-01-04", "day"), id="yesterday"),
])
def test_normalise_date(phrase, published, expected):
    assert normalise_date(phrase, published) == expected
