"""One document -> an Extraction: names, operations, funding and relations, with evidence."""
from __future__ import annotations

import re
from dataclasses import replace

from ..records import Document, Entity, EntityType, Evidence, Extraction, Mention, Relation
from .dates import normalise_date
from .entities import (NameGroup, core_label, doc_countries, government_mentions, is_cited_source,
                       name_mentions)
from .events import Event, Index, find_events, find_funding
from .groups import GENERIC_CORES, group_mentions, named_countries
from .lexicon import Lexicon, fold
from .names import event_name, funding_word, load_name_words, object_phrase, parts_of, trigger_modifier
from .mentions import ACRONYM, ORG, PERSON, PLACE, find_names
from .places import minor_places
from .relevance import is_security_news
from .tokens import tokens
from .relations import (containment_relations, located_relations, stated_containment, structure_relations,
                        title_relations)

KIND_TYPES = {PERSON: EntityType.PERSON, ORG: EntityType.ORGANIZATION, "GOV": EntityType.ORGANIZATION,
              PLACE: EntityType.LOCATION}


LONG_TOKEN = re.compile(r"\S{101,}")


def masked_text(document: Document) -> str:
    """The document text with debris blanked out (newlines kept): same length, same offsets.

    Runs of more than 100 non-space characters (URLs, base64, '((((...') are blanked too:
    they name nothing, and spaCy's tokenizer is quadratic on them.
    """
    chars = list(document.text)
    for b, e in document.skip:
        for i in range(b, e):
            if chars[i] != "\n":
                chars[i] = " "
    for m in LONG_TOKEN.finditer(document.text):
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def extract(document: Document, doc, lx: Lexicon) -> Extraction:
    """Read everything kg extracts from one parsed document.

    Args:
        document: the document as read.
        doc: the spaCy Doc of `masked_text(document)`.
        lx: the lexicon (gazetteers and word lists).
    """
    skip = list(document.skip)
    cands = find_names(doc, lx, skip)
    countries = doc_countries(doc, cands, lx, skip)
    cands = minor_places(doc, cands, lx, set(countries))
    mentions = name_mentions(doc, cands, lx) + government_mentions(doc, lx, skip)
    mentions = [m for m in mentions if not any(
        m.start < o.end and o.start < m.end and (o.end - o.start) > (m.end - m.start)
        for o in mentions if o is not m)]
    mentions = sorted((m for m in mentions if not is_cited_source(doc, m, lx)), key=lambda m: m.start)
    mentions += [m for m in _bare_acronyms(doc, mentions, skip) if m.text not in lx.not_actors]
    mentions.sort(key=lambda m: m.start)
    main_country = countries.most_common(1)[0][0] if countries else None
    groups = group_mentions(doc, mentions, lx, countries)
    groups += named_countries(doc, groups, lx, skip)
    mentions += definite_descriptions(doc, mentions, skip, groups, main_country, lx)
    index = Index(doc, mentions)
    operations, funding = [], []
    if is_security_news(doc, groups, lx, skip):    # a mixed feed: nothing happens in sport news
        operations = find_events(doc, mentions, lx, skip, document.date, index)
        funding = find_funding(doc, mentions, lx, skip, operations, main_country, index)
    _in_the_country(operations + funding, groups, main_country)
    rels = (title_relations(doc, groups, lx, main_country) + structure_relations(doc, groups, index)
            + located_relations(groups, lx) + containment_relations(groups, lx)
            + stated_containment(doc, groups, index))
    return _records(document, groups, operations, funding, rels, lx, doc, index.by_tok)


def _in_the_country(events: list[Event], groups, country: str | None) -> None:
    """An operation or funding the article tells happens in the article's country, unless a
    place it names lies in another: locatedIn that country (a weak link, below any the
    sentence states), when the country is a place of the article."""
    place = next((g for g in groups if g.kind == PLACE and g.cls == "Country" and g.country == country), None)
    if place is None:
        return
    by_id = {id(g): g for g in groups}
    for ev in events:
        if id(place) in ev.places:
            continue
        if any(by_id[k].country not in (None, country) for k in ev.places if k in by_id):
            continue
        ev.places[id(place)] = 0.35


