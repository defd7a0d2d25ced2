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

import asyncio
import os
import threading
import urllib.parse
from http import HTTPStatus
from pathlib import Path

from ..query.run import MAX_QUERY_CHARS
from . import protocol
from .pool import WorkerPool


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

    async def answer(self, req: protocol.RawRequest) -> tuple[int, str, bytes]:
        """Read and run a request to /sparql in a worker: 200, or a coded 4xx/5xx."""
        return await self.pool.run(req)

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


STATIC_HEADERS = b"X-Content-Type-Options: nosniff\r\nConnection: close\r\n"
CSP = (b"Content-Security-Policy: default-src 'none'; script-src 'unsafe-inline'; "
       b"style-src 'unsafe-inline'; img-src data: blob:\r\n")
REFUSE = (403, "text/plain", b"[E074] updates are not allowed: this endpoint is read-only")
MAX_HEAD = 64 * 1024          # request line and headers
READ_TIMEOUT_S = 60.0         # a client that sends nothing for this long is dropped


class Server:
    """The HTTP server: one asyncio event loop reads requests and writes answers (one request
    per connection); queries run in the worker pool, views and entity pages in a thread.

    Used like `http.server`'s servers: `serve_forever()` (blocks), `shutdown()` (from another
    thread), `server_close()` (also stops the query workers), `server_address`.
    """

    def __init__(self, endpoint: Endpoint, sock) -> None:
        self.endpoint = endpoint
        self.socket = sock
        self.server_address = sock.getsockname()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._running = threading.Event()
        self._done = threading.Event()

    def serve_forever(self) -> None:
        self._done.clear()
        try:
            asyncio.run(self._serve())
        finally:
            self._done.set()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._client, sock=self.socket, limit=MAX_HEAD)
        self._running.set()
        try:
            await self._stop.wait()
        finally:
            server.close()
            self._running.clear()

    def shutdown(self) -> None:
        """Stop `serve_forever` and wait for it to return (call from another thread)."""
        if self._loop is not None and self._running.is_set():
            self._loop.call_soon_threadsafe(self._stop.set)
            self._done.wait(10)

    def server_close(self) -> None:
        self.shutdown()
        self.socket.close()
        self.endpoint.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request, answer = await asyncio.wait_for(self._read(reader, writer), READ_TIMEOUT_S)
            if answer is None:
                answer = await self._route(*request)
            writer.write(self._response(*answer))
            await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()

    async def _read(self, reader, writer) -> tuple:
        """Read one request: ((method, target, headers, body), None), or (None, the answer to a bad
        one: status, media type, body, extra headers). Bounded by READ_TIMEOUT_S; the query is not."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.LimitOverrunError:
            return None, (431, "text/plain", b"[E076] request headers too large", {})
        lines = head.decode("latin-1").split("\r\n")
        try:
            method, target, _version = lines[0].split(" ")
        except ValueError:
            return None, (400, "text/plain", b"[E076] not an HTTP request line", {})
        headers = {}
        for line in lines[1:]:
            name, sep, value = line.partition(":")
            if sep:
                headers[name.strip().lower()] = value.strip()
        body = b""
        if method == "POST":
            if "chunked" in headers.get("transfer-encoding", "").lower():
                return None, (411, "text/plain", b"[E076] send the body with a Content-Length", {})
            try:
                n = int(headers.get("content-length") or 0)
            except ValueError:
                return None, (400, "text/plain", b"[E076] Content-Length is not a number", {})
            if n > MAX_QUERY_CHARS * 4:
                return None, (413, "text/plain", b"[E076] request body too large", {})
            if headers.get("expect", "").lower() == "100-continue":
                writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            body = await reader.readexactly(n)
        return (method, target, headers, body), None

    async def _route(self, method: str, target: str, headers: dict, body: bytes):
        ep = self.endpoint
        url = urllib.parse.urlsplit(target)
        path = url.path
        if method == "OPTIONS":
            extra = {"Allow": protocol.ALLOW}
            if ep.cors:
                extra.update({"Access-Control-Allow-Methods": protocol.ALLOW,
                              "Access-Control-Allow-Headers": "Content-Type, Accept"})
            return 204, "", b"", extra
        if path == "/sparql" and method in ("GET", "POST"):
            raw = protocol.RawRequest(method, url.query, headers.get("content-type"), body,
                                      headers.get("accept", ""), ep.base_iri)
            return (*await ep.answer(raw), {})
        if path in ("/update", "/store") and method != "GET":
            return (*REFUSE, {})
        if method != "GET":
            allow = protocol.ALLOW if path == "/sparql" else "GET"
            return 405, "text/plain", f"[E078] {method} is not allowed on {path}; use {allow}".encode(), \
                {"Allow": allow}
        loop = asyncio.get_running_loop()
        params = urllib.parse.parse_qs(url.query)
        if path in ("/", "/view"):
            return (*await loop.run_in_executor(None, ep.view, params), {})
        if path == "/entity":
            return (*await loop.run_in_executor(None, ep.entity, params.get("iri", [""])[0]), {})
        return 404, "text/plain", b"not found: try /sparql, / or /entity?iri=IRI", {}

    def _response(self, status: int, mt: str, body: bytes, extra: dict) -> bytes:
        reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
        head = [f"HTTP/1.1 {status} {reason}\r\n".encode("latin-1"), b"Server: kg\r\n", STATIC_HEADERS]
        if mt:
            ctype = f"{mt}; charset=utf-8" if mt.startswith("text/") else mt
            head.append(f"Content-Type: {ctype}\r\n".encode("latin-1"))
        if status != 204:
            head.append(f"Content-Length: {len(body)}\r\n".encode("latin-1"))
        if mt == "text/html":
            head.append(CSP)
        if self.endpoint.cors:
            head.append(f"Access-Control-Allow-Origin: {self.endpoint.cors}\r\n".encode("latin-1"))
        for k, v in extra.items():
            head.append(f"{k}: {v}\r\n".encode("latin-1"))
        head.append(b"\r\n")
        return b"".join(head) + body


def serve(store_path: Path, host: str = "127.0.0.1", port: int = 7879, timeout_s: float = 30.0,
          cors: str | None = None, ready: threading.Event | None = None,
          workers: int | None = None) -> Server:
    """Make the server (call serve_forever on it, server_close when done).

    The query workers start at once (each opens the store read-only); the view is
    rendered on first request. Raises StoreError (E052/E053) when there is no store.
    """
    import socket
    from ..graph.store import KgStore
    KgStore(store_path, read_only=True).close()      # fail now, with a coded error, if there is no store
    sock = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET,
                                backlog=128)
    try:
        bound = sock.getsockname()[1]
        name = f"[{host}]" if ":" in host else host
        ep = Endpoint(Path(store_path), timeout_s, cors, None, workers=workers,
                      base_iri=f"http://{name}:{bound}/sparql")
    except BaseException:
        sock.close()
        raise
    if ready is not None:
        ready.set()
    return Server(ep, sock)
