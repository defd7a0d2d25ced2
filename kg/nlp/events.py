"""Operations and funding read from trigger words and the dependency parse.

An operation is a trigger (a verb or noun from ontology/lexicon/operations.tsv)
with at least one named actor taking part — the subject of the verb, the agent
of a passive, the possessor or governing verb's subject of a noun — or a
definite reference ("the program") to one already told. The same operation
told twice (same trigger lemma and object, or a definite reference) is one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .entities import NameMention
from .lexicon import Lexicon
from .mentions import ORG, PERSON, PLACE
from .pipeline import doc_text
from .tokens import entity_at, tokens

TARGET_CLASSES = {"ArmedGroup", "CriminalGroup"}
# The word sets the rules read (governing verbs, plan and allegation markers, verbs of saying,
# generic determiners, state adverbs, general operation nouns) are data:
# ontology/lexicon/event_words.tsv, as Lexicon.event_words[role]. The module-level `W` is the
# lexicon's while a document is read (set by find_events and find_funding).
class _Words(dict):
    """role -> words; the default lexicon's until a document is read with another."""

    def __missing__(self, role: str) -> frozenset[str]:
        from .lexicon import load_lexicon
        self.update(load_lexicon().event_words)
        return self[role] if role in self else frozenset()


W: dict[str, frozenset[str]] = _Words()
DEFINITE = {"the", "this", "that", "these", "those"}
MAX_SPAN = 380
ACTOR_KINDS = (PERSON, ORG, "GOV")


@dataclass
class Event:
    kind: str                 # operation kind, or "Funding"
    trigger: int              # token index
    lemma: str
    spans: list[tuple[int, int]] = field(default_factory=list)   # char spans (mentions)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    participants: dict[int, float] = field(default_factory=dict)  # id(group) -> confidence
    targets: dict[int, float] = field(default_factory=dict)
    places: dict[int, float] = field(default_factory=dict)
    funders: dict[int, float] = field(default_factory=dict)
    recipients: dict[int, float] = field(default_factory=dict)
    funds: list["Event"] = field(default_factory=list)
    obj: str | None = None
    date_text: str | None = None
    date_at: tuple | None = None  # (doc, clause token) the date is read at, on first use (see `date`)
    factuality: str = "asserted"
    weight: float = 0.5
    quantity: bool = False
    amount: float | None = None
    currency: str | None = None
    in_kind: bool = False
    label: str = ""
    name: str | None = None   # a named operation: "Operation Sea Shield"

    def date(self) -> str | None:
        """The date phrase of the clause that tells it, read once and only for the events
        kept (most trigger words read give no operation)."""
        if self.date_at is not None:
            doc, tok = self.date_at
            self.date_at = None
            self.date_text = _date_text(doc, tok)
        return self.date_text


