"""How long a 5,000-node view takes to write, and to become usable in headless Chromium.

The graph comes from benchmarks/gen.py (the ontology's shape: documents, shared actors,
operations, funding, evidence) bulk-loaded into an on-disk store of about 5,000 entities.
`view_5k_write_s` is what `kg view` does: open the store read-only, read the graph, lay it
out, render and write the page (median of 3); `view_5k_read_s` and `view_5k_render_s` split
it; `view_focus_write_s` is a focus view (`--focus NAME --hops 2`). The page is loaded from
a file with every request leaving file: aborted, and the clock stops when the page says the
network is stable (`window.kgReady`: the first complete drawing with a fixed layout, or
vis-network's `stabilized` with physics on). The time is `performance.now()` at that
moment, i.e. from navigation start. Median of 3 page loads.
"""
from __future__ import annotations

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
VIEW_TRIPLES = 252_000         # gen.generate: a store of just under 5,000 entities
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run"]


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


def write_times(tmp: Path, runs: int = 3) -> dict:
    """Seconds to write the view of an on-disk ~5,000-entity store as `kg view` does, and its parts."""
    from kg.api import open_store
    store = tmp / "store"
    st = ox.Store(str(store))
    st.bulk_extend(generate(VIEW_TRIPLES))
    st.flush()
    del st
    out: dict = {"page": tmp / "view-5k.html"}
    write, focus = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        with open_store(store, read_only=True) as g:
            g.view(out["page"], force=True, title="kg benchmark: 5,000 nodes")
        write.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with open_store(store, read_only=True) as g:
            g.view(tmp / "focus.html", force=True, focus="Org 17", hops=2)
        focus.append(time.perf_counter() - t0)
    with open_store(store, read_only=True) as g:
        t0 = time.perf_counter()
        graph_ = to_networkx(g.store)
        t1 = time.perf_counter()
        render_graph(graph_, "kg benchmark: 5,000 nodes")
        t2 = time.perf_counter()
    out.update(write=statistics.median(write), focus=statistics.median(focus), read=t1 - t0, render=t2 - t1,
               nodes=len(graph_), edges=graph_.number_of_edges())
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as t:
        w = write_times(Path(t))
        print(f"BENCH view_5k_nodes {w['nodes']} nodes")
        print(f"BENCH view_5k_edges {w['edges']} edges")
        print(f"BENCH view_5k_read_s {w['read']:.2f} s")
        print(f"BENCH view_5k_render_s {w['render']:.2f} s")
        print(f"BENCH view_5k_write_s {w['write']:.2f} s")
        print(f"BENCH view_focus_write_s {w['focus']:.2f} s")
        print(f"BENCH view_5k_html_mb {w['page'].stat().st_size / 1e6:.1f} MB")
        if not CHROMIUM.exists():
            print(f"BENCH view_5k_load_s skipped({CHROMIUM} missing) s")
            return
        times = load_seconds(w["page"], screenshot=SCREENSHOT)
    print(f"BENCH view_5k_load_runs_s {' '.join(f'{t:.2f}' for t in times)} s", file=sys.stderr)
    print(f"BENCH view_5k_load_s {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
