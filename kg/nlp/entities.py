"""Names -> document entities: typing, countries as actors or places, acronyms,
short forms, country-scoped institutions. The result is one NameGroup per thing
the document speaks of, each with its mentions and identity keys.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .lexicon import Lexicon, fold
from .mentions import ORG, PERSON, PLACE, Cand
from .tokens import tokens

STATIVE = {"be", "have", "suffer", "face", "remain", "see", "experience", "lie", "border", "share"}
GOV_WORDS = {"government", "governments", "administration", "authorities"}
REPORT_NOUNS = {"study", "report", "survey", "analysis", "newspaper", "daily", "outlet", "magazine",
                "website", "agency", "broadcaster", "reported", "paper"}
REPORT_VERBS = {"report", "say", "note", "state", "write", "publish", "tweet", "post", "add"}
MINISTRY_RE = re.compile(r"^(?:(?P<pre>[A-Z][\w ]*?) (?:Ministry|Department)|(?:Ministry|Department) of (?:the )?(?P<post>[\w ,&]+))$")
THE_TOPICS = {"interior", "treasury"}


@dataclass
class NameMention:
    start: int          # char offsets
    end: int
    text: str
    kind: str           # PERSON | ORG | PLACE | GOV
    cls: str
    sent_start: int
    sent_end: int
    tok: int            # token index of the head of the span
    tok_end: int
    gaz: tuple[str, ...] = ()
    country: str | None = None
    place_type: str | None = None
    title: str | None = None        # "president", "minister", ... when a title precedes a person
    title_text: str | None = None   # the words of the title ("Interior Minister", "Mixco Mayor")
    host: str | None = None         # an embassy's host country ("U.S. Embassy in Lima": PE)
    group: "NameGroup | None" = None
    reason: str = "exact name"


@dataclass
class NameGroup:
    kind: str
    cls: str
    mentions: list[NameMention] = field(default_factory=list)
    keys: set[tuple] = field(default_factory=set)
    country: str | None = None
    gaz: str | None = None
    label: str = ""
    acronyms: set[str] = field(default_factory=set)
    place_type: str | None = None
    host: str | None = None         # an embassy's host country: part of its identity

    @property
    def is_actor(self) -> bool:
        return self.kind in (PERSON, ORG, "GOV")


def doc_countries(doc, cands: list[Cand], lx: Lexicon, skip) -> Counter:
    """How often each country is named or implied (demonyms) in the article text."""
    c: Counter = Counter()
    toks = tokens(doc)
    for tok in toks:
        if not tok.text[:1].isupper() or any(b <= tok.idx < e for b, e in skip):
            continue
        code = lx.demonyms.get(fold(tok.text))
        if code:
            c[code] += 1
    first_place = True
    for cand in cands:
        if any(b <= toks[cand.start].idx < e for b, e in skip):
            continue
        if cand.kind == PLACE:
            places = [lx.places[k] for k in cand.gaz if k in lx.places]
            codes = [p.country for p in places if p.country]
            if not codes:
                continue
            # a country named counts twice an adjective; a town or region counts for its country;
            # the first place of a body line followed by a dash is the dateline ("LIMA, Peru –")
            weight = 2 if places[0].type == "Country" else 1
            if first_place and _dateline(toks, cand):
                weight += 3
                first_place = False
            c[codes[0]] += weight
        elif cand.kind == ORG:
            text = doc[cand.start:cand.end].text
            m = re.search(r"\bof (?:the )?([A-Z][\w .]+)$", text)
            code = lx.country_names.get(fold(m.group(1))) if m else None
            code = code or lx.country_names.get(fold(text.split()[0])) if text.split() else code
            if code:
                c[code] += 1        # "the National Police of Peru", "Kenya police"
    return c


def _dateline(toks, cand) -> bool:
    """The place opens a line and a dash follows it (after an optional ', Country')."""
    i = cand.start
    if i > 0 and "\n" not in toks[i - 1].text and "\n" not in toks[i - 1].whitespace_:
        return False
    j = cand.end
    if j + 1 < len(toks) and toks[j].text == ",":
        j += 2
    return j < len(toks) and toks[j].text in ("-", "–", "—", "(")


def name_mentions(doc, cands: list[Cand], lx: Lexicon) -> list[NameMention]:
    out = []
    for c in cands:
        span = doc[c.start:c.end]
        text = span.text
        if c.kind in (PERSON, ORG) and (text in lx.not_actors or fold(text) in lx.not_actors_folded):
            continue
        m = NameMention(span.start_char, span.end_char, text, c.kind, c.cls, span.sent.start_char,
                        span.sent.end_char, span.root.i, c.end, c.gaz, place_type=c.place_type)
        if c.kind == PERSON:
            _person_title(doc, c, m)
            if len(text.split()) == 1 and text.isupper():
                continue
        if c.kind in (ORG, PLACE) and not c.gaz and lx.demonyms.get(fold(text)):
            continue                # "Guatemalan" read as a name
        if c.kind == ORG:
            m.country = _org_country(doc, c, lx)
            m.host = _host_country(doc, c, lx)
            if m.cls == "Government" and m.country:
                m.kind = "GOV"      # "the Guatemalan Government"
        out.append(m)
    return _person_fragments(out)


def _person_fragments(ms: list[NameMention]) -> list[NameMention]:
    """One-word names: a word of a person's name is that person ("Lopez" tagged ORG);
    a one-word 'person' never given a full name but named twice is an organisation
    ("a contract with Geoinformatica")."""
    full = [m for m in ms if m.kind == PERSON and len(m.text.split()) >= 2]
    words = {w for m in full for w in fold(m.text).split()}
    singles = {}
    for m in ms:
        if m.kind == PERSON and len(m.text.split()) == 1 and fold(m.text) not in words:
            singles[m.text] = singles.get(m.text, 0) + 1
    out = []
    for m in ms:
        one = len(m.text.split()) == 1
        if one and m.kind in (ORG, PLACE) and not m.gaz and fold(m.text) in words and not m.text.isupper():
            m.kind, m.cls = PERSON, "Person"
        elif one and m.kind == PERSON and singles.get(m.text, 0) >= 2:
            m.kind, m.cls = ORG, "Organization"
        out.append(m)
    return out


def _person_title(doc, c: Cand, m: NameMention) -> None:
    """'Interior Minister Mauricio Lopez', 'U.S. Ambassador to Guatemala William W. Popp',
    'María Porras, Guatemalan attorney general'."""
    toks = tokens(doc)
    i = c.start - 1
    words = []
    while i >= 0 and i >= c.start - 7 and "\n" not in toks[i].text and toks[i].text not in (",", ";", ".", "“", "\""):
        words.insert(0, toks[i])
        i -= 1
    title = _find_title(" ".join(t.lower_ for t in words))
    if title is None and c.start >= 2 and toks[c.start - 1].text == ",":
        # "The Mayor of Medellín, Daniel Quintero, praised ..."
        before = []
        for t in reversed(toks[max(0, c.start - 8):c.start - 1]):
            if t.text in (",", ".", ";", "\n") or "\n" in t.text or t.pos_ == "VERB":
                break
            before.insert(0, t)
        title = _find_title(" ".join(t.lower_ for t in before))
        words = before if title else words
    if title is None and c.end + 1 < len(toks) and toks[c.end].text == ",":
        after = []
        for t in toks[c.end + 1:c.end + 8]:
            if t.text in (",", ".", ";", "\n") or t.pos_ == "VERB" or "\n" in t.text:
                break
            after.append(t)
        title = _find_title(" ".join(t.lower_ for t in after))
        words = after if title else words
    if title:
        m.title = title
        m.title_text = " ".join(t.text for t in words)


_TITLES = [(t, re.compile(rf"\b{t}\b")) for t in sorted(
    ("president", "prime minister", "deputy minister", "vice minister", "minister",
     "ambassador", "mayor", "governor", "attorney general", "director", "chief",
     "commander", "secretary", "spokesperson", "spokesman", "spokeswoman", "general",
     "colonel", "head", "leader", "commissioner", "agent", "officer", "official"), key=len, reverse=True)]


def _find_title(s: str) -> str | None:
    """The longest title word named in `s`."""
    if not s:
        return None
    for t, pattern in _TITLES:
        if t in s and pattern.search(s):
            return t
    return None


def _host_country(doc, c: Cand, lx: Lexicon) -> str | None:
    """The country an embassy sits in: 'the U.S. Embassy in Lima' (PE), '... in Kenya' (KE)."""
    toks = tokens(doc)
    words = doc[c.start:c.end].text
    m = re.search(r"\bin ([A-Z][\w .]+)$", words)
    name = m.group(1) if m else None
    if name is None and c.end + 1 < len(toks) and toks[c.end].lower_ in ("in", "to") and toks[c.end + 1].cap:
        j = c.end + 1
        while j < len(toks) and toks[j].cap:
            j += 1
        name = doc[c.end + 1:j].text
    if not name:
        return None
    code = lx.country_of(name)
    if code:
        return code
    for k in lx.place_names.get(fold(name), []):
        p = lx.places.get(k)
        if p and p.country:
            return p.country
    return None


def _org_country(doc, c: Cand, lx: Lexicon) -> str | None:
    """The country an organisation's own words name: 'Guatemalan Army', "Peru's Interior
    Ministry", 'U.S. Embassy in Guatemala' (the embassy is the U.S.'s)."""
    toks = tokens(doc)
    for t in toks[c.start:c.end]:
        code = lx.demonyms.get(fold(t.text)) if t.text[:1].isupper() else None
        if code:
            return code
    for k in range(c.end - 1, c.start, -1):     # "United States Government", "Kenya Police"
        code = lx.country_names.get(fold(doc[c.start:k].text))
        if code:
            return code
    for i in range(c.start + 1, c.end):    # "Peru's Public Ministry" read as one name
        if toks[i].text in ("'s", "’s") and lx.country_of(toks[i - 1].text):
            return lx.country_of(toks[i - 1].text)
    # "Guatemala's Interior Ministry": the possessor precedes the span
    if c.start >= 2 and toks[c.start - 1].text in ("'s", "’s"):
        code = lx.country_of(toks[c.start - 2].text)
        if code:
            return code
    text = doc[c.start:c.end].text
    m = re.search(r"\bof (?:the )?([A-Z][\w .]+)$", text)
    if m:
        code = lx.country_names.get(fold(m.group(1)))
        if code:
            return code
    for k in c.gaz:
        org = lx.orgs.get(k)
        if org and org.country:
            return org.country
    return None


