"""Readable names for operations and funding, made from what was extracted.

An operation is named "<Head>[ <prep> <object>][ <prep> <target>][ <prep> <actor>] (<place>, <date>)":
"Arrest of Juan Orlando Hernández (Tegucigalpa, 15 February 2022)", "Seizure of cocaine by
National Police of Honduras (1 March 2022)"; a funding "<amount> <head>[ of <what>][ from
<funder>][ to <recipient>] (<date>)": "JPY 18.7 bn loan from JICA to Philippine Coast Guard
(2013)". The words (heads, prepositions, measure nouns) are data: ontology/lexicon/event_names.tsv.
A named operation ("Operation Sea Shield") keeps its name.

Names are short: when one is longer than the limit (80 characters), its least important parts go
first (an operation's second actor, place, object, date; a funding's date, object, recipient),
then the longest remaining part is cut with an ellipsis. Deterministic: the same parts give the
same name; nothing here reads a clock, a file other than the word table, or the order of a set.
The name is a label only: no IRI and no identity key is made from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from ..config import ONTOLOGY_DIR
from ..ingest.clean import MONTHS
from .lexicon import read_tsv
from .mentions import PLACE

LIMIT = 80
MOST = 45           # the most characters one actor's, place's or object's name takes in a name
ELLIPSIS = "…"
MONTH_NAMES = tuple(m.capitalize() for m in list(MONTHS)[:12])
NONE = "-"
FUNDING = "Funding"
_MEASURE_ENTS = ("QUANTITY", "MONEY", "CARDINAL")
_OBJECT_PREPS = ("of", "for", "into", "on")


@dataclass(frozen=True, slots=True)
class Wording:
    """How one kind or trigger is named: its head and the words before object, target, actor."""

    head: str
    object: str | None
    target: str | None
    actor: str | None


@dataclass(frozen=True)
class NameWords:
    """The table of ontology/lexicon/event_names.tsv."""

    wordings: dict[str, Wording] = field(default_factory=dict)   # "kind:Arrest", "op:clash", "fund:loan"
    measures: frozenset[str] = frozenset()

    def operation(self, kind: str, lemma: str) -> Wording:
        """The wording of an operation: its trigger's own, else its kind's, else Other's."""
        return (self.wordings.get(f"op:{lemma}") or self.wordings.get(f"kind:{kind}")
                or self.wordings.get("kind:Other") or Wording(kind, None, None, "by"))

    def funding(self, lemma: str) -> Wording:
        return (self.wordings.get(f"fund:{lemma}") or self.wordings.get("fund:*")
                or Wording("funding", "of", "to", "from"))


@lru_cache(maxsize=4)
def load_name_words(ontology_dir: str = str(ONTOLOGY_DIR)) -> NameWords:
    """Read ontology/lexicon/event_names.tsv (an empty table when the file is missing)."""
    wordings, measures = {}, set()
    for r in read_tsv(Path(ontology_dir) / "lexicon" / "event_names.tsv"):
        key = r["key"]
        if key.startswith("measure:"):
            measures.add(key.split(":", 1)[1])
            continue
        words = [None if r.get(c, NONE) in (NONE, "") else r[c] for c in ("object", "target", "actor")]
        wordings[key] = Wording(r["head"], *words)
    return NameWords(wordings, frozenset(measures))


@dataclass(frozen=True, slots=True)
class NameParts:
    """What a name is made of, as plain strings (built from an Event by `parts_of`).

    Actors are listed best first (highest confidence, then order in the text)."""

    kind: str                              # an operation kind, or "Funding"
    lemma: str = ""                        # the trigger's lemma
    object: str | None = None              # what the trigger acts on: "cocaine", "13 people"
    targets: tuple[str, ...] = ()          # operations: targets; funding: recipients
    actors: tuple[str, ...] = ()           # operations: participants; funding: funders
    place: str | None = None
    date: tuple[str, str] | None = None    # (ISO 8601 value, precision) as kg:eventDate, kg:datePrecision
    amount: float | None = None
    currency: str | None = None
    name: str | None = None                # a named operation's own name
    modifier: str | None = None            # words before a trigger noun: 'peacekeeping' (operation)


