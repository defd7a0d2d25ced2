"""A kg graph kept in any SPARQL 1.1 server (Oxigraph server, Fuseki, GraphDB, Virtuoso).

Reads use the SPARQL 1.1 Protocol; each document's graph is written with the
SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces the graph as a whole, so a
document is never half written on the server either). Only the standard library
talks HTTP here.
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from ..errors import StoreError
from ..namespaces import GRAPH, KG, sparql_prologue
from ..records import EntityType
from .store import ONTOLOGY_GRAPH

TIMEOUT_S = 60


class RemoteStore:
    """The same interface as KgStore, over HTTP."""

    read_only = False

    def __init__(self, query_url: str, update_url: str | None = None, graph_store_url: str | None = None):
        self.query_url = query_url
        base = query_url.rsplit("/", 1)[0]
        self.update_url = update_url or base + "/update"
        self.graph_store_url = graph_store_url or base + "/store"

    # -- protocol
    def _request(self, url: str, data: bytes | None, headers: dict, method: str) -> bytes:
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            body = exc.read()[:300].decode("utf-8", "replace")
            raise StoreError(f"{url}: HTTP {exc.code} from the SPARQL server ({body.strip()})", code="E054") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"{url}: cannot reach the SPARQL server ({getattr(exc, 'reason', exc)}); "
                             "is it running?", code="E055") from exc

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Rows of a SELECT as {variable: value} (values as plain strings)."""
        raw = self._request(self.query_url, sparql.encode("utf-8"),
                            {"Content-Type": "application/sparql-query",
                             "Accept": "application/sparql-results+json"}, "POST")
        data = json.loads(raw)
        if "boolean" in data:
            return [{"boolean": str(data["boolean"]).lower()}]
        return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]

    def raw_query(self, sparql: str, accept: str) -> bytes:
        return self._request(self.query_url, sparql.encode("utf-8"),
                             {"Content-Type": "application/sparql-query", "Accept": accept}, "POST")

    def put_graph(self, graph: str, triples_nt: bytes) -> None:
        url = f"{self.graph_store_url}?graph={urllib.parse.quote(graph, safe='')}"
        self._request(url, triples_nt, {"Content-Type": "application/n-triples"}, "PUT")

    def delete_graph(self, graph: str) -> None:
        self._request(self.update_url, f"DROP SILENT GRAPH <{graph}>".encode("utf-8"),
                      {"Content-Type": "application/sparql-update"}, "POST")

    # -- the KgStore interface used by the builder
    def ensure_ontology(self, ontology_dir: Path) -> None:
        data = (Path(ontology_dir) / "kg.ttl").read_bytes()
        triples = ox.parse(data, format=ox.RdfFormat.TURTLE)
        self.put_graph(ONTOLOGY_GRAPH, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))

    def put_document(self, doc_id: str, quads: bytes, replaces: list[str] = ()) -> None:
        """Replace one document's graph (N-Quads text) on the server; add to the shared graphs."""
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in ox.parse(quads, format=ox.RdfFormat.N_QUADS):
            by_graph.setdefault(q.graph_name.value, []).append(ox.Triple(q.subject, q.predicate, q.object))
        for old in replaces:
            self.delete_graph(GRAPH + old)
        for g, triples in sorted(by_graph.items(), key=lambda kv: kv[0] == GRAPH + doc_id):
            if g == GRAPH + doc_id:
                self.put_graph(g, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
            else:  # shared graphs (gazetteer) are added to, not replaced
                body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
                self._request(self.update_url, f"INSERT DATA {{ GRAPH <{g}> {{ {body} }} }}".encode("utf-8"),
                              {"Content-Type": "application/sparql-update"}, "POST")

    def remove_document(self, doc_id: str) -> None:
        self.delete_graph(GRAPH + doc_id)

    # -- source counts (the same numbers as KgStore.update_source_counts, from SELECTs)
    def _pairs(self, predicate: str):
        for r in self.select(f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{predicate}> ?o }} }}"):
            yield r["s"], r["o"]

    def update_source_counts(self) -> int:
        """Recount the documents (and publishers) telling each fact and naming each entity and
        replace the server's sources graph with the counts (one Graph Store PUT). Returns the
        number of count triples."""
        from . import sources as src
        docs = {r["d"] for r in self.select(f"SELECT DISTINCT ?d WHERE {{ GRAPH ?g {{ ?d a <{KG}Document> }} }}")}
        return self.write_source_counts(src.store_count_triples(self._pairs, docs))

    def write_source_counts(self, want: set[tuple[str, str, int]]) -> int:
        """Replace the server's sources graph with the count triples `want` (one Graph Store
        PUT); returns their number."""
        from . import sources as src
        from .triples import lit, n
        body = "".join(f"{n(s)} {n(p)} {lit(v, 'integer')} .\n" for s, p, v in sorted(want))
        self.put_graph(src.SOURCES_GRAPH, body.encode("utf-8"))
        return len(want)

    def holds_no_data(self) -> bool:
        """Whether no named graph but the ontology's and the source counts' holds anything
        (kg writes nothing to a server's default graph)."""
        from .sources import SOURCES_GRAPH
        q = f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN (<{ONTOLOGY_GRAPH}>, <{SOURCES_GRAPH}>)) }}"
        return self.select(q)[0].get("boolean") != "true"

    def has_source_counts(self) -> bool:
        from .sources import SOURCES_GRAPH
        return self.select(f"ASK {{ GRAPH <{SOURCES_GRAPH}> {{ ?s ?p ?o }} }}")[0].get("boolean") == "true"

    def has_graph_with_hash(self, graph: str, content_hash: str) -> bool:
        q = sparql_prologue() + f'ASK {{ GRAPH <{graph}> {{ ?d kg:contentHash {json.dumps(content_hash)} }} }}'
        return self.select(q)[0].get("boolean") == "true"

    def documents(self) -> dict[str, tuple[str, str]]:
        q = sparql_prologue() + """SELECT ?g ?id ?src WHERE { GRAPH ?g { ?d a kg:Document ;
            dcterms:identifier ?id ; dcterms:source ?src ; kg:contentHash ?h } }"""
        return {r["g"][len(GRAPH):]: (r["id"], r["src"]) for r in self.select(q)}

    def known_entities(self):
        q = sparql_prologue() + """SELECT ?e ?t ?label (GROUP_CONCAT(DISTINCT ?k; separator="|") AS ?keys)
          WHERE { GRAPH ?g { ?e kg:identityKey ?k ; skos:prefLabel ?label ; a ?t .
                  VALUES ?t { kg:Person kg:Organization kg:Location } } } GROUP BY ?e ?t ?label"""
        for r in self.select(q):
            yield r["e"], EntityType(r["t"][len(KG):]), r["label"], [k for k in r["keys"].split("|") if k], []

    def close(self) -> None:
        pass

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def is_remote(location: str) -> bool:
    return str(location).startswith(("http://", "https://"))


def push(local, remote: RemoteStore, progress=None) -> tuple[int, int]:
    """Upload every named graph of a local store; graphs already on the server with the
    same content hash are skipped, so an interrupted push resumes. Returns (sent, skipped)."""
    sent = skipped = 0
    hashes = {row["g"].value: row["h"].value for row in local.store.query(
        sparql_prologue() + "SELECT ?g ?h WHERE { GRAPH ?g { ?d a kg:Document ; kg:contentHash ?h } }")}
    for g in sorted(x.value for x in local.store.named_graphs()):
        if g in hashes and remote.has_graph_with_hash(g, hashes[g]):
            skipped += 1
            continue
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in local.store.quads_for_pattern(None, None, None, ox.NamedNode(g))]
        remote.put_graph(g, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        sent += 1
        if progress:
            progress(g)
    return sent, skipped
