"""The on-disk Oxigraph store: one named graph per document, one writer at a time.

Guarantees:
- A document's contribution is written in one transaction (alone, or with the other
  documents of its batch), together with its marker triple (`kg:contentHash`): a store
  killed mid-build never holds half a document, and a rebuild completes what is missing.
- Building a document whose content hash is already stored does nothing.
- A document whose identifier is stored with another hash is replaced.
- A document written again (replaced, or re-extracted because its extractor record is
  stale) goes in one transaction with the removal of its earlier graph: a store killed
  mid-build holds the old version or the new one, never neither.
- Queries see the union of all named graphs as the default graph.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..errors import StoreError, StoreLocked
from ..extractor import Extractor
from ..namespaces import DCTERMS, DOC, ENTITY_GRAPH, GAZETTEER_GRAPH, GRAPH, KG, PROV, RDF, sparql_prologue
from ..records import EntityType

ONTOLOGY_GRAPH = GRAPH + "ontology"
FLUSH_EVERY = 200_000     # quads written between two flushes of the store's memory to disk
MAX_WAITING_QUADS = 80_000  # quads handed to the writer thread and not yet written, at most
_DOC_GRAPH = re.compile(r"[0-9a-f]{16}")    # a document's graph is GRAPH + its doc_id; imports are not


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A document as the store records it."""

    identifier: str
    source: str                          # the file (or URL) it was extracted from
    further_sources: tuple[str, ...]     # other files with the same text (kg:duplicateSource)
    extractor: Extractor | None          # what extracted it; None: a kg without the record

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source, *self.further_sources)


