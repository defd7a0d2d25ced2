"""Find the names in a Doc: spaCy's entities, repaired, plus gazetteer and pattern matches.

spaCy's small English model cuts and mislabels names in this domain ("the
Guatemalan Office" for the Office of the Attorney General, "Porras Argueta" for
a four-part name, headlines read as organisations). Candidates come from three
sources — the model, the gazetteers in ontology/, and a scanner for capitalised
names built around organisation head words — and overlaps go to the longest,
then to the gazetteer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .lexicon import Lexicon, fold
from .tokens import ORDINAL, title_case_sentence, tokens

PERSON, ORG, PLACE = "PERSON", "ORG", "PLACE"
NER_LABELS = {"PERSON": PERSON, "ORG": ORG, "GPE": PLACE, "LOC": PLACE}
CONNECTORS = {"of", "the", "for", "and", "de", "del", "la", "las", "los", "y", "el", "on", "against"}
ADMIN_WORDS = {"department": "AdministrativeArea", "state": "AdministrativeArea",
               "province": "AdministrativeArea", "region": "Region", "municipality": "Municipality",
               "city": "Municipality", "town": "Municipality", "county": "AdministrativeArea",
               "governorate": "AdministrativeArea", "oblast": "AdministrativeArea",
               "departments": "AdministrativeArea", "states": "AdministrativeArea",
               "provinces": "AdministrativeArea", "municipalities": "Municipality"}
PLACE_SUFFIX = {"river": "River", "rivers": "River", "border area": "BorderArea", "border": "BorderArea",
                "crossing": "BorderArea", "valley": "Region"}
ACRONYM = re.compile(r"^[A-Z][A-Za-z]{0,2}[A-Z]{1,6}$")
TITLE_WORDS = {"president", "minister", "ambassador", "mayor", "governor", "general", "colonel",
               "director", "chief", "commander", "secretary", "attorney", "deputy", "vice", "former",
               "prosecutor", "judge", "senator", "congressman", "spokesman", "spokeswoman", "captain",
               "lieutenant", "sergeant", "admiral", "major", "mr", "mrs", "ms", "dr", "interior",
               "defense", "defence", "security", "foreign", "justice", "u.s.", "us", "commissioner",
               "administrator", "superintendent", "inspector", "gen", "gen.", "brig", "brig.", "maj", "maj.",
               "lt", "lt.", "col", "col.", "capt", "capt.", "cmdr", "cmdr.", "cdr", "adm", "adm.", "sgt", "sgt.",
               "supt", "supt.", "insp", "insp.", "brigadier", "brig-gen", "maj-gen", "lt-gen", "lt-col",
               "chargé", "charge", "d'affaires", "d’affaires", "affaires", "spokesperson", "comptroller", "coordinator",
               "rear", "vice-admiral", "rear-admiral", "chairman", "chairperson", "envoy", "undersecretary",
               "under-secretary", "attaché", "counsellor", "councillor", "constable", "corporal", "private"}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
                 "thirtieth", "fortieth", "fiftieth"}
MODEL_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")


@dataclass(frozen=True)
class Cand:
    """A name found in the text, as token indices [start, end)."""

    start: int
    end: int
    kind: str               # PERSON | ORG | PLACE
    cls: str                # ontology class
    source: str             # ner | gazetteer | pattern
    gaz: tuple[str, ...] = ()   # gazetteer keys it may denote
    place_type: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


def find_names(doc, lx: Lexicon, skip_chars: list[tuple[int, int]] = ()) -> list[Cand]:
    """Return non-overlapping name candidates in document order."""
    cands: list[Cand] = []
    cands += _ner(doc, lx)
    cands += _gazetteer(doc, lx)
    cands += _org_scanner(doc, lx)
    cands += _ordinal_units(doc, lx)
    cands += _titled_persons(doc, lx)
    cands += _offices(doc, lx)
    cands += _national_forces(doc, lx)
    cands += _datelines(doc, lx)
    cands = _split_on_gazetteer(cands, doc)
    cands = _cut_titled_persons(cands)
    cands = [c for c in (_trim(doc, c, lx) for c in cands) if c is not None]
    cands = [_designations(doc, c) for c in cands]
    cands = [c for c in (_equipment(doc, c, lx) for c in cands) if c is not None]
    cands = [_river_lists(doc, c) for c in cands]
    cands = [_place_context(doc, c, lx) for c in cands]
    chosen = _resolve_overlaps(cands)
    chosen = [c for c in chosen if not _in_skip(doc, c, skip_chars)]
    return sorted(chosen, key=lambda c: c.start)


def _in_skip(doc, c: Cand, skip) -> bool:
    b = tokens(doc)[c.start].idx
    return any(sb <= b < se for sb, se in skip)


def _ner(doc, lx: Lexicon) -> list[Cand]:
    out = []
    for ent in doc.ents:
        kind = NER_LABELS.get(ent.label_)
        if kind is None:
            continue
        if kind == PERSON:
            s, e = _extend_person(doc, ent.start, ent.end)
            out.append(Cand(s, e, PERSON, "Person", "ner"))
        elif kind == ORG:
            s, e = _extend_org(doc, ent.start, ent.end, lx)
            out.append(Cand(s, e, ORG, org_class(doc[s:e].text, lx), "ner"))
        else:
            out.append(Cand(ent.start, ent.end, PLACE, "Location", "ner"))
    return out


_MATCHER_CACHE: dict = {}


def phrase_matcher(vocab, lx: Lexicon):
    """The matcher of every gazetteer name, for documents of `vocab` (made once: about a
    second for ~20,000 names, so a build makes it before its first document)."""
    key = (id(vocab), id(lx))
    if key in _MATCHER_CACHE:
        return _MATCHER_CACHE[key]
    from spacy.matcher import PhraseMatcher

    m = PhraseMatcher(vocab, attr="ORTH")
    make = _tokenizer_for(vocab)
    org_patterns = [make(name) for name in lx.org_names]
    m.add("ORG", org_patterns)
    place_names = set()
    for p in lx.places.values():
        for n in (p.name, *p.aliases):
            if n and n[0].isupper():
                place_names.add(n)
    m.add("PLACE", [make(n) for n in sorted(place_names)])
    _MATCHER_CACHE[key] = m
    return m


_PLAIN_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def _tokenizer_for(vocab):
    """Tokenize gazetteer names as the pipeline would. Names of plain words (letters and
    single spaces, none a tokenizer special case such as "cannot") are cut on the spaces
    directly, which gives the same tokens without running the tokenizer on every one of
    the ~20,000 names."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    tok = English(vocab=vocab).tokenizer
    special = {k for k in tok.rules if " " not in k}

    def make(text: str):
        if _PLAIN_WORDS.fullmatch(text):
            words = text.split(" ")
            if not any(w in special for w in words):
                return Doc(vocab, words=words)
        return tok(text)
    return make


