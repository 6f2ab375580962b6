"""Speakers the page layout gives: a line that introduces quotes, a transcript's label, the author's "we".

Some articles name a speaker once, outside any sentence with a cue, and let the layout say who speaks next:

* a line ending in a colon introduces the quote paragraphs after it ("Coach Vidal reacts:" then three quoted
  paragraphs), over short heading lines between them ("On the title race");
* a transcript labels each paragraph with its speaker ("SEN. MARA LINDQVIST (D-NORLAND): We welcome ...");
* a first-person "we" or "I" outside any quotation, which no earlier speaker claims, is the article's author:
  the outlet ("We hope the union will not strike", in a company's own letter).

* a quote with no cue right after a short sentence that says someone spoke is that subject's.

``Layout.speaker`` applies these to one claim: the span of the speaker phrase for ``coref`` to resolve, or
``AUTHOR`` for the author's own first person.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ledger.reading.claims.attribution import Found
from ledger.reading.claims.descriptions import describe
from ledger.reading.claims.frames import subject_of
from ledger.reading.claims.speakers import words
from ledger.text.span import Span

_QUOTE_OPENERS = "\"'\u201c\u2018\u00ab"
_HEADING_MAX = 80  # a line this short with no final stop is a heading between quote paragraphs
_LOOK_BACK = 10  # paragraphs walked back over from a quote to the line introducing it
# "SEN. MARA LINDQVIST (D-NORLAND): ", "LINDQVIST: ": a label with a word in capitals, then a colon
_PARENTHESIS = re.compile(r"\([^()]*\)")
_LABEL = re.compile(r"((?:[A-Z][\w.'\u2019-]*\s+){0,4}[A-Z]{2,}[\w.'\u2019-]*)(?:\s*\([^()]{1,30}\))?:\s")


def introducer(text: str, paragraphs: list[Span], para: int) -> tuple[int, int] | None:
    """The speaker a colon line before paragraph ``para`` introduced, when only quote paragraphs and short
    headings stand between them: "Coach Vidal reacts:" -> the span of "Coach Vidal"."""
    for k in range(para - 1, max(-1, para - 1 - _LOOK_BACK), -1):
        p = paragraphs[k]
        body = text[p.start:p.end].rstrip()
        if body.endswith(":"):
            return subject_of(text, p.start, p.start + len(body) - 1)
        if body[:1] in _QUOTE_OPENERS:
            continue
        if len(body) <= _HEADING_MAX and body[-1:] not in ".!?\"'\u201d\u2019":
            if _names_a_person(text, p.start, p.start + len(body)):
                return p.start, p.start + len(body)
            continue
        return None
    return None


def _names_a_person(text: str, start: int, end: int) -> bool:
    """A heading that is only a person's full name ("Lena Vos (Central Bank)"): the quotes under it are hers."""
    words = _PARENTHESIS.sub("", text[start:end]).split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    p = describe(text, start, end)
    return p.kind == "person" and p.first is not None and p.role is None


def spoke_before(text: str, units, k: int) -> tuple[int, int] | None:
    """The subject of the sentence before sentence ``k`` when it tells that someone spoke and gives no words
    ("Minister Tomas Reile spoke to reporters on Monday.", "Reile said so on Monday."), for a quote with no
    cue of its own that follows it; None otherwise."""
    if k <= 0:
        return None
    unit = units[k - 1]
    if text[unit.start:unit.start + 1] in _QUOTE_OPENERS or text[unit.start:unit.end].count(" ") > _SPOKE_WORDS:
        return None
    if _speaking().search(text, unit.start, unit.end) is None:
        return None
    span = subject_of(text, unit.start, unit.end)
    if span is None or describe(text, *span).kind not in ("person", "organisation", "anonymous"):
        return None
    return span


_SPOKE_WORDS = 20  # a sentence that only says someone spoke is short


@lru_cache(maxsize=1)
def _speaking() -> re.Pattern:
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+")
                     for v in sorted(words().speaking_verbs, key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\b(?![^.]*\bthat\b)")


def label(text: str, paragraph: Span) -> tuple[int, int] | None:
    """The speaker a transcript's label gives its paragraph ("GRASSLEY: We welcome ..."), or None."""
    m = _LABEL.match(text, paragraph.start, paragraph.end)
    return (m.start(1), m.end(1)) if m is not None else None


def paragraph_of(paragraphs: list[Span], starts: list[int], pos: int) -> int | None:
    """The index of the paragraph holding offset ``pos``, or None (a headline, outside the body)."""
    k = bisect_right(starts, pos) - 1
    return k if k >= 0 and pos < paragraphs[k].end else None


def outside(quoted: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies outside every quotation (``quoted`` sorted spans from opening to closing mark)."""
    k = bisect_right(quoted, (pos, float("inf"))) - 1
    return k < 0 or quoted[k][1] <= pos


AUTHOR = object()  # what ``Layout.speaker`` gives for the author's own first person
_FIRST_PERSON = frozenset({"we", "i"})


class Layout:
    """The speakers an article's layout gives (see ``introduced``): read per claim, paragraphs looked up
    by offset."""

    def __init__(self, text: str, paragraphs=(), quotes=(), headline: Span | None = None, units=()):
        self.text = text
        self.units = list(units)
        self.unit_starts = [u.start for u in self.units]
        self.paragraphs = list(paragraphs)
        self.starts = [p.start for p in self.paragraphs]
        self.quoted = sorted(quotes)
        self.lines = ([headline] if headline is not None else []) + self.paragraphs  # a colon line may open
        self.first = len(self.lines) - len(self.paragraphs)  # the body, though read as its headline

    def speaker(self, claim: Found, orphan: bool = False):
        """A mention span for a claim the layout attributes, ``AUTHOR`` for the author's first person,
        else None (the claim's own speaker stands). ``orphan``: the claim carries the speaker of a claim
        that has none."""
        first_person = claim.speaker is not None and \
            self.text[claim.speaker[0]:claim.speaker[1]].lower() in _FIRST_PERSON
        if not first_person and not (claim.kind == "unattributed_quote" or (
                claim.speaker is None and (claim.carry is None or orphan))):
            return None
        para = paragraph_of(self.paragraphs, self.starts, claim.content[0])
        if para is None:
            return None
        found = label(self.text, self.paragraphs[para])
        if found is not None or not first_person:
            return found or introducer(self.text, self.lines, para + self.first) or \
                spoke_before(self.text, self.units, bisect_right(self.unit_starts, claim.content[0]) - 1)
        return AUTHOR if outside(self.quoted, claim.speaker[0]) else None
