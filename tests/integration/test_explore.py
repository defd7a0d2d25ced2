"""Exploring a real graph (examples/corpus): focused views, stats, paths, exports that other
tools and `kg import` read back, and the served entity pages. CLI runs are subprocesses."""
from __future__ import annotations

import json
import os
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.export.serialize import ONTOLOGY_GRAPH

A, B = "Felipe Calderón", "George W. Bush"          # linked in the Mérida story (through Mexico)
FOCUS = "Government of Indonesia"


def run(cmd, *args, cwd=None):
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("KG_DEBUG", None)
    return subprocess.run([*cmd, *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)


def _data(path: Path) -> dict:
    line = next(l for l in path.read_text(encoding="utf-8").splitlines() if l.startswith("const DATA = "))
    return json.loads(line[len("const DATA = "):-1])


@pytest.fixture(scope="module")
def store(demo_store) -> Path:
    return demo_store.store.path


@pytest.mark.parametrize("args", [["--focus", FOCUS, "--hops", "2"], ["--type", "Operation,Funding"],
                                  ["--doc", "merida_initiative_2008.txt"], ["--since", "2020", "--until", "2023-06"]])
def test_cli_view_selection_matches_the_api(kg_cmd, demo_store, store, tmp_path, args):
    from kg.viz.analysis import Selection, select
    out = tmp_path / "v.html"
    p = run(kg_cmd, "view", "--store", store, "-o", out, *args)
    assert p.returncode == 0, p.stderr
    opts = dict(zip(args[::2], args[1::2]))
    sel = Selection(focus=opts.get("--focus"), hops=int(opts.get("--hops", 1)),
                    types=tuple(opts["--type"].split(",")) if "--type" in opts else (), doc=opts.get("--doc"),
                    since=opts.get("--since"), until=opts.get("--until"))
    expected = select(demo_store.networkx(), sel)
    data = _data(out)
    assert 0 < len(data["nodes"]) < len(demo_store.networkx())
    assert {n["id"] for n in data["nodes"]} == set(expected)


@pytest.mark.parametrize("args, code", [
    (["--focus", "Atlantis Police"], "E101"),
    (["--since", "2008-13-01"], "E103"),
    (["--query", "SELECT ?s WHERE { ?s ?p ?o }"], "E104"),
    (["--type", "Spaceship"], "E105"),
    (["--doc", "nothing.txt"], "E106"),
    (["--size", "pagerank"], "E108"),
])
def test_cli_view_bad_input_is_one_coded_line(kg_cmd, store, tmp_path, args, code):
    p = run(kg_cmd, "view", "--store", store, "-o", tmp_path / "v.html", *args)
    assert p.returncode == 2
    assert p.stderr.startswith(f"[{code}]") and len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert "Traceback" not in p.stderr and not (tmp_path / "v.html").exists()


CONSTRUCT = """CONSTRUCT { ?op kg:hasParticipant ?a } WHERE { ?op a kg:Operation ; kg:hasParticipant ?a .
  ?a a kg:Government }"""


@pytest.mark.parametrize("query", [CONSTRUCT])
def test_cli_view_query_shows_the_construct_result(kg_cmd, demo_store, store, tmp_path, query):
    rq = tmp_path / "gov.rq"
    rq.write_text(query, encoding="utf-8")
    p = run(kg_cmd, "view", "--store", store, "-o", tmp_path / "v.html", "--query", rq)
    assert p.returncode == 0, p.stderr
    data = _data(tmp_path / "v.html")
    triples = demo_store.construct(str(rq))
    assert {e["relation"] for e in data["edges"]} == {"hasParticipant"}
    assert len(data["edges"]) == len(triples) > 0
    assert {n["ntype"] for n in data["nodes"]} == {"Operation", "Organization"}
    assert all(e["title"].count("“") >= 1 for e in data["edges"]), "evidence comes from the store"


@pytest.mark.parametrize("max_nodes", [40])
def test_cli_view_reduces_a_large_graph_with_a_note(kg_cmd, demo_store, store, tmp_path, max_nodes):
    out = tmp_path / "v.html"
    p = run(kg_cmd, "view", "--store", store, "-o", out, "--max-nodes", max_nodes)
    assert p.returncode == 0, p.stderr
    drawn = [n for n in _data(out)["nodes"] if not n.get("iso")]     # entities with no relation are listed, not drawn
    assert 0 < len(drawn) <= max_nodes
    from kg.viz.view import isolates
    g = demo_store.networkx()
    linked = len(g) - len(isolates(g))          # the note counts what would be drawn
    assert f"of {linked} entities" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("sections", [["top actors by degree:", "top actors by betweenness:", "communities"]])
def test_cli_stats_table_and_json(kg_cmd, store, sections):
    text = run(kg_cmd, "stats", "--store", store).stdout
    for s in sections:
        assert s in text
    data = json.loads(run(kg_cmd, "stats", "--store", store, "--format", "json").stdout)
    assert data["documents"] == 12
    assert {r["class"] for r in data["classes"]} == {"Person", "Organization", "Location", "Operation", "Funding"}
    assert data["top_betweenness"] and data["communities"][0]["size"] >= data["communities"][-1]["size"]


@pytest.mark.parametrize("a, b", [(A, B)])
def test_cli_path_prints_each_step_with_its_evidence(kg_cmd, demo_store, store, a, b):
    p = run(kg_cmd, "path", a, b, "--store", store)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    steps = demo_store.path(a, b)
    assert len(lines) == 2 * len(steps) and lines[0].startswith(f"1. {a} --")
    assert all(l.strip().startswith("“") and "merida_initiative_2008.txt" in l for l in lines[1::2])
    assert lines[-2].endswith(f"-- {b}") or lines[-2].endswith(f"--> {b}")


@pytest.mark.parametrize("a, b, code", [(A, "Nobody At All", "E101"), (A, "Shining Path", "E107")])
def test_cli_path_errors_are_coded(kg_cmd, store, a, b, code):
    p = run(kg_cmd, "path", a, b, "--store", store)
    assert p.returncode == 2 and p.stderr.startswith(f"[{code}]") and "Traceback" not in p.stderr


# ------------------------------------------------------------------ exports and round trips
def _store_triples(demo_store) -> set:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in demo_store.store.store.quads_for_pattern(None, None, None, None)
            if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == ONTOLOGY_GRAPH)}


