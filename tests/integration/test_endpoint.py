"""`kg serve`: the SPARQL 1.1 Protocol over a real server process on a loopback port."""
from __future__ import annotations

import csv
import io
import json
import sys
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
def endpoint(tmp_path_factory):
    store = tmp_path_factory.mktemp("serve") / "store"
    r = kg("build", str(REPO / "tests" / "data" / "tiny"), "--store", str(store))
    assert r.returncode == 0, r.stderr
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                  "--timeout", "2", "--cors", "*"], base + "/sparql?query=ASK%7B%7D")
    yield base
    stop(proc)


def get(base: str, query: str, accept: str = "", path: str = "/sparql") -> tuple[int, dict, bytes]:
    url = f"{base}{path}?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def post(base: str, body: bytes, ctype: str, accept: str = "") -> tuple[int, bytes]:
    req = urllib.request.Request(base + "/sparql", data=body, method="POST",
                                 headers={"Content-Type": ctype, **({"Accept": accept} if accept else {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


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
    "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_service_and_from_are_refused(endpoint, query) -> None:
    status, _, body = get(endpoint, query)
    assert status == 400 and b"[E070]" in body


def test_runaway_query_times_out_while_others_are_served(endpoint) -> None:
    with ThreadPoolExecutor(4) as pool:
        slow = pool.submit(get, endpoint, SLOW)
        fast = [pool.submit(get, endpoint, COUNT, "text/csv") for _ in range(3)]
        assert all(f.result()[0] == 200 for f in fast)
        status, _, body = slow.result()
    assert status == 503 and b"timed out" in body


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
