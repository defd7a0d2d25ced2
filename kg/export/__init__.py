"""Exports: Turtle, TriG, N-Triples, N-Quads, JSON-LD, GraphML, CSV. Atomic writes."""
from .serialize import FORMATS, export

__all__ = ["FORMATS", "export"]
