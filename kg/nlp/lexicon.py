"""The domain knowledge kg reads from ontology/: gazetteers and word lists, loaded once."""
from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..config import ONTOLOGY_DIR


@lru_cache(maxsize=1 << 17)
def fold(s: str) -> str:
    """Lower-case, strip accents and punctuation runs: the key names are compared by.

    >>> fold("  Bogotá, D.C. ")
    'bogota d c'
    """
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'")
    out = "".join(c if c.isalnum() else " " for c in s)
    return " ".join(out.split())


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; '#' lines are comments."""
    if not path.is_file():
        return []
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [{k: (v or "").strip() for k, v in r.items() if k} for r in rows]


def split(v: str) -> list[str]:
    return [x.strip() for x in (v or "").split("|") if x.strip()]


@dataclass(frozen=True)
class Place:
    key: str            # "country:GT", "region:GT:guatemala", "city:GT:mixco"
    name: str
    type: str           # Country, AdministrativeArea, Municipality, River, BorderArea, Region
    country: str | None
    parent: str | None  # key of the containing place
    geonames: str | None = None
    lat: str | None = None
    lon: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Org:
    key: str
    label: str
    cls: str
    country: str | None
    parent: str | None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


MINOR_PREFIXES = ("town:", "subdivision:")
REGION_TYPES = {"department": "AdministrativeArea", "state": "AdministrativeArea",
                "province": "AdministrativeArea", "region": "Region", "municipality": "Municipality",
                "city": "Municipality", "river": "River", "border_area": "BorderArea",
                "valley": "Region", "island": "Region"}


@dataclass
class Lexicon:
    ontology_dir: str = ""                        # the folder it was read from
    places: dict[str, Place] = field(default_factory=dict)
    place_names: dict[str, list[str]] = field(default_factory=dict)   # folded name -> place keys
    orgs: dict[str, Org] = field(default_factory=dict)
    org_names: dict[str, list[str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)            # folded demonym -> country code
    country_names: dict[str, str] = field(default_factory=dict)       # folded name/alias -> code
    org_heads: list[tuple[str, str, str]] = field(default_factory=list)
    # words of org_heads by length, longest first: n -> {words: [(rank, class, position)]}
    head_index: list[tuple[int, dict[str, list[tuple[int, str, str]]]]] = field(default_factory=list)
    operations: dict[tuple[str, str], tuple[str, float]] = field(default_factory=dict)
    funding: dict[tuple[str, str], str] = field(default_factory=dict)
    roles: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    not_actors: frozenset[str] = frozenset()
    not_actors_folded: frozenset[str] = frozenset()
    alias_cues: tuple[tuple[str, ...], ...] = ()   # "known as", "alias": word sequences, longest first
    products: frozenset[str] = frozenset()        # equipment nouns: "Bell 412 helicopters"
    security_terms: frozenset[str] = frozenset()  # words of security news (relevance)
    event_words: dict[str, frozenset[str]] = field(default_factory=dict)   # role -> words (event_words.tsv)
    # places taken only when the text agrees (towns.tsv, subdivisions.tsv):
    # folded name -> [(key, name, place type, country, geonames id)], most populous first
    minor_places: dict[str, list[tuple[str, str, str, str, str | None]]] = field(default_factory=dict)

    def place(self, key: str) -> Place | None:
        """The place of a gazetteer key, a minor place (town or subdivision) included.

        Deterministic: a minor place is made from its key alone, whichever process asks."""
        p = self.places.get(key)
        if p is None and key.startswith(MINOR_PREFIXES):
            name = key.split(":", 2)[2]
            for k, label, typ, cc, gid in self.minor_places.get(name, ()):
                if k == key:
                    p = self.places[key] = Place(key, label, typ, cc, None, gid)
                    break
        return p

    def minor_place_keys(self, text: str, countries) -> list[str]:
        """Keys of the minor places called `text` in one of `countries`."""
        return [k for k, _, _, cc, _ in self.minor_places.get(fold(text), ()) if cc in countries]

    def country_of(self, text: str) -> str | None:
        """ISO code of a country named, or of a demonym: 'Guatemalan' -> 'GT'."""
        f = fold(text)
        for key in (f, f[:-2] if f.endswith(" s") else None):
            if key and (code := self.country_names.get(key) or self.demonyms.get(key)):
                return code
        return None

    def country_name(self, code: str) -> str:
        p = self.places.get(f"country:{code}")
        return p.name if p else code


@lru_cache(maxsize=2)
def load_lexicon(ontology_dir: str = str(ONTOLOGY_DIR)) -> Lexicon:
    """Read every gazetteer and word list under `ontology_dir`."""
    base = Path(ontology_dir)
    lx = Lexicon(ontology_dir=str(ontology_dir))
    gz, lexd = base / "gazetteer", base / "lexicon"
    for r in read_tsv(gz / "countries.tsv"):
        code = r["code"].upper()
        key = f"country:{code}"
        names = [r["name"], *split(r.get("aliases", ""))]
        lx.places[key] = Place(key, r["name"], "Country", code, None, r.get("geonames_id") or None,
                               r.get("lat") or None, r.get("lon") or None, tuple(names[1:]))
        for n in names:
            lx.country_names.setdefault(fold(n), code)
            lx.place_names.setdefault(fold(n), []).append(key)
        for d in split(r.get("demonyms", "")):
            lx.demonyms.setdefault(fold(d), code)
    for fname in ("regions.tsv", "cities.tsv"):
        rows = read_tsv(gz / fname)
        for r in rows:
            _add_place(lx, r)
        for r in rows:  # parents refer to regions by name within a country
            key = _place_key(r)
            p = lx.places.get(key)
            if p and r.get("parent"):
                parent = _find_region(lx, r["parent"], r.get("country", "").upper())
                if parent and parent != key:
                    lx.places[key] = Place(p.key, p.name, p.type, p.country, parent, p.geonames,
                                           p.lat, p.lon, p.aliases)
    for r in read_tsv(gz / "organizations.tsv"):
        key = f"org:{fold(r['label'])}:{r.get('country', '').upper()}"
        lx.orgs[key] = Org(key, r["label"], r.get("class") or "Organization",
                           r.get("country", "").upper() or None, r.get("parent") or None,
                           tuple(split(r.get("aliases", ""))), r.get("wikidata") or None)
        for n in [r["label"], *split(r.get("aliases", ""))]:
            lx.org_names.setdefault(n, []).append(key)
    lx.org_heads = [(r["word"], r["class"], r["position"]) for r in read_tsv(lexd / "org_heads.tsv")]
    by_n: dict[int, dict[str, list[tuple[int, str, str]]]] = {}
    for rank, (word, cls, pos) in enumerate(lx.org_heads):
        by_n.setdefault(len(word.split()), {}).setdefault(word, []).append((rank, cls, pos))
    lx.head_index = sorted(by_n.items(), reverse=True)
    lx.operations = {(r["lemma"], r["pos"]): (r["kind"], float(r["weight"]))
                     for r in read_tsv(lexd / "operations.tsv")}
    lx.funding = {(r["lemma"], r["pos"]): r["role"] for r in read_tsv(lexd / "funding.tsv")}
    lx.roles = {r["title"]: (r["relation"], r["target"], r.get("fallback", ""))
                for r in read_tsv(lexd / "roles.tsv")}
    lx.not_actors = frozenset(r["name"] for r in read_tsv(lexd / "not_actors.tsv"))
    lx.not_actors_folded = frozenset(map(fold, lx.not_actors))
    lx.products = frozenset(r["word"] for r in read_tsv(lexd / "products.tsv"))
    lx.alias_cues = tuple(sorted({tuple(r["cue"].split()) for r in read_tsv(lexd / "alias_cues.tsv")},
                                 key=len, reverse=True))
    lx.security_terms = frozenset(r["word"] for r in read_tsv(lexd / "security_terms.tsv"))
    roles: dict[str, set[str]] = {}
    for r in read_tsv(lexd / "event_words.tsv"):
        roles.setdefault(r["role"], set()).add(r["word"])
    lx.event_words = {k: frozenset(v) for k, v in roles.items()}
    _load_minor_places(lx, gz)
    return lx


def _load_minor_places(lx: Lexicon, gz: Path) -> None:
    """towns.tsv and subdivisions.tsv (140k rows: split by hand, not csv.DictReader)."""
    for fname, prefix in (("subdivisions.tsv", "subdivision"), ("towns.tsv", "town")):
        path = gz / fname
        if not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        for line in lines:
            f = line.split("\t")
            if len(f) < 4 or line.startswith("#"):
                continue
            if prefix == "town":
                name, folded, cc, gid, typ = f[0], f[1], f[2], f[3] or None, "Municipality"
            else:
                name, folded, cc, gid = f[0], f[1], f[3], None
                typ = "Municipality" if f[2] == "municipality" else "AdministrativeArea"
            key = f"{prefix}:{cc}:{folded}"
            lx.minor_places.setdefault(folded, []).append((key, name, typ, cc, gid))   # keys are unique


def _place_key(r: dict) -> str:
    t = REGION_TYPES.get(r.get("type", ""), "Region")
    kind = "city" if t == "Municipality" else "region"
    return f"{kind}:{r.get('country', '').upper()}:{fold(r['name'])}"


def _add_place(lx: Lexicon, r: dict) -> None:
    key = _place_key(r)
    if key in lx.places:
        return
    t = REGION_TYPES.get(r.get("type", ""), "Region")
    aliases = tuple(split(r.get("aliases", "")))
    lx.places[key] = Place(key, r["name"], t, r.get("country", "").upper() or None, None,
                           r.get("geonames_id") or None, r.get("lat") or None, r.get("lon") or None, aliases)
    for n in (r["name"], *aliases):
        lx.place_names.setdefault(fold(n), []).append(key)


def _find_region(lx: Lexicon, name: str, country: str) -> str | None:
    for key in lx.place_names.get(fold(name), []):
        p = lx.places[key]
        if p.country == country and key.startswith("region:"):
            return key
    return None
