"""What a speaker phrase says about its speaker: name, kind, type, role, affiliation.

``describe`` reads a phrase found by ``speakers``: "Pentagon spokesman John Kirby" is the person "John Kirby"
(role spokesman, affiliation the gazetteer's "US Department of Defense"); "two Iraqi militia officials" is
the anonymous "Iraqi militia official" (type militia, plural); "Syria's state-run SANA news agency" is the
known source "SANA"; "A statement from the Velsk Water Board" speaks for the board; "the war monitor" is a
description that ``coref`` later resolves to a named source. An unknown organisation is typed by its own
words (``name_types``: "Kessel Brigades" militia, "Valdorian News Agency" state media, "Norland Defence
Ministry" military); a known generic name after an unknown capitalised word ("the Norland Ministry of
Defence") is not the gazetteer's. Words come from ``ledger/vocab/speakers.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ledger.text.fast_init import fast_init
from ledger.reading.events.places import adjective_of, country_of
from ledger.reading.claims.gazetteer import GazetteerEntry, load_gazetteer, lookup
from ledger.reading.claims.speakers import (PARTITIVES, hidden_head, is_capitalised, is_nominal, name_type,
                                            past_time_words, tokens, words)
from ledger.names import normalise_name
from ledger.text.data import load

_AGE = re.compile(r"\d+-years?-old")  # "92-year-old Mahathir": an age describes the person, it is no name
_INITIAL = re.compile(r"[A-Z]\.")
_STATE_WORDS = frozenset({"state", "state-run", "state-owned", "state-controlled", "government-run", "official"})


@fast_init  # made many times per article (see fast_init)
@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaker phrase and what it tells about the speaker.

    ``start``/``end`` is the mention. ``kind`` is person, organisation, anonymous, pronoun or document;
    ``name`` the best name the phrase alone gives; ``head`` its lowercased head noun; ``definite`` whether it
    points back ("the monitor") rather than introduces ("a monitor"); ``role`` a job title ("press
    secretary"); ``number`` "sg" or "pl"; ``entry`` the gazetteer entry it names, if any.
    """

    start: int
    end: int
    kind: str
    name: str
    head: str
    type: str | None = None
    affiliation: str | None = None
    role: str | None = None
    number: str = "sg"
    definite: bool = True
    entry: GazetteerEntry | None = None
    first: str | None = None
    last: str | None = None


_PARTITIVE_PRONOUNS = {"them": "they", "us": "we"}
_QUANTIFIERS = frozenset({"most", "many", "some", "all", "none", "both", "each", "several", "half", "one", "two",
                          "three", "few", "neither", "either"})


def describe(text: str, start: int, end: int) -> Phrase:
    """What the phrase ``text[start:end]`` says about its speaker.

    ``describe(t, ...)`` on "two Iraqi militia officials" -> kind anonymous, name "Iraqi militia official",
    type militia, number pl. The reading depends on the phrase's words alone, so it is cached by them: an
    article names its speakers again and again ("he", "Kirby", "the ministry"), and so do articles.
    """
    p = _describe_words(text[start:end])
    if not start:
        return p
    return Phrase(start, end, p.kind, p.name, p.head, p.type, p.affiliation, p.role, p.number, p.definite, p.entry,
                  p.first, p.last)


@lru_cache(maxsize=8192)
def _describe_words(phrase: str) -> Phrase:
    found = _describe(phrase, 0, len(phrase))
    if found.kind == "organisation" and found.entry is None:
        name = office_name(found.name)
        if name != found.name:
            found = replace(found, name=name)
    if found.affiliation:  # "a spokesman for the health ministry in Varn" speaks for the Varn health ministry
        office = office_name(found.affiliation)
        if office != found.affiliation:
            found = replace(found, affiliation=office, name=found.name.replace(found.affiliation, office))
    return found


# "the Hamas-run health ministry in Gaza": who runs an office is said of it, not part of its name
_RUN_BY = re.compile(r"^(?:[A-Z][\w'\u2019.]*[\s-]+){0,2}?[A-Z][\w'\u2019.]*-(?:run|controlled|led|backed|administered|"
                     r"held|appointed|affiliated|aligned|allied)\s+(?=\S)")
_PLACE = r"(?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*"
_OFFICE_IN_PLACE = re.compile(rf"^(?P<office>[\w\s]+?)\s+in\s+(?:the\s+)?(?P<place>{_PLACE})$")
_PLACES_OFFICE = re.compile(rf"^(?P<place>{_PLACE})['\u2019]s?\s+(?P<office>[\w\s]+)$")
_OFFICE_HEADS = frozenset({"ministry", "department", "office", "authority", "authorities", "directorate"})


