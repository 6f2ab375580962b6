"""Who is who within one article: one entity per real-world speaker, with its best name.

Mentions are read in order and joined to an entity when they must be the same speaker:

* a known source (gazetteer) by its canonical name: "SOHR" -> "Syrian Observatory for Human Rights";
* an acronym the article defines: "the Syrian Observatory for Human Rights (SOHR)" teaches "SOHR";
* people by surname with compatible first names: "Mr Kirby", "Kirby" -> "John Kirby" (found in the text if
  the article named him outside any claim), but "Joe Kirby" is a different person;
* definite descriptions by head noun or type: "the observatory", "the war monitor" -> the latest monitor;
  "the official" -> the latest anonymous official; "the press secretary" -> the person with that role;
  "the statement" -> the latest speaker; an indefinite lede description ("a war monitor") with nothing
  before it -> the first later source of its type;
* pronouns to the nearest compatible speaker or sentence subject: he/she a person, it an organisation,
  they a group; a relative "who"/"which" to the phrase it follows;
* a one-word name the article never gives a first name is a country when it ends like one or the article
  uses its demonym ("Valdoria", "Keshan" beside "Keshani"): the government speaks.

Affiliations are resolved too: "its director" -> the organisation "its" stands for; "a spokesman for the
group", "Ministry spokesman X" -> the group or ministry the article names (by head word, else by the types
``description_refers`` allows: "the group" -> the armed group); an anonymous member is then named after it
("Kessel Brigades spokesman") and an armed group's people are militia. A generic word that names nothing
in the article is dropped rather than becoming a source called "group". An appositive that describes a
speaker ("Lena Ruiz, director of the clinic, said") gives role, type and affiliation: a hospital director
or any office holder is ``official``; a military rank before a name makes ``military``.

Anonymous sources are never merged with named people.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from ledger.text import data as lexicon
from ledger.reading.claims import mentions
from ledger.reading.claims.introduced import AUTHOR, Layout
from ledger.reading.claims.attribution import Found
from ledger.reading.claims.descriptions import Phrase, describe
from ledger.reading.claims.frames import subject_of
from ledger.reading.claims.gazetteer import GazetteerEntry, lookup
from ledger.text.sentences import Sentence
from ledger.reading.claims.speakers import name_type, phrase_after, words
from ledger.reading.types import Span, Speaker
from ledger.names import normalise_name

_ACRONYM_TAIL = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,11}\)$")
_ARTICLE = re.compile(r"^(?:the|a|an|The|A|An)\s+")
_NAMED_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson"})  # "the spokesman": the one named before
_WINDOW = 60  # mentions looked back at: antecedents are near, and long articles stay linear
_PAREN = re.compile(r"\(([A-Z][A-Za-z.&-]{1,11})\)")
_LONG_NAME = re.compile(r"\b([A-Z][\w'\u2019.-]*(?:\s+(?:of|for|and|the|on|in|al|de|&)?\s*[A-Z][\w'\u2019.-]*)+)\s+$")


@dataclass(slots=True)
class Entity:
    """One speaker of the article and everything the article said about it."""

    name: str
    kind: str
    type: str | None = None
    affiliation: str | None = None
    first: str | None = None
    last: str | None = None
    heads: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    forms: list[str] = field(default_factory=list)
    number: str = "sg"
    known: bool = False
    sex: str | None = None  # "m"/"f" when a title or role said so ("Ms. Lind", "the spokeswoman")

    def absorb(self, p: Phrase, form: str) -> None:
        """Learn from another mention of the same speaker (a fuller name, a role, a type)."""
        if p.kind == "person" and p.first and not self.first:
            self.first, self.name = p.first, p.name
        if p.kind == "anonymous" and self.kind == "anonymous" and len(p.name) > len(self.name):
            self.name = p.name
        self.type = self.type or p.type
        self.affiliation = self.affiliation or p.affiliation
        if p.role:
            self.roles.add(p.role)
        self.heads.add(p.head)
        if p.kind != "pronoun" and p.number == "pl":
            self.number = "pl"
        if form and form not in self.forms:
            self.forms.append(form)


class Resolver:
    """Resolves the speaker mentions of one article, in order (see the module doc)."""

    def __init__(self, text: str, units: list[Sentence]):
        self.text = text
        self.units = units
        self.entities: list[Entity] = []
        self.history: list[tuple[int, Entity]] = []
        self.acronyms = _acronyms(text)
        self.subjects_done = 0
        self.unit_starts = [u.start for u in units]
        self.keys: dict[str, Entity] = {}
        self.people: dict[str, list[Entity]] = {}

    @cached_property
    def lower(self) -> str:
        """The lowercased text, made when first needed (few articles need it)."""
        return self.text.lower()

    def resolve(self, span: tuple[int, int], antecedent: tuple[int, int] | None = None) -> Entity:
        """The entity a mention stands for (created when new)."""
        p = describe(self.text, span[0], span[1])
        form = _form(self.text, span)
        if p.kind == "pronoun":
            entity = self._pronoun(p, span[0], antecedent)
        else:
            p = self._affiliated(p, span[0])
            entity = self._match(p, span[0], form)
        entity.absorb(p, form if p.kind != "pronoun" else "")
        if p.kind != "pronoun" and entity.kind == "person":
            entity.sex = entity.sex or _sex(self.text[span[0]:span[1]])
        for acronym, long in self.acronyms.items():
            if acronym not in entity.forms and _key(long) in {_key(entity.name), _key(form)}:
                entity.forms.append(acronym)  # "the Velsk Rights Monitor (VRM)" teaches "VRM"
        self._remember(span[0], entity)
        return entity

    def describe_more(self, entity: Entity, span: tuple[int, int]) -> None:
        """Learn who a speaker is from its appositive ("Lena Ruiz, director of the clinic, said" ->
        role director, type official, affiliation the clinic; "Its director, Mira Castell" -> the
        organisation "its" stands for)."""
        p = describe(self.text, span[0], span[1])
        if p.kind not in ("anonymous", "person") or p.role is None:
            return
        p = self._affiliated(p, span[0])
        entity.type = entity.type or p.type
        entity.affiliation = entity.affiliation or p.affiliation
        entity.roles.add(p.role)

    def _affiliated(self, p: Phrase, pos: int) -> Phrase:
        """``p`` with its affiliation resolved within the article: "its director" -> the organisation "its"
        stands for; "a spokesman for the group", "Ministry spokesman X" -> the group or ministry the article
        named. A generic word that names nothing here is no affiliation (never a source called "group")."""
        if p.kind not in ("person", "anonymous", "organisation"):
            return p
        first = self.text[p.start:p.end].split()[:1]
        if first and first[0].lower() in ("its", "their") and p.kind != "organisation":
            owner = self._owner(pos)
            found = (owner.name, owner.type) if owner is not None else None
        elif p.affiliation is not None and _generic(p.affiliation):
            found = self._organisation(_generic(p.affiliation), pos)
        else:
            return p
        if found is None:
            return replace(p, affiliation=None)
        typ = "militia" if found[1] == "militia" else p.type  # an armed group's people speak for it
        if p.kind == "anonymous" and p.head in words().member_nouns and p.role and " of " in p.role:
            return replace(p, kind="organisation", name=found[0], type=found[1], affiliation=None, role=None)
        if p.kind == "anonymous":  # "a spokesman for the group" -> "Kessel Brigades spokesman"
            return replace(p, affiliation=found[0], name=f"{found[0]} {p.head}", type=typ)
        return replace(p, affiliation=found[0], type=typ)

    def _owner(self, pos: int) -> Entity | None:
        """The organisation a possessive "its"/"their" stands for: the latest one mentioned before."""
        self._add_subjects(pos)
        for _, e in self._recent(pos):
            if e.kind == "organisation":
                return e
        return None

    def _organisation(self, head: str, pos: int) -> tuple[str, str | None] | None:
        """The organisation of the article a generic head ("ministry", "group") stands for, by name word,
        then by type (``description_refers``); named before ``pos`` first, else anywhere in the text."""
        types = words().refers.get(head, ())
        self._add_subjects(pos)
        for _, e in self._recent(pos):
            if e.kind == "organisation" and (head in e.name.lower().split() or head in e.heads):
                return e.name, e.type
        for _, e in self._recent(pos):
            if e.kind == "organisation" and e.type in types and any(ch.isupper() for ch in e.name):
                return e.name, e.type
        found = None
        for at, name, typ in _named_organisations(self.text):
            if at >= pos:
                break
            if head in name.lower().split() or typ in types:
                found = name, typ
        return found or _known_organisation(self.text, pos, types)

    def _remember(self, pos: int, entity: Entity) -> None:
        """Record a mention, keeping the history in text order (sentence subjects arrive late)."""
        if self.history and self.history[-1][0] > pos:
            insort(self.history, (pos, entity), key=lambda h: h[0])
        else:
            self.history.append((pos, entity))

    def _recent(self, before: int | None = None):
        """The latest mentions first (at most ``_WINDOW``), optionally only those before ``before``."""
        end = len(self.history) if before is None else bisect_left(self.history, before, key=lambda h: h[0])
        return reversed(self.history[max(0, end - _WINDOW):end])

    def _match(self, p: Phrase, pos: int, form: str) -> Entity:
        entry = p.entry or (lookup(self.acronyms[p.name]) if p.name in self.acronyms else None)
        if entry is not None:
            return self._named(entry.name, "organisation" if entry.kind != "person" else "person", entry.type,
                               known=True)
        if p.name in self.acronyms:
            return self._named(self.acronyms[p.name], p.kind, p.type)
        if p.kind == "person":
            return self._person(p)
        if p.kind == "anonymous":
            return self._anonymous(p)
        if p.kind == "document" and p.definite:
            issuer = self._issuer(p.head, pos)
            if issuer is not None:
                return issuer
            if self.history:
                return self.history[-1][1]
        if p.kind in ("organisation", "document") and _is_description(p):
            found = self._description(p, pos)
            if found is not None:
                return found
        return self._named(p.name, "organisation", p.type)

    def _issuer(self, noun: str, pos: int) -> Entity | None:
        """Who issued the document "the report" points back to: the latest earlier sentence that mentions a
        report names it, as "a report by the Velsk Water Board" or as its subject ("The inquiry team
        delivered its final report"); None when no earlier sentence does."""
        k = bisect_right(self.unit_starts, pos) - 1
        if k < 0:
            return None
        lo = max(0, self.unit_starts[k] - _ISSUER_REACH)
        at = self.lower.rfind(noun, lo, self.unit_starts[k])
        introduced = None
        while at >= 0 and introduced is None:
            introduced = _INTRODUCED.search(self.lower, max(0, at - 30), at) if _word_at(self.lower, at, noun) \
                else None
            if introduced is None:  # "the report" points back too: its introduction is earlier
                at = self.lower.rfind(noun, lo, at)
        if at < 0:
            return None
        by = _ISSUED_BY.match(self.text, at + len(noun))
        if by is not None:  # "a report by the Velsk Water Board"
            span = phrase_after(self.text, by.end(), min(len(self.text), by.end() + 100))
        elif introduced.group(1) is not None:  # "The inquiry team delivered its final report"
            unit = self.units[bisect_right(self.unit_starts, at) - 1]
            span = phrase_after(self.text, unit.start, at) or subject_of(self.text, unit.start, at)
            span = span if span is not None and span[1] <= introduced.start() else None
        else:
            span = None
        if span is None:
            return None
        p = describe(self.text, *span)
        if p.kind not in ("person", "organisation", "anonymous") or p.head == noun:
            return None
        entity = self._match(p, span[0], _form(self.text, span))
        entity.absorb(p, _form(self.text, span))
        return entity

    def _named(self, name: str, kind: str, type_: str | None, known: bool = False) -> Entity:
        key = _key(name)
        if key in self.keys:
            return self.keys[key]
        entity = Entity(name, kind, type_, known=known)
        self.entities.append(entity)
        self.keys[key] = entity
        return entity

    def _person(self, p: Phrase) -> Entity:
        last = p.last.lower() if p.last else None
        if last:
            for _, e in self._recent():
                if e.kind == "person" and e.last and e.last.lower() == last and _compatible(e.first, p.first):
                    return e
        for e in self.people.get(p.last.lower() if p.last else "", ()):
            if _compatible(e.first, p.first):
                return e
        if p.first is None and last and p.name == p.last:  # "Babagana stated" after "Babagana Malarima"
            for _, e in self._recent():
                if e.kind == "person" and e.first and e.first.lower() == last and e.last and e.last.lower() != last:
                    return e
        first = _first_name(self.text, p.last) if p.first is None and p.last else None
        if first is None and p.first is None and p.last and p.name == p.last and _is_country(self.text, p.last):
            return self._named(p.last, "organisation", "government")
        entity = Entity(p.name, "person", p.type, p.affiliation, p.first, p.last)
        if first is not None:
            entity.first, entity.name = first, f"{first} {p.last}"
        self.entities.append(entity)
        self.people.setdefault((p.last or "").lower(), []).append(entity)
        return entity

    def _anonymous(self, p: Phrase) -> Entity:
        if p.role and p.definite and (p.head not in words().anonymous or p.head in _NAMED_ROLES):
            person = self._by_role(p.role)
            if person is not None:
                return person
        if p.definite:
            for _, e in self._recent():
                if e.kind == "anonymous" and p.head in e.heads:
                    return e
        return self._named(p.name, "anonymous", p.type)

    def _by_role(self, role: str) -> Entity | None:
        """"the press secretary" -> the person the article introduced with that role."""
        for e in reversed(self.entities[-_WINDOW:]):
            if e.kind == "person" and any(role == r or r.endswith(role) for r in e.roles):
                return e
        span = _role_holder(self.text, self.lower, role)
        if span is None:
            return None
        found = describe(self.text, *span)
        return self._person(found) if found.kind == "person" else None

    def _description(self, p: Phrase, pos: int) -> Entity | None:
        """"the observatory", "the war monitor" -> the latest source this description fits; a description
        naming a portfolio ("the health ministry") only a source of that portfolio (:func:`_portfolio_fits`)."""
        for _, e in self._recent():
            if e.kind in ("organisation",) and (p.head in e.name.lower().split() or p.head in e.heads) \
                    and _portfolio_fits(p.name, e):
                return e
        named = self._named_in_text(p.name, pos) if p.definite and " " in p.name else None
        if named is not None:  # "the air force" after "the Norland Air Force strike", before any other military
            return named
        head = p.head if p.head in words().refers else p.name.lower()  # "rebels": the plural is the entry
        types = words().refers.get(head, ()) or ((p.type,) if p.type and p.type != "other" else ())
        for _, e in self._recent():
            if e.kind == "organisation" and e.type in types and _portfolio_fits(p.name, e):
                return e
        if head in words().refers and p.definite:
            found = self._organisation(head, pos)
            if found is not None and _portfolio_fits(p.name, found[0]):
                return self._named(found[0], "organisation", found[1])
        return None

    def _named_in_text(self, description: str, pos: int) -> Entity | None:
        """The organisation named before ``pos`` whose name ends with a description of two words or more
        ("the air force" -> "Norland Air Force"), even where it never spoke."""
        tail = description.lower().split()
        found = None
        for at, name, typ in _named_organisations(self.text):
            if at >= pos:
                break
            words_ = name.split()
            if words_[0].endswith(("'s", "\u2019s")):
                words_ = words_[1:]  # "Tuesday's Norland Air Force strike"
            if len(words_) > len(tail) and [w.lower() for w in words_[-len(tail):]] == tail:
                found = " ".join(words_), typ
        return self._named(found[0], "organisation", found[1]) if found else None

    def _pronoun(self, p: Phrase, pos: int, antecedent: tuple[int, int] | None) -> Entity:
        """The entity a pronoun stands for: the latest compatible one mentioned before it; a speaker whose
        title or role gives the other sex ("Ms. Lind ... He said") is not compatible, and with no compatible
        one the pronoun stays unnamed rather than getting a wrong name."""
        if antecedent is not None:
            return self.resolve(antecedent)
        info = words().pronouns.get(p.head, {})
        k = bisect_right(self.unit_starts, pos) - 1
        own = self._own_subject(k, pos, info, p.head) if p.head in ("they", "it") else None
        if own is not None:
            return own
        recent = self.unit_starts[max(0, k - 1)]
        if not any(at >= recent and _fits(e, info, p.head) for at, e in self._recent(pos)):
            self._add_subjects(pos)
        for _, e in self._recent(pos):
            if _fits(e, info, p.head):
                return e
        if p.head in ("he", "she"):
            named = self._person_named_before(pos)
            if named is not None and _fits(named, info, p.head):
                return named
        return Entity(p.name, "person" if info.get("person") and not info.get("org") else "organisation")

    def _own_subject(self, k: int, pos: int, info: dict, pronoun: str) -> Entity | None:
        """The subject of the pronoun's own sentence, before it, when it fits: "Militia groups in a statement
        named four members they said were killed" -- "they" are the groups, not a monitor the sentence
        before named; a speaker this sentence names before the pronoun is still the nearer one. (Only
        "it"/"they" inside a sentence: a pronoun that opens one has no subject before.)"""
        if k < 0 or pos - self.unit_starts[k] < 12:
            return None
        unit = self.units[k]
        if any(at >= unit.start and _fits(e, info, pronoun) for at, e in self._recent(pos)):
            return None  # a speaker of this sentence named before the pronoun ("X says officials say ..., they")
        span = subject_of(self.text, unit.start, pos)
        if span is None or span[1] > pos:
            return None
        p = describe(self.text, *span)
        if p.kind not in ("organisation", "anonymous") and p.entry is None:
            return None
        entity = self._match(p, span[0], "")
        if not _fits(entity, info, pronoun):
            return None
        entity.absorb(p, "")
        self._remember(span[0], entity)
        return entity

    def _person_named_before(self, pos: int) -> Entity | None:
        """The last person the pronoun's sentence or the one before it names anywhere (not as a subject):
        "One family is that of Karim Haddad of Dorn. ... he told reporters" -> Karim Haddad."""
        k = bisect_right(self.unit_starts, pos) - 1
        lo = self.unit_starts[max(0, k - 1)] if k >= 0 else max(0, pos - 300)
        found = None
        for m in _PERSON_NAME.finditer(self.text, lo, pos):
            p = describe(self.text, m.start(), m.end())
            if p.kind == "person" and p.first is not None and p.entry is None:
                found = p
        if found is None:
            return None
        entity = self._person(found)
        entity.absorb(found, _form(self.text, (found.start, found.end)))
        self._remember(found.start, entity)
        return entity

    def _add_subjects(self, pos: int) -> None:
        """Subjects of the pronoun's sentence and the two before it become candidates for the pronoun
        ("The US struck a depot it said was used by militias")."""
        k = bisect_right(self.unit_starts, pos) - 1
        for unit in self.units[max(0, k - 2, self.subjects_done):k + 1]:
            span = subject_of(self.text, unit.start, min(unit.end, pos))
            asked = _asked(self.text, unit.start, min(unit.end, pos))
            asked = phrase_after(self.text, asked.end(), min(unit.end, pos)) if asked is not None else None
            for span in (span, asked):  # "Reporters asked Mara Lind about the toll. She said": the one asked
                if span is None:
                    continue
                p = describe(self.text, *span)
                if p.kind in ("person", "organisation", "anonymous") or p.entry is not None:
                    entity = self._match(p, span[0], "")
                    entity.absorb(p, "")
                    if entity.kind == "person":
                        entity.sex = entity.sex or _sex(self.text[span[0]:span[1]])
                    self._remember(span[0], entity)
        self.subjects_done = max(self.subjects_done, k + 1)


_ISSUER_REACH = 3000  # characters looked back for the sentence that introduced a document
# "a report", "its final report", "the army's report": a document introduced (not "the report" pointing back)
_INTRODUCED = re.compile(r"(?:\b(its|their|his|her)|\b(?:a|an|new)|['\u2019]s)\s+(?:[\w-]+\s+){0,2}$")
_ISSUED_BY = re.compile(r"s?\s+(?:(?:released|issued|published)\s+)?(?:by|from)\s+")


def _word_at(lower: str, at: int, word: str) -> bool:
    end = at + len(word)
    return (at == 0 or not lower[at - 1].isalnum()) and (end >= len(lower) or not lower[end].isalnum()
                                                         or lower[end] == "s")


def _generic(affiliation: str) -> str | None:
    """The head of an affiliation that names no one by itself ("Ministry", "the group"), else None."""
    toks = affiliation.split()
    if toks and toks[0].lower() in ("the", "a", "an", "this", "that"):
        toks = toks[1:]
    low = " ".join(toks).lower()
    return low if low in words().organisations else None


# Two to six capitalised words; the first is written out and the lookbehind (the character before the name)
# follows its capital, so that the pattern starts with [A-Z] and the engine skips to capitals in C.
_ORG_NAME = re.compile(r"([A-Z](?<![\w'\u2019-].)[\w'\u2019-]*\s+(?:(?:of|for|and)\s+)?"
                       r"(?:[A-Z][\w'\u2019-]*\s+(?:(?:of|for|and)\s+)?){0,4}[A-Z][\w'\u2019-]*)")


@lru_cache(maxsize=4)
def _named_organisations(text: str) -> tuple[tuple[int, str, str], ...]:
    """The capitalised names in ``text`` whose own words type them as organisations ("the Kessel Brigades",
    "the Norland Defence Ministry"): (offset, name, type), in order. Sources that are talked about but never
    speak still give a "spokesman for the group" its group."""
    found = []
    for m in _ORG_NAME.finditer(text):
        words_ = m.group(1).split()
        if words_[0] in ("The", "A", "An"):
            words_ = words_[1:]
        typ = name_type([w.lower() for w in words_]) if len(words_) > 1 else None
        if typ is not None:
            found.append((m.start(1), " ".join(words_), typ))
    return tuple(found)


def _known_organisation(text: str, pos: int, types: tuple[str, ...]) -> tuple[str, str | None] | None:
    """The one well-known organisation (of the bundled gazetteer) of one of ``types`` the text names, before
    ``pos`` or, when none is, after it: "rebels said" with "the Houthis" -> the Houthis; None when it names
    none or several."""
    if not types:
        return None
    names = _gazetteer_names(text)
    found = {entry.name: entry.type for at, entry in names if at < pos and entry.type in types} or {
        entry.name: entry.type for _, entry in names if entry.type in types}
    return next(iter(found.items())) if len(found) == 1 else None


@lru_cache(maxsize=4)
def _gazetteer_names(text: str) -> tuple[tuple[int, GazetteerEntry], ...]:
    """(offset, entry) of every capitalised name of ``text`` the bundled gazetteer knows, in order."""
    found = []
    for m in _ORG_NAME.finditer(text):
        entry = lookup(m.group(1))
        if entry is None and m.group(1).startswith(("The ", "A ")):
            entry = lookup(m.group(1).split(" ", 1)[1])
        if entry is not None:
            found.append((m.start(1), entry))
    return tuple(found)


def _acronyms(text: str) -> dict[str, str]:
    """Acronyms the article defines: "the Syrian Observatory for Human Rights (SOHR)" -> {"SOHR": ...}."""
    found = {}
    for m in _PAREN.finditer(text):
        long = _LONG_NAME.search(text, max(0, m.start() - 90), m.start())
        if long is not None:
            found[m.group(1).replace(".", "")] = long.group(1)
    return found


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return normalise_name(name)


# A first name before a surname; the lookbehind follows the capital, as in _ORG_NAME, for a fast scan.
_FIRST_BEFORE = re.compile(r"([A-Z](?<![\w'\u2019-].)[a-z][\w'\u2019-]*)\s+(?:[A-Z]\.\s+)?$")


def _first_name(text: str, last: str) -> str | None:
    """The first name the article gives a surname anywhere: "Kirby" -> "John" from "John F. Kirby"."""
    w = words()
    pos = text.find(last)
    while pos >= 0:
        end = pos + len(last)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            m = _FIRST_BEFORE.search(text, max(0, pos - 30), pos)
            if m and m.group(1).lower() not in w.titles and m.group(1).lower() not in w.roles \
                    and m.group(1).lower() not in w.org_words and m.group(1) not in ("The", "A", "An") \
                    and lookup(m.group(1)) is None:
                return m.group(1)
        pos = text.find(last, end)
    return None


def _is_country(text: str, name: str) -> bool:
    """Whether a one-word name that the article never gives a first name is a country: it ends like one
    ("-ia", "-stan", "-land") or the article also uses its demonym ("Iraq" beside "Iraqi"). As a speaker
    a country is its government ("Valdoria has asked the council ...")."""
    if len(name) < 4 or not name.isalpha() or not name[0].isupper() or name.isupper():
        return False
    if name.endswith(("ia", "stan", "land")):
        return True
    stem = name[:-1]
    forms = tuple(s + " " for s in (name + "n", name + "ian", name + "i", name + "ese", stem + "ian", stem + "ese"))
    at = text.find(stem)  # every form starts with the stem: one pass over the text finds them all
    while at >= 0:
        if text.startswith(forms, at) and (at == 0 or not text[at - 1].isalnum()):
            return True
        at = text.find(stem, at + 1)
    return False


_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'\u2019-]*\.?\s+){1,3}?[A-Z][\w'\u2019-]+)")


