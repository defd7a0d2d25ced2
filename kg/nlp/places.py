"""Places the main gazetteer lacks: small towns, subdivisions, and names the words around
them make places.

The main gazetteer (countries, regions, cities) is matched wherever its names occur. The
minor one (ontology/gazetteer/towns.tsv, subdivisions.tsv: 140,000 towns and every ISO
3166-2 subdivision) holds many names that are also words, surnames or brands, so one of
its names becomes a place only where the article is about that place's country and the
text agrees: the model tags it as a place, a locative word comes before it ("in X",
"near X"), it sits in a list or an apposition with a known place ("X, Y and Z";
"X, Cusco"), or an administrative word frames it. An administrative word alone makes a
place of a name no gazetteer has: "the municipality of X", "X district", "X province".
"""
from __future__ import annotations

from dataclasses import replace

from .lexicon import Lexicon
from .mentions import ORG, PERSON, PLACE, TITLE_WORDS, Cand, org_head
from .pipeline import doc_text
from .tokens import tokens

LOCATIVE = {"in", "at", "near", "from", "outside", "around", "towards", "toward", "into", "across", "to",
            "between", "via", "through", "inside", "off", "within", "northeast", "northwest", "southeast",
            "southwest", "north", "south", "east", "west"}
ADMIN_BEFORE = {"municipality": "Municipality", "town": "Municipality", "village": "Municipality",
                "city": "Municipality", "district": "AdministrativeArea", "province": "AdministrativeArea",
                "department": "AdministrativeArea", "canton": "AdministrativeArea", "county": "AdministrativeArea",
                "state": "AdministrativeArea", "region": "Region", "parish": "AdministrativeArea",
                "commune": "Municipality", "governorate": "AdministrativeArea", "prefecture": "AdministrativeArea",
                "locality": "Municipality", "township": "Municipality", "barangay": "Municipality",
                "sub-county": "AdministrativeArea", "subcounty": "AdministrativeArea", "island": "Region",
                "port": "Municipality", "border": "BorderArea"}
ADMIN_AFTER = {"district": "AdministrativeArea", "province": "AdministrativeArea",
               "municipality": "Municipality", "county": "AdministrativeArea", "canton": "AdministrativeArea",
               "department": "AdministrativeArea", "region": "Region", "town": "Municipality",
               "village": "Municipality", "governorate": "AdministrativeArea", "parish": "AdministrativeArea",
               "sub-county": "AdministrativeArea", "forest": "Region", "area": "Region"}
CONNECT = {"de", "del", "la", "las", "los", "el", "da", "do", "dos", "das", "al", "e", "-", "y"}
MAX_WORDS = 5


def minor_places(doc, cands: list[Cand], lx: Lexicon, countries) -> list[Cand]:
    """Retype the candidates that name minor places, and add those no source found.

    Args:
        cands: the non-overlapping candidates of `find_names`, in document order.
        countries: the countries the article names or implies (codes).
    Returns the candidates in document order. Every minor place key returned is known
    to `lx.place`.
    """
    known = {c.start: c for c in cands if c.kind == PLACE and c.gaz}
    out = _longer_minor(doc, cands, lx, countries)
    out = [_retype(doc, c, lx, countries, known) for c in out]
    out = [c for c in (_facility(doc, _listed(doc, c, lx, countries)) for c in out) if not _ship_name(doc, c)]
    out = _drop_covered(_join_adjacent(doc, out))
    taken = set()
    for c in out:
        taken.update(range(c.start, c.end))
    out += _uncovered(doc, lx, countries, known, taken)
    out = _list_items(doc, out, lx, countries)
    out = _join_adjacent(doc, _lists_of_places(doc, out, lx))
    # a name the text once made a place is that place wherever else the article uses it
    t = tokens(doc)
    made = {_text(doc, c.start, c.end): c for c in out if c.kind == PLACE and c not in cands}
    out = [replace(made[_text(doc, c.start, c.end)], start=c.start, end=c.end)
           if c.kind in (ORG, PERSON) and _text(doc, c.start, c.end) in made
           and not org_head([x.text for x in t[c.start:c.end]], lx) else c for c in out]
    return sorted(out, key=lambda c: c.start)