def office_name(name: str) -> str:
    """One name for a public office however an article puts it: "the Taliq-run health ministry in Varn",
    "Varn's health ministry" and "the health ministry in Varn" are all the "Varn health ministry" (the
    other forms stay aliases). Only offices (ministry, department, authority, ...) named with generic words
    are rewritten: "Russian forces in Varn" are not "Varn forces".

    >>> office_name("Taliq-run health ministry in Varn"), office_name("Varn's Ministry of Health")
    ('Varn health ministry', 'Varn Ministry of Health')
    """
    bare = _RUN_BY.sub("", name)
    m = _OFFICE_IN_PLACE.match(bare) or _PLACES_OFFICE.match(bare)
    if m is None:
        return bare if bare != name and _is_office(bare) else name
    office, place = m.group("office"), m.group("place")
    if not _is_office(office):
        return name
    return f"{place} {office}"


@lru_cache(maxsize=1)
def generic_institution_words() -> frozenset[str]:
    """The words of office names many countries have (``speakers.json`` "generic_institution_words")."""
    return frozenset(load("speakers.json")["generic_institution_words"])


def _is_office(words_: str) -> bool:
    """Whether a phrase names a public office with generic words only ("health ministry", "Ministry of
    Health", "interior ministry"), so that the place it is of can be said first."""
    generic = generic_institution_words()
    lows = words_.lower().split()
    return bool(lows) and lows[-1] != "of" and any(w in _OFFICE_HEADS for w in lows) and \
        all(w in generic or w in ("of", "and", "for", "the") for w in lows)


def _describe(text: str, start: int, end: int) -> Phrase:
    raw = tokens(text, start, end)
    known = _known_in_brackets(raw)
    if known is not None:  # "Syrian state media (SANA)": the known name in brackets says who
        kind = known.kind if known.kind in ("person", "organisation") else "organisation"
        return Phrase(start, end, kind, known.name, raw[-2][2].lower(), known.type, known.affiliation, None, "sg",
                      True, known)
    toks = _analysable(raw)
    w = words()
    if len(toks) == 3 and toks[1][2].lower() == "of" and toks[2][2].lower() in _PARTITIVE_PRONOUNS \
            and toks[0][2].lower() in _QUANTIFIERS:  # "most of them" speak as "they" would: the group named before
        pronoun = _PARTITIVE_PRONOUNS[toks[2][2].lower()]
        return Phrase(start, end, "pronoun", pronoun, pronoun, number="pl")
    if len(toks) == 1 and toks[0][2].lower() in w.pronouns:
        info = w.pronouns[toks[0][2].lower()]
        return Phrase(start, end, "pronoun", toks[0][2], toks[0][2].lower(), number=info["number"])
    lead = 0
    while lead < len(toks) - 1 and (toks[lead][2].lower() in w.determiners or (  # "one of the officials"
            toks[lead][2].lower() == "of" and lead and toks[lead - 1][2].lower() in PARTITIVES)):
        lead += 1
    quantified = any(t[2].lower() not in ("the", "a", "an", "this", "that", "his", "her", "its", "their",
                                          "our", "my", "your", "one", "each", "every", "another")
                     for t in toks[:lead])
    definite = lead == 0 or toks[0][2].lower() in ("the", "this", "that", "these", "those", "his", "her", "both",
                                                   "its", "their")
    speaking = _beside_document(toks)
    if speaking is not None:
        return replace(_describe(text, speaking[0][0], speaking[-1][1]), start=start, end=end)
    holder = _office_holder(text, toks, lead)
    if holder is not None:
        return replace(holder, start=start, end=end)
    inner = _document_source(text, toks, lead) or _document_source(text, raw, lead)
    if inner is not None:
        found = describe(text, inner[0], inner[1])
        return Phrase(start, end, found.kind, found.name, found.head, found.type, found.affiliation,
                      found.role, found.number, found.definite, found.entry, found.first, found.last)
    return _read(text, start, end, toks, lead, quantified, definite)


def _known_in_brackets(toks) -> GazetteerEntry | None:
    """The known source whose acronym closes a description in brackets ("Syrian state media (SANA)"), or
    None (a party or a place in brackets, "Mike Pence (R-IN)", "the ministry (Iraq)", says nothing here)."""
    if len(toks) < 4 or toks[-1][2] != ")" or toks[-3][2] != "(" or not toks[-2][2].isupper():
        return None
    entry = _lookup(toks[-2][2])
    return entry if entry is not None and entry.kind != "person" and entry.type != "government" else None