def _role_holder(text: str, lower: str, role: str) -> tuple[int, int] | None:
    """Where the article names the holder of a role: "the press secretary" -> "Press Secretary John Kirby"."""
    pos = lower.find(role)
    while pos >= 0:
        end = pos + len(role)
        if (pos == 0 or not lower[pos - 1].isalnum()) and (end >= len(lower) or not lower[end].isalnum()):
            m = _NAME_AFTER.match(text, end)
            if m is not None:
                return pos, m.end()
        pos = lower.find(role, end)
    return None


_MALE = re.compile(r"(?:^|\s)(?:Mr\.?|Sir|Lord|King|Prince|Father)\s|(?:spokes|chair|congress|business|council)man\b")
_FEMALE = re.compile(r"(?:^|\s)(?:Ms\.?|Mrs\.?|Miss|Madam|Dame|Lady|Queen|Princess|Sister)\s|"
                     r"(?:spokes|chair|congress|business|council)woman\b")


def _sex(mention: str) -> str | None:
    """"m" or "f" when a mention's title or role says so ("Ms. Lind", "the spokeswoman"), else None."""
    male, female = _MALE.search(mention) is not None, _FEMALE.search(mention) is not None
    return "m" if male and not female else "f" if female and not male else None


def _fits(e: Entity, info: dict, pronoun: str) -> bool:
    if pronoun in ("he", "she"):
        if e.sex is not None and e.sex != ("m" if pronoun == "he" else "f"):
            return False
    if pronoun in ("he", "she", "i", "you"):
        return e.kind == "person" or (e.kind == "anonymous" and e.number == "sg" and (
            e.type != "other" or any(h in words().anonymous for h in e.heads)))
    if pronoun == "it":
        return e.kind == "organisation"
    if pronoun in ("they", "we"):
        return e.kind in ("organisation", "anonymous")
    return True


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


