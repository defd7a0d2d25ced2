"""kg: knowledge graphs of security operations from news articles.

    >>> import kg                                   # doctest: +SKIP
    >>> g = kg.build(["articles/"], store="kg-store")  # doctest: +SKIP
    >>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # doctest: +SKIP
"""
from __future__ import annotations

from .api import Graph, build, open_store, query

__version__ = "0.1.0"
__all__ = ["Graph", "build", "open_store", "query", "__version__"]