class Index:
    """Token -> name mention of the document, for the parse walks below."""

    def __init__(self, doc, mentions: list[NameMention]):
        from bisect import bisect_left, bisect_right
        self.by_tok: dict[int, NameMention] = {}
        toks = tokens(doc)
        starts = [t.idx for t in toks]
        ends = [t.idx + len(t.text) for t in toks]
        for m in mentions:
            if m.group is None or m.end <= m.start:
                continue
            # the tokens the span touches (char_span's "expand")
            for i in range(bisect_right(ends, m.start), bisect_left(starts, m.end)):
                self.by_tok[i] = m

    def names_in(self, tokens) -> list[NameMention]:
        seen, out = set(), []
        for t in tokens:
            m = self.by_tok.get(t.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out


def find_events(doc, mentions, lx: Lexicon, skip, pub_date, idx: Index | None = None) -> list[Event]:
    W.update(lx.event_words)
    idx = idx or Index(doc, mentions)
    events: list[Event] = []
    toks = tokens(doc)
    doers = Doers(doc, mentions)
    for sent in doc.sents:
        if any(b <= sent.start_char < e for b, e in skip) or not doc_text(doc)[sent.start_char:sent.end_char].strip():
            continue
        found: dict[int, Event] = {}
        for tok in toks[sent.start:sent.end]:
            if tok.i in idx.by_tok:
                continue
            pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else None
            if pos is None:
                continue
            lemma = next((x for x in lemma_forms(tok.lemma_, tok.lower_) if (x, pos) in lx.operations), None)
            if lemma is None:
                continue
            kind, weight = lx.operations[(lemma, pos)]
            if pos == "VERB" and is_state(doc[tok.i]):
                continue
            named = operation_name(doc, doc[tok.i], idx) if lemma in W["general_operation"] | {"oplan"} else None
            at = doc[tok.i]
            if named is not None:
                at = named[1]                   # "Operation Sea Shield": read at the head of the name
                weight = max(weight, 0.9)
            ev = _read_event(doc, at, kind, weight, idx, lx)
            if ev is not None and named is not None:
                ev.name, ev.trigger = named[0], tok.i
            if ev is not None:
                found[tok.i] = ev
        for ev in _same_kind_in_sentence(_merge_in_sentence(doc, found)):
            if _joins_earlier(doc, ev, events):
                continue
            if not ev.participants:
                told = ev.kind in CONCRETE and (ev.targets or (ev.obj and ev.quantity))
                if told and events and _near(events[-1], ev):
                    _inherit(events[-1], ev)   # "Soldiers seized ...": the troops just named
                elif not doers.adopt(ev, doc) and not told:
                    continue
            events.append(ev)
    events = _merge_headlines(events, headline_end(doc, skip))
    for ev in events:
        _sentence_roles(ev, doers)
    return events


def _sentence_roles(ev: Event, doers: "Doers") -> None:
    """What the sentences telling an operation name around it: its places, the state forces
    taking part, and (for arrests, raids, extraditions) the people and groups it is aimed at.
    A parse link is surer (higher confidence) and is never overridden."""
    groups = {id(m.group): m.group for ms in doers.in_sentence.values() for m in ms}
    # an attack by an armed group: the state forces around it are its targets
    insurgent = ev.kind == "Combat" and any(groups[k].cls in TARGET_CLASSES for k in ev.participants if k in groups)
    for s0, _ in ev.sentences:
        for m in doers.in_sentence.get(s0, ()):
            g = m.group
            gid = id(g)
            if gid in ev.participants or gid in ev.targets or gid in ev.places:
                continue
            if m.kind == PLACE:
                ev.places[gid] = 0.5
            elif insurgent and m.kind in (ORG, "GOV") and g.cls in FORCES:
                ev.targets[gid] = 0.45
            elif m.kind in (ORG, "GOV") and g.cls in TARGET_CLASSES:
                ev.targets[gid] = 0.5
            elif m.kind == PERSON and ev.kind in AIMED and not m.title and not _official(g):
                ev.targets[gid] = 0.45
            elif m.kind in (ORG, "GOV") and g.cls in FORCES | {"GovernmentAgency", "JudicialBody"}:
                ev.participants[gid] = 0.45


def _official(g) -> bool:
    return any(x.title for x in g.mentions)


AIMED = {"Arrest", "Extradition", "Raid", "Seizure"}
CONCRETE = {"Seizure", "Arrest"}
STATE_DOERS = {"Government", "GovernmentAgency", "SecurityForce", "PoliceForce", "MilitaryUnit", "TaskForce",
               "JudicialBody"}
FORCES = {"SecurityForce", "PoliceForce", "MilitaryUnit", "TaskForce"}
MODIFIER_DEPS = {"compound", "amod", "nmod"}
HANDS_ON = {"Seizure", "Arrest", "Raid", "Patrol", "Deployment", "Extradition", "Combat"}
STATE_PARTICIPLE_DEPS = {"amod", "acomp", "oprd"}


def is_state(tok) -> bool:
    """A participle that tells how something is, not what was done: 'poorly trained
    officers', 'the force is well equipped', or a question: 'whether they captured anyone'."""
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for a in (tok, *tok.ancestors) for c in a.children):
        return True
    return tok.tag_ == "VBN" and (tok.dep_ in STATE_PARTICIPLE_DEPS or any(
        c.dep_ == "advmod" and c.lower_ in W["state_adverb"] for c in tok.children))


