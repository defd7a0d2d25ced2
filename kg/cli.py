"""kg command line: parse arguments, call one library function, map errors to exit codes.

Exit 0: ok. Exit 2: a KgError (one line per problem on stderr). Exit 1: a bug.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .errors import KgError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Knowledge graphs of security operations from news articles.")
err = Console(stderr=True, soft_wrap=True)  # one line per message, never wrapped
STORE_HELP = "the store folder (an Oxigraph database)"
DEFAULT_STORE = "kg-store"


def _fail(exc: KgError) -> None:
    err.print(str(exc), markup=False, highlight=False)
    raise typer.Exit(2)


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="show tracebacks")) -> None:
    if debug:
        os.environ["KG_DEBUG"] = "1"


@app.command()
def build(paths: List[Path] = typer.Argument(..., help="files or folders to read"),
          store: str = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP + ", or a SPARQL server's query URL"),
          model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline to load"),
          workers: Optional[int] = typer.Option(None, "--workers", "-w", min=0,
                                                help="extraction processes (default: the machine's cores)"),
          dask: Optional[str] = typer.Option(None, "--dask", metavar="SCHEDULER",
                                             help="extract on a Dask cluster: tcp://HOST:8786, or 'local'"),
          strict: bool = typer.Option(False, "--strict", help="skipped files count as failures"),
          link: Optional[bool] = typer.Option(None, "--link/--no-link", help="owl:sameAs links to Wikidata and GeoNames from the bundled gazetteer (default: on)"),
          reextract: Optional[bool] = typer.Option(None, "--reextract/--no-reextract", help="extract again stored documents another kg, model or ontology made (default: on)")) -> None:
    """Read documents into the store (only new or changed ones, and stale ones again)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .builder import build as run_build
    from .config import load_settings
    from .graph.store import KgStore

    from .graph.remote import RemoteStore, is_remote

    settings = load_settings(model=model, store=str(store), workers=workers, dask=dask, link=link, reextract=reextract)
    with (RemoteStore(store) if is_remote(store) else KgStore(store)) as st, Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(),
                                        TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
                                        console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("build", total=None, rate="-")
        import time
        t0 = time.monotonic()

        def tick(_name: str) -> None:
            bar.advance(task)
            done = bar.tasks[0].completed
            bar.update(task, rate=f"{done / max(time.monotonic() - t0, 1e-6):.1f}")

        report = run_build(paths, st, settings, progress=tick)
    for line in report.duplicates + report.skipped + report.failed:
        err.print(line, markup=False, highlight=False)
    if report.stale:
        err.print(f"{len(report.stale)} stored documents are stale (another kg, model or ontology made them); "
                  "left as they are (--no-reextract)", markup=False, highlight=False)
    err.print(f"built {len(report.built)}, replaced {len(report.replaced)}, unchanged {len(report.unchanged)}, "
              f"skipped {len(report.skipped)}, failed {len(report.failed)}, re-extracted {len(report.reextracted)}, "
              f"duplicates {len(report.duplicates)} -> {store}", markup=False, highlight=False)
    if report.failed or (strict and report.skipped):
        raise typer.Exit(2)


@app.command()
def export(store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
           fmt: str = typer.Option("turtle", "--format", "-f", help="turtle|trig|nt|nq|jsonld|graphml|gexf|csv|csv-nodes"),
           out: Path = typer.Option(..., "-o", "--output", help="file to write"),
           force: bool = typer.Option(False, "--force", help="overwrite an existing file"),
           min_sources: int = typer.Option(1, "--min-sources", help="leave out facts fewer documents tell")) -> None:
    """Write the graph to a file (atomically)."""
    from .export import export as run_export
    from .graph.store import KgStore

    with KgStore(store, read_only=True) as st:
        n = run_export(st, fmt, out, force=force, min_sources=min_sources)
    err.print(f"wrote {n} bytes of {fmt} to {out}", markup=False, highlight=False)


