"""Whom a count of no one in particular is about: the population its context makes plain.

"There were no injuries" names nobody; an analyst logs it for whoever the text says was under fire: "U.S.
troops came under rocket fire but escaped injury" -> soldiers, "no injuries to the crew" -> personnel. The
context is the people named right after the zero ("to"/"among" them), else the nearest group of people
named before it in its sentence, else after it there ("we suffered no casualties and all our soldiers are
safe"), else the nearest in the sentence before. Only groups that can make up the whole of an
event's harmed count (``whole_candidates`` of ``populations.json``: fighters, soldiers, civilians...), and
never a group that speaks ("police said"): those name the source, not the harmed.

    >>> text = "Troops came under fire. There were no injuries."
    >>> context_population(text, 35, 46, Sentences(text, 0, len(text)))
    'soldiers'
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ledger.text import data as lexicon
from ledger.reading.figures.figure_context import Sentences
from ledger.reading.figures.figure_nouns import noun_lexicon
from ledger.text.phrases import phrase_trie


_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")


@lru_cache(maxsize=1)
def _groups() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """(any group noun, a group noun right after "to"/"among", noun -> population), compiled once."""
    data = lexicon.load("populations.json")
    wholes = set(data["whole_candidates"]) - {data["general"]}
    lex = noun_lexicon()
    nouns = {w: n.population for w, n in lex.nouns.items()
             if n.cls == "person" and not n.singular and n.population in wholes}
    # bodies named in the plural ("U.S. forces", "the militias") are their members here
    nouns.update({w: p for w, p in lex.member_of.items() if w.endswith("s") and p in wholes and w not in nouns})
    trie = phrase_trie(nouns)
    acting = phrase_trie(data["context_not_harmed"])
    speaking = rf"(?!\s+(?:(?:have|has|had)\s+)?(?:{acting})\b)"
    named = re.compile(rf"\b(?P<noun>{trie})\b{speaking}", re.IGNORECASE)
    after = re.compile(rf"\s+(?:to|among|amongst)\s+(?:[\w.'’-]+\s+){{0,3}}?(?P<noun>{trie})\b", re.IGNORECASE)
    return named, after, nouns


def _population(nouns: dict[str, str], m: re.Match) -> str:
    return nouns[" ".join(m.group("noun").casefold().split())]


def context_population(text: str, start: int, end: int, sentences: Sentences) -> str | None:
    """The population of a zero (or a count naming no one) at ``text[start:end]``, from the people named
    after it ("no injuries to U.S. troops"), else before it in its sentence, else in the sentence before;
    None when the context names no such group."""
    _, after, nouns = _groups()
    m = after.match(text, end)
    if m is not None:
        return _population(nouns, m)
    sentence = sentences.start_of(start)
    last = sentence - 1
    while last > 0 and text[last].isspace():
        last -= 1
    found = _last(text, sentence, start)  # the nearest before it in its sentence
    found = found or next(_groups_named(text, end, sentences.end_of(start)), None)
    found = found or _last(text, sentences.start_of(last), sentence)  # the nearest in the sentence before
    return _population(nouns, found) if found is not None else None


def _groups_named(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The groups of people named in ``text[start:end]``, not those that only modify a noun after them
    ("militia positions" names positions)."""
    named, _, _ = _groups()
    nouns = noun_lexicon().nouns
    for m in named.finditer(text, start, end):
        following = _NEXT_WORD.match(text, m.end())
        if following is None or following.group(1).casefold() not in nouns:
            yield m


def _last(text: str, start: int, end: int) -> re.Match | None:
    found = None
    for found in _groups_named(text, start, end):
        pass
    return found
