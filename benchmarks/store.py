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
import urllib.error
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
          "kind_label": "Raid", "min_sources": "2"}


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


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RUNAWAY_LIMIT_S = 2.0


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(cmd: list[str], probe: str) -> subprocess.Popen | None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while True:
        try:
            urllib.request.urlopen(probe, timeout=30).read()
            return proc
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                return None
            time.sleep(0.2)


def _get(url: str) -> tuple[float, int]:
    """(milliseconds, status) of one GET, with a fresh connection as most clients make."""
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    except OSError:
        status = 0
    return (time.perf_counter() - t0) * 1000, status


def load(url: str, clients: int, per: int = 10, until=None) -> dict:
    """`clients` threads each sending `per` requests (and more while `until()` is False):
    latency p50/p99 in ms, requests per second, requests that did not get 200."""
    def client(_):
        out, i = [], 0
        while i < per or (until is not None and not until()):
            out.append(_get(url))
            i += 1
        return out
    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        out = [r for rs in pool.map(client, range(clients)) for r in rs]
    wall = time.perf_counter() - t0
    lat = sorted(ms for ms, _ in out)
    return {"p50": statistics.median(lat), "p99": lat[min(len(lat) - 1, int(len(lat) * 0.99))],
            "rps": len(out) / wall, "errors": sum(1 for _, st in out if st != 200), "n": len(out)}


def endpoint_bench(store_path: Path) -> None:
    """`kg serve` and `oxigraph serve-read-only` on the same store, same 2-hop query, same
    client (urllib, a connection per request), 1/8/32 concurrent clients; then a runaway
    query among 31 clients on `kg serve`."""
    query = sparql_prologue() + QUERIES["2hop"]     # the same text for both servers
    kg_port, ox_port = _free_port(), _free_port()
    servers = {
        "kg": ([sys.executable, "-m", "kg", "serve", "--store", str(store_path), "--port", str(kg_port),
                "--timeout", f"{RUNAWAY_LIMIT_S:g}"], f"http://127.0.0.1:{kg_port}/sparql"),
        "oxigraph": ([str(Path(sys.executable).parent / "oxigraph"), "serve-read-only", "--location",
                      str(store_path), "--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"],
                     f"http://127.0.0.1:{ox_port}/query"),
    }
    procs, urls = {}, {}
    try:
        for name, (cmd, base) in servers.items():
            urls[name] = base + "?" + urllib.parse.urlencode({"query": query})
            if name == "oxigraph" and not Path(cmd[0]).exists():
                print("BENCH endpoint_oxigraph skipped(oxigraph not installed: make test-deps) -")
                continue
            procs[name] = _start(cmd, urls[name])
            if procs[name] is None:
                print(f"BENCH endpoint_{name}_start failed -")
                return
        table = []
        for clients in (1, 8, 32):
            row = {name: load(urls[name], clients) for name in procs}
            k = row["kg"]
            print(f"BENCH endpoint_{clients}c_p50_ms {k['p50']:.1f} ms")
            print(f"BENCH endpoint_{clients}c_p99_ms {k['p99']:.1f} ms")
            print(f"BENCH endpoint_{clients}c_throughput {k['rps']:.1f} req/s")
            print(f"BENCH endpoint_{clients}c_errors {k['errors']} errors")
            if "oxigraph" in row:
                o = row["oxigraph"]
                print(f"BENCH oxigraph_{clients}c_p50_ms {o['p50']:.1f} ms")
                print(f"BENCH oxigraph_{clients}c_p99_ms {o['p99']:.1f} ms")
                print(f"BENCH oxigraph_{clients}c_throughput {o['rps']:.1f} req/s")
                print(f"BENCH oxigraph_{clients}c_errors {o['errors']} errors")
                print(f"BENCH endpoint_{clients}c_vs_oxigraph {k['rps'] / o['rps']:.2f} x")
            table.append((clients, row))
        _runaway(servers["kg"][1], urls["kg"])
        print("endpoint, 2-hop query, 100k store: p50 / p99 ms, req/s")
        print(f"{'clients':>7} | {'kg serve':>24} | {'oxigraph serve-read-only':>24}")
        for clients, row in table:
            cells = [f"{r['p50']:.1f} / {r['p99']:.1f} / {r['rps']:.0f}" for r in
                     (row["kg"], row.get("oxigraph", {"p50": 0, "p99": 0, "rps": 0}))]
            print(f"{clients:>7} | {cells[0]:>24} | {cells[1]:>24}")
    finally:
        for proc in procs.values():
            if proc is not None:
                proc.terminate()
                proc.wait(10)


def _runaway(base: str, url: str) -> None:
    """One runaway query (a cartesian join) among 31 clients running the 2-hop query."""
    done = {"t": None, "status": None}

    def runaway() -> None:
        ms, status = _get(base + "?" + urllib.parse.urlencode({"query": RUNAWAY}))
        done["t"], done["status"] = ms / 1000, status
    import threading
    t = threading.Thread(target=runaway)
    t.start()
    time.sleep(0.1)
    r = load(url, 31, per=5, until=lambda: done["t"] is not None)
    t.join()
    print(f"BENCH endpoint_32c_runaway_p99_ms {r['p99']:.1f} ms")
    print(f"BENCH endpoint_32c_runaway_p50_ms {r['p50']:.1f} ms")
    print(f"BENCH endpoint_32c_runaway_errors {r['errors']} errors")
    print(f"BENCH endpoint_runaway_stopped_s {done['t']:.2f} s (status {done['status']}, "
          f"limit {RUNAWAY_LIMIT_S:g} s)")


if __name__ == "__main__":
    main()
