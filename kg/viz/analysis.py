"""Network analysis on the graph `network.to_networkx` makes: selections (ego network, classes,
document, dates), reduction of a graph too large to stay interactive, statistics and paths.

Pure functions: networkx graphs in, graphs or plain records out. Errors are coded
`ViewError`s (E101-E109) that say what to type instead.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

import networkx as nx

from ..errors import ViewError
from .network import CORE

ACTORS = ("Person", "Organization")
EXACT_BETWEENNESS_MAX = 1000   # above this many nodes betweenness is estimated from samples
BETWEENNESS_SAMPLES = 200
SEED = 7
SIZE_METRICS = ("degree", "betweenness", "none")


@dataclass(frozen=True)
class Selection:
    """What part of the graph to show. Empty fields select everything."""

    focus: str | None = None
    hops: int = 1
    types: tuple[str, ...] = ()
    doc: str | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int = 1      # relations told by fewer documents are left out (their ends stay)


# ---------------------------------------------------------------------- entities
def find_entity(g: nx.MultiDiGraph, name: str) -> str:
    """The node whose IRI, label or alias is `name` (case-insensitive); raise E101/E102 otherwise.

    >>> g = nx.MultiDiGraph(); g.add_node("urn:a", label="National Civil Police", aliases="PNC")
    >>> find_entity(g, "pnc")
    'urn:a'
    """
    if name in g:
        return name
    key = _key(name)
    by_label = [n for n, d in g.nodes(data=True) if _key(d.get("label", "")) == key]
    hits = by_label or [n for n, d in g.nodes(data=True)
                        if key in {_key(a) for a in d.get("aliases", "").split(" | ") if a}]
    if len(hits) == 1:
        return hits[0]
    if hits:
        listed = "; ".join(f"{g.nodes[n]['label']} ({g.nodes[n]['cls']}, {n})" for n in sorted(hits)[:5])
        raise ViewError(f"{name!r} names {len(hits)} entities: {listed}; pass the IRI instead", code="E102")
    labels = sorted({d.get("label", "") for _, d in g.nodes(data=True)})
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else \
        "'kg stats' lists the best-connected entities"
    raise ViewError(f"{name!r}: no entity with this name, alias or IRI in the graph; {hint}", code="E101")


def _key(s: str) -> str:
    return " ".join(s.casefold().split())


# ---------------------------------------------------------------------- selections
def select(g: nx.MultiDiGraph, sel: Selection) -> nx.MultiDiGraph:
    """Apply a Selection: sources, then document, then dates, then the ego network, then classes.

    The focus entity stays in the graph whatever its class, so `--focus X --type Operation`
    shows the operations around X.
    """
    if sel.min_sources != 1:
        g = keep_sources(g, sel.min_sources)
    if sel.doc:
        g = keep_document(g, sel.doc)
    if sel.since or sel.until:
        g = keep_dates(g, sel.since, sel.until)
    focus = None
    if sel.focus:
        focus = find_entity(g, sel.focus)
        if sel.hops < 0:
            raise ViewError(f"--hops {sel.hops}: must be 0 or more", code="E108")
        g = g.subgraph(nx.ego_graph(g, focus, radius=sel.hops, undirected=True)).copy()
    if sel.types:
        g = keep_types(g, sel.types, also=focus)
    return g


def keep_types(g: nx.MultiDiGraph, types, also: str | None = None) -> nx.MultiDiGraph:
    """Nodes of the given core or specific classes (e.g. Operation, PoliceForce); raise E105 on unknown."""
    known = set(CORE) | {d["cls"] for _, d in g.nodes(data=True)}
    wanted = {t.strip() for t in types if t.strip()}
    lower = {k.casefold(): k for k in known}
    unknown = [t for t in sorted(wanted) if t.casefold() not in lower]
    if unknown:
        raise ViewError(f"--type {','.join(unknown)}: not a class of this graph; one of: "
                        f"{', '.join(sorted(known))}", code="E105")
    wanted = {lower[t.casefold()] for t in wanted}
    nodes = [n for n, d in g.nodes(data=True) if d["type"] in wanted or d["cls"] in wanted or n == also]
    return g.subgraph(nodes).copy()


def keep_document(g: nx.MultiDiGraph, doc: str) -> nx.MultiDiGraph:
    """Entities mentioned in, and relations read from, one document (file name or identifier)."""
    name = doc.replace("\\", "/").rsplit("/", 1)[-1]
    docs = {d for _, data in g.nodes(data=True) for d in data["docs"]}
    match = {d for d in docs if d in (doc, name) or d.startswith(name + "#")}
    if not match:
        some = ", ".join(sorted(docs)[:5])
        raise ViewError(f"--doc {doc}: no document of that name in the graph; documents are e.g. {some}",
                        code="E106")
    nodes = [n for n, d in g.nodes(data=True) if match & set(d["docs"])]
    sub = g.subgraph(nodes).copy()
    sub.remove_edges_from([(s, o, k) for s, o, k, d in sub.edges(keys=True, data=True)
                           if not match & set(d["docs"])])
    return sub


def keep_sources(g: nx.MultiDiGraph, min_sources: int) -> nx.MultiDiGraph:
    """The graph without the relations fewer than `min_sources` documents tell (edge `sources`).

    Every entity stays (those left with no relation are the view's to hide); E108 below 1.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edges_from([("a", "b", "leads", {"sources": 2}), ("a", "c", "leads", {"sources": 1})])
    ['leads', 'leads']
    >>> sorted((s, o) for s, o in keep_sources(g, 2).edges()), len(keep_sources(g, 2))
    ([('a', 'b')], 3)
    """
    if min_sources < 1:
        raise ViewError(f"--min-sources {min_sources}: must be 1 or more (1 keeps every relation)", code="E108")
    out = g.copy()
    out.remove_edges_from([(s, o, k) for s, o, k, d in g.edges(keys=True, data=True)
                           if d.get("sources", 0) < min_sources])
    return out


DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(text: str) -> tuple[str, str]:
    """The first and last day a date written YYYY, YYYY-MM or YYYY-MM-DD covers; E103 otherwise.

    >>> parse_date("2008")
    ('2008-01-01', '2008-12-31')
    >>> parse_date("2024-02")
    ('2024-02-01', '2024-02-31')
    """
    import datetime as dt
    m = DATE_RE.match(text.strip()[:10] if len(text.strip()) > 10 and text.strip()[10] == "T" else text.strip())
    if not m:
        raise ViewError(f"{text!r}: not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2008-06-30)", code="E103")
    y, mo, d = m.groups()
    try:
        dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError as exc:
        raise ViewError(f"{text!r}: not a date ({exc}); write YYYY, YYYY-MM or YYYY-MM-DD", code="E103") from exc
    if d:
        return f"{y}-{mo}-{d}", f"{y}-{mo}-{d}"
    if mo:
        return f"{y}-{mo}-01", f"{y}-{mo}-31"      # string comparison: day 31 bounds any month
    return f"{y}-01-01", f"{y}-12-31"


def in_range(dates, since: str | None, until: str | None) -> bool:
    """Whether any of `dates` overlaps [since, until] (either end may be open).

    >>> in_range(["2008-06-30"], "2008", None), in_range(["2007"], "2008", None)
    (True, False)
    """
    lo = parse_date(since)[0] if since else "0000"
    hi = parse_date(until)[1] if until else "9999"
    for d in dates:
        try:
            a, b = parse_date(d)
        except ViewError:
            continue
        if a <= hi and b >= lo:
            return True
    return False


def keep_dates(g: nx.MultiDiGraph, since: str | None, until: str | None) -> nx.MultiDiGraph:
    """Entities and relations dated (by the event or its articles) within [since, until]."""
    for label, v in (("--since", since), ("--until", until)):
        if v:
            try:
                parse_date(v)
            except ViewError as exc:
                raise ViewError(f"{label} {str(exc).split('] ', 1)[1]}", code="E103") from None
    if since and until and parse_date(since)[0] > parse_date(until)[1]:
        raise ViewError(f"--since {since} is after --until {until}; swap them", code="E103")
    nodes = [n for n, d in g.nodes(data=True) if in_range(d["dates"], since, until)]
    sub = g.subgraph(nodes).copy()
    sub.remove_edges_from([(s, o, k) for s, o, k, d in sub.edges(keys=True, data=True)
                           if d["dates"] and not in_range(d["dates"], since, until)])
    return sub


# ---------------------------------------------------------------------- measures
def undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph on the same nodes (parallel and reverse edges merged, no loops)."""
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    simple.add_edges_from((s, o) for s, o in g.edges() if s != o)
    return simple


def centrality(g: nx.MultiDiGraph, metric: str = "degree") -> dict:
    """Node -> score: 'degree' (number of distinct neighbours) or 'betweenness' (normalised).

    Betweenness is exact up to EXACT_BETWEENNESS_MAX nodes, then estimated from
    BETWEENNESS_SAMPLES source nodes (seeded: the same graph gives the same scores).
    """
    if metric not in SIZE_METRICS:
        raise ViewError(f"--size {metric}: one of {', '.join(SIZE_METRICS)}", code="E108")
    simple = undirected(g)
    if metric == "betweenness":
        k = None if len(simple) <= EXACT_BETWEENNESS_MAX else BETWEENNESS_SAMPLES
        return nx.betweenness_centrality(simple, k=k, seed=SEED)
    if metric == "none":
        return {n: 0 for n in simple}
    return dict(simple.degree())


def communities(g: nx.MultiDiGraph) -> list[list[str]]:
    """Louvain communities (seeded), largest first; isolated nodes are left out."""
    simple = undirected(g)
    simple.remove_nodes_from([n for n in list(simple) if simple.degree(n) == 0])
    if not len(simple):
        return []
    found = nx.community.louvain_communities(simple, seed=SEED)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


# ---------------------------------------------------------------------- reduction
COMMUNITY_NODES_MAX = 100


def reduce_graph(g: nx.MultiDiGraph, max_nodes: int, pinned=()) -> tuple[nx.MultiDiGraph, str]:
    """Keep the best-connected nodes (and the `pinned` ones) and fold the rest into one node per community.

    Returns (graph, note); the note is "" when nothing was left out. Folded nodes have
    type "Community", a label saying how many entities they stand for, and `members`.
    """
    n = len(g)
    if n <= max_nodes:
        return g, ""
    if max_nodes < 2:
        raise ViewError(f"--max-nodes {max_nodes}: show at least 2 nodes", code="E108")
    comms = communities(g)
    n_groups = min(COMMUNITY_NODES_MAX, len(comms) + 1, max_nodes // 2)
    deg = centrality(g, "degree")
    first = [x for x in pinned if x in g]
    keep = first + [x for x in sorted(g, key=lambda x: (-deg[x], x)) if x not in first][:max_nodes - n_groups - len(first)]
    out = g.subgraph(keep).copy()
    folded = _fold(g, out, comms, deg, n_groups)
    m_total = g.number_of_edges()
    note = (f"Showing {len(keep):,} of {n:,} entities (the best connected, by degree) and "
            f"{sum(1 for *_, d in out.edges(data=True) if d['relation'] != 'folded'):,} of {m_total:,} "
            f"relations; the other {n - len(keep):,} entities are folded into {folded:,} grey community nodes. "
            f"To see them: --focus NAME --hops 2, --type CLASS, --doc FILE, --since/--until DATE, "
            f"or --max-nodes {n}.")
    return out, note


def _fold(g: nx.MultiDiGraph, out: nx.MultiDiGraph, comms: list[list[str]], deg: dict, n_groups: int) -> int:
    """Add a node per community of left-out nodes (at most `n_groups`: the smallest share the last)."""
    owner: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for i, comm in enumerate(comms + [[x for x in g if deg[x] == 0]]):
        rest = [x for x in comm if x not in out]
        if not rest:
            continue
        cid = f"kg:community/{min(i, n_groups - 1)}"
        for x in rest:
            owner[x] = cid
        groups.setdefault(cid, []).extend(rest)
    for cid, members in groups.items():
        members.sort(key=lambda x: (-deg[x], x))
        kinds = Counter(g.nodes[x]["type"] for x in members)
        top = ", ".join(g.nodes[x]["label"] for x in members[:8])
        out.add_node(cid, label=f"{len(members):,} more {'entity' if len(members) == 1 else 'entities'}", type="Community", cls="Community",
                     aliases="", amount="", currency="", kind="", docs=[], dates=[], members=members,
                     sources=max((g.nodes[x].get("sources", 0) for x in members), default=0),
                     evidence=[], summary=f"{', '.join(f'{v} {k}' for k, v in kinds.most_common())}; "
                                          f"best connected: {top}")
    links: Counter = Counter()
    most: dict[tuple[str, str], int] = {}      # the best-supported relation each folded link stands for
    for s, o, d in g.edges(data=True):
        a, b = owner.get(s, s), owner.get(o, o)
        if a != b and (a in groups or b in groups):
            links[(a, b)] += 1
            most[(a, b)] = max(most.get((a, b), 0), d.get("sources", 0))
    for (a, b), k in links.items():
        out.add_edge(a, b, key="folded", relation="folded", evidence="", document="", confidence=0.0,
                     factuality="asserted", quotes=[], docs=[], dates=[], count=k, sources=most[(a, b)])
    return len(groups)


# ---------------------------------------------------------------------- statistics and paths
def summarize(g: nx.MultiDiGraph, top: int = 10) -> dict[str, list[dict]]:
    """Counts by class and relation, top actors by degree and betweenness, communities.

    Returns plain records (lists of dicts), ready for `pandas.DataFrame(records)`.
    """
    deg = centrality(g, "degree")
    btw = centrality(g, "betweenness")
    actors = [n for n, d in g.nodes(data=True) if d["type"] in ACTORS]
    rec = lambda n, score: {"iri": n, "label": g.nodes[n]["label"], "class": g.nodes[n]["cls"], "score": score}
    comms = communities(g)
    return {
        "classes": [{"class": k, "count": v} for k, v in sorted(Counter(d["type"] for _, d in g.nodes(data=True)).items())],
        "subclasses": [{"class": k, "count": v} for k, v in sorted(Counter(d["cls"] for _, d in g.nodes(data=True)).items())],
        "relations": [{"relation": k, "count": v} for k, v in sorted(Counter(d["relation"] for *_, d in g.edges(data=True)).items())],
        "top_degree": [rec(n, deg[n]) for n in sorted(actors, key=lambda x: (-deg[x], x))[:top]],
        "top_betweenness": [rec(n, round(btw[n], 4)) for n in sorted(actors, key=lambda x: (-btw[x], x))[:top]],
        "communities": [{"community": i + 1, "size": len(c),
                         "members": ", ".join(g.nodes[x]["label"] for x in sorted(c, key=lambda x: (-deg[x], x))[:6])}
                        for i, c in enumerate(comms[:top])],
    }


def shortest_path(g: nx.MultiDiGraph, a: str, b: str) -> list[dict]:
    """The shortest chain of relations between two entities (names, aliases or IRIs), direction ignored.

    Each step is a record: source, relation, target (labels and IRIs), the evidence sentence,
    its document and confidence; `source` is the subject as stated, so a step may read backwards.
    Raises E101/E102 for unknown or ambiguous names, E107 when no chain exists.
    """
    u, v = find_entity(g, a), find_entity(g, b)
    try:
        nodes = nx.shortest_path(undirected(g), u, v)
    except nx.NetworkXNoPath:
        raise ViewError(f"no chain of relations links {g.nodes[u]['label']!r} and {g.nodes[v]['label']!r} "
                        "(they are in separate parts of the graph)", code="E107") from None
    return [_step(g, i + 1, x, y) for i, (x, y) in enumerate(zip(nodes, nodes[1:]))]


def _step(g: nx.MultiDiGraph, i: int, x: str, y: str) -> dict:
    cands = [(s, o, d) for s, o in ((x, y), (y, x)) if g.has_edge(s, o) for d in g[s][o].values()]
    s, o, d = max(cands, key=lambda c: (c[2]["confidence"], c[2]["relation"]))
    return {"step": i, "source": g.nodes[s]["label"], "relation": d["relation"], "target": g.nodes[o]["label"],
            "evidence": d["evidence"], "document": d["document"], "confidence": d["confidence"],
            "source_iri": s, "target_iri": o, "forward": s == x}