_BASED = re.compile(r"[A-Z][\w.'\u2019]*-(?:based|run|led|backed|funded|owned|linked|aligned|allied)\b")


@lru_cache(maxsize=1)
def _portfolios() -> dict[str, frozenset[str]]:
    """Each portfolio word with its synonyms (``speakers.json`` "portfolios")."""
    found: dict[str, frozenset[str]] = {}
    for group in lexicon.load("speakers.json")["portfolios"]:
        for word in group:
            found[word] = frozenset(group)
    return found


def _portfolio_fits(description: str, entity: "Entity | str") -> bool:
    """Whether an entity can be what a description naming a portfolio stands for: "the health ministry" is
    not the Pentagon met before it, though both are ministries. A description naming no portfolio fits."""
    portfolios = _portfolios()
    named = [portfolios[w] for w in description.lower().split() if w in portfolios]
    if not named:
        return True
    names = [entity] if isinstance(entity, str) else [entity.name, *entity.forms]
    known = " ".join(names).lower().split()
    return all(any(w in group for w in known) for group in named)


def _is_description(p: Phrase) -> bool:
    """"war monitor", "ministry", "UK-based monitor": a description that names no one by itself (lowercase
    words, besides a "Place-based" modifier)."""
    return p.kind == "document" or not any(ch.isupper() for ch in _BASED.sub("", p.name))


