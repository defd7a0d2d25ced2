"""The whole pipeline: files -> documents -> spaCy -> extraction -> identity -> quads -> store."""
from __future__ import annotations

import gc
import itertools
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .config import Settings, debug_enabled
from .errors import ExtractionError, IngestError, KgError
from .extractor import Extractor, current_extractor
from .graph.sources import Tally, Told
from .graph.store import BatchWriter, KgStore, StoredDocument
from .graph.triples import encode_quads, extractor_quads, further_source_quads, gazetteer_quads, to_quads
from .ingest import IngestFailure, iter_documents
from .mint import document_iri
from .namespaces import ENTITY_GRAPH, GAZETTEER_GRAPH
from .records import Document, EntityType, Extraction
from .resolve import Resolver
from .runners import Failure, Job, fresh_lexicon, make_runner


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)     # coded messages
    failed: list[str] = field(default_factory=list)      # coded messages
    reextracted: list[str] = field(default_factory=list)  # stale documents extracted again
    duplicates: list[str] = field(default_factory=list)   # "<file>: duplicate of <stored source>"
    stale: list[str] = field(default_factory=list)        # stale documents left as they are (reextract off)

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class _Plan:
    """What the store holds and what this build does to it, filled in as files are read."""

    stored: dict[str, StoredDocument]
    stale: set[str]                                       # doc_ids to extract again
    first: dict[str, str] = field(default_factory=dict)   # doc_id -> source, for those read in this build
    replaces: dict[str, str] = field(default_factory=dict)  # new doc_id -> the doc_id it replaces
    add: dict[str, list[str]] = field(default_factory=dict)     # further sources to record
    remove: dict[str, list[str]] = field(default_factory=dict)  # further sources to forget

    def __post_init__(self) -> None:
        self.by_identifier = {(s.identifier, s.source): d for d, s in self.stored.items()}
        self.further_of = {src: d for d, s in self.stored.items() for src in s.further_sources}