def _gazetteer(doc, lx: Lexicon) -> list[Cand]:
    out = []
    m = phrase_matcher(doc.vocab, lx)
    for match_id, s, e in m(doc):
        label = doc.vocab.strings[match_id]
        text = doc[s:e].text
        if label == "ORG":
            keys = tuple(lx.org_names.get(text, ()))
            if not keys:
                continue
            cls = lx.orgs[keys[0]].cls
            out.append(Cand(s, e, ORG, cls, "gazetteer", keys))
        else:
            keys = tuple(lx.place_names.get(fold(text), ()))
            if not keys:
                continue
            # a place name inside a longer capitalised name is not a place ("San Marcos Police")
            out.append(Cand(s, e, PLACE, "Location", "gazetteer", keys,
                            lx.places[keys[0]].type))
    return out


def org_head(words: list[str], lx: Lexicon) -> str | None:
    """The ontology class the head word of a name implies, or None.

    >>> from kg.nlp.lexicon import load_lexicon
    >>> org_head("Guatemalan Army".split(), load_lexicon())
    'MilitaryUnit'
    """
    # Longest head first; among heads of one length, the first listed. "last": the name ends
    # with it; "first": starts with it and goes on; "any": anywhere in the name.
    for n, heads in lx.head_index:
        if len(words) < n:
            continue
        first, last = " ".join(words[:n]), " ".join(words[-n:])
        best = None
        for k in range(len(words) - n + 1):
            gram = last if k == len(words) - n else first if k == 0 else " ".join(words[k:k + n])
            for rank, cls, pos in heads.get(gram, ()):
                if (pos == "last" and gram == last and k == len(words) - n) \
                        or (pos == "first" and k == 0 and len(words) > n) or pos == "any":
                    if best is None or rank < best[0]:
                        best = (rank, cls)
        if best:
            return best[1]
    return None


