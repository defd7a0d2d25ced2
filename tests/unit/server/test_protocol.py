"""SPARQL 1.1 Protocol requests read into a QueryRequest, or refused with the right status and code."""
from __future__ import annotations

import urllib.parse

import pytest

from kg.server.protocol import ProtocolError, RawRequest, read_request

Q = "ASK { ?s ?p ?o }"
G1, G2 = "http://example.org/g1", "http://example.org/g2"


def qs(*pairs) -> str:
    return urllib.parse.urlencode(pairs)


@pytest.mark.parametrize("raw,default,named,union", [
    (RawRequest("GET", qs(("query", Q))), None, None, True),
    (RawRequest("GET", qs(("query", Q), ("default-graph-uri", G1), ("default-graph-uri", G2))), (G1, G2), (), False),
    (RawRequest("GET", qs(("query", Q), ("named-graph-uri", G1))), (), (G1,), False),
    (RawRequest("GET", qs(("query", f"ASK FROM <{G1}> {{ ?s ?p ?o }}"))), None, None, False),
    (RawRequest("POST", qs(("default-graph-uri", G1)), "application/sparql-query", Q.encode()), (G1,), (), False),
    (RawRequest("POST", qs(("named-graph-uri", G2)), "application/x-www-form-urlencoded",
                qs(("query", Q)).encode()), (), (G2,), False),
])
def test_dataset_is_the_one_the_request_names(raw, default, named, union) -> None:
    req = read_request(raw)
    assert (req.default_graphs, req.named_graphs, req.union) == (default, named, union)
    assert req.query.startswith("ASK")


@pytest.mark.parametrize("raw,status,code", [
    (RawRequest("GET", qs(("query", Q), ("query", Q))), 400, "E077"),
    (RawRequest("GET", ""), 400, "E075"),
    (RawRequest("GET", qs(("update", "DROP ALL"))), 403, "E074"),
    (RawRequest("GET", qs(("query", "DROP ALL"))), 403, "E074"),
    (RawRequest("GET", qs(("query", "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"))), 400, "E070"),
    (RawRequest("GET", qs(("query", Q), ("default-graph-uri", "not an iri"))), 400, "E077"),
    (RawRequest("POST", "", "text/plain", Q.encode()), 415, "E078"),
    (RawRequest("POST", "", None, qs(("query", Q)).encode()), 415, "E078"),
    (RawRequest("POST", "", "application/sparql-query; charset=UTF-16", Q.encode("utf-16")), 415, "E078"),
    (RawRequest("POST", "", "application/sparql-query", "ASK { ?s ?p 'café' }".encode("latin-1")), 400, "E079"),
    (RawRequest("POST", qs(("query", Q)), "application/sparql-query", Q.encode()), 400, "E077"),
    (RawRequest("POST", "", "application/sparql-update", b"DROP ALL"), 403, "E074"),
    (RawRequest("POST", "", "application/x-www-form-urlencoded", qs(("update", "CLEAR ALL")).encode()), 403, "E074"),
])
def test_refusals_carry_status_and_code(raw, status, code) -> None:
    with pytest.raises(ProtocolError) as info:
        read_request(raw)
    assert info.value.status == status and str(info.value).startswith(f"[{code}] ")