def _bare_acronyms(doc, mentions, skip):
    """Uses of a defined acronym that the model did not tag ("the PNC will contract ...")."""
    from .entities import NameMention
    toks = tokens(doc)
    defined = set()
    for i in range(len(toks) - 2):
        if toks[i].text == "(" and toks[i + 2].text == ")" and ACRONYM.match(toks[i + 1].text):
            defined.add(toks[i + 1].text)
    if not defined:
        return []
    taken = {(m.start, m.end) for m in mentions}
    out = []
    for tok in toks:
        if tok.text in defined and (tok.idx, tok.idx + len(tok.text)) not in taken \
                and not any(m.start <= tok.idx < m.end for m in mentions) \
                and not any(b <= tok.idx < e for b, e in skip):
            s = doc[tok.i].sent
            out.append(NameMention(tok.idx, tok.idx + len(tok.text), tok.text, ORG, "Organization",
                                   s.start_char, s.end_char, tok.i, tok.i + 1))
    return out


DEFINITE_HEADS = {"ministry", "group", "army", "police", "force", "forces", "cartel", "gang", "agency", "office",
                  "embassy", "government", "unit", "brigade", "navy", "court", "mission", "commission",
                  "organization", "organisation", "militia", "guerrilla", "bureau", "department", "guard"}


HEAD_CLASSES = {"group": {"ArmedGroup", "CriminalGroup"}, "gang": {"CriminalGroup"}, "cartel": {"CriminalGroup"},
                "militia": {"ArmedGroup"}, "guerrilla": {"ArmedGroup"}, "army": {"MilitaryUnit"},
                "police": {"PoliceForce"}, "navy": {"MilitaryUnit"}}


def definite_descriptions(doc, mentions, skip, groups=None, main_country=None, lx=None):
    """'the ministry', 'the group': a mention of the one organisation with that head word named
    before in the document; nothing when none or several fit (not safe). 'The government'
    with no government named before is the government of the article's country (a new group
    appended to `groups`)."""
    from .entities import NameGroup, NameMention
    from .groups import with_article
    taken = set()
    for m in mentions:
        taken.update(range(m.start, m.end))
    named = sorted((m for m in mentions if m.group is not None and m.kind in (ORG, "GOV")), key=lambda m: m.start)
    out = []
    toks = tokens(doc)
    for tok in toks[1:]:
        head = tok.lower_
        if head not in DEFINITE_HEADS or toks[tok.i - 1].lower_ != "the" or tok.text[0].isupper() \
                or tok.idx in taken or any(b <= tok.idx < e for b, e in skip) \
                or (tok.i + 1 < len(toks) and toks[tok.i + 1].lower_ == "of"):
            continue
        before = {id(m.group): m.group for m in named if m.end <= tok.idx and (
            head in m.text.lower().split() or (head == "government" and m.kind == "GOV")
            or m.group.cls in HEAD_CLASSES.get(head, ()))}
        if not before and head == "government" and main_country and groups is not None and lx is not None:
            g = next((x for x in groups if x.kind == "GOV" and x.country == main_country), None)
            if g is None:
                g = NameGroup("GOV", "Government", country=main_country)
                g.label = f"Government of {with_article(lx.country_name(main_country))}"
                groups.append(g)
            before = {id(g): g}
        if len(before) != 1:
            continue
        g = next(iter(before.values()))
        s = doc[tok.i].sent
        m = NameMention(tok.idx, tok.idx + len(tok.text), tok.text, g.kind, g.cls, s.start_char, s.end_char, tok.i,
                        tok.i + 1, group=g, reason=f"'the {head}': the only {head} named before in the document")
        g.mentions.append(m)
        out.append(m)
    return out


