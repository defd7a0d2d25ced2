"""Frozen records passed between stages: documents, mentions, entities, relations."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

DocId = str


class EntityType(str, Enum):
    """Core classes; values are ontology class local names."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    LOCATION = "Location"
    OPERATION = "Operation"
    FUNDING = "Funding"

    @property
    def is_actor(self) -> bool:
        return self in (EntityType.PERSON, EntityType.ORGANIZATION)


@dataclass(frozen=True, slots=True)
class Document:
    """A document as read: `text` is what every offset refers to."""

    doc_id: DocId            # sha256 hex of text, first 16 chars
    identifier: str          # file name (or file name#record for JSONL)
    source: str              # path or URL
    text: str
    content_hash: str        # "sha256:<hex>"
    title: str | None = None
    date: str | None = None  # ISO date of publication, when found
    media_type: str = "text/plain"
    skip: tuple[tuple[int, int], ...] = ()  # debris / repeated spans not extracted from

    def __post_init__(self) -> None:
        for b, e in self.skip:
            if not 0 <= b <= e <= len(self.text):
                raise ValueError(f"skip span {b}-{e} outside text")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document that names an entity."""

    doc_id: DocId
    start: int
    end: int
    text: str
    type: EntityType
    entity: str              # local key of the entity within the document

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}-{self.end}")


@dataclass(frozen=True, slots=True)
class Entity:
    """One thing a document speaks of, before cross-document identity."""

    key: str                 # document-local key
    type: EntityType
    label: str               # fullest name in the document
    cls: str                 # most specific ontology class (e.g. "PoliceForce")
    aliases: tuple[str, ...] = ()
    country: str | None = None       # ISO alpha-2, where the entity belongs to one
    identity: str | None = None      # cross-document identity key (see resolve/)
    attrs: tuple[tuple[str, str], ...] = ()   # kind, eventDate, amount, currency, ...
    reasons: tuple[tuple[str, str], ...] = ()  # alias -> why it was joined

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a relation was read: the sentence span and how sure we are."""

    doc_id: DocId
    start: int
    end: int
    quote: str
    confidence: float
    extractor: str
    factuality: str = "asserted"
    gazetteer: bool = False

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str             # entity key
    predicate: str           # ontology property local name
    object: str              # entity key
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one document."""

    document: Document
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    failures: tuple[str, ...] = field(default=())
