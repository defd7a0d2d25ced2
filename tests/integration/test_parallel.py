"""Extraction in several processes and on a Dask LocalCluster gives the same graph as in
one process: identity, IRIs and writing stay with the single writer, in document order."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from benchmarks.corpus import write_corpus  # noqa: E402  (the benchmark's article generator)


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    write_corpus(folder, 24, seed=5)
    return folder


def _build(folder, store, **settings) -> list[str]:
    import kg
    g = kg.build(folder, store=store, docs_per_task=4, **settings)
    try:
        assert g.report.ok, g.report.failed
        assert len(g.report.built) == 24
        from kg.graph.store import ONTOLOGY_GRAPH
        # the ontology graph is the same file loaded each time (with fresh blank nodes)
        return sorted(str(q) for q in g.store.store.quads_for_pattern(None, None, None, None)
                      if q.graph_name.value != ONTOLOGY_GRAPH)
    finally:
        g.close()


@pytest.fixture(scope="module")
def one_process(articles, tmp_path_factory):
    return _build(articles, tmp_path_factory.mktemp("w1") / "store", workers=1)


def test_two_processes_give_the_same_graph(articles, one_process, tmp_path):
    assert _build(articles, tmp_path / "store", workers=2) == one_process


_BUILD_AND_PRINT = """
import sys
sys.path.insert(0, sys.argv[3])
from tests.integration.test_parallel import _build
print("\\n".join(_build(sys.argv[1], sys.argv[2], workers=1)))
"""


@pytest.mark.parametrize("seed", ["0", "12345"])
def test_a_fresh_interpreter_gives_the_same_graph(articles, one_process, tmp_path, seed):
    """Builds are deterministic across processes: string hashing (PYTHONHASHSEED) and
    object addresses (hash(None)) differ from one interpreter to the next, and no
    set's iteration order may reach the graph."""
    import os
    import subprocess
    out = subprocess.run([sys.executable, "-c", _BUILD_AND_PRINT, str(articles), str(tmp_path / "store"), str(REPO)],
                         capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed})
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.splitlines() == one_process


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_graph(articles, one_process, tmp_path):
    pytest.importorskip("dask.distributed")
    assert _build(articles, tmp_path / "store", workers=2, dask="local") == one_process


def test_unreachable_scheduler_is_a_coded_error(articles, tmp_path):
    pytest.importorskip("dask.distributed")
    import kg
    from kg.errors import ClusterError
    with pytest.raises(ClusterError, match=r"\[E061\].*127\.0\.0\.1:9"):
        kg.build(articles, store=tmp_path / "store", dask="tcp://127.0.0.1:9", docs_per_task=4)


def test_cli_build_with_workers(kg_cmd, articles, tmp_path):
    import subprocess
    r = subprocess.run([*kg_cmd, "build", str(articles), "--store", str(tmp_path / "s"), "--workers", "2"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert "built 24, replaced 0, unchanged 0" in r.stderr
