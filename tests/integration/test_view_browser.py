"""The HTML view in a real headless Chromium: offline, filters work, names from
documents are shown as text (never run as markup)."""
from __future__ import annotations

import re

import pytest

from kg.viz.view import _page

pytestmark = pytest.mark.browser

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HREF = '<a href="javascript:alert(1)">click</a>'
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run"]


def _node(i, label, group, ntype, title=None, x=0.0, y=0.0):
    return {"id": f"n{i}", "label": label, "title": title or f"{label}\ntype: {group}", "color": "#3a7dc9",
            "shape": "dot", "size": 14, "group": group, "ntype": ntype, "x": x, "y": y}


NODES = [
    _node(1, SCRIPT, "Person", "Person", x=-300, y=-150),
    _node(2, IMG, "Organization", "Organization", title=f"{IMG}\ntype: Organization\n“{HREF}” (doc.txt)",
          x=300, y=-150),
    _node(3, "Policía Nacional del Perú", "PoliceForce", "Organization", x=-300, y=150),
    _node(4, "Lima", "Municipality", "Location", x=0, y=300),
    _node(5, "Callao", "Municipality", "Location", x=300, y=150),
    _node(6, "Seizure: police seized 2 tonnes of cocaine", "Operation", "Operation", x=0, y=0),
]
EDGES = [
    {"from": "n6", "to": "n3", "label": "hasParticipant", "arrows": "to", "relation": "hasParticipant",
     "title": "hasParticipant\n“police seized 2 tonnes” (doc.txt)"},
    {"from": "n6", "to": "n5", "label": "locatedIn", "arrows": "to", "relation": "locatedIn",
     "title": "locatedIn\n“in Callao” (doc.txt)"},
    {"from": "n1", "to": "n2", "label": "leads", "arrows": "to", "relation": "leads",
     "title": f"leads\n“{SCRIPT} {IMG}” (doc.txt)"},
]


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=LAUNCH_ARGS)
        yield b
        b.close()


class Watched:
    """A page whose requests leaving file:/data: are recorded and aborted, with console errors and dialogs."""

    def __init__(self, browser):
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("request", self._request)
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _request(self, request):
        if not request.url.startswith(("file:", "data:", "blob:", "about:")) and request.url not in self.outside:
            self.outside.append(request.url)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path):
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.kgNodes !== undefined && window.kgNetwork !== undefined")
        return self.page

    def close(self):
        self.page.close()


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


def _count(page) -> int:
    return page.evaluate("window.kgNodes.length")


@pytest.mark.parametrize("nodes, edges", [(NODES, EDGES)])
def test_view_hostile_labels_offline_and_filters(watched, tmp_path, artifacts_dir, nodes, edges):
    html = _page("kg <b>test</b> view", nodes, edges, physics=False)
    assert SCRIPT not in html, "a </script> from the data would end the script element"
    path = tmp_path / "view.html"
    path.write_text(html, encoding="utf-8")
    page = watched.open(path)

    assert _count(page) == len(nodes)
    assert page.evaluate("window.kgEdges.length") == len(edges)
    assert page.title() == "kg <b>test</b> view"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 2
    assert page.evaluate("document.querySelectorAll('#side b, #side a').length") == 0

    # the name shown on click is the literal text
    page.evaluate("id => window.kgNetwork.emit('click', {nodes: [id], edges: []})", "n1")
    assert page.inner_text("#info").startswith(SCRIPT)
    page.evaluate("id => window.kgNetwork.emit('click', {nodes: [id], edges: []})", "n2")
    info = page.inner_text("#info")
    assert IMG in info and HREF in info
    assert page.evaluate("document.querySelectorAll('#info *').length") == 0

    # hover: vis-network's tooltip shows the title as text
    box = page.locator("#net canvas").bounding_box()
    xy = page.evaluate("id => window.kgNetwork.canvasToDOM(window.kgNetwork.getPosition(id))", "n2")
    page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    page.screenshot(path=str(artifacts_dir / "view-hostile.png"))
    assert IMG in tip.inner_text() and HREF in tip.inner_text()
    tags = page.evaluate("[...document.querySelectorAll('div.vis-tooltip *')].map(e => e.tagName)")
    assert set(tags) <= {"BR"}, tags  # innerText turns newlines into <br>; nothing else

    # search filters nodes by label or title
    page.fill("#search", "callao")
    assert _count(page) == 1
    assert page.inner_text("#counts").startswith("1 nodes")
    page.fill("#search", "onerror")
    assert _count(page) == 1
    page.fill("#search", "")
    assert _count(page) == len(nodes)

    # unchecking a class hides its nodes; checking it again shows them
    page.uncheck("input.cls[value='Municipality']")
    assert _count(page) == len(nodes) - 2
    page.check("input.cls[value='Municipality']")
    assert _count(page) == len(nodes)

    # unchecking a relation hides its edges
    page.uncheck("input.rel[value='leads']")
    assert page.evaluate("window.kgEdges.length") == len(edges) - 1

    assert watched.outside == []
    assert watched.dialogs == []
    assert watched.errors == []


@pytest.mark.parametrize("min_nodes", [20])
def test_view_demo_store_loads_offline(watched, demo_store, tmp_path, artifacts_dir, min_nodes):
    path = demo_store.view(tmp_path / "demo.html")
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=", html, re.I), "the page links out"
    page = watched.open(path)
    page.wait_for_function("window.kgReady === true", timeout=30000)
    n = len(demo_store.networkx())
    linked = {x for s, o in demo_store.networkx().edges() if s != o for x in (s, o)}
    assert _count(page) == len(linked) > min_nodes          # entities with no relation are not drawn
    assert page.inner_text("#counts").startswith(f"{len(linked)} nodes")
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts_dir / "view.png"))
    page.check("#show-isolates")
    assert _count(page) == n
    assert page.inner_text("#counts").startswith(f"{n} nodes")
    page.fill("#search", "police")
    assert 0 < _count(page) < n
    assert watched.outside == []
    assert watched.dialogs == []
    assert watched.errors == []


