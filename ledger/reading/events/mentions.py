"""Event words in an article ("the air strike", "a rocket attack", "recent attacks") and what surrounds them.

A :class:`Mention` is one event word with what the grouping needs to know about it:

- its ``kind`` (air strike, rocket attack, ...; ``ledger/vocab/event_kinds.json``);
- whether it is ``definite`` ("the strike", "that attack", "Thursday's raid") or new ("a strike");
- whether it is ``secondary``: another event than the one its sentence tells, because a marker introduces it
  ("in retaliation for a rocket attack", "after rockets were launched") or a relative clause owns it ("a
  militia that launched rocket attacks"); ``before`` when the marker says it happened earlier;
- whether it is a ``series`` rather than one event ("recent rocket attacks", "more than 40 attacks since
  January"): background, not an event of the ledger;
- the time expressions attached to it ("a rocket attack earlier this month", "Monday's strike").

Markers, series words and relative-clause verbs are data (``ledger/vocab/markers.json``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ledger.text import anchors as scan
from ledger.text.phrases import phrase_trie, start_lookahead
from ledger.text.data import load
from ledger.reading.events.timexpr import TimeExpr

_DETERMINERS = {"the": "definite", "that": "demonstrative", "this": "demonstrative", "these": "demonstrative",
                "those": "demonstrative", "its": "definite", "their": "definite", "our": "definite",
                "his": "definite", "her": "definite", "same": "demonstrative", "a": "indefinite",
                "an": "indefinite", "one": "indefinite"}
_PHRASE_ENDS = frozenset({"of", "for", "in", "on", "by", "to", "with", "at", "from", "against", "and", "or", "but",
                          "was", "were", "is", "are", "be", "been", "said", "says", "had", "has", "have", "that",
                          "which", "who", "after", "before", "since", "during", "into", "as", "than", "about"})


REACH = 32  # characters an event word can start before its anchor ("unmanned aerial vehicle (| uav) attack")


@dataclass(slots=True)
class Mention:
    """One event word of the article and what its context says about it."""

    start: int
    end: int
    text: str
    kind: str
    plural: bool = False
    determiner: str | None = None  # definite | demonstrative | indefinite | None
    before: bool = False
    secondary: bool = False
    marker_start: int | None = None
    marker: str | None = None  # relative | before | context: what made the word secondary
    marker_end: int | None = None
    series: bool = False
    distinct: bool = False  # "a second strike", "another attack": not the event already told
    sentence: int = 0
    times: list[TimeExpr] = field(default_factory=list)

    @property
    def definite(self) -> bool:
        return self.determiner in ("definite", "demonstrative")


@lru_cache(maxsize=1)
def _kinds() -> tuple[dict, ...]:
    return tuple(load("event_kinds.json")["kinds"])


@lru_cache(maxsize=1)
def _mention_pattern() -> re.Pattern:
    """All event words in one pattern, a group per kind (``k0``, ``k1``...), earlier kinds first."""
    return _kinds_pattern(range(len(_kinds())))


def _kinds_pattern(indexes) -> re.Pattern:
    """One pattern for the kinds ``indexes``, a named group each. It is searched at every offset of a window
    near an anchor and opens with an alternation of groups: ``start_lookahead`` lets the engine give up at
    once where no event word can start (the same matches, for less work)."""
    body = "|".join(f"(?P<k{n}>{'|'.join(_kinds()[n]['patterns'])})" for n in indexes)
    return re.compile(rf"\b{start_lookahead(body)}(?:{body})\b")


@lru_cache(maxsize=1)
def _patterns_by_anchor() -> dict[str, re.Pattern]:
    """For each anchor word, the pattern of the kinds whose patterns contain it (in kind order)."""
    anchors = load("event_kinds.json")["anchors"]
    return {a: _kinds_pattern([n for n, k in enumerate(_kinds()) if any(a in p for p in k["patterns"])])
            for a in anchors}


def anchor_words() -> tuple[str, ...]:
    """The lowercase words one of which every event word contains (``ledger/vocab/event_kinds.json``)."""
    return tuple(load("event_kinds.json")["anchors"])


@lru_cache(maxsize=1)
def _excluded() -> frozenset[str]:
    return frozenset(load("event_kinds.json")["exclude_after"])


@lru_cache(maxsize=1)
def _marker_patterns() -> tuple[re.Pattern, re.Pattern]:
    """One pattern for the three kinds of marker (a group each), one for series words; both are matched
    on lowercased text."""
    m = load("markers.json")
    before, context = phrase_trie(m["before_markers"], fold=False), phrase_trie(m["context_markers"], fold=False)
    markers = re.compile(rf"\b(?:(?P<relative>{m['relative_clause']})|(?P<before>{before})|(?P<context>{context}))\b")
    series = re.compile(rf"\b(?:{phrase_trie(m['series_modifiers'], fold=False)})\b")
    return markers, series


@lru_cache(maxsize=1)
def _marker_words() -> frozenset[str]:
    """The first words of all markers: a clause without any of them has no marker (a cheap test first)."""
    m = load("markers.json")
    words = {phrase.split()[0] for phrase in m["before_markers"] + m["context_markers"]}
    return frozenset(words | {"that", "which", "who", "whom"})


@lru_cache(maxsize=1)
def _distinct() -> frozenset[str]:
    return frozenset(load("markers.json")["distinct_modifiers"])


@lru_cache(maxsize=1)
def _plurals() -> frozenset[str]:
    return frozenset(w.lower() for w in load("event_kinds.json")["countable_plurals"])


def find_mentions(text: str, sentences: list[tuple[int, int]], lowered: str | None = None,
                  hits: list[scan.Hit] | None = None) -> list[Mention]:
    """Every event word of ``text`` in order, with its determiner, markers and series flag.

    >>> [m.kind for m in find_mentions("A drone strike hit the base.", [(0, 28)])]
    ['drone strike']
    """
    lowered = lowered if lowered is not None and len(lowered) == len(text) else scan.lower(text)
    found = []
    sentence, last = 0, len(sentences) - 1
    excluded, kinds = _excluded(), _kinds()
    if hits is None:
        hits = scan.anchor_hits(lowered, anchor_words())
    for match in scan.matches_near(_patterns_by_anchor(), lowered, hits, REACH):
        start, end = match.span()
        while sentence < last and sentences[sentence][1] <= start:
            sentence += 1
        sentence_start = sentences[sentence][0] if sentences else 0
        clause = _clause_tail(lowered[max(sentence_start, start - 60):start])
        words = clause.split()
        if words and words[-1] in excluded:
            continue
        kind = kinds[int(match.lastgroup[1:])]["kind"]
        if _scare_quoted(text, start, end):  # a "massacre" in quotes is a speaker's word, no kind of event
            kind = _generic_kind()
        mention = Mention(start, end, text[start:end], kind, sentence=sentence)
        _describe(mention, clause, words)
        found.append(mention)
    return found


_OPENING_QUOTES = "\"“‘'"
_CLOSING_QUOTE = re.compile(r"[.,!?]?[\"”’']")
SCARE_QUOTE_WORDS = 3  # words a short quote may hold before the event word ("a brutal massacre")


def _scare_quoted(text: str, start: int, end: int) -> bool:
    """True for an event word inside a short quote of its own ("called it a “massacre”"): a speaker's
    rhetoric, not the kind of the event; a long quote is speech, whose event words count."""
    if not _CLOSING_QUOTE.match(text, end):
        return False
    lead = text[max(0, start - 30):start]
    opening = max(lead.rfind(q) for q in _OPENING_QUOTES)
    if opening < 0 or "\n" in lead[opening:]:
        return False
    return len(lead[opening + 1:].split()) <= SCARE_QUOTE_WORDS and (opening == 0 or not lead[opening - 1].isalnum())


@lru_cache(maxsize=1)
def _generic_kind() -> str:
    return next(k["kind"] for k in _kinds() if k.get("generic"))


def _describe(m: Mention, clause: str, words: list[str]) -> None:
    """Fill in plural, determiner, markers and series from the (lowercased) words of its clause before
    the mention."""
    tail = m.text.lower()
    m.plural = tail[tail.rfind(" ") + 1:] in _plurals()
    m.determiner = _determiner(words[-4:])
    markers, series = _marker_patterns()
    modified = m.plural and bool(series.search(" ".join(words[-3:])))
    hit = None if _marker_words().isdisjoint(words) else _last_marker(markers, clause, m.definite and not modified)
    if hit is not None:
        m.secondary, m.before, m.marker = True, hit.lastgroup == "before", hit.lastgroup
        m.marker_start = m.start - len(clause) + hit.start()
        m.marker_end = m.start - len(clause) + hit.end()
    m.series = modified or (m.plural and m.secondary)
    m.distinct = m.determiner in ("indefinite", None) and not _distinct().isdisjoint(words[-3:])


_WORD = re.compile(r"\S+")


def phrase_start(text: str, m: Mention, sentence_start: int) -> int:
    """Where the noun phrase of an event word starts: after its marker ("retaliation for | a rocket
    attack"), else at its determiner or after the word that ends the phrase before it ("after | Monday's
    strike", "the | Fenwick Ridge attack"), at most six words back, within its clause.

    >>> text = "The Fenwick Ridge attack killed two."
    >>> (m,) = find_mentions(text, [(0, len(text))])
    >>> phrase_start(text, m, 0)
    0
    """
    floor = m.marker_end if m.marker_end is not None else m.start - len(
        _clause_tail(text[max(sentence_start, m.start - 60):m.start]))
    at = m.start
    for word in reversed(list(_WORD.finditer(text, floor, m.start))[-6:]):
        low = word.group(0).lower().strip(".\"'“”‘,")
        if low in _PHRASE_ENDS or word.group(0).endswith((",", ";", ":")):
            break
        at = word.start()
        if low in _DETERMINERS:
            break
    return at


def _last_marker(markers: re.Pattern, clause: str, definite: bool) -> re.Match | None:
    """The marker governing the mention: the last one of its clause, at most six words before it. A
    definite mention ("after the strike") is a known event: only a relative clause makes it secondary."""
    last = None
    for last in markers.finditer(clause):
        pass
    if last is None or len(clause[last.end():].split()) > 6:
        return None
    if definite and last.lastgroup != "relative":
        return None
    return last


_BREAKS = tuple(",;:()[]—–\"“”")


def _clause_tail(lead: str) -> str:
    """The part of ``lead`` after its last clause break (a comma, a bracket, a quote, a dash between
    spaces: the words that can govern the mention); the lead never crosses a sentence end.

    >>> _clause_tail("the army said, after a deadly")
    ' after a deadly'
    """
    cut = max(map(lead.rfind, _BREAKS)) + 1
    dash = max(lead.rfind(" - "), lead.rfind("\n-\n"), lead.rfind(" -\n"), lead.rfind("\n- "))
    return lead[max(cut, dash + 3 if dash >= 0 else 0):]


def _determiner(words: list[str]) -> str | None:
    """The determiner of the noun phrase ending at the mention, from its last (lowercase) words, stopping
    at a word that ends the phrase (a preposition, a verb form, a conjunction).

    "the early Friday attack" -> definite; "a deadly rocket attack" -> indefinite; "Monday's strike" ->
    definite (a possessive time or name); "three recent attacks" -> None (a count); "the president
    directed further military action" -> None ("directed" ends the phrase).
    """
    for word in reversed(words):
        low = word.strip(".\"'“”‘")
        if low in _DETERMINERS:
            return _DETERMINERS[low]
        if low.endswith(("'s", "’s")):
            return "definite"
        if low[:1].isdigit() or low in _PHRASE_ENDS or (low.endswith("ed") and len(low) > 4):
            return None
    return None


def attach_times(mentions: list[Mention], times: list[TimeExpr], sentences: list[tuple[int, int]]) -> None:
    """Give each event-dating time expression to the event word it modifies, in the same sentence.

    The nearest event word wins: before the time within 60 characters ("a rocket attack in Iraq earlier
    this month") or after it within 40 ("on Thursday carried out an airstrike", "Monday's strike").
    Statement times ("said on Friday") date nothing.
    """
    for t in times:
        if t.role not in ("event", "period"):
            continue
        best, gap = None, None
        for m in mentions:
            if not _same_sentence(m, t, sentences):
                continue
            distance = t.start - m.end if m.end <= t.start else m.start - t.end if m.start >= t.end else 0
            limit = 60 if m.end <= t.start else 40
            if 0 <= distance <= limit and (gap is None or distance < gap):
                best, gap = m, distance
        if best is not None:
            best.times.append(t)
            best.times.sort(key=lambda x: abs(x.start - best.start))  # the nearest time first
            if t.role == "period" and best.plural:
                best.series = True


def _same_sentence(m: Mention, t: TimeExpr, sentences: list[tuple[int, int]]) -> bool:
    if not sentences:
        return True
    start, end = sentences[m.sentence]
    return start <= t.start < end