def _analysable(toks):
    """The tokens that say who the speaker is: without a trailing parenthesis ("Mike Pence (R-IN)") or a
    reduced relative clause ("a report released last year")."""
    if toks and toks[-1][2] == ")":
        k = next((k for k in range(len(toks) - 2, -1, -1) if toks[k][2] == "("), None)
        if k:
            toks = toks[:k]
    temporal = words().temporal
    k = len(toks)
    while k > 1 and toks[k - 1][2].lower() in temporal:
        k -= 1
    if 1 < k < len(toks) and toks[k - 1][2].lower() in ("on", "in", "last", "this", "early", "late"):
        toks = toks[:k - 1]  # "Photos emerging on Wednesday": the day is when, not who
        if len(toks) > 1 and toks[-1][2].islower() and toks[-1][2].endswith(("ing", "ed", "en")):
            toks = toks[:-1]  # ... and "emerging", "released" open a reduced relative on the noun before
    if toks and not is_nominal(toks[-1][2], True):
        head = hidden_head(toks, len(toks) - 1)
        if head is not None and head < len(toks) - 1 and toks[head + 1][2].lower() != "of":
            toks = toks[:head + 1]
    return toks


def _document_source(text: str, toks, lead: int) -> tuple[int, int] | None:
    """"A statement from Pentagon Press Secretary John Kirby" speaks for Kirby, "a statement from the army"
    for the army: the span after from/by/of when it names someone (a capitalised word or a speaker noun)."""
    w = words()
    for k in range(lead, len(toks) - 1):
        by = k + 2 if toks[k + 1][2].lower() in _ISSUING and k + 2 < len(toks) - 1 else k + 1
        dated = past_time_words(toks, k)
        if dated is not None and dated < len(toks) - 1:
            by = dated  # "a statement Tuesday from the army"
        noun = toks[k][2].lower()
        if w.singular.get(noun, noun) in w.documents and toks[by][2].lower() in ("from", "by", "of") and (
                by == k + 1 or toks[by][2].lower() == "by" or dated is not None):  # "a statement released by X"
            rest = toks[by + 1:]
            if rest and (any(is_capitalised(t[2]) for t in rest) or _names_issuer(rest)):
                return rest[0][0], rest[-1][1]
    return None


def _beside_document(toks):
    """"a statement and a military source": of a document and a speaker joined by "and", the speaker speaks
    (the statement names no one); the speaker's tokens, or None."""
    w = words()
    joins = [k for k, t in enumerate(toks) if t[2].lower() == "and"]
    if len(joins) != 1 or joins[0] in (0, len(toks) - 1):
        return None
    left, right = toks[:joins[0]], toks[joins[0] + 1:]

    def bare_document(part) -> bool:
        head = part[-1][2].lower()
        return all(t[2].lower() in w.determiners or t[2].islower() for t in part) and \
            w.singular.get(head, head) in w.documents
    if bare_document(left) and not bare_document(right):
        return right
    if bare_document(right) and not bare_document(left):
        return left
    return None


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}


def _office_holder(text: str, toks, lead: int) -> Phrase | None:
    """An office speaks for the one who holds it: "his office" is "he" (whom ``coref`` resolves), "the
    premier's office" and "the office of the mayor" are the premier and the mayor; None for any other
    phrase ("the foreign office", "the Kessel Office for Refugees")."""
    w = words()
    lows = [t[2].lower() for t in toks]
    at = next((k for k in range(len(lows)) if lows[k] in w.holder_offices
               or " ".join(lows[k:k + 2]) in w.holder_offices), None)
    if at is None or at < len(lows) - 2 or (at == len(lows) - 2 and lows[at + 1] not in w.holder_offices):
        if at is not None and at + 2 < len(lows) and lows[at + 1] == "of" and lows[at + 2] in w.determiners:
            owner = toks[at + 2:]  # "the office of the mayor"
            return _describe(text, owner[0][0], owner[-1][1])
        return None
    if at == 1 and lows[0] in _POSSESSIVE_PRONOUNS:
        pronoun = _POSSESSIVE_PRONOUNS[lows[0]]
        return Phrase(toks[0][0], toks[-1][1], "pronoun", pronoun, pronoun, number=w.pronouns[pronoun]["number"])
    owner_end = at - 1
    if owner_end < lead or not toks[owner_end][2].endswith(("'s", "\u2019s")):
        return None
    owner = toks[lead:owner_end + 1]
    p = _describe(text, owner[0][0], owner[-1][1] - 2)
    return p if p.kind in ("person", "anonymous", "organisation") and p.name else None


_ISSUING = frozenset({"released", "issued", "published", "sent", "circulated", "posted", "signed"})


def _names_issuer(rest) -> bool:
    """"the army", "the premier's office": a determined speaker noun (no document: "a copy of the report")."""
    w = words()
    head = rest[-1][2].lower()
    return (rest[0][2].lower() in w.determiners and head in w.nominal and head not in w.documents
            and w.singular.get(head, head) not in w.documents)


