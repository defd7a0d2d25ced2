"""One entity as an HTML page: label, aliases, classes, facts, documents, and every relation
with its evidence and a link to the neighbour's page. Every string is HTML-escaped; links
are built from `base` and the URL-encoded IRI only. No script."""
from __future__ import annotations

import html
import urllib.parse

import networkx as nx

from .view import money

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body {{ font: 14px sans-serif; max-width: 60em; margin: 1em auto; padding: 0 1em; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ border-top: 1px solid #ddd; padding: 4px; vertical-align: top; text-align: left; }}
.q {{ color: #444; font-size: 13px; }} small {{ color: #777; }}
</style></head><body>
<p><a href="{view_all}">network</a> · <a href="{view_here}">network around this entity</a></p>
<h1>{title}</h1>
<p><small>{iri}</small></p>
<dl>{facts}</dl>
<h2>Relations ({n})</h2>
<table><tr><th>relation</th><th>with</th><th>evidence</th></tr>
{rows}
</table>
</body></html>
"""


def entity_url(base: str, iri: str) -> str:
    """The page of `iri` under `base`.

    >>> entity_url("/entity?iri=", "https://w3id.org/kg/id/person/a b")
    '/entity?iri=https%3A%2F%2Fw3id.org%2Fkg%2Fid%2Fperson%2Fa%20b'
    """
    return base + urllib.parse.quote(iri, safe="")


def render_entity(g: nx.MultiDiGraph, iri: str, base: str = "/entity?iri=", view: str = "/view") -> str:
    """The HTML page of one node of `g` (KeyError if it is not there)."""
    d = g.nodes[iri]
    esc = html.escape
    facts = [("classes", d["cls"] if d["cls"] == d["type"] else f"{d['cls']}, {d['type']}"),
             ("also known as", d.get("aliases", "")), ("kind", d.get("kind", "")),
             ("amount", money(d["amount"], d.get("currency", "")) if d.get("amount") else ""),
             ("dates", ", ".join(d.get("dates", []))), ("documents", ", ".join(d.get("docs", [])))]
    rows = [_row(g, iri, s, o, e, base) for s, o, e in
            sorted(list(g.out_edges(iri, data=True)) + list(g.in_edges(iri, data=True)),
                   key=lambda t: (t[2]["relation"], g.nodes[t[1] if t[0] == iri else t[0]]["label"]))]
    q = urllib.parse.quote(iri, safe="")
    return PAGE.format(title=esc(d["label"]), iri=esc(iri), n=len(rows), rows="\n".join(rows),
                       facts="".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts if v),
                       view_all=esc(view), view_here=esc(f"{view}?focus={q}&hops=1"))


def _row(g: nx.MultiDiGraph, me: str, s: str, o: str, e: dict, base: str) -> str:
    other = o if s == me else s
    rel = e["relation"] if s == me else f"← {e['relation']}"
    if e.get("factuality", "asserted") != "asserted":
        rel += f" ({e['factuality']})"
    quotes = "".join(f'<div class="q">“{html.escape(q)}” <small>{html.escape(doc)}</small></div>'
                     for q, doc in e.get("quotes", []))
    link = f'<a href="{html.escape(entity_url(base, other))}">{html.escape(g.nodes[other]["label"])}</a>'
    return (f"<tr><td>{html.escape(rel)}</td><td>{link} <small>{html.escape(g.nodes[other]['cls'])}</small></td>"
            f"<td>{quotes}</td></tr>")
