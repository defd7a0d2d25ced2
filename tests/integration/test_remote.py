"""Remote stores: push to, build into and query a real `oxigraph serve` on a loopback port."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from _servers import BIN, REPO, free_port, kg, start, stop

TINY = REPO / "tests" / "data" / "tiny"
DOCS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?g { ?d a kg:Document } }"


@pytest.fixture()
def oxigraph_server(tmp_path: Path):
    exe = BIN / "oxigraph"
    if not exe.exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed; run 'make test-deps'")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start([str(exe), "serve", "--location", str(tmp_path / "oxdb"), "--bind", f"127.0.0.1:{port}"],
                 base + "/query?query=ASK%7B%7D")
    yield base
    stop(proc)


@pytest.fixture(scope="module")
def local_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("local") / "store"
    r = kg("build", str(TINY), "--store", str(store))
    assert r.returncode == 0, r.stderr
    return store


def count(endpoint: str) -> int:
    r = kg("query", "--endpoint", endpoint + "/query", DOCS, "--format", "csv")
    assert r.returncode == 0, r.stderr
    return int(r.stdout.splitlines()[1])


def test_push_then_query(local_store: Path, oxigraph_server: str) -> None:
    r = kg("push", "--store", str(local_store), "--endpoint", oxigraph_server + "/query")
    assert r.returncode == 0, r.stderr
    assert count(oxigraph_server) == 5
    again = kg("push", "--store", str(local_store), "--endpoint", oxigraph_server + "/query")
    assert "5 already there" in again.stderr  # resumable: documents already pushed are skipped


def test_build_straight_into_a_server(oxigraph_server: str, tmp_path: Path) -> None:
    r = kg("build", str(TINY), "--store", oxigraph_server + "/query")
    assert r.returncode == 0, r.stderr
    assert count(oxigraph_server) == 5
    r2 = kg("build", str(TINY), "--store", oxigraph_server + "/query")
    assert "unchanged 5" in r2.stderr
    q = kg("query", "--endpoint", oxigraph_server + "/query", "orgs-in-operations-at-place", "--format", "csv")
    assert q.returncode == 0, q.stderr


def test_remote_equals_local(local_store: Path, oxigraph_server: str, tmp_path: Path) -> None:
    """A build into the server holds the same document graphs as the local build."""
    import pyoxigraph as ox
    import urllib.request
    r = kg("build", str(TINY), "--store", oxigraph_server + "/query")
    assert r.returncode == 0, r.stderr
    local = ox.Store.read_only(str(local_store))
    q = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg/graph/') && ?g != <https://w3id.org/kg/graph/ontology>) }"
    mine = {(str(x["s"]), str(x["p"]), str(x["o"])) for x in local.query(q)}
    req = urllib.request.Request(oxigraph_server + "/query", data=q.encode(), method="POST",
                                 headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
    import json
    req.add_header("Accept", "application/sparql-results+json")
    rows = json.loads(urllib.request.urlopen(req, timeout=30).read())["results"]["bindings"]
    def term(b):
        if b["type"] == "uri":
            return f"<{b['value']}>"
        return str(ox.Literal(b["value"], datatype=ox.NamedNode(b["datatype"])) if "datatype" in b
                   else ox.Literal(b["value"], language=b["xml:lang"]) if "xml:lang" in b else ox.Literal(b["value"]))
    theirs = {(term(b["s"]), term(b["p"]), term(b["o"])) for b in rows}
    assert mine == theirs


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    port = free_port()
    r = kg("query", "--endpoint", f"http://127.0.0.1:{port}/query", DOCS)
    assert r.returncode == 2 and "[E055]" in r.stderr and "Traceback" not in r.stderr