def _read(text: str, start: int, end: int, toks, lead: int, quantified: bool, definite: bool) -> Phrase:
    w = words()
    body = _without_location(toks[lead:])
    core, complement = _split_complement(body)
    group = _members_with(text, core, complement)
    if group is not None:
        noun = core[0][2].lower()
        return replace(group, start=start, end=end, number="pl" if w.singular.get(noun, noun) != noun else "sg")
    entry, gspan = _gazetteer(core)
    if entry is not None and _other_owner(core, gspan[0]):
        entry = None
    owner = _possessive_owner(core)
    if entry is not None and gspan[1] >= len(core) - 1 - _descriptor_tail(core, gspan[1]):
        kind = entry.kind if entry.kind in ("person", "organisation") else "organisation"
        return Phrase(start, end, kind, entry.name, core[-1][2].lower(), entry.type, entry.affiliation, None,
                      "sg", True, entry)
    affiliation = entry.name if entry is not None else (_complement_name(text, complement) or owner)
    if any(t[2].lower() in ("and", "&") for t in core):
        name = text[core[0][0]:core[-1][1]]
        kind = "person" if all(is_capitalised(t[2]) or t[2].lower() in ("and", "&") or t[2].lower() in w.titles
                               for t in core) else "anonymous"
        return Phrase(start, end, kind, name, core[-1][2].lower(), None, affiliation, None, "pl", True)
    national = owner is not None and core[0][2].endswith(("'s", "\u2019s"))
    if national:
        core = core[1:] or core
    member = _members_of(text, core)
    if member is not None:
        return replace(member, start=start, end=end, number="pl")
    name_at = _name_start(core)
    if name_at is not None and not (len(core) == 1 and _initial_noun(core[0][2]) and core[0][2].lower() in w.nominal):
        return _person_or_org(text, start, end, core, name_at, affiliation, owner if national else None)
    p = _description(text, start, end, core, core[-1][2].lower(), quantified, definite, affiliation,
                     complement)
    return _owned_by_country(p, owner) if national else p


def _owned_by_country(p: Phrase, owner: str) -> Phrase:
    """"Mardovia's defence ministry" is the Mardovian defence ministry, not "defence ministry": a generic
    institution owned by a country is named with the country's adjective (so it meets "the Mardovian
    Defence Ministry" of another article, and never merges with another country's ministry), or keeps the
    possessive when the country has no known adjective."""
    if p.kind != "organisation" or any(is_capitalised(x) for x in p.name.split()):
        return p
    adjective = adjective_of(owner)
    name = f"{adjective} {p.name}" if adjective else f"{owner}'s {p.name}"
    return replace(p, name=name)


def _without_location(body):
    """"The Health Ministry in the Dorn Strip" is the ministry, "US Central Command in the region" the
    command: an organisation's name ends where "in" + a place starts."""
    w = words()
    for k in range(1, len(body) - 1):
        if body[k][2] == "in":
            name = body[:k]
            if is_capitalised(name[-1][2]) and any(t[2].lower() in w.org_words for t in name) and all(
                    is_capitalised(t[2]) or t[2] in ("of", "for", "and") for t in name):
                return name
            return body
    return body


def _split_complement(body):
    """"official with the group" -> ("official", "the group"): a lowercase head noun followed by a
    preposition takes a complement; a capitalised one is part of a name ("Observatory for Human Rights")."""
    w = words()
    for k in range(1, len(body) - 1):
        prev = body[k - 1][2]
        if body[k][2].lower() in w.linking and (prev.islower() or k == 1 and _initial_noun(prev)) and \
                prev.lower() in w.nominal:
            return body[:k], body[k + 1:]
    return body, []


def _members_of(text: str, core) -> Phrase | None:
    """"NOHR activists", "Red Crescent volunteers": members speaking for a named organisation are the
    organisation (one the gazetteer knows, an acronym or a name its own words type), or None."""
    w = words()
    noun = core[-1][2].lower() if len(core) > 1 else ""
    if w.singular.get(noun, noun[:-1] if noun.endswith("s") else noun) not in w.member_nouns:
        return None
    run = core[:-1]
    if not all(is_capitalised(t[2]) and not t[2].endswith(("'s", "\u2019s")) for t in run):
        return None
    named = text[run[0][0]:run[-1][1]]
    acronym = len(run) == 1 and run[0][2].isupper() and len(run[0][2]) > 1
    if _lookup(named) is None and not acronym and not any(t[2].lower() in w.org_words for t in run):
        return None
    p = _describe_words(named)
    return p if p.kind == "organisation" else None


def _members_with(text: str, core, complement) -> Phrase | None:
    """"activists with the Norland Rights Network", "sources in the Kessel Brigades": members speaking
    for an organisation named after a preposition are that organisation; None otherwise ("sources in the
    capital"; "sources in the group" is resolved by ``coref``)."""
    w = words()
    if not complement or len(core) != 1:
        return None
    noun = core[0][2].lower()
    if w.singular.get(noun, noun) not in w.member_nouns:
        return None
    p = _describe(text, complement[0][0], complement[-1][1])
    named = any(is_capitalised(t[2]) for t in complement)
    return p if p.kind == "organisation" and named and p.type not in (None, "government") else None


