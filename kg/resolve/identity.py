"""Cross-document identity.

Each document entity carries identity keys (see nlp/extract.py): a person's
folded full name, an organisation's country + core name or gazetteer entry, its
acronym within a country, a government's country, a place's gazetteer entry.
Two entities share an IRI when they share a key. A person named in short
("Otto Perez") takes the IRI of the unique known person whose full name
contains that name contiguously and whose titles do not conflict; when two
known people fit ("Otto Pérez Molina", president, and "Otto Pérez Leal",
mayor), the title decides, and without one nothing is merged.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..mint import mint_entity_iri
from ..nlp.lexicon import fold
from ..records import Entity, EntityType


@dataclass
class Known:
    iri: str
    type: EntityType
    label: str
    titles: set[str] = field(default_factory=set)


class Resolver:
    """The compact index of every entity in the store: identity key -> IRI."""

    def __init__(self) -> None:
        self.by_key: dict[str, Known] = {}
        self.persons: list[Known] = []
        self.person_words: dict[str, list[Known]] = {}   # folded word -> persons whose name has it
        self.iris: set[str] = set()

    def add_known(self, iri: str, type_: EntityType, label: str, keys: list[str], titles=()) -> None:
        k = next((self.by_key[x] for x in keys if x in self.by_key), None)
        if k is None:
            k = Known(iri, type_, label, set(titles))
            if type_ == EntityType.PERSON:
                self.persons.append(k)
                for w in dict.fromkeys(fold(label).split()):
                    self.person_words.setdefault(w, []).append(k)
            self.iris.add(iri)
        k.titles |= set(titles)
        for x in keys:
            self.by_key.setdefault(x, k)

    def resolve(self, e: Entity) -> tuple[str, str, str]:
        """Return (IRI, preferred label, why) for a document entity; registers new ones."""
        keys = identity_keys(e)
        titles = set((e.attr("titles") or "").split("|")) - {""}
        for key in keys:
            k = self.by_key.get(key)
            if k is not None and k.type == e.type:
                self._extend(k, keys, titles)
                return k.iri, k.label, f"same identity key {key}"
        if e.type == EntityType.PERSON:
            k = self._short_form(e, titles)
            if k is not None:
                self._extend(k, keys, titles)
                return k.iri, k.label, f"short form of {k.label}"
        iri = mint_entity_iri(e, taken=self.iris)
        self.add_known(iri, e.type, e.label, keys, titles)
        return iri, e.label, "new entity"

    def _extend(self, k: Known, keys: list[str], titles: set[str]) -> None:
        k.titles |= titles
        for x in keys:
            self.by_key.setdefault(x, k)

    def _short_form(self, e: Entity, titles: set[str]) -> Known | None:
        toks = fold(e.label).split()
        fits = []
        for k in self.person_words.get(toks[0], ()) if toks else ():
            full = fold(k.label).split()
            n = len(toks)
            if n < len(full) and any(full[i:i + n] == toks for i in range(len(full) - n + 1)):
                fits.append(k)
        if titles:
            fits = [k for k in fits if not k.titles or k.titles & titles]
        if len(fits) > 1 and titles:
            fits = [k for k in fits if k.titles & titles]
        return fits[0] if len(fits) == 1 else None


    def resolve_event(self, e: Entity, participants: list[str], places: list[str],
                      default_iri: str) -> tuple[str, str, list[str]]:
        """The same operation reported by two articles is one node when they clearly agree:
        same kind, same date (to the day or month), and at least one participant and one
        place in common. Returns (IRI, label, identity keys)."""
        date, prec = e.attr("eventDate"), e.attr("datePrecision")
        keys = []
        # only a date the text gives: a publication month (no kg:dateText) is shared by every
        # operation of the month and would join different ones
        if date and prec in ("day", "month") and e.attr("dateText"):
            keys = sorted(f"op:{e.attr('kind')}:{date}:{p}:{l}" for p in participants for l in places)
        for key in keys:
            k = self.by_key.get(key)
            if k is not None and k.type == e.type:
                self._extend(k, keys, set())
                return k.iri, k.label, keys
        self.add_known(default_iri, e.type, e.label, keys)
        return default_iri, e.label, keys


def identity_keys(e: Entity) -> list[str]:
    keys = [e.identity] if e.identity else []
    keys += [k for k in (e.attr("opkeys") or "").split("|") if k]
    keys += [k for k in (e.attr("idkeys") or "").split("|") if k]
    for acr in (e.attr("acronyms") or "").split("|"):
        if acr:
            keys.append(f"acr:{e.country or ''}:{acr}")
    return keys
