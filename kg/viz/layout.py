"""Node positions computed in Python, so a large view can be drawn with physics off.

networkx's `spring_layout` is quadratic and needs scipy above 500 nodes (75 s at 5,000
nodes here). A large graph is therefore laid out in groups: communities found by fast label
propagation (seeded), merged along their strongest links into groups of at most SPRING_MAX
nodes, are packed on shelves (largest first, each a square whose side grows with the square
root of its size) and each group gets its own small spring layout. Isolated nodes (no edge to
another node) are left out of that layout and set on a grid below it, so that a view which does
not draw them is filled by the linked part. Deterministic: the same graph gives the same positions.

Louvain, used before, took 2-5 s of the 5,000-node view's time in networkx's pure-Python
implementation; label propagation takes a tenth of that, and the merge keeps well-linked
communities side by side in one spring layout.
"""
from __future__ import annotations

import math

import networkx as nx

SPRING_MAX = 100      # nodes laid out by one spring layout
UNIT = 70.0           # canvas units per node side
SEED = 7
ITERATIONS = 50    # cooling steps of a group's spring layout


def layout(g: nx.Graph) -> dict:
    """Return {node: (x, y)} in canvas units for any networkx graph.

    >>> pos = layout(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    pairs = [(u, v) for u, v in g.edges() if u != v]
    linked = {x for pair in pairs for x in pair}
    simple = nx.Graph()                     # structure only, nodes in g's order: no copy of the edges' data
    simple.add_nodes_from(n for n in g if n in linked)
    simple.add_edges_from(pairs)
    loners = sorted((n for n in g if n not in linked), key=str)
    if len(simple) <= SPRING_MAX:
        pos = _spring(simple, side=UNIT * max(1.0, math.sqrt(len(simple))) * 1.5)
    else:
        pos = _pack([_spread(simple, c) for c in _groups(simple)])
    pos.update(_below(pos, loners))
    return pos


def _below(pos: dict, loners: list) -> dict:
    """Positions on a grid of UNIT cells under the extent of `pos` (centred at 0 when `pos` is empty),
    about as wide as `pos` is (at least sqrt(len(loners)) columns).

    >>> _below({"a": (0.0, 0.0), "b": (140.0, 70.0)}, ["x", "y", "z"])
    {'x': (0.0, 210.0), 'y': (70.0, 210.0), 'z': (140.0, 210.0)}
    """
    if not loners:
        return {}
    if pos:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        left, top, width = min(xs), max(ys) + 2 * UNIT, max(xs) - min(xs)
    else:
        left, top, width = 0.0, 0.0, 0.0
    cols = max(math.ceil(math.sqrt(len(loners))), int(width // UNIT) + 1)
    if not pos:
        left = -(min(cols, len(loners)) - 1) * UNIT / 2
    return {n: (left + (i % cols) * UNIT, top + (i // cols) * UNIT) for i, n in enumerate(loners)}


def _groups(g: nx.Graph) -> list[list]:
    """Node groups to lay out separately: communities merged up to SPRING_MAX nodes (`g` has no isolated node)."""
    rest = nx.Graph(g.edges())              # a graph, not a view: label propagation walks it a lot
    comms = [sorted(c, key=str) for c in nx.community.fast_label_propagation_communities(rest, seed=SEED)]
    out = [part for c in _merge(rest, comms) for part in _chunks(c)]
    out.sort(key=lambda c: (-len(c), str(c[0])))
    return out


def _merge(g: nx.Graph, comms: list[list]) -> list[list]:
    """Join communities along their strongest links (most edges between them first) while the
    joined group stays within SPRING_MAX nodes (union-find over communities)."""
    comms.sort(key=lambda c: str(c[0]))
    owner = {n: i for i, c in enumerate(comms) for n in c}
    links: dict[tuple[int, int], int] = {}
    for u, v in g.edges():
        a, b = owner[u], owner[v]
        if a != b:
            key = (a, b) if a < b else (b, a)
            links[key] = links.get(key, 0) + 1
    parent = list(range(len(comms)))
    size = [len(c) for c in comms]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for (a, b), _ in sorted(links.items(), key=lambda kv: (-kv[1], kv[0])):
        ra, rb = root(a), root(b)
        if ra != rb and size[ra] + size[rb] <= SPRING_MAX:
            parent[rb] = ra
            size[ra] += size[rb]
    groups: dict[int, list] = {}
    for i, c in enumerate(comms):
        groups.setdefault(root(i), []).extend(c)
    return list(groups.values())


def _chunks(nodes: list) -> list[list]:
    """A community larger than SPRING_MAX, cut into pieces that one spring layout can take."""
    nodes = sorted(nodes, key=str)
    return [nodes[i:i + SPRING_MAX] for i in range(0, len(nodes), SPRING_MAX)]


def _spread(g: nx.Graph, nodes: list) -> dict:
    """Positions of one group of `g` inside a square of side UNIT * sqrt(n) * 1.2, origin at its corner."""
    side = UNIT * math.sqrt(len(nodes)) * 1.2
    index = {n: i for i, n in enumerate(nodes)}
    pairs = [(i, index[v]) for i, u in enumerate(nodes) for v in g.adj[u] if index.get(v, -1) > i]
    if not pairs:
        cols = max(1, math.ceil(math.sqrt(len(nodes))))
        return {n: ((i % cols) * UNIT, (i // cols) * UNIT) for i, n in enumerate(sorted(nodes, key=str))}
    xy = fruchterman_reingold(len(nodes), pairs) * (side / 2) + side / 2
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy)}


def fruchterman_reingold(n: int, pairs: list[tuple[int, int]], iterations: int = ITERATIONS,
                         seed: int = SEED) -> "np.ndarray":
    """Force-directed positions of n nodes linked by `pairs`, in [-1, 1]: the algorithm networkx's
    spring_layout runs (k = 1.5 / sqrt(n), a cooling step), as whole-array numpy operations.

    >>> xy = fruchterman_reingold(3, [(0, 1), (1, 2)])
    >>> xy.shape, bool(abs(xy).max() <= 1.0)
    ((3, 2), True)
    """
    import numpy as np
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    adj = np.zeros((n, n))
    i, j = np.array(pairs).T
    adj[i, j] = adj[j, i] = 1.0 / (1.5 / math.sqrt(n))          # attraction: dist / k on links
    k2 = (1.5 / math.sqrt(n)) ** 2
    t = 0.1
    dt = t / (iterations + 1)
    dx, dy = np.empty((n, n)), np.empty((n, n))
    dist, force = np.empty((n, n)), np.empty((n, n))
    for _ in range(iterations):
        np.subtract.outer(pos[:, 0], pos[:, 0], out=dx)
        np.subtract.outer(pos[:, 1], pos[:, 1], out=dy)
        np.hypot(dx, dy, out=dist)
        np.maximum(dist, 0.01, out=dist)
        np.multiply(adj, dist, out=force)                          # k^2 / d^2 - d / k (linked)
        np.divide(k2, np.square(dist, out=dist), out=dist)
        np.subtract(dist, force, out=force)
        disp = np.stack((np.einsum("ij,ij->i", dx, force), np.einsum("ij,ij->i", dy, force)), axis=1)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 0.01)
        pos += disp * (t / length)[:, None]
        t -= dt
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos


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