def build(paths: Iterable[str | Path], store: KgStore, settings: Settings,
          progress: Callable[[str], None] | None = None) -> BuildReport:
    """Build (or update) `store` from the documents under `paths`.

    Idempotent: documents already stored with the same content are not read again.
    A document whose file changed replaces its earlier version. A failure in one
    document is reported and leaves the store as it was for that document.

    Follows its extractor: every document's graph records what extracted it (kg's
    version, the model's name and version, a fingerprint of the ontology, lexicon and
    gazetteer files: `kg.extractor`). Stored documents whose record differs from the
    current one are extracted again (from their file when it is among `paths` or still
    where it was read, else from the text kept in the store), each replacing its earlier
    graph in one transaction, with the identity index seeded only from the documents that
    stay. They are extracted in the order a fresh build reads them: those under `paths`
    as they come, then the others in order of their source (identity decisions depend on
    reading order). When every stored document
    was written by this build, the shared entity and gazetteer graphs are cut down to what
    it wrote: the store then equals a fresh build of the same files. Graphs merged with
    `kg import` are never touched. `settings.reextract` False leaves stale documents as
    they are (counted in `BuildReport.stale`).

    Source counts: at the end, when the build wrote a document or recorded or forgot a
    further source (or the store has no counts yet), the number of documents (and
    publishers) telling each fact and naming each entity is recomputed in the sources graph
    (`kg.graph.sources`), so it stays right whatever the build added, replaced or extracted
    again. (`kg remove` recomputes it through `KgStore.prune_gazetteer`.) A build into a
    store that held no data counts what it wrote as it writes (`kg.graph.sources.Tally`):
    the same counts, without reading the store back.

    Duplicates: a file whose text is already stored (or read earlier in this build) under
    another path is reported in `BuildReport.duplicates` and recorded as a further
    `dcterms:source` of that document.

    Streaming: documents are read, extracted (in this process, in `settings.workers`
    processes, or on the Dask cluster `settings.dask`) and written in batches; what stays
    in memory is the identity index, not the documents.
    """
    report = BuildReport()
    current = current_extractor(settings.model, settings.ontology_dir)
    lx = fresh_lexicon(settings.ontology_dir)
    tally = Tally() if hasattr(store, "holds_no_data") and store.holds_no_data() else None
    counts: set[tuple[str, str, int]] = set()
    store.ensure_ontology(Path(settings.ontology_dir))
    stored = _stored_documents(store)
    stale = {d for d, s in stored.items() if s.extractor != current} if hasattr(store, "stored_documents") else set()
    if not settings.reextract:
        report.stale, stale = sorted(stored[d].identifier for d in stale), set()
    resolver = Resolver()
    for iri, t, label, keys, titles in (store.known_entities(exclude=stale) if stale else store.known_entities()):
        resolver.add_known(iri, t, label, keys, titles)
    plan = _Plan(stored, stale)
    batches = _batches(_todo(paths, plan, store, settings, report), settings.docs_per_task)
    first = list(itertools.islice(batches, 2))
    described: set[str] = set()     # shared-graph quads this build wrote (each written once)
    written: set[str] = set()
    if first:
        job = Job(settings.model, settings.ontology_dir, settings.batch_size, extractor=current)
        with make_runner(job, settings.workers, settings.dask, enough_work=len(first) > 1) as runner, \
                BatchWriter(store, max_docs=settings.docs_per_task) as writer, _long_lived_frozen():
            for batch, results in runner.map(itertools.chain(first, batches)):
                for document, x in zip(batch, results):
                    told = Told([], []) if tally is not None else None
                    fresh: dict[str, None] = {}
                    quads = _document_quads(document, x, resolver, lx, settings, report, current, told,
                                            (described, fresh))
                    if quads is None:
                        continue
                    did = document.doc_id
                    if did in plan.stale:
                        keep = [s for s in stored[did].further_sources if s not in plan.remove.get(did, ())]
                        quads += encode_quads(further_source_quads(did, keep))
                        writer.put(did, quads, replaces=[did])
                        report.reextracted.append(document.identifier)
                    else:
                        old = plan.replaces.get(did)
                        writer.put(did, quads, replaces=[old] if old else [])
                        (report.replaced if old else report.built).append(document.identifier)
                    written.add(did)
                    if tally is not None:
                        tally.add_document(document_iri(did), document.source, told)
                    described.update(fresh)
                    if progress:
                        progress(document.identifier)
            if tally is not None:      # counted while the writer writes what is left
                for did, sources in plan.add.items():
                    tally.add_sources(document_iri(did), sources)
                counts = tally.triples()
    if hasattr(store, "change_sources"):
        store.change_sources(plan.add, plan.remove)
    if (report.replaced or report.reextracted) and hasattr(store, "prune_gazetteer"):
        store.prune_gazetteer(source_counts=False)      # entities only the old versions named
    if stale and written and set(_stored_documents(store)) <= written:
        for graph in (ENTITY_GRAPH, GAZETTEER_GRAPH):   # what only the old extractions said
            store.keep_only(graph, [l for l in described if l.endswith(f" <{graph}> .\n")])
    if tally is not None:
        store.write_source_counts(counts)
    elif hasattr(store, "update_source_counts") and (written or plan.add or plan.remove
                                                     or not store.has_source_counts()):
        store.update_source_counts()   # documents (or their sources) added, replaced, extracted again
    return report


def _stored_documents(store) -> dict[str, StoredDocument]:
    """What the store holds (a remote store: documents only, never taken as stale)."""
    if hasattr(store, "stored_documents"):
        return store.stored_documents()
    return {d: StoredDocument(i, s, (), None) for d, (i, s) in store.documents().items()}


_SHARED = (f" <{ENTITY_GRAPH}> .\n", f" <{GAZETTEER_GRAPH}> .\n")


def _once(lines: Iterable[str], described: set[str], fresh: dict[str, None]) -> Iterator[str]:
    """`lines` without the shared-graph quads (entity descriptions, gazetteer facts) written
    already in this build (`described`) or earlier in this document; the new ones are put in
    `fresh`. Every document naming an entity describes it again; the store would check
    each such quad and skip it, at the cost of writing one (about 10% of a build's quads)."""
    for line in lines:
        if line.endswith(_SHARED):      # shared-graph quads come one line at a time
            if line in described or line in fresh:
                continue
            fresh[line] = None
        yield line


