"""A pool of warm query workers (`worker.work`), each holding the store open read-only.

Guarantees:
- A query runs alone in one worker process; the HTTP threads only wait for it.
- A query still running after `timeout_s` is stopped by killing its worker (503, E073);
  a fresh worker takes its place while the others go on answering.
- A worker that dies mid-query (killed, out of memory, a crash in native code) costs that
  query a coded 500 (E072); it is replaced, and the next query is answered.
- `close()` ends every worker; no process outlives the pool.

Workers are forked from a fork server started once (multiprocessing's "forkserver"
context), never from the threaded HTTP process itself.
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass

from .worker import Answer, QueryRequest, work


@dataclass
class _Worker:
    proc: mp.process.BaseProcess
    conn: object


class WorkerPool:
    """`size` worker processes answering QueryRequests on the store at `store_path`."""

    def __init__(self, store_path: str, size: int = 4, timeout_s: float = 30.0) -> None:
        self.store_path = store_path
        self.timeout_s = timeout_s
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload(["kg.server.worker"])
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: dict[int, _Worker] = {}
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, size)):
            self.idle.put(self._start())

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
        except (OSError, ValueError):
            pass
        w.conn.close()

    def _replace(self, w: _Worker) -> None:
        """Kill `w` and put a fresh worker in the pool (started in the background)."""
        self._retire(w)

        def start() -> None:
            if not self._closed:
                self.idle.put(self._start())
        threading.Thread(target=start, name="kg-worker-start", daemon=True).start()

    def run(self, req: QueryRequest) -> Answer:
        """Answer one query in a free worker (waiting for one if all are busy)."""
        w = self.idle.get()
        try:
            w.conn.send(req)
        except OSError:                       # died while idle: nothing ran, so try a fresh one
            self._retire(w)
            w = self._start()
            w.conn.send(req)
        if not w.conn.poll(self.timeout_s):
            self._replace(w)
            return 503, "text/plain", (f"[E073] query timed out after {self.timeout_s:g} s and was stopped; "
                                       "narrow it (LIMIT, fewer patterns) or ask for a longer --timeout").encode()
        try:
            result = w.conn.recv()
        except (EOFError, OSError):
            code = w.proc.exitcode
            self._replace(w)
            return 500, "text/plain", (f"[E072] the query worker ended without an answer (exit code {code}); "
                                       "it has been replaced: send the query again").encode()
        self.idle.put(w)
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
