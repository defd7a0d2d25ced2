"""The default whole-corpus view in headless Chromium: entities with no relation are left off the
canvas (counted, listed, searchable, drawn on request) and the important nodes' labels are drawn
and readable at the zoom that fits the graph, the others on zoom or hover."""
from __future__ import annotations

import pytest
from test_view_browser import Watched, browser  # noqa: F401  (the module's Chromium fixture)

pytestmark = pytest.mark.browser

READABLE_PX = 10         # a label smaller than this on screen is not read at a glance
DRAW_PX = 9              # the page's vis-network drawThreshold (labels drawn from DRAW_PX - 1 px)

LABELS_JS = """() => {
  const net = window.kgNetwork, s = net.getScale(), out = [];
  for (const id of window.kgNodes.getIds()) {
    const n = net.body.nodes[id], d = window.kgNodes.get(id);
    out.push({id: id, rank: d.rank, label: d.label, px: n.options.font.size * s, drawn: n.labelModule.visible()});
  }
  return out; }"""


@pytest.fixture(scope="module")
def demo_page_path(demo_store, tmp_path_factory):
    return demo_store.view(tmp_path_factory.mktemp("default") / "demo.html")


@pytest.fixture(scope="module")
def demo_graph(demo_store):
    g = demo_store.networkx()
    linked = {x for s, o in g.edges() if s != o for x in (s, o)}
    return g, linked, [n for n in g if n not in linked]


def _open(browser, path, width=1280, height=800):  # noqa: F811
    w = Watched(browser)
    w.page.set_viewport_size({"width": width, "height": height})
    page = w.open(path)
    page.wait_for_function("window.kgReady === true", timeout=30000)
    for _ in range(150):         # physics settles, then labels are chosen again (wait_for_function: CSP)
        if page.evaluate("window.kgStable"):
            return w, page
        page.wait_for_timeout(200)
    raise AssertionError("the view did not settle in 30 s")


def _count(page) -> int:
    return page.evaluate("window.kgNodes.length")


@pytest.mark.parametrize("show_control", ["#show-isolates"])
def test_view_default_hides_isolates_counts_and_brings_them_back(browser, demo_page_path, demo_graph,  # noqa: F811
                                                                  artifacts_dir, show_control):
    g, linked, lonely = demo_graph
    assert lonely, "the sample corpus should have entities with no relation"
    w, page = _open(browser, demo_page_path)
    try:
        assert _count(page) == len(linked)
        drawn = set(page.evaluate("window.kgNodes.getIds()"))
        assert drawn == linked and not drawn & set(lonely)
        assert page.inner_text("#counts").startswith(f"{len(linked)} nodes")
        summary = page.inner_text("#iso-summary")
        assert summary == f"{len(lonely)} entities with no relation (not drawn)"
        assert page.is_visible("#iso-summary") and page.is_visible(show_control)
        items = page.evaluate("[...document.querySelectorAll('#iso-list li')].map(li => li.dataset.id)")
        assert sorted(items) == sorted(lonely)

        page.check(show_control)
        assert _count(page) == len(g)
        assert page.inner_text("#iso-summary").endswith("(drawn)")
        page.uncheck(show_control)
        assert _count(page) == len(linked)
        assert w.outside == [] and w.dialogs == [] and w.errors == []
    finally:
        w.close()


@pytest.mark.parametrize("which", [0, -1])
def test_view_default_isolates_are_searchable(browser, demo_page_path, demo_graph, which):  # noqa: F811
    g, linked, lonely = demo_graph
    target = sorted(lonely, key=lambda n: g.nodes[n]["label"])[which]
    label = g.nodes[target]["label"]
    same = [n for n in lonely if label.lower() in (g.nodes[n]["label"].lower())]
    w, page = _open(browser, demo_page_path)
    try:
        assert not page.evaluate("document.getElementById('isolates').open")
        page.fill("#search", label)
        shown = page.evaluate("[...document.querySelectorAll('#iso-list li')].filter(li => !li.hidden)"
                              ".map(li => li.dataset.id)")
        assert target in shown and len(shown) >= len(same)
        assert page.evaluate("document.getElementById('isolates').open")
        assert page.inner_text("#iso-summary").startswith(f"{len(shown)} of {len(lonely)} entities")
        assert target not in page.evaluate("window.kgNodes.getIds()")          # still not drawn
        page.click(f"#iso-list li[data-id='{target}']")
        assert page.inner_text("#info").startswith(label)
        page.fill("#search", "")
        assert page.evaluate("[...document.querySelectorAll('#iso-list li')].every(li => !li.hidden)")
        assert w.errors == []
    finally:
        w.close()


