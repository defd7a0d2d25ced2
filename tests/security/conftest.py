"""Fixtures for the security tests: a baseline store built once per module by the
real CLI from two tiny documents, and a loopback server that records requests."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from _secure import DONATION, SEIZURE, Recorder, fingerprint, run_kg


@dataclass
class Baseline:
    work: Path
    store: Path
    fp: tuple[int, str]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Baseline:
    work = tmp_path_factory.mktemp("sec-baseline")
    (work / "news").mkdir()
    (work / "news" / "seizure.txt").write_text(SEIZURE, encoding="utf-8")
    (work / "news" / "donation.txt").write_text(DONATION, encoding="utf-8")
    run = run_kg("build", "news", "--store", "store", cwd=work)
    assert run.returncode == 0 and "built 2," in run.stderr, run.stderr
    return Baseline(work, work / "store", fingerprint(work / "store"))


@pytest.fixture
def ro_store(baseline):
    """The baseline store opened read-only in this process."""
    from kg.graph.store import KgStore
    with KgStore(baseline.store, read_only=True) as st:
        yield st


@pytest.fixture(scope="module")
def recorder():
    r = Recorder()
    yield r
    r.close()
