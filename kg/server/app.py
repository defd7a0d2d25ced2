"""A read-only SPARQL 1.1 Protocol endpoint over a kg store, with the HTML view.

Each query runs in a forked child process that opens the store read-only: a
runaway query is killed at the time limit (the client gets 503) while the
server goes on answering others, and every answer reflects the store as it was
when the query started. Updates get 403; SERVICE and FROM are refused (400).
Binds 127.0.0.1 by default.
"""
from __future__ import annotations

import multiprocessing as mp
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from ..errors import QueryRejected
from ..namespaces import PREFIXES
from ..query.run import MAX_QUERY_CHARS, check_query

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


def _answer(store_path: str, query: str, accept: str) -> tuple[str, bytes]:
    """Open the store read-only, run the query and serialise the answer."""
    store = ox.Store.read_only(store_path)
    res = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    if isinstance(res, ox.QueryTriples):
        mt = negotiate(accept, GRAPH_TYPES, "text/turtle")
        fmt = GRAPH_TYPES[mt]
        triples = list(res)
        if fmt == "jsonld":
            import rdflib
            g = rdflib.Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
            return mt, g.serialize(format="json-ld").encode("utf-8")
        return mt, ox.serialize(triples, format=fmt)
    mt = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
    return mt, res.serialize(format=RESULT_TYPES[mt])


def _run(store_path: str, query: str, accept: str, conn, attempts: int = 8) -> None:
    """Child process: run one query, send (status, media type, body).

    Retries while a writer is busy: RocksDB's read-only mode can meet files the writer is
    replacing (compaction, a new column family); a retry opens the store as it now is.
    """
    import time
    try:
        for i in range(attempts):
            try:
                mt, body = _answer(store_path, query, accept)
                break
            except (OSError, RuntimeError):
                if i == attempts - 1:
                    raise
                time.sleep(0.05 * (i + 1))
        conn.send((200, mt, body))
    except SyntaxError as exc:
        conn.send((400, "text/plain", f"[E071] SPARQL syntax error: {' '.join(str(exc).split())}".encode()))
    except Exception as exc:  # reported to the client, the server goes on
        conn.send((500, "text/plain", f"[E072] query failed: {type(exc).__name__}: {exc}".encode()))
    finally:
        conn.close()


class Endpoint:
    def __init__(self, store_path: Path, timeout_s: float = 30.0, cors: str | None = None,
                 view_html: bytes | None = None):
        self.store_path = str(store_path)
        self.timeout_s = timeout_s
        self.cors = cors
        self.view_html = view_html
        self.ctx = mp.get_context("fork")
        self._view_lock = threading.Lock()
        self._graph = None

    def graph(self):
        """The store's entity graph (networkx), read once on first use."""
        with self._view_lock:
            if self._graph is None:
                from ..api import open_store
                with open_store(self.store_path, read_only=True) as g:
                    self._graph = g.networkx()
            return self._graph

    def view(self, params: dict[str, list[str]] | None = None) -> tuple[int, str, bytes]:
        """The network view; the whole graph is rendered once, a selection on each request.

        Parameters as for `kg view`: focus, hops, type, doc, since, until, max_nodes, size.
        A bad parameter gets 400 with the coded message.
        """
        from ..errors import ViewError
        from ..viz.analysis import Selection, find_entity, select
        from ..viz.view import MAX_VIEW_NODES, render_graph
        p = {k: v[0] for k, v in (params or {}).items() if v and v[0]}
        if not p and self.view_html is not None:
            return 200, "text/html", self.view_html
        try:
            sel = Selection(focus=p.get("focus"), hops=_int(p.get("hops"), 1),
                            types=tuple(p["type"].split(",")) if "type" in p else (), doc=p.get("doc"),
                            since=p.get("since"), until=p.get("until"))
            g = select(self.graph(), sel)
            page = render_graph(g, "kg network", max_nodes=_int(p.get("max_nodes"), MAX_VIEW_NODES),
                                size=p.get("size", "degree"), entity_base=ENTITY_BASE,
                                pinned=[find_entity(g, sel.focus)] if sel.focus else []).encode("utf-8")
        except ViewError as exc:
            return 400, "text/plain", str(exc).encode("utf-8")
        if not p:
            self.view_html = page
        return 200, "text/html", page

    def entity(self, iri: str) -> tuple[int, str, bytes]:
        """The page of one entity, or 404 with a coded message."""
        from ..viz.entity import render_entity
        g = self.graph()
        if iri not in g:
            return 404, "text/plain", f"[E101] no entity {iri!r} in this store; see / for the network".encode()
        return 200, "text/html", render_entity(g, iri, ENTITY_BASE, "/view").encode("utf-8")

    def answer(self, query: str, accept: str) -> tuple[int, str, bytes]:
        try:
            check_query(query)
        except QueryRejected as exc:
            status = 403 if "update" in str(exc) else 400
            return status, "text/plain", str(exc).encode()
        parent, child = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_run, args=(self.store_path, query, accept, child), daemon=True)
        proc.start()
        child.close()
        if parent.poll(self.timeout_s):
            try:
                result = parent.recv()
            except EOFError:
                result = (500, "text/plain", b"[E072] query process ended without an answer")
        else:
            proc.kill()
            result = (503, "text/plain", f"[E073] query timed out after {self.timeout_s:g} s".encode())
        proc.join(1)
        parent.close()
        return result