def org_class(text: str, lx: Lexicon) -> str:
    keys = lx.org_names.get(text)
    if keys:
        return lx.orgs[keys[0]].cls
    words = [w for w in re.split(r"\s+", text.strip()) if w.lower() not in ("the",)]
    cls = org_head(words, lx)
    if cls is None and "of" in words[1:]:      # "Border Police of X", "Armed Forces of Y"
        cls = org_head(words[:words.index("of", 1)], lx)
    return cls or "Organization"


def _extend_org(doc, s: int, e: int, lx: Lexicon) -> tuple[int, int]:
    """Grow an organisation span over 'of/for (the) Capitalised ...' and demonyms on its left."""
    t, n = tokens(doc), len(doc)
    while s < e and t[s].lower_ in ("the", "a", "an"):
        s += 1
    # right: "Office" + "of the Attorney General"
    i = e
    while i < n and t[i].lower_ in ("of", "for") and i + 1 < n:
        j = i + 1
        while j < n and t[j].lower_ in ("the",):
            j += 1
        k = j
        while k < n and (t[k].cap or (t[k].lower_ in ("and",) and k + 1 < n
                                      and t[k + 1].cap and _acronym_follows(t, k))):
            k += 1
        if k == j:
            break
        i = e = k
    while e < n and t[e].cap and t[e].pos_ == "PROPN" and t[e].ent_type_ in ("", "ORG") \
            and not t[e].is_sent_start:
        e += 1
    while s >= 2 and t[s - 1].text == "-" and not t[s - 2].whitespace_ and t[s - 2].cap:
        s -= 2                      # "Anti-Narcotics Unit" <- "Maritime Anti-"
    # left: capitalised words that are not titles or sentence-initial common words
    while s > 0 and t[s - 1].cap and t[s - 1].pos_ in ("PROPN", "ADJ") \
            and t[s - 1].lower_ not in TITLE_WORDS and not t[s - 1].is_sent_start \
            and t[s - 1].text not in ("'s", "’s"):
        s -= 1
    return s, e


NUMBER_SIGNS = {"no", "no.", "nº", "n°", "number", "num", "num."}
OFFICE_WORDS = {"office", "ministry", "secretariat", "department", "directorate", "headquarters", "command"}


def _designations(doc, c: Cand) -> Cand:
    """Numbers and lower-cased words that belong to an organisation's name: 'Brigade No. 3',
    'Court of Instruction No. 5 of the National Court', 'Region 9', 'the office of the
    Prosecutor General', 'the anti-Drug Directorate'."""
    if c.kind != ORG:
        return c
    t, n = tokens(doc), len(doc)
    s, e = c.start, c.end
    if t[e - 1].lower_ == "no" and e + 1 < n and t[e].text == "." and t[e + 1].like_num:
        e += 2                                   # "No" "." "14" read as three tokens
    elif e < n and re.fullmatch(r"(?:No|Nº|N°)\.?\d+", t[e].text):
        e += 1                                   # "No.3"
    elif e + 1 < n and t[e].lower_ in NUMBER_SIGNS and t[e + 1].like_num:
        e += 2                                   # "No. 5"
    elif e < n and t[e].like_num and t[e].text.isdigit() and len(t[e].text) <= 3 and t[e - 1].text in (
            "Region", "Zone", "District", "Division", "Battalion", "Brigade", "Command", "Unit", "Squadron"):
        e += 1                                   # "Region 9"
    if e > c.end:
        i = e
        while i + 1 < n and t[i].lower_ == "of":
            j = i + 1
            while j < n and t[j].lower_ == "the":
                j += 1
            k = j
            while k < n and t[k].cap:
                k += 1
            if k == j:
                break
            i = e = k
    if s >= 3 and t[s - 1].lower_ == "the" and t[s - 2].lower_ == "of" and t[s - 3].lower_ in OFFICE_WORDS:
        s -= 3                                   # "the office of the Prosecutor General"
    elif s >= 2 and t[s - 1].text == "-" and t[s - 2].lower_ in ("anti", "counter") and not t[s - 2].whitespace_:
        s -= 2                                   # "the anti-Drug Directorate"
    return c if (s, e) == (c.start, c.end) else replace(c, start=s, end=e)


