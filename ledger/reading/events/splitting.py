"""Splitting a claim that tells two events: the main one, and an earlier one embedded in it with its toll.

A speaker often explains the event in the news by another one, and gives that one's toll in passing:

    The ministry said the strikes were retaliation for a rocket attack on a base earlier this month that
    killed one contractor and wounded two soldiers.

The extractor reads one claim; an analyst logs two. The **embedded event** is an event word inside the
claim that the grouping placed in another event than the main one and than the claim's own (usually after
a marker: "retaliation for", "after", "amid"; ``ledger/vocab/markers.json``; or dated apart: "the attack on our base
last week"), and that is one specific event: it has its own time expression ("earlier this month"), a
relative clause ("that killed ...") or a verb of its own ("rockets were launched at a base"). An event
word owned by a relative clause ("a militia that launched rocket attacks") or a series ("recent attacks")
is none. When figures sit in its clause, that clause becomes a claim of its own, about the other event:

- the split part: same speaker, cue, kind and attribution, content from the embedded noun phrase to the end
  of its clause ("a rocket attack on a base earlier this month that killed one contractor and wounded two
  soldiers"), the figures inside it. The clause ends with the claim, its sentence, a semicolon, a dash, a
  bracket or a comma opening another clause (", which the army blamed on ..."); inside a parenthesis
  ("the blast, which came after a rocket attack on Monday, killed 12 people") at the next comma, so that
  the blast's toll stays with the blast;
- the rest: the claim up to the relative clause (or the embedded event's time) when the embedded clause
  ends the claim ("the strikes were retaliation for a rocket attack on a base earlier this month"), else
  the whole content, with the other figures and the claim's own event. The outlet's own assertion is a
  claim only for its figures: an outlet remainder left without figures is dropped.

Every span of both parts is a piece of the article text (``text[start:end] == span.text``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from ledger.text.phrases import phrase_trie
from ledger.text.data import load
from ledger.reading.events.mentions import phrase_start
from ledger.reading.events.article import Article
from ledger.reading.types import Claim, Span

_TRIM = " \t\n,;:—–-"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(clause end, relative pronoun, finite event word), from ``ledger/vocab/markers.json``, case-insensitive."""
    m = load("markers.json")
    openers = phrase_trie(m["clause_openers"], fold=False)
    clause_end = re.compile(rf";|\s[—–-]\s|\(|,\s+(?:{openers})\b", re.IGNORECASE)
    relative = re.compile(rf"(?:,\s*)?\b(?:{phrase_trie(m['relative_pronouns'], fold=False)})\b", re.IGNORECASE)
    finite = re.compile(rf"\b(?:{phrase_trie(m['finite_event_words'], fold=False)})\b", re.IGNORECASE)
    return clause_end, relative, finite


def split_claims(article: "Article", claims: list[Claim], assigned: list, owns: list) -> list[tuple[Claim, object]]:
    """Each claim with its event, or its two parts with theirs, in text order.

    ``assigned`` is the draft of every event word (None for a series) as the grouping placed them;
    ``owns`` the event of each claim by the usual rules. A split part is about the draft of its embedded
    event word; the rest of the claim keeps the claim's own event.
    """
    found: list[tuple[Claim, object]] = []
    for claim, own in zip(claims, owns):
        embedded = _embedded(article, claim, assigned, own)
        if embedded is None:
            found.append((claim, own))
            continue
        index, start, end, cut = embedded
        inner = [f for f in claim.figures if start <= f.span.start and f.span.end <= end]
        outer = [f for f in claim.figures if not any(f is g for g in inner)]
        rest = _rest(article.text, claim, outer, cut)
        if rest is not None:
            found.append((rest, own))
        found.append((_part(article.text, claim, start, end, inner), assigned[index]))
    return found