def _tells_an_act(tok) -> bool:
    """Whether a trigger word tells one concrete act: not a modifier ('patrol boats'), a
    state ('poorly trained'), a question ('whether they captured anyone'), a bare or
    generic noun ('surveillance', 'various initiatives', 'agreements have been signed')."""
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for a in (tok, *tok.ancestors) for c in a.children):
        return False
    if tok.pos_ in ("VERB", "AUX"):
        return not is_state(tok) and not (tok.tag_ == "VBN" and tok.dep_ == "acl")   # "weapons captured in 2019"
    if tok.dep_ in MODIFIER_DEPS:
        return False
    dets = [c for c in tok.children if c.dep_ in ("det", "amod", "poss", "nummod")]
    if any(c.lower_ in W["generic_det"] for c in dets):
        return False
    if tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return False
    return any(True for _ in tok.children)


class Doers:
    """Who carried out an operation whose clause names no doer: the state actors of the
    sentence, else of the sentence before, else the article's force (GUIDELINES: "the doer
    may be named anywhere in the article"; "officers arrested three men" after a sentence
    naming the police; "were arrested, the Navy said")."""

    def __init__(self, doc, mentions: list[NameMention]):
        self.by_sent: dict[int, dict[int, float]] = {}
        self.in_sentence: dict[int, list[NameMention]] = {}
        for m in mentions:
            if m.group is not None:
                self.in_sentence.setdefault(m.sent_start, []).append(m)
        self.order: list[int] = []
        count: dict[int, int] = {}
        first: dict[int, int] = {}
        for m in mentions:
            g = m.group
            if g is None or m.kind not in (ORG, "GOV") or g.cls not in STATE_DOERS:
                continue
            self.by_sent.setdefault(m.sent_start, {})[id(g)] = 0.5
            count[id(g)] = count.get(id(g), 0) + 1
            first.setdefault(id(g), m.start)
            if g.cls in FORCES or g.cls == "GovernmentAgency":
                self.order.append(id(g))
        self.starts = sorted(self.by_sent)
        ranked = sorted(set(self.order), key=lambda k: (-count[k], first[k]))
        self.main = ranked[0] if ranked else None

    def adopt(self, ev: Event, doc) -> bool:
        """Give `ev` the doers the article names; False when it names none, or when the
        trigger only modifies a noun ('patrol boats') or tells no concrete act."""
        tok = doc[ev.trigger]
        if ev.factuality in ("denied", "planned") or ev.weight < 0.6 or not (ev.name or _tells_an_act(tok)):
            return False
        s0 = ev.sentences[0][0]
        here = {k: v for k, v in self.by_sent.get(s0, {}).items() if k not in ev.targets}
        if not here and ev.kind not in HANDS_ON and not ev.name:
            return False
        if not here:
            from bisect import bisect_left
            i = bisect_left(self.starts, s0)
            prev = self.by_sent[self.starts[i - 1]] if i > 0 else {}
            here = {k: 0.4 for k in prev if k not in ev.targets}
        if not here and self.main is not None and self.main not in ev.targets:
            here = {self.main: 0.35}
        ev.participants.update(here)
        return bool(here)
PLANS = {"Programme", "Agreement"}


def headline_end(doc, skip) -> int:
    """Character offset where the headline (the first line kept) ends."""
    for sent in doc.sents:
        if doc_text(doc)[sent.start_char:sent.end_char].strip() and not any(b <= sent.start_char < e for b, e in skip):
            return sent.end_char
    return 0


def _merge_headlines(events: list[Event], end: int) -> list[Event]:
    """A headline tells the article's main operation: it joins the first operation of the
    same kind in the body."""
    out = []
    heads = [e for e in events if e.sentences and e.sentences[0][1] <= end]
    for e in events:
        if e in heads:
            body = next((b for b in events if b not in heads and b.kind == e.kind), None)
            if body is not None:
                _absorb(body, e)
                continue
        out.append(e)
    return out


@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=1 << 16)
def lemma_forms(lemma: str, lower: str) -> tuple[str, ...]:
    """The lemma and plain stems of a word (the lemmatiser gives 'instal' for 'installed').

    >>> lemma_forms("instal", "installed")[:3]
    ('instal', 'installed', 'install')
    """
    forms = [lemma.lower(), lower]
    for suf in ("ing", "ed", "es", "s"):
        if lower.endswith(suf) and len(lower) - len(suf) >= 3:
            stem = lower[: -len(suf)]
            forms += [stem, stem + "e"]
            if len(stem) > 3 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
    return tuple(dict.fromkeys(forms))


def _near(prev: Event, ev: Event) -> bool:
    return bool(prev.sentences and ev.sentences) and 0 <= ev.sentences[0][0] - prev.sentences[-1][1] < 400


