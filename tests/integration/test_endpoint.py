"""`kg serve`: the SPARQL 1.1 Protocol over a real server process on a loopback port."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from _servers import REPO, free_port, kg, start, stop

COUNT = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(base URL, server process) of a `kg serve` on the tiny corpus, 2 s query limit."""
    store = tmp_path_factory.mktemp("serve") / "store"
    r = kg("build", str(REPO / "tests" / "data" / "tiny"), "--store", str(store))
    assert r.returncode == 0, r.stderr
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                  "--timeout", "2", "--cors", "*", "--workers", "3"], base + "/sparql?query=ASK%7B%7D")
    yield base, proc
    stop(proc)


@pytest.fixture(scope="module")
def endpoint(server):
    return server[0]


def get(base: str, query: str, accept: str = "", path: str = "/sparql") -> tuple[int, dict, bytes]:
    url = f"{base}{path}?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def post(base: str, body: bytes, ctype: str | None, accept: str = "", method: str = "POST",
         query: str = "") -> tuple[int, bytes]:
    headers = {**({"Content-Type": ctype} if ctype else {}), **({"Accept": accept} if accept else {})}
    req = urllib.request.Request(base + "/sparql" + query, data=body, method=method, headers=headers)
    if ctype is None:       # urllib adds a form media type to every POST unless told otherwise
        req.add_unredirected_header("Content-Type", "")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def rows(body: bytes) -> list[dict]:
    return json.loads(body)["results"]["bindings"]


@pytest.mark.parametrize("accept,check", [
    ("application/sparql-results+json", lambda b: json.loads(b)["results"]["bindings"][0]["n"]["value"] == "5"),
    ("application/sparql-results+xml", lambda b: b"<sparql" in b and b">5<" in b),
    ("text/csv", lambda b: list(csv.reader(io.StringIO(b.decode())))[1] == ["5"]),
    ("text/tab-separated-values", lambda b: b.decode().splitlines()[1].startswith("5")),
])
def test_select_in_each_result_format(endpoint, accept, check) -> None:
    status, headers, body = get(endpoint, COUNT, accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert check(body)
    assert headers.get("Access-Control-Allow-Origin") == "*"


@pytest.mark.parametrize("accept,marker", [("text/turtle", b"kg:Document"), ("application/n-triples", b"<https://w3id.org/kg/ontology#Document>"),
                                           ("application/ld+json", b"@id")])
def test_construct_by_content_negotiation(endpoint, accept, marker) -> None:
    q = "CONSTRUCT { ?d a kg:Document } WHERE { ?d a kg:Document }"
    status, headers, body = get(endpoint, q, accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert marker in body or (accept == "text/turtle" and b"ontology#Document" in body)


@pytest.mark.parametrize("ctype", ["application/sparql-query", "application/x-www-form-urlencoded"])
def test_post_query(endpoint, ctype) -> None:
    body = COUNT.encode() if ctype == "application/sparql-query" else urllib.parse.urlencode({"query": COUNT}).encode()
    status, data = post(endpoint, body, ctype, "application/sparql-results+json")
    assert status == 200 and json.loads(data)["results"]["bindings"][0]["n"]["value"] == "5"


@pytest.mark.parametrize("body,ctype", [
    (b"DROP ALL", "application/sparql-update"),
    (urllib.parse.urlencode({"update": "DROP ALL"}).encode(), "application/x-www-form-urlencoded"),
])
def test_updates_are_forbidden(endpoint, body, ctype) -> None:
    status, _ = post(endpoint, body, ctype)
    assert status == 403
    assert get(endpoint, COUNT, "text/csv")[2].decode().splitlines()[1] == "5"


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICE<http://127.0.0.1:1/> { ?s ?p ?o } }",
])
def test_service_is_refused(endpoint, query) -> None:
    status, _, body = get(endpoint, query)
    assert status == 400 and b"[E070]" in body


@pytest.mark.parametrize("query", [
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_from_names_graphs_of_the_store_and_reads_nothing_else(endpoint, query) -> None:
    status, _, body = get(endpoint, query, "application/sparql-results+json")
    assert status == 200 and rows(body) == []


def _graphs(endpoint) -> list[str]:
    q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d a kg:Document } } ORDER BY ?g"
    return [r["g"]["value"] for r in rows(get(endpoint, q, "application/sparql-results+json")[2])]


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri", "FROM", "FROM NAMED"])
def test_dataset_named_by_the_request_is_the_dataset_queried(endpoint, param) -> None:
    graphs = _graphs(endpoint)
    assert len(graphs) == 5
    g1 = graphs[1]
    if param in ("FROM", "FROM NAMED"):
        q = f"SELECT ?d ?g {param} <{g1}> WHERE {{ {{ ?d a kg:Document }} UNION {{ GRAPH ?g {{ ?d a kg:Document }} }} }}"
        url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": q})
    else:
        q = "SELECT ?d ?g WHERE { { ?d a kg:Document } UNION { GRAPH ?g { ?d a kg:Document } } }"
        url = f"{endpoint}/sparql?" + urllib.parse.urlencode({"query": q, param: g1})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"})) as r:
        found = rows(r.read())
    assert len(found) == 1
    if param in ("named-graph-uri", "FROM NAMED"):
        assert found[0]["g"]["value"] == g1          # only through GRAPH: the default graph is empty
    else:
        assert "g" not in found[0]


