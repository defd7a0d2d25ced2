"""Relations between names that the text states outright: titles (leads, memberOf),
unit structure (memberOf), where organisations are (locatedIn), containment (partOf).
"""
from __future__ import annotations

from dataclasses import dataclass

from .entities import NameGroup, NameMention, ministry_core
from .lexicon import Lexicon, fold
from .mentions import ORG, PERSON, PLACE

UNIT_WORDS = {"front", "brigade", "battalion", "division", "regiment", "unit", "office", "bureau",
              "squad", "command", "directorate", "cell", "faction", "wing", "company", "detachment",
              "section", "department", "branch", "task force"}


@dataclass
class Rel:
    s: NameGroup
    p: str
    o: NameGroup
    start: int          # sentence span
    end: int
    confidence: float
    extractor: str
    gazetteer: bool = False


def title_relations(doc, groups: list[NameGroup], lx: Lexicon, main_country: str | None) -> list[Rel]:
    """'Interior Minister Mauricio Lopez' -> leads the ministry (or memberOf the government)."""
    out = []
    places = [g for g in groups if g.kind == PLACE]
    orgs = [g for g in groups if g.kind in (ORG, "GOV")]
    for g in groups:
        if g.kind != PERSON:
            continue
        for m in g.mentions:
            if not m.title:
                continue
            rel, target, fallback = lx.roles.get(m.title, ("memberOf", "org", ""))
            words = m.title_text or ""
            country = _country_in(words, lx) or _country_in_sentence(doc, m, lx, groups) or main_country
            obj = None
            if target == "country":
                obj = _find(places, lambda p: p.gaz == f"country:{country}")
            elif target == "place":
                obj = _place_in_title(words, m, places)
            elif target == "ministry":
                topic = _topic(words, m.title)
                if topic:
                    want = ministry_core(f"{topic} Ministry")
                    obj = _find(orgs, lambda o: any(ministry_core(x.text) == want for x in o.mentions)
                                and (o.country in (None, country)))
            elif target == "embassy":
                obj = _find(orgs, lambda o: any("embassy" in x.text.lower() for x in o.mentions)
                            and o.country == country)
            elif target.startswith("office:"):
                name = target.split(":", 1)[1]
                obj = _find(orgs, lambda o: any(name in x.text.lower() for x in o.mentions))
            elif target == "org":
                obj = _org_in_title(words, m, orgs)
            if obj is None and fallback == "government" and country:
                obj = _find(orgs, lambda o: o.kind == "GOV" and o.country == country)
                rel = "memberOf"
            if obj is not None and obj is not g:
                out.append(Rel(g, rel, obj, m.sent_start, m.sent_end, 0.8, "kg.roles.v1"))
    return out


def _find(items, pred):
    return next((x for x in items if pred(x)), None)


def _country_in(words: str, lx: Lexicon) -> str | None:
    for w in words.replace("’s", "").replace("'s", "").split():
        code = lx.country_of(w)
        if code:
            return code
    return None


def _country_in_sentence(doc, m: NameMention, lx, groups) -> str | None:
    for g in groups:
        if g.kind in (PLACE, "GOV") and g.country and g.cls in ("Country", "Government"):
            if any(x.sent_start == m.sent_start for x in g.mentions):
                return g.country
    return None


def _topic(words: str, title: str) -> str | None:
    toks = words.split()
    low = [t.lower() for t in toks]
    if "of" in low:
        i = low.index("of")
        rest = [t for t in toks[i + 1:] if t.lower() != "the"]
        return " ".join(rest) or None
    if title in low:
        i = low.index(title)
        before = [t for t in toks[:i] if t[:1].isupper() and t.lower() not in ("deputy", "vice", "former")]
        return before[-1] if before else None
    return None


def _place_in_title(words: str, m: NameMention, places) -> NameGroup | None:
    for p in places:
        for x in p.mentions:
            if x.end <= m.start and m.start - x.end < 40 and fold(x.text) in fold(words):
                return p
            if x.start >= m.end and x.start - m.end < 40 and fold(x.text) in fold(words):
                return p
    return None


def _org_in_title(words: str, m: NameMention, orgs) -> NameGroup | None:
    for o in orgs:
        for x in o.mentions:
            if abs(x.start - m.start) < 80 and fold(x.text) in fold(words):
                return o
    return None