def _inherit(prev: Event, ev: Event) -> None:
    for a in ("participants", "targets", "places"):
        for k, v in getattr(prev, a).items():
            getattr(ev, a).setdefault(k, round(v * 0.6, 3))


def _read_event(doc, tok, kind, weight, idx: Index, lx) -> Event | None:
    ev = Event(kind=kind, trigger=tok.i, lemma=tok.lemma_.lower(), weight=weight)
    if tok.pos_ in ("VERB", "AUX"):
        clause = tok
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj")]
        if not subj and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.head.children if c.dep_ in ("nsubj",)]
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.subtree]
        subj_toks = [t for s in subj for t in s.subtree if s.dep_ != "nsubjpass"] + agents
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "alongside"):
                subj_toks += list(c.subtree)
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        ev.obj = objs[0].lemma_.lower() if objs else None
        ev.quantity = any(t.like_num for o in objs for t in o.subtree)
        if not [c for c in subj if c.dep_ != "nsubjpass"] and tok.dep_ == "ccomp" and tok.head.lemma_ in W["communication"]:
            # "Lopez announced that police badges would be fitted with microchips"
            subj_toks += [t for c in tok.head.children if c.dep_ == "nsubj" for t in c.subtree]
        obj_toks = [t for o in objs for t in o.subtree]
        pp_toks = [t for c in tok.children if c.dep_ in ("prep", "advmod", "npadvmod") for t in c.subtree]
    else:
        gov = tok.head if tok.dep_ in ("dobj", "attr", "nsubjpass", "pobj") else None
        if gov is not None and gov.dep_ == "prep":
            gov = gov.head if gov.head.pos_ in ("VERB", "AUX") else None
        clause = gov if gov is not None and gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in W["governing"] else tok
        subj_toks = [t for c in tok.children if c.dep_ in ("poss", "compound", "nmod") for t in c.subtree]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "between", "with", "of", "among"):
                subj_toks += list(c.subtree)
            if c.dep_ in ("relcl", "acl"):
                subj_toks += [t for x in c.children if x.dep_ in ("dobj", "nsubj", "agent") for t in x.subtree]
        if clause is not tok:
            subj_toks += [t for c in clause.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
        obj_toks = [t for c in tok.children if c.dep_ in ("prep", "acl", "relcl") for t in c.subtree]
        pp_toks = [t for c in clause.children if c.dep_ in ("prep",) for t in c.subtree] if clause is not tok else []
        ev.obj = tok.lemma_.lower()
        if tok.i > 0 and doc[tok.i - 1].lower_ in DEFINITE and not any(
                m.kind in ACTOR_KINDS for m in idx.names_in(subj_toks)):
            ev.label = "definite"
    combat = kind == "Combat"
    for m in idx.names_in(subj_toks):
        if m.kind in ACTOR_KINDS:
            aimed = m.group.cls in TARGET_CLASSES and not combat   # in combat the subject attacks
            (ev.targets if aimed else ev.participants)[id(m.group)] = 0.8
        elif m.kind == PLACE:
            ev.places[id(m.group)] = 0.6
    arrested = {id(m) for m in idx.names_in(obj_toks)} if kind in ("Arrest", "Combat") else set()
    against = {id(m) for c in tok.children if c.dep_ == "prep" and c.lower_ in ("against", "on", "at")
               for m in idx.names_in(c.subtree)} if combat else set()
    for m in idx.names_in(obj_toks + pp_toks):
        if combat and m.kind in ACTOR_KINDS and (id(m) in arrested or id(m) in against):
            ev.targets[id(m.group)] = 0.7      # "the army attacked the group", "an attack on a patrol"
        elif m.kind in ACTOR_KINDS and m.group.cls in TARGET_CLASSES:
            ev.targets[id(m.group)] = 0.7
        elif m.kind == PERSON and id(m) in arrested:
            ev.targets[id(m.group)] = 0.7      # "Police arrested <name>", "<name> was detained"
        elif m.kind in ACTOR_KINDS and m.kind != PERSON and tok.pos_ not in ("VERB", "AUX"):
            ev.participants.setdefault(id(m.group), 0.6)
        elif m.kind == PLACE:
            ev.places[id(m.group)] = 0.8
    if ev.lemma in W["general_operation"] and against_groups(tok, idx):
        ev.kind = "Combat"                  # "an operation against the group's leaders"
        for m in against_groups(tok, idx):
            ev.targets[id(m.group)] = 0.7
    ev.spans.append(_clause_span(doc, clause))
    sent = doc[tok.i].sent
    ev.sentences.append((sent.start_char, sent.end_char))
    ev.factuality = _factuality(clause)
    ev.date_at = (doc, clause)
    return ev


OPERATION_WORDS = {"operation": "Operation", "oplan": "Oplan", "operativo": "Operativo", "operación": "Operación"}


def operation_name(doc, tok, idx: Index | None = None):
    """(name, token to read the operation at) when `tok` names an operation: 'Operation Sea
    Shield', 'Oplan Double Barrel', 'the so-called SEA SHIELD operation'; else None. A doer
    or a kind before the word is no name: 'a DEA operation', 'a UN peacekeeping operation'."""
    n = len(doc)
    if tok.text[:1].isupper() and tok.i + 1 < n and doc[tok.i + 1].text[:1].isupper() \
            and not doc[tok.i + 1].is_sent_start:
        j = tok.i + 1
        while j < n and j - tok.i <= 4 and (doc[j].text[:1].isupper() or doc[j].like_num) and not doc[j].is_punct:
            j += 1
        head = doc[tok.i + 1:j].root
        return f"{OPERATION_WORDS.get(tok.lower_, tok.text)} {doc[tok.i + 1:j].text}", head
    names = [c for c in tok.children if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.text.isupper())
             and c.i < tok.i and c.text[:1].isupper()]
    if names:
        b = min(t.i for c in names for t in c.subtree)
        words = doc[b:tok.i]
        if any(not t.text[:1].isupper() for t in words) or (idx is not None and any(t.i in idx.by_tok for t in words)):
            return None
        return f"Operation {words.text}", tok
    return None


