"""An interactive HTML network view that works offline.

vis-network's JavaScript is taken from the copy pyvis 0.3.2 ships and inlined; nothing
else of pyvis is used (its template links Bootstrap from a CDN, injects headings as
HTML, and its add_node is quadratic). Positions are computed in Python (`layout.py`)
so that large graphs are drawn with physics off; a graph larger than `max_nodes` is
reduced (`analysis.reduce_graph`) with a note saying what was left out. Entities with no
relation are not drawn by default (left out of the layout and the reduction; counted, listed
and searchable in the side panel, drawn on request). Labels are sized in the page from the zoom
that fits the graph: up to LABEL_TOP important nodes (by the size score) are labelled at 12 px
or more on screen without overlapping, the others appear on zoom or hover. Edges are wider the
more documents (`sources`) tell them. Every string
that came from a document reaches the page as JSON data and is shown as text: vis-network
renders string titles as text, the side panel uses textContent, and nothing is
pre-escaped or injected as HTML.
"""
from __future__ import annotations

import functools
import html
import json
import math
import re
from decimal import Decimal, InvalidOperation

import networkx as nx

from .analysis import Selection, centrality, find_entity, reduce_graph, select
from .layout import layout
from .network import FUNDING_RELATIONS, to_networkx

STYLE = {  # class -> (colour, shape)
    "Person": ("#e07b39", "dot"), "Organization": ("#3a7dc9", "square"), "Government": ("#1f4e8c", "square"),
    "GovernmentAgency": ("#3a7dc9", "square"), "SecurityForce": ("#2a9d8f", "square"),
    "PoliceForce": ("#2a9d8f", "square"), "MilitaryUnit": ("#52796f", "square"), "TaskForce": ("#84a98c", "square"),
    "ArmedGroup": ("#c0392b", "triangle"), "CriminalGroup": ("#8e1b1b", "triangle"),
    "Company": ("#9b59b6", "square"), "InternationalOrganization": ("#5d6d7e", "square"),
    "Location": ("#27ae60", "diamond"), "Country": ("#1e8449", "diamond"), "AdministrativeArea": ("#27ae60", "diamond"),
    "Municipality": ("#58d68d", "diamond"), "River": ("#5dade2", "diamond"), "BorderArea": ("#a9cce3", "diamond"),
    "Operation": ("#f1c40f", "star"), "Funding": ("#d4ac0d", "hexagon"), "Community": ("#bbbbbb", "ellipse"),
}
DEFAULT_STYLE = ("#999999", "dot")
SYMBOL = {"dot": "●", "square": "■", "triangle": "▲", "diamond": "◆", "star": "★", "hexagon": "⬢",
          "ellipse": "○"}
REL_COLOUR = {"hasParticipant": "#3a7dc9", "targets": "#c0392b", "locatedIn": "#27ae60", "partOf": "#7dcea0",
              "memberOf": "#8e44ad", "leads": "#e07b39", "fundedBy": "#b7950b", "recipient": "#b7950b",
              "funds": "#b7950b", "folded": "#cccccc"}
MAX_PHYSICS_NODES = 500     # above this the layout is fixed (physics off; the checkbox turns it on)
MAX_VIEW_NODES = 5000       # above this the graph is reduced, with a note
QUOTE_CHARS = 300
LABEL_TOP = 30              # this many nodes (the most important) have their label drawn at the fitting zoom


def render_view(store, title: str = "kg network", selection: Selection | None = None, *,
                triples=None, max_nodes: int = MAX_VIEW_NODES, size: str = "degree",
                entity_base: str = "") -> str:
    """Return a self-contained HTML page showing (a selection of) the store's graph.

    `triples` (a CONSTRUCT result) replaces the whole graph by the part it describes.
    Raises ViewError (E101-E108) for an unknown focus entity, class, document or a bad date.
    """
    from .network import from_triples
    g = to_networkx(store)
    if triples is not None:
        g = from_triples(g, triples)
    selection = selection or Selection()
    g = select(g, selection)
    pinned = [find_entity(g, selection.focus)] if selection.focus else []
    return render_graph(g, title, max_nodes=max_nodes, size=size, entity_base=entity_base, pinned=pinned)


