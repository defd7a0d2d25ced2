"""Fixtures for the robustness tests: a baseline store built once per module by the
real CLI from two tiny documents, and a fresh copy of it for each test."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from _robust import Fingerprint, Run, fingerprint, run_kg, write_news


@dataclass
class Baseline:
    work: Path           # the folder `kg build news --store store` ran in
    folder: str          # "news", relative to `work` (document sources are relative paths)
    store: Path
    fp: Fingerprint
    run: Run


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Baseline:
    work = tmp_path_factory.mktemp("baseline")
    write_news(work / "news")
    run = run_kg("build", "news", "--store", "store", cwd=work)
    assert run.returncode == 0, run.stderr
    assert run.summary()["built"] == 2, run.stderr
    return Baseline(work, "news", work / "store", fingerprint(work / "store"), run)


@pytest.fixture
def store_copy(baseline, tmp_path) -> Path:
    """A private copy of the baseline store (same fingerprint)."""
    dst = tmp_path / "store"
    shutil.copytree(baseline.store, dst)
    return dst
