"""Is an article security news? A mixed feed (sport, business, science, weather, local
politics) must add no operation and no funding to the graph.

An article is security news when it names a security actor (a police or military force, a
task force, an armed or criminal group, a court or prosecution service) or uses at least
`MIN_TERMS` different words of ontology/lexicon/security_terms.tsv. Deterministic and
cheap: one pass over the token snapshots.
"""
from __future__ import annotations

from .lexicon import Lexicon
from .tokens import tokens

SECURITY_CLASSES = {"PoliceForce", "MilitaryUnit", "SecurityForce", "TaskForce", "ArmedGroup", "CriminalGroup",
                    "JudicialBody"}
MIN_TERMS = 2


def is_security_news(doc, groups, lx: Lexicon, skip=()) -> bool:
    """Whether the article tells security news (see the module docstring)."""
    if any(g.cls in SECURITY_CLASSES for g in groups):
        return True
    seen = set()
    for t in tokens(doc):
        if t.lower_ in lx.security_terms and not any(b <= t.idx < e for b, e in skip):
            seen.add(t.lower_)
            if len(seen) >= MIN_TERMS:
                return True
    return False
