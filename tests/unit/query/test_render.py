"""`kg query` output for a terminal: tables that fit, records when they cannot, csv/json whole.

Widths are measured with rich's cell_len (an oracle independent of kg.query.render.cell_width).
A table cell is found by the table's own layout: a line with "│" is a row, its cells are the
parts between the "│"s less the one space of padding on each side of a separator.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from kg.errors import QueryError
from kg.query.render import (ELLIPSIS, MAX_CELL, cell_width, clean, cut, render, render_records,
                             render_table, shorten_iri, wrap)
from kg.query.run import Table

ID = "https://w3id.org/kg/id/"
LONG = ("The patrol boats are paid for by a grant that two ministries signed after a year of talks "
        "about coastal smuggling routes, spare parts and the training of crews.")

IRIS = Table(["org", "org_name", "place"], [
    [ID + "organization/harbour-police", "Harbour Police", ID + "location/port-town"],
    [ID + "organization/customs-office", "Customs Office", None],
])
LONG_TEXT = Table(["name", "quote"], [["Grant", LONG], ["Loan", "short"]])
NONES = Table(["a", "b", "c"], [[None, None, None], ["x", None, "1"]])
MANY = Table([f"column_{k}" for k in range(9)], [[f"value {k} " * 3 for k in range(9)] for _ in range(3)])
UNICODE = Table(["name", "city"], [["Abimaél Guzmán", "東京都港区"], ["e\u0301tude", "Zürich"],
                                   ["繁體中文的一個很長的名字" * 3, "مدينة"]])
WIKIDATA = Table(["x", "same_as"], [["One", "http://www.wikidata.org/entity/Q42"],
                                    ["Two", "https://sws.geonames.org/3996063/"]])
EMPTY = Table(["a", "b"], [])
TABLES = {"iris": IRIS, "long": LONG_TEXT, "nones": NONES, "many": MANY, "unicode": UNICODE,
          "wikidata": WIKIDATA, "empty": EMPTY}
WIDTHS = [40, 80, 200]


def table_cells(text: str) -> list[list[str]]:
    """Cells of every table line of `text` (lines with "│"), padding removed, None if no table."""
    rows = []
    for line in text.splitlines():
        if "│" not in line:
            continue
        parts = line.split("│")
        rows.append([p[:-1] if k == 0 else p[1:] if k == len(parts) - 1 else p[1:-1]
                     for k, p in enumerate(parts)])
    return rows


def is_table(text: str) -> bool:
    return any(set(line) <= set("─┼") and "┼" in line for line in text.splitlines()[1:2])


@pytest.mark.parametrize("width", [*WIDTHS, 12, 1])
@pytest.mark.parametrize("name", sorted(TABLES))
@pytest.mark.parametrize("fmt", ["table", "records"])
def test_render_no_line_wider_than_the_terminal(name, width, fmt):
    out = render(TABLES[name], fmt, width)
    assert out.endswith("\n")
    for line in out.splitlines():
        assert cell_len(line) <= width, (line, cell_len(line))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(TABLES))
def test_render_table_cells_at_least_min_cell(name, width):
    out = render_table(TABLES[name], width)
    for row in table_cells(out):
        assert len(row) == len(TABLES[name].columns)
        for cell in row:
            assert cell_len(cell) >= 12, (cell, out)


@pytest.mark.parametrize("name, width, layout", [
    ("many", 80, "records"), ("many", 200, "table"), ("iris", 80, "table"), ("iris", 40, "records"),
    ("long", 40, "table"), ("unicode", 40, "table"), ("empty", 80, "table"),
])
def test_render_table_chooses_layout(name, width, layout):
    out = render_table(TABLES[name], width)
    assert ("table" if is_table(out) else "records") == layout, out


@pytest.mark.parametrize("name, width", [("iris", 80), ("long", 80), ("many", 200), ("unicode", 80), ("nones", 42)])
def test_render_table_one_line_a_row(name, width):
    out = render_table(TABLES[name], width)
    assert len(out.splitlines()) == 2 + len(TABLES[name].rows)


@pytest.mark.parametrize("width", WIDTHS)
def test_render_table_cuts_long_text_with_ellipsis(width):
    out = render_table(LONG_TEXT, width)
    quote = table_cells(out)[1][1]
    assert quote.rstrip().endswith(ELLIPSIS)
    assert LONG.startswith(quote.rstrip()[:-1])
    assert cell_len(quote) <= MAX_CELL


@pytest.mark.parametrize("table, first", [(IRIS, ["org_name", "org", "place"]), (WIKIDATA, ["x", "same_as"])])
def test_render_table_labels_before_iris(table, first):
    heads = [h.strip() for h in table_cells(render_table(table, 200))[0]]
    assert heads == first


@pytest.mark.parametrize("table, shown, hidden", [
    (IRIS, ["kgr:organization/harbour-police", "kgr:location/port-town"], [ID]),
    (WIKIDATA, ["wd:Q42", f"<{ELLIPSIS}/3996063/>"], ["http://", "https://"]),
])
def test_render_table_shows_iris_short(table, shown, hidden):
    out = render_table(table, 200)
    for s in shown:
        assert s in out
    for h in hidden:
        assert h not in out


@pytest.mark.parametrize("width", [80])
def test_render_table_none_is_empty(width):
    rows = table_cells(render_table(NONES, width))
    assert [c.strip() for c in rows[1]] == ["", "", ""]
    assert [c.strip() for c in rows[2]] == ["x", "", "1"]


@pytest.mark.parametrize("width", WIDTHS)
def test_render_records_every_column_every_row(width):
    out = render_records(MANY, width)
    assert out.count(" of 3 ") == 3
    for name in MANY.columns:
        assert sum(line.startswith(name + ":") for line in out.splitlines()) == 3


@pytest.mark.parametrize("width", [40, 80])
def test_render_records_wraps_whole_words(width):
    out = render_records(LONG_TEXT, width)
    block = out.split("── 2 of 2")[0].splitlines()[2:]          # the quote of the first record
    words = " ".join(line.strip() for line in block).removeprefix("quote:").split()
    assert " ".join(words) == LONG


@pytest.mark.parametrize("width", [80])
def test_render_records_keeps_unprefixed_iris_whole(width):
    out = render_records(WIKIDATA, width)
    assert "wd:Q42" in out and "https://sws.geonames.org/3996063/" in out


@pytest.mark.parametrize("table", [IRIS, NONES, UNICODE, LONG_TEXT])
@pytest.mark.parametrize("width", [40])
def test_render_csv_and_json_unchanged(table, width):
    assert render(table, "csv", width) == table.to_csv()
    assert json.loads(render(table, "json", width)) == table.to_records()
    assert ID + "organization/harbour-police" in render(IRIS, "csv", width)


@pytest.mark.parametrize("fmt", ["xml", "TABLE", ""])
def test_render_unknown_format_is_coded_error(fmt):
    with pytest.raises(QueryError, match=r"^\[E071\].*records"):
        render(IRIS, fmt, 80)


@pytest.mark.parametrize("value, shown", [
    ("line one\nline two", "line one line two"),
    ("red \x1b[31m text", "red [31m text"),
    ("right\u202eleft", "rightleft"),
    ("e\u0301", "\u00e9"),
])
def test_clean_one_printable_line(value, shown):
    assert clean(value) == shown
    assert shown in render_table(Table(["v"], [[value]]), 80)


@pytest.mark.parametrize("text", ["Abimaél Guzmán", "東京都港区", "e\u0301tude", "مدينة", "Zürich ½ € — “x”"])
def test_cell_width_agrees_with_rich(text):
    assert cell_width(text) == cell_len(text)


@pytest.mark.parametrize("value, width", [("東京都港区", 5), ("Guzmán", 4), ("plain", 3), ("xy", 1)])
def test_cut_fits_and_says_so(value, width):
    out = cut(value, width)
    assert cell_len(out) <= width and out.endswith(ELLIPSIS)
    assert cell_width(out) == cell_len(out)


@pytest.mark.parametrize("value", ["https://w3id.org/kg/ontology#Operation", "Programme: Plan", "see https://a.org/x"])
def test_shorten_iri_only_whole_iris(value):
    out = shorten_iri(value)
    assert out == ("kg:Operation" if value.startswith("https://w3id.org") else value)


@settings(max_examples=200, deadline=None)
@given(cols=st.integers(1, 8), width=st.integers(1, 220), data=st.data())
def test_render_table_fits_any_table(cols, width, data):
    text = st.one_of(st.none(), st.text(max_size=80), st.sampled_from([ID + "person/someone", LONG, "東京" * 30]))
    rows = data.draw(st.lists(st.lists(text, min_size=cols, max_size=cols), max_size=4))
    table = Table([f"c{k}" for k in range(cols)], rows)
    out = render_table(table, width)           # width tables disagree on rare characters (U+1160):
    assert all(cell_width(line) <= width for line in out.splitlines())       # kg's own measure here
    if is_table(out):
        assert all(cell_width(c) >= 12 for row in table_cells(out) for c in row)
        assert len(out.splitlines()) == 2 + len(rows)


@pytest.mark.parametrize("width", [1, 3, 9])
def test_wrap_never_wider(width):
    for line in wrap("a 東京 aaaaaaaaaaaaa " + LONG, width, 50):
        assert cell_len(line) <= width
