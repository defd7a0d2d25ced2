"""The W3C SPARQL 1.1 Protocol tests (`../shared/w3c-sparql-protocol/manifest.ttl`) against a
started `kg serve`: every query and bad-request test as written; the update tests with the
read-only refusal (403) expected for each update request, the queries that follow them
answered (their result depends on the refused update, so only its form is checked)."""
from __future__ import annotations

import http.client
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection

from _servers import free_port, start, stop

SUITE = Path(__file__).resolve().parents[2] / ".." / "shared" / "w3c-sparql-protocol"
MANIFEST = SUITE / "manifest.ttl"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
FORMATS = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml", "application/json"},
    "tabular": {"application/sparql-results+json", "application/sparql-results+xml", "application/json",
                "text/csv", "text/tab-separated-values"},
    "RDF": {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"},
}

pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason=f"{SUITE} not found (it lives beside the project)")


def _manifest() -> tuple[rdflib.Graph, list]:
    if not MANIFEST.exists():
        return rdflib.Graph(), []
    g = rdflib.Graph().parse(MANIFEST, format="turtle", publicID="http://www.w3.org/2009/sparql/docs/tests/"
                             "data-sparql11/protocol/manifest.ttl")
    root = next(g.subjects(rdflib.RDF.type, MF.Manifest))
    return g, list(Collection(g, g.value(root, MF.entries)))


GRAPH, ENTRIES = _manifest()


def _requests(test) -> list[dict]:
    action = GRAPH.value(test, MF.action)
    out = []
    for r in Collection(GRAPH, GRAPH.value(action, HT.requests)):
        headers = {}
        hl = GRAPH.value(r, HT.headers)
        for h in (Collection(GRAPH, hl) if hl is not None else []):
            headers[str(GRAPH.value(h, HT.fieldName))] = str(GRAPH.value(h, HT.fieldValue))
        body = GRAPH.value(r, HT.body)
        resp = GRAPH.value(r, HT.resp)
        out.append({
            "method": str(GRAPH.value(r, HT.methodName)),
            "path": str(GRAPH.value(r, HT.absolutePath)),
            "headers": headers,
            "body": None if body is None else str(GRAPH.value(body, CNT.chars)),
            "status": {str(s)[len(HTS):][0] for s in GRAPH.objects(resp, MF.expectedStatus)},
            "format": str(GRAPH.value(resp, MF.expectedFormat) or "") or None,
            "boolean": None if GRAPH.value(resp, MF.expectedBoolean) is None
            else GRAPH.value(resp, MF.expectedBoolean).toPython(),
        })
    return out


def _is_update(req: dict) -> bool:
    ctype = next((v for k, v in req["headers"].items() if k.lower() == "content-type"), "")
    return ctype.startswith("application/sparql-update") or (req["body"] or "").startswith("update=") \
        or "update=" in req["path"]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    path = tmp_path_factory.mktemp("w3c") / "store"
    store = ox.Store(str(path))
    for data in GRAPH.objects(None, UT.graphData):
        name = str(GRAPH.value(data, rdflib.RDFS.label))
        file = SUITE / str(GRAPH.value(data, UT.graph)).rsplit("/", 1)[-1]
        if not store.contains_named_graph(ox.NamedNode(name)):
            store.load(file.read_bytes(), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
    store.flush()
    del store
    port = free_port()
    proc = start([sys.executable, "-m", "kg", "serve", "--store", str(path), "--port", str(port),
                  "--timeout", "10", "--workers", "2"], f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D")
    yield port
    stop(proc)


def _send(port: int, req: dict) -> tuple[int, str, bytes]:
    path = "/sparql" + req["path"][len("/sparql/"):] if req["path"].startswith("/sparql/") else req["path"]
    headers = dict(req["headers"])
    body = None
    if req["body"] is not None:
        ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
        charset = ctype.partition("charset=")[2].strip() or "utf-8"
        body = req["body"].encode(charset)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.putrequest(req["method"], path, skip_accept_encoding=True)
        for k, v in headers.items():
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        resp = conn.getresponse()
        return resp.status, (resp.getheader("Content-Type") or "").split(";")[0].strip(), resp.read()
    finally:
        conn.close()


def _boolean(mt: str, body: bytes) -> bool:
    if "json" in mt:
        return json.loads(body)["boolean"]
    el = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    return el.text.strip() == "true"


@pytest.mark.parametrize("test", ENTRIES, ids=[str(t).rsplit("#", 1)[-1] for t in ENTRIES])
def test_w3c_protocol(endpoint, test) -> None:
    update_test = any(_is_update(r) for r in _requests(test))
    for i, req in enumerate(_requests(test)):
        status, mt, body = _send(endpoint, req)
        where = f"request {i + 1} ({req['method']} {req['path'][:60]}): {status} {body[:200]!r}"
        if _is_update(req):
            assert status // 100 == 4, where           # refused, whatever the test expected
            if "2" in req["status"]:
                assert status == 403 and body.startswith(b"[E074]"), where
            continue
        assert str(status // 100) in req["status"], where
        if req["format"]:
            assert mt in FORMATS[req["format"]], where
        if req["boolean"] is not None and not update_test:
            assert _boolean(mt, body) is req["boolean"], where