def country_role(doc, m: NameMention) -> str:
    """'actor' when a country acts (subject, agent, party to an agreement), else 'place'."""
    tok = doc[m.tok]
    if m.tok_end < len(doc) and doc[m.tok_end].text in ("–", "—", "-") and m.tok > 0 \
            and doc[m.tok - 1].text == ",":
        return "place"              # a dateline: "MANILA, Philippines – Police said ..."
    head = tok
    # climb conjunctions: "Guatemala and the US agree"
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    dep = head.dep_
    if dep in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX") and head.head.lemma_ not in STATIVE:
        return "actor"
    if dep == "pobj" and head.head.lower_ in ("by",) and head.head.head.pos_ == "VERB":
        return "actor"
    if dep == "pobj" and head.head.lower_ in ("with", "between") and _near_agreement(head.head.head):
        return "actor"
    if dep == "compound" and head.head.lower_ in GOV_WORDS:
        return "actor"
    if dep == "nsubj" and head.head.lemma_ in STATIVE:
        return "place"              # "Guatemala has a history of ...", "Mexico is ..."
    if dep in ("compound", "amod") and head.head.pos_ in ("NOUN", "PROPN") and head.head.ent_type_ not in ("GPE", "LOC"):
        return "modifier"           # "U.S. Ambassador", "U.S. aid": names the country, not a place
    return "place"


