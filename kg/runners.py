"""Where extraction runs: in this process, in N local processes, or on a Dask cluster.

Extraction (the spaCy parse and kg's rules) is the cost of a build, and it needs nothing
but the document: it runs on batches of documents wherever there are cores. What needs the
whole graph (identity across documents, IRIs, writing) stays with the single writer in the
calling process, which takes the results back in document order, so every runner gives
the same graph.

A runner is a context manager; inside, `runner.map(batches)` yields `(batch, results)`
pairs in the order of `batches`, one result per document: an `Extraction`, or a
`Failure` when kg's rules raised on that document. At most `window` batches are in
flight, so memory does not grow with the corpus.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from .config import debug_enabled
from .errors import ClusterError
from .extractor import Extractor
from .records import Document, Extraction


@dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs to extract: the pipeline's name, the ontology folder, spaCy's batch size."""
    model: str
    ontology_dir: str
    batch_size: int = 32
    one_blas_thread: bool = False   # set for workers that share the machine with others (Dask)
    extractor: Extractor | None = None   # what the build records; a worker that differs refuses ([E063])


@dataclass(frozen=True, slots=True)
class Failure:
    """kg's rules raised on one document (the build reports it and goes on)."""
    error: str          # exception type
    message: str


Result = Extraction | Failure


def extract_batch(docs: list[Document], job: Job) -> list[Result]:
    """Parse and extract a batch of documents (runs in a worker; loads the pipeline once per process)."""
    return [r for _, r in extract_stream(iter(docs), job)]


def extract_stream(docs: Iterator[Document], job: Job) -> Iterator[tuple[Document, Result]]:
    """Parse and extract documents as they come, through one `nlp.pipe` (spaCy batches
    across documents however they are grouped into tasks)."""
    from .nlp.extract import extract, masked_text
    from .nlp.pipeline import parse_texts, release

    nlp, lx = warm(job)
    check_extractor(nlp, job)
    if job.one_blas_thread:
        one_blas_thread()
    pulled: deque[Document] = deque()

    def texts():
        for d in docs:
            pulled.append(d)
            yield masked_text(d)

    for sdoc in parse_texts(nlp, texts(), job.batch_size):
        document = pulled.popleft()
        try:
            result = extract(document, sdoc, lx)
        except Exception as exc:  # one bad document must not stop the build
            if debug_enabled():
                raise
            result = Failure(type(exc).__name__, str(exc))
        finally:
            release(sdoc)
        yield document, result


def one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in this process. A worker is one core's worth of
    extraction: with several workers, BLAS threads in each would outnumber the cores and
    spin against each other (spaCy's matrix products would slow everything down)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=1, user_api="blas")


def warm(job: Job):
    """Load the pipeline, the lexicon and the gazetteer matcher (before forking, so
    workers share them); return the pipeline and the lexicon."""
    from .nlp.mentions import phrase_matcher
    from .nlp.pipeline import load_kg_pipeline
    nlp, lx = load_kg_pipeline(job.model), fresh_lexicon(job.ontology_dir)
    phrase_matcher(nlp.vocab, lx)
    return nlp, lx


_LOADED_DATA: dict[str, str] = {}     # ontology folder -> fingerprint of the lexicon loaded from it


def fresh_lexicon(ontology_dir: str):
    """The lexicon of `ontology_dir` as its files are now.

    `load_lexicon` keeps what it read for the life of the process; a long-lived process
    (a Dask worker, a notebook) would go on extracting with word lists edited since. Its
    cache is dropped when the files' fingerprint changed since they were last loaded here.
    """
    from .extractor import data_fingerprint
    from .nlp.lexicon import load_lexicon
    key = str(ontology_dir)
    fp = data_fingerprint(key)
    if _LOADED_DATA.get(key, fp) != fp:
        load_lexicon.cache_clear()
    _LOADED_DATA[key] = fp
    return load_lexicon(key)


def check_extractor(nlp, job: Job) -> None:
    """Refuse to extract with another kg, model or ontology than the build records.

    Raises:
        ClusterError: [E063] this process differs (a cluster worker with another environment).
    """
    if job.extractor is None:
        return
    from .extractor import kg_version
    have = Extractor(kg_version(), f"{nlp.meta['lang']}_{nlp.meta['name']}", str(nlp.meta["version"]),
                     _LOADED_DATA[str(job.ontology_dir)])
    if have != job.extractor:
        import socket
        raise ClusterError(f"worker on {socket.gethostname()} has {', '.join(job.extractor.differences(have))}; "
                           "install the same kg, model and ontology files on every worker", code="E063")


def _worker_start(job: Job) -> None:
    """A local worker: dies with its parent (a build killed with SIGKILL leaves no orphan
    processes behind, on Linux), then loads the pipeline."""
    try:
        import ctypes
        import signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    one_blas_thread()
    warm(job)
    import gc
    gc.freeze()         # the model stays: no collection walks it (nor copies its pages)


class InProcess:
    """Extraction in the calling process."""

    def __init__(self, job: Job) -> None:
        self.job = job

    def __enter__(self) -> "InProcess":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def map(self, batches: Iterable[list[Document]]) -> Iterator[tuple[list[Document], list[Result]]]:
        sizes: deque[int] = deque()

        def docs():
            for batch in batches:
                sizes.append(len(batch))
                yield from batch

        out_docs: list[Document] = []
        out: list[Result] = []
        for document, result in extract_stream(docs(), self.job):
            out_docs.append(document)
            out.append(result)
            if len(out) == sizes[0]:
                sizes.popleft()
                yield out_docs, out
                out_docs, out = [], []


class _Windowed:
    """Submit up to `window` batches ahead and hand results back in order."""

    window: int

    def submit(self, batch: list[Document]):
        raise NotImplementedError

    def wait(self, handle) -> list[Result]:
        raise NotImplementedError

    def map(self, batches: Iterable[list[Document]]) -> Iterator[tuple[list[Document], list[Result]]]:
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, self.submit(batch)))
            if len(pending) >= self.window:
                b, h = pending.popleft()
                yield b, self.wait(h)
        while pending:
            b, h = pending.popleft()
            yield b, self.wait(h)


