"""Wikidata ids of gazetteer entries, read from the bundled gazetteer files (offline).

Places carry their `wikidata` column through this module rather than through the
lexicon's `Place` record, so adding a `wikidata` column to countries.tsv, regions.tsv or
cities.tsv is enough to link the places it lists. Organisations carry theirs in
`Org.wikidata` (organizations.tsv).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..config import ONTOLOGY_DIR

QID = re.compile(r"Q[1-9][0-9]*")
PLACE_FILES = ("countries.tsv", "regions.tsv", "cities.tsv")


def is_qid(value: str) -> bool:
    """Tell whether `value` is a Wikidata item id.

    >>> is_qid("Q774"), is_qid("Q0"), is_qid("q774"), is_qid("")
    (True, False, False, False)
    """
    return bool(QID.fullmatch(value or ""))


@lru_cache(maxsize=4)
def place_wikidata(ontology_dir: str = str(ONTOLOGY_DIR)) -> dict[str, str]:
    """Return gazetteer place key ("country:GT", "region:MX:sinaloa") -> Wikidata id.

    Rows with an empty or malformed `wikidata` field are left out (no guess is made).
    """
    from ..nlp.lexicon import _place_key, read_tsv
    gz = Path(ontology_dir) / "gazetteer"
    out: dict[str, str] = {}
    for fname in PLACE_FILES:
        for r in read_tsv(gz / fname):
            qid = r.get("wikidata", "")
            if not is_qid(qid):
                continue
            key = f"country:{r['code'].upper()}" if fname == "countries.tsv" else _place_key(r)
            out.setdefault(key, qid)
    return out


def wikidata_id(entry, ontology_dir: str | None = None) -> str | None:
    """Return the Wikidata id the gazetteer gives a place or organisation entry, or None.

    >>> from kg.nlp.lexicon import load_lexicon
    >>> wikidata_id(load_lexicon().places["country:HN"])
    'Q783'
    """
    own = getattr(entry, "wikidata", None)
    if own:
        return own if is_qid(own) else None
    key = getattr(entry, "key", "")
    return place_wikidata(ontology_dir or str(ONTOLOGY_DIR)).get(key)
