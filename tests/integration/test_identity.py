"""Identity across documents: institutions with generic names stay with their country.

Articles written for this test: three countries, each with its own Public Ministry, Navy
and U.S. Embassy, built into one store."""
from __future__ import annotations

import pytest

import kg

ARTICLES = {
    "gt.txt": "Guatemala police seize cocaine\n\nGUATEMALA CITY - The Public Ministry said on Monday that the "
              "National Civil Police seized 300 kilograms of cocaine in Escuintla. The U.S. Embassy praised the "
              "operation. The Navy patrolled the coast.\n",
    "hn.txt": "Honduras arrests\n\nTEGUCIGALPA - The Public Ministry said police arrested four men in Choluteca. "
              "The U.S. Embassy in Tegucigalpa offered support. The Navy seized a boat near La Ceiba.\n",
    "pe.txt": "Peru raid\n\nLIMA - Peru's Public Ministry opened an investigation after the National Police "
              "raided a farm in Junín. The U.S. Embassy in Lima said it had trained the officers. The Navy "
              "of Peru also took part.\n",
    "gt2.txt": "Guatemala extradition\n\nGUATEMALA CITY - The Public Ministry of Guatemala said the Navy "
               "detained a suspect in Puerto Barrios. The United States Government asked for his extradition.\n",
}

ORGS = """SELECT ?e ?l WHERE { ?e a kg:Organization ; skos:prefLabel ?l }"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-countries")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with kg.build(folder, store=folder / "store", workers=1) as g:
        assert g.report.ok, g.report.failed
        yield g


def _iris(graph, word: str) -> set[str]:
    rows = graph.query(ORGS).to_records()
    return {r["e"] for r in rows if word.lower() in r["l"].lower()}


@pytest.mark.parametrize("word, countries", [
    ("Public Ministry", 3),     # Guatemala (twice, one node), Honduras, Peru
    ("Embassy", 3),             # the U.S. embassies in Guatemala, Honduras and Peru
    ("Navy", 3),
])
def test_generic_institutions_of_different_countries_are_different_nodes(graph, word, countries):
    assert len(_iris(graph, word)) == countries, sorted(_iris(graph, word))


def test_the_same_institution_in_two_articles_of_one_country_is_one_node(graph):
    ministries = _iris(graph, "Public Ministry")
    gt = [i for i in ministries if i.endswith("-gt")]
    assert len(gt) == 1, sorted(ministries)
