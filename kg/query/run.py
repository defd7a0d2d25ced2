"""Run SPARQL on a kg store. User values are bound as substitutions, never
formatted into query text; SERVICE, FROM and updates are refused."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..config import ONTOLOGY_DIR
from ..errors import QueryError, QueryRejected
from ..namespaces import PREFIXES

from .guard import MAX_QUERY_CHARS, check_query  # noqa: F401 (re-exported)


@dataclass
class Table:
    """A SELECT result: column names and rows of plain Python values (None for unbound)."""

    columns: list[str]
    rows: list[list[str | None]]
    truncated: bool = False     # more rows than the row cap: only the first ones are here

    def to_csv(self) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(self.columns)
        w.writerows([["" if v is None else v for v in r] for r in self.rows])
        return buf.getvalue()

    def to_json(self) -> str:
        return json.dumps([dict(zip(self.columns, r)) for r in self.rows], ensure_ascii=False, indent=2)

    def to_records(self) -> list[dict]:
        return [dict(zip(self.columns, r)) for r in self.rows]

    def to_pandas(self):
        import pandas as pd  # optional dependency
        return pd.DataFrame(self.rows, columns=self.columns)


def named_queries(ontology_dir: Path = ONTOLOGY_DIR) -> dict[str, Path]:
    return {p.stem: p for p in sorted((Path(ontology_dir) / "queries").glob("*.rq"))}


def resolve_query_text(spec: str, ontology_dir: Path = ONTOLOGY_DIR) -> str:
    """SPARQL text from a query, a .rq file path, or the name of a named query."""
    named = named_queries(ontology_dir)
    if spec in named:
        return named[spec].read_text(encoding="utf-8")
    p = Path(spec)
    if spec.endswith(".rq") or (len(spec) < 4096 and "\n" not in spec and p.is_file()):
        try:
            return p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{spec}: cannot read query file ({getattr(exc, 'strerror', None) or exc})") from exc
    check_query(spec)               # an update given as text is refused as such, not as "not SPARQL"
    if not re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", spec, re.I):
        raise QueryError(f"{spec!r} is neither SPARQL, a .rq file, nor a named query; "
                         f"named queries: {', '.join(named)}")
    return spec


def run_query(store, text: str, params: dict[str, str] | None = None, *,
              timeout: float | None = None, max_rows: int | None = None):
    """Run a SELECT (-> Table), ASK (-> bool) or CONSTRUCT/DESCRIBE (-> list of triples).

    With `timeout`, the query runs in a child process that opens the store read-only and
    is killed after `timeout` seconds (QueryError E073); `max_rows` caps SELECT rows and
    CONSTRUCT triples (Table.truncated says so).
    """
    check_query(text)
    if params:
        text = bind_values(text, params)
    if hasattr(store, "raw_query"):      # a remote SPARQL server
        return _run_remote(store, text)
    if timeout is not None and getattr(store, "path", None) is not None:
        return _run_limited(str(store.path), text, timeout, max_rows)
    return _evaluate(store, text, max_rows)


def _evaluate(store, text: str, max_rows: int | None):
    import itertools
    cap = None if max_rows is None else max_rows + 1
    try:
        res = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return bool(res)
        if isinstance(res, ox.QuerySolutions):
            cols = [v.value for v in res.variables]
            rows = [[_plain(sol[c]) for c in cols] for sol in itertools.islice(res, cap)]
            over = max_rows is not None and len(rows) > max_rows
            return Table(cols, rows[:max_rows] if over else rows, truncated=over)
        triples = list(itertools.islice(res, cap))
        return triples[:max_rows] if max_rows is not None else triples
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {one_line(exc)}") from exc
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {one_line(exc)}") from exc


def _child(path: str, text: str, max_rows, conn) -> None:
    try:
        res = _evaluate(ox.Store.read_only(path), text, max_rows)
        if isinstance(res, list):    # triples travel as N-Triples
            res = ("triples", ox.serialize(res, format=ox.RdfFormat.N_TRIPLES))
        conn.send(("ok", res))
    except QueryError as exc:
        conn.send(("error", (exc.code, str(exc).split("] ", 1)[-1])))
    finally:
        conn.close()


def _run_limited(path: str, text: str, timeout: float, max_rows):
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(path, text, max_rows, child), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            proc.kill()
            raise QueryError(f"query ran longer than {timeout:g} s and was stopped; narrow it or raise "
                             "--timeout", code="E073")
        try:
            status, res = parent.recv()
        except EOFError as exc:
            raise QueryError("query process ended without an answer", code="E072") from exc
    finally:
        proc.join(1)
        parent.close()
    if status == "error":
        raise QueryError(res[1], code=res[0])
    if isinstance(res, tuple) and res and res[0] == "triples":
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(res[1], format=ox.RdfFormat.N_TRIPLES)]
    return res


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def bind_values(text: str, params: dict[str, str]) -> str:
    """Bind parameters with a VALUES block right after the first WHERE {.

    Each value becomes an RDF literal serialised by pyoxigraph (quotes, backslashes
    and newlines escaped by the RDF library, never pasted as raw text), and
    parameter names must be plain SPARQL variable names.

    Each parameter NAME also binds NAME_key, its value in lower case, which the named
    queries match against kg:searchKey (an index look-up, where LCASE in a FILTER scans).

    >>> print(bind_values('SELECT ?x WHERE { ?x ?p ?n }', {"n": 'a"B'}))
    SELECT ?x WHERE { VALUES ?n { "a\\"B" } VALUES ?n_key { "a\\"b" } ?x ?p ?n }
    """
    m = re.search(r"\bWHERE\s*\{", text, re.I)
    if m is None:
        raise QueryError("a query with parameters needs a WHERE { ... } clause")
    block = ""
    for k, v in params.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k):
            raise QueryRejected(f"parameter name {k!r} is not a SPARQL variable name")
        block += f"VALUES ?{k} {{ {ox.Literal(v)} }} VALUES ?{k}_key {{ {ox.Literal(v.lower())} }} "
    return text[:m.end()] + " " + block + text[m.end():].lstrip()


def _run_remote(remote, text: str):
    from ..namespaces import sparql_prologue
    raw = remote.raw_query(sparql_prologue() + text, "application/sparql-results+json, text/turtle;q=0.9")
    try:
        data = json.loads(raw)
    except ValueError:
        return list(ox.parse(raw, format=ox.RdfFormat.TURTLE))
    if "boolean" in data:
        return bool(data["boolean"])
    cols = data["head"]["vars"]
    return Table(cols, [[b.get(c, {}).get("value") for c in cols] for b in data["results"]["bindings"]])


def _plain(term) -> str | None:
    if term is None:
        return None
    return term.value
