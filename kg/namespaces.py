"""Every IRI base kg uses. The only module that spells one."""
from __future__ import annotations

KG = "https://w3id.org/kg/ontology#"
KIND = "https://w3id.org/kg/kind/"
ID = "https://w3id.org/kg/id/"
DOC = "https://w3id.org/kg/doc/"
GRAPH = "https://w3id.org/kg/graph/"
GAZETTEER_GRAPH = GRAPH + "gazetteer"
ENTITY_GRAPH = GRAPH + "entities"
GAZETTEER_SOURCE = ID + "gazetteer/kg-gazetteer"

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
GEONAMES = "https://sws.geonames.org/"
WIKIDATA = "http://www.wikidata.org/entity/"

PREFIXES = {
    "kg": KG, "kind": KIND, "kgr": ID, "nif": NIF, "itsrdf": ITSRDF, "prov": PROV,
    "skos": SKOS, "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
    "owl": OWL, "geo": GEO,
}


def sparql_prologue() -> str:
    """Return PREFIX lines for every prefix kg uses.

    >>> "PREFIX kg: <https://w3id.org/kg/ontology#>" in sparql_prologue()
    True
    """
    return "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + "\n"