def insert_data(quads: bytes) -> str:
    """N-Quads text as a SPARQL INSERT DATA (what kg writes: IRIs and literals, no blank nodes).

    >>> insert_data(b'<s> <p> "o o" <g> .\\n<s> <p> <o> <h> .\\n')
    'INSERT DATA { GRAPH <g> { <s> <p> "o o" } GRAPH <h> { <s> <p> <o> } }'
    """
    by_graph: dict[str, list[str]] = {}
    for line in quads.decode("utf-8").split("\n"):
        if line:
            body, g = line[:-2].rsplit(" ", 1)      # "s p o g ." -> ("s p o", "g")
            by_graph.setdefault(g, []).append(body)
    return "INSERT DATA { " + " ".join(f"GRAPH {g} {{ {' . '.join(b)} }}" for g, b in by_graph.items()) + " }"


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
        """Write several documents' graphs (N-Quads text each).

        Atomic: the new documents go in one transaction; the documents that replace
        others go in a second one, together with the removal of the graphs they replace
        (a SPARQL update: DROP GRAPH ...; INSERT DATA ...).

        `Store.load` parses and writes outside Python's lock: a build's writer thread
        overlaps with extraction.
        """
        replacing = [(quads, replaces) for _, quads, replaces in items if replaces]
        if replacing:
            drops = " ; ".join(f"DROP SILENT GRAPH <{GRAPH}{old}>" for _, replaces in replacing for old in replaces)
            self.store.update(f"{drops} ; {insert_data(b''.join(q for q, _ in replacing))}")
        data = b"".join(quads for _, quads, replaces in items if not replaces)
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

    def prune_gazetteer(self, *, source_counts: bool = True) -> int:
        """Drop the descriptions and gazetteer facts of entities no document mentions any more.

        What to call after documents were removed (`kg remove`): with `source_counts` (the
        default) the source counts are brought up to date too (`update_source_counts`).
        Returns how many entities were dropped.
        """
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
        if source_counts:
            self.update_source_counts()
        return n

    def update_source_counts(self) -> int:
        """Bring the source counts (`kg.graph.sources`) up to date with the documents stored.

        Every count is recomputed from the evidence and mentions of all named graphs; only the
        triples that differ are written, in one transaction, to the sources graph (per-document
        graphs are never touched). Returns how many triples were removed or added.
        """
        from . import sources as src
        docs = {q.subject.value for q in self.store.quads_for_pattern(
            None, ox.NamedNode(RDF + "type"), ox.NamedNode(KG + "Document"), None)}
        return self.write_source_counts(src.store_count_triples(self._pairs, docs))

    def write_source_counts(self, want: set[tuple[str, str, int]]) -> int:
        """Make the sources graph hold the count triples `want` (node, property, value), and
        nothing else; only the triples that differ are written, in one transaction. Returns
        how many triples were removed or added."""
        from . import sources as src
        from .triples import lit, n
        g = ox.NamedNode(src.SOURCES_GRAPH)
        have = {(q.subject.value, q.predicate.value, int(q.object.value))
                for q in self.store.quads_for_pattern(None, None, None, g)}
        drop, add = have - want, want - have
        lines = lambda triples: "\n".join(f"{n(s)} {n(p)} {lit(v, 'integer')} ." for s, p, v in triples)
        if drop:
            parts = [f"DELETE DATA {{ GRAPH <{src.SOURCES_GRAPH}> {{ {lines(drop)} }} }}"]
            if add:
                parts.append(f"INSERT DATA {{ GRAPH <{src.SOURCES_GRAPH}> {{ {lines(add)} }} }}")
            self.store.update(" ; ".join(parts))
        elif add:       # only additions (a first build): one load, several times cheaper than an update
            self.store.load(lines(add).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=g, lenient=True)
        return len(drop) + len(add)

    def holds_no_data(self) -> bool:
        """Whether no named graph but the ontology's and the (derived) source counts' holds
        anything: no document built, no graph imported."""
        from .sources import SOURCES_GRAPH
        return all(g.value in (ONTOLOGY_GRAPH, SOURCES_GRAPH) for g in self.store.named_graphs()
                   if isinstance(g, ox.NamedNode)) and not any(
            True for _ in self.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def has_source_counts(self) -> bool:
        """Whether the sources graph exists (a store built before source counts has none)."""
        from .sources import SOURCES_GRAPH
        return self.store.contains_named_graph(ox.NamedNode(SOURCES_GRAPH))

    def _pairs(self, predicate: str) -> Iterator[tuple[str, str]]:
        """(subject, object) values of every quad with `predicate`, in any graph.

        One index scan per predicate, joined in Python by the callers: on a 1,000-document
        store this is several times cheaper than a SPARQL join of the same patterns.
        """
        for q in self.store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            yield q.subject.value, q.object.value

    def document_sources(self) -> Iterator[tuple[str, str | None]]:
        """(document IRI, one of its dcterms:source values or None) for every kg:Document."""
        docs = {q.subject.value for q in self.store.quads_for_pattern(
            None, ox.NamedNode(RDF + "type"), ox.NamedNode(KG + "Document"), None)}
        seen = set()
        for d, src in self._pairs(DCTERMS + "source"):
            if d in docs:
                seen.add(d)
                yield d, src
        for d in docs - seen:
            yield d, None

    def evidence_rows(self) -> Iterator[tuple[str, str, str, str, str]]:
        """(evidence node, subject, predicate, object, what it was derived from) of every
        reified statement with a prov:wasDerivedFrom (kg:Evidence), in any graph."""
        parts = [dict(self._pairs(RDF + x)) for x in ("subject", "predicate", "object")]
        subj, pred, obj = parts
        for ev, d in self._pairs(PROV + "wasDerivedFrom"):
            if ev in subj and ev in pred and ev in obj:
                yield ev, subj[ev], pred[ev], obj[ev], d

    # ------------------------------------------------------------------ reads
    def documents(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (identifier, source) of every stored document (imported graphs aside)."""
        return {d: (s.identifier, s.source) for d, s in self.stored_documents().items()}

    def stored_documents(self) -> dict[str, StoredDocument]:
        """doc_id -> what the store records of every document kg extracted.

        Graphs merged with `kg import` are not documents kg extracted, even when they hold
        kg:Document nodes (an export imported back): they are left out.
        """
        q = sparql_prologue() + """SELECT ?g ?id ?src ?kgv ?mn ?mv ?fp WHERE { GRAPH ?g {
            ?d a kg:Document ; dcterms:identifier ?id ; dcterms:source ?src ; kg:contentHash ?h .
            FILTER NOT EXISTS { ?d kg:duplicateSource ?src }
            OPTIONAL { ?d kg:kgVersion ?kgv ; kg:modelName ?mn ; kg:modelVersion ?mv ; kg:dataFingerprint ?fp } } }"""
        further: dict[str, list[str]] = {}
        for row in self.store.query(sparql_prologue() + "SELECT ?g ?src WHERE { GRAPH ?g { "
                                    "?d a kg:Document ; kg:duplicateSource ?src } }"):
            further.setdefault(row["g"].value[len(GRAPH):], []).append(row["src"].value)
        out = {}
        for row in self.store.query(q):
            did = row["g"].value[len(GRAPH):]
            if not _DOC_GRAPH.fullmatch(did):
                continue
            x = (Extractor(row["kgv"].value, row["mn"].value, row["mv"].value, row["fp"].value)
                 if row["kgv"] is not None else None)
            out[did] = StoredDocument(row["id"].value, row["src"].value, tuple(sorted(further.get(did, ()))), x)
        return out

    def document_record(self, doc_id: str) -> dict[str, str | None]:
        """The text and description of a stored document: text, identifier, source, title,
        date, media_type, content_hash (what re-extraction needs when the file is gone)."""
        q = sparql_prologue() + f"""SELECT ?text ?id ?src ?title ?date ?fmt ?h WHERE {{ GRAPH <{GRAPH}{doc_id}> {{
            <{DOC}{doc_id}> nif:isString ?text ; dcterms:identifier ?id ; dcterms:source ?src ; kg:contentHash ?h .
            FILTER NOT EXISTS {{ <{DOC}{doc_id}> kg:duplicateSource ?src }}
            OPTIONAL {{ <{DOC}{doc_id}> dcterms:title ?title }} OPTIONAL {{ <{DOC}{doc_id}> dcterms:issued ?date }}
            OPTIONAL {{ <{DOC}{doc_id}> dcterms:format ?fmt }} }} }}"""
        for row in self.store.query(q):
            val = lambda k: row[k].value if row[k] is not None else None
            return {"text": val("text"), "identifier": val("id"), "source": val("src"), "title": val("title"),
                    "date": val("date"), "media_type": val("fmt"), "content_hash": val("h")}
        raise StoreError(f"{self.path}: document {doc_id} is not stored; run kg build again", code="E057")

    def change_sources(self, add: dict[str, list[str]], remove: dict[str, list[str]]) -> None:
        """Record further files of stored documents (`add`) and forget some (`remove`).

        Atomic: one transaction. A further source is a `dcterms:source` of the document
        (provenance queries find every file) that is also a `kg:duplicateSource` (the file
        it was extracted from is the one that is not). Documents not stored are left alone.
        """
        parts = []
        for did, sources in sorted(remove.items()):
            for src in sources:
                d, v = f"<{DOC}{did}>", json.dumps(src, ensure_ascii=False)
                parts.append(f"DELETE DATA {{ GRAPH <{GRAPH}{did}> {{ {d} <{DCTERMS}source> {v} . "
                             f"{d} <{KG}duplicateSource> {v} }} }}")
        for did, sources in sorted(add.items()):
            d, g = f"<{DOC}{did}>", f"<{GRAPH}{did}>"
            triples = " ".join(f"{d} <{DCTERMS}source> {v} . {d} <{KG}duplicateSource> {v} ."
                               for v in (json.dumps(s, ensure_ascii=False) for s in sources))
            parts.append(f"INSERT {{ GRAPH {g} {{ {triples} }} }} WHERE {{ GRAPH {g} {{ {d} a <{KG}Document> }} }}")
        if parts:
            self.store.update(" ; ".join(parts))

    def keep_only(self, graph: str, quads: Iterable[str]) -> int:
        """Remove from the shared `graph` every triple not among `quads` (N-Quads lines of
        that graph); returns how many were removed. Atomic: one transaction."""
        keep = {ox.Quad(q.subject, q.predicate, q.object, q.graph_name)
                for q in ox.parse("".join(quads).encode("utf-8"), format=ox.RdfFormat.N_QUADS)}
        g = ox.NamedNode(graph)
        extra = [q for q in self.store.quads_for_pattern(None, None, None, g) if q not in keep]
        if extra:
            self.store.update("DELETE DATA { GRAPH <%s> { %s } }" % (
                graph, " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in extra)))
        return len(extra)

    def has_document(self, doc_id: str) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(GRAPH + doc_id))

    def known_entities(self, exclude: Iterable[str] = ()) -> Iterator[tuple[str, EntityType, str, list[str], list[str]]]:
        """(IRI, core type, label, identity keys, titles) of every actor and place stored,
        but those that only the documents `exclude` (doc_ids) mention."""
        exclude = {GRAPH + d for d in exclude}
        only_excluded: set[str] = set()
        if exclude:
            mentioned: dict[str, bool] = {}
            for row in self.store.query(sparql_prologue() + "SELECT DISTINCT ?e ?g WHERE { GRAPH ?g { ?e kg:mentionedIn ?d } }"):
                e = row["e"].value
                mentioned[e] = mentioned.get(e, False) or row["g"].value not in exclude
            only_excluded = {e for e, elsewhere in mentioned.items() if not elsewhere}
        q = sparql_prologue() + """SELECT ?e ?t ?label (GROUP_CONCAT(DISTINCT ?k; separator="\\u001f") AS ?keys)
          (GROUP_CONCAT(DISTINCT ?title; separator="\\u001f") AS ?titles)
          WHERE { ?e kg:identityKey ?k ; skos:prefLabel ?label ; a ?t .
                  VALUES ?t { kg:Person kg:Organization kg:Location kg:Operation }
                  OPTIONAL { ?e kg:title ?title } } GROUP BY ?e ?t ?label"""
        for row in self.store.query(q, use_default_graph_as_union=True):
            if row["e"].value in only_excluded:
                continue
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
    are written while the caller extracts the next documents. At most about 80,000 quads,
    and at most four batches' worth of documents (`4 * max_docs`), wait to be written: past
    that, `put` waits for the writer (memory stays bounded, and a killed build loses little
    extracted work). `close` writes the rest
    and waits; an error in the writer is raised again in the caller, at the next `put`
    or at `close`. Stores without `put_documents` get one `put_document` per document.
    """

    # ~5,000 quads per transaction: the store's CPU per quad was lowest there (measured on the
    # quads of 500 articles: 4.2-5.0 s in transactions of 5,000, 5.0-5.4 s of 20,000 or 2,500)
    def __init__(self, store, max_quads: int = 5_000, max_docs: int = 64) -> None:
        import queue
        self.store, self.max_quads, self.max_docs = store, max_quads, max_docs
        self.buffer: list[tuple[str, bytes, list[str]]] = []
        self.size = 0
        self.error: BaseException | None = None
        self.queue: queue.Queue = queue.Queue()
        self.waiting = [0, 0]                 # quads, documents handed over and not yet written
        self.room = threading.Condition()
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
        while (item := self.queue.get()) is not None:
            items, size = item
            if self.error is None:
                try:
                    if hasattr(self.store, "put_documents"):
                        self.store.put_documents(items)
                    else:
                        for doc_id, quads, replaces in items:
                            self.store.put_document(doc_id, quads, replaces=replaces)
                except BaseException as exc:   # handed back to the caller
                    self.error = exc
            with self.room:
                self.waiting[0] -= size
                self.waiting[1] -= len(items)
                self.room.notify()

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
            with self.room:
                while self.waiting[1] and (self.waiting[0] + self.size > MAX_WAITING_QUADS
                                           or self.waiting[1] + len(self.buffer) > 4 * self.max_docs):
                    self.room.wait()
                self.waiting[0] += self.size
                self.waiting[1] += len(self.buffer)
            self.queue.put((self.buffer, self.size))
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
