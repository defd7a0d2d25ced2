"""Find what in a document is not article text: menus, bylines, share buttons,
related-story teasers, repeated paragraphs. Nothing is removed: the spans are
returned so extraction skips them while every offset stays that of the text read.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..config import ONTOLOGY_DIR

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH_RE = r"(?:%s)\.?" % "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b", re.I),
]
BYLINE = re.compile(r"^\s*(?:[Bb]y|BY|[Pp]or|POR)\s+[A-ZÀ-Þ]|\bBY\s+[A-Z][A-Z]+|^\s*(?:[Pp]hotos?|PHOTOS?)\s*(?::|by)"
                    r"|^\s*(?:[Ii]mage|IMAGE|[Cc]redit|CREDIT)s?:")
_SENTENCE_END = re.compile(r"[.!?\"”’)]\s*$")


@lru_cache(maxsize=1)
def debris_phrases() -> tuple[frozenset[str], tuple[str, ...]]:
    """(line phrases, tail phrases) from ontology/lexicon/debris.tsv."""
    lines, tails = set(), []
    path = Path(ONTOLOGY_DIR) / "lexicon" / "debris.tsv"
    for row in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not row.strip() or row.startswith("#") or row.startswith("phrase\t"):
            continue
        phrase, kind = row.split("\t")
        (lines.add(phrase) if kind == "line" else tails.append(phrase))
    return frozenset(lines), tuple(tails)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def find_debris(text: str) -> list[tuple[int, int]]:
    """Return sorted (start, end) spans of `text` that extraction should skip.

    >>> t = "Home\\nPolice seize 2 tons of cocaine in Peru\\n\\nThe police seized it.\\n\\nShare\\n"
    >>> [t[b:e] for b, e in find_debris(t)]
    ['Home', 'Share']
    """
    line_phrases, tails = debris_phrases()
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    started = False      # past the header block (menus before the headline)
    body_chars = 0
    keys = [_key(line) for _, _, line in _lines(text)]
    long_keys = {k for k in keys if len(k) >= 20}
    for (b, e, line), key in zip(_lines(text), keys):
        s = line.strip()
        if not s:
            continue
        words = s.split()
        low = " ".join(s.lower().split())
        if body_chars > 200 and any(low.startswith(t) for t in tails) and len(words) <= 12:
            spans.append((b, len(text)))
            break
        debris = (
            low.rstrip(":!") in line_phrases
            or (len(words) <= 12 and BYLINE.search(s) is not None)
            or (len(words) <= 12 and not _SENTENCE_END.search(s) and _has_date(s) and len(words) <= 8)
            or (len(words) < 4 and not _SENTENCE_END.search(s))
            or (len(key) >= 12 and key in seen)
            or (not started and any(k != key and key.endswith(k) for k in long_keys))
            or (len(words) <= 4 and any(low.startswith(p + " ") for p in line_phrases))
        )
        if debris:
            spans.append((b, e))
            continue
        if len(key) >= 12:
            seen.add(key)
        started = started or len(words) >= 4
        body_chars += len(s)
    return _merge(spans)


_NON_WORD = re.compile(r"[\W_]+")


def _key(line: str) -> str:
    return " ".join(_NON_WORD.sub(" ", line.lower()).split())


def _has_date(s: str) -> bool:
    return any(p.search(s) for p in DATE_PATTERNS)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for b, e in sorted(spans):
        if out and b <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((b, e))
    return out


def parse_date(s: str) -> str | None:
    """Return the first full date in `s` as ISO 8601, or None.

    >>> parse_date("GUATEMALA / 16 APR 2013 BY SOMEONE")
    '2013-04-16'
    >>> parse_date("March 09, 2021")
    '2021-03-09'
    """
    found = []
    for pat in DATE_PATTERNS:
        for m in pat.finditer(s):
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else MONTHS[g["mon"].lower().rstrip(".")]
            try:
                found.append((m.start(), date(int(g["y"]), month, int(g["d"])).isoformat()))
            except ValueError:
                continue        # "2020-02-30": not a date; a later one may be
    return min(found)[1] if found else None


def find_date(text: str) -> str | None:
    """The publication date: the first full date in the first lines of the document."""
    head = "\n".join(text.split("\n")[:15])[:1500]
    return parse_date(head)


def find_title(text: str, skip: list[tuple[int, int]] | tuple = ()) -> str | None:
    """The first line of four or more words that is not debris."""
    for b, e, line in _lines(text):
        if any(sb <= b < se for sb, se in skip):
            continue
        s = line.strip().lstrip("#").strip()
        if len(s.split()) >= 4:
            return s[:300]
    return None