def render_graph(g: nx.MultiDiGraph, title: str = "kg network", *, note: str = "",
                 max_nodes: int = MAX_VIEW_NODES, size: str = "degree", entity_base: str = "",
                 pinned=()) -> str:
    """Return the HTML page for a graph made by `network.to_networkx`.

    Entities with no relation (`isolates`) are not drawn by default: they are left out of the
    layout of the rest and of any reduction, listed in the page (searchable, with their count)
    and drawn on request. The linked part is reduced when larger than `max_nodes` (`pinned`
    nodes, e.g. the focus entity, are never folded away nor hidden).
    """
    scores = centrality(g, size)            # validates `size` before any work
    iso = isolates(g, pinned)
    reduced = ""
    if len(g) - len(iso) > max_nodes:
        linked, reduced = reduce_graph(g.subgraph([n for n in g if n not in iso]).copy(), max_nodes, pinned)
        linked.add_nodes_from((n, g.nodes[n]) for n in g if n in iso)
        g, scores = linked, centrality(linked, size)
    nodes, edges = to_vis(g, scores, layout(g), iso)
    return _page(title, nodes, edges, physics=len(nodes) <= MAX_PHYSICS_NODES,
                 note=" ".join(x for x in (note, reduced) if x), entity_base=entity_base, size_by=size)


def isolates(g: nx.MultiDiGraph, keep=()) -> set:
    """Nodes with no relation to another node, except those in `keep`; none when no node has one
    (a graph of isolated nodes is drawn as it is).

    >>> g = nx.MultiDiGraph([("a", "b"), ("c", "c")]); g.add_node("d")
    >>> sorted(isolates(g)), sorted(isolates(g, keep=["d"])), isolates(nx.MultiDiGraph([("c", "c")]))
    (['c', 'd'], ['c'], set())
    """
    found = {n for n in g if not any(v != n for v in g.succ[n]) and not any(v != n for v in g.pred[n])}
    return set() if len(found) == len(g) else found - set(keep)