@app.command()
def query(spec: str = typer.Argument(..., help="SPARQL text, a .rq file, or a named query"),
          store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
          endpoint: Optional[str] = typer.Option(None, "--endpoint", help="query a SPARQL server instead"),
          fmt: str = typer.Option("table", "--format", "-f", help="table|records|csv|json"),
          param: List[str] = typer.Option([], "--param", "-p", help="NAME=VALUE, bound as a literal"),
          timeout: Optional[float] = typer.Option(None, "--timeout", help="seconds the query may run (default 60)"),
          max_rows: Optional[int] = typer.Option(None, "--max-rows", help="rows to return at most (default 100000)")) -> None:
    """Run a SPARQL query (named queries: `kg queries`)."""
    from .api import open_store
    from .query.render import check_format
    from .query.run import Table

    check_format(fmt)
    params = {}
    for p in param:
        if "=" not in p:
            from .errors import QueryError
            raise QueryError(f"--param {p!r}: expected NAME=VALUE, e.g. --param place_label=Guatemala")
        k, v = p.split("=", 1)
        params[k] = v
    if endpoint:
        from .graph.remote import RemoteStore
        from .query.run import resolve_query_text, run_query
        res = run_query(RemoteStore(endpoint), resolve_query_text(spec), params)
    else:
        with open_store(store, read_only=True) as g:
            res = g.query(spec, timeout=timeout, max_rows=max_rows, **params)
    if isinstance(res, Table) and res.truncated:
        err.print(f"[W001] only the first {len(res.rows)} rows are shown (--max-rows)", markup=False, highlight=False)
    if isinstance(res, Table):
        import shutil

        from .query.render import render
        sys.stdout.write(render(res, fmt, shutil.get_terminal_size().columns))
    elif isinstance(res, bool):
        print("true" if res else "false")
    else:
        import pyoxigraph as ox
        sys.stdout.write(ox.serialize(res, format=ox.RdfFormat.TURTLE).decode("utf-8"))


@app.command()
def queries() -> None:
    """List the named queries."""
    from .query.run import named_queries

    for name, path in named_queries().items():
        first = next((l[8:].strip() for l in path.read_text(encoding="utf-8").splitlines()
                      if l.startswith("# title:")), "")
        print(f"{name:32} {first}")


@app.command()
def view(store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
         out: Path = typer.Option(..., "-o", "--output", help="HTML file to write"),
         force: bool = typer.Option(False, "--force", help="overwrite an existing file"),
         focus: Optional[str] = typer.Option(None, "--focus", help="an entity (name, alias or IRI): its ego network"),
         hops: int = typer.Option(1, "--hops", help="how far from --focus (relations, either direction)"),
         types: Optional[str] = typer.Option(None, "--type", help="classes to keep, e.g. Operation,Funding"),
         doc: Optional[str] = typer.Option(None, "--doc", help="only what one document says (file name)"),
         since: Optional[str] = typer.Option(None, "--since", help="dated on or after YYYY[-MM[-DD]]"),
         until: Optional[str] = typer.Option(None, "--until", help="dated on or before YYYY[-MM[-DD]]"),
         query: Optional[str] = typer.Option(None, "--query", help="show the result of a CONSTRUCT (.rq file or text)"),
         max_nodes: int = typer.Option(5000, "--max-nodes", help="more entities with a relation than this are reduced, with a note"),
         size: str = typer.Option("degree", "--size", help="node size by degree|betweenness|none"),
         title: str = typer.Option("kg network", "--title", help="page title"),
         min_sources: int = typer.Option(1, "--min-sources", help="leave out relations fewer documents tell")) -> None:
    """Write an interactive HTML network view (works offline)."""
    from .api import open_store

    with open_store(store, read_only=True) as g:
        g.view(out, force=force, focus=focus, hops=hops, types=(types or "").split(",") if types else (),
               doc=doc, since=since, until=until, query=query, max_nodes=max_nodes, size=size, title=title,
               min_sources=min_sources)
    err.print(f"wrote {out}", markup=False, highlight=False)


@app.command()
def validate(store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP)) -> None:
    """Check the graph against the SHACL shapes in ontology/shapes.ttl."""
    from .api import open_store

    with open_store(store, read_only=True) as g:
        ok, text = g.validate()
    if ok:
        print("conforms: no SHACL violation")
    else:
        print(text)
        raise typer.Exit(2)


@app.command()
def stats(store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
          top: int = typer.Option(10, "--top", help="how many top actors and communities"),
          fmt: str = typer.Option("table", "--format", "-f", help="table|json")) -> None:
    """Counts by class and relation, top actors by degree and betweenness, communities."""
    import json

    from .api import open_store

    with open_store(store, read_only=True) as g:
        summary = g.stats(top=top)
        docs = g.query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }").rows[0][0]
        stale = len(g.stale_documents())
    if fmt == "json":
        print(json.dumps({"documents": int(docs), "stale": stale, **summary}, ensure_ascii=False, indent=2))
        return
    print(f"documents: {docs}")
    print(f"stale: {stale}" + (" (another kg, model or ontology made them; kg build extracts them again)" if stale else ""))
    for r in summary["classes"]:
        print(f"{r['class']:16} {r['count']}")
    for r in summary["relations"]:
        print(f"  {r['relation']:16} {r['count']}")
    print("top actors by degree:")
    for r in summary["top_degree"]:
        print(f"  {r['score']:4} {r['label']} ({r['class']})")
    print("top actors by betweenness:")
    for r in summary["top_betweenness"]:
        print(f"  {r['score']:.4f} {r['label']} ({r['class']})")
    print("communities (largest first):")
    for r in summary["communities"]:
        print(f"  {r['community']:3} {r['size']:5}  {r['members']}")


