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


# The same tokens as _TOKEN, found in two passes of the regex engine instead of a Python loop
# per token: IRIs, strings, comments and variables are blanked out, then words and brackets are
# read from what is left (they can neither start inside nor run into a blanked token).
_OPAQUE = re.compile(r"""
    \#[^\n]*
  | <[^<>"{}|^`\\\s]*>
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'
  | [?$][A-Za-z0-9_\u00b7-\uffff]+
""", re.X | re.S)
_WORD_OR_BRACKET = re.compile(r"[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\-.:\u00b7-\uffff]*(?<!\.)|:[A-Za-z0-9_\-.\u00b7-\uffff]*"
                              r"|[{(\[})\]]")
_OPENING = frozenset("{([")
_CLOSING = frozenset("})]")


def words_and_depth(text: str) -> tuple[set[str], int]:
    """The keywords-to-be (upper case words outside IRIs, strings, comments) and the deepest nesting.

    >>> words_and_depth('SELECT * { ?s <http://a#FROM> "SERVICE" } # DROP')
    ({'SELECT'}, 1)
    """
    found = _WORD_OR_BRACKET.findall(_OPAQUE.sub(" ", text))
    words = {t.upper() for t in found if t[0] not in _OPENING and t[0] not in _CLOSING}
    depth = deepest = 0
    for t in found:
        if t in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif t in _CLOSING:
            depth -= 1
    return words, deepest


def check_query(text: str, *, dataset: bool = False) -> bool:
    """Refuse what an untrusted query must not do: SERVICE, FROM, updates, size and nesting.

    With `dataset=True` (the endpoint), FROM / FROM NAMED are let through: pyoxigraph reads
    them as names of the store's own graphs and never dereferences them. Returns whether the
    query names its dataset (FROM or FROM NAMED).

    >>> check_query("SELECT * WHERE { ?s <http://x#y> ?o . SERVICE <http://x> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryRejected: [E070] SERVICE (federated queries) is not allowed
    >>> check_query("SELECT * FROM <urn:g> { ?s ?p ?o }", dataset=True)
    True
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRejected(f"query is {len(text)} characters, over the {MAX_QUERY_CHARS} limit")
    words, deepest = words_and_depth(text)
    if words & UPDATES:
        raise QueryRejected("updates are not allowed through the query route")
    for word in sorted(words & REFUSED.keys(), reverse=True):
        if not (dataset and word == "FROM"):
            raise QueryRejected(REFUSED[word])
    if deepest > MAX_NESTING:
        raise QueryRejected(f"query nests {deepest} levels deep, over the {MAX_NESTING} limit")
    return "FROM" in words
