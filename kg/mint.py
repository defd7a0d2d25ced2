"""IRIs, minted in one place, deterministically from type and normalised name.

Shared by resolve/ (new entities) and graph/ (documents, mentions, evidence), so it sits
beside namespaces.py rather than inside either stage."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from .namespaces import DOC, ID
from .records import Entity, EntityType


def slug(text: str, max_len: int = 80) -> str:
    """A lower-case ASCII slug.

    >>> slug("Clan Úsuga (AGC)")
    'clan-usuga-agc'
    """
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return (s[:max_len].rstrip("-")) or "x"


def short_hash(*parts: str, n: int = 8) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def mint_entity_iri(e: Entity, taken: set[str] = frozenset()) -> str:
    """The IRI of a new entity: https://w3id.org/kg/id/{class}/{slug}[-{country}].

    Deterministic: the same type, label and country give the same IRI; a clash
    with a different entity gets a short hash of its identity key appended.
    """
    base = f"{ID}{e.type.value.lower()}/{slug(e.label)}"
    if e.country and e.type != EntityType.LOCATION and not base.endswith(e.country.lower()):
        base += f"-{e.country.lower()}"
    iri = base
    if iri in taken:
        iri = f"{base}-{short_hash(e.identity or e.label)}"
    return iri


def document_iri(doc_id: str) -> str:
    return f"{DOC}{doc_id}"


def event_iri(e: Entity, doc_id: str, first_span: tuple[int, int]) -> str:
    kind = "operation" if e.type == EntityType.OPERATION else "funding"
    return f"{ID}{kind}/{doc_id}-{short_hash(str(first_span[0]), str(first_span[1]), e.key)}"


def mention_iri(doc_id: str, start: int, end: int) -> str:
    return f"{DOC}{doc_id}#char={start},{end}"


def evidence_iri(doc_id: str, s: str, p: str, o: str) -> str:
    return f"{DOC}{doc_id}/ev/{short_hash(s, p, o, n=12)}"