def _form(text: str, span: tuple[int, int]) -> str:
    """A mention as an alias: without a leading article or a trailing "(ACRONYM)"."""
    form = text[span[0]:span[1]].strip()
    if form.endswith(")"):  # (the patterns are tried only where they can match: most mentions have neither)
        form = _ACRONYM_TAIL.sub("", form)
    return _ARTICLE.sub("", form) if form[:1] in "aAtT" else form


def speakers(text: str, found: list[Found], units: list[Sentence], outlet: str | None,
             layout: Layout | None = None) -> list[Speaker]:
    """The Speaker of every found claim, in the same order.

    Claims with a carried speaker share the entity and the mention of the claim they carry from; outlet
    claims are the outlet's; an unattributed quote is the speaker a colon line or a transcript label
    gives it (``introduced``), else an unknown anonymous speaker; a first-person "we"/"I" outside any
    quotation is a label's speaker, else the author: the outlet.
    """
    resolver = Resolver(text, units)
    layout = layout or Layout(text)
    entities: list[Entity | None] = []
    by_claim: dict[int, Entity | None] = {}
    named: dict[int, tuple[int, int]] = {}  # the mention the layout gave a claim
    for claim in found:
        if claim.outlet or claim.kind == "outlet":
            entities.append(None)
            continue
        orphan = claim.carry is not None and by_claim.get(id(claim.carry)) is None  # carried from no one
        mention = layout.speaker(claim, orphan)
        if mention is AUTHOR:
            entity = _AUTHOR
        elif mention is not None:
            entity = resolver.resolve(mention)
            named[id(claim)] = mention
        elif claim.speaker is not None:
            mention, described = mentions.named_first(text, claim.speaker, claim.described)
            if mention == claim.speaker and described is None:
                mention = mentions.subject_before_participle(text, resolver.unit_starts, claim.speaker) or mention
            entity = resolver.resolve(mention, claim.antecedent)
            if described is not None:
                resolver.describe_more(entity, described)
            if mention != claim.speaker:
                named[id(claim)] = mention
        elif claim.carry is not None:
            entity = by_claim.get(id(claim.carry))
            source = _named_by(claim, named) if id(claim.carry) not in by_claim else None
            if source is not None:  # carried from a claim not kept (a duplicate): its mention still names
                entity = resolver.resolve(source)
        else:
            entity = None
        entities.append(entity)
        by_claim[id(claim)] = entity
    _cataphora(resolver, found, entities)
    return [_speaker(text, claim, entity, outlet, _named_by(claim, named))
            for claim, entity in zip(found, entities)]


