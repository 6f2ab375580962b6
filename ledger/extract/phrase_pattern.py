"""Word lists as fast regular expressions.

A flat alternation of a hundred phrases makes the regex engine try every phrase at every position of an
article, which costs milliseconds. The same phrases factorised as a trie ("a few|a dozen|about" ->
"a(?:\\s+(?:few|dozen)|bout)") test each character once, and scanning lowercased text without IGNORECASE
halves the cost again. The extractor's lexicons become patterns through here.

    >>> phrase_trie(["a few", "a dozen", "about"])
    'a(?:\\\\s+(?:dozen|few)|bout)'
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def _insert(root: dict, phrase: str) -> None:
    node = root
    for unit in " ".join(phrase.lower().split()):
        node = node.setdefault(unit, {})
    node[""] = {}


def _node_pattern(node: dict) -> str:
    branches = [(r"\s+" if unit == " " else re.escape(unit)) + _node_pattern(child)
                for unit, child in sorted(node.items()) if unit]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def phrase_trie(phrases: Iterable[str]) -> str:
    """One pattern matching any of ``phrases`` (lowercase; any whitespace between words), longest first.

    Callers add word boundaries and match it on lowercased text or with IGNORECASE.
    """
    root: dict = {}
    for phrase in phrases:
        if phrase.strip():
            _insert(root, phrase)
    pattern = _node_pattern(root)
    return pattern if pattern else "(?!)"


@lru_cache(maxsize=8)
def lowered(text: str) -> str | None:
    """``text`` lowercased when that keeps every offset (it does unless a character lowercases to two).

    Cached: the extractor asks again for each claim of the same article (a str caches its own hash).
    """
    folded = text.lower()
    return folded if len(folded) == len(text) else None