def to_vis(g: nx.MultiDiGraph, scores: dict, pos: dict, isolated=frozenset()) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge records: colour and shape by class, size by score, text tooltips.

    `rank` orders nodes by importance (score, then degree, then label: 0 is the most important),
    which the page uses to size labels; nodes in `isolated` carry `iso: true` (not drawn by default).
    """
    top = max(scores.values(), default=0) or 1
    order = sorted(g, key=lambda n: (-scores.get(n, 0), -g.degree(n), g.nodes[n]["label"], n))
    rank = {n: i for i, n in enumerate(order)}
    nodes = []
    for nid, d in g.nodes(data=True):
        colour, shape = STYLE.get(d["cls"], STYLE.get(d["type"], DEFAULT_STYLE))
        x, y = pos.get(nid, (0.0, 0.0))
        node = {"id": nid, "label": d["label"][:60], "title": node_text(d), "color": colour, "shape": shape,
                "size": round(8 + 30 * (scores.get(nid, 0) / top) ** 0.5, 1), "group": d["cls"],
                "ntype": d["type"], "x": round(x, 1), "y": round(y, 1), "rank": rank[nid]}
        if nid in isolated:
            node["iso"] = True
        if d["type"] == "Community":
            node["shapeProperties"] = {"borderDashes": [4, 4]}
        nodes.append(node)
    edges = [edge_record(g, s, o, d) for s, o, d in g.edges(data=True)]
    return nodes, edges


def node_text(d: dict) -> str:
    """The tooltip of a node, as plain text: label, class, aliases, facts, up to three quotes.

    >>> print(node_text({"label": "PNC", "type": "Organization", "cls": "PoliceForce", "aliases": "",
    ...                  "evidence": [("The PNC said <b>so</b>.", "a.txt")], "docs": ["a.txt"]}))
    PNC
    type: PoliceForce (Organization)
    documents: a.txt
    “The PNC said <b>so</b>.” (a.txt)
    """
    cls = d["cls"] if d["cls"] == d["type"] else f"{d['cls']} ({d['type']})"
    lines = [d["label"], f"type: {cls}"]
    if d.get("aliases"):
        lines.append(f"also: {d['aliases']}")
    if d.get("kind"):
        lines.append(f"kind: {d['kind']}")
    if d.get("amount"):
        lines.append(f"amount: {money(d['amount'], d.get('currency', ''))}")
    if d.get("summary"):
        lines.append(d["summary"])
    docs = d.get("docs", [])
    if docs:
        more = f" (+{len(docs) - 3} more)" if len(docs) > 3 else ""
        lines.append(f"documents: {', '.join(docs[:3])}{more}")
    lines += [f"“{_cut(q)}” ({doc})" for q, doc in d.get("evidence", [])[:3]]
    return "\n".join(lines)


def edge_record(g: nx.MultiDiGraph, s: str, o: str, d: dict) -> dict:
    rel = d["relation"]
    label = rel
    if rel in FUNDING_RELATIONS:
        fund = s if g.nodes[s]["type"] == "Funding" else o
        amount = g.nodes[fund].get("amount")
        if amount:
            label = f"{rel} {money(amount, g.nodes[fund].get('currency', ''))}"
    if rel == "folded":
        label = f"{d.get('count', 1)} link{'s' if d.get('count', 1) != 1 else ''}"
    lines = [label if d.get("factuality", "asserted") == "asserted" else f"{label} ({d['factuality']})"]
    sources = int(d.get("sources", 1) or 1)
    if sources > 1:
        lines.append(f"{sources} sources")
    lines += [f"“{_cut(q)}” ({doc})" for q, doc in d.get("quotes", [])[:3]]
    rec = {"from": s, "to": o, "label": label, "arrows": "to", "relation": rel, "title": "\n".join(lines),
           "color": REL_COLOUR.get(rel, "#888888"), "width": edge_width(sources)}
    if d.get("factuality", "asserted") != "asserted":
        rec["dashes"] = True
    return rec


def edge_width(sources: int) -> float:
    """The drawn width of an edge told by `sources` documents: 1 for one, growing with the log.

    >>> edge_width(1), edge_width(2), edge_width(8), edge_width(0)
    (1.0, 2.5, 5.5, 1.0)
    """
    return round(1 + 1.5 * math.log2(max(1, sources)), 2)


def money(amount: str, currency: str = "") -> str:
    """An amount with thousands separators and its currency.

    >>> money("1300000000", "USD"), money("2.5e6", ""), money("about 3", "EUR")
    ('USD 1,300,000,000', '2,500,000', 'EUR about 3')
    """
    try:
        v = Decimal(amount)
        text = f"{v:,.0f}" if v == v.to_integral_value() else f"{v:,.2f}"
    except (InvalidOperation, ValueError):
        text = amount
    return f"{currency} {text}".strip()


def _cut(q: str) -> str:
    return q if len(q) <= QUOTE_CHARS else q[:QUOTE_CHARS - 1] + "…"


@functools.lru_cache(maxsize=1)
def _vis_js() -> str:
    """vis-network's JavaScript, inlined from the copy pyvis ships."""
    from pyvis.network import Network
    net = Network(cdn_resources="in_line")
    page = net.generate_html()
    m = re.search(r"<script[^>]*>\s*(/\*\*?\s*\n?\s*\* vis-network.*?)</script>", page, re.S)
    if m:
        return m.group(1)
    scripts = re.findall(r"<script(?![^>]*src=)[^>]*>(.*?)</script>", page, re.S)
    return max(scripts, key=len)


def _json_for_script(value) -> str:
    """JSON that stays inside a <script> element: no '<', '>' or '&' survives as such."""
    data = json.dumps(value, ensure_ascii=False)
    return data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _page(title: str, nodes: list, edges: list, physics: bool, *, note: str = "", entity_base: str = "",
          size_by: str = "degree") -> str:
    data = _json_for_script({"nodes": nodes, "edges": edges})
    classes = sorted({(n["group"], n.get("shape", "dot"), n.get("color", "#999")) for n in nodes})
    counts = {c: sum(1 for n in nodes if n["group"] == c) for c, _, _ in classes}
    legend = "".join(
        f'<label><input type="checkbox" class="cls" value="{html.escape(c)}" checked> '
        f'<span style="color:{html.escape(colour)}">{SYMBOL.get(shape, "●")}</span> {html.escape(c)} '
        f'<small>{counts[c]}</small></label><br>' for c, shape, colour in classes)
    rels = sorted({e["relation"] for e in edges})
    rel_boxes = "".join(
        f'<label><input type="checkbox" class="rel" value="{html.escape(r)}" checked> '
        f'<span style="color:{REL_COLOUR.get(r, "#888888")}">━</span> {html.escape(r)} '
        f'<small>{sum(1 for e in edges if e["relation"] == r)}</small></label><br>' for r in rels)
    n_iso = sum(1 for n in nodes if n.get("iso"))
    return TEMPLATE.format(
        title=html.escape(title), vis=_vis_js(), data=data, legend=legend, rels=rel_boxes,
        physics="true" if physics else "false", physics_checked="checked" if physics else "",
        n=len(nodes) - n_iso, m=len(edges), note=html.escape(note), note_hidden="" if note else " hidden",
        n_iso=n_iso, iso_hidden="" if n_iso else " hidden", iso_word="entity" if n_iso == 1 else "entities",
        top=LABEL_TOP,
        size_by=html.escape(size_by), entity_base=_json_for_script(entity_base),
        entity_link='<a id="entity-link" hidden>open the entity page</a>\n' if entity_base else "",
        big="true" if len(nodes) > MAX_PHYSICS_NODES else "false")


TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">
<style>
body {{ margin: 0; font: 13px sans-serif; display: flex; height: 100vh; }}
#side {{ width: 260px; padding: 8px; overflow-y: auto; border-right: 1px solid #ddd; }}
#side h3 {{ margin: 4px 0; }} #side h4 {{ margin: 10px 0 4px; }} small {{ color: #888; }}
#net {{ flex: 1; }}
#note {{ background: #fff6d5; border: 1px solid #e0c060; padding: 4px; font-size: 12px; margin: 6px 0; }}
#isolates-box {{ background: #f4f4f4; border: 1px solid #ddd; padding: 4px; font-size: 12px; margin: 6px 0; }}
#isolates summary {{ cursor: pointer; }}
#iso-list {{ max-height: 220px; overflow-y: auto; margin: 4px 0; padding-left: 16px; }}
#iso-list li {{ cursor: pointer; }} #iso-list li.on {{ background: #fff6d5; }}
#info {{ white-space: pre-wrap; font-size: 12px; margin-top: 8px; }}
div.vis-tooltip {{ max-width: 420px; white-space: pre-wrap !important; }}
</style>
<script>{vis}</script>
</head><body>
<div id="side">
<h3>{title}</h3>
<div id="note"{note_hidden}>{note}</div>
<div id="counts">{n} nodes, {m} edges</div>
<div id="isolates-box"{iso_hidden}><details id="isolates"><summary id="iso-summary">{n_iso} {iso_word} with no relation (not drawn)</summary>
<ul id="iso-list"></ul></details>
<label><input type="checkbox" id="show-isolates"> draw them too</label></div>
<input id="search" type="search" placeholder="search names, aliases, quotes (Enter: go to)" style="width: 95%">
<div><small>size: {size_by}; labels: the {top} most important, the rest on zoom or hover; fit: relabel</small>
<button id="fit" type="button">fit</button>
<label><input type="checkbox" id="physics" {physics_checked}> physics</label></div>
<h4>Classes</h4>{legend}
<h4>Relations</h4>{rels}
<small>edge width: number of sources</small>
{entity_link}<div id="info"></div>
</div>
<div id="net"></div>
<script>
const DATA = {data};
const ENTITY_BASE = {entity_base}, PHYSICS = {physics}, BIG = {big}, LABEL_TOP = {top};
const DRAW_PX = 9, TOP_PX = 12, HOVER_PX = 13, MAX_PX = 22, FONT = 14;  // FONT: vis-network's default, canvas units  // labels drawn from DRAW_PX - 1 px on screen
window.kgReady = false; window.kgStable = false;
const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
const hiddenCls = new Set(), hiddenRel = new Set();
const ISO = DATA.nodes.filter(n => n.iso);
let query = "", shown = null, showIso = false;
const matches = n => !query || n.label.toLowerCase().includes(query) || n.title.toLowerCase().includes(query);
const nodeView = new vis.DataView(nodes, {{ filter: n => !hiddenCls.has(n.group) && matches(n) &&
  (showIso || !n.iso) }});
const edgeView = new vis.DataView(edges, {{ filter: e => !hiddenRel.has(e.relation) &&
  (shown === null || (shown.has(e.from) && shown.has(e.to))) }});
