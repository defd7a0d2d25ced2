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

ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")


class Tok:
    """One token's attributes, named as on spaCy's Token, plus `cap` (see `is_capitalised`)."""

    __slots__ = ("i", "idx", "text", "lower_", "lemma_", "pos_", "tag_", "ent_type_", "ent_iob_",
                 "whitespace_", "is_punct", "is_space", "is_alpha", "is_stop", "like_num",
                 "is_sent_start", "cap")

    def __len__(self) -> int:
        return len(self.text)


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


_IOB = ("", "I", "O", "B")


def _snapshot(doc) -> list[Tok]:
    """Read the attributes of every token in one pass over `Doc.to_array` (values, not Tokens)."""
    from spacy.attrs import (
        ENT_IOB,
        ENT_TYPE,
        IDX,
        IS_ALPHA,
        IS_PUNCT,
        IS_SPACE,
        IS_STOP,
        LEMMA,
        LIKE_NUM,
        LOWER,
        ORTH,
        POS,
        SENT_START,
        SPACY,
        TAG,
    )
    rows = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG, ENT_TYPE, ENT_IOB, SPACY, IS_PUNCT, IS_SPACE, IS_ALPHA,
                         IS_STOP, LIKE_NUM, SENT_START, IDX]).tolist() if len(doc) else []
    strings = doc.vocab.strings
    names: dict[int, str] = {}

    def name(h: int) -> str:
        s = names.get(h)
        if s is None:
            s = names[h] = strings[h] if h else ""
        return s

    out = []
    for i, (orth, low, lemma, pos, tag, ent, iob, spacy, punct, space, alpha, stop, num, ss, idx) in enumerate(rows):
        o = Tok()
        o.i, o.idx, o.text, o.lower_, o.lemma_ = i, idx, name(orth), name(low), name(lemma)
        o.pos_, o.tag_, o.ent_type_, o.ent_iob_ = name(pos), name(tag), name(ent), _IOB[iob]
        o.whitespace_ = " " if spacy else ""
        o.is_punct, o.is_space, o.is_alpha, o.is_stop, o.like_num = \
            bool(punct), bool(space), bool(alpha), bool(stop), bool(num)
        o.is_sent_start = ss == 1
        o.cap = _cap(o.text, o.is_punct)
        out.append(o)
    return out


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
