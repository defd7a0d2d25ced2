"""The generated documentation is what the generator writes now: README's CLI reference and
cookbook, and ontology/README.md. A failure here means 'run make docs and commit'."""
from __future__ import annotations

import doctest
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_docs_cli_reference_is_current(gendocs):
    assert gendocs.between(_readme(), "cli") == gendocs.cli_reference(), "run 'make docs'"


def test_docs_ontology_readme_is_current(gendocs):
    assert (REPO / "ontology" / "README.md").read_text(encoding="utf-8") == gendocs.ontology_markdown(), \
        "run 'make docs'"


def test_docs_cookbook_answers_still_hold(gendocs, demo_store):
    """Every cookbook query runs on the sample corpus and gives the answer the README shows."""
    assert gendocs.between(_readme(), "cookbook") == gendocs.cookbook(demo_store), \
        "a cookbook answer changed: check it, then run 'make docs'"


@pytest.mark.parametrize("minimum", [10])
def test_docs_cookbook_has_enough_questions_with_answers(gendocs, demo_store, minimum):
    recipes = gendocs.load_recipes()
    assert len(recipes) >= minimum
    empty = [r.path.name for r in recipes if not gendocs.answer(demo_store, r)[1]]
    assert not empty, f"cookbook questions with no answer on the sample corpus: {empty}"


def test_docs_ontology_readme_covers_every_term(gendocs):
    """Every class and property declared in kg.ttl has its own section, and the diagram is there."""
    import rdflib
    from rdflib.namespace import OWL, RDF
    g = rdflib.Graph().parse(REPO / "ontology" / "kg.ttl")
    text = (REPO / "ontology" / "README.md").read_text(encoding="utf-8")
    kg = "https://w3id.org/kg/ontology#"
    for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for s in g.subjects(RDF.type, t):
            if str(s).startswith(kg):
                assert f"### kg:{str(s)[len(kg):]}\n" in text, s
    assert "```mermaid\nclassDiagram\n" in text


def test_docs_generator_doctests(gendocs):
    failed, tried = doctest.testmod(gendocs)
    assert tried and not failed
