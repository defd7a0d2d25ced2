"""`read`: run the real extractor on a text written in a test, and look at the result."""
from __future__ import annotations

import itertools
import json

import pytest

from kg.ingest import read_path
from kg.nlp.extract import extract, masked_text
from kg.records import Entity, Extraction


class Result:
    """An Extraction with lookups by label and by position in the text."""

    def __init__(self, x: Extraction):
        self.x = x
        self.text = x.document.text
        self.by_key = {e.key: e for e in x.entities}

    @property
    def entities(self):
        return self.x.entities

    def labels(self, type_: str | None = None) -> list[str]:
        return [e.label for e in self.x.entities if type_ is None or e.type.value == type_]

    @staticmethod
    def names(e: Entity) -> set[str]:
        """The label and every alias: a gazetteer may give the canonical name as label."""
        return {e.label, *e.aliases}

    def entity(self, name: str, type_: str | None = None) -> Entity:
        """The entity called `name` (label or alias)."""
        found = [e for e in self.x.entities if name in self.names(e) and (type_ is None or e.type.value == type_)]
        assert found, f"no {type_ or 'entity'} named {name!r}; have {[(e.type.value, e.label) for e in self.entities]}"
        return found[0]

    def entity_at(self, needle: str, nth: int = 0) -> Entity | None:
        """The entity of the mention that covers the nth occurrence of `needle`."""
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        end = start + len(needle)
        for m in self.x.mentions:
            if m.start <= start and end <= m.end and m.type.value not in ("Operation", "Funding"):
                return self.by_key[m.entity]
        return None

    def events(self, type_: str) -> list[Entity]:
        return [e for e in self.x.entities if e.type.value == type_]

    def triples(self) -> set[tuple[str, str, str]]:
        """(subject name, predicate, object name) for every name of either end."""
        return {(s, r.predicate, o) for r in self.x.relations
                for s in self.names(self.by_key[r.subject]) for o in self.names(self.by_key[r.object])}

    def relations_of(self, e: Entity) -> set[tuple[str, str]]:
        """(predicate, object name) for every name of the object."""
        return {(r.predicate, o) for r in self.x.relations if r.subject == e.key
                for o in self.names(self.by_key[r.object])}


@pytest.fixture(scope="session")
def read(nlp, lexicon, tmp_path_factory):
    """read(text, date=None) -> Result, through the public reading path (a one-line JSONL file)."""
    folder = tmp_path_factory.mktemp("nlp-docs")
    counter = itertools.count()
    cache: dict[tuple[str, str | None], Result] = {}

    def _read(text: str, date: str | None = None) -> Result:
        if (text, date) not in cache:
            f = folder / f"doc{next(counter)}.jsonl"
            rec = {"id": "t", "text": text, **({"date": date} if date else {})}
            f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
            (document,) = list(read_path(f))
            cache[(text, date)] = Result(extract(document, nlp(masked_text(document)), lexicon))
        return cache[(text, date)]

    return _read
