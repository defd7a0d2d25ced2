"""Every named query answers its question on the sample corpus, with and without its
parameter (their SPARQL is shaped for speed at a million triples: these tests keep the
answers right while the shape changes)."""
from __future__ import annotations

import re

import pytest

from kg.query.run import named_queries

# (query, params, column -> value expected in one row of the answer)
CASES = [
    ("memberships", {"label": "Government of Malaysia"},
     {"member_name": "Hishammuddin Hussein", "organization_name": "Government of Malaysia",
      "documents": "sulu_sea_trilateral_patrols_2017.txt"}),
    ("memberships", {}, {"member_name": "Hishammuddin Hussein"}),
    ("operations-by-place", {"place_label": "haiti"},
     {"place_name": "Haiti", "site_name": "Port-au-Prince", "kind": "Agreement", "participants": "Ariel Henry"}),
    ("funding-by-year", {},
     {"year": "2024", "currency": "USD", "fundings": "1", "total": "300000000",
      "funders": "Government of the United States"}),
    ("funding-by-year", {}, {"year": "2013", "currency": "JPY", "total": "18700000000"}),
    ("operations-by-kind", {"kind_label": "Arrest"}, {"kind_name": "Arrest"}),
    ("operations-by-kind", {}, {"kind_name": "Agreement"}),
    ("who-funds-what", {"funder_label": "United States"},
     {"funders": "Government of the United States", "amount": "300000000", "currency": "USD",
      "documents": "haiti_mss_2024.md"}),
    ("who-funds-what", {}, {"funders": "Government of Colombia", "amount": "4000000000"}),
    ("places-hierarchy", {"place_label": "Jolo"}, {"place_name": "Jolo", "container_name": "Philippines"}),
    ("leaders", {}, {"person_name": "Reece Kershaw"}),
]


def _rows(table) -> list[dict[str, str]]:
    return [{c: ("" if v is None else str(v)) for c, v in r.items()} for r in table.to_records()]


@pytest.mark.parametrize("name,params,expected", CASES, ids=[f"{c[0]}-{'-'.join(c[1].values()) or 'all'}" for c in CASES])
def test_named_query_answers(demo_store, name, params, expected):
    rows = _rows(demo_store.query(name, **params))
    assert any(all(r.get(k) == v for k, v in expected.items()) for r in rows), rows[:5]


def test_funding_by_year_counts_each_funding_once(demo_store):
    rows = _rows(demo_store.query("funding-by-year"))
    total = sum(int(r["fundings"]) for r in rows)
    n = demo_store.query("SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kg:Funding }").to_records()[0]["n"]
    assert total == int(str(n))


def test_operations_by_kind_counts_match_the_graph(demo_store):
    rows = {r["kind_name"]: int(r["operations"]) for r in _rows(demo_store.query("operations-by-kind"))}
    direct = demo_store.query(
        "SELECT ?k (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o kg:operationKind ?k ; skos:prefLabel [] } GROUP BY ?k")
    assert rows == {str(r["k"]).rsplit("/", 1)[1]: int(str(r["n"])) for r in direct.to_records()}


def test_a_parameter_narrows_the_answer(demo_store):
    everyone = _rows(demo_store.query("who-funds-what"))
    one = _rows(demo_store.query("who-funds-what", funder_label="United States"))
    assert 0 < len(one) < len(everyone)
    assert all("United States" in r["funders"] for r in one)
    assert _rows(demo_store.query("who-funds-what", funder_label="nobody we know")) == []


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_runs_with_and_without_its_parameters(demo_store, name):
    text = named_queries()[name].read_text(encoding="utf-8")
    declared = re.findall(r"^# param: (\w+)", text, re.M)
    demo_store.query(name)
    if declared:
        demo_store.query(name, **{k: "Guatemala" for k in declared})