class LocalProcesses(_Windowed):
    """Extraction in `n` local processes (forked after the pipeline is loaded, so they share it)."""

    def __init__(self, job: Job, n: int) -> None:
        self.job, self.n, self.window = job, n, 2 * n
        self.pool = None

    def __enter__(self) -> "LocalProcesses":
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        if method == "fork":
            warm(self.job)
        self.pool = mp.get_context(method).Pool(self.n, initializer=_worker_start, initargs=(self.job,))
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            (self.pool.close if exc[0] is None else self.pool.terminate)()
            self.pool.join()

    def submit(self, batch):
        return self.pool.apply_async(extract_batch, (batch, self.job))

    def wait(self, handle) -> list[Result]:
        return handle.get()


class DaskCluster(_Windowed):
    """Extraction on a Dask cluster: `address` is a scheduler (tcp://host:8786) or "local"
    for a LocalCluster of `n` single-threaded worker processes on this machine.

    Workers need kg, the spaCy model and the ontology folder (the same environment as
    here); a worker that has another kg, model or ontology data refuses ([E063]).

    Guarantees, tested on a scheduler and workers started as separate processes
    (tests/integration/test_cluster.py):
    - a worker lost mid-build (killed, its node gone): Dask runs its tasks again on the
      others; each batch's results are taken once, in order, so nothing is lost or written
      twice;
    - a worker that joins mid-build is given work: the number of batches in flight follows
      the workers the scheduler has, checked at every submission;
    - the scheduler lost mid-build: a coded one-line error ([E062]); the documents
      written so far are whole, and the next build completes the store.
    Dask's own log is silenced below CRITICAL (kg reports cluster failures itself) unless
    --debug is given.
    """

    def __init__(self, job: Job, address: str, n: int) -> None:
        self.job, self.address, self.n = job, address, n
        self.client = self.cluster = None
        self.window = 2 * n
        self._log_levels: dict[str, int] = {}

    def __enter__(self) -> "DaskCluster":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise ClusterError("--dask needs dask.distributed: pip install 'kg[dask]'") from exc
        self._quiet()
        try:
            if self.address == "local":
                self.cluster = LocalCluster(n_workers=self.n, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address=None)
                self.client = Client(self.cluster)
            else:
                try:
                    self.client = Client(self.address, timeout=10)
                except OSError as exc:
                    raise ClusterError(f"cannot reach the Dask scheduler at {self.address}: {exc}",
                                       code="E061") from exc
                self._resize()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self.client is not None:
                try:
                    self.client.close(timeout=10)
                except Exception:       # the scheduler is gone: nothing left to close politely
                    pass
            if self.cluster is not None:
                self.cluster.close()
        finally:
            import logging
            for n, level in self._log_levels.items():
                logging.getLogger(n).setLevel(level)
            self._log_levels = {}

    def _quiet(self) -> None:
        """Dask's loggers to CRITICAL (each one: Dask's config sets their levels one by one)."""
        if not debug_enabled():
            import logging
            import distributed  # noqa: F401  (creates its loggers)
            names = ["distributed", *(n for n in logging.root.manager.loggerDict if n.startswith("distributed."))]
            self._log_levels = {n: logging.getLogger(n).level for n in names}
            for n in names:
                logging.getLogger(n).setLevel(logging.CRITICAL)

    def _resize(self) -> None:
        """Two batches in flight per worker thread the scheduler has now (at least one worker's worth)."""
        threads = sum(self.client.nthreads().values())
        self.window = 2 * max(1, threads or self.n)

    def _lost(self, exc: BaseException) -> ClusterError:
        return ClusterError(f"lost the Dask scheduler at {self.address} mid-build ({type(exc).__name__}); "
                            "the documents written so far are whole: run the same kg build again "
                            "once the scheduler is back", code="E062")

    def submit(self, batch):
        job = replace(self.job, one_blas_thread=True)
        try:
            if self.cluster is None:
                self._resize()
            return self.client.submit(extract_batch, batch, job, pure=False)
        except (OSError, TimeoutError) as exc:
            raise self._lost(exc) from exc

    def wait(self, handle) -> list[Result]:
        from concurrent.futures import CancelledError

        from distributed import KilledWorker
        try:
            return handle.result()
        except KilledWorker as exc:
            raise ClusterError(f"a batch of documents was running on every Dask worker that died "
                               f"({exc}); check the workers' memory and logs", code="E064") from exc
        except (CancelledError, OSError, TimeoutError) as exc:
            raise self._lost(exc) from exc


def default_workers() -> int:
    """The machine's cores (those this process may run on)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def make_runner(job: Job, workers: int, dask: str = "", enough_work: bool = True):
    """The runner for these settings: Dask when `dask` names a scheduler (or "local"),
    else `workers` local processes, else this process (also when there is too little
    work to pay for starting processes)."""
    n = workers if workers > 0 else default_workers()
    if dask:
        return DaskCluster(job, dask, n)
    if n > 1 and enough_work:
        return LocalProcesses(job, n)
    return InProcess(job)
