"""A read-only SPARQL 1.1 Protocol endpoint over a kg store, with the HTML view.

Queries are answered by a pool of warm worker processes, each holding the store open
read-only (`pool.WorkerPool`): a request costs its query, not a process start or a store
open. A runaway query is stopped at the time limit by killing its worker (503, E073) while
the other workers go on answering; a worker that dies costs its query a coded 500 (E072)
and is replaced. Every answer reflects the store as it was when the query started, also
while `kg build` writes to it (workers reopen the store when its files changed).
Requests are read by `protocol.py` (SPARQL 1.1 Protocol: dataset parameters, FROM, a base
IRI, coded 4xx for what it does not allow); updates get 403, SERVICE 400, methods other
than GET, POST and OPTIONS 405. Binds 127.0.0.1 by default.
"""
from __future__ import annotations

import os
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..errors import KgError
from ..query.run import MAX_QUERY_CHARS
from . import protocol
from .pool import WorkerPool
from .worker import GRAPH_TYPES, RESULT_TYPES, negotiate  # noqa: F401 (re-exported)


def default_workers() -> int:
    """Worker processes by default: two per core, at least 2, at most 8."""
    return max(2, min(8, 2 * (os.cpu_count() or 1)))


class Endpoint:
    """What the HTTP handler calls: queries (through the worker pool), views, entity pages."""

    def __init__(self, store_path: Path, timeout_s: float = 30.0, cors: str | None = None,
                 view_html: bytes | None = None, *, workers: int | None = None,
                 base_iri: str | None = None):
        self.store_path = str(store_path)
        self.timeout_s = timeout_s
        self.cors = cors
        self.view_html = view_html
        self.base_iri = base_iri
        self.pool = WorkerPool(self.store_path, workers or default_workers(), timeout_s)
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

    def answer(self, req: protocol.QueryRequest) -> tuple[int, str, bytes]:
        """Run a checked query in a worker: 200, or a coded 4xx/5xx (E071-E073)."""
        return self.pool.run(req)

    def close(self) -> None:
        self.pool.close()


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
    refuse = (403, "text/plain", b"[E074] updates are not allowed: this endpoint is read-only")

    class Handler(BaseHTTPRequestHandler):
        server_version = "kg"

        def log_message(self, fmt, *args):  # quiet; errors go to the client
            pass

        def _send(self, status: int, mt: str, body: bytes, headers: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", f"{mt}; charset=utf-8" if mt.startswith("text/") else mt)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if mt == "text/html":
                self.send_header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                                 "style-src 'unsafe-inline'; img-src data: blob:")
            if ep.cors:
                self.send_header("Access-Control-Allow-Origin", ep.cors)
            self.end_headers()
            self.wfile.write(body)

        def _refuse(self, exc: KgError) -> None:
            status = getattr(exc, "status", 400)
            headers = {"Allow": protocol.ALLOW} if status == 405 else None
            self._send(status, "text/plain", str(exc).encode("utf-8"), headers)

        def do_OPTIONS(self):
            self.send_response(204)
            self.send_header("Allow", protocol.ALLOW)
            if ep.cors:
                self.send_header("Access-Control-Allow-Origin", ep.cors)
                self.send_header("Access-Control-Allow-Methods", protocol.ALLOW)
                self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            self.end_headers()

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/sparql":
                try:
                    req = protocol.from_get(url.query, self.headers.get("Accept", ""), ep.base_iri)
                except KgError as exc:
                    return self._refuse(exc)
                return self._send(*ep.answer(req))
            if url.path in ("/", "/view"):
                return self._send(*ep.view(urllib.parse.parse_qs(url.query)))
            if url.path == "/entity":
                return self._send(*ep.entity(urllib.parse.parse_qs(url.query).get("iri", [""])[0]))
            self._send(404, "text/plain", b"not found: try /sparql, / or /entity?iri=IRI")

        def do_POST(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path in ("/update", "/store"):
                return self._send(*refuse)
            if url.path != "/sparql":
                return self._send(404, "text/plain", b"not found")
            try:
                n = int(self.headers.get("Content-Length") or 0)
            except ValueError:
                return self._send(400, "text/plain", b"[E076] Content-Length is not a number")
            if n > MAX_QUERY_CHARS * 4:
                return self._send(413, "text/plain", b"[E076] request body too large")
            body = self.rfile.read(n)
            try:
                req = protocol.from_post(url.query, self.headers.get("Content-Type"), body,
                                         self.headers.get("Accept", ""), ep.base_iri)
            except KgError as exc:
                return self._refuse(exc)
            self._send(*ep.answer(req))

        def _not_allowed(self):
            path = urllib.parse.urlsplit(self.path).path
            if path in ("/update", "/store"):
                return self._send(*refuse)
            allow = protocol.ALLOW if path == "/sparql" else "GET"
            self._send(405, "text/plain", f"[E078] {self.command} is not allowed on {path}; use {allow}"
                       .encode("utf-8"), {"Allow": allow})

        do_PUT = do_DELETE = do_PATCH = _not_allowed

    return Handler


class Server(ThreadingHTTPServer):
    """The HTTP server; `server_close` also stops the query workers."""

    daemon_threads = True
    request_queue_size = 128            # many clients at once: do not refuse connections
    endpoint: Endpoint

    def server_close(self) -> None:
        super().server_close()
        self.endpoint.close()


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 7879, timeout_s: float = 30.0,
          cors: str | None = None, ready: threading.Event | None = None,
          workers: int | None = None) -> Server:
    """Make the server (call serve_forever on it, server_close when done).

    The query workers start at once (each opens the store read-only); the view is
    rendered on first request. Raises StoreError (E052/E053) when there is no store.
    """
    from ..graph.store import KgStore
    KgStore(store_path, read_only=True).close()      # fail now, with a coded error, if there is no store
    httpd = Server((host, port), None, bind_and_activate=False)
    try:
        httpd.server_bind()
        httpd.server_activate()
        bound = httpd.server_address[1]
        name = f"[{host}]" if ":" in host else host
        ep = Endpoint(Path(store_path), timeout_s, cors, None, workers=workers,
                      base_iri=f"http://{name}:{bound}/sparql")
    except BaseException:
        httpd.socket.close()
        raise
    httpd.endpoint = ep
    httpd.RequestHandlerClass = make_handler(ep)
    if ready is not None:
        ready.set()
    return httpd
