"""`kg build` links entities to Wikidata and GeoNames from the bundled gazetteer; `--no-link`
turns every link off. Nothing is looked up on the network (the session guard would fail it)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"

SAME_AS = "SELECT ?label ?o WHERE { ?e owl:sameAs ?o ; skos:prefLabel ?label }"


def _links(g) -> set[tuple[str, str]]:
    return {(r["label"], r["o"]) for r in g.query(SAME_AS).to_records()}


@pytest.mark.parametrize("label,target", [
    ("Honduras", "http://www.wikidata.org/entity/Q783"),
    ("Honduras", "https://sws.geonames.org/3608932/"),
    ("Haiti", "http://www.wikidata.org/entity/Q790"),
    ("Port-au-Prince", "https://sws.geonames.org/3718426/"),
])
def test_linking_demo_store_has_links(demo_store, label, target):
    assert (label, target) in _links(demo_store)


def test_linking_every_link_is_wikidata_or_geonames(demo_store):
    targets = {o for _, o in _links(demo_store)}
    assert targets and all(o.startswith(("http://www.wikidata.org/entity/Q", "https://sws.geonames.org/"))
                           for o in targets)


@pytest.mark.parametrize("label,qid", [("Drug Enforcement Administration", "Q622899")])
def test_linking_organisations_to_wikidata(demo_store, label, qid):
    assert (label, f"http://www.wikidata.org/entity/{qid}") in _links(demo_store)


@pytest.mark.parametrize("flags,linked", [([], True), (["--no-link"], False)])
def test_linking_cli_switch(tmp_path, kg_cmd, flags, linked):
    """The default build links; `--no-link` leaves no owl:sameAs, kg:geonamesId or coordinates."""
    import kg
    store = tmp_path / "store"
    run = subprocess.run([*kg_cmd, "build", str(CORPUS / "haiti_mss_2024.md"), "--store", str(store), *flags],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    with kg.open_store(store, read_only=True) as g:
        n = g.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/kg/graph/gazetteer> { ?s ?p ?o } "
                    "FILTER (?p IN (owl:sameAs, kg:geonamesId, geo:lat, geo:long)) }").rows[0][0]
        assert (int(n) > 0) is linked, n
        assert (("Haiti", "http://www.wikidata.org/entity/Q790") in _links(g)) is linked


def test_linking_api_switch(tmp_path):
    """`kg.build(..., link=False)` is the Python form of `--no-link`."""
    import kg
    with kg.build(CORPUS / "haiti_mss_2024.md", store=tmp_path / "store", link=False) as g:
        assert g.settings.link is False
        assert _links(g) == set()