def _more_identities(g: NameGroup, lx: Lexicon) -> list[str]:
    """Further identity keys of an organisation of a known country: its name within the
    country, from its gazetteer label and from each name the text gives it, so that "the
    Public Ministry" of an article about Guatemala and "Public Ministry of Guatemala" (a
    gazetteer entry) elsewhere are one node. Never without a country: a generic name alone
    is no identity."""
    if g.kind != ORG or not g.country:
        return []
    host = f"@{g.host}" if g.host else ""
    names = [g.label.split(" (")[0]] + [m.text for m in g.mentions if not m.reason.startswith("'the ")]
    if g.gaz and g.gaz in lx.orgs:
        names.append(lx.orgs[g.gaz].label)
    own = _identity(g, lx)
    keys = dict.fromkeys(f"org:{g.country}:{fold(core_label(n, lx))}{host}" for n in names if " " in n)
    return [k for k in keys if k != own]


def _identity(g: NameGroup, lx: Lexicon | None = None) -> str:
    if g.kind == PERSON:
        return "person:" + fold(g.label)
    if g.kind == "GOV":
        return f"gov:{g.gaz}" if g.gaz else f"gov:{g.country}"
    if g.kind == PLACE:
        return f"place:{g.gaz}" if g.gaz else f"place:{fold(g.label)}"
    if g.gaz:
        return f"gaz:{g.gaz}"
    host = f"@{g.host}" if g.host else ""
    name = g.label.split(' (')[0]
    if g.country and lx is not None:
        name = core_label(name, lx)     # "Public Ministry of Guatemala" = "Guatemala's Public Ministry"
    return f"org:{g.country or ''}:{fold(name)}{host}"