def _acronym_follows(t, k: int) -> bool:
    """True when a parenthesised acronym closes the capitalised run that contains token k
    (`t`: the document's token snapshots)."""
    j = k + 1
    while j < len(t) and (t[j].cap or t[j].lower_ in CONNECTORS):
        j += 1
    return j + 2 < len(t) and t[j].text == "(" and ACRONYM.match(t[j + 1].text) is not None


def _extend_person(doc, s: int, e: int) -> tuple[int, int]:
    t, n = tokens(doc), len(doc)
    while s > 0 and t[s - 1].pos_ == "PROPN" and t[s - 1].cap \
            and t[s - 1].lower_ not in TITLE_WORDS and t[s - 1].ent_type_ in ("", "PERSON") \
            and not t[s - 1].is_stop and "\n" not in t[s - 1].text:
        s -= 1
    while e < n and t[e].pos_ == "PROPN" and t[e].cap and t[e].ent_type_ in ("", "PERSON"):
        e += 1
    return s, e


def _org_scanner(doc, lx: Lexicon) -> list[Cand]:
    """Capitalised runs that end (or start) with an organisation head word."""
    out = []
    t = tokens(doc)
    i, n = 0, len(t)
    while i < n:
        if not t[i].cap or t[i].lower_ in TITLE_WORDS and t[i].lower_ not in ("security",):
            i += 1
            continue
        j = i
        while j < n and (t[j].cap or (t[j].lower_ in CONNECTORS and j + 1 < n and t[j + 1].cap)
                         or (t[j].text in ("'s", "’s") and j + 1 < n and t[j + 1].text in ("Office",))
                         or (t[j].text == "-" and j > i and not t[j - 1].whitespace_ and j + 1 < n
                             and t[j + 1].cap)):
            j += 1
        for s, e in _split_and(t, i, j, lx):
            while s < e and t[s].like_num and not ORDINAL.match(t[s].text):
                s += 1              # "Two Military detachments"
            cls = org_head([x.text for x in t[s:e]], lx)
            if cls is None:
                continue
            single_generic = e - s == 1 and (t[s].is_sent_start or t[s].pos_ != "PROPN")
            if single_generic:
                continue
            if t[s].is_stop or t[s].lower_ in ("own", "new"):
                continue
            if e - s >= 3 and t[s].lower_ in ADMIN_WORDS and t[s + 1].lower_ == "of" and \
                    (t[s + 2].ent_type_ in ("GPE", "LOC") or fold(doc[s + 2:e].text) in lx.place_names):
                continue            # "Department of Guatemala" is a place
            if all(x.is_sent_start or x.lower_ in CONNECTORS or x.pos_ not in ("PROPN", "ADJ") for x in t[s:e]) \
                    and t[s].is_sent_start:
                continue
            out.append(Cand(s, e, ORG, cls, "pattern"))
        i = max(j, i + 1)
    return out


def _split_and(t, s: int, e: int, lx: Lexicon) -> list[tuple[int, int]]:
    """Split 'A and B' into two names when both halves are complete organisation names
    (`t`: the document's token snapshots)."""
    for k in range(s + 1, e - 1):
        if t[k].lower_ == "and":
            left = [x.text for x in t[s:k]]
            right = [x.text for x in t[k + 1:e]]
            if org_head(left, lx) and (org_head(right, lx) or " ".join(right) in lx.org_names):
                return [(s, k), *_split_and(t, k + 1, e, lx)]
    # strip leading/trailing connectors
    while s < e and t[s].lower_ in CONNECTORS:
        s += 1
    while e > s and t[e - 1].lower_ in CONNECTORS:
        e -= 1
    return [(s, e)] if e > s else []


FORCE_WORDS = {("army",): "MilitaryUnit", ("navy",): "MilitaryUnit", ("military",): "MilitaryUnit",
               ("air", "force"): "MilitaryUnit", ("armed", "forces"): "MilitaryUnit", ("marines",): "MilitaryUnit",
               ("coast", "guard"): "MilitaryUnit", ("police",): "PoliceForce", ("gendarmerie",): "PoliceForce",
               ("security", "forces"): "SecurityForce", ("defence", "forces"): "MilitaryUnit",
               ("defense", "forces"): "MilitaryUnit"}