def _initial_noun(tok: str) -> bool:
    """"Sources", "Officials" opening a sentence: a speaker noun capitalised only by its place."""
    low = tok.lower()
    return tok.istitle() and low not in words().org_words and _lookup(tok) is None


def _complement_name(text: str, complement) -> str | None:
    w = words()
    toks = [t for t in complement if t[2].lower() not in w.determiners]
    if not toks:
        return None
    entry = _lookup(" ".join(t[2] for t in toks))
    if entry is None:  # "the MSF medical charity": a known name and words that only describe it
        entry, known = _gazetteer(toks)
        if entry is not None and known[1] < len(toks) - 1 - _descriptor_tail(toks, known[1]):
            entry = None
    return entry.name if entry is not None else text[toks[0][0]:toks[-1][1]]


def _descriptor_tail(body, gend: int) -> int:
    """How many words after a known name only describe it ("SANA news agency", "Hashed paramilitary
    alliance"); a person noun after it ("SOHR activists") makes the known name an affiliation."""
    w = words()
    tail = [t[2].lower() for t in body[gend + 1:]]
    if not tail:
        return 0
    if w.singular.get(tail[-1], tail[-1]) in w.organisations or " ".join(tail[-2:]) in w.organisations:
        return len(tail)
    return -1


def _gazetteer(body) -> tuple[GazetteerEntry | None, tuple[int, int]]:
    """The longest run of words (starting with a capital) that the gazetteer knows."""
    best: tuple[GazetteerEntry | None, tuple[int, int]] = (None, (0, -1))
    n = len(body)
    firsts, lasts = _alias_edges()
    for i in range(n):
        if not is_capitalised(body[i][2]) or _edge(body[i][2]) not in firsts:
            continue
        for j in range(min(n, i + _longest_alias()), i, -1):
            if j - i <= best[1][1] - best[1][0] + 1 and best[0] is not None:
                break
            if _edge(body[j - 1][2]) not in lasts:
                continue
            entry = _lookup(" ".join(t[2] for t in body[i:j]))
            if entry is not None and not _part_of_name(body, i, j, entry):
                best = (entry, (i, j - 1))
                break
    return best


def _other_owner(body, i: int) -> bool:
    """"the Norland Ministry of Defence": a known name that starts with a generic word ("Ministry of
    Defence", an alias of one country's ministry) belongs to whoever the unknown capitalised word before it
    names, not to the gazetteer's entry."""
    if i == 0 or body[i][2].lower() not in words().org_words:
        return False
    before = body[i - 1][2]
    low = before.lower().rstrip(".")
    w = words()
    return (is_capitalised(before) and not before.endswith(("'s", "\u2019s")) and low not in w.determiners
            and low not in w.titles and low not in w.roles and _lookup(before) is None)


def _part_of_name(body, i: int, j: int, entry: GazetteerEntry) -> bool:
    """A one-word place name inside a personal name is no government: "Michael Jordan", "Jordan Peele"."""
    if j - i != 1 or entry.type != "government":
        return False
    w = words()
    def namelike(tok: str) -> bool:
        low = tok.lower().rstrip(".")
        return (is_capitalised(tok) and "-" not in tok and not tok.endswith(("'s", "\u2019s")) and low not in w.titles
                and low not in w.roles and low not in w.org_words and low not in w.determiners)
    return (i > 0 and namelike(body[i - 1][2])) or (j < len(body) and namelike(body[j][2]))


def _edge(token: str) -> str:
    """A cheap key for a first or last word of a known name: "U.S." -> "us", "Iraq's" -> "iraq"."""
    key = token.lower().replace(".", "").replace("\u2019", "'")
    return key[:-2] if key.endswith("'s") else key


@lru_cache(maxsize=1)
def _alias_edges() -> tuple[frozenset, frozenset]:
    """The first and last words of every gazetteer name, raw and normalised: lookups of word runs that do
    not start and end with one of them are skipped (normalising names is the costly part)."""
    firsts, lasts = set(), set()
    for entry in load_gazetteer():
        for alias in (entry.name, *entry.aliases):
            for form in (alias, normalise_name(alias)):
                words_ = [w for w in form.split() if w.lower() not in ("the",)] or form.split()
                if words_:
                    firsts.add(_edge(words_[0]))
                    lasts.add(_edge(words_[-1]))
    return frozenset(firsts), frozenset(lasts)


@lru_cache(maxsize=1)
def _longest_alias() -> int:
    """The most words any gazetteer name has: longer runs need not be looked up."""
    return max(len(alias.split()) for e in load_gazetteer() for alias in (e.name, *e.aliases))


