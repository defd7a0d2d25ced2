"""spaCy pipeline factory and the extractors that read entities and relations from a Doc."""