def _embedded(article: "Article", claim: Claim, assigned: list, own) -> tuple[int, int, int, int | None] | None:
    """(mention index, part start, part end, where the rest ends or None) of the claim's embedded event
    with figures in its clause, or None when the claim tells one event."""
    if not claim.figures or claim.parts:
        return None
    start, end = claim.content.start, claim.content.end
    first = bisect_left(article.mention_starts, start)
    for i in range(first, bisect_left(article.mention_starts, end)):
        m = article.mentions[i]
        draft = assigned[i]
        if m.end > end or m.series or m.marker == "relative" or draft is None or draft.main or draft is own:
            continue
        part_start = max(phrase_start(article.text, m, article.sentence_of(m.start)[0]), start)
        part_end = _clause_end(article, m.end, end, _parenthetical(article.text, start, part_start))
        relative = _relative(article.text, m.end, part_end)
        if relative is None and not _specific(m):
            continue
        if not any(part_start <= f.span.start and f.span.end <= part_end for f in claim.figures):
            continue
        return i, part_start, part_end, _cut(article, m, relative, part_end, end)
    return None


def _specific(m) -> bool:
    """True for an event word with its own time ("a rocket attack earlier this month") or that is a clause
    of its own ("rockets were launched at a base"): one event, not a kind of event ("recent attacks")."""
    return any(t.role == "event" for t in m.times) or _patterns()[2].search(m.text) is not None


def _clause_end(article: "Article", at: int, limit: int, parenthetical: bool = False) -> int:
    """The end of the embedded clause: the claim's end, its sentence's end, a semicolon, a dash, a
    bracket or a comma opening another clause (", which Mardovia blamed on ...", ", officials said"); any
    comma when the embedded event sits in a parenthesis ("the blast, which came after a rocket attack on
    Monday, | killed 12 people")."""
    limit = min(limit, article.sentence_of(at)[1] or limit)
    pattern = _ANY_BREAK if parenthetical else _patterns()[0]
    hit = pattern.search(article.text, at, limit)
    return _trimmed_end(article.text, at, hit.start() if hit else limit)


def _parenthetical(text: str, start: int, at: int) -> bool:
    """True when ``at`` lies in a comma-bounded relative clause opened after ``start`` (", which came
    after | a rocket attack ..."), which a comma closes."""
    opened = None
    for opened in _PARENTHESIS.finditer(text, start, at):
        pass
    return opened is not None and "," not in text[opened.end():at]


_ANY_BREAK = re.compile(r"[,;(]|\s[—–-]\s")
_PARENTHESIS = re.compile(r",\s*(?:which|who|whom|that)\b", re.IGNORECASE)


def _relative(text: str, at: int, limit: int) -> int | None:
    """Where the relative clause of the embedded event starts ("... earlier this month | that killed")."""
    hit = _patterns()[1].search(text, at, limit)
    return hit.start() if hit else None


def _cut(article: "Article", m, relative: int | None, part_end: int, end: int) -> int | None:
    """Where the rest of the claim ends: before the relative clause, or after the embedded event's time,
    when the embedded clause runs to the claim's end; None (the whole content) otherwise."""
    if part_end < _trimmed_end(article.text, m.end, end):
        return None
    if relative is not None:
        return relative
    times = [t.end for t in m.times if t.role == "event" and m.end <= t.end <= part_end]
    return max(times) if times else None


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return end


def _rest(text: str, claim: Claim, figures: list, cut: int | None) -> Claim | None:
    """The claim without its embedded part: shortened at ``cut`` when given; None when nothing is left
    (an empty content, or an outlet assertion without figures)."""
    if not figures and claim.kind == "outlet":
        return None
    start, end = claim.content.start, claim.content.end
    if cut is not None:
        end = _trimmed_end(text, start, cut)
    if not text[start:end].strip():
        return None
    return replace(claim, content=Span.of(text, start, end), figures=list(figures))


def _part(text: str, claim: Claim, start: int, end: int, figures: list) -> Claim:
    """The embedded event's claim: the same speaker and attribution, its own content and figures."""
    return replace(claim, content=Span.of(text, start, end), parts=(), figures=list(figures))
