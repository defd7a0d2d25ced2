"""Records -> triples (IRI minting, provenance) and the store they live in."""
