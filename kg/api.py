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

    def view(self, path: str | Path, force: bool = False) -> Path:
        from .export.serialize import atomic_write
        from .viz.view import render_view
        atomic_write(Path(path), render_view(self.store).encode("utf-8"), force=force)
        return Path(path)

    def networkx(self):
        from .viz.network import to_networkx
        return to_networkx(self.store)

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
