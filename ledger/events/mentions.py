"""Event words in an article ("the air strike", "a rocket attack", "recent attacks") and what surrounds them.

A :class:`Mention` is one event word with what the grouping needs to know about it:

- its ``kind`` (air strike, rocket attack, ...; ``data/event_kinds.json``);
- whether it is ``definite`` ("the strike", "that attack", "Thursday's raid") or new ("a strike");
- whether it is ``secondary``: another event than the one its sentence tells, because a marker introduces it
  ("in retaliation for a rocket attack", "after rockets were launched") or a relative clause owns it ("a
  militia that launched rocket attacks"); ``before`` when the marker says it happened earlier;
- whether it is a ``series`` rather than one event ("recent rocket attacks", "more than 40 attacks since
  January"): background, not an event of the ledger;
- the time expressions attached to it ("a rocket attack earlier this month", "Monday's strike").

Markers, series words and relative-clause verbs are data (``data/markers.json``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ledger.events import scan
from ledger.events.lexicon import load
from ledger.events.timexpr import TimeExpr

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–\"“”]|\s-\s")  # within a sentence: the lead never crosses one
_DETERMINERS = {"the": "definite", "that": "demonstrative", "this": "demonstrative", "these": "demonstrative",
                "those": "demonstrative", "its": "definite", "their": "definite", "our": "definite",
                "his": "definite", "her": "definite", "same": "demonstrative", "a": "indefinite",
                "an": "indefinite", "one": "indefinite"}
_TOKEN = re.compile(r"[\w'’.-]+")
_PHRASE_ENDS = frozenset({"of", "for", "in", "on", "by", "to", "with", "at", "from", "against", "and", "or", "but",
                          "was", "were", "is", "are", "be", "been", "said", "says", "had", "has", "have", "that",
                          "which", "who", "after", "before", "since", "during", "into", "as", "than", "about"})


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
    parts = [f"(?P<k{n}>{'|'.join(_kinds()[n]['patterns'])})" for n in indexes]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b")


@lru_cache(maxsize=1)
def _patterns_by_anchor() -> dict[str, re.Pattern]:
    """For each anchor word, the pattern of the kinds whose patterns contain it (in kind order)."""
    anchors = load("event_kinds.json")["anchors"]
    return {a: _kinds_pattern([n for n, k in enumerate(_kinds()) if any(a in p for p in k["patterns"])])
            for a in anchors}


@lru_cache(maxsize=1)
def _mention_anchors() -> list[tuple[re.Pattern, bool]]:
    return [scan.anchor_pattern(load("event_kinds.json")["anchors"])]


@lru_cache(maxsize=1)
def _excluded() -> frozenset[str]:
    return frozenset(load("event_kinds.json")["exclude_after"])


def _word_before(lowered: str, at: int) -> str:
    words = lowered[max(0, at - 24):at].split()
    return words[-1] if words else ""


@lru_cache(maxsize=1)
def _marker_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    m = load("markers.json")
    before = re.compile(rf"\b(?:{scan.alternation(m['before_markers'])})\b")
    context = re.compile(rf"\b(?:{scan.alternation(m['context_markers'])})\b")
    relative = re.compile(rf"\b{m['relative_clause']}")
    series = re.compile(rf"\b(?:{scan.alternation(m['series_modifiers'])})\b")  # all matched on lowercased text
    return before, context, relative, series


@lru_cache(maxsize=1)
def _distinct() -> frozenset[str]:
    return frozenset(load("markers.json")["distinct_modifiers"])


@lru_cache(maxsize=1)
def _plurals() -> frozenset[str]:
    return frozenset(w.lower() for w in load("event_kinds.json")["countable_plurals"])


def find_mentions(text: str, sentences: list[tuple[int, int]], lowered: str | None = None) -> list[Mention]:
    """Every event word of ``text`` in order, with its determiner, markers and series flag.

    >>> [m.kind for m in find_mentions("A drone strike hit the base.", [(0, 28)])]
    ['drone strike']
    """
    lowered = lowered if lowered is not None else text.lower()
    found = []
    sentence = 0
    excluded = _excluded()
    for match in scan.matches_near(_patterns_by_anchor(), text, _mention_anchors(), 40, lowered):
        if _word_before(lowered, match.start()) in excluded:
            continue
        kind = _kinds()[int(match.lastgroup[1:])]["kind"]
        while sentence + 1 < len(sentences) and sentences[sentence][1] <= match.start():
            sentence += 1
        mention = Mention(match.start(), match.end(), text[match.start():match.end()], kind, sentence=sentence)
        _describe(mention, text, sentences[sentence][0] if sentences else 0)
        found.append(mention)
    return found


def _describe(m: Mention, text: str, sentence_start: int) -> None:
    """Fill in plural, determiner, markers and series from the words before the mention."""
    last_word = m.text.lower().split()[-1]
    m.plural = last_word in _plurals()
    lead = text[max(sentence_start, m.start - 60):m.start]
    clause = _clause_tail(lead)
    m.determiner = _determiner(clause)
    clause = clause.lower()
    before, context, relative, series = _marker_patterns()
    modified = m.plural and bool(series.search(" ".join(clause.split()[-3:])))
    for pattern, is_before in ((relative, False), (before, True), (context, False)):
        hit = _last_match(pattern, clause)
        if hit is None or len(clause[hit.end():].split()) > 6:
            continue
        if pattern is not relative and m.definite and not modified:
            continue  # "after the strike": a known event, resolved by kind and time instead
        m.secondary, m.before = True, is_before
        m.marker_start = m.start - len(clause) + hit.start()
        break
    m.series = modified or (m.plural and m.secondary)
    m.distinct = m.determiner in ("indefinite", None) and not _distinct().isdisjoint(clause.split()[-3:])


def _clause_tail(lead: str) -> str:
    """The part of ``lead`` after its last clause break (the words that can govern the mention)."""
    cut = 0
    for hit in _CLAUSE_BREAK.finditer(lead):
        cut = hit.end()
    return lead[cut:]


def _last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def _determiner(lead: str) -> str | None:
    """The determiner of the noun phrase ending at the mention: up to three words back, stopping at a
    word that ends the phrase (a preposition, a verb form, a conjunction).

    "the early Friday attack" -> definite; "a deadly rocket attack" -> indefinite; "Monday's strike" ->
    definite (a possessive time or name); "three recent attacks" -> None (a count); "the president
    directed further military action" -> None ("directed" ends the phrase).
    """
    for word in reversed(_TOKEN.findall(lead)[-4:]):
        low = word.lower().strip(".")
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
            if t.role == "period" and best.plural:
                best.series = True


def _same_sentence(m: Mention, t: TimeExpr, sentences: list[tuple[int, int]]) -> bool:
    if not sentences:
        return True
    start, end = sentences[m.sentence]
    return start <= t.start < end


_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "gov", "sen", "rep", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc", "co",
    "jr", "sr", "brig", "adm", "cpl", "pvt", "approx", "est", "ft", "mt", "prof", "rev", "lieut", "cmdr"})
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*")
_LAST_TOKEN = re.compile(r"[\w.]+$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: ends at . ! ? before a space, or at a line break; not after an
    abbreviation ("Mr.", "Feb."), an initial ("John F. Kirby") or an acronym with dots ("U.S. forces").

    >>> split_sentences("Mr. Kirby spoke. It ended.")
    [(0, 17), (17, 26)]
    """
    spans, start = [], 0
    for hit in _SENTENCE_END.finditer(text):
        if "\n" not in hit.group(0) and hit.group(0)[0] == "." and _abbreviation(text, hit.start()):
            continue
        spans.append((start, hit.end()))
        start = hit.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _abbreviation(text: str, dot: int) -> bool:
    token = _LAST_TOKEN.search(text, max(0, dot - 16), dot)
    if token is None:
        return False
    word = token.group(0)
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()) or "." in word
