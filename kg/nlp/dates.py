"""When an operation took place: the date phrase of its clause, and that phrase's value.

Two halves:

- `normalise_date(phrase, published)` reads a phrase ("on Tuesday", "last week",
  "March 13th", "13/03/2025", "since January 2012") against the publication date and
  returns an ISO 8601 value with the precision kg:datePrecision promises: day, month,
  year or interval. Pure and deterministic: no clock, no file, no network. The forms
  whose extent is a choice (weekdays, "last week", "the weekend", "recently", numeric
  dates, ranges, "since") are read here, so that the choice is written down once; so
  are the shapes news write most ("March 13th", "in October", "two days ago"), because
  dateparser costs about 2 ms a phrase and these take 0.07 ms. dateparser (English only,
  past dates preferred, the publication date as the relative base) reads the rest ("a
  fortnight ago", "the night of March 3", "3 March at noon", "11/2019"), and what it
  reads is checked: it fills in what a phrase leaves out, so a day it gives must come
  from a month, a weekday or a relative word written in the phrase.
- `date_phrase(doc, tok)` picks that phrase in a parsed sentence: a date of the
  operation's own clause first, then of the verb that governs, announces or begins it.

Choices (each errs towards leaving a date out rather than giving a wrong one):

- A bare weekday is the latest such day on or before publication ("on Thursday" in an
  article of a Thursday is that day: wire copy names the day of writing by its weekday);
  "last Tuesday" is strictly before it.
- "last week" is the interval from the Monday of the previous calendar week to the day
  before publication: it holds whether the writer meant the calendar week or the seven
  days before. "this week" runs from its Monday to publication; "the weekend" is the
  latest Saturday-Sunday on or before publication.
- A numeric date is read as written when only one reading is a date (one part above 12)
  or, of two readings, only one is on or before publication; when both are possible
  (03/04/2025 in a May article) only the year they share is given: the phrase does not
  say whether it is day-first (most of the world) or month-first (the US), and kg does
  not guess the outlet's country from it.
- A phrase with no year never gives a date after publication (news tell past events).
  An explicit year is kept as written, after publication too (a planned operation).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from ..ingest.clean import MONTHS, parse_date
from .pipeline import doc_text
from .tokens import entity_at, tokens

DATE, TIME = "DATE", "TIME"
WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = r"(?:%s)\b\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:%s)\b" % "|".join(WEEKDAYS)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d\d)$")
_ISO = re.compile(r"^((?:1[89]|20)\d\d)-(0[1-9]|1[0-2])(-\d\d)?$")
_LEAD = re.compile(r"^(?:(?:the (?:end|beginning|start|middle|turn|first half|second half) of|"
                   r"(?:end|beginning|start|middle) of|this past|as of|as early as|up to|"
                   r"on|in|at|by|during|of|over|around|about|circa|throughout|within|until|till|"
                   r"through|from|between|since|the|early|late|mid)\b\s*|mid-)+")
_PART_OF_DAY = re.compile(r"\s*\b(?:morning|afternoon|evening|night|overnight|noon|midday|midnight)$")
_RANGE = re.compile(r"^(?:from|between)\s+(?P<a>.+?)\s+(?:to|and|until|till|through)\s+(?P<b>.+)$"
                    r"|^(?P<c>.+?)\s*(?:[-–—]|\bto\b|\bthrough\b)\s*(?P<d>.+)$")
_DAY_ONLY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
_IS_DATE = re.compile(rf"\b{_MONTH}|\b{_WEEKDAY}|\b(?:1[89]|20)\d\d\b|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
                      r"|\bago\b|\b(?:yesterday|today|tonight|recently|currently|current|ongoing|now)\b"
                      r"|\b(?:this|last|next|past|previous|coming|earlier this)\s+(?:week|weekend|month|year|night)\b"
                      r"|\bweekend\b")
_DURATION = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|"
                       r"many|some)[\s-]+(?:days?|weeks?|months?|years?|decades?)\b(?!\s+ago)")

_point_start = re.compile(rf"\b(?:{_MONTH}|{_WEEKDAY}|(?:1[89]|20)\d\d\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}"
                          r"|the\s+\d{1,2}(?:st|nd|rd|th)|(?:last|this|yesterday|today)\b)")

# A phrase of the publication's own time, and what it covers (see the module's choices).
_RELATIVE_MONTH = {"recently", "now", "currently", "current", "ongoing", "this month", "earlier this month"}
_RELATIVE_DAY = {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"}
_YESTERDAY = {"yesterday"}


def normalise_date(phrase: str | None, published: str | None) -> tuple[str, str] | None:
    """Return (ISO 8601 value, precision) for a date phrase, or None.

    Precision is one of "day", "month", "year", "interval" (kg:datePrecision). Relative
    phrases ("on Tuesday", "two days ago", "recently") and phrases with no year ("March
    13th") need `published` (ISO 8601 day) and give None without it. Pure: the same
    arguments give the same value; results are cached.

    >>> normalise_date("on February 14", "2012-02-17")
    ('2012-02-14', 'day')
    >>> normalise_date("since January 2012", "2015-05-06")
    ('2012-01/2015-05', 'interval')
    >>> normalise_date("recently", "2015-05-06")
    ('2015-05', 'month')
    >>> normalise_date("in October", "2013-04-16")
    ('2012-10', 'month')
    >>> normalise_date("on Tuesday", "2025-03-13")
    ('2025-03-11', 'day')
    >>> normalise_date("last week", "2025-03-13")
    ('2025-03-03/2025-03-12', 'interval')
    >>> normalise_date("two years", "2025-03-13") is None      # a duration, not a date
    True
    """
    if not phrase:
        return None
    pub = date.fromisoformat(published) if published else None
    return _normalise(" ".join(phrase.lower().replace("’", "'").split()), pub)


@lru_cache(maxsize=4096)
def _normalise(p: str, pub: date | None) -> tuple[str, str] | None:
    p = re.sub(r"'s\b", "", p).strip(" ,.;:()")
    if not _IS_DATE.search(p) or _DURATION.search(p):     # "two years", "the first 50 days of this year"
        return None
    if m := re.match(r"^(?:ever\s+)?since\b\s*", p):
        rest = p[m.end():]
        if not _point_start.match(rest) and (at := _point_start.search(rest)):
            rest = rest[at.start():]                    # "since taking office in January 2012"
        start = _point(rest, pub)
        if start is None or pub is None or start[0] > pub:
            return None
        end = pub.isoformat() if start[3] == "day" else pub.isoformat()[:7]
        return f"{start[2]}/{end}", "interval"
    if span := _range(p, pub):
        return span
    point = _point(p, pub)
    return (point[2], point[3]) if point else None


def _range(p: str, pub: date | None) -> tuple[str, str] | None:
    """'from April 26 to May 3', 'between 2012 and 2015', 'March 1-5', '1 to 5 March'."""
    m = _RANGE.match(p)
    if not m or _NUMERIC.match(p) or _ISO.match(p):
        return None
    a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
    if _DAY_ONLY.match(b) and re.search(_MONTH, a):          # "March 1-5"
        b = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\b", b, a, count=1)
    elif _DAY_ONLY.match(a) and re.search(_MONTH, b):        # "1 to 5 March"
        a = re.sub(r"\b\d{1,2}(?:st|nd|rd|th)?\b", a, b, count=1)
    if (y := _YEAR.search(b)) and not _YEAR.search(a) and not _DAY_ONLY.match(a):
        a = f"{a} {y.group(0)}"
    first, last = _point(a, pub), _point(b, pub)
    if first is None or last is None:
        return None
    if first[2] == last[2]:
        return first[2], first[3]   # "mid-2019": one date, not a range
    if first[0] > last[1]:
        return None                 # an end before the start: not a range read right
    return f"{first[2]}/{last[2]}", "interval"


def _point(p: str, pub: date | None) -> tuple[date, date, str, str] | None:
    """(first day, last day, ISO value, precision) of a single date phrase, or None."""
    p = _LEAD.sub("", p.strip(" ,.;:")).strip(" ,.;:")
    if full := parse_date(p):                       # "March 3, 2022", "16 April 2013", ISO
        day = date.fromisoformat(full)
        return day, day, full, "day"
    if re.fullmatch(r"(?:1[89]|20)\d\d", p):
        y = int(p)
        return date(y, 1, 1), date(y, 12, 31), p, "year"
    if m := _NUMERIC.match(p):
        return _numeric(m, pub)
    if (m := _ISO.match(p)) and not m.group(3):                # "2019-11"
        return _month(int(m.group(1)), int(m.group(2)))
    got = _relative(p, pub) if pub else None
    if got is None:
        got = _parsed(p, pub)
    if got is None:
        return None
    if pub is not None and got[0] > pub and not _YEAR.search(p) and not re.search(r"\b(?:next|coming)\b", p):
        return None                 # no year written: a date after publication is a misreading
    return got


def _relative(p: str, pub: date) -> tuple[date, date, str, str] | None:
    """The phrases whose extent is a choice of this module (see its docstring)."""
    if p in _RELATIVE_MONTH:
        return _month(pub.year, pub.month)
    if p in _RELATIVE_DAY:
        return _days(pub, pub)
    p = _PART_OF_DAY.sub("", p).strip() or p     # "Tuesday night", "yesterday morning"
    if p in _YESTERDAY or p == "last":          # "last night"
        return _days(pub - timedelta(1), pub - timedelta(1))
    if p in ("this week", "earlier this week"):
        return _days(pub - timedelta(pub.weekday()), pub)
    if p in ("last week", "previous week", "past week"):
        return _days(pub - timedelta(pub.weekday() + 7), pub - timedelta(1))
    if p in ("weekend", "the weekend", "this weekend", "last weekend"):
        sat = pub - timedelta((pub.weekday() - 5) % 7)
        return _days(sat, min(sat + timedelta(1), pub))
    if p in ("last month", "previous month"):
        first = pub.replace(day=1) - timedelta(1)
        return _month(first.year, first.month)
    if p in ("this year", "earlier this year"):
        return _year(pub.year)
    if p in ("last year", "previous year"):
        return _year(pub.year - 1)
    if m := re.fullmatch(rf"(last |this )?({_WEEKDAY})", p):
        back = (pub.weekday() - WEEKDAYS[m.group(2)]) % 7 or (7 if m.group(1) == "last " else 0)
        day = pub - timedelta(back)
        return _days(day, day)
    if m := re.fullmatch(rf"last ({_MONTH})", p):
        mon = MONTHS[m.group(1).rstrip(".")]
        return _month(pub.year if mon < pub.month else pub.year - 1, mon)
    return None


def _parsed(p: str, pub: date | None) -> tuple[date, date, str, str] | None:
    """Month names, ordinals and 'N days ago': the common shapes by `_written`, the rest
    by dateparser."""
    p = re.sub(rf"^an?\s+(?={_MONTH}|{_WEEKDAY})", "", p)          # "in an October 10 memo"
    weekday = re.match(rf"^({_WEEKDAY}),?\s+(?=\S*\d|{_MONTH})", p)  # "Friday, November 3"
    if weekday:
        p = p[weekday.end():]
    if pub is None and not _YEAR.search(p):
        return None                 # nothing to resolve a partial date against
    got = _written(p, pub)
    if got is None:
        data = _parser(pub).get_date_data(p)
        if data is None or data.date_obj is None or not _plausible(p, data.date_obj.date(), data.period, pub):
            return None             # unread, or a misreading
        got = _period(data.date_obj.date(), data.period, pub)
    if got is not None and weekday and got[3] == "day" and got[0].weekday() != WEEKDAYS[weekday.group(1)]:
        return None                 # a weekday that contradicts the date: which one is wrong?
    return got


_MONTH_DAY = re.compile(rf"^(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})"
                        rf"|(?P<m2>{_MONTH})\s+(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)"
                        r"(?:,?\s+(?P<y>(?:1[89]|20)\d\d))?$")
_MONTH_YEAR = re.compile(rf"^(?P<m>{_MONTH})(?:,?\s+(?:of\s+)?(?P<y>(?:1[89]|20)\d\d))?$")
_NUMBERS = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)} | {"a": 1, "an": 1}
_AGO = re.compile(r"^(?P<n>\d{1,3}|%s)\s+(?P<unit>day|week|month|year)s?\s+ago$" % "|".join(_NUMBERS))


def _written(p: str, pub: date | None) -> tuple[date, date, str, str] | None:
    """The shapes news write most, read without dateparser (it costs about 2 ms a phrase):
    'March 13th', 'the 2nd of March, 2024', 'in October', 'May 2019', 'two days ago'.

    >>> _written("13th of march", date(2025, 3, 20))[2:]
    ('2025-03-13', 'day')
    >>> _written("three weeks ago", date(2025, 3, 13))[2:]
    ('2025-02-17/2025-02-23', 'interval')
    """
    if m := _MONTH_DAY.match(p):
        mon, d = MONTHS[(m.group("m1") or m.group("m2")).rstrip(".")], int(m.group("d1") or m.group("d2"))
        y = int(m.group("y")) if m.group("y") else pub.year if (mon, d) <= (pub.month, pub.day) else pub.year - 1
        try:
            return _days(date(y, mon, d), date(y, mon, d))
        except ValueError:
            return None             # "February 30"
    if m := _MONTH_YEAR.match(p):
        mon = MONTHS[m.group("m").rstrip(".")]
        return _month(int(m.group("y")) if m.group("y") else pub.year if mon <= pub.month else pub.year - 1, mon)
    if (m := _AGO.match(p)) and pub is not None:
        n = int(m.group("n")) if m.group("n").isdigit() else _NUMBERS[m.group("n")]
        unit = m.group("unit")
        if unit == "day":
            return _days(pub - timedelta(n), pub - timedelta(n))
        if unit == "week":
            return _period(pub - timedelta(7 * n), "week", pub)
        if unit == "month":
            k = pub.year * 12 + pub.month - 1 - n
            return _month(k // 12, k % 12 + 1)
        return _year(pub.year - n)
    return None


def _period(d: date, period: str, pub: date | None) -> tuple[date, date, str, str] | None:
    """The day, week (Monday to Sunday, cut at publication), month or year around `d`."""
    if period in ("day", "time", "part_of_day"):
        return _days(d, d)
    if period == "week":
        monday = d - timedelta(d.weekday())
        sunday = monday + timedelta(6)
        return _days(monday, min(sunday, pub) if pub and monday <= pub else sunday)
    if period == "month":
        return _month(d.year, d.month)
    if period == "year":
        return _year(d.year)
    return None


def _plausible(p: str, d: date, period: str, pub: date | None) -> bool:
    """dateparser fills what a phrase leaves out from its base, and reads odd strings
    ("an October 10" as 2010-10-01, "2012-15" as 15 March 2012): a day must come from a
    month name, a weekday, a numeric date or a relative word; a month from a month name or
    a numeric month; the year read must be one written, or, with none written and no
    'ago', be within the year before publication.

    >>> _plausible("october 10 2012", date(2012, 10, 10), "day", None)
    True
    >>> _plausible("an october 10", date(2010, 10, 1), "day", date(2025, 3, 13))
    False
    >>> _plausible("2012-15", date(2012, 3, 15), "day", date(2025, 3, 13))
    False
    """
    named = re.search(rf"{_MONTH}|\d+[/.]\d+", p)
    if period in ("day", "time", "part_of_day") and not (
            named or re.search(rf"{_WEEKDAY}|\b(?:ago|yesterday|today|tonight)\b", p)):
        return False
    if period == "month" and not (named or re.search(r"\bmonths?\b", p)):
        return False
    years = {int(y) for y in _YEAR.findall(p)}
    if years:
        return d.year in years
    if re.search(r"\b(?:ago|last|previous|next|coming)\b", p):
        return True
    return pub is not None and pub - timedelta(366) <= d <= pub


@lru_cache(maxsize=64)
def _parser(pub: date | None):
    """dateparser's reader for one publication date: English only, past dates preferred,
    the publication date as the base of relative phrases; it reads no file and no network
    after import (its first use compiles its time-zone patterns, about 0.5 s)."""
    from dateparser.date import DateDataParser      # imported on first use: 0.2 s
    base = datetime(pub.year, pub.month, pub.day, 12) if pub else datetime(2100, 1, 1)
    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True,
        "PARSERS": ["relative-time", "absolute-time"], "DATE_ORDER": "DMY"})


def _numeric(m: re.Match, pub: date | None) -> tuple[date, date, str, str] | None:
    """13/03/2025, 3.4.25: the one reading that is a date, or of two the one on or before
    publication; when both are possible, only the year."""
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y += 2000 if pub is None or 2000 + y <= pub.year else 1900
    readings = set()
    for day, mon in ((a, b), (b, a)):               # day-first, then month-first
        try:
            readings.add(date(y, mon, day))
        except ValueError:
            continue
    if len(readings) == 2 and pub is not None:      # two readings: the one on or before publication
        readings = {d for d in readings if d <= pub} or readings
    if len(readings) == 1:
        d = readings.pop()
        return _days(d, d)
    return _year(y) if readings else None           # both readings possible: only the year is sure


def _days(first: date, last: date) -> tuple[date, date, str, str]:
    if first == last:
        return first, last, first.isoformat(), "day"
    return first, last, f"{first.isoformat()}/{last.isoformat()}", "interval"


def _month(y: int, m: int) -> tuple[date, date, str, str]:
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return date(y, m, 1), nxt - timedelta(1), f"{y}-{m:02d}", "month"


def _year(y: int) -> tuple[date, date, str, str]:
    return date(y, 1, 1), date(y, 12, 31), str(y), "year"


# ---------------------------------------------------------------------------
# The date phrase of an operation's clause, in the parse
# ---------------------------------------------------------------------------

_OTHER_CLAUSE = {"relcl", "ccomp", "csubj", "parataxis", "acl", "appos"}   # another event's time
_PREPS = {"since", "in", "on", "by", "until", "till", "during", "from", "between", "through", "over",
          "at", "throughout"}
_RANGE_JOIN = {"to", "and", "until", "till", "through", "-", "–", "—"}
_DAY_WORDS = set(WEEKDAYS) | {"today", "yesterday", "tonight"}
_TIME_ADVERBS = {"recently", "currently", "now", "current", "ongoing"}
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d\b")
_DATELINE_LABELS = {"", "date", "published", "updated", "posted", "published on", "updated on"}
REPORTING_VERBS = frozenset({"announce", "say", "report", "state", "declare", "confirm", "explain", "add",
                             "note", "tell", "reveal", "disclose", "quote", "unveil"})
ESTABLISHING_VERBS = frozenset({"agree", "sign", "approve", "launch", "establish", "create", "adopt", "award",
                                "grant", "conclude", "inaugurate", "announce", "found", "set"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
PLAN_WORDS = frozenset({"plan", "set", "schedule", "expect", "intend", "aim", "seek", "hope", "prepare", "want",
                        "propose", "due", "going"})
OCCURRENCE_VERBS = frozenset({"take", "happen", "occur", "begin", "start", "end", "conclude", "continue"})


def date_phrase(doc, tok, reporting: frozenset[str] = REPORTING_VERBS) -> str | None:
    """Return the date phrase of the operation whose clause `tok` heads, as written.

    In order: a date of `tok`'s own clause (not of a relative or reported clause inside
    it, an adverbial clause with its own subject or conjunction, or a second verb joined
    to it by "and"; a participle, an infinitive of purpose, a verb joined with a comma
    only and a participle of establishment are part of the clause: the model often hangs
    the date on them, as in "seized ..., estimated to be worth $5 million, on Friday",
    "deployed soldiers to guard the dam on Monday", "financed by a loan ..., agreed in
    December 2013"), nearest to
    `tok` in the tree first; then a date of the verb governing it, where that verb dates it:
    the object or subject of a verb ("mounted a raid on Friday", "the raid took place
    on Friday"), the second of two joined verbs, a verb it completes ("began to patrol on
    Monday"), a reporting verb announcing it with a modal ("in October, the minister
    announced that badges would be fitted"; a past or ongoing event reported on Tuesday
    did not happen on, or only on, Tuesday). A date is a DATE entity, a TIME entity
    naming a day ("Tuesday night"), or a weekday, "today", "yesterday" the model left
    untagged; failing those, an adverb of the present ("recently"). A dateline (a full
    date alone at the start of a line) dates the article, not the operation, and is
    skipped. In a clause still to come ("will sign ... on Monday", "plans to hold ... on
    June 1") a phrase with no year is skipped: it would be read as a past date. The phrase keeps a preposition before it
    ("since", "from", "on") and the second half of a range ("April 26 to May 3").
    """
    for span in _spans(doc, tok, skip=None) if _any_date(doc, tok) else ():
        if text := _usable(_phrase(doc, span, tok), tok):
            return text
    head = tok.head
    dated_by_head = head.i != tok.i and head.pos_ in ("VERB", "AUX") and (
        tok.dep_ in ("dobj", "nsubjpass", "attr", "xcomp")
        or tok.dep_ == "nsubj" and head.lemma_.lower() in OCCURRENCE_VERBS
        or tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")
        or tok.dep_ == "ccomp" and head.lemma_.lower() in reporting and _modal(tok))
    if dated_by_head and _any_date(doc, head):
        for span in _spans(doc, head, skip=tok):
            if text := _usable(_phrase(doc, span, head), head):
                return text
    return next((c.text for c in tok.children if c.lower_ in _TIME_ADVERBS and c.dep_ in ("advmod", "amod")), None)


def _usable(text: str | None, verb) -> str | None:
    """`text` if it can date the clause of `verb`: a date, not an age or a duration, and in
    a future clause one with a year or 'next' (a bare 'Monday' would be read as past)."""
    if not text or not _datelike(text):
        return None
    if _future(verb) and not _YEAR.search(text) and not re.search(r"\b(?:next|coming)\b", text, re.I):
        return None
    return text


def _future(verb) -> bool:
    """A clause told as still to come: 'will sign', 'would send', 'plans to hold', 'is set
    to sign', 'is due to arrive'."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ == "xcomp" and \
        (verb.head.lemma_.lower() in PLAN_WORDS or any(c.lower_ in FUTURE_AUX for c in verb.head.children))


def _datelike(text: str) -> bool:
    """A phrase that can name a date, whatever the publication date: not an age or a
    duration ('a 45-year-old', 'the past two years').

    >>> _datelike("on Monday"), _datelike("45-year-old"), _datelike("over the past two years")
    (True, False, False)
    """
    p = text.lower()
    return bool(_IS_DATE.search(p)) and not _DURATION.search(p)


def _any_date(doc, tok) -> bool:
    """Whether `tok`'s subtree holds a date word at all (read from the token snapshot: most
    clauses have none, and walking the tree costs ten times more)."""
    return any(t.ent_type_ in (DATE, TIME) or t.lower_ in _DAY_WORDS
               for t in tokens(doc)[tok.left_edge.i:tok.right_edge.i + 1])


def _modal(tok) -> bool:
    """A verb told with a modal: 'would be fitted', 'will deploy', 'could send'."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def _spans(doc, tok, skip) -> list:
    """Date spans of `tok`'s own clause, nearest to `tok` in the tree first (see date_phrase)."""
    found = []
    queue, seen = [(tok, 0)], set()
    while queue:
        t, depth = queue.pop(0)
        for c in t.children:
            if skip is not None and c.i == skip.i:
                continue            # searched already
            if _purpose(c) or _establishing(c):
                queue.append((c, depth + 1))
                continue            # "deployed soldiers to guard the dam on Monday": one clause
            if c.dep_ in _OTHER_CLAUSE and not (c.dep_ == "acl" and t.i == tok.i and tok.pos_ not in ("VERB", "AUX")):
                continue            # "seized weapons smuggled in 2019": the smuggling's date
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(x.dep_ == "cc" for x in (*t.children, *c.children)) \
                    or c.dep_ == "advcl" and any(x.dep_ in ("mark", "nsubj", "nsubjpass") for x in c.children):
                continue            # "patrolled ... and on Friday seized", "after they fled on Friday"
            queue.append((c, depth + 1))
        span = _date_at(doc, t)
        if span is not None and span.start not in seen:
            seen.add(span.start)
            found.append((depth, span.start, span))
    return [s for _, _, s in sorted(found, key=lambda x: x[:2])]


def _purpose(c) -> bool:
    """An infinitive with no subject of its own ('to guard the dam'): part of the clause of
    the operation it serves; the model hangs the operation's date on it often."""
    return c.dep_ in ("relcl", "acl", "advcl", "xcomp") and c.pos_ in ("VERB", "AUX") and \
        any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) and \
        not any(x.dep_ in ("nsubj", "nsubjpass", "mark") for x in c.children)


def _establishing(c) -> bool:
    """A participle or relative clause telling when the thing it describes was made ('a
    loan agreed in December 2013', 'the programme, which was launched in May'): its date
    is the thing's. Not one telling what happened to an object ('weapons smuggled in
    2019'), nor one with an object of its own ('the man who signed the deal in 2019')."""
    return c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ESTABLISHING_VERBS and \
        not any(x.dep_ in ("dobj", "nsubj") for x in c.children)


def _date_at(doc, t):
    """The date span that token `t` starts or names, or None."""
    if t.ent_iob_ == "B" and t.ent_type_ == DATE:
        return entity_at(doc, t.i)
    if t.ent_iob_ == "B" and t.ent_type_ == TIME:
        span = entity_at(doc, t.i)
        if any(x.lower_ in _DAY_WORDS or x.lower_ == "last" for x in span):
            return span       # "Tuesday night", "last night"
        return None
    if not t.ent_type_ and t.lower_ in _DAY_WORDS:
        end = t.i + 1
        if end < len(doc) and _PART_OF_DAY.fullmatch(" " + doc[end].lower_):
            end += 1
        return doc[t.i:end]
    return None


def _phrase(doc, span, tok) -> str | None:
    """The span's text with its preposition ('on', 'since', 'from') and the end of a range,
    as written; None for a dateline."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, span.start_char) + 1
    label = text[line:span.start_char].strip().lower().rstrip(":").strip()
    if label in _DATELINE_LABELS and (parse_date(span.text) or _ISO_DAY.match(text, span.start_char)):
        return None
    start, end = span.start, span.end
    inside = doc[start].lower_ in _PREPS       # the model keeps some in the entity: "Between March 1"
    before = doc[start - 1].lower_ if start > 0 else ""
    prep = doc[start].lower_ if inside else before if before in _PREPS else ""
    if end + 1 < len(doc) and (joiner := doc[end].lower_) in _RANGE_JOIN and (joiner != "and" or prep == "between"):
        nxt = doc[end + 1]          # "from April 26 to May 3", "between March 1 and 5", "March 1-5"
        if nxt.ent_iob_ == "B" and nxt.ent_type_ == DATE:
            end = entity_at(doc, nxt.i).end
        elif nxt.like_num and len(nxt.text) <= 2 and (prep in ("from", "between") or joiner in ("-", "–", "—")):
            end += 2
    start -= bool(prep) and not inside
    since = next((a for a in doc[start].ancestors if a.lower_ == "since" and a.i < start), None)
    if since is not None and doc[start].lower_ != "since" and start - since.i <= 12 \
            and tok.left_edge.i <= since.i <= tok.right_edge.i and "\n" not in doc[since.i:end].text:
        start = since.i         # "since taking office in January 2012"
    return doc[start:end].text
