"""The whole pipeline: files -> documents -> spaCy -> extraction -> identity -> quads -> store."""
from __future__ import annotations

import gc
import itertools
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .config import Settings, debug_enabled
from .errors import ExtractionError
from .graph.store import BatchWriter, KgStore
from .graph.triples import encode_quads, gazetteer_quads, to_quads
from .ingest import IngestFailure, iter_documents
from .nlp.lexicon import load_lexicon
from .records import Document, EntityType, Extraction
from .resolve import Resolver
from .runners import Failure, Job, make_runner


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)     # coded messages
    failed: list[str] = field(default_factory=list)      # coded messages

    @property
    def ok(self) -> bool:
        return not self.failed


def build(paths: Iterable[str | Path], store: KgStore, settings: Settings,
          progress: Callable[[str], None] | None = None) -> BuildReport:
    """Build (or update) `store` from the documents under `paths`.

    Idempotent: documents already stored with the same content are not read again.
    A document whose file changed replaces its earlier version. A failure in one
    document is reported and leaves the store as it was for that document.

    Streaming: documents are read, extracted (in this process, in `settings.workers`
    processes, or on the Dask cluster `settings.dask`) and written in batches; what stays
    in memory is the identity index, not the documents.
    """
    report = BuildReport()
    lx = load_lexicon(settings.ontology_dir)
    store.ensure_ontology(Path(settings.ontology_dir))
    resolver = Resolver()
    for iri, t, label, keys, titles in store.known_entities():
        resolver.add_known(iri, t, label, keys, titles)
    stored = store.documents()
    by_identifier = {(ident, src): did for did, (ident, src) in stored.items()}
    batches = _batches(_todo(paths, stored, settings, report), settings.docs_per_task)
    first = list(itertools.islice(batches, 2))
    if not first:
        return report
    job = Job(settings.model, settings.ontology_dir, settings.batch_size)
    with make_runner(job, settings.workers, settings.dask, enough_work=len(first) > 1) as runner, \
            BatchWriter(store, max_docs=settings.docs_per_task) as writer, _long_lived_frozen():
        for batch, results in runner.map(itertools.chain(first, batches)):
            for document, x in zip(batch, results):
                quads = _document_quads(document, x, resolver, lx, settings, report)
                if quads is None:
                    continue
                old = by_identifier.get((document.identifier, document.source))
                writer.put(document.doc_id, quads, replaces=[old] if old else [])
                (report.replaced if old else report.built).append(document.identifier)
                if progress:
                    progress(document.identifier)
    if report.replaced and hasattr(store, "prune_gazetteer"):
        store.prune_gazetteer()      # entities only the old versions named
    return report


@contextmanager
def _long_lived_frozen():
    """Keep Python's cycle collector off what lives for the whole build (the model, the
    lexicon, the identity index as it stands): a full collection walked all of it about
    every 150 documents (0.7 s per 1,000 documents, measured). Unfrozen afterwards, so
    nothing stays out of the collector's reach."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _todo(paths, stored: dict, settings: Settings, report: BuildReport) -> Iterator[Document]:
    """The documents to build, read one at a time; the others are reported."""
    seen: set[str] = set()
    for item in iter_documents([Path(p) for p in paths]):
        if isinstance(item, IngestFailure):
            (report.skipped if item.skipped else report.failed).append(item.message)
        elif item.doc_id in stored or item.doc_id in seen:
            report.unchanged.append(item.identifier)
        elif len(item.text) > settings.max_chars:
            report.failed.append(f"[E029] {_where(item)}: {len(item.text):,} characters is over the "
                                 f"{settings.max_chars:,} limit; split the file or raise max_chars in kg.toml")
        else:
            seen.add(item.doc_id)
            yield item


def _batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(itertools.islice(docs, max(1, size))):
        yield batch


def _document_quads(document: Document, x, resolver: Resolver, lx, settings: Settings,
                    report: BuildReport) -> bytes | None:
    """The quads of one extracted document as N-Quads text, or None (and a reported failure)."""
    try:
        if isinstance(x, Failure):
            raise ExtractionError(f"{x.error}: {x.message}")
        return encode_quads(_quads(x, resolver, lx, settings))
    except Exception as exc:  # one bad document must not stop the build
        why = str(exc) if isinstance(exc, ExtractionError) else f"{type(exc).__name__}: {exc}"
        report.failed.append(f"[E031] {_where(document)}: extraction failed ({why.removeprefix('[E030] ')}); "
                             "rerun with --debug and report it")
        if debug_enabled():
            raise
        return None


def _where(d: Document) -> str:
    """How an error names a document: its path, or file#record for JSON lines."""
    return d.identifier if d.media_type == "application/jsonl" else d.source


def _quads(x: Extraction, resolver: Resolver, lx, settings: Settings):
    from dataclasses import replace

    from .mint import event_iri
    iris, labels, reasons = {}, {}, {}
    for e in x.entities:
        if e.type in (EntityType.OPERATION, EntityType.FUNDING):
            continue
        iri, label, why = resolver.resolve(e)
        iris[e.key], labels[e.key], reasons[e.key] = iri, label, why
    first = {}
    for m in x.mentions:
        first.setdefault(m.entity, (m.start, m.end))
    entities = []
    for e in x.entities:
        if e.type == EntityType.OPERATION:
            rel = lambda p: [iris[r.object] for r in x.relations if r.subject == e.key and r.predicate == p
                             and r.object in iris]
            default = event_iri(e, x.document.doc_id, first.get(e.key, (0, 0)))
            iri, label, keys = resolver.resolve_event(e, rel("hasParticipant"), rel("locatedIn"), default)
            iris[e.key], labels[e.key] = iri, label
            if iri != default:
                reasons[e.key] = "same operation reported elsewhere (kind, date, participant and place agree)"
            if keys:
                e = replace(e, attrs=e.attrs + (("opkeys", "|".join(keys)),))
        entities.append(e)
    x = replace(x, entities=tuple(entities))
    yield from to_quads(x, iris, labels, reasons)
    if settings.link:
        for e in x.entities:
            gaz = e.attr("gazetteer")
            entry = (lx.place(gaz) or lx.orgs.get(gaz)) if gaz else None
            if entry is not None and e.key in iris:
                yield from gazetteer_quads(entry, iris[e.key])