@pytest.mark.parametrize("fmt, suffix", [("turtle", ".ttl"), ("nt", ".nt"), ("jsonld", ".jsonld")])
def test_rdf_export_then_kg_import_gives_the_same_triples(kg_cmd, demo_store, store, tmp_path, fmt, suffix):
    out = tmp_path / f"graph{suffix}"
    assert run(kg_cmd, "export", "--store", store, "-f", fmt, "-o", out).returncode == 0
    p = run(kg_cmd, "import", out, "--store", tmp_path / "copy")
    assert p.returncode == 0, p.stderr
    back = tmp_path / "back.nt"
    assert run(kg_cmd, "export", "--store", tmp_path / "copy", "-f", "nt", "-o", back).returncode == 0
    back_triples = {ox.Triple(q.subject, q.predicate, q.object)
                    for q in ox.parse(path=str(back), format=ox.RdfFormat.N_TRIPLES)}
    assert back_triples == _store_triples(demo_store)


@pytest.mark.parametrize("fmt, rdf_format", [("trig", ox.RdfFormat.TRIG), ("nq", ox.RdfFormat.N_QUADS)])
def test_quad_exports_keep_one_graph_per_document(kg_cmd, demo_store, store, tmp_path, fmt, rdf_format):
    out = tmp_path / f"graph.{fmt}"
    assert run(kg_cmd, "export", "--store", store, "-f", fmt, "-o", out).returncode == 0
    quads = set(ox.parse(path=str(out), format=rdf_format))
    expected = {q for q in demo_store.store.store.quads_for_pattern(None, None, None, None)
                if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == ONTOLOGY_GRAPH)}
    assert quads == expected
    assert len({q.graph_name for q in quads}) >= 12 + 1          # one per document, plus the entities graph


@pytest.mark.parametrize("context", ["ontology/context.jsonld"])
def test_jsonld_uses_the_published_context(demo_store, tmp_path, context):
    root = Path(__file__).resolve().parents[2]
    published = json.loads((root / context).read_text(encoding="utf-8"))["@context"]
    doc = json.loads(demo_store.export(tmp_path / "g.jsonld", "jsonld").read_text(encoding="utf-8"))
    assert doc["@context"] == published
    assert any("prefLabel" in node for node in doc["@graph"])


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_exports_read_back_by_networkx(kg_cmd, demo_store, store, tmp_path, fmt, read):
    out = tmp_path / f"graph.{fmt}"
    assert run(kg_cmd, "export", "--store", store, "-f", fmt, "-o", out).returncode == 0
    g, back = demo_store.networkx(), read(out)
    assert (len(back), back.number_of_edges()) == (len(g), g.number_of_edges())


@pytest.mark.parametrize("fmt, rows", [("csv", "edges"), ("csv-nodes", "nodes")])
def test_csv_exports_have_a_row_per_edge_or_node(kg_cmd, demo_store, store, tmp_path, fmt, rows):
    import csv
    out = tmp_path / f"graph.{fmt}.csv"
    assert run(kg_cmd, "export", "--store", store, "-f", fmt, "-o", out).returncode == 0
    with out.open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    g = demo_store.networkx()
    assert len(table) == (g.number_of_edges() if rows == "edges" else len(g))
    if rows == "edges":
        assert all(r["evidence"] and r["document"] for r in table)


# ------------------------------------------------------------------ served pages
@pytest.fixture(scope="module")
def served(store):
    from kg.server.app import serve
    httpd = serve(store, "127.0.0.1", 0)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


@pytest.mark.parametrize("label", ["European Union"])
def test_served_entity_page_lists_relations_with_evidence_and_links(served, demo_store, label):
    from kg.viz.analysis import find_entity
    g = demo_store.networkx()
    iri = find_entity(g, label)
    status, page = _get(f"{served}/entity?iri={urllib.parse.quote(iri, safe='')}")
    assert status == 200 and f"<h1>{label}</h1>" in page and "EU" in page
    for nb in set(g.successors(iri)) | set(g.predecessors(iri)):
        assert f'href="/entity?iri={urllib.parse.quote(nb, safe="")}"' in page
    assert page.count('class="q"') >= g.degree(iri)


@pytest.mark.parametrize("path, status, text", [
    ("/entity?iri=urn%3Anothing", 404, "[E101]"),
    ("/view?since=yesterday", 400, "[E103]"),
    (f"/view?focus={urllib.parse.quote(FOCUS)}&hops=1", 200, "entity-link"),
    ("/", 200, "entity-link"),
])
def test_served_views_and_errors(served, path, status, text):
    got, body = _get(served + path)
    assert got == status and text in body
