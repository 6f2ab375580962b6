"""Reading an article for its events: sentences, event words, time expressions, title and lead.

Everything :mod:`ledger.reading.events.grouping` decides from is computed here once per article: the sentence
spans, the :class:`~ledger.reading.events.mentions.Mention` of every event word with its attached times, the same
for the title (a URL slug such as "us-strikes-militia-in-syria" is read as words), and where the lead ends.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from ledger.reading.events import mentions as _mentions
from ledger.text import anchors as scan
from ledger.reading.events import timexpr as _timexpr
from ledger.reading.events.mentions import Mention, attach_times, find_mentions
from ledger.reading.events.timexpr import PRECISION_RANK, TimeExpr, find_times
from ledger.text.phrases import lowered as folded
from ledger.text.sentences import sentence_spans

_SLUG = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b")
_PARAGRAPH = re.compile(r"\n\s*\n")
ANCHORS = _timexpr.anchor_words() + _mentions.anchor_words()  # one scan finds both
_SENTENCE_ENDS = frozenset(".!?\"'”’)…:")
LEAD_MIN_WORDS = 8  # a first paragraph shorter than this (a dateline, a one-line summary) takes the next one too


@dataclass(slots=True)
class When:
    """When an event happened as far as an article tells: a window of days, or a symbolic key.

    ``floating`` windows are relative to an unknown publication day (see ``timexpr.FLOAT_ANCHOR``);
    ``from_publication`` marks a window taken from the publication day because the article gave no time.
    """

    first: date | None
    last: date | None
    precision: str | None
    floating: bool = False
    key: str | None = None
    from_publication: bool = False

    @classmethod
    def of(cls, t: TimeExpr) -> "When":
        """The window of a time expression."""
        return cls(t.first, t.last, t.precision, t.floating, t.key)

    @property
    def dated(self) -> bool:
        """True for real days (not floating, not a bare key)."""
        return self.first is not None and not self.floating

    def compatible(self, other: "When") -> bool | None:
        """Whether both can be the same day (no slack: one article counts days one way; the slack for time
        zones is for matching across outlets); None when it cannot be told. A window taken from the
        publication day is a fallback, no date of the event: any real time up to publication fits it."""
        if self.first is None or other.first is None:
            return True if self.key is not None and self.key == other.key else None
        if self.floating != other.floating:
            return None
        if self.from_publication or other.from_publication:
            fallback, real = (self, other) if self.from_publication else (other, self)
            return real.from_publication or real.first <= fallback.last
        return self.first <= other.last and other.first <= self.last

    def narrowed(self, other: "When") -> "When":
        """This window refined by a compatible, more precise one ("last week" then "on Friday"); the event's
        own time always replaces a publication-day fallback."""
        if other.from_publication or not self.compatible(other):
            return self
        if self.from_publication or _rank(other) > _rank(self):
            return When(other.first, other.last, other.precision, other.floating, other.key)
        return self


def _rank(when: When) -> float:
    """How precise a window is (a publication-day window is no date of the event: below any)."""
    if when.from_publication:
        return -2
    return PRECISION_RANK.get(when.precision or "", -1)


@dataclass(slots=True)
class Article:
    """An article as the grouping reads it."""

    text: str
    published: date | None
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    times: list[TimeExpr]
    lead_end: int
    title: str = ""
    title_mentions: list[Mention] = field(default_factory=list)
    attached: set[int] = field(default_factory=set)  # ids of the time expressions given to an event word
    mention_starts: list[int] = field(default_factory=list)
    time_starts: list[int] = field(default_factory=list)  # of ``times``, which are in text order
    sentence_starts: list[int] = field(default_factory=list)
    published_precision: str | None = None  # year, month or day (None: day, or undated)

    @classmethod
    def read(cls, text: str, published: date | None, title: str | None = None,
             published_precision: str | None = None, sentences: list[tuple[int, int]] | None = None) -> "Article":
        """Sentences, event words and times of ``text`` (and of ``title``), times given to their words.
        ``published`` is the first day of the publication date, ``published_precision`` its precision;
        ``sentences``, when given, cover the text (the reading's: the text is not split again)."""
        lowered = folded(text) or scan.lower(text)  # the extractor's lowercased text when it kept the offsets
        sentences = sentence_spans(text) if sentences is None else sentences
        hits = scan.anchor_hits(lowered, ANCHORS)
        mentions = find_mentions(text, sentences, lowered, hits)
        times = find_times(text, published, lowered, hits, published_precision)
        attach_times(mentions, times, sentences)
        article = cls(text, published, sentences, mentions, times, _lead_end(text),
                      published_precision=published_precision)
        article.attached = {id(t) for m in mentions for t in m.times}
        article.mention_starts = [m.start for m in mentions]
        article.time_starts = [t.start for t in times]
        article.sentence_starts = [start for start, _ in sentences]
        if title:
            article.title = _unslug(title)
            title_sentences = [(0, len(article.title))]
            lowered_title = scan.lower(article.title)
            title_hits = scan.anchor_hits(lowered_title, ANCHORS)
            article.title_mentions = find_mentions(article.title, title_sentences, lowered_title, title_hits)
            attach_times(article.title_mentions, find_times(article.title, published, lowered_title, title_hits,
                                                                    published_precision),
                         title_sentences)
        return article

    def sentence_of(self, at: int) -> tuple[int, int]:
        """The span of the sentence holding offset ``at``."""
        index = bisect_right(self.sentence_starts, at) - 1
        if index >= 0 and at < self.sentences[index][1]:
            return self.sentences[index]
        return at, at


def _unslug(title: str) -> str:
    """A title that is a URL slug ("us-air-strike-in-syria-kills-22") read as words."""
    return _SLUG.sub(lambda m: m.group(0).replace("-", " "), title)


def _lead_end(text: str) -> int:
    """Where the lead ends: the first paragraph that is a sentence, with any before it: a very short first
    paragraph (a dateline) or one without a sentence end (the headline repeated in the body, "Civilians
    among victims of drone attack on Qarvash") takes the next one too."""
    start = len(text) - len(text.lstrip())
    for m in _PARAGRAPH.finditer(text):
        lead = text[start:m.start()].rstrip()
        if m.start() > start and len(lead.split()) >= LEAD_MIN_WORDS and lead[-1:] in _SENTENCE_ENDS:
            return m.start()
    return len(text)
