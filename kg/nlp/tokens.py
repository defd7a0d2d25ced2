"""Plain snapshots of a parsed Doc's tokens, for the rule scanners.

Every `doc[i]` makes a new spaCy Token, and every string attribute (`lower_`, `pos_`,
`text`) is a look-up in the StringStore: about 250 ns a read. The scanners read each
token tens of times, so a 150-word article cost thousands of such reads per rule.
`tokens(doc)` reads the attributes the rules use once per token, into objects whose
attributes are plain Python values (about 15 ns a read). The values are the same as
the Token's; what needs the parse tree (children, head, subtree) still goes to the Doc.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")


_FIELDS = ("i", "idx", "text", "lower_", "lemma_", "pos_", "ent_type_", "whitespace_", "is_punct", "is_space",
           "is_alpha", "is_stop", "like_num", "is_sent_start", "cap")


class Tok(tuple):
    """One token's attributes, named as on spaCy's Token, plus `cap` (see `is_capitalised`).

    A tuple: made in one step from a row of values. `len(tok)` is the number of fields,
    not of characters: use `len(tok.text)`.
    """

    __slots__ = ()
    fields = _FIELDS


for _k, _name in enumerate(_FIELDS):
    setattr(Tok, _name, property(itemgetter(_k)))


def is_capitalised(text: str, is_punct: bool) -> bool:
    """A word that can be part of a name: capitalised or an ordinal ('3rd'), not
    punctuation, no line break."""
    return bool(text) and (text[0].isupper() or ORDINAL.match(text) is not None) and not is_punct \
        and "\n" not in text


def tokens(doc) -> list[Tok]:
    """The snapshot of `doc`'s tokens (made once per Doc, after parsing, and kept)."""
    toks = doc.user_data.get("kg_toks")
    if toks is None or len(toks) != len(doc):
        toks = doc.user_data["kg_toks"] = _snapshot(doc)
    return toks


_STRINGS: dict[int, str] = {0: ""}      # string hash -> string (spaCy's hashes are the same in every vocab)


def _strings(col: list[int], strings) -> list[str]:
    out = list(map(_STRINGS.get, col))
    if None in out:
        if len(_STRINGS) > 1_000_000:     # bounded, however many documents a build reads
            _STRINGS.clear()
            _STRINGS[0] = ""
        for k, h in enumerate(col):
            if out[k] is None:
                out[k] = _STRINGS[h] = strings[h]
    return out


def _snapshot(doc) -> list[Tok]:
    """Read the attributes of every token in one `Doc.to_array`, column by column."""
    from spacy.attrs import (ENT_TYPE, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, LOWER, ORTH, POS,
                             SENT_START, SPACY)
    n = len(doc)
    if not n:
        return []
    arr = doc.to_array([ORTH, LOWER, LEMMA, POS, ENT_TYPE, SPACY, IS_PUNCT, IS_SPACE, IS_ALPHA, IS_STOP, LIKE_NUM,
                        SENT_START, IDX])
    cols = arr.T.tolist()
    strings = doc.vocab.strings
    text, lower, lemma, pos, ent = (_strings(c, strings) for c in cols[:5])
    ws = [" " if v else "" for v in cols[5]]
    punct, space, alpha, stop, num = (list(map(bool, c)) for c in cols[6:11])
    sent_start = [v == 1 for v in cols[11]]
    cap = list(map(_cap, text, punct))
    rows = zip(range(n), cols[12], text, lower, lemma, pos, ent, ws, punct, space, alpha, stop, num, sent_start, cap)
    return list(map(Tok, rows))


@lru_cache(maxsize=1 << 16)
def _cap(text: str, is_punct: bool) -> bool:
    return is_capitalised(text, is_punct)


def title_case_sentence(doc, i: int) -> bool:
    """True when the sentence of token `i` is set in Title Case (a headline): at least
    70% of its words longer than three letters are capitalised. Kept per sentence."""
    cache = doc.user_data.setdefault("kg_title_case", {})
    sent = doc[i].sent
    hit = cache.get(sent.start)
    if hit is None:
        words = [t for t in tokens(doc)[sent.start:sent.end] if t.is_alpha and len(t.text) > 3]
        hit = cache[sent.start] = len(words) >= 3 and sum(1 for t in words if t.text[0].isupper()) / len(words) >= 0.7
    return hit


def entity_at(doc, i: int):
    """The entity Span that starts at token `i` (spaCy builds `doc.ents` anew at each call)."""
    starts = doc.user_data.get("kg_ents")
    if starts is None:
        starts = doc.user_data["kg_ents"] = {e.start: e for e in doc.ents}
    return starts[i]
