"""Store benchmarks: bulk load, named queries and a 2-hop join on the kg store (pyoxigraph,
on disk) against rdflib's in-memory engine in the same run, and the endpoint under load."""
from __future__ import annotations

import multiprocessing as mp
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from kg.namespaces import PREFIXES, sparql_prologue
from kg.query.run import bind_values, named_queries

from .gen import generate

ROOT = Path(__file__).resolve().parent.parent

QUERIES = {
    "2hop": """SELECT DISTINCT ?org WHERE { ?op kg:locatedIn ?place . ?place skos:prefLabel "Place 3" .
               ?op kg:hasParticipant ?org . ?org a kg:Organization }""",
    "aggregate": "SELECT ?kind (COUNT(?op) AS ?n) WHERE { ?op kg:operationKind ?kind } GROUP BY ?kind",
    "path": """SELECT (COUNT(DISTINCT ?op) AS ?n) WHERE { ?op kg:locatedIn ?p . ?p kg:partOf* ?c .
               ?c skos:prefLabel "Country 1" }""",
    "label": """SELECT ?e WHERE { ?e skos:prefLabel ?l . FILTER(LCASE(STR(?l)) = "org 17") }""",
}
PARAMS = {"place_label": "Place 3", "actor_label": "Org 17", "label": "Org 17", "funder_label": "Org 71",
          "kind_label": "Raid"}


def median_ms(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _rdflib_worker(nt_path: str, query: str, conn) -> None:
    import rdflib
    g = rdflib.Graph()
    g.parse(nt_path, format="nt")
    t0 = time.perf_counter()
    list(g.query(sparql_prologue() + query))
    conn.send((time.perf_counter() - t0) * 1000)


def rdflib_ms(nt_path: str, query: str, limit_s: float = 60.0) -> float | None:
    """One rdflib run in a child process (its engine has no time limit); None past `limit_s`."""
    parent, child = mp.Pipe(duplex=False)
    p = mp.get_context("fork").Process(target=_rdflib_worker, args=(nt_path, query, child))
    p.start()
    ok = parent.poll(limit_s + 120)   # loading is not timed
    if not ok:
        p.kill()
        return None
    ms = parent.recv()
    p.join()
    return ms if ms <= limit_s * 1000 else None


def main() -> None:
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        results: dict[int, dict[str, float]] = {}
        for size in (100_000, 1_000_000):
            quads = generate(size)
            label = f"{size // 1000}k"
            store = ox.Store(str(tmp / f"store-{label}"))
            t0 = time.perf_counter()
            store.bulk_extend(quads)
            store.load((ROOT / "ontology" / "kg.ttl").read_bytes(), ox.RdfFormat.TURTLE,
                       to_graph=ox.NamedNode("https://w3id.org/kg/graph/ontology"))   # as kg build does
            store.flush()
            load_s = time.perf_counter() - t0
            print(f"BENCH triples_{label} {len(quads)} triples")
            print(f"BENCH bulk_load_{label}_s {load_s:.2f} s")
            res = {}
            for name, q in QUERIES.items():
                res[name] = median_ms(lambda: list(store.query(q, prefixes=PREFIXES, use_default_graph_as_union=True)))
                print(f"BENCH query_{name}_{label}_ms {res[name]:.1f} ms")
            for name, path in named_queries().items():
                text = path.read_text(encoding="utf-8")
                declared = re.findall(r"^# param: (\w+)", text, re.M)
                params = {k: PARAMS[k] for k in declared}
                text = bind_values(text, params) if params else text
                ms = median_ms(lambda: list(store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)))
                res[f"named_{name}"] = ms
                print(f"BENCH named_{name}_{label}_ms {ms:.1f} ms")
            results[size] = res
            if size == 1_000_000:
                print(f"BENCH query_2hop_ms {res['2hop']:.1f} ms")
                print(f"BENCH named_max_1m_ms {max(v for k, v in res.items() if k.startswith('named_')):.1f} ms")
            if size == 100_000:
                nt = tmp / "100k.nt"
                nt.write_bytes(ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads),
                                            format=ox.RdfFormat.N_TRIPLES))
                for name in ("2hop", "aggregate", "label"):
                    ms = rdflib_ms(str(nt), QUERIES[name])
                    if ms is None:
                        print(f"BENCH rdflib_query_{name}_100k_ms timeout(>60s) ms")
                    else:
                        print(f"BENCH rdflib_query_{name}_100k_ms {ms:.1f} ms")
                        print(f"BENCH query_{name}_ratio {ms / res[name]:.1f} x")
                serve_store = tmp / f"store-{label}"
                store = None
                endpoint_bench(serve_store)
            del store


def endpoint_bench(store_path: Path) -> None:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store_path), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql?" + urllib.parse.urlencode({"query": QUERIES["2hop"]})
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                urllib.request.urlopen(url, timeout=30).read()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    print("BENCH endpoint_start failed -")
                    return
                time.sleep(0.2)
        for clients in (1, 8, 32):
            per = 10
            def one(_):
                t0 = time.perf_counter()
                with urllib.request.urlopen(url, timeout=60) as r:
                    r.read()
                    ok = r.status == 200
                return (time.perf_counter() - t0) * 1000, ok
            t0 = time.perf_counter()
            with ThreadPoolExecutor(clients) as pool:
                out = list(pool.map(one, range(clients * per)))
            wall = time.perf_counter() - t0
            lat = statistics.median(ms for ms, _ in out)
            errors = sum(1 for _, ok in out if not ok)
            print(f"BENCH endpoint_{clients}c_latency_ms {lat:.1f} ms")
            print(f"BENCH endpoint_{clients}c_throughput {len(out) / wall:.1f} req/s")
            print(f"BENCH endpoint_{clients}c_errors {errors} errors")
    finally:
        proc.terminate()
        proc.wait(10)


if __name__ == "__main__":
    main()