FORCE_FIRST = {w[0] for w in FORCE_WORDS}


def _national_forces(doc, lx: Lexicon) -> list[Cand]:
    """A country's force named with a common noun: "Mozambique's army", "Kenya police", "the
    Afghan police", "Rwanda security forces" (the national force, an organisation)."""
    out = []
    t, n = tokens(doc), len(doc)
    for i in range(n - 1):
        if not t[i].cap:
            continue
        j = i + 1
        if j < n and t[j].text in ("'s", "’s"):
            j += 1
        if j >= n or t[j].lower_ not in FORCE_FIRST:
            continue
        code = lx.country_of(t[i].text)
        if code is None:
            continue
        demonym = j == i + 1 and lx.demonyms.get(fold(t[i].text)) and not lx.country_names.get(fold(t[i].text))
        for words, cls in FORCE_WORDS.items():
            if demonym and words == ("security", "forces"):
                continue            # "Peruvian security forces": a description, not a named force
            k = j + len(words)
            if k <= n and tuple(x.lower_ for x in t[j:k]) == words and not t[j].text[0].isupper() \
                    and not (k < n and t[k].cap):
                out.append(Cand(i, k, ORG, cls, "pattern"))
                break
    return out


def _datelines(doc, lx: Lexicon) -> list[Cand]:
    """An all-caps dateline at the start of a line ('NAIROBI, 6 March', 'GUATEMALA CITY -'):
    the place the story is filed from, which the case-sensitive gazetteer match misses."""
    out = []
    t, n = tokens(doc), len(doc)
    for i in range(n):
        if not (i == 0 or "\n" in t[i - 1].text or "\n" in t[i - 1].whitespace_):
            continue
        j = i
        while j < n and j - i < 4 and t[j].text.isupper() and t[j].text.isalpha() and len(t[j].text) > 1:
            j += 1
        if j == i or j >= n or t[j].text not in (",", "-", "–", "—", "("):
            continue
        keys = tuple(k for k in lx.place_names.get(fold(doc[i:j].text), ()) if not k.startswith("country:"))
        if keys:
            out.append(Cand(i, j, PLACE, "Location", "gazetteer", keys, lx.places[keys[0]].type))
    return out


def _offices(doc, lx: Lexicon) -> list[Cand]:
    """'the office of the Attorney General of X', 'the ministry of Public Security': a lower-cased
    office word before 'of (the) Capitalised ...' heads an organisation's name."""
    out = []
    t, n = tokens(doc), len(doc)
    for i in range(n - 2):
        if t[i].lower_ not in OFFICE_WORDS or t[i].text[0].isupper() or t[i + 1].lower_ != "of":
            continue
        j = i + 2
        while j < n and t[j].lower_ == "the":
            j += 1
        k = j
        while k < n and (t[k].cap or (t[k].lower_ in ("of", "the", "for", "and") and k + 1 < n and (
                t[k + 1].cap or t[k + 1].lower_ == "the"))):
            k += 1
        while k > j and not t[k - 1].cap:
            k -= 1
        if k > j and not lx.country_of(doc[j:k].text):
            out.append(Cand(i, k, ORG, org_class(doc[i:k].text, lx) if org_head(
                [x.text for x in t[i:k]], lx) else "GovernmentAgency", "pattern"))
    return out


def _ordinal_units(doc, lx: Lexicon) -> list[Cand]:
    out = []
    t = tokens(doc)
    for i in range(len(t) - 1):
        if t[i + 1].cap and (ORDINAL.match(t[i].text) or t[i].lower_ in ORDINAL_WORDS):
            j = i + 1
            while j < len(t) and t[j].cap and not ORDINAL.match(t[j].text):
                j += 1
            cls = org_head([x.text for x in t[i:j]], lx)
            if cls:
                out.append(Cand(i, j, ORG, cls, "pattern"))
    return out