const network = new vis.Network(document.getElementById("net"), {{ nodes: nodeView, edges: edgeView }},
  {{ physics: {{ enabled: PHYSICS, stabilization: {{ iterations: 200 }} }},
     layout: {{ improvedLayout: false }},
     nodes: {{ font: {{ strokeWidth: 3, strokeColor: "#ffffff" }},
               scaling: {{ label: {{ drawThreshold: DRAW_PX }} }} }},
     edges: {{ font: {{ size: 9, align: "middle" }}, smooth: false,
               scaling: {{ label: {{ drawThreshold: DRAW_PX }} }} }},
     interaction: {{ hover: true, tooltipDelay: 150, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG }} }});
window.kgNetwork = network; window.kgNodes = nodeView; window.kgEdges = edgeView;
// Labels are sized in canvas units from the zoom that fits the graph, so that at that zoom the
// most important nodes (up to LABEL_TOP, by rank, skipping a label that would overlap one already
// placed) read at TOP_PX or more and the others fall under DRAW_PX: drawn once zoomed in, or on hover.
// (vis-network re-applies a group's colours on update unless the colour is given again.)
const labelPx = new Map(), measure = document.createElement("canvas").getContext("2d");
const topPx = n => TOP_PX + 6 * Math.sqrt(Math.max(0, (n.size - 8) / 30));
function chooseLabels() {{
  const s = network.getScale(), boxes = [], chosen = new Set();
  const drawn = nodeView.get().sort((a, b) => (a.rank || 0) - (b.rank || 0)).slice(0, 3 * LABEL_TOP);
  for (const n of drawn) {{
    if (chosen.size >= LABEL_TOP) break;
    const px = topPx(n), p = network.canvasToDOM(network.getPosition(n.id));
    measure.font = px + "px arial";
    const w = measure.measureText(n.label).width, top = p.y + n.size * s + 2;
    const box = [p.x - w / 2 - 4, top - 2, p.x + w / 2 + 4, top + px * 1.4];
    if (boxes.some(b => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box); chosen.add(n.id); }}
  return chosen; }}
// A large graph (updating every node takes seconds there) keeps vis-network's default size for
// all but the chosen labels: they appear together once zoomed in to where a few dozen nodes show.
let labelled = new Set();
function sizeLabels() {{
  const s = network.getScale(), chosen = chooseLabels(), last = Math.max(1, DATA.nodes.length);
  const todo = BIG ? DATA.nodes.filter(n => chosen.has(n.id) || labelled.has(n.id)) : DATA.nodes;
  nodes.update(todo.map(n => {{
    const size = chosen.has(n.id) ? topPx(n) / s : BIG ? FONT : (DRAW_PX - 1.6 - 4 * (n.rank || 0) / last) / s;
    labelPx.set(n.id, size); shownPx.set(n.id, size);
    return {{ id: n.id, color: n.color, font: {{ size: size }} }}; }}));
  labelled = chosen; fitScale = s; edgeFont = 0;
  capLabels(); }}
// vis-network 9.1's maxVisible does not cap the drawn size: labels are capped at MAX_PX on
// screen here, after each zoom (only the labels sized above apply; a large graph's edges keep
// vis-network's default size)
let fitScale = 1, edgeFont = 0;
const shownPx = new Map();
function capLabels() {{
  const s = network.getScale(), upd = [];
  for (const [id, size] of labelPx) {{
    const want = Math.min(size, MAX_PX / s);
    if (Math.abs(want - shownPx.get(id)) > 0.01 * want) {{ shownPx.set(id, want);
      upd.push({{ id: id, color: nodes.get(id).color, font: {{ size: want }} }}); }} }}
  if (upd.length) nodes.update(upd);
  const e = Math.min(6 / fitScale, 12 / s);
  if (!BIG && Math.abs(e - edgeFont) > 0.01 * e) {{ edgeFont = e; network.setOptions({{ edges: {{ font: {{ size: e }} }} }}); }} }}
network.on("zoom", capLabels);
network.on("animationFinished", capLabels);
function fitLabels() {{
  network.fit(); sizeLabels();
  if (!BIG) {{ network.fit(); sizeLabels(); }} }}      // the labels' sizes change the extent to fit
// Ready: drawn and usable (a large graph gets its labels in the next task, one more drawing:
// about 0.5 s at 5,000 nodes); stable: laid out, labels chosen for the final positions.
function ready() {{
  if (window.kgReady) return;
  if (!BIG) fitLabels();
  window.kgReadyAt = performance.now(); window.kgReady = true;
  if (BIG) setTimeout(() => {{ sizeLabels(); window.kgStable = true; }}, 0); }}    // already fitted
if (PHYSICS) {{ network.once("stabilizationIterationsDone", ready);
  network.once("stabilized", () => {{ window.kgReady ? sizeLabels() : ready(); window.kgStable = true; }}); }}
else {{ network.once("afterDrawing", () => {{ ready(); if (!BIG) window.kgStable = true; }}); }}
network.on("hoverNode", p => {{ const s = network.getScale(), size = shownPx.get(p.node) || FONT;
  if (size * s < HOVER_PX) nodes.update({{ id: p.node, color: nodes.get(p.node).color, font: {{ size: HOVER_PX / s }} }}); }});
network.on("blurNode", p => {{ const size = shownPx.get(p.node) || FONT;
  if (nodes.get(p.node)) nodes.update({{ id: p.node, color: nodes.get(p.node).color, font: {{ size: size }} }}); }});
// entities with no relation: a list (built as text), searchable, drawn on request
const isoItems = ISO.slice().sort((a, b) => a.label.localeCompare(b.label)).map(n => {{
  const li = document.createElement("li"), cls = document.createElement("small");
  li.textContent = n.label + " "; cls.textContent = n.group; li.appendChild(cls); li.dataset.id = n.id;
  li.addEventListener("click", () => pick(n.id));
  document.getElementById("iso-list").appendChild(li); return [n, li]; }});
function refreshIsolates() {{
  let k = 0;
  for (const [n, li] of isoItems) {{ const ok = matches(n); li.hidden = !ok; if (ok) k++; }}
  const word = ISO.length === 1 ? "entity" : "entities";
  document.getElementById("iso-summary").textContent = (query ? k + " of " : "") + ISO.length + " " + word +
    " with no relation" + (query ? " match" : "") + (showIso ? " (drawn)" : " (not drawn)");
  if (query && k) document.getElementById("isolates").open = true; }}
function refresh() {{
  nodeView.refresh();
  shown = (hiddenCls.size || query || (ISO.length && !showIso)) ? new Set(nodeView.getIds()) : null;
  edgeView.refresh();
  refreshIsolates();
  document.getElementById("counts").textContent = nodeView.length + " nodes, " + edgeView.length + " edges"; }}
function show(id) {{
  document.getElementById("info").textContent = id ? nodes.get(id).title : "";
  isoItems.forEach(([n, li]) => li.classList.toggle("on", n.id === id));
  const link = document.getElementById("entity-link");
  if (!link) return;
  link.hidden = !(id && !String(id).startsWith("kg:"));
  if (!link.hidden) link.href = ENTITY_BASE + encodeURIComponent(id); }}
function pick(id) {{
  show(id);
  if (nodeView.get(id)) goTo(id); }}
function goTo(id) {{   // close enough for every label around to be drawn
  network.selectNodes([id]); network.focus(id, {{ scale: Math.min(1.5, Math.max(network.getScale(), 3 * fitScale)) }});
  capLabels(); }}
document.getElementById("search").addEventListener("input", ev => {{
  query = ev.target.value.trim().toLowerCase(); refresh(); }});
document.getElementById("search").addEventListener("keydown", ev => {{
  if (ev.key !== "Enter") return;
  const ids = nodeView.getIds();
  if (ids.length) {{ goTo(ids[0]); show(ids[0]); return; }}
  const hit = isoItems.find(([n, li]) => !li.hidden);
  if (hit) show(hit[0].id); }});
document.querySelectorAll("input.cls").forEach(b => b.addEventListener("change", () => {{
  b.checked ? hiddenCls.delete(b.value) : hiddenCls.add(b.value); refresh(); }}));
document.querySelectorAll("input.rel").forEach(b => b.addEventListener("change", () => {{
  b.checked ? hiddenRel.delete(b.value) : hiddenRel.add(b.value); refresh(); }}));
document.getElementById("physics").addEventListener("change", ev =>
  network.setOptions({{ physics: {{ enabled: ev.target.checked }} }}));
document.getElementById("show-isolates").addEventListener("change", ev => {{ showIso = ev.target.checked; refresh(); }});
document.getElementById("fit").addEventListener("click", fitLabels);
network.on("click", p => show(p.nodes[0]));
network.on("doubleClick", p => {{ const link = document.getElementById("entity-link");
  if (p.nodes[0] && link && !link.hidden) window.location.href = link.href; }});
refreshIsolates();
</script>
</body></html>
"""
