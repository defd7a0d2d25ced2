"""A small entity graph made by hand, with the attributes kg.viz.network.to_networkx gives
(shared by the viz, export and security tests)."""
from __future__ import annotations

import networkx as nx

ID = "https://w3id.org/kg/id/"


def add_node(g, slug, label, t, cls=None, aliases="", docs=("a.txt",), dates=("2020-05-01",), **kw):
    g.add_node(ID + slug, label=label, type=t, cls=cls or t, aliases=aliases, amount=kw.get("amount", ""),
               currency=kw.get("currency", ""), kind=kw.get("kind", ""), docs=list(docs), dates=list(dates),
               evidence=kw.get("evidence", []))


def add_edge(g, s, rel, o, quote, doc="a.txt", date="2020-05-01", conf=0.8, fact="asserted"):
    g.add_edge(ID + s, ID + o, key=rel, relation=rel, evidence=quote, document=doc, confidence=conf,
               factuality=fact, quotes=[(quote, doc)], docs=[doc], dates=[date] if date else [])


def make_graph() -> nx.MultiDiGraph:
    """PNC (police) and a raid in Guatemala City funded by the US; a 2008 Mexico story; a loner."""
    g = nx.MultiDiGraph()
    add_node(g, "pnc", "National Civil Police", "Organization", "PoliceForce", aliases="PNC | Policía Nacional Civil")
    add_node(g, "raid", "Raid: police raided a warehouse", "Operation", kind="Raid")
    add_node(g, "gc", "Guatemala City", "Location", "Municipality")
    add_node(g, "gt", "Guatemala", "Location", "Country", docs=("a.txt", "b.txt"), dates=("2020-05-01", "2008-06-30"))
    add_node(g, "fund", "Funding: US support", "Funding", amount="1300000000", currency="USD")
    add_node(g, "us", "United States", "Organization", "Government")
    add_node(g, "merida", "Merida Initiative", "Operation", docs=("b.txt",), dates=("2008-06",))
    add_node(g, "mx", "Mexico", "Location", "Country", docs=("b.txt",), dates=("2008-06-30",))
    add_node(g, "bush", "George W. Bush", "Person", docs=("b.txt",), dates=("2008-06-30",))
    add_node(g, "loner", "Lonely Person", "Person", docs=("c.txt",), dates=("2015-01-01",))
    add_edge(g, "raid", "hasParticipant", "pnc", "The PNC raided a warehouse in Guatemala City.")
    add_edge(g, "raid", "locatedIn", "gc", "The PNC raided a warehouse in Guatemala City.")
    add_edge(g, "gc", "partOf", "gt", "Guatemala City, the capital of Guatemala.")
    add_edge(g, "fund", "fundedBy", "us", "The United States gave $1.3 billion.", conf=0.9)
    add_edge(g, "fund", "funds", "raid", "The money paid for the raid.")
    add_edge(g, "merida", "locatedIn", "mx", "The Merida Initiative in Mexico.", doc="b.txt", date="2008-06-30")
    add_edge(g, "bush", "leads", "us", "President George W. Bush signed the bill.", doc="b.txt", date="2008-06-30")
    add_edge(g, "merida", "hasParticipant", "gt", "Guatemala joins Merida.", doc="b.txt", date="2008-06-30",
             fact="planned")
    return g


