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

_WORD = re.compile(r"\w")


def anchor_pattern(words: list[str], cased: bool = False) -> tuple[re.Pattern, bool]:
    """An anchor: a pattern finding any of ``words`` (lowercased unless ``cased``), as a trie."""
    return re.compile(alternation([w if cased else w.lower() for w in words])), cased


def matches_near(pattern: re.Pattern | dict[str, re.Pattern], text: str, anchors: list[tuple[re.Pattern, bool]],
                 before: int, lowered: str | None = None, after: int = 60) -> list[re.Match]:
    """The non-overlapping matches of ``pattern`` on the lowercased text (leftmost first, as ``finditer``)
    that start at most ``before`` characters ahead of an anchor and end within ``after`` characters of it.

    One ``search`` per anchor, over a window of about ``before + after`` characters: the engine skips the
    rest of the text, which is where the time goes. ``pattern`` may be a dict from anchor word to the
    pattern of only the alternatives containing it (fewer alternatives to try at each position).
    """
    lowered = lowered if lowered is not None else text.lower()
    hits = sorted((hit.start(), hit.group(0).lower()) for anchor, cased in anchors
                  for hit in anchor.finditer(text if cased else lowered))
    found: list[re.Match] = []
    end, size = 0, len(lowered)
    for at, word in hits:
        start = max(at - before, end)
        if start > at:
            continue
        stop = _snap_forward(lowered, min(size, at + after))
        chosen = pattern.get(word) if isinstance(pattern, dict) else pattern
        match = chosen.search(lowered, start, stop) if chosen is not None else None
        if match is not None and match.start() <= at and match.end() > match.start():
            found.append(match)
            end = match.end()
    return found


def _snap_forward(text: str, at: int) -> int:
    size = len(text)
    while at < size and _WORD.match(text, at):
        at += 1
    return at


def alternation(words) -> str:
    """A regular expression matching any of ``words``, factored as a trie ("earlier t(?:his ...|oday)").

    Python's engine tries alternatives one by one; sharing prefixes makes a long word list several times
    faster to match. Spaces in the words match any run of whitespace.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict) -> str:
    alternatives = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