LIST_PLACES = {"bases": None, "ports": None, "airports": None, "camps": None, "islands": "Region",
               "towns": "Municipality", "villages": "Municipality", "cities": "Municipality",
               "municipalities": "Municipality", "districts": "AdministrativeArea",
               "provinces": "AdministrativeArea", "departments": "AdministrativeArea", "states": "AdministrativeArea",
               "regions": "Region", "forests": "Region", "valleys": "Region", "rivers": "River"}
FACILITY_AFTER = {"airport", "air base", "airbase", "naval base", "military base", "base", "camp", "port",
                  "border", "border crossing", "prison", "barracks", "river"}
VESSELS = {"ship", "vessel", "boat", "tanker", "freighter", "yacht", "trawler", "cargo", "submarine", "frigate",
           "schooner", "ferry", "steamer", "carrier", "sailboat", "speedboat", "barge"}


def _longer_minor(doc, cands: list[Cand], lx, countries) -> list[Cand]:
    """A minor place whose name runs over shorter names ('Mocimboa da Praia' read as two
    places): the whole name wins."""
    t, n = tokens(doc), len(doc)
    out = list(cands)
    i = 0
    while i < n:
        if not t[i].cap or t[i].is_sent_start:
            i += 1
            continue
        j = i
        while j < n and j - i < MAX_WORDS and (t[j].cap or (t[j].lower_ in CONNECT and j + 1 < n and t[j + 1].cap)):
            j += 1
        hit = None
        for e in range(j, i + 1, -1):
            inside = [c for c in out if i <= c.start and c.end <= e]
            if not inside or any(c.start < i < c.end or c.start < e < c.end for c in out):
                continue
            if any(c.kind == ORG and c.source == "gazetteer" or c.length >= e - i for c in inside):
                continue
            keys = tuple(k for k in lx.minor_place_keys(_text(doc, i, e), countries) if lx.place(k))
            if keys:
                hit = (e, keys, inside)
                break
        if hit:
            e, keys, inside = hit
            out = [c for c in out if c not in inside] + [Cand(i, e, PLACE, "Location", "gazetteer", keys,
                                                               lx.place(keys[0]).type)]
            i = e
        else:
            i = max(j, i + 1)
    return sorted(out, key=lambda c: c.start)


def _join_adjacent(doc, cands: list[Cand]) -> list[Cand]:
    """Two place names with nothing between them are one longer name the gazetteers lack
    ('Santa Rita' + 'Alta'): a place keeps its words together."""
    t = tokens(doc)
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: c.start):
        p = out[-1] if out else None
        if p is not None and p.kind == PLACE and c.kind == PLACE and p.end == c.start \
                and "\n" not in t[p.end - 1].whitespace_ and p.place_type != "Country" and c.place_type != "Country":
            out[-1] = Cand(p.start, c.end, PLACE, "Location", "pattern", (), None)
            continue
        out.append(c)
    return out


def _drop_covered(cands: list[Cand]) -> list[Cand]:
    """Candidates a widened one now covers."""
    out = []
    for c in sorted(cands, key=lambda c: (-c.length, c.start)):
        if not any(o.start <= c.start and c.end <= o.end for o in out):
            out.append(c)
    return sorted(out, key=lambda c: c.start)