def _titled_persons(doc, lx: Lexicon) -> list[Cand]:
    """Names the model misses next to a title: "Deputy Minister of Security José Rolando
    Portillo", "Gendri Reyes Mazariegos, Guatemalan minister of the Interior"."""
    out = []
    t = tokens(doc)
    i, n = 0, len(t)
    while i < n:
        if not (t[i].cap and (t[i].pos_ == "PROPN" or t[i].lower_ in TITLE_WORDS)):
            i += 1
            continue
        j = i
        while j < n and ((t[j].cap and t[j].pos_ in ("PROPN", "NOUN", "ADJ")) or t[j].lower_ in TITLE_WORDS
                         or (t[j].lower_ in ("de", "del", "la", "of", "the") and j + 1 < n and t[j + 1].cap)):
            j += 1
        titles = [k for k in range(i, j) if t[k].lower_ in TITLE_WORDS]
        s = i
        if titles:
            s = titles[-1] + 1
            if s < j and t[s].lower_ == "of":       # "Minister of (the) Security"
                s += 1
                if s < j and t[s].lower_ == "the":
                    s += 1
                s += 1
        name = range(s, j)
        ok_shape = 2 <= len(name) <= 5 and all(t[k].pos_ == "PROPN" and t[k].lower_ not in TITLE_WORDS
                                                and not lx.country_of(t[k].text) for k in name)
        after_title = j + 1 < n and t[j].text == "," and any(
            x.lower_ in TITLE_WORDS for x in t[j + 1:min(n, j + 5)])
        if ok_shape and (titles or after_title) and not title_case_sentence(doc, i) \
                and not any(org_head([t[k].text], lx) for k in name):
            out.append(Cand(s, j, PERSON, "Person", "pattern"))
        i = max(j, i + 1)
    return out


def _split_on_gazetteer(cands: list[Cand], doc) -> list[Cand]:
    """'the Department of Homeland Security and Immigration and Customs Enforcement': a known
    organisation at the end of a longer name joined by 'and' is a second name."""
    gaz = [c for c in cands if c.source == "gazetteer" and c.kind == ORG]
    out = []
    for c in cands:
        if c.source != "gazetteer" and c.kind == ORG:
            for g in gaz:
                if c.start < g.start and g.end == c.end and g.start >= 2 and tokens(doc)[g.start - 1].lower_ == "and":
                    c = replace(c, end=g.start - 1)
                    break
        out.append(c)
    return out


def _cut_titled_persons(cands: list[Cand]) -> list[Cand]:
    """'Minister of Security José Rolando Portillo' read as one organisation: the person ends it."""
    persons = [c for c in cands if c.kind == PERSON and c.source == "pattern"]
    out = []
    for c in cands:
        if c.kind == ORG and c.source == "ner":
            for p in persons:
                if p.end == c.end and c.start < p.start:
                    c = replace(c, end=p.start)
                    break
        out.append(c)
    return out


def _river_lists(doc, c: Cand) -> Cand:
    if c.kind == ORG and c.source == "ner" and _list_type(doc, c.end) == "River":
        return replace(c, kind=PLACE, cls="Location", place_type="River")
    return c


