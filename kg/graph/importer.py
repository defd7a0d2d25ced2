"""`kg import`: merge an RDF file from elsewhere, all or nothing, under caps.

The whole file is parsed (pyoxigraph validates every IRI while parsing) before a
single triple is written; the triples then go in one atomic write into their
own named graph (`…/graph/import/{sha256 prefix}`), so a bad file changes nothing
and an imported file can be taken out again. RDF/XML with a DOCTYPE or entity
declarations is refused before parsing; JSON-LD remote contexts are never
fetched.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox

from ..errors import KgError
from ..namespaces import GRAPH

MAX_IMPORT_BYTES = 200 * 1024 * 1024
MAX_NESTING = 64
FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD,
           ".json": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
           ".xml": ox.RdfFormat.RDF_XML}


class ImportRejected(KgError):
    code = "E060"


_RDF_TOKEN = re.compile(r"""
    "{3}(?:[^"\\]|\\.|"(?!""))*"{3}
  | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
  | "(?:[^"\\\n]|\\.)*"
  | '(?:[^'\\\n]|\\.)*'
  | <[^>\s]*>
  | \#[^\n]*
  | (?P<open>[\[({])
  | (?P<close>[\])}])
""", re.X)


def nesting_depth(data: str) -> int:
    """Deepest bracket nesting outside strings and IRIs ('[', '(', '{').

    >>> nesting_depth('<http://a#[> <p> [ <q> ( "((" ) ] .')
    2
    """
    depth = deepest = 0
    for m in _RDF_TOKEN.finditer(data):
        if m.group("open"):
            depth += 1
            deepest = max(deepest, depth)
        elif m.group("close"):
            depth -= 1
    return deepest


def read_rdf(path: Path) -> list[ox.Triple]:
    """Parse `path` completely, or raise ImportRejected naming the file and the problem."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ImportRejected(f"{path}: unsupported RDF file type {path.suffix!r}; use .ttl .nt .jsonld .rdf")
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportRejected(f"{path}: {size} bytes is over the {MAX_IMPORT_BYTES} byte import limit")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(f"{path}: cannot read ({exc.strerror or exc})") from exc
    text = data.decode("utf-8", errors="replace")
    if fmt == ox.RdfFormat.RDF_XML and re.search(r"<!(DOCTYPE|ENTITY)", text, re.I):
        raise ImportRejected(f"{path}: RDF/XML with a DOCTYPE or entity declarations is refused "
                             "(entity expansion); remove them or convert the file to Turtle")
    if fmt != ox.RdfFormat.RDF_XML and nesting_depth(text) > MAX_NESTING:
        raise ImportRejected(f"{path}: nesting deeper than {MAX_NESTING} levels; refused")
    try:
        quads = list(ox.parse(data, format=fmt))
    except SyntaxError as exc:
        raise ImportRejected(f"{path}: not valid {path.suffix[1:]} ({' '.join(str(exc).split())}); "
                             "nothing was imported") from exc
    except (ValueError, OSError, RecursionError) as exc:
        raise ImportRejected(f"{path}: cannot be parsed ({type(exc).__name__}); nothing was imported") from exc
    return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]


def import_file(store, path: Path) -> tuple[str, int]:
    """Import one file into its own named graph; returns (graph IRI, triple count)."""
    triples = read_rdf(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    g = ox.NamedNode(f"{GRAPH}import/{digest}")
    store.store.extend([ox.Quad(t.subject, t.predicate, t.object, g) for t in triples])
    return g.value, len(triples)
