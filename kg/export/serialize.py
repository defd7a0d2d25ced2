"""Serialise the store. Outputs are atomic: written to a temp file, fsynced, then os.replace()."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from ..config import ONTOLOGY_DIR
from ..errors import ExportError
from ..graph.store import ONTOLOGY_GRAPH
from ..namespaces import PREFIXES

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
           "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
           "nquads": ox.RdfFormat.N_QUADS, "jsonld": "jsonld", "graphml": "graphml", "gexf": "gexf", "csv": "csv",
           "csv-nodes": "csv-nodes"}
CONTEXT_FILE = "context.jsonld"


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


def triples(store, include_ontology: bool = False, min_sources: int = 1) -> list[ox.Triple]:
    """Every triple of the union of named graphs, deduplicated, in a stable order.

    `min_sources` above 1 leaves out the relations fewer documents tell, with their evidence
    (`_support_filter`).
    """
    seen = set()
    out = []
    keep = _support_filter(store, min_sources)
    for q in store.store.quads_for_pattern(None, None, None, None):
        if not include_ontology and isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == ONTOLOGY_GRAPH:
            continue
        if keep is not None and not keep(q):
            continue
        t = ox.Triple(q.subject, q.predicate, q.object)
        if t not in seen:
            seen.add(t)
            out.append(t)
    out.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return out


def render(store, fmt: str, min_sources: int = 1) -> bytes:
    """The store in `fmt` as bytes. Deterministic: the same store gives the same bytes
    (JSON-LD excepted: rdflib orders its nodes itself). ExportError E082 for an unknown format.

    `min_sources` N above 1 leaves out the facts fewer than N documents tell: in RDF formats
    the relation triples and every triple of their evidence nodes (entities, documents and
    mentions stay); in graph and table formats (graphml, gexf, csv, csv-nodes) the edges.
    ExportError E085 below 1.
    """
    f = FORMATS.get(fmt)
    if f is None:
        raise ExportError(f"unknown format {fmt!r}; one of: {', '.join(sorted(FORMATS))}", code="E082")
    if min_sources < 1:
        raise ExportError(f"--min-sources {min_sources}: must be 1 or more (1 keeps every fact)", code="E085")
    if f in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        return ox.serialize(quads(store, min_sources), format=f,
                            prefixes=PREFIXES if f == ox.RdfFormat.TRIG else None)
    if isinstance(f, ox.RdfFormat):
        return ox.serialize(triples(store, min_sources=min_sources), format=f,
                            prefixes=PREFIXES if f == ox.RdfFormat.TURTLE else None)
    if f == "jsonld":
        return render_jsonld(triples(store, min_sources=min_sources))
    from ..viz.analysis import keep_sources
    from ..viz.network import to_networkx
    from .tables import edges_csv, flat_graph, gexf, graphml, nodes_csv
    g = to_networkx(store)
    if min_sources > 1:
        g = keep_sources(g, min_sources)
    writers = {"graphml": lambda: graphml(flat_graph(g)), "gexf": lambda: gexf(flat_graph(g)),
               "csv": lambda: edges_csv(g), "csv-nodes": lambda: nodes_csv(g)}
    return writers[f]()


def quads(store, min_sources: int = 1) -> list[ox.Quad]:
    """Every quad but the ontology's, each document in its own named graph, in a stable order
    (`min_sources`: as `triples`)."""
    keep = _support_filter(store, min_sources)
    return sorted((q for q in store.store.quads_for_pattern(None, None, None, None)
                   if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == ONTOLOGY_GRAPH)
                   and (keep is None or keep(q))),
                  key=str)


def fact_support(store) -> dict[tuple[str, str, str], tuple[set[str], set[str]]]:
    """(s, p, o) -> (the documents that tell it, its evidence IRIs), counted as `kg:sourceCount`
    is (`kg.graph.sources`): from the evidence itself, so the answer does not depend on the
    stored counts being current."""
    from ..graph import sources as src
    documents = {d for d, _ in store.document_sources()}
    return src.facts(store.evidence_rows(), documents)


def _support_filter(store, min_sources: int):
    """A predicate on quads keeping what `min_sources` keeps, or None when it keeps everything.

    Left out: a relation triple (one of the nine kg relations) fewer than `min_sources`
    documents tell, including one no document's evidence states (an imported triple), and
    every triple whose subject is the evidence node of such a fact.
    """
    if min_sources <= 1:
        return None
    from ..namespaces import KG
    from ..viz.network import RELATIONS
    relations = {KG + r for r in RELATIONS}
    support = fact_support(store)
    strong = {key for key, (docs, _) in support.items() if len(docs) >= min_sources}
    weak_evidence = {ev for docs, evs in support.values() if len(docs) < min_sources for ev in evs}

    def keep(q: ox.Quad) -> bool:
        s = q.subject.value if isinstance(q.subject, ox.NamedNode) else None
        if s in weak_evidence:
            return False
        if q.predicate.value in relations and isinstance(q.object, ox.NamedNode):
            return (s, q.predicate.value, q.object.value) in strong
        return True
    return keep


def jsonld_context(ontology_dir: Path = ONTOLOGY_DIR) -> dict:
    """The published JSON-LD context (ontology/context.jsonld): prefixes and short terms."""
    return json.loads((Path(ontology_dir) / CONTEXT_FILE).read_text(encoding="utf-8"))["@context"]


def render_jsonld(trs: list[ox.Triple]) -> bytes:
    """JSON-LD compacted with the published context, which is embedded (readable offline)."""
    import rdflib
    g = rdflib.Graph()
    g.parse(data=ox.serialize(trs, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return g.serialize(format="json-ld", context=jsonld_context(), indent=1).encode("utf-8")


def export(store, fmt: str, out: Path, force: bool = False, min_sources: int = 1) -> int:
    """Write the graph in `fmt` to `out`; return the number of bytes written (`min_sources`: see `render`)."""
    data = render(store, fmt, min_sources)
    atomic_write(out, data, force)
    return len(data)
