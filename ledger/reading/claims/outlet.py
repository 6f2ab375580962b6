"""The outlet's own assertions: figures the article states without attributing them to anyone.

"Since January there have been more than 40 attacks on US bases" is the outlet's claim (kind
``outlet``): the ledger must weigh it like any source's. Only clauses carrying a figure of a conflict
metric (killed, wounded, attacks, strikes, ...; see ``ledger/vocab/outlet.json``) count, and only when no
attributed claim already covers that figure. The content is the clause that carries it: the comma-delimited
chunks from the first such figure to the last, without a leading "while"/"and" ("while 14 were rocket
attacks" -> "14 were rocket attacks"). Hedged passives ("at least five fighters are reported to have been
killed") are the outlet's too, with their cue.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.claims.attribution import Found
from ledger.text.sentences import Sentence
from ledger.reading.types import Figure

_RELATIVE = re.compile(r"(?:which|who|whose|whom)\s")
_BREAK = re.compile(r",\s|;\s|\s[\u2014\u2013]\s|\s--\s")


@lru_cache(maxsize=1)
def _predicate() -> re.Pattern:
    """A chunk that opens with a toll's verb link ("rose to 54", "has risen to 236"): its subject is earlier."""
    links = lexicon.load("figure_metrics.json")["lead_in_verb_links"]
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(links, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})\b")


@lru_cache(maxsize=1)
def _config() -> tuple[frozenset, re.Pattern]:
    data = lexicon.load("outlet.json")
    metrics = frozenset(data["metrics"])
    openers = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(data["clause_openers"], key=len,
                                                                           reverse=True))
    return metrics, re.compile(rf"\s*(?:(?i:{openers})\s+)+")


def counts(figure: Figure) -> bool:
    """Whether a figure is of a metric the outlet's own claims are recorded for."""
    return figure.metric in _config()[0] and not figure.no_figure


def outlet_claims(text: str, units: list[Sentence], found: list[Found],
                  figures: dict[tuple[int, int], list[Figure]]) -> list[Found]:
    """The outlet claims of the article, given every claim found so far and the figures of each sentence.

    ``figures`` maps a sentence's ``(start, end)`` to the figures in it.
    """
    covered = sorted([c.content for c in found if not c.outlet] + [c.speaker for c in found if c.speaker])
    hedges = sorted(((c.content, c) for c in found if c.outlet), key=lambda hedge: hedge[0])  # ties: found order
    hedge_starts = [h[0][0] for h in hedges]
    claims = []
    for unit in units:
        free = [f for f in figures.get((unit.start, unit.end), ())
                if counts(f) and not _inside(f.span.start, f.span.end, covered)]
        if not free:
            continue
        in_unit = [c for _, c in hedges[bisect_left(hedge_starts, unit.start):bisect_left(hedge_starts, unit.end)]]
        hedged = [c for c in in_unit if any(c.content[0] <= f.span.start < c.content[1] for f in free)]
        if hedged:
            claims.extend(hedged)
            free = [f for f in free if not any(c.content[0] <= f.span.start < c.content[1] for c in hedged)]
            if not free:
                continue
        span = _clause(text, unit, free, covered)
        if span is not None:
            claims.append(Found("outlet", span, (unit.start, unit.end), outlet=True))
    return claims


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``start``-``end`` lies inside one of the sorted ``spans`` (the few starting last before it)."""
    k = bisect_right(spans, (start, 1 << 62))
    return any(s <= start and end <= e for s, e in spans[max(0, k - 8):k])


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def _clause(text: str, unit: Sentence, free: list[Figure], covered) -> tuple[int, int] | None:
    """The chunks of ``unit`` from the first free figure's to the last one's, clipped by attributed claims."""
    lo, hi = unit.start, unit.end
    for s, e in covered[bisect_left(covered, (unit.start, 0)):bisect_left(covered, (unit.end, 0))]:
        if e <= free[0].span.start and e > lo:
            lo = e
        if s >= free[-1].span.end and s < hi and e > lo:
            hi = s
    chunks = [lo] + [m.end() for m in _BREAK.finditer(text, lo, free[0].span.start)]
    k = len(chunks) - 1
    while k >= 2 and _RELATIVE.match(text, chunks[k - 1]) and text[chunks[k - 1] - 2] == ",":
        k -= 2  # "The strike, which hit at dawn, killed 12": the subject before the relative clause is the clause's
    start = chunks[k]
    if k > 0 and _predicate().match(text, _skip_blank(text, start)):
        start = chunks[0]  # "The toll in Orsk, Dorn province, by the army, rose to 54": the clause from its subject
    end = hi
    m = _BREAK.search(text, free[-1].span.end, hi)
    if m is not None:
        end = m.start()
    opener = _config()[1].match(text, start, end)
    if opener is not None and opener.end() <= free[0].span.start and start > unit.start:
        start = opener.end()
    while start < end and text[start] in " \t\n,;:\u2014\u2013-\"'\u201c\u201d":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:.\u2014\u2013-":
        end -= 1
    return (start, end) if end - start > 2 else None
