"""The on-disk Oxigraph store: one named graph per document, one writer at a time.

Guarantees:
- A document's contribution is written in one transaction (alone, or with the other
  documents of its batch), together with its marker triple (`kg:contentHash`): a store
  killed mid-build never holds half a document, and a rebuild completes what is missing.
- Building a document whose content hash is already stored does nothing.
- A document whose identifier is stored with another hash is replaced.
- Queries see the union of all named graphs as the default graph.
"""
from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from ..errors import StoreError, StoreLocked
from ..namespaces import ENTITY_GRAPH, GAZETTEER_GRAPH, GRAPH, KG, sparql_prologue
from ..records import EntityType

ONTOLOGY_GRAPH = GRAPH + "ontology"
FLUSH_EVERY = 200_000     # quads written between two flushes of the store's memory to disk


class KgStore:
    """A kg graph on disk (pyoxigraph)."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        self._unflushed = 0
        self._lock_fd: int | None = None
        try:
            if read_only:
                if not (self.path / "CURRENT").exists() and not self.path.exists():
                    raise StoreError(f"{self.path}: no kg store here; run 'kg build PATH --store {self.path}' first",
                                     code="E052")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._lock()
                self.store = ox.Store(str(self.path))
        except OSError as exc:
            self.close()
            raise StoreError(f"{self.path}: cannot open the store ({exc}); check the path and permissions",
                             code="E053") from exc

    def _lock(self) -> None:
        fd = os.open(self.path / ".kg-writer.lock", os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            raise StoreLocked(f"{self.path}: another kg process is writing to this store; "
                              "wait for it to finish (one writer at a time)") from exc
        self._lock_fd = fd

    def close(self) -> None:
        st = getattr(self, "store", None)
        if st is not None and not self.read_only:
            st.flush()
        self.store = None
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> "KgStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writes
    def ensure_ontology(self, ontology_dir: Path) -> None:
        g = ox.NamedNode(ONTOLOGY_GRAPH)
        self.store.remove_graph(g) if self.store.contains_named_graph(g) else None
        for f in ("kg.ttl",):
            data = (ontology_dir / f).read_bytes()
            self.store.load(data, ox.RdfFormat.TURTLE, to_graph=g)

    def put_document(self, doc_id: str, quads: bytes, replaces: list[str] = ()) -> None:
        """Write one document's graph (N-Quads text) atomically, first removing the graphs it replaces."""
        self.put_documents([(doc_id, quads, list(replaces))])

    def put_documents(self, items: list[tuple[str, bytes, list[str]]]) -> None:
        """Write several documents' graphs (N-Quads text each) in one transaction, after
        removing the graphs they replace.

        `Store.load` parses and writes outside Python's lock: a build's writer thread
        overlaps with extraction.
        """
        for _, _, replaces in items:
            for old in replaces:
                self.store.remove_graph(ox.NamedNode(GRAPH + old))
        data = b"".join(quads for _, quads, _ in items)
        if data:
            # lenient: skips IRI validation, which kg did when it wrote the text (triples.n)
            self.store.load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        # RocksDB keeps written data in memory until flushed: flushing every ~200k quads keeps
        # a long build's memory flat (measured: +1.1 GB at 1.5M quads without, +0.2 GB with).
        self._unflushed += data.count(b"\n")
        if self._unflushed >= FLUSH_EVERY:
            self.store.flush()
            self._unflushed = 0

    def remove_document(self, doc_id: str) -> None:
        g = ox.NamedNode(GRAPH + doc_id)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)

    def prune_gazetteer(self) -> int:
        """Drop the descriptions and gazetteer facts of entities no document mentions any more."""
        n = 0
        for graph in (ENTITY_GRAPH, GAZETTEER_GRAPH):
            q = sparql_prologue() + f"""SELECT DISTINCT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }}
                FILTER NOT EXISTS {{ GRAPH ?g {{ ?s kg:mentionedIn ?d }} }} }}"""
            stale = [row["s"] for row in self.store.query(q)]
            g = ox.NamedNode(graph)
            for s in stale:
                for quad in list(self.store.quads_for_pattern(s, None, None, g)):
                    self.store.remove(quad)
            n += len(stale)
        return n

    # ------------------------------------------------------------------ reads
    def documents(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (identifier, source) of every stored document."""
        q = sparql_prologue() + """SELECT ?g ?id ?src WHERE { GRAPH ?g { ?d a kg:Document ;
            dcterms:identifier ?id ; dcterms:source ?src ; kg:contentHash ?h } }"""
        out = {}
        for row in self.store.query(q):
            out[row["g"].value[len(GRAPH):]] = (row["id"].value, row["src"].value)
        return out

    def has_document(self, doc_id: str) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(GRAPH + doc_id))

    def known_entities(self) -> Iterator[tuple[str, EntityType, str, list[str], list[str]]]:
        """(IRI, core type, label, identity keys, titles) of every actor and place stored."""
        q = sparql_prologue() + """SELECT ?e ?t ?label (GROUP_CONCAT(DISTINCT ?k; separator="\\u001f") AS ?keys)
          (GROUP_CONCAT(DISTINCT ?title; separator="\\u001f") AS ?titles)
          WHERE { ?e kg:identityKey ?k ; skos:prefLabel ?label ; a ?t .
                  VALUES ?t { kg:Person kg:Organization kg:Location kg:Operation }
                  OPTIONAL { ?e kg:title ?title } } GROUP BY ?e ?t ?label"""
        for row in self.store.query(q, use_default_graph_as_union=True):
            t = EntityType(row["t"].value[len(KG):])
            keys = [k for k in row["keys"].value.split("\x1f") if k]
            titles = [k for k in row["titles"].value.split("\x1f") if k] if row["titles"] else []
            yield row["e"].value, t, row["label"].value, keys, titles

    def query(self, sparql: str, **kw):
        kw.setdefault("use_default_graph_as_union", True)
        return self.store.query(sparql, **kw)

    def __len__(self) -> int:
        return len(self.store)


class BatchWriter:
    """Writes documents' graphs from one background thread, a batch per transaction.

    `put` hands a document over and returns at once; batches of about `max_quads` quads
    are written while the caller extracts the next documents. `close` writes the rest
    and waits; an error in the writer is raised again in the caller, at the next `put`
    or at `close`. Stores without `put_documents` get one `put_document` per document.
    """

    def __init__(self, store, max_quads: int = 20_000, max_docs: int = 64) -> None:
        import queue
        self.store, self.max_quads, self.max_docs = store, max_quads, max_docs
        self.buffer: list[tuple[str, bytes, list[str]]] = []
        self.size = 0
        self.error: BaseException | None = None
        self.queue: queue.Queue = queue.Queue(maxsize=4)
        self.thread = threading.Thread(target=self._run, name="kg-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        # Idle priority: extraction goes first (spaCy's matrix code runs a thread on every
        # core it can get, and wakes it thousands of times a second) and writing takes the
        # cycles left over. Under SCHED_IDLE a waking spaCy thread preempts the writer at
        # once; a merely niced writer would finish its time slice first. Linux sets both per
        # thread; where neither is allowed the writer runs at normal priority.
        tid = threading.get_native_id()
        try:
            os.sched_setscheduler(tid, os.SCHED_IDLE, os.sched_param(0))
        except (AttributeError, OSError):
            try:
                os.setpriority(os.PRIO_PROCESS, tid, 19)
            except (AttributeError, OSError):
                pass
        while (items := self.queue.get()) is not None:
            if self.error is None:
                try:
                    if hasattr(self.store, "put_documents"):
                        self.store.put_documents(items)
                    else:
                        for doc_id, quads, replaces in items:
                            self.store.put_document(doc_id, quads, replaces=replaces)
                except BaseException as exc:   # handed back to the caller
                    self.error = exc

    def _check(self) -> None:
        if self.error is not None:
            raise self.error

    def put(self, doc_id: str, quads: bytes, replaces: list[str] = ()) -> None:
        """Hand over one document's graph, as N-Quads text."""
        self._check()
        self.buffer.append((doc_id, quads, list(replaces)))
        self.size += quads.count(b"\n")
        if self.size >= self.max_quads or len(self.buffer) >= self.max_docs:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            self.queue.put(self.buffer)
            self.buffer, self.size = [], 0

    def close(self) -> None:
        """Write what is buffered and wait for the writer (raises its error, if any)."""
        self.flush()
        self.queue.put(None)
        self.thread.join()
        self._check()

    def __enter__(self) -> "BatchWriter":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
        else:                          # stop without hiding the caller's error
            self.buffer = []
            self.queue.put(None)
            self.thread.join()
