"""Render a SELECT result for a terminal: a table that fits its width, or one block per record.

Pure functions: a Table and a width in, text out. Guarantees of `render_table` and
`render_records`, for any width of 1 or more:

- no line is wider than `width` terminal cells (an East Asian wide character counts two, a
  combining mark none; values are NFC-normalised, control characters become spaces and
  invisible format characters such as bidi overrides are dropped, so a value cannot move the
  cursor or reorder what is printed around it);
- a table column is never narrower than MIN_CELL cells: when the columns cannot all get that
  much, the result is printed as records instead;
- a table row is one line: long text is cut with "…" (at most MAX_CELL cells a cell);
- columns of labels and values come first, columns holding only IRIs last; an IRI is shown
  short, with the project's prefixes (`kgr:organization/...`) or as `<…/last-part>`.

CSV and JSON are not made here: they keep every value whole (Table.to_csv, Table.to_json).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Sequence

from ..errors import QueryError
from ..namespaces import PREFIXES, WIKIDATA

MIN_CELL = 12        # no table column narrower than this; records instead
MAX_CELL = 48        # a table cell longer than this is cut with ELLIPSIS
MAX_VALUE_LINES = 8  # a record value wraps on at most this many lines, the last one cut
ELLIPSIS = "…"
SEP = " │ "          # between table columns; the test suite finds cells by "│"
CROSS = "─┼─"        # the same place on the rule under the header
RULE = "─"
FORMATS = ("table", "records", "csv", "json")

# Display prefixes: the project's, and Wikidata's usual `wd:` (owl:sameAs links point there).
SHORT_PREFIXES = {**PREFIXES, "wd": WIKIDATA}
_IRI = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|urn:)[^\s<>\"{}|\\^`]+")
_ONE_CELL = re.compile("[ -~\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u058f]*")  # Latin, Greek, Cyrillic
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def render(table, fmt: str, width: int) -> str:
    """Return `table` as text in format `fmt` (one of FORMATS) for a terminal `width` cells wide.

    csv and json are the Table's own, whole values and full IRIs, whatever the width.

    Raises:
        QueryError: `fmt` is not one of FORMATS.
    """
    if check_format(fmt) == "csv":
        return table.to_csv()
    if fmt == "json":
        return table.to_json() + "\n"
    if fmt == "table":
        return render_table(table, width)
    return render_records(table, width)


def check_format(fmt: str) -> str:
    """Return `fmt` if it is one of FORMATS.

    Raises:
        QueryError: it is not; the message lists FORMATS.
    """
    if fmt not in FORMATS:
        raise QueryError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return fmt


def render_table(table, width: int) -> str:
    """Return `table` as a table that fits `width`, or as records when its columns cannot fit.

    One line a row, columns separated by SEP, a rule under the header; see the module's
    guarantees.

    >>> from kg.query.run import Table
    >>> t = Table(["org", "org_name", "place"],
    ...           [["https://w3id.org/kg/id/organization/dea", "Drug Enforcement Administration", "Tegucigalpa"]])
    >>> print(render_table(t, 60), end="")  # doctest: +NORMALIZE_WHITESPACE
    org_name               │ place        │ org
    ───────────────────────┼──────────────┼─────────────────────
    Drug Enforcement Admi… │ Tegucigalpa  │ kgr:organization/dea
    >>> print(render_table(t, 36), end="")
    ── 1 of 1 ──────────────────────────
    org_name: Drug Enforcement
              Administration
    place:    Tegucigalpa
    org:      kgr:organization/dea
    """
    width = max(1, width)
    if not table.columns:
        return ""
    order = column_order(table.columns, table.rows)
    heads = [clean(table.columns[i]) for i in order]
    values = [[clean(r[i]) for i in order] for r in table.rows]
    iris = [[_IRI.fullmatch(v) is not None for v in r] for r in values]
    cells = [[shorten_iri(v) if i else v for v, i in zip(r, ri)] for r, ri in zip(values, iris)]
    sizes = [[cell_width(c) for c in r] for r in cells]
    natural = [min(MAX_CELL, max(MIN_CELL, cell_width(h), *(s[j] for s in sizes))) for j, h in enumerate(heads)]
    widths = fit_widths(natural, width - cell_width(SEP) * (len(heads) - 1))
    if widths is None:
        return render_records(table, width)
    right = [all(not r[j] or _NUMBER.fullmatch(r[j]) for r in cells) and any(r[j] for r in cells)
             for j in range(len(heads))]
    lines = [SEP.join(_pad(h, cell_width(h), w, r) for h, w, r in zip(heads, widths, right)),
             CROSS.join(RULE * w for w in widths)]
    lines += [SEP.join(_pad(c, n, w, r, i) for c, n, w, r, i in zip(row, size, widths, right, ri))
              for row, size, ri in zip(cells, sizes, iris)]
    return "\n".join(lines) + "\n"


def render_records(table, width: int) -> str:
    """Return `table` as one block a row: a rule with the row's number, then `column: value` lines.

    Values wrap at spaces to the width (MAX_VALUE_LINES lines at most, the last cut with "…");
    an IRI with a project prefix is shown prefixed, any other IRI whole. Labels come before IRIs.

    >>> from kg.query.run import Table
    >>> print(render_records(Table(["a", "b"], [["x", None], ["y y y", "z"]]), 12), end="")
    ── 1 of 2 ──
    a: x
    b:
    ── 2 of 2 ──
    a: y y y
    b: z
    """
    width = max(1, width)
    if not table.rows or not table.columns:
        return cut("(no rows)", width) + "\n"
    order = column_order(table.columns, table.rows)
    names = [clean(table.columns[i]) for i in order]
    key = max(cell_width(n) for n in names) + 2
    if key <= width // 2:               # values beside their names
        heads, indent, room = [f"{n}:" + " " * (key - cell_width(n) - 1) for n in names], " " * key, width - key
    else:                               # names on their own line, values under them, indented
        heads, indent = [cut(f"{n}:", width) + "\n" for n in names], "  " if width > 2 else ""
        room = width - len(indent)
    out = []
    for n, row in enumerate(table.rows, 1):
        out.append(_record_rule(n, len(table.rows), width))
        for head, i in zip(heads, order):
            value = wrap(shorten_iri(clean(row[i]), lossy=False), room, MAX_VALUE_LINES)
            first = (indent if head.endswith("\n") else "") + value[0] if value else ""
            out.append((head + first).rstrip())
            out += [indent + v for v in value[1:]]
    return "\n".join(out) + "\n"


def column_order(columns: Sequence[str], rows: Sequence[Sequence[str | None]]) -> list[int]:
    """Return column indexes, labels and values first, columns holding only IRIs last (stable).

    >>> column_order(["x", "x_name", "n"], [["https://a.org/1", "One", "1"], [None, "Two", "2"]])
    [1, 2, 0]
    """
    def only_iris(i: int) -> bool:
        values = [r[i] for r in rows if r[i] is not None]
        return bool(values) and all(_IRI.fullmatch(v) for v in values)
    flags = [only_iris(i) for i in range(len(columns))]
    return [i for i, f in enumerate(flags) if not f] + [i for i, f in enumerate(flags) if f]


def fit_widths(natural: Sequence[int], room: int, floor: int = MIN_CELL) -> list[int] | None:
    """Return column widths summing to at most `room`: the widest columns shrink first, none below
    `floor`; None when even `floor` for every column does not fit.

    >>> fit_widths([20, 14, 40], 80)
    [20, 14, 40]
    >>> fit_widths([20, 14, 40], 50)
    [18, 14, 18]
    >>> fit_widths([20, 14, 40], 30) is None
    True
    """
    if sum(natural) <= room:
        return list(natural)
    if floor * len(natural) > room:
        return None
    level = max(n for n in range(floor, max(natural) + 1) if sum(min(w, n) for w in natural) <= room)
    widths = [min(w, level) for w in natural]
    spare = room - sum(widths)
    for j, w in enumerate(natural):      # what the level leaves, one cell each to the capped columns
        if spare and w > level:
            widths[j] += 1
            spare -= 1
    return widths


def clean(value: str | None) -> str:
    """Return `value` as one printable line: NFC, control characters as spaces, format characters
    (bidi overrides, zero-width joiners) dropped, runs of white space as one space; None as "".

    >>> clean("Upper\\nHuallaga \\x1b[31m\\u202eevil")
    'Upper Huallaga [31mevil'
    >>> clean(None)
    ''
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", value)
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
                       for c in text if unicodedata.category(c) != "Cf")
    return " ".join(text.split())


