"""The wider scope of a figure: a toll counted over a longer period or a wider conflict than one event.

A figure's place (:func:`ledger.reading.events.places.figure_place`) keeps "12 killed in Varn" apart from
"19 killed in Tarvia"; this keeps "at least 2,000 killed since the start of the war" apart from "about 300
killed in the strike". News copy often closes a report of one strike with the war's toll ("the insurgency
has killed more than 15,000 people since 2010", "3,800 civilians have been killed by the airstrikes, which
began in March 2015"); that toll is true of the campaign, not of the strike, and setting it against the
strike's count makes a false conflict. The words are data (``ledger/vocab/figure_scopes.json``):

- a period: "since the start of", "since 2010", "so far this year", "in the past years";
- a campaign named as the subject or the frame of the count: "the insurgency has killed", "years of
  violence that has killed", "the airstrikes, which began in", "killed in the war", "in the besieged city";
- a sentence about a campaign whose count is in the present perfect and names no single event ("its
  unhappiness with the hundreds of civilian deaths that have resulted from indiscriminate attacks").

A match scopes the figure nearest to it in the sentence ("the strike killed 12, bringing the toll since the
start of the war to 2,300" scopes the 2,300), never one compared with it ("the deadliest since 2015").

    >>> wider_figures("The insurgency has killed 15,000 people since 2010.", [(26, 32)])
    [True]
    >>> wider_figures("The strike killed 12 people on Tuesday.", [(18, 20)])
    [False]
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.text.data import load
from ledger.text.phrases import phrase_trie

WIDER = "campaign"  # the scope key of a figure counted over a wider conflict (see FigureFact.scope)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(wider scopes, a campaign named, a perfect tense after a count, a single event, a comparison before
    a match), compiled once for lowercased text."""
    data, times = load("figure_scopes.json"), load("time_words.json")
    campaign, series = phrase_trie(data["campaign_nouns"]), phrase_trie(data["series_nouns"])
    months = phrase_trie([m.lower() for m in times["months"] if m not in times["month_abbreviations_need_day"]],
                         fold=False)
    number = phrase_trie(times["numbers"])
    wider = "|".join(p.replace("CAMPAIGN", campaign).replace("SERIES", series).replace("MONTH", f"(?:{months})")
                     .replace("NUMBER", f"(?:{number}|\\d+)") for p in data["wider"])
    return (re.compile(rf"\b(?:{wider})"), re.compile(data["campaign_clause"]), re.compile(data["perfect_after"]),
            re.compile(data["single_event"]), re.compile(data["comparisons"]))


def wider_figures(sentence: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each figure span of ``sentence`` (offsets into it), whether its count is scoped to a longer
    period or a wider conflict than one event (see the module docstring)."""
    if not spans:
        return []
    wider, campaign, perfect, single, comparison = _patterns()
    low = sentence.lower()
    scoped = [False] * len(spans)
    for match in wider.finditer(low):
        if comparison.search(low, max(0, match.start() - 40), match.start()):
            continue  # "the deadliest attack since 2015": a comparison, not a scope
        scoped[_nearest(spans, match.start(), match.end())] = True
    found = campaign.search(low)
    if found and not single.search(low):
        for n, (start, end) in enumerate(spans):
            if start > found.end() and perfect.match(low, end):
                scoped[n] = True
    return scoped


def _nearest(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """The index of the span nearest to ``[start, end)`` (one inside it is nearest)."""
    def distance(span: tuple[int, int]) -> int:
        return max(0, start - span[1], span[0] - end)
    return min(range(len(spans)), key=lambda n: distance(spans[n]))