@contextmanager
def _long_lived_frozen():
    """Keep Python's cycle collector off what lives for the whole build (the model, the
    lexicon, the identity index as it stands): a full collection walked all of it about
    every 150 documents (0.7 s per 1,000 documents, measured). Unfrozen afterwards, so
    nothing stays out of the collector's reach. The youngest generation is collected every
    10,000 allocations instead of 700 meanwhile: a document's extraction allocates tens of
    thousands of short-lived objects, nearly all freed by their reference counts, and each
    collection that finds nothing to free still promotes what is alive, which brings the
    next full collection closer."""
    gc.freeze()         # garbage made before is frozen too, and freed after the build
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 10_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _todo(paths, plan: _Plan, store, settings: Settings, report: BuildReport) -> Iterator[Document]:
    """The documents to build, read one at a time, then the stale documents no path
    named; the others are reported (unchanged, duplicate, skipped, failed)."""
    for item in iter_documents([Path(p) for p in paths]):
        if isinstance(item, IngestFailure):
            (report.skipped if item.skipped else report.failed).append(item.message)
            continue
        did = item.doc_id
        elsewhere = plan.further_of.get(item.source)
        if elsewhere not in (None, did) and item.media_type != "application/jsonl":
            plan.remove.setdefault(elsewhere, []).append(item.source)   # a recorded copy that no longer is one
        if did in plan.stale and did not in plan.first:
            s = plan.stored[did]
            plan.first[did] = s.source
            if item.source not in s.sources:
                plan.add.setdefault(did, []).append(item.source)
            yield replace(item, identifier=s.identifier, source=s.source)
        elif did in plan.first or did in plan.stored:
            _seen_again(item, plan, report)
        elif len(item.text) > settings.max_chars:
            report.failed.append(f"[E029] {_where(item)}: {len(item.text):,} characters is over the "
                                 f"{settings.max_chars:,} limit; split the file or raise max_chars in kg.toml")
        else:
            plan.first[did] = item.source
            old = plan.by_identifier.get((item.identifier, item.source))
            if old is not None:
                plan.replaces[did] = old
                plan.stale.discard(old)      # replaced by the file's new text, not extracted again
            yield item
    for did in sorted(plan.stale - set(plan.first), key=lambda d: (plan.stored[d].source, d)):
        document = _stored_document(did, plan.stored[did], store, report)
        if document is not None:
            plan.first[did] = document.source
            yield document


def _seen_again(item: Document, plan: _Plan, report: BuildReport) -> None:
    """A file whose text is stored or was read earlier in this build: unchanged, or a duplicate."""
    did = item.doc_id
    stored = plan.stored.get(did)
    first = plan.first.get(did) or stored.source
    known = (*(stored.sources if stored else ()), first, *plan.add.get(did, ()))
    if item.source in known:
        report.unchanged.append(item.identifier)
    else:
        report.duplicates.append(f"{item.source}: duplicate of {first}")
        plan.add.setdefault(did, []).append(item.source)


def _stored_document(did: str, stored: StoredDocument, store, report: BuildReport) -> Document | None:
    """A stale document no path named: from its file if it is still there with the same
    text, else from the text the store keeps (None, and a failure reported, if neither)."""
    from .ingest.read import document_from_record, read_path
    path = Path(stored.source)
    if path.is_file():
        try:
            for d in read_path(path):
                if isinstance(d, Document) and d.doc_id == did:
                    return replace(d, identifier=stored.identifier, source=stored.source)
        except IngestError:
            pass
    try:
        document = document_from_record(store.document_record(did))
    except KgError as exc:
        report.failed.append(f"[E032] {stored.source}: cannot be extracted again ({exc}); "
                             "remove it with kg remove and build its file again")
        return None
    if document.doc_id != did:
        report.failed.append(f"[E032] {stored.source}: the text the store keeps does not match its hash "
                             f"({did}); remove it with kg remove and build its file again")
        return None
    return document


def _batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(itertools.islice(docs, max(1, size))):
        yield batch


def _document_quads(document: Document, x, resolver: Resolver, lx, settings: Settings,
                    report: BuildReport, extractor: Extractor, told: Told | None = None,
                    once: tuple[set[str], dict[str, None]] | None = None) -> bytes | None:
    """The quads of one extracted document as N-Quads text, with the record of what
    extracted it, or None (and a reported failure). `told` receives what they state, for
    the source counts; with `once` (the shared-graph quads written so far, and a dict that
    receives the new ones), shared-graph quads written already are left out (`_once`)."""
    try:
        if isinstance(x, Failure):
            raise ExtractionError(f"{x.error}: {x.message}")
        lines = itertools.chain(_quads(x, resolver, lx, settings, told), extractor_quads(document.doc_id, extractor))
        return encode_quads(_once(lines, *once) if once is not None else lines)
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


def _quads(x: Extraction, resolver: Resolver, lx, settings: Settings, told: Told | None = None):
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
    yield from to_quads(x, iris, labels, reasons, told)
    if settings.link:
        for e in x.entities:
            gaz = e.attr("gazetteer")
            entry = (lx.place(gaz) or lx.orgs.get(gaz)) if gaz else None
            if entry is not None and e.key in iris:
                yield from gazetteer_quads(entry, iris[e.key])
