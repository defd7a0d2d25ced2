"""The Python API: build a graph, open one, query it, export it, view it.

    >>> import tempfile, kg
    >>> with kg.open_store(tempfile.mkdtemp() + "/store") as g:      # an empty store
    ...     g.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").to_records()
    [{'n': '0'}]
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .builder import BuildReport, build as _build
from .config import Settings, load_settings
from .graph.store import KgStore

if TYPE_CHECKING:
    import networkx

    from .query.run import Table



class Graph:
    """A kg store opened for use: query it, export it, draw it, validate it.

    Get one from `kg.build` or `kg.open_store`. A writable Graph holds the store's writer
    lock (one writer at a time, `[E051]` for a second one): close it, or use it as a
    context manager (`with kg.open_store(path) as g: ...`). Read-only Graphs may be open in
    several processes at once.

    Attributes:
        store: the underlying `KgStore` (pyoxigraph).
        settings: the `Settings` in force (defaults < kg.toml < KG_* environment < arguments).
        report: the `BuildReport` of the build that returned this Graph, else None.
    """

    def __init__(self, store: KgStore, settings: Settings, report: BuildReport | None = None) -> None:
        self.store = store
        self.settings = settings
        self.report = report

    def query(self, sparql: str, *, timeout: float | None = None, max_rows: int | None = None,
              **params: str) -> "Table | bool | list":
        """Run SPARQL text, a .rq path or a named query; keyword arguments are bound as values.

        The prefixes kg uses (kg:, skos:, dcterms:, nif:, prov:, rdf:, rdfs:, owl:, geo: …) are
        predeclared. Parameters are bound as literal values of the variables of the same name
        (`g.query("leaders", label="Mexico")`), never pasted into the query text. Updates,
        SERVICE and FROM are refused (`QueryRejected`).

        Args:
            sparql: SPARQL text, a path to a `.rq` file, or a named query (`kg queries`).
            timeout: seconds the query may run (default: settings.query_timeout; 0: no limit).
            max_rows: rows returned at most (default: settings.max_rows); `Table.truncated` says
                when more were cut.
            **params: values for the query's variables, as strings.

        Returns:
            A `Table` for SELECT (`.columns`, `.rows`, `.to_records()`, `.to_pandas()`,
            `.to_csv()`, `.to_json()`), a bool for ASK, a list of triples for CONSTRUCT/DESCRIBE.

        Raises:
            QueryError: the text is not SPARQL, the query failed or ran out of time (`[E073]`).
            QueryRejected: an update, SERVICE or FROM.
        """
        timeout = self.settings.query_timeout if timeout is None else timeout
        max_rows = self.settings.max_rows if max_rows is None else max_rows
        from .errors import QueryError
        from .query.run import named_queries, resolve_query_text, run_query
        text = resolve_query_text(sparql, Path(self.settings.ontology_dir))
        try:
            return run_query(self.store, text, params, timeout=timeout or None, max_rows=max_rows or None)
        except QueryError as exc:
            if text is not sparql:      # a named query or a .rq file: say which
                where = named_queries(Path(self.settings.ontology_dir)).get(sparql, sparql)
                raise QueryError(f"{where}: {str(exc).split('] ', 1)[-1]}", code=exc.code) from exc
            raise

    def export(self, path: str | Path, fmt: str = "turtle", force: bool = False, *, min_sources: int = 1) -> Path:
        """Write the whole graph to `path` in `fmt` and return the path.

        Atomic: written to a temporary file, then renamed, so a crash never leaves half a file.

        Args:
            path: the file to write.
            fmt: turtle, trig, nt, nq, jsonld, graphml (Gephi, networkx) or csv.
            force: overwrite an existing file (otherwise an existing file is an `ExportError`).
            min_sources: leave out the facts fewer than this many distinct documents tell
                (`kg:sourceCount`): in RDF formats their relation triples and evidence nodes,
                in graphml, gexf and csv their edges; entities stay. 1 (default) keeps all;
                below 1 is an `ExportError` (E085).
        """
        from .export import export
        export(self.store, fmt, Path(path), force=force, min_sources=min_sources)
        return Path(path)

    def view(self, path: str | Path, force: bool = False, *, focus: str | None = None, hops: int = 1,
             types: Iterable[str] = (), doc: str | None = None, since: str | None = None,
             until: str | None = None, query: str | None = None, max_nodes: int | None = None,
             size: str = "degree", title: str = "kg network", min_sources: int = 1) -> Path:
        """Write the interactive HTML view (offline) of the graph or a selection of it.

        `focus`/`hops`: the ego network of an entity (name, alias or IRI); `types`: classes to keep
        (e.g. ["Operation", "Funding"]); `doc`: one document; `since`/`until`: YYYY[-MM[-DD]];
        `query`: a CONSTRUCT query (text, .rq file or named query) whose result is shown;
        `min_sources`: leave out the relations fewer than this many distinct documents tell
        (edge attribute `sources`, the `kg:sourceCount` of the fact; 1 keeps all, below 1 is E108).
        A graph over `max_nodes` (default 5000) is reduced, with a note on the page.
        Atomic like `export`; `force` overwrites an existing file. Returns the path.
        Raises ViewError (E101-E108) or QueryError; writes nothing then.
        """
        from .export.serialize import atomic_write
        from .viz.analysis import Selection
        from .viz.view import MAX_VIEW_NODES, render_view
        sel = Selection(focus=focus, hops=hops, types=tuple(types), doc=doc, since=since, until=until,
                        min_sources=min_sources)
        triples = self.construct(query) if query else None
        page = render_view(self.store, title, sel, triples=triples, size=size,
                           max_nodes=MAX_VIEW_NODES if max_nodes is None else max_nodes)
        atomic_write(Path(path), page.encode("utf-8"), force=force)
        return Path(path)

    def construct(self, spec: str) -> list:
        """Triples of a CONSTRUCT (or DESCRIBE) query; ViewError E104 for any other query form."""
        from .errors import ViewError
        from .query.guard import tokens
        from .query.run import resolve_query_text
        text = resolve_query_text(spec, Path(self.settings.ontology_dir))
        form = next((t.upper() for k, t in tokens(text)
                     if k == "word" and t.upper() in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")), None)
        if form not in ("CONSTRUCT", "DESCRIBE"):
            raise ViewError(f"{spec}: a {form or 'non-SPARQL'} query; --query needs a CONSTRUCT query, e.g. "
                            "CONSTRUCT { ?op kg:hasParticipant ?a } WHERE { ?op kg:hasParticipant ?a }",
                            code="E104")
        return self.query(text)

    def networkx(self) -> "networkx.MultiDiGraph":
        """Return the graph as a networkx MultiDiGraph.

        Nodes are entities (IRI; attributes `label`, `type`, `cls`, `sources` (documents that
        mention it) and more); edges are the relations read from evidence (attributes `relation`,
        `evidence` (the sentence), `document`, `confidence`, `sources` (distinct documents that
        tell it)).
        """
        from .viz.network import to_networkx
        return to_networkx(self.store)

    def stats(self, top: int = 10) -> dict[str, list[dict]]:
        """Counts by class and relation, top actors by degree and betweenness, communities.

        Plain records: `pandas.DataFrame(g.stats()["top_degree"])` gives a table.
        """
        from .viz.analysis import summarize
        return summarize(self.networkx(), top=top)

    def path(self, a: str, b: str) -> list[dict]:
        """The shortest chain of relations between two entities, one record per step with its evidence.

        Raises ViewError E101/E102 (unknown or ambiguous name) or E107 (no chain).
        """
        from .viz.analysis import shortest_path
        return shortest_path(self.networkx(), a, b)

    def stale_documents(self) -> dict[str, list[str]]:
        """The stored documents another kg, model or ontology extracted: identifier -> what
        differs. `kg build` extracts them again (unless told --no-reextract).

        Graphs merged with `kg import` are never stale.
        """
        from .extractor import current_extractor
        current = current_extractor(self.settings.model, self.settings.ontology_dir)
        return {s.identifier: current.differences(s.extractor)
                for s in self.store.stored_documents().values() if s.extractor != current}

    def validate(self) -> tuple[bool, str]:
        """Check the graph against the SHACL shapes (`ontology/shapes.ttl`).

        Returns:
            (conforms, report): the pySHACL verdict and its text report.
        """
        from .graph.validate import validate
        return validate(self.store, Path(self.settings.ontology_dir))

    def close(self) -> None:
        """Close the store and release the writer lock. Safe to call twice."""
        self.store.close()

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(store: str | Path = "kg-store", *, read_only: bool = False, **settings: Any) -> Graph:
    """Open the store at `store` (created empty when it does not exist and not `read_only`).

    Args:
        store: the store folder.
        read_only: open without taking the writer lock, so several processes may read at once.
        **settings: overrides of `kg.config.Settings` fields (`link=False`, `query_timeout=10` …).

    Raises:
        StoreError: `read_only` and there is no store there (`[E052]`), or another process
            holds the writer lock (`[E051]`).
    """
    s = load_settings(**settings).with_overrides(store=str(store))
    return Graph(KgStore(store, read_only=read_only), s)


def build(paths: str | Path | Iterable[str | Path], store: str | Path = "kg-store", **settings: Any) -> Graph:
    """Build (or update) the graph at `store` from files or folders; return it opened.

    Idempotent: documents already stored with the same content are not read again; a file
    that changed replaces its earlier version. One bad document is reported in
    `Graph.report.failed` and does not stop the others.

    Args:
        paths: a file or folder, or several (text, Markdown, HTML, PDF, JSON lines).
        store: the store folder (created if needed).
        **settings: overrides of `kg.config.Settings` fields, e.g. `model="en_core_web_sm"`,
            `batch_size=16`, `link=False` (no owl:sameAs links to Wikidata and GeoNames).

    Returns:
        The writable Graph (holding the writer lock until closed), with `.report`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    g = open_store(store, **settings)
    g.report = _build(list(paths), g.store, g.settings)
    return g


def query(store: str | Path, sparql: str, **params: str) -> "Table | bool | list":
    """Open `store` read-only, run one query (as `Graph.query`), close it, return the result."""
    with open_store(store, read_only=True) as g:
        return g.query(sparql, **params)
