"""Finding where a big pattern matches, fast: anchor words first, the regular expression only near them.

A regular expression with dozens of alternatives costs about 0.1 ms per kilobyte in Python whatever it
finds, too slow for an ingest of hundreds of articles a second. Every time expression and every event word
contains one of a few short anchors ("day", "week", "feb", "strike", "attack"), which a plain alternation
finds quickly; the pattern is then tried only at the word starts just before each anchor
(:func:`matches_near`). The result is what ``finditer`` over the whole text gives, as long as no match
starts further than ``before`` characters ahead of its anchor.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.text.phrases import phrase_trie

_WORD_END = re.compile(r"\W")


Hit = tuple[int, str]  # where an anchor word starts, and the word


def lower(text: str) -> str:
    """``text.lower()`` with the same offsets (the few characters that lowercase to two stay as they are)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


@lru_cache(maxsize=8)
def anchor_pattern(words: tuple[str, ...]) -> re.Pattern:
    """One pattern finding any of the (lowercase) anchor ``words``, as a trie."""
    return re.compile(phrase_trie(sorted(set(words)), fold=False))


def anchor_hits(lowered: str, words: tuple[str, ...]) -> list[Hit]:
    """Every anchor of ``words`` in the lowercased text, in order, as ``anchor_pattern(words).finditer``
    finds them (time expressions and event words share the anchors).

    That pattern is tried at every offset whose character starts an anchor, most of an English text. One
    pattern per first character is found faster instead: the engine skips to that character in C, and
    tries only the anchors starting with it (about 40% less time). Their hits are merged in text order;
    two hits of different patterns overlap only in odd words ("gunfighting" holds "gunfight" and
    "fighting"); when a dropped hit reaches past the one it overlaps, the merged list could differ from the
    single scan's, and that scan is made instead.
    """
    if len(lowered) < _GROUPED_FROM:  # a title: one scan costs less than a call per group
        return [(hit.start(), hit.group(0)) for hit in anchor_pattern(words).finditer(lowered)]
    found: list[tuple[int, int, str]] = []
    for pattern in _anchor_groups(words):
        found += [(hit.start(), hit.end(), hit.group(0)) for hit in pattern.finditer(lowered)]
    found.sort()
    hits: list[Hit] = []
    end = 0
    for start, stop, word in found:
        if start < end:  # inside the hit before: the single scan never tries it
            if stop > end:
                return [(hit.start(), hit.group(0)) for hit in anchor_pattern(words).finditer(lowered)]
            continue
        hits.append((start, word))
        end = stop
    return hits


_GROUPED_FROM = 1000  # characters from which the grouped patterns are faster than the single one


@lru_cache(maxsize=8)
def _anchor_groups(words: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """One pattern per first character of the (lowercase) anchor ``words``, as a trie."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[0], []).append(word)
    return tuple(re.compile(phrase_trie(group, fold=False)) for group in groups.values())


def matches_near(pattern: re.Pattern | dict[str, re.Pattern], lowered: str, hits: list[Hit], before: int,
                 after: int = 60) -> list[re.Match]:
    """The non-overlapping matches of ``pattern`` on the lowercased text (leftmost first, as ``finditer``)
    that start at most ``before`` characters ahead of an anchor hit and end within ``after`` characters of it.

    One ``search`` per anchor, over a window of about ``before + after`` characters: the engine skips the
    rest of the text, which is where the time goes. ``pattern`` may be a dict from anchor word to the
    pattern of only the alternatives containing it (fewer alternatives to try at each position); hits of
    words it does not know are ignored.
    """
    found: list[re.Match] = []
    end, size = 0, len(lowered)
    table = pattern if isinstance(pattern, dict) else None
    word_end = _WORD_END.search
    for at, word in hits:
        start = max(at - before, end)
        if start > at:
            continue
        chosen = pattern if table is None else table.get(word)
        if chosen is None:
            continue
        stop = min(size, at + after)
        cut = word_end(lowered, stop)
        match = chosen.search(lowered, start, cut.start() if cut else size)
        if match is not None and match.start() < at + len(word) and match.end() > match.start():
            found.append(match)
            end = match.end()
    return found


def _snap_forward(text: str, at: int) -> int:
    """``at``, or the end of the word it falls in."""
    end = _WORD_END.search(text, at)
    return end.start() if end else len(text)
