"""The query side of `kg serve`: a worker process that holds the store open read-only.

A worker answers one query at a time, for as long as it lives. It keeps one read-only
handle on the store and, before each query, compares a cheap fingerprint of the store's
files (`store_state`) with the one taken when the handle was opened; when the store has
changed on disk (a `kg build` wrote to it) the handle is reopened first. So:

- a query costs the query, not a store open, while the store is not being written;
- every answer reflects the store as it was at some moment between the request's
  arrival and its answer, never an earlier state: two requests made one after the other
  never see the store go back, whichever workers answer them.

Workers are started, watched and killed by `pool.WorkerPool`.
"""
from __future__ import annotations

import os
import time

import pyoxigraph as ox

from ..namespaces import PREFIXES
from .protocol import ProtocolError, QueryRequest, RawRequest, read_request

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": "jsonld",
}
OPEN_ATTEMPTS = 8          # a writer replacing files can make a read-only open fail: retry
Answer = tuple[int, str, bytes]   # HTTP status, media type, body


def negotiate(accept: str, kinds: dict, default: str) -> str:
    """Pick the first media type of `accept` that we serve (q-values ignored, order kept).

    >>> negotiate("text/csv, */*", RESULT_TYPES, "application/sparql-results+json")
    'text/csv'
    """
    for part in (accept or "").split(","):
        mt = part.split(";")[0].strip().lower()
        if mt in kinds:
            return mt
    return default


def store_state(path: str) -> tuple:
    """A fingerprint of what a read-only open would see: the names, sizes and times of the
    files RocksDB changes on every write (write-ahead logs, MANIFEST, CURRENT).

    A committed write appends to a log; a flush, a bulk load or a compaction writes a new
    MANIFEST entry. Any of them changes the fingerprint.
    """
    out = []
    with os.scandir(path) as it:
        for e in it:
            n = e.name
            if n.endswith(".log") or n.startswith("MANIFEST-") or n == "CURRENT":
                try:
                    st = e.stat()
                except FileNotFoundError:     # replaced while we looked: changed anyway
                    continue
                out.append((n, st.st_size, st.st_mtime_ns))
    out.sort()
    return tuple(out)


class StoreHandle:
    """A read-only store, reopened when the files on disk say it changed."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.state: tuple | None = None
        self.store: ox.Store | None = None

    def current(self) -> ox.Store:
        """The store as it is now (reopened if it changed since the last call)."""
        state = store_state(self.path)
        if self.store is None or state != self.state:
            self.reopen(state)
        return self.store

    def reopen(self, state: tuple | None = None) -> None:
        """Open the store again; the fingerprint is taken before the open, so a write that
        lands during the open is seen as a change next time."""
        self.store = None
        state = store_state(self.path) if state is None else state
        for i in range(OPEN_ATTEMPTS):
            try:
                self.store = ox.Store.read_only(self.path)
                self.state = state
                return
            except (OSError, RuntimeError):
                if i == OPEN_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (i + 1))
                state = store_state(self.path)


def evaluate(store: ox.Store, req: QueryRequest) -> Answer:
    """Run one query on `store` and serialise the answer in the negotiated format."""
    kw: dict = {"prefixes": PREFIXES, "base_iri": req.base_iri}
    if req.default_graphs is None and req.named_graphs is None:
        kw["use_default_graph_as_union"] = req.union   # it would override the query's FROM
    else:
        kw["default_graph"] = [ox.NamedNode(g) for g in req.default_graphs or ()]
        kw["named_graphs"] = [ox.NamedNode(g) for g in req.named_graphs or ()]
    res = store.query(req.query, **kw)
    if isinstance(res, ox.QueryTriples):
        mt = negotiate(req.accept, GRAPH_TYPES, "text/turtle")
        fmt = GRAPH_TYPES[mt]
        if fmt == "jsonld":
            import rdflib
            nt = ox.serialize(res, format=ox.RdfFormat.N_TRIPLES)
            g = rdflib.Graph().parse(data=nt, format="nt")
            return 200, mt, g.serialize(format="json-ld").encode("utf-8")
        return 200, mt, ox.serialize(res, format=fmt)
    mt = negotiate(req.accept, RESULT_TYPES, "application/sparql-results+json")
    return 200, mt, res.serialize(format=RESULT_TYPES[mt])


def answer(handle: StoreHandle, req: QueryRequest) -> Answer:
    """The HTTP answer to one query: 200, or 400 (syntax) / 500 (failure) with a coded message.

    A read that fails because a writer replaced files under the handle is retried once on
    a fresh handle.
    """
    for attempt in (1, 2):
        try:
            return evaluate(handle.current(), req)
        except SyntaxError as exc:
            return 400, "text/plain", f"[E071] SPARQL syntax error: {' '.join(str(exc).split())}".encode()
        except ValueError as exc:     # an IRI pyoxigraph refuses (base, dataset)
            return 400, "text/plain", f"[E071] {' '.join(str(exc).split())}".encode()
        except (OSError, RuntimeError) as exc:
            if attempt == 2:
                return 500, "text/plain", f"[E072] query failed: {type(exc).__name__}: {exc}".encode()
            handle.store = None
    raise AssertionError("unreachable")


def respond(handle: StoreHandle, raw: RawRequest) -> Answer:
    """The HTTP answer to one request to /sparql: read it (protocol.py), then run its query."""
    try:
        req = read_request(raw)
    except ProtocolError as exc:
        return exc.status, "text/plain", str(exc).encode("utf-8")
    return answer(handle, req)


def work(path: str, conn) -> None:
    """Worker process main loop: receive RawRequests on `conn`, send Answers, until None or EOF."""
    from .. import netguard
    netguard.install()
    handle = StoreHandle(path)
    try:
        handle.current()                 # warm: the first query does not pay the open
    except (OSError, RuntimeError):
        pass                             # reported with the first query instead
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            return
        if req is None:
            return
        try:
            result = respond(handle, req)
        except Exception as exc:          # reported to the client, the worker goes on
            result = (500, "text/plain", f"[E072] query failed: {type(exc).__name__}: {exc}".encode())
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
