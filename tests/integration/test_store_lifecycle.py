"""A store that lives: idempotent and incremental builds, replacement, removal,
one writer at a time, and recovery from a build killed with SIGKILL."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.api import open_store

from _servers import REPO, kg

CORPUS = REPO / "examples" / "corpus"

SEIZURE = ("Peruvian police seize cocaine in Callao\n\n"
           "The Peruvian National Police (PNP) seized 2.1 tonnes of cocaine in the port of Callao, Peru, "
           "on March 4, 2023, Interior Minister Vicente Romero said.\n")
SEIZURE_CHANGED = SEIZURE.replace("2.1 tonnes", "3.4 tonnes")
DONATION = ("Japan donates patrol boats to the Philippine Coast Guard\n\n"
            "The Government of Japan donated two patrol boats to the Philippine Coast Guard (PCG) "
            "in Manila, Philippines, on May 2, 2022.\n")


def nt_export(store: Path, out: Path) -> bytes:
    r = kg("export", "--store", str(store), "--format", "nt", "-o", str(out), "--force")
    assert r.returncode == 0, r.stderr
    return out.read_bytes()


def labels(store: Path) -> set[str]:
    with open_store(store, read_only=True) as g:
        t = g.query("SELECT DISTINCT ?l WHERE { VALUES ?t { kg:Person kg:Organization } ?e a ?t ; skos:prefLabel ?l }")
    return {r[0] for r in t.rows}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    (d / "seizure.txt").write_text(SEIZURE, encoding="utf-8")
    (d / "donation.txt").write_text(DONATION, encoding="utf-8")
    return d


@pytest.mark.parametrize("runs", [2])
def test_build_twice_is_identical(folder: Path, tmp_path: Path, runs: int) -> None:
    store = tmp_path / "store"
    outs = []
    for i in range(runs):
        r = kg("build", str(folder), "--store", str(store))
        assert r.returncode == 0, r.stderr
        outs.append(nt_export(store, tmp_path / f"out{i}.nt"))
    assert "unchanged 2" in r.stderr
    assert outs[0] == outs[1]


def test_changed_document_replaces_its_contribution(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert kg("build", str(folder), "--store", str(store)).returncode == 0
    (folder / "seizure.txt").write_text(SEIZURE_CHANGED, encoding="utf-8")
    r = kg("build", str(folder), "--store", str(store))
    assert r.returncode == 0 and "replaced 1" in r.stderr, r.stderr
    with open_store(store, read_only=True) as g:
        docs = g.query("SELECT ?id WHERE { ?d a kg:Document ; dcterms:identifier ?id }").rows
        quotes = g.query("SELECT ?q WHERE { ?e kg:quote ?q }").rows
    assert sorted(r[0] for r in docs) == ["donation.txt", "seizure.txt"]
    assert not any("2.1 tonnes" in q[0] for q in quotes)


def test_remove_takes_out_document_and_its_entities(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert kg("build", str(folder), "--store", str(store)).returncode == 0
    before = labels(store)
    assert any("Coast Guard" in l for l in before)
    r = kg("remove", "donation.txt", "--store", str(store))
    assert r.returncode == 0, r.stderr
    after = labels(store)
    assert not any("Coast Guard" in l for l in after)
    assert any("Peruvian National Police" in l or "PNP" in l for l in after)
    # only the other document's contribution is left: equal to a build of that document alone
    alone = tmp_path / "alone"
    (tmp_path / "one").mkdir()
    shutil.copy(folder / "seizure.txt", tmp_path / "one" / "seizure.txt")
    assert kg("build", str(tmp_path / "one"), "--store", str(alone)).returncode == 0
    def lines(data: bytes) -> set[bytes]:  # the source path differs, nothing else may
        return {l for l in data.splitlines() if b"/dc/terms/source>" not in l}
    assert lines(nt_export(store, tmp_path / "a.nt")) == lines(nt_export(alone, tmp_path / "b.nt"))


@pytest.mark.parametrize("missing", ["nothing-here.txt"])
def test_remove_unknown_document_is_a_clear_error(folder: Path, tmp_path: Path, missing: str) -> None:
    store = tmp_path / "store"
    assert kg("build", str(folder), "--store", str(store)).returncode == 0
    r = kg("remove", missing, "--store", str(store))
    assert r.returncode == 2 and "[E056]" in r.stderr and missing in r.stderr
    assert "Traceback" not in r.stderr


def test_one_writer_at_a_time(folder: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time\nfrom kg.graph.store import KgStore\n"
                               f"s = KgStore({str(store)!r})\nprint('open', flush=True)\ntime.sleep(60)"],
                              stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "open"
        r = kg("build", str(folder), "--store", str(store))
        assert r.returncode == 2
        assert "[E051]" in r.stderr and "another kg process is writing" in r.stderr
    finally:
        holder.kill()
        holder.wait()


def _many(tmp_path: Path, copies: int) -> Path:
    d = tmp_path / "many"
    d.mkdir()
    texts = sorted(p for p in CORPUS.glob("*.txt"))
    for i in range(copies):
        for p in texts:
            (d / f"{i:02d}-{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n\n(copy {i})\n",
                                                 encoding="utf-8")
    return d


def _doc_count(store: Path) -> int:
    import pyoxigraph as ox
    try:
        s = ox.Store.read_only(str(store))
    except (OSError, RuntimeError):     # not created yet, or being created
        return 0
    return len(list(s.query("SELECT ?d WHERE { GRAPH ?g { ?d a <https://w3id.org/kg/ontology#Document> } }")))


def test_build_killed_with_sigkill_recovers_to_the_same_graph(tmp_path: Path) -> None:
    folder = _many(tmp_path, 4)
    n_docs = len(list(folder.iterdir()))
    reference = tmp_path / "reference"
    assert kg("build", str(folder), "--store", str(reference)).returncode == 0
    store = tmp_path / "store"
    # two documents per task and per write: the kill lands between writes, with workers running
    env = {**os.environ, "KG_DOCS_PER_TASK": "2", "KG_WORKERS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(folder), "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _doc_count(store) < 3 and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _doc_count(store)
    assert 0 < partial < n_docs, f"the build was not killed mid-way ({partial} of {n_docs})"
    # the store opens and holds only whole documents: each stored document has its mentions
    with open_store(store, read_only=True) as g:
        rows = g.query("SELECT ?d (COUNT(?m) AS ?n) WHERE { ?d a kg:Document . "
                       "OPTIONAL { ?m nif:referenceContext ?d } } GROUP BY ?d").rows
    assert len(rows) == partial and all(int(n) > 0 for _, n in rows)
    r = kg("build", str(folder), "--store", str(store))
    assert r.returncode == 0, r.stderr
    a = nt_export(store, tmp_path / "a.nt")
    b = nt_export(reference, tmp_path / "b.nt")
    assert hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest()
