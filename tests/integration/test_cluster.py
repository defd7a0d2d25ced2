"""Builds on a real Dask cluster: a scheduler and workers started as separate processes on
loopback (benchmarks.cluster.LoopbackCluster), a few hundred generated articles, and the
failures a cluster has: a worker killed mid-build, a worker joining mid-build, the
scheduler lost mid-build. Each build must give the graph a one-process build gives."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from benchmarks.cluster import LoopbackCluster  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402

N_DOCS = 240
DOCS_PER_TASK = "6"        # 40 tasks: every failure lands mid-build
BUILD_TIMEOUT = 600


def kg_build(folder: Path, store: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "KG_DOCS_PER_TASK": DOCS_PER_TASK}
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(folder), "--store", str(store), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    _, err = proc.communicate(timeout=BUILD_TIMEOUT)
    return proc.returncode, err


def nquads(store: Path, out: Path) -> list[str]:
    """The store's N-Quads, sorted, up to blank nodes (only the ontology graph has them)."""
    r = subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(store), "--format", "nq",
                        "-o", str(out), "--force"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert r.returncode == 0, r.stderr
    return sorted(l for l in out.read_text(encoding="utf-8").splitlines() if "_:" not in l)


def stored_documents(store: Path) -> list[tuple[str, int]]:
    """(document, mentions) of every stored document, read while another process may write."""
    import pyoxigraph as ox
    try:
        s = ox.Store.read_only(str(store))
    except (OSError, RuntimeError):
        return []
    q = ("SELECT ?d (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?d a <https://w3id.org/kg/ontology#Document> } "
         "OPTIONAL { GRAPH ?g { ?m <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> ?d } } }"
         " GROUP BY ?d")
    return [(r["d"].value, int(r["n"].value)) for r in s.query(q)]


def wait_for_documents(store: Path, n: int, proc: subprocess.Popen, seconds: float = 300) -> int:
    """Wait until the build has written at least `n` documents (or ended); return how many."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        have = len(stored_documents(store))
        if have >= n:
            return have
        time.sleep(0.1)
    return len(stored_documents(store))


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    write_corpus(folder, N_DOCS, seed=17)
    return folder


@pytest.fixture(scope="module")
def one_process(articles, tmp_path_factory) -> list[str]:
    """The graph of a build in one process: what every cluster build must give."""
    store = tmp_path_factory.mktemp("one") / "store"
    code, err = finish(kg_build(articles, store, "--workers", "1"))
    assert code == 0, err
    return nquads(store, store.parent / "one.nq")


@pytest.fixture()
def cluster(tmp_path):
    with LoopbackCluster(tmp_path / "dask-logs") as c:
        c.start_scheduler()
        yield c


@pytest.mark.parametrize("workers", [2])
def test_separately_started_workers_give_the_one_process_graph(articles, one_process, cluster, tmp_path, workers):
    for i in range(workers):
        cluster.add_worker(f"w{i + 1}")
    cluster.wait_for_workers(workers)
    code, err = finish(kg_build(articles, tmp_path / "store", "--dask", cluster.address))
    assert code == 0, err
    assert f"built {N_DOCS}, replaced 0, unchanged 0, skipped 0, failed 0" in err
    assert all(n > 0 for n in cluster.executed().values()), "a worker was given nothing"
    assert nquads(tmp_path / "store", tmp_path / "out.nq") == one_process


def test_a_worker_killed_mid_build_loses_nothing(articles, one_process, cluster, tmp_path):
    w1, w2 = cluster.add_worker("w1"), cluster.add_worker("w2")
    cluster.wait_for_workers(2)
    store = tmp_path / "store"
    build = kg_build(articles, store, "--dask", cluster.address)
    written = wait_for_documents(store, 12, build)
    assert written < N_DOCS and build.poll() is None, "the build ended before the worker was killed"
    cluster.kill(w2)
    code, err = finish(build)
    assert code == 0, err
    assert f"built {N_DOCS}, replaced 0, unchanged 0, skipped 0, failed 0" in err
    assert w1.poll() is None and w2.poll() is not None
    assert nquads(store, tmp_path / "out.nq") == one_process       # nothing lost, nothing twice


def test_a_worker_added_mid_build_is_used(articles, one_process, cluster, tmp_path):
    cluster.add_worker("w1")
    cluster.wait_for_workers(1)
    store = tmp_path / "store"
    build = kg_build(articles, store, "--dask", cluster.address)
    written = wait_for_documents(store, 6, build)
    assert written < N_DOCS and build.poll() is None, "the build ended before the second worker came"
    cluster.add_worker("w2")
    code, err = finish(build)
    assert code == 0, err
    assert cluster.executed().get("w2", 0) > 0, "the worker that joined mid-build ran no task"
    assert nquads(store, tmp_path / "out.nq") == one_process


def test_scheduler_lost_mid_build_is_a_coded_error_and_the_next_build_completes(articles, one_process, cluster,
                                                                                  tmp_path):
    cluster.add_worker("w1")
    cluster.add_worker("w2")
    cluster.wait_for_workers(2)
    store = tmp_path / "store"
    build = kg_build(articles, store, "--dask", cluster.address)
    written = wait_for_documents(store, 12, build)
    assert written < N_DOCS and build.poll() is None, "the build ended before the scheduler was killed"
    cluster.kill(cluster.scheduler)
    code, err = finish(build)
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("[E062] ") and cluster.address in lines[0], err
    docs = stored_documents(store)
    assert 0 < len(docs) < N_DOCS and all(n > 0 for _, n in docs), "the store holds a partial document"
    code, err = finish(kg_build(articles, store, "--workers", "1"))
    assert code == 0, err
    assert f"built {N_DOCS - len(docs)}, replaced 0, unchanged {len(docs)}" in err
    assert nquads(store, tmp_path / "out.nq") == one_process
