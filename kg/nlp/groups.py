"""Within one document: join the mentions of one thing into a group.

Rules, in order: acronyms defined in text ("National Civil Police (PNC)");
exact names; short forms of people resolved to the unique earlier full name
whose title does not conflict (a short form with two names seen before a
longer one is a different person: "President Otto Pérez" vs. his son "Otto
Pérez Leal"); bare institution names ("the Army") to the latest institution
of that head, else to the article's country; countries as governments or places.
"""
from __future__ import annotations

from collections import Counter

from .entities import (NameGroup, NameMention, core_name, country_role, ministry_core)
from .lexicon import Lexicon, fold
from .mentions import ACRONYM, ORG, PERSON, PLACE
from .pipeline import doc_text
from .tokens import tokens

STATE_CLASSES = {"Government", "GovernmentAgency", "PoliceForce", "MilitaryUnit", "SecurityForce", "TaskForce",
                 "JudicialBody"}
NON_STATE = {"ArmedGroup", "CriminalGroup", "Company", "NonGovernmentalOrganization", "MediaOutlet"}
GENERIC_CORES = {"army", "national army", "military", "navy", "police", "national police", "air force",
                 "armed forces", "national guard", "marines", "coast guard", "government", "congress",
                 "ministry of the interior", "ministry of defense", "ministry of defence", "ministry of security",
                 "ministry of justice", "ministry of foreign affairs", "ministry of public security",
                 "ministry of finance", "ministry of government", "office of the attorney general",
                 "attorney general s office", "national civil police", "civil police", "federal police",
                 "embassy", "supreme court", "public ministry", "prosecutor s office", "national police"}


def group_mentions(doc, mentions: list[NameMention], lx: Lexicon, countries: Counter) -> list[NameGroup]:
    main_country = countries.most_common(1)[0][0] if countries else None
    acronyms = _acronyms(doc, mentions)
    groups: list[NameGroup] = []
    by_key: dict[tuple, NameGroup] = {}

    def join(m: NameMention, g: NameGroup, reason: str) -> None:
        m.group, m.reason = g, reason
        g.mentions.append(m)

    def new(m: NameMention, kind: str, cls: str, keys: set, country=None, gaz=None) -> NameGroup:
        g = NameGroup(kind, cls, country=country, gaz=gaz, place_type=m.place_type)
        groups.append(g)
        for k in keys:
            by_key.setdefault(k, g)
        join(m, g, "first mention")
        return g

    for m in mentions:
        if m.kind == PERSON:
            _group_person(m, groups, join, new)
        elif m.kind == PLACE and any(k.startswith("country:") for k in m.gaz) and m.place_type in (None, "Country"):
            code = next(k for k in m.gaz if k.startswith("country:")).split(":")[1]
            role = country_role(doc, m)
            if role == "modifier":
                continue
            if role == "actor":
                m.kind, m.cls, m.country = "GOV", "Government", code
                key = ("gov", code)
                g = by_key.get(key)
                join(m, g, "same country") if g else new(m, "GOV", "Government", {key}, code)
            else:
                m.country = code
                key = ("place", f"country:{code}")
                g = by_key.get(key)
                join(m, g, "same country") if g else new(m, PLACE, "Country", {key}, code, f"country:{code}")
        elif m.kind == PLACE:
            if lx.country_of(m.text) and not m.gaz:
                continue  # a demonym read as a place ("Guatemalan")
            gaz = _pick_place(m, lx, countries)
            key = ("place", gaz) if gaz else ("place", fold(m.text))
            g = by_key.get(key)
            if g is None and not gaz:
                g = next((x for x in groups if x.kind == PLACE and any(fold(y.text) == fold(m.text) for y in x.mentions)), None)
            if g:
                join(m, g, "same place")
            else:
                ptype = m.place_type or (lx.places[gaz].type if gaz else "Location")
                country = lx.places[gaz].country if gaz else None
                g = new(m, PLACE, ptype, {key}, country, gaz)
        elif m.kind == "GOV":
            key = ("gov", m.gaz[0] if m.gaz else m.country)
            g = by_key.get(key)
            join(m, g, "same government") if g else new(m, "GOV", "Government", {key}, m.country,
                                                          m.gaz[0] if m.gaz else None)
        else:
            _group_org(m, lx, groups, by_key, acronyms, join, new, main_country)
    groups = join_aliases(doc, groups, mentions, lx)
    for g in groups:
        g.label = _label(g, lx)
    return [g for g in groups if g.mentions]


ALIAS = "another name the text gives it ('known as', 'alias')"
QUOTES = {'"', "“", "”", "'", "‘", "’", "«", "»"}


