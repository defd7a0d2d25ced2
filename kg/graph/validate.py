"""SHACL validation of the store with pySHACL (the ontology mixed in for subclass reasoning)."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox


def validate(store, ontology_dir: Path) -> tuple[bool, str]:
    """Return (conforms, report text)."""
    import rdflib
    from pyshacl import validate as shacl

    from ..export.serialize import triples

    data = rdflib.Graph()
    data.parse(data=ox.serialize(triples(store), format=ox.RdfFormat.N_TRIPLES), format="nt")
    shapes = rdflib.Graph().parse(Path(ontology_dir) / "shapes.ttl", format="turtle")
    onto = rdflib.Graph().parse(Path(ontology_dir) / "kg.ttl", format="turtle")
    conforms, _, text = shacl(data, shacl_graph=shapes, ont_graph=onto, inference="none", advanced=False)
    return bool(conforms), text