def against_groups(tok, idx: Index) -> list[NameMention]:
    """Armed or criminal groups an operation word is aimed at ('operations against X')."""
    return [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "against"
            for m in idx.names_in(c.subtree) if m.kind in ACTOR_KINDS and m.group.cls in TARGET_CLASSES]


def _clause_span(doc, tok) -> tuple[int, int]:
    sent = tok.sent
    left = max(tok.left_edge.i, sent.start)
    right = min(tok.right_edge.i, sent.end - 1)
    b, e = doc[left].idx, doc[right].idx + len(doc[right])
    text = doc_text(doc)
    nl = text.rfind("\n", b, tok.idx)
    if nl >= 0:
        b = nl + 1                  # a mention never crosses a line break
    nl = text.find("\n", tok.idx, e)
    if nl >= 0:
        e = nl
    while b < e and text[b].isspace():
        b += 1
    while e > b and text[e - 1].isspace():
        e -= 1
    if e - b > MAX_SPAN:
        mid = tok.idx
        b, e = max(b, mid - MAX_SPAN // 2), min(e, mid + MAX_SPAN // 2)
    return b, e


def _factuality(tok) -> str:
    words = {c.lower_ for c in tok.children} | {tok.head.lower_} | {tok.lower_}
    if any(c.dep_ == "neg" for c in tok.children):
        return "denied"
    if words & W["alleged"]:
        return "alleged"
    if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ in W["planned"] for c in tok.head.children):
        return "planned"                # "... will be provided after they are deployed"
    if words & W["planned"] or tok.head.lemma_ in W["planned_head"] \
            or tok.tag_ == "VB" and any(c.lower_ == "to" for c in tok.children):
        return "planned"
    return "asserted"


def _date_text(doc, tok) -> str | None:
    from .dates import date_phrase     # the date reader: kg/nlp/dates.py
    return date_phrase(doc, tok)