@lru_cache(maxsize=8192)
def _lookup(name: str) -> GazetteerEntry | None:
    if name.endswith(("'s", "\u2019s")):
        name = name[:-2]
    return lookup(name)


def _possessive_owner(body) -> str | None:
    """"Norland's army" -> "Norland"; "the Health Ministry's spokesman" -> "Health Ministry" (the capitalised
    words before the possessive)."""
    for k, (_, _, tok) in enumerate(body[:-1]):
        if tok.endswith(("'s", "\u2019s")) and is_capitalised(tok):
            first = k
            while first > 0 and is_capitalised(body[first - 1][2]) and body[first - 1][2].lower() not in words().determiners \
                    and not body[first - 1][2].endswith(("'s", "\u2019s")):
                first -= 1
            return " ".join([t[2] for t in body[first:k]] + [tok[:-2]])
    return None


def _name_start(body) -> int | None:
    """Where a trailing proper name starts ("Pentagon spokesman [John F. Kirby]"), or None."""
    w = words()
    k = len(body) - 1
    if not is_capitalised(body[k][2]) or body[k][2].lower() in w.nominal and body[k][2].islower():
        return None
    while k > 0 and not _AGE.fullmatch(body[k - 1][2]) and (
            is_capitalised(body[k - 1][2]) or body[k - 1][2].lower() in _NAME_PARTICLES
            or body[k - 1][2].lower() in ("of", "for", "and", "&", "the")):
        k -= 1
    while k < len(body) and body[k][2].lower() in ("of", "for", "and", "&", "the"):
        k += 1
    return k if k < len(body) else None


def _person_or_org(text: str, start: int, end: int, body, at: int, affiliation: str | None,
                   country: str | None = None) -> Phrase:
    """A person ("Pentagon spokesman John Kirby") or an organisation named with capitals ("Kessel
    Brigades"); ``country`` is the possessive owner the caller dropped ("Mardovia's Defence Ministry
    spokesman ..."): the organisation after it is that country's."""
    w = words()
    run = body[at:]
    lows = [t[2].lower().rstrip(".") for t in run]
    role_end = max((k for k, x in enumerate(lows) if x in w.titles or x in w.roles or x in w.role_synonyms),
                   default=-1)
    if role_end >= 0 and role_end + 1 < len(lows) and lows[role_end + 1] == "of":
        size = 3 if len(run) > 2 and _INITIAL.fullmatch(run[-2][2]) else 2
        role_end = max(role_end + 2, len(lows) - size - 1)
    names = _trim_name(run[role_end + 1:]) if role_end + 1 < len(run) else []
    orgish = any(x in w.org_words for x in lows[role_end + 1:]) or (
        len(run) == 1 and run[0][2].isupper() and len(run[0][2]) > 1)
    if not names and not orgish and role_end == len(run) - 1:
        return _role_holder(text, start, end, body, affiliation)
    if not names or orgish or any(not is_capitalised(t[2]) and t[2] not in _NAME_PARTICLES for t in names):
        name = text[run[0][0]:run[-1][1]]
        typ = _org_type(lows)
        if typ in ("media", "other") and any(t[2].lower() in _STATE_WORDS for t in body[:at]):
            typ = "state_media" if typ == "media" else typ
        return Phrase(start, end, "organisation", name, lows[-1], typ, affiliation, None, "sg", True)
    first = names[0][2] if len(names) > 1 else None
    last = names[-1][2]
    name = " ".join(t[2] for t in names if not _INITIAL.fullmatch(t[2]))
    glued = _GLUED_NAME.fullmatch(name) if first is None else None
    if glued is not None and glued.group(1).lower() not in _SURNAME_PREFIXES:
        first, last = glued.groups()  # "said KarlMenko, a spokesman": the text lost the space of "Karl Menko"
        name = f"{first} {last}"
    before = [t[2].lower() for t in body[:at]] + lows[:role_end + 1]
    role = _role(before)
    ptype = _person_type(before)
    if affiliation is None or country is not None:
        organisation = _organisation_before_role(body[:at] + run[:role_end + 1], owned=country is not None)
        if country is not None and organisation and organisation.split()[-1].lower() in w.org_words:
            adjective = adjective_of(country)
            affiliation = f"{adjective} {organisation}" if adjective else f"{country}'s {organisation}"
        elif affiliation is None:
            affiliation = organisation
    if affiliation is not None and _lookup(affiliation) is not None:
        entry = _lookup(affiliation)
        affiliation = entry.name
        ptype = "militia" if entry.type == "militia" else ptype
    return Phrase(start, end, "person", name or last, last.lower(), ptype, affiliation, role, "sg", True, None,
                  first, last)


