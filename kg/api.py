"""The Python API: build a graph, open one, query it, export it, view it."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .builder import BuildReport, build as _build
from .config import Settings, load_settings
from .graph.store import KgStore


class Graph:
    """A kg store opened for use. Close it (or use `with`) to release the writer lock."""

    def __init__(self, store: KgStore, settings: Settings, report: BuildReport | None = None):
        self.store = store
        self.settings = settings
        self.report = report

    def query(self, sparql: str, *, timeout: float | None = None, max_rows: int | None = None, **params: str):
        """Run SPARQL text, a .rq path or a named query; keyword arguments are bound as values.

        `timeout` (seconds) and `max_rows` default to the settings (query_timeout, max_rows).
        Returns a Table (SELECT; `.to_pandas()`, `.to_records()`), a bool (ASK) or triples.
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

    def export(self, path: str | Path, fmt: str = "turtle", force: bool = False) -> Path:
        from .export import export
        export(self.store, fmt, Path(path), force=force)
        return Path(path)

    def view(self, path: str | Path, force: bool = False, *, focus: str | None = None, hops: int = 1,
             types: Iterable[str] = (), doc: str | None = None, since: str | None = None,
             until: str | None = None, query: str | None = None, max_nodes: int | None = None,
             size: str = "degree", title: str = "kg network") -> Path:
        """Write the interactive HTML view (offline) of the graph or a selection of it.

        `focus`/`hops`: the ego network of an entity (name, alias or IRI); `types`: classes to keep
        (e.g. ["Operation", "Funding"]); `doc`: one document; `since`/`until`: YYYY[-MM[-DD]];
        `query`: a CONSTRUCT query (text, .rq file or named query) whose result is shown.
        A graph over `max_nodes` (default 5000) is reduced, with a note on the page.
        Raises ViewError (E101-E108) or QueryError; writes nothing then.
        """
        from .export.serialize import atomic_write
        from .viz.analysis import Selection
        from .viz.view import MAX_VIEW_NODES, render_view
        sel = Selection(focus=focus, hops=hops, types=tuple(types), doc=doc, since=since, until=until)
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

    def networkx(self):
        """The graph as a networkx MultiDiGraph (see kg.viz.network for its attributes)."""
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

    def validate(self) -> tuple[bool, str]:
        from .graph.validate import validate
        return validate(self.store, Path(self.settings.ontology_dir))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Graph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(store: str | Path = "kg-store", *, read_only: bool = False, **settings) -> Graph:
    s = load_settings(**settings).with_overrides(store=str(store))
    return Graph(KgStore(store, read_only=read_only), s)


def build(paths: str | Path | Iterable[str | Path], store: str | Path = "kg-store", **settings) -> Graph:
    """Build (or update) the graph at `store` from files or folders; return it opened."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    g = open_store(store, **settings)
    g.report = _build(list(paths), g.store, g.settings)
    return g


def query(store: str | Path, sparql: str, **params: str):
    with open_store(store, read_only=True) as g:
        return g.query(sparql, **params)