def _near_agreement(tok) -> bool:
    return tok.lemma_.lower() in {"agreement", "pact", "accord", "memorandum", "treaty", "deal", "sign",
                                  "agree", "cooperate", "cooperation", "partnership", "collaborate"}


def government_mentions(doc, lx: Lexicon, skip) -> list[NameMention]:
    """'the Guatemalan government', 'Chiapas government', 'the United States and Guatemalan governments'."""
    out = []
    for t in tokens(doc):
        if t.lower_ not in ("government", "governments") or any(b <= t.idx < e for b, e in skip):
            continue
        tok = doc[t.i]
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i]
        for mod in mods:
            group = [mod] + [c for c in mod.conjuncts if c.i < tok.i]
            for t in group:
                code = lx.country_of(t.text)
                region = None
                if not code:        # "the Chiapas government": a state or province government
                    region = next((k for k in lx.place_names.get(fold(t.text), []) if k.startswith("region:")), None)
                    code = lx.places[region].country if region else None
                if code:
                    s = t.i
                    # span: the modifier (and, for the nearest, the head word)
                    end = tok.i + 1 if t.i == tok.i - 1 else t.i + 1
                    span = doc[s:end]
                    out.append(NameMention(span.start_char, span.end_char, span.text, "GOV", "Government",
                                           span.sent.start_char, span.sent.end_char, t.i, end,
                                           gaz=(region,) if region else (), country=code))
    return out


