"""Event dates: normalise_date (pure) and date_phrase (the phrase picked in the parse).

Sentences are made up for these tests. Weekdays: 2025-03-13 is a Thursday, 2025-03-10 a
Monday, 2025-01-02 a Thursday.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from kg.nlp.dates import date_phrase, normalise_date

THU = "2025-03-13"


@pytest.mark.parametrize("phrase, published, expected", [
    ("on Tuesday", THU, ("2025-03-11", "day")),
    ("Tuesday", THU, ("2025-03-11", "day")),
    ("on Thursday", THU, ("2025-03-13", "day")),          # the day of writing
    ("last Thursday", THU, ("2025-03-06", "day")),
    ("this past Monday", THU, ("2025-03-10", "day")),
    ("on Tuesday night", THU, ("2025-03-11", "day")),
    ("early on Friday", THU, ("2025-03-07", "day")),
    ("Saturday morning", THU, ("2025-03-08", "day")),
    ("on Friday", "2025-01-02", ("2024-12-27", "day")),    # across a year
    ("Wednesday's", THU, ("2025-03-12", "day")),
])
def test_normalise_date_weekday_is_the_latest_on_or_before_publication(phrase, published, expected):
    assert normalise_date(phrase, published) == expected


@pytest.mark.parametrize("phrase, published, expected", [
    ("last week", THU, ("2025-03-03/2025-03-12", "interval")),
    ("last week", "2025-03-10", ("2025-03-03/2025-03-09", "interval")),
    ("in the past week", THU, ("2025-03-03/2025-03-12", "interval")),
    ("this week", THU, ("2025-03-10/2025-03-13", "interval")),
    ("earlier this week", "2025-03-10", ("2025-03-10", "day")),
    ("at the weekend", THU, ("2025-03-08/2025-03-09", "interval")),
    ("over the weekend", "2025-03-09", ("2025-03-08/2025-03-09", "interval")),
])
def test_normalise_date_weeks_are_intervals(phrase, published, expected):
    assert normalise_date(phrase, published) == expected


@pytest.mark.parametrize("phrase, published, expected", [
    ("two days ago", "2025-03-01", ("2025-02-27", "day")),
    ("3 days ago", THU, ("2025-03-10", "day")),
    ("a week ago", THU, ("2025-03-03/2025-03-09", "interval")),
    ("two months ago", THU, ("2025-01", "month")),
    ("five years ago", THU, ("2020", "year")),
    ("yesterday", "2025-03-01", ("2025-02-28", "day")),
    ("yesterday afternoon", THU, ("2025-03-12", "day")),
    ("last night", THU, ("2025-03-12", "day")),
    ("today", THU, ("2025-03-13", "day")),
    ("earlier this month", THU, ("2025-03", "month")),
    ("this month", THU, ("2025-03", "month")),
    ("last month", "2025-01-15", ("2024-12", "month")),
    ("earlier this year", THU, ("2025", "year")),
    ("late last year", THU, ("2024", "year")),
    ("last May", THU, ("2024-05", "month")),
    ("last February", THU, ("2025-02", "month")),
])
def test_normalise_date_relative_to_publication(phrase, published, expected):
    assert normalise_date(phrase, published) == expected


@pytest.mark.parametrize("phrase, published, expected", [
    ("March 13th", "2025-03-20", ("2025-03-13", "day")),
    ("on the 2nd of March", "2025-03-20", ("2025-03-02", "day")),
    ("on November 21st", "2025-03-20", ("2024-11-21", "day")),
    ("Nov. 3", "2025-03-20", ("2024-11-03", "day")),
    ("March 13th, 2024", None, ("2024-03-13", "day")),
    ("on Friday, March 7", THU, ("2025-03-07", "day")),
    ("in an October 10 memo", THU, None),                 # not a date phrase as a whole
    ("an October 10", THU, ("2024-10-10", "day")),        # not 2010-10-01
])
def test_normalise_date_ordinals_and_month_days(phrase, published, expected):
    assert normalise_date(phrase, published) == expected


@pytest.mark.parametrize("phrase, published, expected", [
    ("13/03/2025", "2025-03-20", ("2025-03-13", "day")),
    ("03/13/2025", "2025-03-20", ("2025-03-13", "day")),   # month-first, the only date reading
    ("on 07.03.25", "2025-03-20", ("2025-03-07", "day")),  # 3 July 2025 is after publication
    ("05/04/2025", "2025-04-10", ("2025-04-05", "day")),   # 4 May is after publication
    ("03/04/2025", "2025-05-20", ("2025", "year")),        # both readings possible: the year
    ("04/04/2025", "2025-05-20", ("2025-04-04", "day")),   # both readings the same day
    ("13/03/2025", None, ("2025-03-13", "day")),
    ("03/04/2025", None, ("2025", "year")),
    ("04/05/2025", THU, ("2025", "year")),                 # both readings after publication
    ("31/02/2025", THU, None),
])
def test_normalise_date_numeric_needs_one_reading(phrase, published, expected):
    assert normalise_date(phrase, published) == expected


@pytest.mark.parametrize("phrase, published, expected", [
    ("in 2019", THU, ("2019", "year")),
    ("at the end of 2019", THU, ("2019", "year")),
    ("mid-2019", None, ("2019", "year")),
    ("since January 2012", "2015-05-06", ("2012-01/2015-05", "interval")),
    ("since being elected in March 2019", THU, ("2019-03/2025-03", "interval")),
    ("since Tuesday", THU, ("2025-03-11/2025-03-13", "interval")),
    ("from February 26 to March 4", "2025-03-20", ("2025-02-26/2025-03-04", "interval")),
    ("between 2012 and 2015", THU, ("2012/2015", "interval")),
    ("March 1-5", "2025-03-20", ("2025-03-01/2025-03-05", "interval")),
    ("1 to 5 March", "2025-03-20", ("2025-03-01/2025-03-05", "interval")),
    ("January to March 2019", THU, ("2019-01/2019-03", "interval")),
    ("from December 28 to January 3", "2025-01-10", ("2024-12-28/2025-01-03", "interval")),
])
def test_normalise_date_years_and_intervals(phrase, published, expected):
    assert normalise_date(phrase, published) == expected


@pytest.mark.parametrize("phrase, published, expected", [
    ("a fortnight ago", THU, ("2025-02-24/2025-03-02", "interval")),
    ("the day before yesterday", THU, ("2025-03-11", "day")),
    ("on the night of March 3", THU, ("2025-03-03", "day")),
    ("3 March at noon", THU, ("2025-03-03", "day")),
    ("11/2019", THU, ("2019-11", "month")),
    ("2019-11", THU, ("2019-11", "month")),
    ("2012-15", THU, None),                              # dateparser would fill in a month
])
def test_normalise_date_less_common_forms(phrase, published, expected):
    assert normalise_date(phrase, published) == expected


@pytest.mark.parametrize("phrase", [
    "two years", "50 days", "the past three months", "the next few weeks", "28", "51 years old",
    "annual", "the 1990s", "decades", "the summer", "a few days ago", "in the first 50 days of this year",
    "the year", "a three-day", "that year",
])
def test_normalise_date_durations_are_not_dates(phrase):
    assert normalise_date(phrase, THU) is None


@pytest.mark.parametrize("phrase", ["on Monday", "last week", "two days ago", "March 13th", "recently", "in May"])
def test_normalise_date_relative_needs_publication(phrase):
    assert normalise_date(phrase, None) is None


@pytest.mark.parametrize("phrase, published, expected", [
    ("on March 20", THU, ("2024-03-20", "day")),         # not the March 20 a week later
    ("in April", THU, ("2024-04", "month")),
    ("on Friday, March 14", THU, None),                   # 2024-03-14 is no Friday: left out
    ("on March 20, 2025", THU, ("2025-03-20", "day")),   # a written year is kept as written ...
    ("on 20/03/2025", THU, ("2025-03-20", "day")),
    ("on 04/05/2025", THU, ("2025", "year")),             # ... two readings, both after publication
])
def test_normalise_date_no_year_gives_no_date_after_publication(phrase, published, expected):
    assert normalise_date(phrase, published) == expected


PARTIAL = ["on Monday", "Sunday night", "last Friday", "last week", "this week", "the weekend", "two days ago",
           "three weeks ago", "yesterday", "today", "recently", "earlier this month", "last month", "in May",
           "last December", "March 31st", "on February 29", "the 1st of January", "since Tuesday",
           "from June 28 to July 2", "a week ago", "last night"]


def _pieces_before(value: str, published: str) -> bool:
    return all(v <= published[:len(v)] for v in value.split("/"))


@settings(max_examples=300, deadline=None)
@given(st.dates(date(2001, 1, 1), date(2030, 12, 31)), st.sampled_from(PARTIAL))
def test_normalise_date_partial_phrases_never_after_publication(published, phrase):
    got = normalise_date(phrase, published.isoformat())
    assert got is None or _pieces_before(got[0], published.isoformat())


@settings(max_examples=100, deadline=None)
@given(st.dates(date(2001, 1, 8), date(2030, 12, 31)), st.integers(0, 6))
def test_normalise_date_weekday_within_the_week_before(published, wd):
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    value, precision = normalise_date(f"on {name}", published.isoformat())
    got = date.fromisoformat(value)
    assert precision == "day" and got.weekday() == wd and published - timedelta(6) <= got <= published


# ------------------------------------------------------------------ the phrase in the parse
@pytest.mark.parametrize("text, trigger, expected", [
    ("Soldiers arrested four smugglers on Tuesday near the river.", "arrested", "on Tuesday"),
    ("Marines seized two tonnes of cannabis on Tuesday night off the coast.", "seized", "on Tuesday night"),
    ("The coast guard intercepted a fishing boat last week.", "intercepted", "last week"),
    ("Customs officers detained the driver two days ago.", "detained", "two days ago"),
    ("Yesterday, officers seized 40 kilograms of heroin in the port.", "seized", "Yesterday"),
    ("The army has deployed 500 troops in the province since January 2020.", "deployed", "since January 2020"),
    ("From February 24 to March 2, the two armies conducted joint exercises near the border.", "conducted",
     "From February 24 to March 2"),
    ("The raid took place on Sunday morning.", "raid", "on Sunday morning"),
    ("The police mounted an operation on Monday.", "operation", "on Monday"),
    ("Police recently arrested the leader of the gang.", "arrested", "recently"),
    ("In January, the minister announced that soldiers would be deployed to the border.", "deployed",
     "In January"),
    ("Between March 1 and 5, the navy patrolled the coast.", "patrolled", "Between March 1 and 5"),
    ("Troops patrolled the border on Tuesday and Wednesday.", "patrolled", "on Tuesday"),
    ("Soldiers have guarded the depot since Monday.", "guarded", "since Monday"),
    ("Police arrested three men, two of them in their twenties, on Monday.", "arrested", "on Monday"),
    ("Over the past two years the army has trained 300 officers, including 40 in March.", "trained", "in March"),
    ("For three weeks, marines patrolled the river and on Friday seized a boat.", "seized", "on Friday"),
    ("Officers raided the farm on Friday and arrested the owner.", "arrested", "on Friday"),
    ("The army began to patrol the border on Monday.", "patrol", "on Monday"),
    ("The navies will hold joint exercises next week.", "hold", "next week"),
    ("The ships are financed by a loan from the development bank, agreed with the ministry in March 2015.",
     "financed", "in March 2015"),
    ("The boats are paid for by a grant from the European Union under a programme agreed in May 2019.",
     "paid", "in May 2019"),
    ("The army deployed 300 soldiers to guard the dam on Monday.", "deployed", "on Monday"),
    ("The navy sent two ships to patrol the coast last week.", "sent", "last week"),
    ("The president has created four new army brigades to fight drug gangs since taking office in May 2019.",
     "created", "since taking office in May 2019"),
    ("Marines seized a tonne of cocaine, estimated to be worth five million dollars, in the port on Friday, "
     "March 7.", "seized", "on Friday, March 7"),
])
def test_date_phrase_of_the_clause(nlp, text, trigger, expected):
    doc = nlp(text)
    (tok,) = [t for t in doc if t.text == trigger]
    assert date_phrase(doc, tok) == expected


@pytest.mark.parametrize("text, trigger", [
    ("Police arrested a man who had escaped from prison in 2019.", "arrested"),      # the escape's date
    ("The navy seized rifles smuggled from the north in 2019.", "seized"),           # the smuggling's date
    ("The minister said on Monday that the unit had arrested the suspects.", "arrested"),   # said, not arrested
    ("The army is deploying more troops to the north, the president said on Monday.", "deploying"),  # ongoing
    ("The gendarmerie will sign the agreement on Monday.", "sign"),                  # a future Monday
    ("The two navies plan to hold joint exercises on June 1.", "hold"),
    ("The two navies are set to hold joint exercises on June 1.", "hold"),
    ("The ministry said it would send troops on Monday.", "send"),
    ("For three weeks, marines patrolled the river and on Friday seized a boat.", "patrolled"),  # the seizure's day
    ("After the suspects fled on Friday, police arrested them.", "arrested"),         # the flight's day
    ("Published 2025-03-12 Police arrested three pirates in the port.", "arrested"),  # the article's date
])
def test_date_phrase_left_out(nlp, text, trigger):
    doc = nlp(text)
    (tok,) = [t for t in doc if t.text == trigger]
    assert date_phrase(doc, tok) is None


@pytest.mark.parametrize("text, expected", [
    ("The Peruvian National Police seized two tonnes of cocaine in Callao on Monday.", ("2021-03-08", "day")),
    ("The Peruvian National Police seized two tonnes of cocaine in Callao last week.",
     ("2021-03-01/2021-03-09", "interval")),
])
def test_operation_carries_the_date(read, text, expected):
    (op,) = read(text, "2021-03-10").events("Operation")
    assert (op.attr("eventDate"), op.attr("datePrecision")) == expected


COMMON = ["on Tuesday", "Tuesday night", "last week", "two days ago", "three weeks ago", "March 13th",
          "the 2nd of March", "on Friday, March 7", "in October", "May 2019", "13/03/2025", "in 2019",
          "since January 2012", "since taking office in March 2019", "from February 26 to March 4", "yesterday",
          "recently", "at the end of 2019", "two years", "in the first 50 days of this year", "the year"]


def test_normalise_date_common_forms_do_not_reach_dateparser(monkeypatch):
    """dateparser costs about 2 ms a phrase (0.3-0.7 s for the first in a process): the
    shapes news write most are read without it."""
    import kg.nlp.dates as dates

    def refuse(pub):
        raise AssertionError("dateparser reached")

    monkeypatch.setattr(dates, "_parser", refuse)
    dates._normalise.cache_clear()
    for phrase in COMMON:
        normalise_date(phrase, THU)
    dates._normalise.cache_clear()