def _role_holder(text: str, start: int, end: int, body, affiliation: str | None) -> Phrase:
    """"the Iraqi Prime Minister", "the Norland PM": a capitalised role with no name after it is the
    holder of that role (whom ``coref`` finds by role), not an organisation called "Prime Minister"."""
    lows = [t[2].lower().rstrip(".") for t in body]
    role = _role(lows)
    name = text[body[0][0]:body[-1][1]]
    return Phrase(start, end, "anonymous", name, lows[-1], _person_type(lows) or "official", None, role,
                  "sg", True)


def _organisation_before_role(toks, owned: bool = False) -> str | None:
    """The organisation named in the words before a person's name, without the role: "Pentagon Press
    Secretary" -> "Pentagon". A word that could open a role ("Defence", "Interior") is the organisation's
    when an organisation word follows it: "Mardovian Defence Ministry spokesman" -> "Mardovian Defence
    Ministry", never "Mardovian Ministry" (which would make the interior ministry's spokesman the same party).
    Without an owner ("Defence Ministry spokesman", not ``owned`` by a country named before) the ministry
    is only "Ministry", which names no one."""
    w = words()
    lows = [t[2].lower() for t in toks]
    kept = [k for k, t in enumerate(toks) if is_capitalised(t[2]) and lows[k].rstrip(".") not in w.titles
            and lows[k] not in w.roles and lows[k] not in w.role_synonyms and lows[k] not in ("of", "press")
            and lows[k] not in w.role_modifiers]
    if not kept:  # "health ministry spokesman": a lowercase institution before the role is the affiliation
        k = next((k for k, x in enumerate(lows) if x in w.org_words and x not in w.roles), None)
        if k is not None and k > 0 and lows[k - 1].isalpha() and lows[k - 1] not in w.determiners \
                and lows[k - 1] not in w.roles and lows[k - 1] not in w.titles:
            return f"{toks[k - 1][2]} {toks[k][2]}".title()
    if not owned and all(lows[k] in _ROLE_PREFIXES or lows[k] in w.org_words for k in kept):
        kept = [k for k in kept if lows[k] not in _ROLE_PREFIXES]  # "Defence Ministry": whose? (no affiliation)
    else:
        kept = [k for k in kept if lows[k] not in _ROLE_PREFIXES or (k + 1 < len(toks) and lows[k + 1] in w.org_words)]
    return " ".join(toks[k][2] for k in kept) or None


def _trim_name(names):
    """A personal name is at most First [Middle] Last, "Defense Lloyd J. Austin" -> "Lloyd J. Austin", but
    lowercase particles join longer ones ("Luiz Inacio Lula da Silva")."""
    w = words()
    names = [t for t in names if t[2].lower().rstrip(".") not in w.titles]
    if names and names[0][2].lower() in w.org_words:
        names = names[1:]
    core = [t for t in names if t[2] not in _NAME_PARTICLES]
    if len(core) < len(names) and 2 <= len(core) <= 4 and _three_names(core):
        return names  # "Luiz Inacio Lula da Silva", "Ursula von der Leyen": particles join one person's names
    if len(names) > 3 or (len(names) == 3 and not _INITIAL.fullmatch(names[1][2]) and not _three_names(names)):
        keep = names[-2:]
        if len(names) >= 3 and (_INITIAL.fullmatch(names[-2][2]) or names[-2][2].lower() in _NAME_PARTICLES):
            keep = names[-3:]  # "Lloyd J. Austin", "Khalid al Muhanna"
        names = keep
    return names or names[-1:]


def _three_names(names) -> bool:
    """Whether capitalised words are one person's given, middle and family names ("Sarah Leah
    Whitson", "Anna Marie Holt"), not a word of the role or place before a two-word name ("Defense Lloyd
    Austin", "Iraqi Mustafa Kadhimi"): none is an organisation word and the first is no adjective of
    nationality or place (the lexicon of countries knows those)."""
    w = words()
    return not any(t[2].lower().rstrip(".") in w.org_words for t in names) and country_of(names[0][2]) is None


def _role(lows: list[str]) -> str | None:
    """The job title among the words before a name: "pentagon press secretary" -> "press secretary"."""
    w = words()
    stems = [x.rstrip(".") for x in lows]
    at = max((k for k, x in enumerate(stems) if x in w.roles or x in w.titles or x in w.role_synonyms), default=-1)
    if at < 0:
        return None
    if stems[at] in w.role_synonyms:
        return w.role_synonyms[stems[at]]
    start = at
    while start > 0 and stems[start - 1] in _ROLE_PREFIXES:
        start -= 1
    end = at + 1
    if end < len(stems) and stems[end] == "of":
        end = len(stems)
    return " ".join(stems[start:end])