def _trim(doc, c: Cand, lx: Lexicon | None = None) -> Cand | None:
    t = tokens(doc)
    s, e = c.start, c.end
    while s < e and (t[s].lower_ in ("the", "a", "an") or t[s].is_space or t[s].is_punct
                     or (c.kind == ORG and t[s].like_num and not ORDINAL.match(t[s].text)
                         and t[s].lower_ not in ORDINAL_WORDS)):
        s += 1
    for k in range(e - 2, s, -1):   # "LIMA - Peru's Public Ministry": a dateline glued on
        if t[k].text in ("-", "–", "—") and t[k].whitespace_ and t[k - 1].whitespace_:
            s = k + 1
            break
    for k in range(s + 1, e):       # "National Police (PNC": the acronym is not part of the name
        if t[k].text in ("(", ")", "[", "]"):
            e = k
            break
    while e > s and (t[e - 1].is_space or t[e - 1].text in ("'s", "’s", "'", "’") or
                     (t[e - 1].is_punct and t[e - 1].text not in (".",))):
        e -= 1
    for k in range(s, e):           # never across a line break
        if "\n" in t[k].text or ("\n" in t[k].whitespace_ and k < e - 1):
            if k - s >= e - k - 1:
                e = k if "\n" in t[k].text else k + 1
            else:
                s = k + 1
            break
    if c.kind == ORG and e - s >= 2 and t[e - 1].lower_ in TITLE_WORDS and t[e - 2].lower_ not in TITLE_WORDS \
            and e < len(t) and t[e].pos_ == "PROPN" and t[e].cap:
        e -= 1                      # "AFP Commissioner Reece Kershaw": the title goes with the person
    if c.kind == PERSON and e < len(t) and t[e].text == "/":
        return None                 # a byline: "–Jane Doe/Agency.com"
    if e <= s or c.kind in (ORG, PERSON) and all(x.lower_ in TITLE_WORDS for x in t[s:e]):
        return None                 # "Chargé d’Affaires" cut off its person: a title, no name
    if c.kind != PERSON and _headline_junk(doc, s, e, c):
        return None
    if c.kind in (ORG, PLACE) and not any(x.text[:1].isupper() or x.text[:1].isdigit() for x in t[s:e]):
        return None                 # "coca syrup"
    if c.kind == ORG and c.source == "ner" and e - s == 1 and not t[s].text.isupper() \
            and s > 0 and t[s - 1].lower_ in ("of", "the"):
        return None                 # "minister of the Interior"
    if c.kind == ORG and e - s == 1 and t[s].lower_ in ("government", "administration", "eur", "usd", "gbp"):
        return None                 # a bare word or a currency code
    if c.kind in (ORG, PERSON) and t[s].lower_ in ("operation", "operativo", "operación", "oplan") and e - s > 1:
        return None                 # "Operation Venetic" names an operation, not an actor
    if c.kind == ORG and e - s >= 2 and t[e - 1].lower_ in TITLE_WORDS and t[e - 1].lower_ not in (
            "general", "security", "defense", "defence", "justice", "interior", "foreign"):
        return None                 # "EU Ambassador", "RDF Spokesperson": a title, the person follows
    if c.kind == ORG and t[s].lower_ in TITLE_WORDS and t[s].lower_ not in ("security", "defense", "defence",
                                                                              "justice", "interior", "foreign"):
        k = next((k for k in range(s, e - 1) if t[k].lower_ == "of"), None)
        if k is not None and all(x.lower_ in TITLE_WORDS for x in t[s:k]):
            s = k + 1 + (1 if t[k + 1].lower_ == "the" else 0)   # "Comptroller General of the GIS"
    if c.kind == PERSON and e - s >= 2 and t[s].text[:1].isupper() and t[s].text.endswith("s") \
            and lx is not None and lx.demonyms.get(fold(t[s].text)):
        s += 1                      # "Hondurans Meyer ...": the demonym is not the name
    if c.kind == ORG and e - s == 1 and not t[s].text.isupper() and e < len(t) and t[e].lower_ in TITLE_WORDS:
        return None                 # "Interior Minister": a title, not a ministry
    if c.kind == ORG and t[s].lower_ not in ORDINAL_WORDS and not (t[s].lower_ in OFFICE_WORDS and e - s > 2) \
            and (t[s].is_stop or t[s].lower_ in ("own", "new") or t[s].text[:1].islower()
                          or any(x.is_punct and x.text not in (".", "&", "'", "’", "-") for x in t[s:e])):
        return None                 # "Own Police", "apro).- The"
    if c.kind == PERSON and e - s >= 3 and t[s].text in ("Y", "E") and s > 0 and t[s - 1].text == ",":
        s += 1                      # "A, B Y C" (Spanish "and" left in a translated list)
    if c.kind == PERSON:            # "Mixco Mayor Otto Pérez Leal": the title is not the name
        for k in range(e - 2, s - 1, -1):
            if t[k].lower_ in TITLE_WORDS:
                s = k + 1
                break
    return c if (s, e) == (c.start, c.end) else replace(c, start=s, end=e)


