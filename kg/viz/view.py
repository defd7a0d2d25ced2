"""An interactive HTML network view that works offline.

vis-network's JavaScript is taken from the copy pyvis 0.3.2 ships and inlined; nothing
else of pyvis is used (its template links Bootstrap from a CDN, injects headings as
HTML, and its add_node is quadratic). Positions are computed in Python (`layout.py`)
so that large graphs are drawn with physics off; a graph larger than `max_nodes` is
reduced (`analysis.reduce_graph`) with a note saying what was left out. Every string
that came from a document reaches the page as JSON data and is shown as text: vis-network
renders string titles as text, the side panel uses textContent, and nothing is
pre-escaped or injected as HTML.
"""
from __future__ import annotations

import functools
import html
import json
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
    """Return the HTML page for a graph made by `network.to_networkx` (reduced if too large;
    `pinned` nodes, e.g. the focus entity, are never folded away)."""
    scores = centrality(g, size)            # validates `size` before any work
    g, reduced = reduce_graph(g, max_nodes, pinned)
    if reduced:
        scores = centrality(g, size)
    nodes, edges = to_vis(g, scores, layout(g))
    return _page(title, nodes, edges, physics=len(nodes) <= MAX_PHYSICS_NODES,
                 note=" ".join(x for x in (note, reduced) if x), entity_base=entity_base, size_by=size)


def to_vis(g: nx.MultiDiGraph, scores: dict, pos: dict) -> tuple[list[dict], list[dict]]:
    """vis-network node and edge records: colour and shape by class, size by score, text tooltips."""
    top = max(scores.values(), default=0) or 1
    nodes = []
    for nid, d in g.nodes(data=True):
        colour, shape = STYLE.get(d["cls"], STYLE.get(d["type"], DEFAULT_STYLE))
        x, y = pos.get(nid, (0.0, 0.0))
        node = {"id": nid, "label": d["label"][:60], "title": node_text(d), "color": colour, "shape": shape,
                "size": round(8 + 30 * (scores.get(nid, 0) / top) ** 0.5, 1), "group": d["cls"],
                "ntype": d["type"], "x": round(x, 1), "y": round(y, 1)}
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
    lines += [f"“{_cut(q)}” ({doc})" for q, doc in d.get("quotes", [])[:3]]
    rec = {"from": s, "to": o, "label": label, "arrows": "to", "relation": rel, "title": "\n".join(lines),
           "color": REL_COLOUR.get(rel, "#888888")}
    if d.get("factuality", "asserted") != "asserted":
        rec["dashes"] = True
    return rec


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
    return TEMPLATE.format(
        title=html.escape(title), vis=_vis_js(), data=data, legend=legend, rels=rel_boxes,
        physics="true" if physics else "false", physics_checked="checked" if physics else "",
        n=len(nodes), m=len(edges), note=html.escape(note), note_hidden="" if note else " hidden",
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
#info {{ white-space: pre-wrap; font-size: 12px; margin-top: 8px; }}
div.vis-tooltip {{ max-width: 420px; white-space: pre-wrap !important; }}
</style>
<script>{vis}</script>
</head><body>
<div id="side">
<h3>{title}</h3>
<div id="note"{note_hidden}>{note}</div>
<div id="counts">{n} nodes, {m} edges</div>
<input id="search" type="search" placeholder="search names, aliases, quotes (Enter: go to)" style="width: 95%">
<div><small>size: {size_by}</small> <button id="fit" type="button">fit</button>
<label><input type="checkbox" id="physics" {physics_checked}> physics</label><br>
<label><input type="checkbox" id="lonely"> hide entities with no relation</label></div>
<h4>Classes</h4>{legend}
<h4>Relations</h4>{rels}
{entity_link}<div id="info"></div>
</div>
<div id="net"></div>
<script>
const DATA = {data};
const ENTITY_BASE = {entity_base}, PHYSICS = {physics}, BIG = {big};
window.kgReady = false;
const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
const hiddenCls = new Set(), hiddenRel = new Set();
let query = "", shown = null, hideLonely = false;
const linked = new Set(DATA.edges.flatMap(e => [e.from, e.to]));
const matches = n => !query || n.label.toLowerCase().includes(query) || n.title.toLowerCase().includes(query);
const nodeView = new vis.DataView(nodes, {{ filter: n => !hiddenCls.has(n.group) && matches(n) &&
  !(hideLonely && !linked.has(n.id)) }});
const edgeView = new vis.DataView(edges, {{ filter: e => !hiddenRel.has(e.relation) &&
  (shown === null || (shown.has(e.from) && shown.has(e.to))) }});
const network = new vis.Network(document.getElementById("net"), {{ nodes: nodeView, edges: edgeView }},
  {{ physics: {{ enabled: PHYSICS, stabilization: {{ iterations: 200 }} }},
     layout: {{ improvedLayout: false }},
     edges: {{ font: {{ size: 9, align: "middle" }}, smooth: false }},
     interaction: {{ hover: true, tooltipDelay: 150, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG }} }});
window.kgNetwork = network; window.kgNodes = nodeView; window.kgEdges = edgeView;
function ready() {{ if (!window.kgReady) {{ window.kgReadyAt = performance.now(); window.kgReady = true; }} }}
if (PHYSICS) {{ network.once("stabilizationIterationsDone", ready); network.once("stabilized", ready); }}
else {{ network.once("afterDrawing", ready); }}
function refresh() {{
  nodeView.refresh();
  shown = (hiddenCls.size || query || hideLonely) ? new Set(nodeView.getIds()) : null;
  edgeView.refresh();
  document.getElementById("counts").textContent = nodeView.length + " nodes, " + edgeView.length + " edges"; }}
function show(id) {{
  document.getElementById("info").textContent = id ? nodes.get(id).title : "";
  const link = document.getElementById("entity-link");
  if (!link) return;
  link.hidden = !(id && !String(id).startsWith("kg:"));
  if (!link.hidden) link.href = ENTITY_BASE + encodeURIComponent(id); }}
document.getElementById("search").addEventListener("input", ev => {{
  query = ev.target.value.trim().toLowerCase(); refresh(); }});
document.getElementById("search").addEventListener("keydown", ev => {{
  if (ev.key !== "Enter") return;
  const ids = nodeView.getIds(); if (!ids.length) return;
  network.selectNodes([ids[0]]); network.focus(ids[0], {{ scale: 1.5 }}); show(ids[0]); }});
document.querySelectorAll("input.cls").forEach(b => b.addEventListener("change", () => {{
  b.checked ? hiddenCls.delete(b.value) : hiddenCls.add(b.value); refresh(); }}));
document.querySelectorAll("input.rel").forEach(b => b.addEventListener("change", () => {{
  b.checked ? hiddenRel.delete(b.value) : hiddenRel.add(b.value); refresh(); }}));
document.getElementById("physics").addEventListener("change", ev =>
  network.setOptions({{ physics: {{ enabled: ev.target.checked }} }}));
document.getElementById("lonely").addEventListener("change", ev => {{ hideLonely = ev.target.checked; refresh(); }});
document.getElementById("fit").addEventListener("click", () => network.fit());
network.on("click", p => show(p.nodes[0]));
network.on("doubleClick", p => {{ const link = document.getElementById("entity-link");
  if (p.nodes[0] && link && !link.hidden) window.location.href = link.href; }});
</script>
</body></html>
"""