def is_cited_source(doc, m: NameMention, lx: Lexicon) -> bool:
    """An outlet or think tank cited for what it said, not acting in the story."""
    if m.kind not in (ORG,):
        return False
    tok = doc[m.tok]
    if tok.dep_ in ("nsubj",) and tok.head.lemma_ in REPORT_VERBS:
        prev = doc[max(0, m.tok - 6):m.tok]
        if any(t.lower_ in REPORT_NOUNS for t in prev) or tok.head.lemma_ == "report":
            return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lemma_ in ("note", "report", "say"):
        return True
    if tok.dep_ in ("compound", "nmod", "poss") and tok.head.lower_ in REPORT_NOUNS:
        return True
    if m.cls == "MediaOutlet":
        return True
    return False


def ministry_core(text: str) -> str | None:
    """Canonical form of a ministry's name, or None.

    >>> ministry_core("Interior Ministry"), ministry_core("Ministry of the Interior")
    ('Ministry of the Interior', 'Ministry of the Interior')
    >>> ministry_core("Ministry of Defense")
    'Ministry of Defense'
    """
    words = [w for w in text.split() if w.lower() not in ("the",)]
    while words and (words[0].endswith("'s") or words[0].endswith("’s") or words[0] in ("U.S.", "US")):
        words = words[1:]
    t = " ".join(words)
    m = MINISTRY_RE.match(t)
    if not m or "Ministry" not in t:
        return None
    topic = (m.group("pre") or m.group("post") or "").strip()
    topic_words = topic.split()
    while topic_words and topic_words[0][:1].isupper() and topic_words[0].endswith(("an", "ian", "ese", "ish")) \
            and topic_words[0].lower() not in ("interior",):
        topic_words = topic_words[1:]   # "Guatemalan Ministry ..." handled by caller; demonym in pre
    topic = " ".join(topic_words)
    if not topic or topic.lower() in ("public",):
        return None             # "Public Ministry" (Ministerio Público) is the prosecution's name
    return f"Ministry of the {topic}" if topic.lower() in THE_TOPICS else f"Ministry of {topic}"


def core_name(m: NameMention, lx: Lexicon) -> str:
    """An organisation's name without its country words: the key within a country."""
    mc = ministry_core(_strip_country(m.text, lx))
    if mc:
        return fold(mc)
    return fold(_strip_country(m.text, lx))


def core_label(text: str, lx: Lexicon) -> str:
    """An organisation's name without the words that name its country: the name it has
    within its country ("Peru's Public Ministry", "Public Ministry of Peru": "Public Ministry").

    >>> from kg.nlp.lexicon import load_lexicon
    >>> core_label("Public Ministry of Peru", load_lexicon())
    'Public Ministry'
    """
    key = (id(lx), text)
    if key not in _CORE_LABELS:
        if len(_CORE_LABELS) > 100_000:
            _CORE_LABELS.clear()
        _CORE_LABELS[key] = _strip_country(text, lx)
    return _CORE_LABELS[key]


_CORE_LABELS: dict[tuple[int, str], str] = {}


def _strip_country(text: str, lx: Lexicon) -> str:
    words = text.split()
    out = []
    for i, w in enumerate(words):
        bare = w[:-2] if w.endswith(("'s", "’s")) else w
        if lx.country_of(bare) and (i == 0 or w.endswith(("'s", "’s"))):
            continue
        out.append(w)
    t = " ".join(out)
    t = re.sub(r"\s+(of|in|to)\s+(the\s+)?[A-Z][\w.]+(\s+[A-Z][\w.]+)*$",
               lambda mo: "" if lx.country_of(mo.group(0).split(None, 1)[1].replace("the ", "")) else mo.group(0), t)
    return t or text