def shorten_iri(value: str, prefixes: dict[str, str] = SHORT_PREFIXES, *, lossy: bool = True) -> str:
    """Return an IRI `value` short: `prefix:local` with the longest matching base of `prefixes`,
    else (when `lossy`) `<…/last-part>`; any other value unchanged.

    >>> shorten_iri("https://w3id.org/kg/id/organization/dea")
    'kgr:organization/dea'
    >>> shorten_iri("https://sws.geonames.org/3996063/")
    '<…/3996063/>'
    >>> shorten_iri("https://sws.geonames.org/3996063/", lossy=False)
    'https://sws.geonames.org/3996063/'
    >>> shorten_iri("Programme: Plan")
    'Programme: Plan'
    """
    if not _IRI.fullmatch(value):
        return value
    best = max((b for b in prefixes.values() if value.startswith(b) and len(value) > len(b)), key=len, default=None)
    if best is not None:
        name = next(p for p, b in prefixes.items() if b == best)
        return f"{name}:{value[len(best):]}"
    if not lossy:
        return value
    m = re.search(r"[^/#:]+[/#]?$", value)
    return f"<{ELLIPSIS}/{m.group(0)}>" if m else value


def cell_width(text: str) -> int:
    """Return how many terminal cells `text` takes: wide characters 2, combining marks 0.

    >>> cell_width("Guzmán"), cell_width("東京"), cell_width("e\\u0301")
    (6, 4, 1)
    """
    if text.isascii() or _ONE_CELL.fullmatch(text):
        return len(text)
    return sum(map(_char_width, text))


