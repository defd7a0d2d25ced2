"""SPARQL 1.1 Protocol requests, read into a `QueryRequest` or refused with a coded 4xx.

Pure functions of the request's parts (query string, content type, body): no socket here.
What is accepted (https://www.w3.org/TR/sparql11-protocol/#query-operation):

- GET with one `query` parameter; POST with an `application/x-www-form-urlencoded` body
  holding one `query`, or with an `application/sparql-query` body in UTF-8.
- `default-graph-uri` / `named-graph-uri` (repeatable) name the dataset; they win over
  `FROM` / `FROM NAMED` in the query, which name it otherwise. Without either, the default
  graph is the union of the store's graphs. `FROM` names graphs of the store: nothing is
  ever read from the IRI.

Refused: an update in any form (403, E074), a repeated or conflicting `query` or a graph
parameter that is not an IRI (400, E077), a missing `query` (400, E075), a POST body of
another media type or charset (415, E078), a body that is not UTF-8 (400, E079), what the
query guard refuses (SERVICE, too long, too deep: 400, E070).
"""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import KgError, QueryRejected
from ..query.guard import check_query

ALLOW = "GET, POST, OPTIONS"
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class QueryRequest:
    """One query as the protocol layer understood it (checked, dataset parsed)."""

    query: str
    accept: str = ""
    default_graphs: tuple[str, ...] | None = None   # None: as the query says (FROM), else `union`
    named_graphs: tuple[str, ...] | None = None     # None: as the query says (FROM NAMED), else all
    base_iri: str | None = None
    union: bool = True        # no dataset named anywhere: the default graph is the union of all graphs


@dataclass(frozen=True)
class RawRequest:
    """A request to /sparql as it came: what `read_request` needs, and no more."""

    method: str                  # GET or POST
    query_string: str
    content_type: str | None = None
    body: bytes = b""
    accept: str = ""
    base_iri: str | None = None


class ProtocolError(KgError):
    """A request the protocol does not allow; `status` is the HTTP status to answer with."""

    code = "E077"

    def __init__(self, message: str, *, status: int = 400, code: str | None = None) -> None:
        self.status = status
        super().__init__(message, code=code)


def read_only_refusal() -> ProtocolError:
    return ProtocolError("updates are not allowed: this endpoint is read-only", status=403, code="E074")


def media_type(header: str | None) -> tuple[str, dict[str, str]]:
    """The media type of a Content-Type header, lower case, and its parameters.

    >>> media_type("application/sparql-query; charset=UTF-16")
    ('application/sparql-query', {'charset': 'utf-16'})
    >>> media_type(None)
    ('', {})
    """
    parts = (header or "").split(";")
    params = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        params[k.strip().lower()] = v.strip().strip('"').lower()
    return parts[0].strip().lower(), params


def read_request(raw: RawRequest) -> QueryRequest:
    """The query of a GET or POST request; ProtocolError (with its HTTP status) when refused."""
    if raw.method == "POST":
        return from_post(raw.query_string, raw.content_type, raw.body, raw.accept, raw.base_iri)
    return from_get(raw.query_string, raw.accept, raw.base_iri)


def from_get(query_string: str, accept: str = "", base_iri: str | None = None) -> QueryRequest:
    """The query of a GET request (its URL's query string)."""
    return _request(_pairs(query_string), accept, base_iri)


def from_post(query_string: str, content_type: str | None, body: bytes, accept: str = "",
              base_iri: str | None = None) -> QueryRequest:
    """The query of a POST request: a form body or a direct `application/sparql-query` body."""
    mt, params = media_type(content_type)
    url = _pairs(query_string)
    if mt == UPDATE:
        raise read_only_refusal()
    if mt == FORM:
        return _request(url + _pairs(_utf8(body)), accept, base_iri)
    if mt == DIRECT:
        if params.get("charset", "utf-8") not in ("utf-8", "utf8"):
            raise ProtocolError(f"a {DIRECT} body must be UTF-8, not {params['charset']}; re-encode it",
                                status=415, code="E078")
        if any(k == "query" for k, _ in url):
            raise ProtocolError("the query is both in the body and in the URL; send it once")
        return _request(url + [("query", _utf8(body))], accept, base_iri)
    got = f"Content-Type {mt!r}" if mt else "no Content-Type"
    raise ProtocolError(f"a POST to /sparql needs Content-Type {DIRECT} or {FORM} (got {got})",
                        status=415, code="E078")


def _pairs(text: str) -> list[tuple[str, str]]:
    try:
        return urllib.parse.parse_qsl(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"a parameter is not UTF-8 once decoded ({exc.reason} at byte {exc.start}); "
                            "percent-encode UTF-8", code="E079") from None


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"the request body is not UTF-8 (byte {exc.start}: 0x{body[exc.start]:02x}); "
                            "send UTF-8", code="E079") from None


def _request(pairs: list[tuple[str, str]], accept: str, base_iri: str | None) -> QueryRequest:
    if any(k in ("update", "using-graph-uri", "using-named-graph-uri") for k, _ in pairs):
        raise read_only_refusal()
    queries = [v for k, v in pairs if k == "query"]
    if len(queries) > 1:
        raise ProtocolError(f"'query' is given {len(queries)} times; send one query per request")
    if not queries or not queries[0].strip():
        raise ProtocolError("missing 'query' parameter", code="E075")
    default = tuple(_iri(v, "default-graph-uri") for k, v in pairs if k == "default-graph-uri")
    named = tuple(_iri(v, "named-graph-uri") for k, v in pairs if k == "named-graph-uri")
    try:
        names_dataset = check_query(queries[0], dataset=True)
    except QueryRejected as exc:
        if "update" in str(exc):
            raise read_only_refusal() from None
        raise ProtocolError(str(exc).split("] ", 1)[1], code=exc.code) from None
    dataset = bool(default or named)
    return QueryRequest(queries[0], accept, default if dataset else None, named if dataset else None, base_iri,
                        union=not (dataset or names_dataset))


def _iri(value: str, name: str) -> str:
    try:
        return ox.NamedNode(value).value
    except ValueError:
        raise ProtocolError(f"{name}={value!r} is not an absolute IRI") from None