@pytest.mark.parametrize("n_nodes, physics", [(6, True)])
def test_view_physics_checkbox_matches_layout(watched, tmp_path, n_nodes, physics):
    path = tmp_path / "view.html"
    path.write_text(_page("kg", NODES[:n_nodes], EDGES, physics=physics), encoding="utf-8")
    page = watched.open(path)
    assert page.evaluate("window.kgNetwork.physics.options.enabled") is physics
    assert page.is_checked("#physics") is physics


# ---------------------------------------------------------------------- the real rendering path
def _explore_graph():
    """Entities named like markup, a funding with an amount, and enough extra nodes to be reduced."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "viz"))
    from viz_graphs import add_edge, add_node, make_graph
    g = make_graph()
    add_node(g, "img", IMG, "Organization", "ArmedGroup", aliases=SCRIPT,
             evidence=[(f"{IMG} claimed it. {HREF}", "hostile.txt")])
    add_node(g, "script", "<script>", "Person", evidence=[("<script> was seen.", "hostile.txt")])
    add_edge(g, "script", "memberOf", "img", f"{SCRIPT} joined {IMG}.", doc="hostile.txt")
    add_edge(g, "img", "locatedIn", "gt", "They operate in Guatemala.", doc="hostile.txt")
    for i in range(30):                              # a tail of minor places, folded away when reduced
        add_node(g, f"p{i}", f"Village {i}", "Location", "Municipality")
        add_edge(g, f"p{i}", "partOf", "mx" if i % 2 else "gt", f"Village {i} is there.")
    return g


@pytest.mark.parametrize("max_nodes", [30])
def test_view_rendered_graph_hostile_names_funding_note_search_filters(watched, tmp_path, artifacts_dir, max_nodes):
    from kg.viz.view import render_graph
    g = _explore_graph()
    path = tmp_path / "explore.html"
    path.write_text(render_graph(g, "kg explore", max_nodes=max_nodes), encoding="utf-8")
    page = watched.open(path)
    page.wait_for_function("window.kgReady === true", timeout=30000)
    n = _count(page)
    assert n <= max_nodes

    # the reduction note is visible, as text
    from kg.viz.view import isolates
    note = page.locator("#note")                     # entities with no relation are listed, not reduced
    assert note.is_visible() and f"of {len(g) - len(isolates(g))} entities" in note.inner_text()
    assert page.evaluate("document.querySelectorAll('#note *').length") == 0

    # markup-like names are nodes shown as text; nothing was run or inserted
    ids = page.evaluate("window.kgNodes.getIds()")
    img_id = next(i for i in ids if i.endswith("/img"))
    assert page.evaluate("id => window.kgNodes.get(id).label", img_id) == IMG
    page.evaluate("id => window.kgNetwork.emit('click', {nodes: [id], edges: []})", img_id)
    info = page.inner_text("#info")
    assert info.startswith(IMG) and f"also: {SCRIPT}" in info and HREF in info
    assert page.evaluate("document.querySelectorAll('img, #info *').length") == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 2

    # funding edges carry their amount
    labels = page.evaluate("window.kgEdges.get().map(e => e.label)")
    assert "fundedBy USD 1,300,000,000" in labels

    # search narrows to matches; Enter selects and centres the first
    page.fill("#search", "national civil")
    assert _count(page) == 1
    page.press("#search", "Enter")
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [page.evaluate("window.kgNodes.getIds()[0]")]
    page.fill("#search", "")
    assert _count(page) == n

    # a class filter hides its nodes and the edges that touch them
    before = page.evaluate("window.kgEdges.length")
    page.uncheck("input.cls[value='Country']")
    assert _count(page) == n - 2               # Guatemala and Mexico
    assert page.evaluate("window.kgEdges.length") < before
    page.check("input.cls[value='Country']")
    page.uncheck("input.rel[value='fundedBy']")
    assert "fundedBy USD 1,300,000,000" not in page.evaluate("window.kgEdges.get().map(e => e.label)")
    page.check("input.rel[value='fundedBy']")

    page.click("#fit")
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts_dir / "view-explore.png"))
    assert watched.outside == [] and watched.dialogs == [] and watched.errors == []


@pytest.mark.parametrize("n_nodes", [1500])
def test_view_large_graph_fixed_layout_is_stable_with_all_nodes(watched, tmp_path, artifacts_dir, n_nodes):
    import networkx as nx

    from kg.viz.view import render_graph
    g = nx.MultiDiGraph()
    for i in range(n_nodes):
        g.add_node(f"urn:n{i}", label=f"Node {i}", type="Organization", cls="Organization", aliases="", amount="",
                   currency="", kind="", docs=[], dates=[], evidence=[])
    for i in range(n_nodes):
        for j in (i + 1, i * 7 + 3):
            if j < n_nodes:
                g.add_edge(f"urn:n{i}", f"urn:n{j}", key="memberOf", relation="memberOf", evidence="e",
                           document="d.txt", confidence=0.5, factuality="asserted", quotes=[], docs=[], dates=[])
    path = tmp_path / "large.html"
    path.write_text(render_graph(g, "large"), encoding="utf-8")
    page = watched.open(path)
    page.wait_for_function("window.kgReady === true", timeout=60000)
    assert _count(page) == n_nodes
    assert page.evaluate("window.kgNetwork.physics.options.enabled") is False
    page.screenshot(path=str(artifacts_dir / "view-large.png"))
    assert watched.outside == [] and watched.errors == []
