"""`kg import`: untrusted RDF is merged all or nothing, under size and nesting caps, with
RDF/XML entities refused before parsing and JSON-LD remote contexts never fetched."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

REPO = Path(__file__).resolve().parents[2]


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300, cwd=REPO)


def fingerprint(store: Path) -> tuple[int, str]:
    s = ox.Store.read_only(str(store))
    nt = ox.serialize(sorted((ox.Triple(q.subject, q.predicate, q.object) for q in s), key=str),
                      format=ox.RdfFormat.N_TRIPLES)
    return len(s), hashlib.sha256(nt).hexdigest()


@pytest.fixture(scope="module")
def base_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("imp") / "store"
    r = kg("build", str(REPO / "tests" / "data" / "tiny" / "one.txt"), "--store", str(store))
    assert r.returncode == 0, r.stderr
    return store


def copy(base: Path, tmp: Path) -> Path:
    import shutil
    shutil.copytree(base, tmp / "store", ignore=shutil.ignore_patterns(".kg-writer.lock"))
    return tmp / "store"


GOOD = '@prefix ex: <http://example.org/> .\nex:a ex:knows ex:b .\nex:b ex:name "B" .\n'
BAD = {
    "syntax-error-at-end.ttl": GOOD + "ex:c ex:p .\n",
    "invalid-iri.nt": '<http://example.org/a> <http://example.org/p> <http://exa mple.org/b> .\n',
    "deep-nesting.ttl": "@prefix ex: <http://example.org/> .\nex:a ex:p " + "[ ex:p " * 200 + "1" + " ]" * 200 + " .\n",
    "entities.rdf": ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                     '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">'
                     '<rdf:Description rdf:about="http://example.org/a"><ex:p>&xxe;</ex:p></rdf:Description></rdf:RDF>\n'),
    "remote-context.jsonld": '{"@context": "http://127.0.0.1:9/ctx.jsonld", "@id": "http://example.org/a", "p": "v"}',
    "notes.docx": "not rdf",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_rdf_is_refused_and_nothing_changes(base_store: Path, tmp_path: Path, name: str) -> None:
    store = copy(base_store, tmp_path)
    before = fingerprint(store)
    f = tmp_path / name
    f.write_text(BAD[name], encoding="utf-8")
    r = kg("import", str(f), "--store", str(store))
    assert r.returncode == 2, r.stderr
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("[E060]") and name in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    assert fingerprint(store) == before


@pytest.mark.parametrize("name,text", [("good.ttl", GOOD),
                                       ("good.jsonld", '{"@context": {"ex": "http://example.org/"}, '
                                                       '"@id": "ex:a", "ex:knows": {"@id": "ex:b"}}')])
def test_good_rdf_is_imported_into_its_own_graph(base_store: Path, tmp_path: Path, name: str, text: str) -> None:
    store = copy(base_store, tmp_path)
    n0, _ = fingerprint(store)
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    r = kg("import", str(f), "--store", str(store))
    assert r.returncode == 0, r.stderr
    assert "graph/import/" in r.stderr
    assert fingerprint(store)[0] > n0
    q = kg("query", "--store", str(store), "ASK { <http://example.org/a> <http://example.org/knows> <http://example.org/b> }")
    assert q.stdout.strip() == "true"


@pytest.mark.parametrize("limit", [1.5])
def test_api_query_time_limit(base_store: Path, limit: float) -> None:
    from kg.api import open_store
    from kg.errors import QueryError
    with open_store(base_store, read_only=True) as g:
        with pytest.raises(QueryError, match=r"\[E073\]"):
            g.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", timeout=limit)
        t = g.query("SELECT ?s WHERE { ?s ?p ?o }", max_rows=5)
    assert len(t.rows) == 5 and t.truncated