def _listed(doc, c: Cand, lx, countries) -> Cand:
    """'the A, B and C bases', 'Galmadug and Jubaland States': a plural place noun after a
    list of names types every name in it."""
    if c.kind == PLACE and c.gaz and c.source == "gazetteer" and not c.gaz[0].startswith(("town:", "subdivision:")):
        return c
    if c.kind == ORG and c.source == "gazetteer":
        return c
    t, n = tokens(doc), len(doc)
    j = c.end
    while j < n and j - c.end < 12 and (t[j].text == "," or t[j].lower_ in ("and", "or") or t[j].cap) \
            and t[j].lower_ not in LIST_PLACES:
        j += 1
    if j < n and j > c.end - 1 and t[j].lower_ in LIST_PLACES and (
            j > c.end or t[j].text[0].isupper() or c.start > 0 and t[c.start - 1].lower_ in ("and", "or", ",")):
        if c.kind == ORG and org_head([x.text for x in t[c.start:c.end]], lx):
            return c
        keys = tuple(k for k in lx.minor_place_keys(_text(doc, c.start, c.end), countries) if lx.place(k))
        ptype = LIST_PLACES[t[j].lower_] or (lx.place(keys[0]).type if keys else None)
        return Cand(c.start, c.end, PLACE, "Location", "gazetteer" if keys else "pattern", keys or c.gaz, ptype)
    return c


def _list_items(doc, cands: list[Cand], lx, countries) -> list[Cand]:
    """The other names of a list typed by its plural place noun ('the A, B and C forests'),
    where no source found them."""
    t, n = tokens(doc), len(doc)
    taken = set()
    for c in cands:
        taken.update(range(c.start, c.end))
    out = list(cands)
    for c in cands:
        if c.kind != PLACE or c.place_type not in set(LIST_PLACES.values()) - {None}:
            continue
        j = c.end
        while j < n and j - c.end < 12 and t[j].lower_ not in LIST_PLACES:
            if t[j].cap and j not in taken and t[j].lower_ not in TITLE_WORDS and not t[j].is_sent_start:
                k = j
                while k < n and t[k].cap and k not in taken and t[k].lower_ not in LIST_PLACES:
                    k += 1
                keys = tuple(x for x in lx.minor_place_keys(_text(doc, j, k), countries) if lx.place(x))
                out.append(Cand(j, k, PLACE, "Location", "gazetteer" if keys else "pattern", keys, c.place_type))
                taken.update(range(j, k))
                j = k
                continue
            if not (t[j].text == "," or t[j].lower_ in ("and", "or") or t[j].cap):
                break
            j += 1
    return out


def _lists_of_places(doc, cands: list[Cand], lx) -> list[Cand]:
    """'the forest areas of A, B, C and D' where A is a place: one-word names in a list with a
    place, that no gazetteer or head word makes an actor, are places too."""
    t = tokens(doc)
    out = list(cands)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and all(x.text == "," or x.lower_ in ("and", "or") for x in t[out[j].end:out[j + 1].start]) \
                and out[j + 1].start > out[j].end:
            j += 1
        items = out[i:j + 1]
        if len(items) >= 3 and any(c.kind == PLACE for c in items) and not any(
                c.kind == PERSON and c.length > 1 for c in items):
            for k in range(i, j + 1):
                c = out[k]
                if c.kind in (ORG, PERSON) and c.source != "gazetteer" and c.length == 1 \
                        and not org_head([t[c.start].text], lx):
                    out[k] = Cand(c.start, c.end, PLACE, "Location", "pattern", (), None)
        i = j + 1
    return out


FACILITY_NAMES = ("International Airport", "Airport", "Air Base", "Airbase", "Naval Base", "Military Base",
                  "Air Force Base", "Port", "Seaport")


def _facility(doc, c: Cand) -> Cand:
    """'the port of X', 'X International Airport', 'X camp', 'the X border', 'X river': the
    place named is the facility or feature, and the words are part of its name."""
    if c.kind != PLACE:
        return c
    t, n = tokens(doc), len(doc)
    s, e = c.start, c.end
    if s >= 2 and t[s - 1].lower_ == "of" and t[s - 2].lower_ in ("port", "airport"):
        return replace(c, start=s - 2, place_type=None, gaz=())
    j = e
    while j < n and j - e < 4 and t[j].cap:
        j += 1
    run = _text(doc, s, j)
    if j > e and any(run.endswith(" " + f) for f in FACILITY_NAMES):
        return replace(c, end=j, place_type=None, gaz=())    # "Aden Adde International Airport"
    k = e
    for words, ws in _FACILITY_WORDS.get(t[k].lower_, ()) if k < n else ():
        if [x.lower_ for x in t[k:k + len(ws)]] == ws and not (k + len(ws) < n and t[k + len(ws)].cap):
            ptype = "River" if words == "river" else "BorderArea" if words.startswith("border") else None
            return replace(c, end=k + len(ws), place_type=ptype, gaz=c.gaz if ptype == "River" else ())
    return c