def structure_relations(doc, groups: list[NameGroup], index) -> list[Rel]:
    """Units and their parents: "the Task Force's 30th Brigade", "the Front of the ELN",
    "the Office for Drug Crimes, under the Office of the Attorney General",
    "the Task Force, made up of members of the Army and the Police"."""
    out = []
    for g in groups:
        if g.kind != ORG:
            continue
        for m in g.mentions:
            tok = doc[m.tok]
            sent = (m.sent_start, m.sent_end)
            # possessive: "X's 30th Brigade"
            for c in tok.children:
                if c.dep_ == "poss":
                    owner = index.by_tok.get(c.i)
                    if owner and owner.group and owner.group.kind == ORG and owner.group is not g:
                        out.append(Rel(g, "memberOf", owner.group, *sent, 0.75, "kg.structure.v1"))
            # right after the name: "of the X" / ", under the X"
            j = m.tok_end
            while j < len(doc) and doc[j].text in (",", "(", ")") or (j < len(doc) and _acr_token(doc, j)):
                j += 1
            if j + 1 < len(doc) and doc[j].lower_ in ("of", "under", "within"):
                k = j + 1
                while k < len(doc) and doc[k].lower_ in ("the",):
                    k += 1
                parent = index.by_tok.get(k)
                last = m.text.split()[-1].lower()
                if parent and parent.group and parent.group.kind == ORG and parent.group is not g and \
                        (doc[j].lower_ != "of" or last in UNIT_WORDS or " ".join(m.text.lower().split()[-2:]) in UNIT_WORDS):
                    out.append(Rel(g, "memberOf", parent.group, *sent, 0.75, "kg.structure.v1"))
            # "made up of members of A and B", "composed of A and B"
            for anc in [tok.head, tok]:
                for c in anc.children:
                    if c.dep_ in ("relcl", "acl") and c.lemma_ in ("make", "compose", "comprise", "include", "form", "consist"):
                        for t in c.subtree:
                            mm = index.by_tok.get(t.i)
                            if mm and mm.group and mm.group.kind == ORG and mm.group is not g:
                                out.append(Rel(mm.group, "memberOf", g, *sent, 0.7, "kg.structure.v1"))
    return out


def _acr_token(doc, j) -> bool:
    from .mentions import ACRONYM
    return bool(ACRONYM.match(doc[j].text)) and j > 0 and doc[j - 1].text == "("


def located_relations(groups: list[NameGroup], lx: Lexicon) -> list[Rel]:
    """An organisation whose own name carries a country or place is located there."""
    out = []
    countries = {g.country: g for g in groups if g.kind == PLACE and g.cls == "Country"}
    places_by_name = {fold(x.text): g for g in groups if g.kind == PLACE for x in g.mentions}
    for g in groups:
        if g.kind not in (ORG, "GOV"):
            continue
        m0 = g.mentions[0]
        target, conf = None, 0.7
        for m in g.mentions:
            for w in m.text.replace("’s", "").replace("'s", "").split():
                if fold(w) in places_by_name and places_by_name[fold(w)].cls != "Country":
                    target = places_by_name[fold(w)]
        if target is None and g.kind == ORG and g.country in countries:
            explicit = any(lx.country_of(w.replace("’s", "").replace("'s", "")) for m in g.mentions for w in m.text.split())
            target, conf = countries[g.country], 0.7 if explicit else 0.45
        if target is not None:
            out.append(Rel(g, "locatedIn", target, m0.sent_start, m0.sent_end, conf, "kg.located.v1"))
    return out


PLACE_RANK = {"Country": 4, "AdministrativeArea": 3, "Region": 3, "Municipality": 2}


def stated_containment(doc, groups: list[NameGroup], index) -> list[Rel]:
    """partOf the text states, for places no gazetteer contains: 'Mahahual, Quintana Roo',
    'La Macarena (Meta)', 'Kiteni, in the VRAEM', 'the port of X in Y': the second place is
    the larger one (by type: country > state or region > town > the rest)."""
    out = []
    for g in groups:
        if g.kind != PLACE:
            continue
        for m in g.mentions:
            j = m.tok_end
            if j < len(doc) and doc[j].text in (",", "("):
                j += 1
            if j < len(doc) and doc[j].lower_ == "in":
                j += 1
            while j < len(doc) and doc[j].lower_ == "the":
                j += 1
            if j == m.tok_end or j >= len(doc):
                continue
            other = index.by_tok.get(j)
            if other is None or other.group is None or other.group.kind != PLACE or other.group is g \
                    or other.sent_start != m.sent_start:
                continue
            if PLACE_RANK.get(other.group.cls, 1) > PLACE_RANK.get(g.cls, 1):
                out.append(Rel(g, "partOf", other.group, m.sent_start, m.sent_end, 0.6, "kg.places.stated.v1"))
    return out


def containment_relations(groups: list[NameGroup], lx: Lexicon) -> list[Rel]:
    """partOf between places the document names, where the gazetteer knows the containment:
    the nearest named ancestor only."""
    out = []
    by_gaz = {g.gaz: g for g in groups if g.kind == PLACE and g.gaz}
    for g in groups:
        if g.kind != PLACE or not g.gaz or g.gaz not in lx.places:
            continue
        p = lx.places[g.gaz]
        chain = []
        cur = p
        while cur is not None and cur.parent and len(chain) < 6:
            chain.append(cur.parent)
            cur = lx.places.get(cur.parent)
        if p.country and p.type != "Country":
            chain.append(f"country:{p.country}")
        for anc in chain:
            if anc in by_gaz and by_gaz[anc] is not g:
                m0 = g.mentions[0]
                out.append(Rel(g, "partOf", by_gaz[anc], m0.sent_start, m0.sent_end, 0.7,
                               "kg.places.containment.v1", gazetteer=True))
                break
    return out
