"""Entity pages served by `kg serve` and the view rendered from a graph: names and quotes from
documents reach the HTML escaped (entity page) or as JSON data (view), never as markup."""
from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit" / "viz"))
from viz_graphs import ID, add_edge, add_node  # noqa: E402

HOSTILE = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", '"><svg onload=alert(1)>',
           "javascript:alert(1)", "</textarea><a href='javascript:alert(1)'>x</a>"]


def _graph(names: list[str]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    add_node(g, "hub", names[0], "Organization", aliases=" | ".join(names), docs=names[:1])
    for i, name in enumerate(names):
        add_node(g, f"n{i}", name, "Person", evidence=[(name, name)])
        add_edge(g, f"n{i}", "memberOf", "hub", f"{name} joined {name}.", doc=f"{name}.txt")
    return g


class _Tags(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, tuple]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted((k, v if k != "href" else "HREF") for k, v in attrs))))


@pytest.mark.parametrize("names", [HOSTILE])
def test_entity_page_same_markup_as_with_harmless_names(names):
    from kg.viz.entity import render_entity
    hostile = render_entity(_graph(names), ID + "hub")
    benign = render_entity(_graph([f"Name {i}" for i in range(len(names))]), ID + "hub")
    assert _Tags(hostile).tags == _Tags(benign).tags
    for name in names:
        if set(name) & set("<>\"'"):
            assert name not in hostile
    assert "&lt;img src=x onerror=alert(1)&gt;" in hostile
    hrefs = re.findall(r'href="([^"]*)"', hostile)
    assert hrefs and all(h.startswith(("/entity?iri=", "/view")) for h in hrefs)


@pytest.mark.parametrize("names", [HOSTILE])
def test_view_from_graph_keeps_names_as_data(names):
    from kg.viz.view import _vis_js, render_graph
    page = render_graph(_graph(names), names[1])
    line = next(l for l in page.splitlines() if l.startswith("const DATA = "))
    data = json.loads(line[len("const DATA = "):-1])
    assert {n["label"] for n in data["nodes"]} == set(names)      # shown as they are, as text
    outside = page.replace(line, "").replace(_vis_js(), "")
    for name in names:
        if set(name) & set("<>\"'"):
            assert name not in outside
    assert "<img" not in outside and "<svg" not in outside and outside.count("<script") == 2