@app.command()
def path(a: str = typer.Argument(..., help="an entity: name, alias or IRI"),
         b: str = typer.Argument(..., help="another entity"),
         store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
         fmt: str = typer.Option("text", "--format", "-f", help="text|json")) -> None:
    """The shortest chain of relations between two entities, with the evidence of each step."""
    import json

    from .api import open_store

    with open_store(store, read_only=True) as g:
        steps = g.path(a, b)
    if fmt == "json":
        print(json.dumps(steps, ensure_ascii=False, indent=2))
        return
    if not steps:
        print(f"{a} and {b} are the same entity")
    for s in steps:   # the chain reads left to right; a relation stated the other way points back
        if s["forward"]:
            print(f"{s['step']}. {s['source']} --{s['relation']}--> {s['target']}")
        else:
            print(f"{s['step']}. {s['target']} <--{s['relation']}-- {s['source']}")
        print(f"   “{s['evidence']}” ({s['document']}, confidence {s['confidence']:g})")


@app.command()
def remove(docs: List[str] = typer.Argument(..., help="document file names, paths or ids"),
           store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP)) -> None:
    """Take documents out of the store; entities no remaining document mentions go with them."""
    from .errors import StoreError
    from .graph.store import KgStore

    with KgStore(store) as st:
        stored = st.documents()
        for want in docs:
            hits = [d for d, (ident, src) in stored.items()
                    if want in (d, ident, src) or Path(src).name == want or ident.startswith(want + "#")]
            if not hits:
                raise StoreError(f"{want}: no such document in {store}; 'kg query --store {store} "
                                 "\"SELECT ?id WHERE {{ ?d dcterms:identifier ?id }}\"' lists them", code="E056")
            for d in hits:
                st.remove_document(d)
                err.print(f"removed {stored[d][0]}", markup=False, highlight=False)
        st.prune_gazetteer()


@app.command(name="import")
def import_(files: List[Path] = typer.Argument(..., help="Turtle, N-Triples, JSON-LD or RDF/XML files"),
            store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP)) -> None:
    """Merge RDF files into the store, each all or nothing, into its own named graph."""
    from .graph.importer import import_file
    from .graph.store import KgStore

    with KgStore(store) as st:
        for f in files:
            g, n = import_file(st, f)
            err.print(f"imported {n} triples from {f} into <{g}>", markup=False, highlight=False)


@app.command()
def push(store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
         endpoint: str = typer.Option(..., "--endpoint", help="the server's SPARQL query URL"),
         update: Optional[str] = typer.Option(None, "--update", help="its SPARQL update URL"),
         graph_store: Optional[str] = typer.Option(None, "--graph-store", help="its Graph Store Protocol URL")) -> None:
    """Upload the store to a SPARQL 1.1 server, graph by graph (resumable)."""
    from .graph.remote import RemoteStore, push as run_push
    from .graph.store import KgStore

    with KgStore(store, read_only=True) as st:
        sent, skipped = run_push(st, RemoteStore(endpoint, update, graph_store))
    err.print(f"pushed {sent} graphs, {skipped} already there -> {endpoint}", markup=False, highlight=False)


@app.command()
def serve(store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
          host: str = typer.Option("127.0.0.1", "--host", help="address to bind (loopback by default)"),
          port: int = typer.Option(7879, "--port", help="port"),
          timeout: float = typer.Option(30.0, "--timeout", help="seconds a query may run"),
          cors: Optional[str] = typer.Option(None, "--cors", help="Access-Control-Allow-Origin value, e.g. '*'"),
          workers: Optional[int] = typer.Option(None, "--workers", help="query worker processes (default: 2 per core, 2-8)")) -> None:
    """Serve a read-only SPARQL endpoint at /sparql and the network view at /."""
    from .server.app import serve as make_server

    httpd = make_server(store, host, port, timeout, cors, workers=workers)
    err.print(f"serving {store}: SPARQL at http://{host}:{port}/sparql, view at http://{host}:{port}/",
              markup=False, highlight=False)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()


def _allow_named_servers(argv: list[str]) -> None:
    """Servers the user names on the command line are the only non-local hosts allowed."""
    import urllib.parse
    from . import netguard
    for i, a in enumerate(argv):
        for cand in (a, a.split("=", 1)[-1]):
            if cand.startswith(("http://", "https://")):
                host = urllib.parse.urlsplit(cand).hostname
                if host:
                    netguard.allow(host)
    netguard.install()


def main() -> None:
    _allow_named_servers(sys.argv[1:])
    try:
        code = app(standalone_mode=False)   # click returns typer.Exit codes in this mode
    except KgError as exc:
        if os.environ.get("KG_DEBUG") == "1":
            raise
        err.print(str(exc), markup=False, highlight=False)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.exit(130)
    except Exception as exc:  # click usage errors
        import click
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(2)
        raise
    sys.exit(code if isinstance(code, int) else 0)
