"""A real Dask cluster on loopback, and `BENCH dask_2w_speedup`.

`LoopbackCluster` starts `dask scheduler` and `dask worker` as separate processes, as on a
real cluster (the cluster tests use it too: tests/integration/test_cluster.py). Workers
run without a nanny, one thread each: killing a worker's process is losing that worker.

The benchmark: the same generated corpus (benchmarks/corpus.py) built in one process
(workers=1) and on two separately started workers (dask=tcp://...), each build in a fresh
Python process and a fresh store, alternated `runs` times (the machine's speed drifts).
The clock runs over the build only: the one process loads its model before it starts, and
the workers are started and warmed (model loaded) before it too. Prints the median times
and their ratio.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackCluster:
    """A scheduler and workers, each its own process, on 127.0.0.1; logs under `logs`."""

    def __init__(self, logs: Path) -> None:
        self.logs = logs
        self.logs.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.scheduler: subprocess.Popen | None = None
        self.workers: dict[str, subprocess.Popen] = {}

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")
        return subprocess.Popen([str(BIN / "dask"), *args], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})

    def start_scheduler(self, seconds: float = 60) -> str:
        """Start the scheduler and wait until it accepts connections."""
        self.scheduler = self._spawn("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                                   "--no-dashboard"])
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self.address
            except OSError:
                if self.scheduler.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError(f"dask scheduler did not start: see {self.logs / 'scheduler.log'}")

    def add_worker(self, name: str) -> subprocess.Popen:
        """Start one single-threaded worker process (no nanny) named `name`."""
        self.workers[name] = self._spawn(name, ["worker", self.address, "--name", name, "--nthreads", "1",
                                                "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                                                "--death-timeout", "60"])
        return self.workers[name]

    def client(self):
        from dask.distributed import Client
        return Client(self.address, timeout=30)

    def wait_for_workers(self, n: int, seconds: float = 120) -> None:
        with self.client() as c:
            c.wait_for_workers(n, timeout=seconds)

    def warm(self) -> None:
        """Load kg's pipeline in every worker (what a build's first batch would do)."""
        from kg.config import load_settings
        from kg.runners import Job, warm
        s = load_settings()
        with self.client() as c:
            c.run(warm, Job(s.model, s.ontology_dir, s.batch_size))

    def executed(self) -> dict[str, int]:
        """Tasks each live worker has run, by worker name."""
        with self.client() as c:
            names = {a: w["name"] for a, w in c.scheduler_info()["workers"].items()}
            counts = c.run(lambda dask_worker: dask_worker.state.executed_count)
        return {names[a]: n for a, n in counts.items()}

    @staticmethod
    def kill(proc: subprocess.Popen) -> None:
        """SIGKILL one process (a node lost, an OOM kill) and reap it."""
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)

    def close(self) -> None:
        for proc in [*self.workers.values(), *([self.scheduler] if self.scheduler else [])]:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    self.kill(proc)

    def __enter__(self) -> "LoopbackCluster":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _run_one(kind: str, folder: Path, store: Path, address: str) -> float:
    """Seconds of one build in this (fresh) process, what it needs loaded before the clock
    starts: the model, lexicon and matcher for one process; the lexicon for the Dask client
    (its workers are warm already)."""
    sys.path.insert(0, str(ROOT))
    from kg.builder import build
    from kg.config import load_settings
    from kg.graph.store import KgStore
    from kg.runners import Job, fresh_lexicon, warm
    settings = load_settings(workers=1, dask=address if kind == "dask" else "")
    if kind == "dask":
        fresh_lexicon(settings.ontology_dir)
    else:
        warm(Job(settings.model, settings.ontology_dir))
    t0 = time.perf_counter()
    with KgStore(store) as st:
        report = build([folder], st, settings)
    seconds = time.perf_counter() - t0
    if not report.ok or report.unchanged:
        raise RuntimeError(f"{kind} build: {report.failed[:3]}")
    return seconds


def timed_build(kind: str, folder: Path, store: Path, address: str = "") -> float:
    """Seconds a build takes in a fresh process and a fresh store (see _run_one)."""
    shutil.rmtree(store, ignore_errors=True)
    r = subprocess.run([sys.executable, "-m", "benchmarks.cluster", "one", kind, str(folder), str(store), address],
                       capture_output=True, text=True, cwd=ROOT)
    if r.returncode != 0:
        raise RuntimeError(f"{kind} build failed: {r.stderr[-2000:]}")
    return float(r.stdout.strip().splitlines()[-1])


def main(size: int = 600, runs: int = 3) -> None:
    from .corpus import write_corpus
    with tempfile.TemporaryDirectory() as t, LoopbackCluster(Path(t) / "logs") as cluster:
        tmp = Path(t)
        folder = tmp / "corpus"
        _, words = write_corpus(folder, size)
        cluster.start_scheduler()
        cluster.add_worker("w1")
        cluster.add_worker("w2")
        cluster.wait_for_workers(2)
        cluster.warm()
        one, dask = [], []
        load = [os.getloadavg()[0]]
        for _ in range(runs):
            one.append(timed_build("one", folder, tmp / "store-1p"))
            dask.append(timed_build("dask", folder, tmp / "store-dask", cluster.address))
        med = lambda xs: sorted(xs)[len(xs) // 2]
        load.append(os.getloadavg()[0])
        print(f"# load average (1 min) before and after: {load[0]:.1f}, {load[1]:.1f} on {os.cpu_count()} cores "
              "(other processes' load takes cores from both sides)")
        print(f"# {size} articles, {words} words; one process: " + ", ".join(f"{x:.1f}" for x in one)
              + " s; two dask workers: " + ", ".join(f"{x:.1f}" for x in dask) + " s")
        print(f"BENCH dask_1p_s {med(one):.1f} s")
        print(f"BENCH dask_2w_s {med(dask):.1f} s")
        print(f"BENCH dask_2w_speedup {med(one) / med(dask):.2f} x")
        sys.stdout.flush()


if __name__ == "__main__":
    if sys.argv[1:2] == ["one"]:
        print(_run_one(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5] if len(sys.argv) > 5 else ""))
    else:
        main()