def join_aliases(doc, groups: list[NameGroup], mentions: list[NameMention], lx: Lexicon) -> list[NameGroup]:
    """'X, known as Y', 'X alias Y', 'X (a.k.a. Y)', 'X, nicknamed "Y"': Y is another name of the
    person or group X. Y's mentions (all of its group) join X's group; a Y no rule read as a
    name (a nickname in quotes, a one-word alias) becomes a mention of X. Returns the groups
    left; the moved mentions carry the reason `ALIAS`.

    Only a person or an organisation takes an alias, and only a name right after the cue.
    """
    toks = tokens(doc)
    n = len(toks)
    start_of = {t.idx: t.i for t in toks}
    at = {start_of[m.start]: m for m in mentions if m.group is not None and m.start in start_of}
    for m in sorted(mentions, key=lambda x: x.start):
        g = m.group
        if g is None or g.kind not in (PERSON, ORG):
            continue
        k = _after_cue(toks, m.tok_end, lx)
        if k is None:
            continue
        other = at.get(k) or (at.get(k + 1) if k + 1 < n and toks[k].lower_ == "the" else None)
        if other is not None and other.group is not None and other.group is not g:
            moved = other.group        # whatever the model made of it: "El Tigre" is no town here
            for x in moved.mentions:
                x.group, x.reason, x.kind, x.cls = g, ALIAS, g.kind, g.cls
                g.mentions.append(x)
            moved.mentions = []
            g.acronyms |= moved.acronyms
        elif other is None:
            alias = _alias_span(toks, k)
            if alias is not None:
                b, e = alias
                start, end = toks[b].idx, toks[e - 1].idx + len(toks[e - 1].text)
                x = NameMention(start, end, doc_text(doc)[start:end], g.kind, g.cls, m.sent_start, m.sent_end,
                                e - 1, e, group=g, reason=ALIAS)
                g.mentions.append(x)
    return [g for g in groups if g.mentions]


def _after_cue(toks, j: int, lx: Lexicon) -> int | None:
    """The token after an alias cue that follows a name ending at `j` (", known as", "(alias"), past
    quotes and a cut-off abbreviation dot ('a.k.a .'); None when no cue follows."""
    n = len(toks)
    if j < n and toks[j].text in (",", "("):
        j += 1
    for cue in lx.alias_cues:
        if tuple(t.lower_ for t in toks[j:j + len(cue)]) == cue:
            k = j + len(cue)
            while k < n and (toks[k].text in QUOTES or toks[k].text == "."):
                k += 1
            return k if k < n else None
    return None


def _alias_span(toks, k: int) -> tuple[int, int] | None:
    """The capitalised words of an alias no rule read as a name: up to five, in one sentence,
    to the closing quote or punctuation ('"El Tigre"', 'Faragon')."""
    n, e = len(toks), k
    while e < n and e - k < 5 and toks[e].cap and not toks[e].is_punct and (e == k or not toks[e].is_sent_start):
        e += 1
    return (k, e) if e > k else None


def named_countries(doc, groups: list[NameGroup], lx: Lexicon, skip=()) -> list[NameGroup]:
    """A country named by its name anywhere in the article (as a government that acts,
    inside an organisation's name, as a modifier: "the Navy of Colombia", "US agencies")
    is also a place of the article: the Location its organisations are in and its towns
    are part of (GUIDELINES: the same name may appear twice, once of each type). Adjectives
    ("Colombian") do not name it. Returns the new place groups, one mention each at the
    first use of the name."""
    have = {g.gaz for g in groups if g.kind == PLACE and g.gaz}
    # a country that acts ("the US donated") is its government there, not a place
    taken = {m.start for g in groups if g.kind in (PLACE, "GOV") for m in g.mentions}
    t, n = tokens(doc), len(doc)
    text = doc_text(doc)
    firsts = _country_first_words(lx)
    out: dict[str, NameGroup] = {}
    for i in range(n):
        if not t[i].cap or fold(t[i].text) not in firsts or any(b <= t[i].idx < e for b, e in skip):
            continue
        for k in (4, 3, 2, 1):
            if i + k > n or any("\n" in x.text for x in t[i:i + k]):
                continue
            words = text[t[i].idx:t[i + k - 1].idx + len(t[i + k - 1].text)]
            code = lx.country_names.get(fold(words))
            if code is None or words.lower() == words or lx.demonyms.get(fold(words)):
                continue
            span = doc[i:i + k]
            key = f"country:{code}"
            if key not in have and key not in out and span.start_char not in taken:
                g = NameGroup(PLACE, "Country", country=code, gaz=key, place_type="Country")
                s = span.sent
                m = NameMention(span.start_char, span.end_char, span.text, PLACE, "Country", s.start_char,
                                s.end_char, span.root.i, i + k, (key,), code, "Country", group=g,
                                reason="the country named in the article is also a place")
                g.mentions.append(m)
                g.label = _label(g, lx)
                out[key] = g
            break
    return list(out.values())


