"""The query route is read-only and local: no SERVICE (no request leaves kg), no FROM
(the store is the dataset), no updates, no giant queries; user values are bound as
literals, never pasted into SPARQL. Checked through the Python API (run_query, which
`kg serve` shares through check_query) and through `kg query` as a user runs it."""
from __future__ import annotations

import json

import pytest
from _secure import fingerprint, run_kg

from kg.errors import QueryError, QueryRejected
from kg.query.run import MAX_QUERY_CHARS, check_query, run_query

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# Queries the guard must refuse (the three marked 'was a bypass' got past an earlier, regex-based
# guard: a SERVICE after a full IRI with '#', one between comment quotes, and FROM<iri> without a space).
# name: (query text with {url} for the loopback recorder, None)
REFUSED = {
    "service": ("SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}", None),
    "service-lowercase-silent": ("select * where {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}", None),
    "service-variable": ("SELECT * WHERE {{ BIND(<{url}/v> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}", None),
    "service-after-full-iri": (f"SELECT * WHERE {{{{ ?s <{RDF_TYPE}> ?t . SERVICE <{{url}}/iri> {{{{ ?s ?p ?o }}}} }}}}",
                               None),
    "service-between-comment-quotes": ('SELECT * WHERE {{\n  ?s a ?t . # "\n  SERVICE <{url}/comment> {{ ?s ?p ?o }}'
                                       '\n  # "\n}}', None),
    "from-file": ("SELECT * FROM <file:///etc/passwd> WHERE {{ ?s ?p ?o }}", None),
    "from-named-file": ("SELECT * FROM NAMED <file:///etc/passwd> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", None),
    "from-http": ("SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}", None),
    "from-no-space": ("SELECT * FROM<file:///etc/passwd> WHERE {{ ?s ?p ?o }}", None),
    "from-named-no-space": ("SELECT * FROM NAMED<file:///etc/passwd> WHERE {{ ?s ?p ?o }}", None),
    "insert-data": ("INSERT DATA {{ <urn:x:a> <urn:x:b> <urn:x:c> }}", None),
    "delete-where": ("DELETE WHERE {{ ?s ?p ?o }}", None),
    "insert-where": ("INSERT {{ ?s <urn:x:p> 1 }} WHERE {{ ?s ?p ?o }}", None),
    "with-delete": ("WITH <urn:x:g> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}", None),
    "load-file": ("LOAD <file:///etc/passwd>", None),
    "load-http-silent": ("LOAD SILENT <{url}/data.ttl> INTO GRAPH <urn:x:g>", None),
    "drop-all": ("DROP ALL", None),
    "clear-default": ("CLEAR DEFAULT", None),
    "select-then-drop": ("SELECT * WHERE {{ ?s ?p ?o }} ; DROP ALL", None),
}


def _cases() -> list:
    return [pytest.param(text, id=name, marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [])
            for name, (text, reason) in REFUSED.items()]


# --------------------------------------------------------------------------- Python API


@pytest.mark.parametrize("template", _cases())
def test_run_query_refuses(baseline, ro_store, recorder, template):
    text = template.format(url=recorder.url)
    before = len(recorder.hits)
    with pytest.raises(QueryRejected, match=r"^\[E070\] "):
        run_query(ro_store, text)
    assert recorder.hits[before:] == [], "the query reached the network"
    assert fingerprint(baseline.store) == baseline.fp


@pytest.mark.parametrize("pad", [1, 50_000])
def test_run_query_refuses_oversized_query(ro_store, pad):
    text = "SELECT * WHERE { ?s ?p ?o }" + " " * (MAX_QUERY_CHARS - 27 + pad)
    assert len(text) > MAX_QUERY_CHARS
    with pytest.raises(QueryRejected, match=rf"^\[E070\] query is {len(text)} characters, over the "
                                            rf"{MAX_QUERY_CHARS} limit$"):
        run_query(ro_store, text)


@pytest.mark.parametrize("text", ["SELECT * WHERE { ?s ?p ?o }", "ASK { ?s a kg:Document }"])
def test_check_query_accepts_plain_reads(text):
    check_query(text)


@pytest.mark.parametrize("text", ["SELECT ?x WHERE { ?x", "SELECT ?x WHERE { ?x ?y }", "SELEKT * WHERE { }"])
def test_run_query_syntax_error_is_coded(ro_store, text):
    with pytest.raises(QueryError, match=r"^\[E071\] SPARQL syntax error") as exc:
        run_query(ro_store, text)
    assert exc.value.__cause__ is not None, "the pyoxigraph error should be chained with `from`"


@pytest.mark.parametrize("text", ["SELECT ?x WHERE { ?x"])
def test_run_query_syntax_error_is_one_line(ro_store, text):
    with pytest.raises(QueryError) as exc:
        run_query(ro_store, text)
    assert "\n" not in str(exc.value), str(exc.value)


QUERY_BY_NAME = "SELECT ?d WHERE { ?d a kg:Document ; dcterms:identifier ?name }"


@pytest.mark.parametrize("value", ['" } ; DROP ALL #', '"} } SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } #',
                                   "x' . ?d ?p ?o } #", "\\\" }\n DROP ALL", "seizure.txt\" || true || \""])
def test_parameter_value_is_bound_as_a_literal(baseline, ro_store, recorder, value):
    before = len(recorder.hits)
    res = run_query(ro_store, QUERY_BY_NAME, {"name": value})
    assert res.columns == ["d"] and res.rows == []
    assert recorder.hits[before:] == []
    assert fingerprint(baseline.store) == baseline.fp