def human_amount(amount: float, currency: str | None = None) -> str:
    """An amount of money as people write it: thousand, million, bn, trillion.

    >>> human_amount(18_700_000_000, "JPY"), human_amount(4e6, "USD"), human_amount(739_700_000)
    ('JPY 18.7 bn', 'USD 4 million', '739.7 million')
    >>> human_amount(250_000, "EUR"), human_amount(950), human_amount(999_999_999, "USD")
    ('EUR 250 thousand', '950', 'USD 1 bn')
    """
    scales = ((1e12, " trillion"), (1e9, " bn"), (1e6, " million"), (1e3, " thousand"), (1.0, ""))
    text = f"{amount:,.2f}"
    for i, (scale, word) in enumerate(scales):
        if amount >= scale or scale == 1.0:
            value = round(amount / scale, 2)
            if value >= 1000 and i > 0:             # 999,999,999 is 1 bn, not 1,000 million
                scale, word = scales[i - 1]
                value = round(amount / scale, 2)
            text = f"{value:,.2f}".rstrip("0").rstrip(".") + word
            break
    return f"{currency} {text}" if currency else text


def human_date(value: str, precision: str | None = None) -> str:
    """An ISO 8601 date at its precision: '12 March 2024', 'March 2024', '2024', '3–12 March 2025'.

    >>> human_date("2024-03-12", "day"), human_date("2024-03", "month"), human_date("2024", "year")
    ('12 March 2024', 'March 2024', '2024')
    >>> human_date("2025-03-03/2025-03-12", "interval"), human_date("2012-01/2015-05", "interval")
    ('3–12 March 2025', 'January 2012 – May 2015')
    """
    if "/" in value:
        a, b = value.split("/", 1)
        if len(a) == len(b) == 10 and a[:7] == b[:7]:
            return f"{int(a[8:])}–{human_date(b)}"
        return f"{human_date(a)} – {human_date(b)}"
    parts = value.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[2])} {MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return value


def short_label(label: str) -> str:
    """An actor's or place's label as a name shows it: without a trailing '(…)', and a
    government by its country ('Government of the United States' -> 'the United States').

    >>> short_label("Government of the United States"), short_label("Abu Sayyaf Group (ASG)")
    ('the United States', 'Abu Sayyaf Group')
    """
    label = re.sub(r"\s*\([^()]*\)$", "", " ".join(label.split())) or label
    if label.startswith("Government of ") and len(label) > len("Government of "):
        return label[len("Government of "):]
    return label


def _label(label: str) -> str:
    return cut(short_label(label), MOST)


def cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, cut at a word with an ellipsis.

    >>> cut("National Civil Police of Guatemala", 20)
    'National Civil…'
    """
    if len(text) <= width:
        return text
    room = max(width - 1, 1)
    head = text[:room + 1].rsplit(" ", 1)[0] if " " in text[:room + 1] else text[:room]
    head = head[:room].rstrip(" ,;:-–(")
    return head + ELLIPSIS


def event_name(p: NameParts, words: NameWords | None = None, limit: int = LIMIT) -> str:
    """The name of an operation or a funding.

    Deterministic; at most `limit` characters unless the head alone is longer (then cut).

    >>> event_name(NameParts("Arrest", "capture", targets=("Abimael Guzmán",), place="Lima",
    ...                      date=("1992-09", "month")))
    'Arrest of Abimael Guzmán (Lima, September 1992)'
    >>> event_name(NameParts("Funding", "loan", actors=("JICA",), targets=("Philippine Coast Guard",),
    ...                      date=("2013", "year"), amount=1.87e10, currency="JPY"))
    'JPY 18.7 bn loan from JICA to Philippine Coast Guard (2013)'
    """
    words = words or load_name_words()
    if p.name:
        return cut(p.name, limit)
    parts = _funding_parts(p, words) if p.kind == FUNDING else _operation_parts(p, words)
    return _fit(parts, limit)


def parts_of(e, labels: Mapping[int, str], date: tuple[str, str] | None = None,
             obj: str | None = None, modifier: str | None = None) -> NameParts:
    """The parts of the name of an Event (kg.nlp.events.Event) read in a document.

    Args:
        e: the operation or funding.
        labels: id(group) -> label, for the groups its participants, targets, places, funders
            and recipients point at.
        date: (value, precision) of its kg:eventDate, if any.
        obj: what its trigger acts on (`object_phrase`); a funding uses it only in kind.
        modifier: the words that make its trigger noun precise (`trigger_modifier`).
    """
    def best(roles: Mapping[int, float]) -> tuple[str, ...]:
        ranked = sorted(((k, c) for k, c in roles.items() if k in labels), key=lambda kc: -kc[1])   # stable
        return tuple(labels[k] for k, _ in ranked)

    if e.kind == FUNDING:
        return NameParts(FUNDING, e.lemma, obj if e.in_kind else None, best(e.recipients), best(e.funders),
                         date=date, amount=e.amount, currency=e.currency)
    places = best(e.places)
    return NameParts(e.kind, e.lemma, obj, best(e.targets), best(e.participants), places[0] if places else None,
                     date, name=e.name, modifier=modifier)


def trigger_modifier(doc, trigger: int, by_tok: Mapping) -> str | None:
    """The common-noun words that make a trigger noun more precise: 'a UN peacekeeping
    operation' -> 'peacekeeping', 'the largest follow-up operations' -> 'follow-up', 'a drug
    seizure' -> 'drug'. Compounds and hyphenated modifiers only, never a name ('a DEA
    operation': nothing) nor a plain adjective ('new', 'largest')."""
    tok = doc[trigger]
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    start = tok.i
    for c in reversed([c for c in tok.lefts if c.dep_ in ("compound", "amod")]):
        sub = list(c.subtree)
        hyphenated = any(t.text == "-" for t in sub)
        if sub[-1].i != start - 1 or any(t.i in by_tok or t.pos_ == "PROPN" for t in sub) \
                or not (c.dep_ == "compound" or hyphenated):
            break
        start = sub[0].i
    words = " ".join(doc[start:tok.i].text.lower().split())
    return words if 0 < len(words) <= 30 else None


def object_phrase(doc, trigger: int, by_tok: Mapping, words: NameWords | None = None) -> str | None:
    """What the trigger word at token `trigger` acts on, as a short phrase: the direct object of a
    verb ('seized 2 tonnes of cocaine' -> 'cocaine', 'arrested 13 people' -> '13 people'), or the
    'of'/'for'/'into'/'on' phrase of a noun ('the deployment of troops' -> 'troops'). A name
    stands for its group ('trained the National Police' -> the group's label); a pronoun, a sum
    of money or a bare number is nothing.

    Args:
        doc: the parsed document.
        trigger: the trigger's token index.
        by_tok: token index -> name mention (`Index.by_tok`): whose `.group.label` names it.
    """
    words = words or load_name_words()
    tok = doc[trigger]
    if tok.pos_ in ("VERB", "AUX"):
        heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    else:
        heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS
                 for g in c.children if g.dep_ == "pobj"]
    return _noun_phrase(doc, heads[0], by_tok, words.measures) if heads else None