# A one-word name of two capitalised parts of three letters or more ("KarlMenko"): a first name and a surname
# glued where the text lost a space. "McKenna", "DeLuca" (a part under three letters) and the prefixes that
# open one surname ("MacArthur", "FitzGerald", "VanDyke") stay one word.
_GLUED_NAME = re.compile(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})")
_SURNAME_PREFIXES = frozenset({"mac", "fitz", "van", "von", "del", "della", "des", "der", "den", "dos", "das",
                               "san", "ben", "bin", "ibn", "abu", "abd", "ter", "ten", "saint"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "del", "da", "di", "du", "van", "von", "der", "la", "le"})
_ROLE_PREFIXES = frozenset({"press", "defense", "defence", "foreign", "prime", "vice", "deputy", "interior",
                            "state", "chief", "general", "attorney", "secretary", "military", "senior"})


def _person_type(lows: list[str]) -> str | None:
    w = words()
    for x in reversed(lows):
        x = x.rstrip(".")
        if x in w.roles:
            return w.roles[x]
        if x in w.titles:
            return "official" if w.titles[x] == "person" and x in ("sen", "rep", "gov") else (
                w.titles[x] if w.titles[x] != "person" else None)
    return None


def _modifier_org(text: str, body) -> tuple[str, str] | None:
    """"A Kessel Brigades commander", "a Norland Army officer": the organisation named right before a
    person noun, when the gazetteer knows it or its own words type it; (name, type)."""
    k = len(body) - 1
    while k > 0 and is_capitalised(body[k - 1][2]):
        k -= 1
    if k == len(body) - 1:
        return None
    run = body[k:-1]
    named = text[run[0][0]:run[-1][1]]
    entry = _lookup(named)
    if entry is not None:
        return entry.name, entry.type
    found = name_type([t[2].lower() for t in run]) if len(run) > 1 else None
    return (named, found) if found is not None else None


def _org_type(lows: list[str]) -> str:
    w = words()
    named = name_type(lows)
    if named is not None:
        return named
    for x in reversed(lows):
        if x in w.organisations:
            return w.organisations[x]
    return "other"


def _description(text: str, start: int, end: int, body, head: str, quantified: bool, definite: bool,
                 affiliation: str | None, complement=()) -> Phrase:
    w = words()
    sing = w.singular.get(head, head)
    pl = sing != head or head in w.collectives or quantified
    lows = [t[2].lower() for t in body]
    full = body + list(complement) if complement else body
    if len(full) > 1 and _AGE.fullmatch(full[0][2]):
        full = full[1:]  # "a 16-year-old girl" is a girl: the age describes her, it names no one
    name = text[full[0][0]:full[-1][1]]
    if quantified and pl and sing != head and not complement:
        name = text[body[0][0]:body[-1][0]] + sing
    mods = [w.type_modifiers[x] for x in lows[:-1] if x in w.type_modifiers]
    mod_type = next((t for t in mods if t != "other"), mods[0] if mods else None)
    two = " ".join(lows[-2:])
    if two in w.organisations or (sing in w.organisations and sing not in w.anonymous):
        kind = "organisation"
        typ = w.organisations.get(two, w.organisations.get(sing, "other"))
        if typ == "media" and any(x in ("state", "state-run", "state-owned", "official") for x in lows):
            typ = "state_media"
        elif mod_type in ("militia", "military", "monitor") and typ == "other":
            typ = mod_type
    elif sing in w.anonymous or sing in w.roles or head in w.collectives or sing in w.role_synonyms:
        kind, typ = "anonymous", mod_type or w.roles.get(w.role_synonyms.get(sing, sing).split()[-1], "other")
        org = _modifier_org(text, body) if affiliation is None else None
        if org is not None:
            affiliation, typ = org[0], "militia" if org[1] == "militia" else typ
    elif sing in w.documents:
        caps = [t for t in body[:-1] if is_capitalised(t[2]) and not t[2][:1].isdigit()]
        if caps and caps[-1] is body[-2]:
            named = text[caps[0][0]:caps[-1][1]]
            entry = _lookup(named)
            if entry is not None:
                return Phrase(start, end, entry.kind, entry.name, sing, entry.type, None, None, "sg", True, entry)
            return Phrase(start, end, "organisation", named, sing, "other", None, None, "sg", True)
        kind, typ = "document", mod_type or "other"
    else:
        kind, typ = "organisation", mod_type or "other"
    role = w.role_synonyms.get(sing) if kind == "anonymous" else None
    if sing in w.roles and kind == "anonymous":
        role = sing
        if len(lows) > 1 and lows[-2] in ("press", "defense", "defence", "state", "foreign", "prime", "vice",
                                          "interior", "deputy", "general"):
            role = f"{lows[-2]} {sing}"
        if complement:
            role = f"{role} of " + " ".join(t[2].lower() for t in complement if t[2].lower() not in w.determiners)
    return Phrase(start, end, kind, name, sing, typ, affiliation, role, "pl" if pl else "sg", definite)
