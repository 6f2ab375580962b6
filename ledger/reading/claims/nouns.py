"""Noun cues: a noun of saying or believing whose owner is named, with its that-clause ("the ministry's claim
that the dam held", "Senator Vale's warning that the river would rise", "the board's view that ...").

The owner ("X's") is the speaker and the that-clause the content (frame ``A``). Only an owner written as a
name or a determined noun phrase counts: a possessive pronoun ("her claim that") names no one by itself,
and an ownerless noun ("complaints that ...", "the idea that ...") reports no one. The nouns are the
lexicon's (``cues.json``, ``nouns``); one regex scans the article once::

    >>> [t[c.start:c.end] for t in ["Kessel's claim that the dam held was denied."] for c in find_noun_cues(t)]
    ["Kessel's claim"]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.claims.cues import Cue
from ledger.reading.claims.speakers import phrase_before
from ledger.text.phrases import phrase_trie

# "that" opening a clause, not a relative ("the claim that was denied") or a demonstrative ("that day")
_CLAUSE = r"\s+(?=that\s+(?!(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|[a-z]+ed)\b))"
_CONTRACTED = frozenset({"it", "that", "he", "she", "there", "what", "who", "here", "this", "where", "let"})
_WINDOW = 80  # characters before "'s" in which the owner's phrase is looked for


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    nouns = lexicon.load("cues.json")["nouns"]
    forms = set()
    for noun in nouns:
        forms.add(noun)
        forms.add(noun + ("es" if noun.endswith(("s", "sh", "ch")) else "s"))
    # written to start with the apostrophe itself (the lookbehind after it), so that the engine skips to
    # candidate characters in C instead of trying a lookbehind at every offset
    return re.compile(rf"['\u2019](?<=\w['\u2019])s\s+(?:(?:own|earlier|latest|initial|repeated|new|public|persistent)\s+)?"
                      rf"(?P<noun>{phrase_trie(sorted(forms), fold=False)})\b{_CLAUSE}")


def find_noun_cues(text: str, skip: list[tuple[int, int]] = ()) -> list[Cue]:
    """The noun cues of ``text`` in order, except those inside one of the sorted spans ``skip`` (quotations).
    Each cue spans the owner and the noun; ``verb`` is where the noun starts. The owner is the speaker
    phrase (``speakers.phrase_before``) ending at "'s"."""
    found = []
    starts = [s for s, _ in skip]
    for m in _pattern().finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and skip[k][0] <= m.start() < skip[k][1]:
            continue
        lo = max(0, m.start() - _WINDOW, text.rfind("\n", 0, m.start()) + 1)
        who = phrase_before(text, lo, m.start())
        if who is None or who[1] != m.start() or text[who[0]:who[1]].lower() in _CONTRACTED:
            continue  # "it's", "that's": a contraction, no owner
        found.append(Cue(who[0], m.end("noun"), m.start("noun"), "noun", m.group("noun").lower()))
    return found


# The predicate of the sentence the noun phrase is the subject of: "the claim that the dam held [was denied]",
# "... [has been disputed]", "... [is false]"; the clause the noun owns ends there.
_MATRIX = re.compile(r"\s(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?(?:[a-z]+ed|[a-z]+en|false|untrue|"
                     r"wrong|baseless|unfounded|disputed|absurd|ridiculous|nonsense)\b")


def clause_end(text: str, start: int, end: int) -> int:
    """Where the that-clause of a noun cue starting at ``start`` ends, at the latest ``end``: before the
    predicate of the sentence the noun phrase is subject of ("the claim that the dam held was denied")."""
    m = _MATRIX.search(text, start, end)
    return m.start() if m is not None else end


def owner(text: str, cue: Cue) -> tuple[int, int]:
    """The owner of a noun cue (its speaker mention): the phrase before its "'s"."""
    return cue.start, text.rfind("s", cue.start, cue.verb) - 1


__all__ = ["clause_end", "find_noun_cues", "owner"]
