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


def _insert(root: dict, phrase: str, end: bool | None = None) -> None:
    node = root
    for unit in phrase:
        node = node.setdefault(unit, {})
    if end is None or "" not in node:
        node[""] = end
    else:  # a first word and a word's start: the start accepts more
        node[""] = node[""] and end


def _node_pattern(node: dict) -> str:
    """The pattern of a trie node. A node's end marker ``""`` says what may follow where a phrase ends:
    None, anything (the rest is optional); True, a word boundary (the phrase is a whole word); False,
    anything, and nothing after it matters (the phrase is a word's start)."""
    if node.get("", None) is False:
        return ""
    branches = [(r"\s+" if unit == " " else re.escape(unit)) + _node_pattern(child)
                for unit, child in sorted(node.items()) if unit]
    if node.get("", None) is True:
        branches.append(r"\b")
    elif "" in node and branches:
        return "(?:" + "|".join(branches) + ")?"
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def phrase_trie(phrases: Iterable[str], *, fold: bool = True) -> str:
    """One pattern matching any of ``phrases`` (any whitespace between words), longest first: the one
    phrase compiler of the ledger.

    With ``fold`` (the default) phrases are lowercased and their spaces collapsed, for lowercased text or
    IGNORECASE; without it they are taken character for character (a space still matches any whitespace).
    Callers add word boundaries. No phrase: a pattern that never matches.
    """
    root: dict = {}
    for phrase in phrases:
        if phrase.strip():
            _insert(root, " ".join(phrase.lower().split()) if fold else phrase)
    pattern = _node_pattern(root)
    return pattern if pattern else "(?!)"


def word_start_trie(words: dict[str, bool]) -> str:
    """A pattern for the start of any of ``words`` (lowercase, no spaces): True for a word that must end
    there (``\\b`` after it: "add" does not start "address"), False for a word start that may go on.
    A word listed both ways may go on."""
    root: dict = {}
    for word, whole in words.items():
        _insert(root, word, whole)
    return _node_pattern(root)


@lru_cache(maxsize=8)
def lowered(text: str) -> str | None:
    """``text`` lowercased when that keeps every offset (it does unless a character lowercases to two).

    Cached: the extractor asks again for each claim of the same article (a str caches its own hash).
    """
    folded = text.lower()
    return folded if len(folded) == len(text) else None


# Characters that IGNORECASE matches with an English letter although they do not lowercase to it: dotless
# i and long s (and capital dotted I, which lowercases to two characters and so never reaches here).
_FOLDS_TO_ASCII = ("\u0131", "\u017f")


@lru_cache(maxsize=8)
def folded_for_ignorecase(text: str) -> str | None:
    """``lowered(text)`` when a lowercase pattern finds in it exactly what the same pattern finds in ``text``
    with IGNORECASE, else None. Matching lowercased text without IGNORECASE is several times faster:
    the engine compares characters instead of folding each one."""
    folded = lowered(text)
    if folded is None or (not text.isascii() and any(ch in text for ch in _FOLDS_TO_ASCII)):
        return None
    return folded


def lowercase_twin(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` (compiled with IGNORECASE) without the flag, for text from ``folded_for_ignorecase``;
    None when the pattern is not written in lowercase (``[A-Z]`` or ``\\W`` would change meaning)."""
    letters = pattern.pattern.replace("(?P<", "(").replace("(?P=", "(")  # named groups are no letters to match
    if letters != letters.lower():
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


def start_lookahead(pattern: str) -> str:
    """``(?=[...])`` with the characters a match of ``pattern`` can start with (``first_characters``), or ""
    when they are unknown. Put in front of a pattern searched at every offset that opens with an alternation
    of groups (or is matched with IGNORECASE, where the engine cannot test a branch's first letter before
    entering it), it lets the engine give up at once where no match can start: the same matches, found with
    a fraction of the work."""
    chars = first_characters(pattern)
    return f"(?=[{re.escape(chars)}])" if chars else ""


def first_characters(pattern: str) -> str | None:
    """The characters a match of ``pattern`` (a case-sensitive pattern) can start with, sorted; None when
    that cannot be told (a class such as ``\\w``, an inline IGNORECASE, a possibly empty match, or syntax
    this reading does not know).

    A pattern that opens with an alternation of groups ("\\b(?:(?:did|would) not|was unable)") makes the
    engine enter every group at every word boundary; ``(?=[...])`` with these characters in front lets it
    give up at once where no match can start. Zero-width parts (``\\b``, lookarounds) are skipped, which
    can only add characters, so the set is never too small.

        >>> first_characters(r"\\b(?:did|was)\\s+not|no\\b")
        'dnw'
    """
    try:
        # the parser that ``re`` itself uses: private, hence the fallback
        from re import _constants as op
        from re import _parser
        chars, empty = _first(_parser.parse(pattern), op)
    except Exception:  # noqa: BLE001 - any surprise in a private module means: cannot tell
        return None
    return None if chars is None or empty else "".join(sorted(chars))


def _first(items, op) -> tuple[set | None, bool]:
    """(first characters, whether the sequence ``items`` can match the empty string); (None, _) if unknown."""
    found: set = set()
    for code, arg in items:
        if code is op.LITERAL:
            return found | {chr(arg)}, False
        if code is op.IN:
            members = _class_members(arg, op)
            return (None if members is None else found | members), False
        if code in (op.AT, op.ASSERT, op.ASSERT_NOT):
            continue  # zero-width: the next item starts the match
        if code is op.BRANCH:
            sub = [_first(alternative, op) for alternative in arg[1]]
            empty = any(e for _, e in sub)
        elif code is op.SUBPATTERN:
            if arg[1] & op.SRE_FLAG_IGNORECASE:
                return None, False
            sub = [_first(arg[3], op)]
            empty = sub[0][1]
        elif code in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT):
            sub = [_first(arg[2], op)]
            empty = sub[0][1] or arg[0] == 0
        elif code is op.ATOMIC_GROUP:
            sub = [_first(arg, op)]
            empty = sub[0][1]
        else:
            return None, False
        if any(chars is None for chars, _ in sub):
            return None, False
        found = found.union(*(chars for chars, _ in sub))
        if not empty:
            return found, False
    return found, True


def _class_members(items, op) -> set | None:
    """The characters of a ``[...]`` class of literals and short ranges; None for anything else."""
    members: set = set()
    for code, arg in items:
        if code is op.LITERAL:
            members.add(chr(arg))
        elif code is op.RANGE and arg[1] - arg[0] < 256:
            members.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return members