def _merge_in_sentence(doc, found: dict[int, Event]) -> list[Event]:
    """A verb and the noun it governs ('signed an agreement') are one operation."""
    out: dict[int, Event] = dict(found)
    for i, ev in sorted(found.items()):
        tok = doc[i]
        purpose = tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "advcl", "acl", "relcl") and \
            any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)
        if purpose:                 # "installing cameras to monitor officers": a purpose, not an operation
            host = next((out[a.i] for a in tok.ancestors if a.i in out), None)
            if host is not None:
                _absorb(host, ev)
            del out[i]
            continue
        twin = next((o for j, o in out.items() if j < i and o.lemma == ev.lemma and o.kind == ev.kind), None)
        if twin is not None:        # "border patrols and joint patrols"
            _absorb(twin, ev)
            del out[i]
            continue
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("compound", "amod") and tok.head.i in out \
                and out[tok.head.i].lemma in W["general_operation"]:
            host = out[tok.head.i]          # "an arrest operation": an arrest
            host.kind, host.weight = ev.kind, max(ev.weight, host.weight)
            _absorb(host, ev)
            del out[i]
            continue
        if tok.pos_ in ("NOUN", "PROPN"):
            head = tok.head if tok.dep_ in ("dobj", "attr", "nsubjpass", "pobj", "conj") else None
            if head is not None and head.dep_ == "prep":
                head = head.head
            if head is not None and head.i in out and head.i != i:
                host = out[head.i]
                if ev.label == "definite" and not host.participants:
                    host.label = "definite"     # "launched the program": the programme told before
                if host.kind == "Combat" and ev.kind != "Combat":
                    # "attacked a patrol of the army": what was attacked is the target
                    for k, v in ev.participants.items():
                        host.targets.setdefault(k, v)
                    ev.participants = {}
                elif ev.weight >= host.weight:
                    host.kind = ev.kind
                    host.weight = ev.weight
                _absorb(host, ev)
                del out[i]
    return list(out.values())




def _same_kind_in_sentence(evs: list[Event]) -> list[Event]:
    out: list[Event] = []
    for ev in evs:
        twin = next((o for o in out if o.kind == ev.kind), None)
        if twin is not None:
            _absorb(twin, ev)
        else:
            out.append(ev)
    return out


def _absorb(host: Event, ev: Event) -> None:
    for a in ("participants", "targets", "places", "funders", "recipients"):
        for k, v in getattr(ev, a).items():
            getattr(host, a).setdefault(k, v)
    for s in ev.spans:
        if s not in host.spans:
            host.spans.append(s)
    for s in ev.sentences:
        if s not in host.sentences:
            host.sentences.append(s)
    host.date_text = host.date() or ev.date()
    host.name = host.name or ev.name


def _joins_earlier(doc, ev: Event, events: list[Event]) -> bool:
    """The same operation told again: a definite reference, or the same trigger and object."""
    for old in reversed(events):
        same_told = old.lemma == ev.lemma and old.kind == ev.kind and (
            old.obj == ev.obj or not (old.obj and ev.obj))
        definite = ev.label == "definite" and (old.kind == ev.kind or old.obj == ev.obj or (
            ev.kind in PLANS and old.kind in PLANS)   # "the strategy" after "an agreement"
            or ev.lemma in W["general_operation"] and not ev.name)   # "the operation": the one just told
        if ev.name and old.name and ev.name == old.name:
            same_told = True                    # "Operation X" named again
        if same_told or definite:
            _absorb(old, ev)
            return True
    return False


# ---------------------------------------------------------------- funding

CURRENCY_WORDS = {"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD",
                  "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP",
                  "pounds": "GBP", "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD", "yen": "JPY",
                  "¥": "JPY", "jpy": "JPY", "quetzales": "GTQ", "gtq": "GTQ", "mxn": "MXN", "cop": "COP",
                  "soles": "PEN", "pen": "PEN", "reais": "BRL", "brl": "BRL", "r$": "BRL", "lempiras": "HNL"}
PESOS_BY_COUNTRY = {"MX": "MXN", "CO": "COP", "AR": "ARS", "CL": "CLP", "DO": "DOP", "PH": "PHP",
                    "UY": "UYU", "CU": "CUP"}
SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
         "b": 1e9, "trillion": 1e12}
MONEY_RE = re.compile(
    r"(?P<cur1>US\$|A\$|C\$|R\$|\$|€|£|¥|USD|EUR|GBP|AUD|CAD|JPY|GTQ|MXN|COP|PEN|BRL)?\s*"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|trillion|bn|mn|m|k|b)?\b\s*"
    r"(?P<cur2>dollars?|euros?|pounds|yen|pesos|quetzales|soles|reais|lempiras|USD|EUR|GBP)?", re.I)