ENTITY_BASE = "/entity?iri="


def _int(text: str | None, default: int) -> int:
    """An integer query parameter (E108 when it is not one).

    >>> _int("2", 1), _int(None, 1)
    (2, 1)
    """
    from ..errors import ViewError
    if text is None:
        return default
    try:
        return int(text)
    except ValueError:
        raise ViewError(f"{text!r}: not a whole number", code="E108") from None


def make_handler(ep: Endpoint):
    class Handler(BaseHTTPRequestHandler):
        server_version = "kg"

        def log_message(self, fmt, *args):  # quiet; errors go to the client
            pass

        def _send(self, status: int, mt: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{mt}; charset=utf-8" if mt.startswith("text/") else mt)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            if mt == "text/html":
                self.send_header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                                 "style-src 'unsafe-inline'; img-src data: blob:")
            if ep.cors:
                self.send_header("Access-Control-Allow-Origin", ep.cors)
            self.end_headers()
            self.wfile.write(body)

        def do_OPTIONS(self):
            self.send_response(204)
            if ep.cors:
                self.send_header("Access-Control-Allow-Origin", ep.cors)
                self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.end_headers()

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/sparql":
                params = urllib.parse.parse_qs(url.query)
                if "update" in params:
                    return self._send(403, "text/plain", b"[E074] updates are not allowed: this endpoint is read-only")
                q = params.get("query", [""])[0]
                if not q:
                    return self._send(400, "text/plain", b"[E075] missing 'query' parameter")
                return self._send(*ep.answer(q, self.headers.get("Accept", "")))
            if url.path in ("/", "/view"):
                return self._send(*ep.view(urllib.parse.parse_qs(url.query)))
            if url.path == "/entity":
                return self._send(*ep.entity(urllib.parse.parse_qs(url.query).get("iri", [""])[0]))
            self._send(404, "text/plain", b"not found: try /sparql, / or /entity?iri=IRI")

        def do_POST(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/update", "/store"):
                return self._send(403, "text/plain", b"[E074] updates are not allowed: this endpoint is read-only")
            if url.path != "/sparql":
                return self._send(404, "text/plain", b"not found")
            n = int(self.headers.get("Content-Length") or 0)
            if n > MAX_QUERY_CHARS * 4:
                return self._send(413, "text/plain", b"[E076] request body too large")
            body = self.rfile.read(n).decode("utf-8", "replace")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            if ctype == "application/sparql-update":
                return self._send(403, "text/plain", b"[E074] updates are not allowed: this endpoint is read-only")
            if ctype == "application/sparql-query":
                q = body
            else:
                form = urllib.parse.parse_qs(body)
                if "update" in form:
                    return self._send(403, "text/plain", b"[E074] updates are not allowed: this endpoint is read-only")
                q = form.get("query", [""])[0]
            if not q:
                return self._send(400, "text/plain", b"[E075] missing query")
            self._send(*ep.answer(q, self.headers.get("Accept", "")))

    return Handler


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 7879, timeout_s: float = 30.0,
          cors: str | None = None, ready: threading.Event | None = None) -> ThreadingHTTPServer:
    """Make the server (call serve_forever on it). The view is rendered on first request."""
    from ..graph.store import KgStore
    KgStore(store_path, read_only=True).close()      # fail now, with a coded error, if there is no store
    ep = Endpoint(Path(store_path), timeout_s, cors, None)
    ThreadingHTTPServer.request_queue_size = 128     # many clients at once: do not refuse connections
    httpd = ThreadingHTTPServer((host, port), make_handler(ep))
    httpd.daemon_threads = True
    if ready is not None:
        ready.set()
    return httpd
