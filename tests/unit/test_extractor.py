"""The extractor record: what decides that a stored document is stale."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.extractor import Extractor, current_extractor, data_fingerprint

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"


@pytest.fixture()
def onto(tmp_path: Path) -> Path:
    d = tmp_path / "onto"
    shutil.copytree(ONTOLOGY, d)
    return d


@pytest.mark.parametrize("edit, changes", [
    ("lexicon/operations.tsv", True),
    ("gazetteer/organizations.tsv", True),
    ("kg.ttl", True),
    ("README.md", False),
    ("queries/leaders.rq", False),
])
def test_data_fingerprint_follows_the_files_extraction_reads(onto: Path, edit: str, changes: bool) -> None:
    before = data_fingerprint(onto)
    assert before == data_fingerprint(ONTOLOGY), "a copy of the folder has another fingerprint"
    with open(onto / edit, "a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    assert (data_fingerprint(onto) != before) is changes


@pytest.mark.parametrize("model", ["en_core_web_sm"])
def test_current_extractor_names_the_model_that_loads(model: str, nlp) -> None:
    x = current_extractor(model, ONTOLOGY)
    assert (x.model_name, x.model_version) == (f"{nlp.meta['lang']}_{nlp.meta['name']}", nlp.meta["version"])
    assert x.differences(x) == []
    assert x.differences(None) == ["no extractor record"]


@pytest.mark.parametrize("other, said", [
    (Extractor("0.0.9", "en_core_web_sm", "3.8.0", "sha256:aa"), "kg version 0.0.9 instead of 0.1.0"),
])
def test_differences_say_what_differs(other: Extractor, said: str) -> None:
    assert Extractor("0.1.0", "en_core_web_sm", "3.8.0", "sha256:aa").differences(other) == [said]
