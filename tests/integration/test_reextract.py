"""A store that follows its extractor: documents extracted with other word lists (or another
kg or model) are extracted again by the next build, in place, and the store then equals a
fresh build; duplicates of stored documents are reported and recorded as further sources."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.api import open_store

from _servers import REPO

CORPUS = REPO / "examples" / "corpus"
# Words the sample corpus uses that the bundled word list does not count as operations.
NEW_TRIGGERS = "crackdown\tNOUN\tRaid\t0.7\nrescue\tVERB\tRaid\t0.6\nfight\tVERB\tRaid\t0.6\n"
SEIZURE = ("Peruvian police seize cocaine in Callao\n\n"
           "The Peruvian National Police (PNP) seized 2.1 tonnes of cocaine in the port of Callao, Peru, "
           "on March 4, 2023, Interior Minister Vicente Romero said.\n")


def kg(onto: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """`kg ARGS` with the ontology folder `onto` (KG_ONTOLOGY_DIR)."""
    env = {**os.environ, "KG_ONTOLOGY_DIR": str(onto), "KG_WORKERS": "1"}
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env=env)


def nquads(onto: Path, store: Path, out: Path) -> tuple[list[str], int]:
    """The store's N-Quads up to blank nodes: the sorted lines without one, and how many have one
    (blank nodes are only in the ontology graph, loaded afresh by every build)."""
    r = kg(onto, "export", "--store", str(store), "--format", "nq", "-o", str(out), "--force")
    assert r.returncode == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    return sorted(l for l in lines if "_:" not in l), sum("_:" in l for l in lines)


def summary(r: subprocess.CompletedProcess) -> str:
    return next(l for l in r.stderr.splitlines() if l.startswith("built "))


@pytest.fixture()
def ontologies(tmp_path: Path) -> tuple[Path, Path]:
    """Two copies of the ontology folder: as bundled, and with trigger words added to the lexicon."""
    old, new = tmp_path / "onto-old", tmp_path / "onto-new"
    shutil.copytree(REPO / "ontology", old)
    shutil.copytree(REPO / "ontology", new)
    with open(new / "lexicon" / "operations.tsv", "a", encoding="utf-8") as f:
        f.write(NEW_TRIGGERS)
    return old, new


def _retype_haitian_police(onto: Path) -> None:
    """An organisation's class changed: its description in the shared entities graph changes."""
    f = onto / "gazetteer" / "organizations.tsv"
    text = f.read_text(encoding="utf-8")
    assert "\tPoliceForce\tHT\t" in text
    f.write_text(text.replace("\tPoliceForce\tHT\t", "\tMilitaryUnit\tHT\t", 1), encoding="utf-8")


