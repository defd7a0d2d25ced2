"""Exports: Turtle, TriG, N-Triples, N-Quads, JSON-LD, GraphML, GEXF, CSV (nodes, edges). Atomic writes."""
from .serialize import FORMATS, export

__all__ = ["FORMATS", "export"]