# A first name and one or two more capitalised words, maybe joined by a particle: "Karim al-Haddad"
_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:al|el|bin|ibn|de|van|von)[\s-])?(?:\s+[A-Z][\w'\u2019-]+){1,2}")
_ASKING = ("asked", "questioned", "pressed", "interviewed")
_ASKED = re.compile(rf"\b(?:{'|'.join(_ASKING)})\s+(?=[A-Z])")


def _asked(text: str, start: int, end: int) -> re.Match | None:
    """"asked Mara Lind" in ``text[start:end]``. Most sentences hold none of the words: each is looked for
    with ``str.find`` first, cheaper than trying the pattern at every position of the sentence."""
    for word in _ASKING:
        if text.find(word, start, end) >= 0:
            return _ASKED.search(text, start, end)
    return None


_AUTHOR = Entity("the author", "outlet")  # the article's own first person: its outlet speaks


def _named_by(claim: Found, named: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The mention that names a claim's speaker: its own or the one the layout gave it (``named``), or for a
    quote carried on from an earlier claim ('"..." he said.' then a quote paragraph) the mention of that
    claim ("he")."""
    seen = 0
    while claim.speaker is None and id(claim) not in named and claim.carry is not None and seen < 50:
        claim, seen = claim.carry, seen + 1
    return named.get(id(claim), claim.speaker)


def _cataphora(resolver: Resolver, found: list[Found], entities: list[Entity | None]) -> None:
    """"a war monitor" in a lede, named in the next paragraph: the first later source of the same type."""
    named: dict[str, list[tuple[int, Entity]]] = {}
    for k, x in enumerate(entities):
        if x is not None and x.kind == "organisation" and any(ch.isupper() for ch in x.name):
            named.setdefault(x.type or "", []).append((k, x))
    replace: dict[int, Entity] = {}
    for k, e in enumerate(entities):
        if e is None or id(e) in replace or e.kind != "organisation" or e.known or e.type in (None, "other") \
                or any(ch.isupper() for ch in e.name):
            continue
        later = named.get(e.type, [])
        at = bisect_right(later, k, key=lambda h: h[0])
        if at < len(later):
            replace[id(e)] = later[at][1]
            later[at][1].forms.extend(f for f in e.forms if f not in later[at][1].forms)
    for k, x in enumerate(entities):
        if x is not None and id(x) in replace:
            entities[k] = replace[id(x)]


def _speaker(text: str, claim: Found, e: Entity | None, outlet: str | None,
             named_by: tuple[int, int] | None) -> Speaker:
    mention = Span.of(text, *named_by) if named_by is not None else None
    if claim.outlet or claim.kind == "outlet" or e is _AUTHOR:  # the author's "we" keeps its mention
        return Speaker(outlet or "unknown outlet", "outlet", mention if e is _AUTHOR else None, "media")
    if e is None:
        return Speaker("unknown", "anonymous", mention, None)
    kind = e.kind if e.kind in ("person", "organisation", "anonymous") else "organisation"
    name_key = _key(e.name)
    aliases = tuple(f for f in e.forms if _key(f) != name_key)
    return Speaker(e.name, kind, mention, e.type, e.affiliation, aliases)
