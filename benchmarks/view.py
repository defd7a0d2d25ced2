"""How long a 5,000-node view takes to become usable in headless Chromium.

The graph comes from benchmarks/gen.py (the ontology's shape: documents, shared actors,
operations, funding, evidence) loaded into an in-memory store and read by the same code
`kg view` uses (to_networkx, then render_graph: layout in Python, physics off above 500
nodes). The page is loaded from a file with every request leaving file: aborted, and the
clock stops when the page says the network is stable (`window.kgReady`: the first complete
drawing with a fixed layout, or vis-network's `stabilized` with physics on). The time is
`performance.now()` at that moment, i.e. from navigation start. Median of 3 page loads.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.viz.network import to_networkx
from kg.viz.view import render_graph

from .gen import generate

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = Path(__file__).resolve().parent.parent / "tests" / ".artifacts" / "view-5k.png"
N_NODES = 5000
TRIPLES_PER_NODE = 52          # gen.generate: about 5 entities per 260-triple document
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run"]


class _Store:
    """Just what to_networkx needs: query() over the union of graphs."""

    def __init__(self, quads):
        self.store = ox.Store()
        self.store.bulk_extend(quads)

    def query(self, sparql: str, **kw):
        kw.setdefault("use_default_graph_as_union", True)
        return self.store.query(sparql, **kw)


def graph(n_nodes: int = N_NODES):
    """A kg entity graph of exactly `n_nodes` nodes, a seeded sample of every class."""
    g = to_networkx(_Store(generate(int(n_nodes * TRIPLES_PER_NODE * 1.1))))
    keep = random.Random(7).sample(sorted(g), n_nodes)
    return g.subgraph(keep).copy()


def load_seconds(page_path: Path, runs: int = 3, screenshot: Path | None = None) -> list[float]:
    """Seconds from navigation start to `window.kgReady`, once per run (a fresh page each time).

    The last page, once stable, is saved as a PNG at `screenshot` (not timed)."""
    from playwright.sync_api import sync_playwright
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                           else r.abort())
                page.goto(page_path.as_uri())
                page.wait_for_function("window.kgReady === true", timeout=180_000, polling=50)
                out.append(page.evaluate("window.kgReadyAt") / 1000)
                if screenshot is not None and len(out) == runs:
                    screenshot.parent.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(screenshot))
                page.close()
        finally:
            browser.close()
    return out


def main() -> None:
    if not CHROMIUM.exists():
        print(f"BENCH view_5k_load_s skipped({CHROMIUM} missing) s")
        return
    t0 = time.perf_counter()
    g = graph()
    t1 = time.perf_counter()
    page = render_graph(g, "kg benchmark: 5,000 nodes")
    t2 = time.perf_counter()
    print(f"BENCH view_5k_nodes {len(g)} nodes")
    print(f"BENCH view_5k_edges {g.number_of_edges()} edges")
    print(f"BENCH view_5k_read_s {t1 - t0:.2f} s")
    print(f"BENCH view_5k_render_s {t2 - t1:.2f} s")
    print(f"BENCH view_5k_html_mb {len(page.encode('utf-8')) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "view-5k.html"
        path.write_text(page, encoding="utf-8")
        times = load_seconds(path, screenshot=SCREENSHOT)
    print(f"BENCH view_5k_load_runs_s {' '.join(f'{t:.2f}' for t in times)} s", file=sys.stderr)
    print(f"BENCH view_5k_load_s {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