@pytest.mark.parametrize("edit", [
    pytest.param(None, id="trigger-words-added"),
    pytest.param(_retype_haitian_police, id="organisation-class-changed"),
])
def test_lexicon_change_then_build_equals_a_fresh_build(ontologies, tmp_path: Path, edit) -> None:
    old, new = ontologies
    corpus = CORPUS
    if edit is not None:
        shutil.rmtree(new)
        shutil.copytree(old, new)
        edit(new)
    store, fresh = tmp_path / "store", tmp_path / "fresh"
    r = kg(old, "build", str(corpus), "--store", str(store))
    assert r.returncode == 0, r.stderr
    n = int(summary(r).split()[1].rstrip(","))
    before = nquads(old, store, tmp_path / "before.nq")
    st = kg(new, "stats", "--store", str(store))
    assert f"stale: {n} " in st.stdout, st.stdout
    r = kg(new, "build", str(corpus), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert f"built 0, replaced 0, unchanged 0, skipped 0, failed 0, re-extracted {n}, duplicates 0" in r.stderr
    assert kg(new, "build", str(corpus), "--store", str(fresh)).returncode == 0
    after = nquads(new, store, tmp_path / "after.nq")
    assert after != before, "the new trigger words changed nothing: the test proves nothing"
    assert after == nquads(new, fresh, tmp_path / "fresh.nq")
    assert "stale: 0" in kg(new, "stats", "--store", str(store)).stdout
    again = kg(new, "build", str(corpus), "--store", str(store))
    assert f"unchanged {n}, skipped 0, failed 0, re-extracted 0" in again.stderr, again.stderr


def test_no_reextract_leaves_stale_documents_as_they_are(ontologies, tmp_path: Path) -> None:
    old, new = ontologies
    store = tmp_path / "store"
    assert kg(old, "build", str(CORPUS), "--store", str(store)).returncode == 0
    before = nquads(old, store, tmp_path / "before.nq")
    r = kg(new, "build", str(CORPUS), "--store", str(store), "--no-reextract")
    assert r.returncode == 0, r.stderr
    assert "re-extracted 0" in summary(r) and "stale" in r.stderr
    assert nquads(old, store, tmp_path / "after.nq") == before
    assert "stale: 0" not in kg(new, "stats", "--store", str(store)).stdout


def test_a_document_whose_file_is_gone_is_extracted_from_the_stored_text(ontologies, tmp_path: Path) -> None:
    """Stale documents no path names are extracted after the others: the same graph as a
    fresh build that read their files last (identity reasons depend on reading order)."""
    old, new = ontologies
    folder, late = tmp_path / "docs", tmp_path / "late"
    shutil.copytree(CORPUS, folder)
    late.mkdir()
    gone = late / "haiti_mss_2024.md"
    shutil.move(folder / gone.name, gone)
    store, fresh = tmp_path / "store", tmp_path / "fresh"
    assert kg(old, "build", str(folder), str(late), "--store", str(store)).returncode == 0
    assert kg(new, "build", str(folder), str(late), "--store", str(fresh)).returncode == 0
    gone.unlink()
    r = kg(new, "build", str(folder), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert "re-extracted 12" in summary(r), r.stderr
    assert nquads(new, store, tmp_path / "a.nq") == nquads(new, fresh, tmp_path / "b.nq")


def test_imported_graphs_are_left_alone(ontologies, tmp_path: Path) -> None:
    old, new = ontologies
    one = tmp_path / "one"
    one.mkdir()
    (one / "seizure.txt").write_text(SEIZURE, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    assert kg(old, "build", str(one), "--store", str(elsewhere)).returncode == 0
    ttl = tmp_path / "elsewhere.ttl"      # a graph of kg documents made elsewhere, merged in
    assert kg(old, "export", "--store", str(elsewhere), "--format", "turtle", "-o", str(ttl)).returncode == 0
    store = tmp_path / "store"
    assert kg(old, "import", str(ttl), "--store", str(store)).returncode == 0
    with open_store(store, read_only=True) as g:
        imported = sorted(str(q) for q in g.store.store)
    assert "stale: 0" in kg(new, "stats", "--store", str(store)).stdout
    r = kg(new, "build", str(one), "--store", str(store))
    assert "built 1, replaced 0, unchanged 0, skipped 0, failed 0, re-extracted 0" in r.stderr, r.stderr
    with open_store(store, read_only=True) as g:
        graphs = {q.graph_name.value for q in g.store.store}
        kept = sorted(str(q) for q in g.store.store if "/graph/import/" in q.graph_name.value)
    assert kept == [q for q in imported if "/graph/import/" in q]
    assert any("/graph/import/" in x for x in graphs)


@pytest.mark.parametrize("copy", [
    pytest.param(lambda t: t.encode("utf-16"), id="utf16-copy"),
    pytest.param(lambda t: t.encode("utf-8"), id="same-story-saved-twice"),
])
def test_a_duplicate_is_reported_and_recorded_as_a_further_source(ontologies, tmp_path: Path, copy) -> None:
    old, _ = ontologies
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(SEIZURE, encoding="utf-8")
    (folder / "b.txt").write_bytes(copy(SEIZURE))
    store = tmp_path / "store"
    r = kg(old, "build", str(folder), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert f"{folder / 'b.txt'}: duplicate of {folder / 'a.txt'}" in r.stderr.splitlines()
    assert "built 1, replaced 0, unchanged 0, skipped 0, failed 0, re-extracted 0, duplicates 1" in r.stderr
    with open_store(store, read_only=True) as g:
        rows = g.query("SELECT ?id ?src WHERE { ?d a kg:Document ; dcterms:identifier ?id ; dcterms:source ?src }").rows
        ok, report = g.validate()
    assert sorted(rows) == [["a.txt", str(folder / "a.txt")], ["a.txt", str(folder / "b.txt")]]
    assert ok, report
    r = kg(old, "build", str(folder), "--store", str(store))
    assert "unchanged 2, skipped 0, failed 0, re-extracted 0, duplicates 0" in r.stderr, r.stderr
    (folder / "c.txt").write_text(SEIZURE, encoding="utf-8")      # a third copy, in a later build
    r = kg(old, "build", str(folder), "--store", str(store))
    assert f"{folder / 'c.txt'}: duplicate of {folder / 'a.txt'}" in r.stderr.splitlines()
    assert "built 0, replaced 0, unchanged 2, skipped 0, failed 0, re-extracted 0, duplicates 1" in r.stderr


def test_a_copy_that_changed_is_no_longer_a_source(ontologies, tmp_path: Path) -> None:
    old, _ = ontologies
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(SEIZURE, encoding="utf-8")
    (folder / "b.txt").write_text(SEIZURE, encoding="utf-8")
    store = tmp_path / "store"
    assert kg(old, "build", str(folder), "--store", str(store)).returncode == 0
    (folder / "b.txt").write_text(SEIZURE.replace("2.1 tonnes", "3.4 tonnes"), encoding="utf-8")
    r = kg(old, "build", str(folder), "--store", str(store))
    assert "built 1, replaced 0, unchanged 1" in r.stderr, r.stderr
    with open_store(store, read_only=True) as g:
        rows = g.query("SELECT ?id ?src WHERE { ?d a kg:Document ; dcterms:identifier ?id ; dcterms:source ?src }").rows
    assert sorted(rows) == [["a.txt", str(folder / "a.txt")], ["b.txt", str(folder / "b.txt")]]


def _counts(store: Path, fingerprint: str) -> tuple[int, int]:
    """(documents, documents with `fingerprint`) in a store another process is writing."""
    import pyoxigraph as ox
    try:
        s = ox.Store.read_only(str(store))
    except (OSError, RuntimeError):
        return 0, 0
    q = ("SELECT ?d ?fp WHERE { GRAPH ?g { ?d a <https://w3id.org/kg/ontology#Document> ; "
         "<https://w3id.org/kg/ontology#dataFingerprint> ?fp } }")
    rows = [(r["d"].value, r["fp"].value) for r in s.query(q)]
    return len(rows), sum(fp == fingerprint for _, fp in rows)


def test_reextraction_killed_with_sigkill_recovers_to_a_fresh_build(ontologies, tmp_path: Path) -> None:
    from kg.extractor import data_fingerprint
    old, new = ontologies
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(4):
        for p in sorted(CORPUS.glob("*.txt")):
            (folder / f"{i:02d}-{p.name}").write_text(p.read_text(encoding="utf-8") + f"\n\n(copy {i})\n",
                                                      encoding="utf-8")
    n = len(list(folder.iterdir()))
    store, fresh = tmp_path / "store", tmp_path / "fresh"
    assert kg(old, "build", str(folder), "--store", str(store)).returncode == 0
    assert kg(new, "build", str(folder), "--store", str(fresh)).returncode == 0
    fp = data_fingerprint(new)
    env = {**os.environ, "KG_ONTOLOGY_DIR": str(new), "KG_DOCS_PER_TASK": "2", "KG_WORKERS": "2"}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(folder), "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, env=env)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and _counts(store, fp)[1] < 3 and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    total, renewed = _counts(store, fp)
    assert total == n, "a document went missing: its old graph was removed without the new one"
    assert 0 < renewed < n, "the build was not killed mid-way"
    with open_store(store, read_only=True) as g:   # every document whole: one record, its mentions
        rows = g.query("SELECT ?d (COUNT(DISTINCT ?fp) AS ?f) (COUNT(DISTINCT ?m) AS ?k) WHERE { ?d a kg:Document ; "
                       "kg:dataFingerprint ?fp . OPTIONAL { ?m nif:referenceContext ?d } } GROUP BY ?d").rows
    assert len(rows) == n and all(int(f) == 1 and int(k) > 0 for _, f, k in rows)
    r = kg(new, "build", str(folder), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert f"re-extracted {n - renewed}" in summary(r), r.stderr
    assert nquads(new, store, tmp_path / "a.nq") == nquads(new, fresh, tmp_path / "b.nq")
