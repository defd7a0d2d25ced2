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

    def view(self) -> bytes:
        """The network view, rendered once on first request."""
        with self._view_lock:
            if self.view_html is None:
                from ..api import open_store
                from ..viz.view import render_view
                with open_store(self.store_path, read_only=True) as g:
                    self.view_html = render_view(g.store).encode("utf-8")
            return self.view_html

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
                return self._send(200, "text/html", ep.view())
            self._send(404, "text/plain", b"not found: try /sparql or /")

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
