"""kg: knowledge graphs of security operations from news articles.

Build a graph from a folder of articles, then query it (results convert to pandas),
export it, draw it or hand it to networkx:

    >>> import kg                                                   # doctest: +SKIP
    >>> g = kg.build("examples/corpus", store="demo/store")         # doctest: +SKIP
    >>> g.query("who-funds-what").to_pandas()                       # doctest: +SKIP
    >>> g.query("leaders", label="Mexico").to_records()             # doctest: +SKIP
    >>> g.networkx(), g.export("graph.ttl"), g.view("graph.html")   # doctest: +SKIP
    >>> g.close()                                                   # doctest: +SKIP

Public API: `build`, `open_store`, `query`, `Graph`. The package is typed (PEP 561, py.typed).
"""
from __future__ import annotations

# Load the kg.query subpackage first: Python binds a subpackage to its parent's attribute the
# first time it is imported, which would otherwise replace the function kg.query below with
# the module as soon as any query ran.
from . import query as _query_package  # noqa: F401
from .api import Graph, build, open_store, query

__version__ = "0.1.0"
__all__ = ["Graph", "build", "open_store", "query", "__version__"]
