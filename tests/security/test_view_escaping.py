"""The HTML view: labels and quotes come from documents anyone may write, so they
must reach the page as data, never as markup. (A real browser checks the same page
in tests/integration/test_view_browser.py; here the raw HTML is inspected.)"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "href=javascript:alert(1)",
    "</script><script>alert(2)</script>",
    "<!--<script>alert(3)</script>-->",
    "'-alert(4)-'",
    "line\u2028separator\u2029end",
]
DATA_START = "const DATA = "


def _graph(labels: list[str]) -> tuple[list[dict], list[dict]]:
    nodes = [{"id": f"https://w3id.org/kg/id/n{i}", "label": p, "title": f"{p}\ntype: Person\n“{p}” (doc.txt)",
              "color": "#e07b39", "shape": "dot", "size": 10, "group": p, "ntype": "Person",
              "x": float(i), "y": 0.0} for i, p in enumerate(labels)]
    edges = [{"from": nodes[i]["id"], "to": nodes[(i + 1) % len(nodes)]["id"], "label": p, "arrows": "to",
              "relation": p, "title": f"{p}\n“{p}” (doc.txt)"} for i, p in enumerate(labels)]
    return nodes, edges


def _split(page: str) -> tuple[str, str]:
    """(the JSON text assigned to DATA, the page without it)."""
    i = page.index(DATA_START) + len(DATA_START)
    j = page.index("\n", i)
    assert page[j - 1] == ";", "the DATA line should end the statement"
    return page[i:j - 1], page[:i] + page[j - 1:]


@pytest.fixture(scope="module")
def pages():
    from kg.viz.view import _page
    hostile = _graph(PAYLOADS)
    benign = _graph([f"Label {i}" for i in range(len(PAYLOADS))])
    return {"hostile": (_page(PAYLOADS[0], *hostile, physics=False), hostile),
            "benign": (_page("Label 0", *benign, physics=False), benign)}


class _Markup(HTMLParser):
    """Elements, attributes and comments as an HTML parser sees them (script bodies are raw text)."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.urls: list[str] = []
        self.comments = 0
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(k for k, _ in attrs))))
        self.urls += [v or "" for k, v in attrs if k in ("href", "src", "action", "formaction")]

    def handle_comment(self, data):
        self.comments += 1


@pytest.mark.parametrize("aspect", ["elements-and-attributes", "urls", "comments"])
def test_view_payloads_add_no_markup_outside_the_data(pages, aspect):
    hostile = _Markup(_split(pages["hostile"][0])[1])
    benign = _Markup(_split(pages["benign"][0])[1])
    # whatever the labels, the page has the same elements, attributes and comments as with harmless labels
    if aspect == "elements-and-attributes":
        assert hostile.tags == benign.tags
        assert not [t for t in hostile.tags if any(a.startswith("on") for a in t[1])]
    elif aspect == "urls":
        assert not [u for u in hostile.urls if u.strip().lower().startswith("javascript:")]
    else:
        assert hostile.comments == benign.comments


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if set(p) & set("<>\"")])
def test_view_payloads_appear_outside_the_data_only_escaped(pages, payload):
    _, outside = _split(pages["hostile"][0])
    assert payload not in outside
    assert "<script>alert" not in outside and "<img src=x" not in outside
    assert not re.search(r"<[a-z]+[^>]*\s(href|src|action|formaction)\s*=\s*['\"]?\s*javascript:", outside, re.I)


@pytest.mark.parametrize("which", ["hostile"])
def test_view_title_is_escaped(pages, which):
    page = pages[which][0]
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    assert "<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3>" in page


@pytest.mark.parametrize("which", ["hostile", "benign"])
def test_view_data_round_trips_as_plain_text(pages, which):
    page, (nodes, edges) = pages[which]
    data, _ = _split(page)
    data = data.replace("<\\!--", "<!--")        # a JS escape JSON does not have; same string in the browser
    assert json.loads(data) == {"nodes": nodes, "edges": edges}, "labels must be passed as they are"


@pytest.mark.parametrize("which", ["hostile"])
def test_view_data_block_has_no_raw_angle_bracket(pages, which):
    data, _ = _split(pages[which][0])
    raw = [m.start() for m in re.finditer("<", data) if not data.startswith("<\\/", m.start())]
    assert not raw, f"{len(raw)} raw '<' in the DATA block, e.g. {data[raw[0]:raw[0] + 30]!r}"
