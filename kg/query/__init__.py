"""SPARQL over the store: named analyst queries, parameters bound as values, result tables."""
from .run import Table, named_queries, run_query

__all__ = ["Table", "named_queries", "run_query"]