def test_protocol_dataset_wins_over_from(endpoint) -> None:
    g0, g1 = _graphs(endpoint)[:2]
    q = f"SELECT ?d FROM <{g0}> WHERE {{ ?d a kg:Document }}"
    status, body = post(endpoint, q.encode(), "application/sparql-query", "application/json",
                        query="?" + urllib.parse.urlencode({"default-graph-uri": g1}))
    one = rows(get(endpoint, f"SELECT ?d WHERE {{ GRAPH <{g1}> {{ ?d a kg:Document }} }}", "application/json")[2])
    assert status == 200 and rows(body) == one and len(one) == 1


def test_relative_iris_resolve_against_the_service(endpoint) -> None:
    status, _, body = get(endpoint, "SELECT ?x WHERE { BIND(<thing> AS ?x) }", "application/json")
    assert status == 200 and rows(body)[0]["x"]["value"] == endpoint + "/thing"


@pytest.mark.parametrize("case,status,code", [
    ("two query parameters", 400, b"[E077]"),
    ("query in the body and the URL", 400, b"[E077]"),
    ("text/plain body", 415, b"[E078]"),
    ("no content type", 415, b"[E078]"),
    ("UTF-16 charset", 415, b"[E078]"),
    ("body not UTF-8", 400, b"[E079]"),
    ("dataset IRI not absolute", 400, b"[E077]"),
    ("empty query", 400, b"[E075]"),
])
def test_bad_requests_get_coded_4xx(endpoint, case, status, code) -> None:
    ask = b"ASK {}"
    got, body = {
        "two query parameters": lambda: _raw_get(endpoint, "?query=ASK%20%7B%7D&query=SELECT%20*%20%7B%7D"),
        "query in the body and the URL": lambda: post(endpoint, ask, "application/sparql-query", query="?query=ASK%7B%7D"),
        "text/plain body": lambda: post(endpoint, ask, "text/plain"),
        "no content type": lambda: post(endpoint, b"query=ASK%20%7B%7D", None),
        "UTF-16 charset": lambda: post(endpoint, "ASK {}".encode("utf-16"), "application/sparql-query; charset=UTF-16"),
        "body not UTF-8": lambda: post(endpoint, "ASK { ?s ?p 'caf\u00e9' }".encode("latin-1"), "application/sparql-query"),
        "dataset IRI not absolute": lambda: _raw_get(endpoint, "?query=ASK%7B%7D&default-graph-uri=not%20an%20iri"),
        "empty query": lambda: _raw_get(endpoint, "?query="),
    }[case]()
    assert got == status and code in body


def _raw_get(endpoint, query_string: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(endpoint + "/sparql" + query_string, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_get_405_with_allow(endpoint, method) -> None:
    req = urllib.request.Request(endpoint + "/sparql?query=ASK%7B%7D", data=b"", method=method)
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(req, timeout=30)
    assert info.value.code == 405 and b"[E078]" in info.value.read()
    assert set(info.value.headers["Allow"].replace(" ", "").split(",")) == {"GET", "POST", "OPTIONS"}


def test_runaway_query_times_out_while_others_are_served(endpoint) -> None:
    with ThreadPoolExecutor(4) as pool:
        slow = pool.submit(get, endpoint, SLOW)
        fast = [pool.submit(get, endpoint, COUNT, "text/csv") for _ in range(3)]
        assert all(f.result()[0] == 200 for f in fast)
        status, _, body = slow.result()
    assert status == 503 and b"timed out" in body


def _workers(server_pid: int) -> list[int]:
    """The query workers: the children of the fork server, itself a child of the server."""
    def children(pid: int) -> list[int]:
        out = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            out += [int(c) for c in (task / "children").read_text().split()]
        return out
    return [w for c in children(server_pid) for w in children(c)]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the workers")
def test_a_worker_killed_mid_query_gives_a_coded_error_and_the_next_query_is_answered(server) -> None:
    base, proc = server
    before = _workers(proc.pid)
    assert before, "no worker process found"
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(get, base, SLOW)
        time.sleep(0.5)
        for pid in before:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:      # a worker the pool was already replacing
                pass
        status, _, body = slow.result()
    assert status == 500 and b"[E072]" in body
    assert get(base, COUNT, "text/csv")[2].decode().splitlines()[1] == "5"
    assert set(_workers(proc.pid)).isdisjoint(before)


def test_syntax_error_is_400(endpoint) -> None:
    status, _, body = get(endpoint, "SELECT WHERE {")
    assert status == 400 and b"[E071]" in body


def test_view_is_served(endpoint) -> None:
    req = urllib.request.urlopen(endpoint + "/", timeout=30)
    assert req.status == 200 and b"vis.Network" in req.read()


@pytest.mark.parametrize("clients", [8, 32])
def test_concurrent_clients_get_no_error(endpoint, clients) -> None:
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(lambda _: get(endpoint, COUNT, "text/csv")[0], range(clients * 2)))
    assert results == [200] * (clients * 2)
