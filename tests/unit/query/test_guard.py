"""The query guard's fast keyword and nesting pass reads a query as the tokenizer does."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.query.guard import check_query, tokens, words_and_depth

PIECES = ["SELECT", "FROM", "from", "SERVICE", "DROP", "Insert", "NAMED", "kg:FROM", ":FROM", "?FROM", "$from",
          "<http://a#FROM>", "<a b>", "<", ">", '"FROM"', "'SERVICE'", '"""x\nDROP"""', "# FROM\n", "#", "\n",
          "{", "}", "(", ")", "[", "]", " ", ".", "1", "1FROM", "\\", '"', "'", "a.b.", "é", "FROM.", "-"]


def _slow(text: str) -> tuple[set[str], int]:
    words, depth, deepest = set(), 0, 0
    for kind, tok in tokens(text):
        if kind == "word":
            words.add(tok.upper())
        elif kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth -= 1
    return words, deepest


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_fast_pass_sees_the_tokenizer_words_and_depth(text):
    assert words_and_depth(text) == _slow(text)


@pytest.mark.parametrize("text,names", [
    ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED <urn:g> WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s <urn:FROM> 'FROM' }", False),
])
def test_endpoint_lets_from_through_and_says_so(text, names):
    assert check_query(text, dataset=True) is names
