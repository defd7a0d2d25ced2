"""Serialise the store. Outputs are atomic: written to a temp file, fsynced, then os.replace()."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from ..errors import ExportError
from ..graph.store import ONTOLOGY_GRAPH
from ..namespaces import PREFIXES

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
           "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
           "nquads": ox.RdfFormat.N_QUADS, "jsonld": "jsonld", "graphml": "graphml", "csv": "csv"}


def atomic_write(path: Path, data: bytes, force: bool = False) -> None:
    """Write `data` to `path` atomically; refuse to overwrite unless `force`."""
    path = Path(path)
    if path.exists() and not force:
        raise ExportError(f"{path}: exists; pass --force to overwrite it", code="E081")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write there ({exc.strerror or exc}); choose another path",
                          code="E083") from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise ExportError(f"{path}: write failed ({exc.strerror or exc}); the old file, if any, is unchanged",
                          code="E084") from exc
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def triples(store, include_ontology: bool = False) -> list[ox.Triple]:
    """Every triple of the union of named graphs, deduplicated, in a stable order."""
    seen = set()
    out = []
    for q in store.store.quads_for_pattern(None, None, None, None):
        if not include_ontology and isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == ONTOLOGY_GRAPH:
            continue
        t = ox.Triple(q.subject, q.predicate, q.object)
        if t not in seen:
            seen.add(t)
            out.append(t)
    out.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return out


def render(store, fmt: str) -> bytes:
    f = FORMATS.get(fmt)
    if f is None:
        raise ExportError(f"unknown format {fmt!r}; one of: {', '.join(sorted(FORMATS))}", code="E082")
    if f in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        quads = sorted((q for q in store.store.quads_for_pattern(None, None, None, None)
                        if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == ONTOLOGY_GRAPH)),
                       key=str)
        return ox.serialize(quads, format=f, prefixes=PREFIXES if f == ox.RdfFormat.TRIG else None)
    if isinstance(f, ox.RdfFormat):
        return ox.serialize(triples(store), format=f,
                            prefixes=PREFIXES if f == ox.RdfFormat.TURTLE else None)
    if f == "jsonld":
        import rdflib
        g = rdflib.Graph()
        g.parse(data=ox.serialize(triples(store), format=ox.RdfFormat.N_TRIPLES), format="nt")
        for p, iri in PREFIXES.items():
            g.bind(p, iri)
        return g.serialize(format="json-ld", context={p: iri for p, iri in PREFIXES.items()}).encode("utf-8")
    from ..viz.network import to_networkx
    nx_graph = to_networkx(store)
    if f == "graphml":
        import networkx as nx
        import io
        buf = io.BytesIO()
        nx.write_graphml(nx_graph, buf)
        return buf.getvalue()
    import csv, io
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source", "source_label", "relation", "target", "target_label", "evidence"])
    for s, o, data in nx_graph.edges(data=True):
        w.writerow([s, nx_graph.nodes[s].get("label"), data.get("relation"), o, nx_graph.nodes[o].get("label"),
                    data.get("evidence", "")])
    return buf.getvalue().encode("utf-8")


def export(store, fmt: str, out: Path, force: bool = False) -> int:
    """Write the graph in `fmt` to `out`; return the number of bytes written."""
    data = render(store, fmt)
    atomic_write(out, data, force)
    return len(data)
