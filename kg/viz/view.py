"""An interactive HTML network view that works offline.

pyvis 0.3.2 is used for its vis-network template with everything inlined
(`cdn_resources="in_line"`); the Bootstrap links its template still adds are
removed, node and edge lists are built directly (its add_node is quadratic),
positions are computed with networkx so physics can stay off on large graphs,
and every string that came from a document is passed as plain text (vis-network
renders string titles as text; nothing is pre-escaped or injected as HTML).
"""
from __future__ import annotations

import html
import json
import re

import networkx as nx

from .network import evidence_by_entity, to_networkx

STYLE = {  # class -> (colour, shape)
    "Person": ("#e07b39", "dot"), "Organization": ("#3a7dc9", "square"), "Government": ("#1f4e8c", "square"),
    "GovernmentAgency": ("#3a7dc9", "square"), "SecurityForce": ("#2a9d8f", "square"),
    "PoliceForce": ("#2a9d8f", "square"), "MilitaryUnit": ("#52796f", "square"), "TaskForce": ("#84a98c", "square"),
    "ArmedGroup": ("#c0392b", "triangle"), "CriminalGroup": ("#8e1b1b", "triangle"),
    "Company": ("#9b59b6", "square"), "InternationalOrganization": ("#5d6d7e", "square"),
    "Location": ("#27ae60", "diamond"), "Country": ("#1e8449", "diamond"), "AdministrativeArea": ("#27ae60", "diamond"),
    "Municipality": ("#58d68d", "diamond"), "River": ("#5dade2", "diamond"), "BorderArea": ("#a9cce3", "diamond"),
    "Operation": ("#f1c40f", "star"), "Funding": ("#d4ac0d", "hexagon"),
}
MAX_PHYSICS_NODES = 500


def render_view(store, title: str = "kg network") -> str:
    """Return a self-contained HTML page showing the graph."""
    g = to_networkx(store)
    evidence = evidence_by_entity(store)
    simple = nx.Graph(g)
    pos = nx.spring_layout(simple, seed=7, k=1.5 / max(1, len(simple)) ** 0.5) if len(simple) else {}
    degree = dict(simple.degree())
    nodes = []
    for nid, d in g.nodes(data=True):
        colour, shape = STYLE.get(d["cls"], STYLE.get(d["type"], ("#999999", "dot")))
        lines = [d["label"], f"type: {d['cls']}"]
        if d.get("aliases"):
            lines.append(f"also: {d['aliases']}")
        if d.get("kind"):
            lines.append(f"kind: {d['kind']}")
        if d.get("amount"):
            lines.append(f"amount: {d['amount']} {d.get('currency', '')}")
        for quote, doc in evidence.get(nid, []):
            lines.append(f"“{quote[:240]}” ({doc})")
        x, y = pos.get(nid, (0.0, 0.0))
        nodes.append({"id": nid, "label": d["label"][:60], "title": "\n".join(lines), "color": colour,
                      "shape": shape, "size": 10 + 4 * min(degree.get(nid, 0), 10), "group": d["cls"],
                      "ntype": d["type"], "x": x * 1000, "y": y * 1000})
    edges = []
    for s, o, d in g.edges(data=True):
        label = d["relation"]
        edges.append({"from": s, "to": o, "label": label, "arrows": "to", "relation": d["relation"],
                      "title": f"{d['relation']}\n“{d['evidence'][:240]}” ({d['document']})"})
    return _page(title, nodes, edges, physics=len(nodes) <= MAX_PHYSICS_NODES)


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


def _page(title: str, nodes: list, edges: list, physics: bool) -> str:
    data = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False)
    # stays inside the script element: no '<', '>' or '&' survives as such in the JSON
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    classes = sorted({n["group"] for n in nodes})
    legend = "".join(
        f'<label><input type="checkbox" class="cls" value="{html.escape(c)}" checked> '
        f'<span style="color:{STYLE.get(c, ("#999",))[0]}">■</span> {html.escape(c)}</label><br>' for c in classes)
    rels = sorted({e["relation"] for e in edges})
    rel_boxes = "".join(f'<label><input type="checkbox" class="rel" value="{html.escape(r)}" checked> '
                        f'{html.escape(r)}</label><br>' for r in rels)
    return TEMPLATE.format(title=html.escape(title), vis=_vis_js(), data=data, legend=legend, rels=rel_boxes,
                           physics="true" if physics else "false", physics_checked="checked" if physics else "",
                           n=len(nodes), m=len(edges))


TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ margin: 0; font: 13px sans-serif; display: flex; height: 100vh; }}
#side {{ width: 240px; padding: 8px; overflow-y: auto; border-right: 1px solid #ddd; }}
#net {{ flex: 1; }}
#info {{ white-space: pre-wrap; font-size: 12px; margin-top: 8px; }}
</style>
<script>{vis}</script>
</head><body>
<div id="side">
<h3>{title}</h3>
<div id="counts">{n} nodes, {m} edges</div>
<input id="search" type="search" placeholder="search labels" style="width: 95%">
<h4>Classes</h4>{legend}
<h4>Relations</h4>{rels}
<label><input type="checkbox" id="physics" {physics_checked}> physics</label>
<div id="info"></div>
</div>
<div id="net"></div>
<script>
const DATA = {data};
const nodes = new vis.DataSet(DATA.nodes);
const edges = new vis.DataSet(DATA.edges);
const hiddenCls = new Set(), hiddenRel = new Set();
let query = "";
const nodeView = new vis.DataView(nodes, {{ filter: n => !hiddenCls.has(n.group) &&
  (!query || n.label.toLowerCase().includes(query) || n.title.toLowerCase().includes(query)) }});
const edgeView = new vis.DataView(edges, {{ filter: e => !hiddenRel.has(e.relation) }});
const network = new vis.Network(document.getElementById("net"), {{ nodes: nodeView, edges: edgeView }},
  {{ physics: {{ enabled: {physics}, stabilization: {{ iterations: 200 }} }},
     edges: {{ font: {{ size: 9, align: "middle" }}, smooth: false }},
     interaction: {{ hover: true, tooltipDelay: 150 }} }});
window.kgNetwork = network; window.kgNodes = nodeView; window.kgEdges = edgeView;
function refresh() {{ nodeView.refresh(); edgeView.refresh();
  document.getElementById("counts").textContent = nodeView.length + " nodes, " + edgeView.length + " edges"; }}
document.getElementById("search").addEventListener("input", ev => {{ query = ev.target.value.toLowerCase(); refresh(); }});
document.querySelectorAll("input.cls").forEach(b => b.addEventListener("change", () => {{
  b.checked ? hiddenCls.delete(b.value) : hiddenCls.add(b.value); refresh(); }}));
document.querySelectorAll("input.rel").forEach(b => b.addEventListener("change", () => {{
  b.checked ? hiddenRel.delete(b.value) : hiddenRel.add(b.value); refresh(); }}));
document.getElementById("physics").addEventListener("change", ev =>
  network.setOptions({{ physics: {{ enabled: ev.target.checked }} }}));
network.on("click", p => {{ const id = p.nodes[0]; document.getElementById("info").textContent =
  id ? nodes.get(id).title : ""; }});
</script>
</body></html>
"""