def cut(text: str, width: int) -> str:
    """Return `text` cut to at most `width` cells, ending with "…" when something was cut.

    >>> cut("Japan International Cooperation Agency", 12)
    'Japan Inter…'
    >>> cut("東京都", 5), cut("short", 12)
    ('東京…', 'short')
    """
    if cell_width(text) <= width:
        return text
    return _take(text, width - 1) + ELLIPSIS if width >= 1 else ""


def cut_start(text: str, width: int) -> str:
    """Return `text` cut to at most `width` cells by dropping what follows its prefix (the part up
    to the first ":", or "<"), so a short IRI keeps its prefix and the end that tells it apart.

    >>> cut_start("kgr:location/agadez-9350ffed", 18)
    'kgr:…adez-9350ffed'
    >>> cut_start("<…/3996063/>", 8), cut_start("kgr:person/x", 20)
    ('<…6063/>', 'kgr:person/x')
    """
    if cell_width(text) <= width:
        return text
    head = "<" if text.startswith("<") else text[:text.find(":") + 1]
    if cell_width(head) * 2 > width:
        head = ""
    keep, room = len(text), width - cell_width(head) - 1
    while keep > 0 and _char_width(text[keep - 1]) <= room:
        keep -= 1
        room -= _char_width(text[keep])
    return head + ELLIPSIS + text[keep:] if width >= 1 else ""


def wrap(text: str, width: int, max_lines: int = MAX_VALUE_LINES) -> list[str]:
    """Return `text` in lines of at most `width` cells, broken at spaces (a longer word is broken
    where it must), at most `max_lines` lines, the last one ending with "…" if text is left.

    >>> wrap("a loan of about 18.7 billion yen", 10)
    ['a loan of', 'about 18.7', 'billion', 'yen']
    >>> wrap("a loan of about 18.7 billion yen", 10, 2)
    ['a loan of', 'about 18.…']
    >>> wrap("kgr:organization/dea", 8)
    ['kgr:orga', 'nization', '/dea']
    """
    width = max(1, width)
    if cell_width(text) <= width:
        return [text] if text else []
    lines, line, used = [], "", 0
    for word in text.split(" "):
        size = cell_width(word)
        while size > width:                       # a word longer than a line: break it
            if line:
                lines.append(line)
                line, used = "", 0
            head = _take(word, width) or word[0]
            lines.append(head if cell_width(head) <= width else ELLIPSIS)   # a wide character in one cell
            word = word[len(head):]
            size = cell_width(word)
        if line and used + 1 + size > width:
            lines.append(line)
            line, used = word, size
        elif line:
            line, used = f"{line} {word}", used + 1 + size
        else:
            line, used = word, size
        if len(lines) > max_lines:
            break
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _take(lines[-1], width - 1) + ELLIPSIS
    return lines


def _take(text: str, width: int) -> str:
    """The longest start of `text` at most `width` cells wide."""
    if text.isascii():
        return text[:max(0, width)]
    used = 0
    for k, c in enumerate(text):
        used += _char_width(c)
        if used > width:
            return text[:k]
    return text


@lru_cache(maxsize=4096)
def _char_width(c: str) -> int:
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def _pad(text: str, size: int, width: int, right: bool, iri: bool = False) -> str:
    """`text` (`size` cells) cut (an IRI from its start) and padded to exactly `width` cells."""
    if size > width:
        text = cut_start(text, width) if iri else cut(text, width)
        size = cell_width(text)
    fill = " " * (width - size)
    return fill + text if right else text + fill


def _record_rule(n: int, total: int, width: int) -> str:
    head = f"{RULE * 2} {n} of {total} "
    return cut(head, width) if cell_width(head) >= width else head + RULE * (min(width, 72) - cell_width(head))