_FACILITY_WORDS: dict[str, list[tuple[str, list[str]]]] = {}     # first word -> (words, split), longest first
for _w in sorted(FACILITY_AFTER, key=len, reverse=True):
    _FACILITY_WORDS.setdefault(_w.split()[0], []).append((_w, _w.split()))


def _ship_name(doc, c: Cand) -> bool:
    """'the ship “Valencia”', 'the vessel Sea Star': a ship's name is neither place nor actor."""
    if c.kind not in (PLACE, ORG, PERSON):
        return False
    t = tokens(doc)
    j = c.start - 1
    while j >= 0 and t[j].text in ("“", '"', "‘", "'", "the"):
        j -= 1
    return j >= 0 and j < c.start and t[j].lower_ in VESSELS and (j == c.start - 1 or t[j + 1].text != "the")


ADMIN_NAMES = {"State": "AdministrativeArea", "States": "AdministrativeArea", "Province": "AdministrativeArea",
               "Provinces": "AdministrativeArea", "District": "AdministrativeArea", "Districts": "AdministrativeArea",
               "Region": "Region", "Regions": "Region", "Department": "AdministrativeArea",
               "Governorate": "AdministrativeArea", "County": "AdministrativeArea"}


def _text(doc, i: int, j: int) -> str:
    """The text of tokens [i, j), from the token snapshots (no spaCy Span made)."""
    t = tokens(doc)
    return doc_text(doc)[t[i].idx:t[j - 1].idx + len(t[j - 1].text)] if j > i else ""


def _retype(doc, c: Cand, lx, countries, known) -> Cand:
    if c.source == "gazetteer" or c.gaz or c.kind not in (ORG, PERSON, PLACE):
        return c
    t = tokens(doc)
    last = t[c.end - 1].text
    if c.length >= 2 and last in ADMIN_NAMES \
            and not org_head([x.text for x in t[c.start:c.end - 1]], lx):
        end = c.end - 1 if last.endswith("s") else c.end   # "Galmadug and Jubaland States"
        return Cand(c.start, end, PLACE, "Location", "pattern", (), ADMIN_NAMES[last])
    words = [x.text for x in t[c.start:c.end] if x.lower_ != "the"]
    if c.kind == ORG and org_head(words, lx):
        return c                                    # "Pichari Police" is a police force
    s = c.start + (1 if t[c.start].lower_ == "the" else 0)
    found = _place_at(doc, s, c.end, lx, countries, known, c.kind == PLACE)
    return found or c


def _place_at(doc, s: int, e: int, lx, countries, known, model_says_place: bool) -> Cand | None:
    t = tokens(doc)
    text = _text(doc, s, e)
    framed = _framing(t, s, e)
    keys = [k for k in lx.minor_place_keys(text, countries) if lx.place(k) is not None]
    if keys and (model_says_place or framed or _locative(t, s) or _beside_known(t, s, e, known)):
        ptype = framed or lx.place(keys[0]).type
        return Cand(s, e, PLACE, "Location", "gazetteer", tuple(keys), ptype)
    if framed and not keys:
        return Cand(s, e, PLACE, "Location", "pattern", (), framed)
    if not keys and _locative(t, s) and e + 1 < len(t) and t[e].text == "," and (e + 1) in known:
        return Cand(s, e, PLACE, "Location", "pattern", (), None)    # "in X, <known place>"
    return None


PLURAL_ADMIN = {"villages": "Municipality", "towns": "Municipality", "municipalities": "Municipality",
                "cities": "Municipality", "districts": "AdministrativeArea", "provinces": "AdministrativeArea",
                "departments": "AdministrativeArea", "states": "AdministrativeArea", "regions": "Region",
                "communities": "Municipality", "localities": "Municipality", "areas": "Region"}