_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _country_first_words(lx: Lexicon) -> frozenset[str]:
    """The first words of every country name and alias (folded): where a country name can start."""
    if id(lx) not in _FIRST_WORDS:
        _FIRST_WORDS[id(lx)] = frozenset(k.split()[0] for k in lx.country_names if k)
    return _FIRST_WORDS[id(lx)]


def _acronyms(doc, mentions: list[NameMention]) -> dict[str, NameMention]:
    """'National Liberation Army (ELN)': ELN -> that mention."""
    out = {}
    by_end = {m.tok_end: m for m in mentions if m.kind in (ORG, "GOV")}
    toks = tokens(doc)
    for i in sorted(by_end):
        if i + 2 < len(toks) and toks[i].text == "(" and toks[i + 2].text == ")" and ACRONYM.match(toks[i + 1].text):
            out.setdefault(toks[i + 1].text, by_end[i])
    return out


def _group_person(m: NameMention, groups, join, new) -> None:
    toks = fold(m.text).split()
    cands = []
    for g in groups:
        if g.kind != PERSON:
            continue
        full = fold(g.mentions[0].text).split()
        if _contiguous(toks, full) and (len(toks) < len(full) or toks == full):
            titles = {x.title for x in g.mentions if x.title}
            if m.title and titles and m.title not in titles:
                continue
            cands.append(g)
    if len(cands) == 1:
        join(m, cands[0], "same name" if toks == fold(cands[0].mentions[0].text).split()
             else "short form of a name given earlier in the document")
    elif len(toks) >= 2 and not any(toks == fold(g.mentions[0].text).split() for g in cands):
        new(m, PERSON, "Person", {("person", " ".join(toks))})
    elif len(toks) >= 2:
        join(m, next(g for g in cands if toks == fold(g.mentions[0].text).split()), "same name")
    # a lone surname shared by several people is ambiguous: left out


def _contiguous(short: list[str], full: list[str]) -> bool:
    n = len(short)
    return any(full[i:i + n] == short for i in range(len(full) - n + 1))


ADMIN_SUFFIXES = ("department", "state", "province", "region", "governorate", "oblast")


def _pick_place(m: NameMention, lx: Lexicon, countries: Counter) -> str | None:
    keys = [k for k in m.gaz if k in lx.places]
    if m.place_type in ("AdministrativeArea", "Region"):
        # "the department of Guatemala": the department, not the country of the same name
        low = m.text.lower()
        bare = m.text.split(" of ", 1)[1] if " of " in m.text else m.text
        for w in ADMIN_SUFFIXES:
            if low.endswith(" " + w):
                bare = m.text[: -len(w) - 1]
        names = [fold(m.text), fold(bare)] + [f"{fold(bare)} {w}" for w in ADMIN_SUFFIXES]
        regions = [k for n in names for k in lx.place_names.get(n, []) if k.startswith("region:")]
        if regions:
            keys = list(dict.fromkeys(regions))
    if not keys:
        from .lexicon import fold as f
        keys = [k for k in lx.place_names.get(f(m.text), []) if k in lx.places]
        if not keys:
            # "Department of Norte de Santander": look up the bare name
            bare = m.text.split(" of ", 1)[1] if " of " in m.text else None
            keys = [k for k in lx.place_names.get(f(bare), [])] if bare else []
    if not keys:
        return None
    if m.place_type == "River":
        rivers = [k for n in (fold(m.text), fold(m.text) + " river") for k in lx.place_names.get(n, [])
                  if lx.places[k].type == "River"]
        return rivers[0] if rivers else None
    if m.place_type == "BorderArea" and not m.gaz:
        return None
    want_region = m.place_type in ("AdministrativeArea", "Region")
    def score(k):
        p = lx.places[k]
        return (countries.get(p.country, 0) if p.country else 0,
                1 if (want_region and k.startswith("region:")) or (not want_region and k.startswith("city:")) else 0,
                1 if k.startswith("region:") else 0)
    best = max(keys, key=score)
    return best


