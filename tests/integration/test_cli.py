"""The `kg` command end to end, as a user runs it (subprocesses, real model, real stores)."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import rdflib
from rich.cells import cell_len

REPO = Path(__file__).resolve().parents[2]
TINY = REPO / "tests" / "data" / "tiny"
KG_NS = "https://w3id.org/kg/ontology#"


def run(cmd: list[str], *args, cwd: Path | None = None, check: bool = True,
        columns: int = 200) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    env.pop("KG_DEBUG", None)
    p = subprocess.run([*cmd, *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True,
                       timeout=300, stdin=subprocess.DEVNULL)
    if check:
        assert p.returncode == 0, f"{args}: exit {p.returncode}\n{p.stdout}\n{p.stderr}"
    return p


@pytest.fixture(scope="module")
def cli_store(kg_cmd, tmp_path_factory) -> Path:
    """tests/data/tiny built with `kg build` (once for this module)."""
    work = tmp_path_factory.mktemp("cli")
    p = run(kg_cmd, "build", TINY, "--store", work / "store", cwd=work)
    assert "built 5, replaced 0, unchanged 0, skipped 0, failed 0" in p.stderr
    return work / "store"


@pytest.mark.parametrize("fmt, rdflib_format", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_cli_export_parses(kg_cmd, cli_store, tmp_path, fmt, rdflib_format):
    out = tmp_path / f"graph.{fmt}"
    p = run(kg_cmd, "export", "--store", cli_store, "--format", fmt, "-o", out)
    assert f"of {fmt} to {out}" in p.stderr
    g = rdflib.Graph().parse(out, format=rdflib_format)
    ops = set(g.subjects(rdflib.RDF.type, rdflib.URIRef(KG_NS + "Operation")))
    assert ops, "no kg:Operation in the export"
    assert set(g.subjects(rdflib.RDF.type, rdflib.URIRef(KG_NS + "Mention")))


@pytest.mark.parametrize("fmt", ["turtle"])
def test_cli_export_refuses_to_overwrite(kg_cmd, cli_store, tmp_path, fmt):
    out = tmp_path / "graph.ttl"
    out.write_text("keep me", encoding="utf-8")
    p = run(kg_cmd, "export", "--store", cli_store, "--format", fmt, "-o", out, check=False)
    assert p.returncode == 2
    assert "--force" in p.stderr and "[E081]" in p.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    run(kg_cmd, "export", "--store", cli_store, "--format", fmt, "-o", out, "--force")
    assert "kg:Operation" in out.read_text(encoding="utf-8")
    assert [f.name for f in tmp_path.iterdir()] == ["graph.ttl"], "a temporary file was left behind"


@pytest.mark.parametrize("place, organization", [("Cartagena", "Narcotics Unit"), ("cartagena", "Narcotics Unit")])
def test_cli_named_query_with_param(kg_cmd, cli_store, place, organization):
    p = run(kg_cmd, "query", "orgs-in-operations-at-place", "--store", cli_store,
            "--param", f"place_label={place}", "--format", "json")
    rows = json.loads(p.stdout)
    assert len(rows) >= 1
    assert {r["place_name"] for r in rows} == {"Cartagena"}
    assert any(organization in r["organization_name"] for r in rows)


@pytest.mark.parametrize("place", ["Atlantis"])
def test_cli_named_query_unknown_place_is_empty(kg_cmd, cli_store, place):
    p = run(kg_cmd, "query", "orgs-in-operations-at-place", "--store", cli_store,
            "--param", f"place_label={place}", "--format", "json")
    assert json.loads(p.stdout) == []


TWO_HOP = """SELECT DISTINCT ?org_name ?place_name WHERE {
  ?op a kg:Operation ; kg:hasParticipant ?org ; kg:locatedIn ?place .
  ?org a kg:Organization ; skos:prefLabel ?org_name .
  ?place skos:prefLabel ?place_name .
} ORDER BY ?org_name ?place_name"""


@pytest.mark.parametrize("query, expected", [(TWO_HOP, ("Narcotics Unit", "Cartagena"))])
def test_cli_inline_two_hop_sparql(kg_cmd, cli_store, query, expected):
    p = run(kg_cmd, "query", query, "--store", cli_store, "--format", "csv")
    lines = p.stdout.splitlines()
    assert lines[0] == "org_name,place_name"
    rows = [tuple(l.split(",", 1)) for l in lines[1:]]
    assert any(expected[0] in o and pl == expected[1] for o, pl in rows), rows


@pytest.mark.parametrize("query, code", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", ("[E070]",)),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", ("[E070]", "[E071]")),
    ("SELECT * WHERE { ?s ?p ?o } ; DROP ALL", ("[E070]",)),
    ("SELECT * WHERE { ?s ?p }", ("[E071]",)),
    ("no-such-query", ("[E071]",)),
])
def test_cli_query_rejects_with_code(kg_cmd, cli_store, query, code):
    p = run(kg_cmd, "query", query, "--store", cli_store, check=False)
    assert p.returncode == 2
    assert p.stderr.startswith(code), p.stderr
    assert "Traceback" not in p.stderr
    ask = run(kg_cmd, "query", "ASK { <urn:a> <urn:b> <urn:c> }", "--store", cli_store)
    assert ask.stdout.strip() == "false"


@pytest.mark.parametrize("expected", [["orgs-in-operations-at-place", "who-funds-what"]])
def test_cli_queries_lists_named_queries(kg_cmd, expected):
    out = run(kg_cmd, "queries").stdout
    for name in expected:
        assert name in out


def table_cells(line: str) -> list[str]:
    """The cells of one table line: the parts between vertical rules ("│", "┃", outer borders
    dropped), less the one space of padding beside each rule. [] for a line with no rule."""
    if not re.search("[│┃]", line):
        return []
    parts = re.split("[│┃]", line)
    cells = [p[1 if k else 0:len(p) - (k < len(parts) - 1)] for k, p in enumerate(parts)]
    return cells[line[0] in "│┃": len(cells) - (line[-1] in "│┃")]


QUERIES_AT = [  # (query, params, COLUMNS, layout expected)
    ("who-funds-what", [], 80, "records"),           # 9 columns, 3 of them IRIs
    ("who-funds-what", [], 200, "table"),
    ("operations-by-place", [], 80, "records"),      # 8 columns
    ("orgs-in-operations-at-place", ["--param", "place_label=Colombia"], 80, "records"),   # 7 columns
    ("orgs-in-operations-at-place", ["--param", "place_label=Colombia"], 120, "table"),
    ("places-hierarchy", [], 80, "table"),           # 4 columns, 2 of them IRIs
]


@pytest.mark.parametrize("query, params, columns, layout", QUERIES_AT)
def test_cli_query_table_fits_terminal(kg_cmd, cli_store, query, params, columns, layout):
    rows = json.loads(run(kg_cmd, "query", query, "--store", cli_store, *params, "--format", "json").stdout)
    assert rows, f"{query}: no rows on tests/data/tiny, nothing to check"
    out = run(kg_cmd, "query", query, "--store", cli_store, *params, columns=columns).stdout
    lines = out.splitlines()
    for line in lines:
        assert cell_len(line) <= columns, f"{cell_len(line)} cells > {columns}: {line!r}"
    cells = [c for line in lines for c in table_cells(line)]
    narrow = [c for c in cells if cell_len(c) < 12]
    assert not narrow, f"cells narrower than 12: {narrow[:5]}\n{out}"
    if layout == "table":
        assert len(lines) == 2 + len(rows), "a table row takes more than one line"
        assert len(cells) == len(rows[0]) * (1 + len(rows)), "every row shows every column"
    else:
        assert not cells
        rules = [l.split()[1:4] for l in lines if l.startswith("── ")]
        assert rules == [[str(k), "of", str(len(rows))] for k in range(1, len(rows) + 1)]
        for name in rows[0]:
            assert sum(l.split(" ", 1)[0] == name + ":" for l in lines) == len(rows), name


@pytest.mark.parametrize("query, params", [("who-funds-what", []), ("operations-by-place", [])])
def test_cli_query_csv_json_unchanged(kg_cmd, cli_store, query, params):
    from kg.api import query as kg_query
    table = kg_query(cli_store, query)
    csv_out = run(kg_cmd, "query", query, "--store", cli_store, *params, "--format", "csv", columns=80).stdout
    json_out = run(kg_cmd, "query", query, "--store", cli_store, *params, "--format", "json", columns=80).stdout
    assert csv_out == table.to_csv()
    assert json_out == table.to_json() + "\n"
    first = json.loads(json_out)[0]
    assert list(first) == table.columns                      # the query's column order, not the table's
    iris = [v for v in first.values() if v and v.startswith("https://w3id.org/kg/")]
    assert iris and all("…" not in v for v in iris)          # full IRIs


@pytest.mark.parametrize("fmt", ["records"])
def test_cli_query_records_format_always_blocks(kg_cmd, cli_store, fmt):
    out = run(kg_cmd, "query", "places-hierarchy", "--store", cli_store, "--format", fmt, columns=200).stdout
    assert out.startswith("── 1 of ") and "│" not in out
    assert "place_name" in out and "kgr:location/" in out


@pytest.mark.parametrize("fmt", ["xml"])
def test_cli_query_unknown_format_is_coded_error(kg_cmd, cli_store, fmt):
    p = run(kg_cmd, "query", "leaders", "--store", cli_store, "--format", fmt, check=False)
    assert p.returncode == 2 and p.stderr.startswith("[E071]") and "records" in p.stderr


@pytest.mark.parametrize("lines", [["documents: 5", "Operation", "hasParticipant", "top actors by degree:"]])
def test_cli_stats(kg_cmd, cli_store, lines):
    out = run(kg_cmd, "stats", "--store", cli_store).stdout
    for line in lines:
        assert line in out


@pytest.mark.parametrize("store_fixture", ["demo_store"])
def test_cli_validate_conforms(kg_cmd, request, store_fixture):
    store = request.getfixturevalue(store_fixture).store.path
    p = run(kg_cmd, "validate", "--store", store)
    assert "conforms" in p.stdout


@pytest.mark.parametrize("args", [["export", "--format", "turtle", "-o", "x.ttl"], ["stats"], ["validate"]])
def test_cli_missing_store_is_coded_error(kg_cmd, tmp_path, args):
    p = run(kg_cmd, *args, "--store", tmp_path / "nothing-here", cwd=tmp_path, check=False)
    assert p.returncode == 2, p.stderr
    assert "[E05" in p.stderr and "Traceback" not in p.stderr


@pytest.mark.parametrize("doc", ["one.txt"])
def test_cli_build_again_reports_unchanged(kg_cmd, tmp_path, doc):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / doc).write_bytes((TINY / doc).read_bytes())
    run(kg_cmd, "build", tmp_path / "docs", "--store", tmp_path / "store")
    p = run(kg_cmd, "build", tmp_path / "docs", "--store", tmp_path / "store")
    assert "built 0, replaced 0, unchanged 1, skipped 0, failed 0" in p.stderr