def funding_word(doc, trigger: int, span: tuple[int, int], lemma: str, nouns,
                 words: NameWords | None = None) -> str:
    """The trigger lemma a funding is named by: the funding noun its verb takes ('granted a
    loan' -> 'loan'), else its own when the table words it, else the first funding noun of its
    clause that is ('financed by a loan' -> 'loan').

    Args:
        nouns: the funding trigger nouns (lemmas).
    """
    words = words or load_name_words()
    if doc is None:
        return lemma
    tok = doc[trigger]
    for o in tok.children:        # 'granted a loan', 'provided aid': the noun names it
        if o.dep_ == "dobj" and o.lemma_.lower() in nouns and f"fund:{o.lemma_.lower()}" in words.wordings:
            return o.lemma_.lower()
    if f"fund:{lemma}" in words.wordings:
        return lemma
    b, e = span
    for t in doc.char_span(b, e, alignment_mode="expand") or ():
        w = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN") and w in nouns and f"fund:{w}" in words.wordings:
            return w
    return lemma


def _noun_phrase(doc, head, by_tok: Mapping, measures: frozenset[str], depth: int = 0) -> str | None:
    m = by_tok.get(head.i)
    if m is not None:       # a name: an actor stands for its group; a place is the name's place
        group = getattr(m, "group", None)
        return group.label if group is not None and m.kind != PLACE and group.kind != PLACE else None
    if head.pos_ in ("PRON", "DET", "PUNCT", "NUM") and not head.like_num or depth > 2:
        return None
    if head.lower_ in measures or head.lemma_.lower() in measures or head.ent_type_ in _MEASURE_ENTS \
            or head.like_num:
        inner = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                 for g in c.children if g.dep_ == "pobj"]
        return _noun_phrase(doc, inner[0], by_tok, measures, depth + 1) if inner else None
    start = head.i
    for c in reversed([c for c in head.lefts if c.dep_ in ("compound", "amod", "nummod", "quantmod", "nmod")]):
        sub = list(c.subtree)
        if sub[-1].i != start - 1 or any(t.i in by_tok or t.is_punct and t.text != "-" for t in sub):
            break
        start = sub[0].i
    phrase = " ".join(doc[start:head.i + 1].text.split())
    if doc[start].is_sent_start and doc[start].pos_ != "PROPN":
        phrase = phrase[:1].lower() + phrase[1:]        # 'Soldiers were deployed' -> 'soldiers'
    return phrase if len(phrase) <= 40 else head.text