def _equipment(doc, c: Cand, lx: Lexicon) -> Cand | None:
    """A model or brand of equipment is not an actor: a name before an equipment noun
    ("Zodiac boats", "Galil rifles", "a Persuader type aircraft"), a model code ("Mi-17",
    "C-17") cut off a name ("U.S. Air Force C-17" -> "U.S. Air Force")."""
    if c.kind not in (ORG, PERSON) or c.source == "gazetteer":
        return c
    t, n = tokens(doc), len(doc)
    e = c.end
    while e - 1 > c.start and MODEL_CODE.match(t[e - 1].text):
        e -= 1
    if c.start >= 2 and t[c.start - 1].text == "(" and t[c.start - 2].lower_ in lx.products:
        return None                 # "fast response boats (CFRBs)": the acronym of a product
    j = c.end
    while j < n and (MODEL_CODE.match(t[j].text) or t[j].text in ("-",) or t[j].cap and j - c.end < 2
                     and t[j].lower_ not in lx.products
                     or j - c.end < 4 and t[j].pos_ in ("ADJ", "NOUN") and t[j].lower_ not in lx.products
                     and not t[j].text[:1].isupper()):
        j += 1                      # "Silver Ships coastal fast response boats"
    if j < n and t[j].lower_ in lx.products and not (j == c.end and t[j].lower_ in ("type", "class", "model")
                                                     and t[j].text[0].isupper()):
        return None
    if j + 1 < n and t[j].text == "-" and t[j + 1].lower_ in lx.products:
        return None                 # "Defender-class"
    return c if e == c.end else replace(c, end=e)


def _headline_junk(doc, s: int, e: int, c: Cand) -> bool:
    """An NER organisation read off a Title-Cased headline ('Guatemala Sign Cooperation Agreement')."""
    if c.source != "ner" or c.kind != ORG or c.cls != "Organization":
        return False
    return title_case_sentence(doc, s)


def _place_context(doc, c: Cand, lx: Lexicon) -> Cand:
    """'Department of X', 'X River', 'the A, B and C rivers', 'X border area': widen and type."""
    if c.kind != PLACE:
        return c
    t, n = tokens(doc), len(doc)
    s, e = c.start, c.end
    ptype = c.place_type
    # "Department of X" (capitalised: part of the name) / "department of X"
    if s >= 2 and t[s - 1].lower_ == "of" and t[s - 2].lower_ in ADMIN_WORDS:
        ptype = ADMIN_WORDS[t[s - 2].lower_]
        if t[s - 2].lower_ in ("department", "state", "province", "county", "governorate"):
            s -= 2
    # "X Department", "X River", "X border area"
    if e < n:
        nxt = t[e].lower_
        two = f"{nxt} {t[e + 1].lower_}" if e + 1 < n else ""
        if two in PLACE_SUFFIX:
            ptype, e = PLACE_SUFFIX[two], e + 2
        elif nxt in PLACE_SUFFIX and nxt != "border":
            ptype = PLACE_SUFFIX[nxt]
            if t[e].text[0].isupper():
                e += 1
        elif nxt in ("department", "province", "state") and t[e].text[0].isupper():
            ptype, e = "AdministrativeArea", e + 1
    listed = _list_type(doc, c.end)
    if listed:
        ptype = listed              # "the Usumacinta, Salinas, and Suchiate rivers"
    # "Cuauhtémoc-La Mesilla border area"
    j = e
    if j < n and t[j].text in ("-", "–") and j + 1 < n and t[j + 1].cap:
        k = j + 1
        while k < n and t[k].cap:
            k += 1
        tail = " ".join(x.lower_ for x in t[k:k + 2])
        if tail in PLACE_SUFFIX or doc[k:k + 1].text.lower() in ("crossing", "border"):
            n2 = 2 if tail in PLACE_SUFFIX else 1
            return replace(c, start=s, end=k + n2, place_type="BorderArea", gaz=())
    if (s, e, ptype) == (c.start, c.end, c.place_type):
        return c
    return replace(c, start=s, end=e, place_type=ptype)


def _list_type(doc, e: int) -> str | None:
    """'the Usumacinta, Salinas, and Suchiate rivers': the plural noun after a list types its items."""
    t, n = tokens(doc), len(doc)
    j = e
    while j < n and j - e < 12 and (t[j].is_punct or t[j].lower_ in ("and", "or") or t[j].cap):
        j += 1
    if j < n and j > e and t[j].lower_ in ("rivers",):
        return "River"
    return None


def _resolve_overlaps(cands: list[Cand]) -> list[Cand]:
    rank = {"gazetteer": 0, "pattern": 1, "ner": 2}
    ordered = sorted(cands, key=lambda c: (-c.length, rank[c.source], c.start))
    taken: set[int] = set()
    chosen = []
    for c in ordered:
        span = set(range(c.start, c.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(c)
    return chosen
