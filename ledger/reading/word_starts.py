"""One scan of an article for where the words of three lexicons start.

Cues (``cues``), the words that can give a count its metric (``figure_context``) and the anchors of
no-figure statements (``no_figure``) all start after a non-word character, and each stage used to scan the
whole article for its own words: three scans of about 0.1 ms, for some thirty cues and a handful of the
others. ``word_starts`` scans the lowercased article once for the first words of all three lexicons and,
where one begins, tells which lexicons can have a word there; each stage then reads those offsets only,
which gives exactly what its own scan gives.

    >>> text = "The ministry said five people were killed."
    >>> [[text[at:at + 6] for at in found] for found in word_starts(text)]  # cues, evidence, anchors
    [['said f'], ['killed'], ['killed']]
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ledger.reading.claims.cues import cue_words
from ledger.reading.figures.figure_context import cue_grammar
from ledger.reading.figures.no_figure import _patterns as no_figure_patterns
from ledger.text.phrases import lowered, phrase_trie, word_start_trie

# The Kelvin sign lowercases to "k": a non-word character (for the cue scan, which reads the text as it is)
# would become a word character, so a text holding one is not scanned this way.
_UNFOLDABLE = "\u212a"


class WordStarts(NamedTuple):
    """Offsets after a non-word character, in order: where a cue may start (its lowercase form does: the
    cue stage checks the case), where an evidence word starts (as ``cue_grammar().evidence`` finds) and
    where a no-figure anchor starts (as ``anchors_lower`` finds)."""

    cues: list[int]
    evidence: list[int]
    anchors: list[int]


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """A non-word character before the first word of any of the three lexicons (a quick test that fails
    at most offsets), then one optional lookahead per lexicon telling which of them has a word there: the
    lowercase cue forms, and the evidence and anchor patterns of the figure stages themselves."""
    cues = [w.lower() for w in cue_words()]
    grammar, no_figure = cue_grammar(), no_figure_patterns()
    whole = cues + list(grammar.evidence_words)
    firsts = {phrase.lower().split()[0]: True for phrase in whole if phrase.split()}
    firsts.update({anchor.lower(): False for anchor in no_figure.anchor_words})
    lexicons = {"cue": rf"{phrase_trie(cues)}\b", "evidence": grammar.evidence_word.pattern,
                "anchor": no_figure.anchor_word.pattern}
    which = "".join(f"(?:(?=(?P<{name}>{body}))|)" for name, body in lexicons.items())
    return re.compile(rf"\W(?={word_start_trie(firsts)}){which}", re.ASCII)


@lru_cache(maxsize=4)
def word_starts(text: str) -> WordStarts | None:
    """Where the words of the three lexicons start in ``text`` (after a non-word character; the start of the
    text is the stages' own concern), or None when the text cannot be read lowercased."""
    folded = lowered(text)
    if folded is None or _UNFOLDABLE in text:
        return None
    found = WordStarts([], [], [])
    for m in _pattern().finditer(folded):
        last = m.lastindex  # the groups are cue, evidence, anchor: most offsets are a cue's alone
        if last == 1:
            found.cues.append(m.end())
        elif last is not None:
            cue, evidence, anchor = m.groups()
            if cue is not None:
                found.cues.append(m.end())
            if evidence is not None:
                found.evidence.append(m.end())
            if anchor is not None:
                found.anchors.append(m.end())
    return found