# A name is a list of parts (drop rank, role, text). When a name is too long the parts of the
# highest rank go first; rank 0 stays. Operations: a second actor (the participant when a target
# is named: 4), the place (3), the object when an actor is named (2), the date (1). Funding: the
# date (3), what was given (2), the recipient (1).
Part = tuple[int, str, str]


def _operation_parts(p: NameParts, words: NameWords) -> list[Part]:
    w = words.operation(p.kind, p.lemma)
    targets = [t for t in dict.fromkeys(map(_label, p.targets)) if t]
    actors = [a for a in dict.fromkeys(map(_label, p.actors)) if a and a not in targets]
    obj = _label(p.object) if w.object and p.object else None
    obj = None if obj in targets else obj
    actors = [a for a in actors if a != obj]    # 'a reform of the National Police': not by it
    head = w.head
    if p.modifier and head.lower() == p.lemma:          # 'Operation' of 'peacekeeping operation'
        head = f"{p.modifier[:1].upper()}{p.modifier[1:]} {head.lower()}"
    parts: list[Part] = [(0, "head", head)]
    pair = None
    if w.actor == "between" and actors and (len(actors) > 1 or targets):     # 'Clash between A and B'
        other = actors[1] if len(actors) > 1 else targets[0]
        pair = f"between {actors[0]} and {other}"
        targets, actors = [t for t in targets if t != other], []
    target = targets[0] if targets and w.target else None
    if obj and not (target and w.object == w.target):
        parts.append((2 if (target or actors or pair) else 0, "object", f"{w.object} {obj}"))
    if target:
        parts.append((0, "target", f"{w.target} {target}"))
    if pair:
        parts.append((0, "actor", pair))
    if actors and w.actor:
        prep = "by" if w.actor == "between" else w.actor
        parts.append((4 if target else 0, "actor", f"{prep} {actors[0]}"))
    named = " ".join(t for _, _, t in parts).lower()
    place = _label(p.place) if p.place else None
    if place and place.lower() not in named:
        parts.append((3, "place", place))
    if p.date:
        parts.append((1, "date", human_date(*p.date)))
    return parts


def _funding_parts(p: NameParts, words: NameWords) -> list[Part]:
    w = words.funding(p.lemma)
    funders = [a for a in dict.fromkeys(map(_label, p.actors)) if a]
    recipients = [t for t in dict.fromkeys(map(_label, p.targets)) if t and t not in funders]
    if p.amount:
        parts: list[Part] = [(0, "head", f"{human_amount(p.amount, p.currency)} {w.head}")]
    else:
        parts = [(0, "head", w.head[:1].upper() + w.head[1:])]
        if p.object and w.object:
            parts.append((2, "object", f"{w.object} {p.object}"))
    if funders and w.actor:
        parts.append((0, "actor", f"{w.actor} {funders[0]}"))
    if recipients and w.target:
        parts.append((1, "target", f"{w.target} {recipients[0]}"))
    if p.date:
        parts.append((3, "date", human_date(*p.date)))
    return parts


def _render(parts: list[Part]) -> str:
    body = " ".join(t for _, role, t in parts if role not in ("place", "date"))
    bracket = ", ".join(t for _, role, t in parts if role in ("place", "date"))
    return f"{body} ({bracket})" if bracket else body


def _fit(parts: list[Part], limit: int) -> str:
    """Drop the parts of highest rank first until the name fits, then cut the longest part."""
    parts = list(parts)
    while len(_render(parts)) > limit and any(r > 0 for r, _, _ in parts):
        worst = max(r for r, _, _ in parts)
        parts = [x for x in parts if x[0] != worst]
    name = _render(parts)
    while len(name) > limit:
        cuttable = [i for i, (_, role, _) in enumerate(parts) if role != "head" and len(parts[i][2]) > 12]
        if not cuttable:
            return cut(name, limit)
        i = max(cuttable, key=lambda j: (len(parts[j][2]), -j))
        r, role, text = parts[i]
        parts[i] = (r, role, cut(text, max(len(text) - (len(name) - limit), 12)))
        if parts[i][2] == text:
            return cut(name, limit)
        name = _render(parts)
    return name
