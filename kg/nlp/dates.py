"""Normalise a date phrase against the article's publication date."""
from __future__ import annotations

import re
from datetime import date

from ..ingest.clean import MONTHS, parse_date

_MONTH = r"(?P<mon>%s)\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))


def normalise_date(phrase: str | None, published: str | None) -> tuple[str, str] | None:
    """Return (ISO 8601 value, precision) for a date phrase, or None.

    >>> normalise_date("on February 14", "2012-02-17")
    ('2012-02-14', 'day')
    >>> normalise_date("since January 2012", "2015-05-06")
    ('2012-01/2015-05', 'interval')
    >>> normalise_date("recently", "2015-05-06")
    ('2015-05', 'month')
    >>> normalise_date("in October", "2013-04-16")
    ('2012-10', 'month')
    """
    if not phrase:
        return None
    p = phrase.strip().lower()
    pub = date.fromisoformat(published) if published else None
    full = parse_date(phrase)
    since = p.startswith("since")
    if full:
        val, prec = full, "day"
    elif m := re.search(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})\b(?!,?\s*\d{{4}})", p):
        if pub is None:
            return None
        mon, d = MONTHS[m.group("mon")], int(m.group("d"))
        y = pub.year if (mon, d) <= (pub.month, pub.day) else pub.year - 1
        try:
            val, prec = date(y, mon, d).isoformat(), "day"
        except ValueError:
            return None
    elif m := re.search(rf"\b{_MONTH}\s+(?P<y>(?:19|20)\d\d)\b", p):
        val, prec = f"{m.group('y')}-{MONTHS[m.group('mon')]:02d}", "month"
    elif m := re.search(rf"\b{_MONTH}\b", p):
        if pub is None:
            return None
        mon = MONTHS[m.group("mon")]
        y = pub.year if mon <= pub.month else pub.year - 1
        val, prec = f"{y}-{mon:02d}", "month"
    elif m := re.search(r"\b((?:19|20)\d\d)\b", p):
        val, prec = m.group(1), "year"
    elif p in ("recently", "now", "today", "currently", "this week", "this month") and pub:
        val, prec = f"{pub.year}-{pub.month:02d}", "month"
    elif p in ("yesterday",) and pub:
        val, prec = date.fromordinal(pub.toordinal() - 1).isoformat(), "day"
    elif p in ("last year",) and pub:
        val, prec = str(pub.year - 1), "year"
    elif p in ("this year",) and pub:
        val, prec = str(pub.year), "year"
    else:
        return None
    if since and pub:
        return f"{val[:7]}/{pub.year}-{pub.month:02d}", "interval"
    return val, prec