def _framing(t, s: int, e: int) -> str | None:
    """'the municipality of X', 'X district' (lower case: a common noun, not part of a name),
    'the villages of A, B and X'."""
    j = s - 1
    while j >= 0 and s - j <= 12 and (t[j].text == "," or t[j].lower_ in ("and", "or") or t[j].cap):
        j -= 1
    if j >= 1 and j < s - 1 and t[j].lower_ == "of" and t[j - 1].lower_ in PLURAL_ADMIN and (
            t[s - 1].text == "," or t[s - 1].lower_ in ("and", "or")):
        return PLURAL_ADMIN[t[j - 1].lower_]
    if s >= 2 and t[s - 1].lower_ == "of" and t[s - 2].lower_ in PLURAL_ADMIN:
        return PLURAL_ADMIN[t[s - 2].lower_]
    if s >= 2 and t[s - 1].lower_ == "of" and t[s - 2].lower_ in ADMIN_BEFORE and not t[s - 2].text[0].isupper():
        return ADMIN_BEFORE[t[s - 2].lower_]
    if s >= 1 and t[s - 1].lower_ in ADMIN_BEFORE and not t[s - 1].text[0].isupper() and s >= 2 \
            and t[s - 2].lower_ in ("the", "a", "in", "at", "of"):
        return ADMIN_BEFORE[t[s - 1].lower_]         # "in the canton X", "the village X"
    if e < len(t) and t[e].lower_ in ADMIN_AFTER and t[e].text.islower():
        return ADMIN_AFTER[t[e].lower_]
    return None


def _locative(t, s: int) -> bool:
    """A locative word before the name, or before the list it is in ('at X, Y and Z')."""
    j = s - 1
    while j >= 0 and s - j <= 12 and (t[j].text == "," or t[j].lower_ in ("and", "or") or t[j].cap):
        j -= 1
    return j >= 0 and t[j].lower_ in LOCATIVE and (j == s - 1 or t[s - 1].text == "," or t[s - 1].lower_
                                                   in ("and", "or"))


def _beside_known(t, s: int, e: int, known) -> bool:
    """In a list or apposition with a place the main gazetteer knows: 'X, Y and Z', 'X, Cusco'."""
    n = len(t)
    if e + 1 < n and t[e].text == "," and (e + 1) in known:
        return True
    if s >= 2 and t[s - 1].text == "(" and any(c.end == s - 1 for c in known.values()):
        return True                 # "La Macarena (Meta)"
    j = s - 1
    while j >= 0 and (t[j].text in (",", "and", "or") or t[j].lower_ in ("and", "or")):
        j -= 1
    return j >= 0 and j < s - 1 and any(c.start <= j < c.end for c in known.values())


def _uncovered(doc, lx, countries, known, taken: set) -> list[Cand]:
    """Capitalised runs no source took that name a minor place or are framed as places."""
    t = tokens(doc)
    out = []
    i, n = 0, len(t)
    while i < n:
        if i in taken or not t[i].cap or t[i].is_sent_start and not _locative(t, i):
            i += 1
            continue
        j = i
        while j < n and j - i < MAX_WORDS and j not in taken and (t[j].cap or (
                t[j].lower_ in CONNECT and j + 1 < n and t[j + 1].cap)):
            j += 1
        best = None
        run = _text(doc, i, j)
        if j - i >= 2 and any(run.endswith(" " + f) for f in FACILITY_NAMES):
            best = Cand(i, j, PLACE, "Location", "pattern", (), None)    # "X International Airport"
        for e in range(j, i, -1) if best is None else ():   # longest first
            if t[e - 1].lower_ in CONNECT:
                continue
            best = _place_at(doc, i, e, lx, countries, known, t[i].ent_type_ in ("GPE", "LOC"))
            if best is not None:
                break
        if best is not None:
            out.append(best)
            taken.update(range(best.start, best.end))
            i = best.end
        else:
            i = j if j > i else i + 1
    return out
