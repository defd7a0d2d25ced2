"""The gate every untrusted query passes: a small SPARQL tokenizer, not regular expressions
over raw text, so a keyword hidden after an IRI with '#', inside comments or strings, or
glued to an IRI ("FROM<...>") is seen for what it is."""
from __future__ import annotations

import re

from ..errors import QueryRejected

MAX_QUERY_CHARS = 100_000
MAX_NESTING = 64
_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\s]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<var>[?$][A-Za-z0-9_\u00b7-\uffff]+)
  | (?P<word>[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\-.:\u00b7-\uffff]*(?<!\.)|:[A-Za-z0-9_\-.\u00b7-\uffff]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
""", re.X | re.S)
REFUSED = {
    "SERVICE": "SERVICE (federated queries) is not allowed",
    "FROM": "FROM / FROM NAMED is not allowed: the store is the dataset",
}
UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD", "WITH"}


def tokens(text: str):
    """(kind, text) pairs of a SPARQL string; comments and white space dropped.

    >>> [t for k, t in tokens('SELECT * WHERE { ?s <http://a#b> ?o } # SERVICE')]
    ['SELECT', '*', 'WHERE', '{', '?s', '<http://a#b>', '?o', '}']
    """
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind not in ("ws", "comment"):
            yield kind, m.group()


def check_query(text: str, *, dataset: bool = False) -> None:
    """Refuse what an untrusted query must not do: SERVICE, FROM, updates, size and nesting.

    With `dataset=True` (the endpoint), FROM / FROM NAMED are let through: pyoxigraph reads
    them as names of the store's own graphs and never dereferences them.

    >>> check_query("SELECT * WHERE { ?s <http://x#y> ?o . SERVICE <http://x> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: [E070] SERVICE (federated queries) is not allowed
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRejected(f"query is {len(text)} characters, over the {MAX_QUERY_CHARS} limit")
    depth = deepest = 0
    for kind, tok in tokens(text):
        if kind == "word":
            up = tok.upper()
            if up in REFUSED and not (dataset and up == "FROM"):
                raise QueryRejected(REFUSED[up])
            if up in UPDATES:
                raise QueryRejected("updates are not allowed through the query route")
        elif kind == "open":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "close":
            depth -= 1
    if deepest > MAX_NESTING:
        raise QueryRejected(f"query nests {deepest} levels deep, over the {MAX_NESTING} limit")


def names_dataset(text: str) -> bool:
    """Whether the query says its own dataset (FROM or FROM NAMED).

    >>> names_dataset("SELECT * FROM <g> { ?s ?p ?o }"), names_dataset("SELECT * { ?s <urn:FROM> 'FROM' }")
    (True, False)
    """
    return any(kind == "word" and tok.upper() == "FROM" for kind, tok in tokens(text))
