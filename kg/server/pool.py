"""A pool of warm query workers (`worker.work`), each holding the store open read-only.

Guarantees:
- A request runs alone in one worker process; the server's event loop only waits for it.
- A query still running after `timeout_s` is stopped by killing its worker (503, E073);
  a fresh worker takes its place while the others go on answering.
- A worker that dies mid-query (killed, out of memory, a crash in native code) costs that
  query a coded 500 (E072); it is replaced, and the next query is answered.
- `close()` ends every worker; no process outlives the pool.

Workers are forked from a fork server started once (multiprocessing's "forkserver"
context), never from the server process itself. `run` is a coroutine: the pool belongs
to the event loop that first calls it.
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
import threading
from dataclasses import dataclass

from .protocol import RawRequest
from .worker import Answer, work


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: object


class WorkerPool:
    """`size` worker processes answering requests to /sparql on the store at `store_path`."""

    def __init__(self, store_path: str, size: int = 4, timeout_s: float = 30.0) -> None:
        self.store_path = store_path
        self.size = max(1, size)
        self.timeout_s = timeout_s
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload(["kg.server.worker"])
        self._workers: dict[int, _Worker] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._started = [self._start() for _ in range(self.size)]   # warm before the first request
        self._idle: asyncio.Queue[_Worker] | None = None

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=work, args=(self.store_path, child), daemon=True, name="kg-query-worker")
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        with self._lock:
            self._workers[id(w)] = w
        return w

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._lock:
            return [w.proc.pid for w in self._workers.values() if w.proc.pid is not None]

    def _retire(self, w: _Worker) -> None:
        with self._lock:
            self._workers.pop(id(w), None)
        try:
            w.proc.kill()
            w.proc.join(2)
        except (OSError, ValueError, AssertionError):
            pass
        w.conn.close()

    def _queue(self) -> asyncio.Queue:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for w in self._started:
                self._idle.put_nowait(w)
        return self._idle

    async def _replace(self, w: _Worker) -> None:
        """Kill `w` and put a fresh worker in the pool (started off the event loop)."""
        loop = asyncio.get_running_loop()
        idle = self._queue()
        await loop.run_in_executor(None, self._retire, w)
        if not self._closed:
            idle.put_nowait(await loop.run_in_executor(None, self._start))

    async def _answer(self, w: _Worker) -> Answer | None:
        """The worker's answer; None when it ran out of time."""
        loop = asyncio.get_running_loop()
        ready = loop.create_future()
        fd = w.conn.fileno()
        loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
        try:
            await asyncio.wait_for(ready, self.timeout_s)
        except asyncio.TimeoutError:
            return None
        finally:
            loop.remove_reader(fd)
        return w.conn.recv()

    async def run(self, req: RawRequest) -> Answer:
        """Answer one request in a free worker (waiting for one if all are busy): the worker reads
        it (protocol.py, a coded 4xx when refused) and runs its query."""
        idle = self._queue()
        w = await idle.get()
        try:
            w.conn.send(req)
        except OSError:                       # died while idle: nothing ran, so try a fresh one
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, self._retire, w)
            w = await loop.run_in_executor(None, self._start)
            w.conn.send(req)
        try:
            result = await self._answer(w)
        except (EOFError, OSError):
            await asyncio.get_running_loop().run_in_executor(None, w.proc.join, 1)
            code = w.proc.exitcode
            asyncio.ensure_future(self._replace(w))
            return 500, "text/plain", (f"[E072] the query worker ended without an answer (exit code {code}); "
                                       "it has been replaced: send the query again").encode()
        except asyncio.CancelledError:        # the server is stopping, or the client left
            asyncio.ensure_future(self._replace(w))
            raise
        if result is None:
            asyncio.ensure_future(self._replace(w))
            return 503, "text/plain", (f"[E073] query timed out after {self.timeout_s:g} s and was stopped; "
                                       "narrow it (LIMIT, fewer patterns) or ask for a longer --timeout").encode()
        idle.put_nowait(w)
        return result

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._workers.values())
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in workers:
            w.proc.join(1)
            self._retire(w)