@pytest.mark.parametrize("width, height, min_labels", [(1280, 800, 15), (1920, 1200, 20)])
def test_view_default_important_labels_readable_at_fit_zoom(browser, demo_page_path, artifacts_dir,  # noqa: F811
                                                             width, height, min_labels):
    w, page = _open(browser, demo_page_path, width, height)
    try:
        page.click("#fit")
        page.wait_for_timeout(300)
        page.screenshot(path=str(artifacts_dir / f"view-default-{width}x{height}.png"))
        labels = page.evaluate(LABELS_JS)
        drawn = [x for x in labels if x["drawn"]]
        assert min_labels <= len(drawn) <= 30, (len(drawn), [x["label"] for x in drawn])
        assert all(x["px"] >= READABLE_PX for x in drawn)
        assert min(x["rank"] for x in labels) in {x["rank"] for x in drawn}   # the most important is labelled
        assert all(x["px"] < DRAW_PX - 1 for x in labels if not x["drawn"])
        # the drawn labels do not overlap on screen
        boxes = page.evaluate("""ids => ids.map(id => { const n = window.kgNetwork.body.nodes[id];
            const a = window.kgNetwork.canvasToDOM({x: n.labelModule.size.left, y: n.labelModule.size.top});
            const b = window.kgNetwork.canvasToDOM({x: n.labelModule.size.left + n.labelModule.size.width,
                                                   y: n.labelModule.size.top + n.labelModule.size.height});
            return [a.x, a.y, b.x, b.y]; })""", [x["id"] for x in drawn])
        overlaps = [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[:i])
                    if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1]
        assert overlaps == []
        assert w.errors == []
    finally:
        w.close()


@pytest.mark.parametrize("zoom", [3.0])
def test_view_default_other_labels_on_zoom_and_hover(browser, demo_page_path, zoom):  # noqa: F811
    w, page = _open(browser, demo_page_path)
    try:
        before = page.evaluate(LABELS_JS)
        hidden = [x for x in before if not x["drawn"]]
        assert hidden, "some labels should wait for zoom or hover"
        last = max(hidden, key=lambda x: x["rank"])
        page.evaluate("id => window.kgNetwork.emit('hoverNode', {node: id})", last["id"])
        hovered = next(x for x in page.evaluate(LABELS_JS) if x["id"] == last["id"])
        assert hovered["drawn"] and hovered["px"] >= READABLE_PX
        page.evaluate("id => window.kgNetwork.emit('blurNode', {node: id})", last["id"])
        assert not next(x for x in page.evaluate(LABELS_JS) if x["id"] == last["id"])["drawn"]
        page.evaluate("z => window.kgNetwork.moveTo({scale: window.kgNetwork.getScale() * z})", zoom)
        after = page.evaluate(LABELS_JS)
        assert sum(x["drawn"] for x in after) > sum(x["drawn"] for x in before)
        assert all(x["drawn"] for x in after if x["rank"] < len(after) // 2)
        assert w.errors == []
    finally:
        w.close()


@pytest.mark.parametrize("sources, width", [(1, 1.0), (4, 4.0)])
def test_view_edge_width_by_sources(browser, tmp_path, sources, width):  # noqa: F811
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "viz"))
    from viz_graphs import ID, make_graph

    from kg.viz.view import render_graph
    g = make_graph()
    g.edges[ID + "raid", ID + "pnc", "hasParticipant"]["sources"] = sources
    path = tmp_path / "sources.html"
    path.write_text(render_graph(g), encoding="utf-8")
    w, page = _open(browser, path)
    try:
        got = page.evaluate("""() => { const net = window.kgNetwork;
            const e = window.kgEdges.get().find(e => e.relation === 'hasParticipant' && e.from.endsWith('/raid'));
            return [net.body.edges[e.id].options.width, e.title]; }""")
        assert got[0] == width
        assert (f"{sources} sources" in got[1]) is (sources > 1)
    finally:
        w.close()


@pytest.mark.parametrize("wheel_steps, max_px", [(12, 22)])
def test_view_default_labels_capped_when_zoomed_in(browser, demo_page_path, wheel_steps, max_px):  # noqa: F811
    w, page = _open(browser, demo_page_path)
    try:
        scale = page.evaluate("window.kgNetwork.getScale()")
        box = page.locator("#net canvas").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(wheel_steps):
            page.mouse.wheel(0, -200)
            page.wait_for_timeout(50)
        page.wait_for_timeout(300)
        assert page.evaluate("window.kgNetwork.getScale()") > 3 * scale
        drawn = [x for x in page.evaluate(LABELS_JS) if x["drawn"]]
        assert drawn and max(x["px"] for x in drawn) <= max_px + 0.5
        page.fill("#search", drawn[0]["label"])
        page.press("#search", "Enter")                     # going to a node keeps the cap too
        assert max(x["px"] for x in page.evaluate(LABELS_JS) if x["drawn"]) <= max_px + 0.5
        assert w.errors == []
    finally:
        w.close()
