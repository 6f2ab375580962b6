"""Which words name a claim's speaker, when the mention a frame found is not the best one.

* a role before its holder's name: "The State Commissioner for Health, Karl Brenner, said" is Karl Brenner,
  described by his office;
* the clause after "who" read as the speaker: "A second official who briefed reporters made clear" is the
  official;
* a participle clause inside the subject: "The coalition fighting rebels in Yemen says" is the coalition.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ledger.reading.claims.descriptions import describe
from ledger.reading.claims.speakers import phrase_before, words


def named_first(text: str, speaker: tuple[int, int], described: tuple[int, int] | None):
    """The mention to resolve and the one that describes it: "The State Commissioner for Health, Karl
    Brenner, said" is Karl Brenner, described by his office (a role before its holder's name); "A second
    official who briefed reporters made clear" is the official, not the clause after "who"."""
    if described is not None:
        p, q = describe(text, *speaker), describe(text, *described)
        if q.kind == "person" and q.first is not None and p.kind in ("anonymous", "organisation") \
                and p.entry is None and (p.role is not None or p.kind == "organisation" and p.name[:1].isupper()):
            return described, speaker
        return speaker, described
    first = text[speaker[0]:speaker[1]].split(None, 1)[0]
    m = _RELATIVE_BEFORE.search(text, max(0, speaker[0] - 12), speaker[0]) if first.islower() and \
        first not in words().determiners and first not in words().nominal else None
    if m is not None:  # the clause after "who" was read as the speaker ("who briefed reporters"), not "a monitor"
        head = phrase_before(text, max(0, m.start() - 90), m.start())
        if head is not None and describe(text, *head).kind in ("person", "anonymous", "organisation"):
            return head, None
    return speaker, None


def subject_before_participle(text: str, unit_starts: list[int], speaker: tuple[int, int]):
    """"The coalition fighting rebels in Yemen says", "UN experts investigating the bombing are accusing":
    a participle clause inside the sentence's subject, read as the speaker, gives back the subject that
    opens the sentence; None when no such clause comes before the mention."""
    k = bisect_right(unit_starts, speaker[0]) - 1
    if k < 0:
        return None
    start = unit_starts[k]
    # (every participle ends in "ing": a window without those letters, most of them, is not searched)
    m = _PARTICIPLE.search(text, start, speaker[0]) if text.find("ing", start, speaker[0]) >= 0 else None
    if m is None or _CLAUSE_BREAK.search(text, m.end(), speaker[0]):
        return None
    head = phrase_before(text, start, m.start())
    if head is None or head[0] != _skip_blank(text, start):
        return None
    return head if describe(text, *head).kind in ("person", "anonymous", "organisation") else None


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


_PARTICIPLE = re.compile(r"(?<=[\w)])\s+(?!(?:during|according|including|following|regarding|concerning)\b)"
                         r"[a-z]+ing\b")
_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013]|\s(?:and|but|while|who|which|that)\s")
_RELATIVE_BEFORE = re.compile(r"\s(?:who|which)\s+$")
