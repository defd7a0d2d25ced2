"""Node positions computed in Python, so a large view can be drawn with physics off.

networkx's `spring_layout` is quadratic and needs scipy above 500 nodes (75 s at 5,000
nodes here). A large graph is therefore laid out by community: Louvain communities are
packed on shelves (largest first, each a square whose side grows with the square root of
its size) and each community gets its own small spring layout. Isolated nodes share one
grid. Deterministic: the same graph gives the same positions.
"""
from __future__ import annotations

import math

import networkx as nx

SPRING_MAX = 300      # nodes laid out by one spring layout
UNIT = 70.0           # canvas units per node side
SEED = 7


def layout(g: nx.Graph) -> dict:
    """Return {node: (x, y)} in canvas units for any networkx graph.

    >>> pos = layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    simple = nx.Graph(g.to_undirected() if g.is_directed() else g)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    if len(simple) <= SPRING_MAX:
        return _spring(simple, side=UNIT * max(1.0, math.sqrt(len(simple))) * 1.5)
    return _pack([_spread(simple.subgraph(c)) for c in _groups(simple)])


def _groups(g: nx.Graph) -> list[list]:
    """Node groups to lay out separately: communities no bigger than SPRING_MAX, isolated nodes together."""
    loners = sorted((n for n in g if g.degree(n) == 0), key=str)
    rest = g.subgraph(n for n in g if g.degree(n) > 0)
    out = []
    for comm in nx.community.louvain_communities(rest, seed=SEED):
        out += _split(rest.subgraph(comm))
    out.sort(key=lambda c: (-len(c), str(min(map(str, c)))))
    return out + ([loners] if loners else [])


def _split(g: nx.Graph, depth: int = 0) -> list[list]:
    if len(g) <= SPRING_MAX or depth > 3:
        return [sorted(g, key=str)]
    parts = nx.community.louvain_communities(g, resolution=2.0 ** (depth + 1), seed=SEED)
    if len(parts) == 1:
        nodes = sorted(g, key=str)
        return [nodes[i:i + SPRING_MAX] for i in range(0, len(nodes), SPRING_MAX)]
    return [c for p in parts for c in _split(g.subgraph(p), depth + 1)]


def _spread(g: nx.Graph) -> dict:
    """Positions of one group inside a square of side UNIT * sqrt(n) * 1.2, origin at its corner."""
    side = UNIT * math.sqrt(len(g)) * 1.2
    if g.number_of_edges() == 0:
        cols = max(1, math.ceil(math.sqrt(len(g))))
        return {n: ((i % cols) * UNIT, (i // cols) * UNIT) for i, n in enumerate(sorted(g, key=str))}
    pos = _spring(g, side)
    return {n: (x + side / 2, y + side / 2) for n, (x, y) in pos.items()}


def _spring(g: nx.Graph, side: float) -> dict:
    if len(g) == 0:
        return {}
    if len(g) == 1:
        return {next(iter(g)): (0.0, 0.0)}
    pos = nx.spring_layout(g, seed=SEED, k=1.5 / math.sqrt(len(g)), iterations=50)
    return {n: (float(x) * side / 2, float(y) * side / 2) for n, (x, y) in pos.items()}


def _pack(groups: list[dict]) -> dict:
    """Place groups on shelves, left to right, rows about as wide as the whole is tall."""
    sides = [_extent(p) for p in groups]
    width = math.sqrt(sum((w + UNIT) * (h + UNIT) for w, h in sides)) * 1.1
    out, x, y, row_h = {}, 0.0, 0.0, 0.0
    for pos, (w, h) in zip(groups, sides):
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + 2 * UNIT, 0.0
        x0 = min(p[0] for p in pos.values())
        y0 = min(p[1] for p in pos.values())
        out.update({n: (px - x0 + x, py - y0 + y) for n, (px, py) in pos.items()})
        x += w + 2 * UNIT
        row_h = max(row_h, h)
    cx = max(p[0] for p in out.values()) / 2
    cy = max(p[1] for p in out.values()) / 2
    return {n: (px - cx, py - cy) for n, (px, py) in out.items()}


def _extent(pos: dict) -> tuple[float, float]:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    return max(xs) - min(xs), max(ys) - min(ys)