def parse_money(text: str, country: str | None = None) -> tuple[float | None, str | None]:
    """Amount and ISO 4217 currency of a money phrase.

    >>> parse_money("$45 million")
    (45000000.0, 'USD')
    >>> parse_money("EUR 3 million")
    (3000000.0, 'EUR')
    >>> parse_money("1.2 billion pesos", "MX")
    (1200000000.0, 'MXN')
    """
    m = MONEY_RE.search(text)
    if not m:
        return None, None
    try:
        amount = float(m.group("num").replace(",", ""))
    except ValueError:
        return None, None
    if m.group("scale"):
        amount *= SCALE[m.group("scale").lower()]
    cur = (m.group("cur1") or m.group("cur2") or "").lower()
    if cur == "pesos":
        code = PESOS_BY_COUNTRY.get(country or "")
    else:
        code = CURRENCY_WORDS.get(cur)
    if code is None and re.search(r"\bdollars?\b|\$", text):
        code = "USD"
    return amount, code


def find_funding(doc, mentions, lx: Lexicon, skip, operations: list[Event], country,
                 idx: Index | None = None) -> list[Event]:
    W.update(lx.event_words)
    idx = idx or Index(doc, mentions)
    out: list[Event] = []
    toks = tokens(doc)
    for sent in doc.sents:
        if any(b <= sent.start_char < e for b, e in skip):
            continue
        for t in toks[sent.start:sent.end]:
            pos = "VERB" if t.pos_ in ("VERB", "AUX") else "NOUN" if t.pos_ in ("NOUN", "PROPN") else None
            role = lx.funding.get((t.lemma_.lower(), pos)) if pos else None
            if role is None or t.i in idx.by_tok:
                continue
            tok = doc[t.i]
            ev = _read_funding(doc, tok, role, idx, sent, country, lx.products)
            if ev is None:
                continue
            if _joins_earlier_funding(doc, tok, ev, out):
                continue
            out.append(ev)
    out = _merge_headlines(out, headline_end(doc, skip))
    groups_by_id = {id(m.group): m.group for m in mentions if m.group is not None}
    for ev in out:
        _link_funded_operation(ev, operations, groups_by_id)
    return out


def _money_in(doc, tokens):
    """The amount of money among `tokens`: the model's MONEY entity, else a number it left
    untagged or called CARDINAL next to a currency word or code ("EUR 3 million", "5 million
    euros"). Weights are not money: "500 pounds of cocaine"."""
    tokens = list(tokens)
    for t in tokens:
        if t.ent_type_ == "MONEY" and t.ent_iob_ == "B":
            return entity_at(doc, t.i)
    for t in tokens:
        if not t.like_num or t.ent_type_ not in ("", "CARDINAL") or (t.i > 0 and doc[t.i - 1].like_num):
            continue
        s, e = t.i, t.i + 1
        while e < len(doc) and (doc[e].like_num or doc[e].lower_ in SCALE):
            e += 1
        if s > 0 and doc[s - 1].lower_ in CURRENCY_WORDS:
            return doc[s - 1:e]
        if e < len(doc) and (doc[e].lower_ in CURRENCY_WORDS or doc[e].lower_ == "pesos") \
                and not (doc[e].lower_.startswith("pound") and e + 1 < len(doc) and doc[e + 1].lower_ == "of"):
            return doc[s:e + 1]
    return None