@pytest.mark.parametrize("value", ["seizure.txt"])
def test_parameter_value_binds(ro_store, value):
    assert len(run_query(ro_store, QUERY_BY_NAME, {"name": value}).rows) == 1


@pytest.mark.parametrize("name", ["name }", "x; DROP ALL", "1abc", "a-b", "", "name ?d", "a\nb"])
def test_parameter_name_must_be_a_variable_name(baseline, ro_store, name):
    with pytest.raises(QueryRejected, match=r"^\[E070\] parameter name .* is not a SPARQL variable name"):
        run_query(ro_store, QUERY_BY_NAME, {name: "x"})
    assert fingerprint(baseline.store) == baseline.fp


# --------------------------------------------------------------------------- kg query


@pytest.fixture(scope="module")
def cli(baseline):
    """Run `kg query --store STORE ARGS...` once per distinct argument list."""
    done = {}

    def run(*args):
        if args not in done:
            done[args] = run_kg("query", "--store", baseline.store, *args, cwd=baseline.work)
        return done[args]
    return run


@pytest.mark.parametrize("name", ["service", "from-file", "from-named-file", "from-http"])
def test_cli_refuses_service_and_from(baseline, recorder, cli, name):
    before = len(recorder.hits)
    run = cli(REFUSED[name][0].format(url=recorder.url))
    run.assert_coded("E070")
    assert recorder.hits[before:] == []
    assert fingerprint(baseline.store) == baseline.fp
    assert run.returncode == 2


UPDATES = ["insert-data", "delete-where", "load-file", "drop-all"]


@pytest.mark.parametrize("name", UPDATES)
def test_cli_refuses_updates(baseline, recorder, cli, name):
    run = cli(REFUSED[name][0].format(url=recorder.url))
    assert run.lines and run.lines[0].startswith("[E07"), run.stderr
    assert "Traceback" not in run.stderr
    assert fingerprint(baseline.store) == baseline.fp
    assert run.returncode == 2


@pytest.mark.parametrize("name", UPDATES)
def test_cli_update_refusal_says_updates_are_not_allowed(recorder, cli, name):
    run = cli(REFUSED[name][0].format(url=recorder.url))
    assert "updates are not allowed" in run.assert_coded("E070")


@pytest.mark.parametrize("size", [MAX_QUERY_CHARS + 1])
def test_cli_refuses_oversized_query_file(baseline, cli, tmp_path, size):
    rq = tmp_path / "big.rq"
    rq.write_text(("SELECT * WHERE { ?s ?p ?o }\n" + "#" * size)[:size], encoding="utf-8")
    run = cli(str(rq))
    assert "over the 100000 limit" in run.assert_coded("E070")
    assert run.returncode == 2


@pytest.mark.parametrize("text", ["SELECT ?x WHERE { ?x"])
def test_cli_syntax_error_is_coded(cli, text):
    run = cli(text)
    assert "Traceback" not in run.stderr
    assert run.lines[0].startswith("[E071] SPARQL syntax error"), run.stderr
    assert run.returncode == 2


@pytest.mark.parametrize("text", ["SELECT ?x WHERE { ?x"])
def test_cli_syntax_error_is_one_line(cli, text):
    cli(text).assert_coded("E071")


@pytest.mark.parametrize("body", ["SELECT ?x WHERE { ?x\n"])
def test_cli_syntax_error_in_file_names_the_file(baseline, tmp_path, body):
    rq = tmp_path / "broken.rq"
    rq.write_text(body, encoding="utf-8")
    run = run_kg("query", "--store", baseline.store, "broken.rq", cwd=tmp_path)
    assert "Traceback" not in run.stderr
    assert run.lines and run.lines[0].startswith("[E071] ") and "broken.rq" in run.lines[0], run.stderr


@pytest.mark.parametrize("value", ['" } ; DROP ALL #'])
def test_cli_parameter_value_is_bound_as_a_literal(baseline, cli, value):
    run = cli(QUERY_BY_NAME, "--format", "json", "--param", f"name={value}")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == []
    assert fingerprint(baseline.store) == baseline.fp


@pytest.mark.parametrize("param", ["na}me=x", "x;DROP=1"])
def test_cli_parameter_name_must_be_a_variable_name(baseline, cli, param):
    run = cli(QUERY_BY_NAME, "--param", param)
    assert "is not a SPARQL variable name" in run.assert_coded("E070")
    assert fingerprint(baseline.store) == baseline.fp
    assert run.returncode == 2


@pytest.mark.parametrize("param", ["name"])
def test_cli_parameter_without_value(cli, param):
    run = cli(QUERY_BY_NAME, "--param", param)
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert len(run.lines) == 1 and param in run.lines[0], run.stderr
    assert run.returncode == 2


class _FailsWhileRead:
    """A store whose SELECT result fails while it is being read, as pyoxigraph results do when a SERVICE
    call or the disk fails during lazy evaluation (here: a SERVICE to the loopback recorder answering 500)."""

    def __init__(self, url: str):
        import pyoxigraph as ox
        self.url = url
        self.store = ox.Store()
        self.store.add(ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o")))

    def query(self, text, **kw):
        return self.store.query(f"SELECT * WHERE {{ ?s ?p ?o SERVICE <{self.url}/late> {{ ?a ?b ?c }} }}")


@pytest.mark.parametrize("text", ["SELECT * WHERE { ?s ?p ?o }"])
def test_run_query_error_while_reading_rows_is_coded(recorder, text):
    with pytest.raises(QueryError, match=r"^\[E071\] query failed"):
        run_query(_FailsWhileRead(recorder.url), text)