def _records(document: Document, groups, operations: list[Event], funding: list[Event], rels, lx,
             doc=None, by_tok=None) -> Extraction:
    did = document.doc_id
    text = document.text
    keys: dict[int, str] = {}
    entities: list[Entity] = []
    mentions: list[Mention] = []
    relations: list[Relation] = []
    for n, g in enumerate(groups):
        key = f"e{n}"
        keys[id(g)] = key
        et = KIND_TYPES[g.kind]
        # a bare generic name ("Army", "the Public Ministry") is no alias in a graph of many countries
        aliases = tuple(dict.fromkeys(m.text for m in g.mentions
                                      if m.text != g.label and not m.reason.startswith("'the ")
                                      and not (g.kind == ORG and fold(m.text) in GENERIC_CORES)))
        attrs = []
        if g.acronyms:
            attrs.append(("acronyms", "|".join(sorted(g.acronyms))))
        if g.gaz:
            attrs.append(("gazetteer", g.gaz))
        more = _more_identities(g, lx)
        if more:
            attrs.append(("idkeys", "|".join(more)))
        titles = sorted({m.title for m in g.mentions if m.title})
        if titles:
            attrs.append(("titles", "|".join(titles)))
        entities.append(Entity(key, et, g.label, g.cls, aliases, g.country, _identity(g, lx), tuple(attrs),
                               tuple((m.text, m.reason) for m in g.mentions)))
        for m in g.mentions:
            mentions.append(Mention(did, m.start, m.end, text[m.start:m.end], et, key))

    def ev(start, end, conf, extractor, fact="asserted", gaz=False) -> Evidence:
        return Evidence(did, start, end, text[start:end].strip(), round(conf, 3), extractor, fact, gaz)

    for kind_events, et, prefix in ((operations, EntityType.OPERATION, "op"), (funding, EntityType.FUNDING, "fu")):
        for n, e in enumerate(kind_events):
            key = f"{prefix}{n}"
            keys[id(e)] = key
    for kind_events, et, prefix in ((operations, EntityType.OPERATION, "op"), (funding, EntityType.FUNDING, "fu")):
        for e in kind_events:
            key = keys[id(e)]
            attrs = []
            if et == EntityType.OPERATION:
                attrs.append(("kind", e.kind))
            date = normalise_date(e.date(), document.date)
            if date:
                attrs += [("eventDate", date[0]), ("datePrecision", date[1]), ("dateText", e.date_text)]
            elif et == EntityType.OPERATION and e.factuality == "asserted" and document.date:
                # news tells what just happened: with no date in the text, the month of
                # publication (no kg:dateText says so), as event datasets date by publication
                attrs += [("eventDate", document.date[:7]), ("datePrecision", "month")]
            if e.amount is not None:
                attrs.append(("amount", repr(e.amount)))
            if e.currency:
                attrs.append(("currency", e.currency))
            if et == EntityType.FUNDING:
                attrs.append(("inKind", "true" if e.in_kind else "false"))
            attrs.append(("factuality", e.factuality))
            label, comment = _event_label(e, text, groups, dict(attrs), lx, doc, by_tok)
            attrs.append(("comment", comment))
            entities.append(Entity(key, et, label, "Operation" if et == EntityType.OPERATION else "Funding",
                                   (), None, None, tuple(attrs)))
            for b, end in e.spans:
                mentions.append(Mention(did, b, end, text[b:end], et, key))
            s0, s1 = e.sentences[0]
            conf_scale = e.weight if et == EntityType.OPERATION else 0.8
            for attr, pred in (("participants", "hasParticipant"), ("targets", "targets"), ("places", "locatedIn"),
                               ("funders", "fundedBy"), ("recipients", "recipient")):
                for gid, conf in getattr(e, attr).items():
                    if gid in keys:
                        relations.append(Relation(key, pred, keys[gid],
                                                  ev(s0, s1, conf * max(conf_scale, 0.5), f"kg.{prefix}.v1", e.factuality)))
            for op in e.funds:
                if id(op) in keys:
                    relations.append(Relation(key, "funds", keys[id(op)], ev(s0, s1, 0.6, "kg.fu.v1", e.factuality)))
    for r in rels:
        if id(r.s) in keys and id(r.o) in keys:
            relations.append(Relation(keys[id(r.s)], r.p, keys[id(r.o)],
                                      ev(r.start, r.end, r.confidence, r.extractor, gaz=r.gazetteer)))
    relations = list({(r.subject, r.predicate, r.object): r for r in relations}.values())
    return Extraction(document, tuple(entities), tuple(mentions), tuple(relations))


def _event_label(e: Event, text: str, groups, attrs: dict[str, str], lx, doc=None, by_tok=None) -> tuple[str, str]:
    """(name, sentence fragment) of an operation or funding: the name made from what was
    extracted (kg.nlp.names), the fragment of the text that tells it (its rdfs:comment)."""
    b, end = e.spans[0]
    fragment = " ".join(text[b:end].split())
    labels = {id(g): _short_name(g) for g in groups}
    date = (attrs["eventDate"], attrs.get("datePrecision", "")) if "eventDate" in attrs else None
    words = load_name_words(lx.ontology_dir) if lx.ontology_dir else None   # the build's ontology folder
    obj = mod = None
    if doc is not None and not e.name:
        obj, mod = object_phrase(doc, e.trigger, by_tok or {}, words), trigger_modifier(doc, e.trigger, by_tok or {})
    parts = parts_of(e, labels, date, obj, mod)
    if e.kind == "Funding" and doc is not None:
        nouns = {w for (w, pos), _ in lx.funding.items() if pos == "NOUN"}
        parts = replace(parts, lemma=funding_word(doc, e.trigger, e.spans[0], e.lemma, nouns, words))
    return event_name(parts, words), fragment


def _short_name(g: NameGroup) -> str:
    """How an event's name calls a group: its label, or its one acronym when the label is long
    ('Japan International Cooperation Agency' -> 'JICA')."""
    if len(g.label) > 30 and len(g.acronyms) == 1:
        return next(iter(g.acronyms))
    return g.label