def _read_funding(doc, tok, role, idx: Index, sent, country, material: frozenset = frozenset()) -> Event | None:
    """One funding read at a trigger word; `material`: the equipment nouns that make a
    verb of giving in-kind aid ("delivered two patrol boats")."""
    ev = Event(kind="Funding", trigger=tok.i, lemma=tok.lemma_.lower())
    is_verb = tok.pos_ in ("VERB", "AUX")
    scope = list(tok.subtree)
    money = _money_in(doc, scope) or (_money_in(doc, [tok.head] + list(tok.head.children)) if not is_verb else None)
    if is_verb:
        subj = [t for c in tok.children if c.dep_ in ("nsubj",) for t in c.subtree]
        agent = [t for c in tok.children if c.dep_ == "agent" for t in c.subtree]
        to = [t for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for t in c.subtree]
        via = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("through", "from", "via") for t in c.subtree]
        if role == "give":
            funders, recips = subj + agent + via, to + [t for c in tok.children if c.dep_ == "dative" for t in c.subtree]
        else:
            funders, recips = agent + via, subj
        # "the Center, sponsored by the United States": the noun the participle modifies receives
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            recips += [tok.head]
        if tok.dep_ == "relcl":
            recips += [t for c in tok.children if c.dep_ in ("dobj", "dative") for t in c.subtree]
        objs = [c for c in tok.children if c.dep_ in ("dobj",)]
        # material aid: "delivered two patrol boats", "presented security equipment"
        funding_obj = any(o.lower_ in material or o.lemma_.lower() in material for o in objs) or any(
            o.lemma_.lower() in ("aid", "donation", "package", "fund", "funds", "grant", "equipment",
                                              "support", "assistance", "money", "funding", "loan") for o in objs)
        if money is None and not funding_obj and tok.lemma_.lower() not in ("donate", "sponsor", "fund", "finance", "grant"):
            return None
    else:
        funders = [t for c in tok.children if c.dep_ in ("poss", "compound", "amod") for t in c.subtree]
        funders += [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "through") for t in c.subtree]
        recips = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "with") for t in c.subtree]
        for c in tok.children:
            if c.dep_ == "relcl":
                funders += [t for x in c.children if x.dep_ in ("nsubj", "agent") for t in x.subtree]
                recips += [t for x in c.children if x.dep_ in ("dobj", "dative") for t in x.subtree]
        if tok.dep_ in ("dobj",) and tok.head.pos_ == "VERB":
            v = tok.head
            funders += [t for c in v.children if c.dep_ in ("nsubj",) for t in c.subtree]
            funders += [t for c in v.children if c.dep_ == "prep" and c.lower_ in ("through", "from") for t in c.subtree]
            recips += [t for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for t in c.subtree]
        definite = tok.i > 0 and doc[tok.i - 1].lower_ in DEFINITE
        if money is None and not definite and tok.lemma_.lower() not in ("donation", "aid", "grant", "contract", "package", "funding", "loan"):
            return None
        if tok.lemma_.lower() in ("contract",):
            recips = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree]
        if definite and money is None:
            ev.label = "definite"
    for m in idx.names_in(funders):
        if m.kind in ACTOR_KINDS:
            ev.funders[id(m.group)] = 0.8
    for m in idx.names_in(recips):
        if m.kind in ACTOR_KINDS and id(m.group) not in ev.funders:
            ev.recipients[id(m.group)] = 0.75
    if money is not None:           # the model leaves out "EUR", "US", "euros" around the number
        wide = doc[max(money.start - 2, sent.start):min(money.end + 1, sent.end)].text
        amount, currency = parse_money(money.text, country)
        w_amount, w_currency = parse_money(wide, country)
        ev.amount = amount
        ev.currency = currency or (w_currency if w_amount == amount else None)
    if not (ev.funders or ev.recipients or ev.amount or ev.label == "definite"):
        return None
    ev.in_kind = money is None
    clause = tok if is_verb else (tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else tok)
    ev.spans.append(_clause_span(doc, clause))
    ev.sentences.append((sent.start_char, sent.end_char))
    ev.factuality = _factuality(clause)
    ev.date_at = (doc, clause)
    return ev


def _joins_earlier_funding(doc, tok, ev: Event, out: list[Event]) -> bool:
    for old in reversed(out):
        same_sentence = old.sentences and old.sentences[-1] == ev.sentences[0]
        if same_sentence or ev.label == "definite" or (ev.amount and ev.amount == old.amount):
            if ev.amount and old.amount and ev.amount != old.amount:
                continue
            _absorb(old, ev)
            old.amount = old.amount or ev.amount
            old.currency = old.currency or ev.currency
            old.in_kind = old.in_kind and ev.in_kind
            return True
    return ev.label == "definite" and not (ev.funders or ev.recipients)


def _link_funded_operation(ev: Event, operations: list[Event], groups_by_id: dict | None = None) -> None:
    """What the money pays for: an operation told in the same sentence as the funding.
    A contract whose payer is not named is paid by the government carrying out what it funds."""
    for op in operations:
        if set(op.sentences) & set(ev.sentences):
            ev.funds.append(op)
            if not ev.funders and groups_by_id:
                for gid, conf in op.participants.items():
                    if groups_by_id.get(gid) is not None and groups_by_id[gid].cls == "Government":
                        ev.funders[gid] = 0.5