def _group_org(m, lx, groups, by_key, acronyms, join, new, main_country) -> None:
    # acronym use: "PNC" -> the group of the mention that defined it
    if m.text in acronyms and acronyms[m.text] is not m and acronyms[m.text].group is not None:
        g = acronyms[m.text].group
        g.acronyms.add(m.text)
        join(m, g, f"acronym {m.text} defined in the text")
        return
    core = core_name(m, lx)
    gaz = _pick_org(m, lx, main_country)
    country = m.country or (lx.orgs[gaz].country if gaz else None)
    generic = m.cls not in NON_STATE and (core in GENERIC_CORES or (
        len(core.split()) <= 2 and core.split()[-1:] in (["army"], ["police"], ["military"], ["navy"])))
    if country is None and generic:
        # "the Army": the latest organisation with this head in the document, else the article's country
        head = core.split()[-1]
        for g in reversed(groups):
            if g.kind == ORG and g.cls not in NON_STATE and any(core_name(x, lx).split()[-1:] == [head] and core_name(x, lx).endswith(core)
                                     for x in g.mentions):
                join(m, g, f"'{m.text}' refers to the {g.mentions[0].text} named earlier")
                return
        country = main_country
        m.reason = "country of the article"
    if country is None and not gaz and m.cls in STATE_CLASSES and main_country:
        # "the Public Ministry": a state institution is only an identity with its country
        country = main_country
        m.reason = "country of the article"
    host = None
    if "embassy" in core.split():
        # an embassy is one per host country: "the U.S. Embassy in Lima", else the article's
        host = m.host or main_country
        core = f"{core}@{host}" if host else core
    # a list, not a set: a set of tuples holding None iterates in an order that changes from
    # one process to the next (hash(None) is its address), and so would the chosen group
    keys = ([("gaz", gaz)] if gaz else []) + [("org", country, core)]
    m.country = country
    for k in keys:
        g = by_key.get(k)
        if g is not None:
            join(m, g, "same name" if k[0] == "org" else "same gazetteer entry")
            return
    g = new(m, ORG, m.cls, keys, country, gaz)
    g.host = host
    for acr, dm in acronyms.items():
        if dm is m:
            g.acronyms.add(acr)
            by_key[("acr", country, acr)] = g


def _pick_org(m, lx, main_country) -> str | None:
    keys = [k for k in m.gaz if k in lx.orgs] or list(lx.org_names.get(m.text, []))
    if not keys:
        return None
    want = m.country or main_country
    for k in keys:
        if lx.orgs[k].country == want:
            return k
    unscoped = [k for k in keys if lx.orgs[k].country is None]
    if unscoped:
        return unscoped[0]
    return keys[0] if len(keys) == 1 and (m.country is None or lx.orgs[keys[0]].country == m.country) else None


def with_article(country: str) -> str:
    """'the United States', 'the Philippines', but 'Guatemala'.

    >>> with_article("United States"), with_article("Guatemala")
    ('the United States', 'Guatemala')
    """
    words = country.split()
    if words[0] in ("United", "Central", "Dominican", "Czech") or words[-1] in ("Republic", "Kingdom", "Islands",
                                                                              "Emirates", "States", "Netherlands",
                                                                              "Philippines", "Bahamas", "Maldives",
                                                                              "Comoros", "Gambia"):
        return "the " + country
    return country


def _label(g: NameGroup, lx: Lexicon) -> str:
    if g.kind == "GOV":
        if g.gaz and g.gaz in lx.places:
            return f"Government of {lx.places[g.gaz].name}"
        return f"Government of {with_article(lx.country_name(g.country))}" if g.country else "Government"
    if g.kind == PLACE and g.gaz and g.gaz in lx.places:
        p = lx.places[g.gaz]
        if p.type == "AdministrativeArea":
            longest = max((x.text for x in g.mentions), key=len)
            return longest[0].upper() + longest[1:] if " of " in longest else p.name
        return p.name
    if g.kind == ORG and g.gaz and g.gaz in lx.orgs:
        return lx.orgs[g.gaz].label
    own = [x for x in g.mentions if x.reason != ALIAS] or g.mentions    # "X, known as Y": X names it
    names = [x.text for x in own if not ACRONYM.match(x.text)] or [x.text for x in own]
    best = max(names, key=lambda s: (len(s.split()), len(s)))
    if g.kind == ORG:
        mc = ministry_core(best)
        if mc and g.country:
            return f"{mc} of {lx.country_name(g.country)}"
        if g.country and not any(lx.country_of(w.rstrip("'s’")) for w in best.split()) \
                and " of " not in best and " in " not in best:
            return f"{best} ({lx.country_name(g.country)})"
    return best
