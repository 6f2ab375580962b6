"""One article as every stage reads it: its text and what is computed once from it.

    >>> doc = Document.read("Air Strike Kills Five\\n\\nFive people died, the ministry said.")
    >>> [doc.text[p.start:p.end] for p in doc.paragraphs], doc.headline_span.text
    (['Five people died, the ministry said.'], 'Air Strike Kills Five')

Paragraphs (the headline a body often starts with set apart), quotations, sentences (a quotation is never
cut), the lowercased text and where the words of the cue, evidence and no-figure lexicons start are found
here, once; the stages (``ledger.reading.stages``) only read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ledger.reading.claims.headlines import is_headline
from ledger.reading.claims.quotes import Quote, close_end, find_quotes
from ledger.reading.word_starts import WordStarts, word_starts
from ledger.text.phrases import lowered
from ledger.text.sentences import Sentence, covering, paragraphs, sentences
from ledger.text.span import Span


@dataclass(slots=True)
class Document:
    """An article read once. ``title`` is the headline when the body does not repeat it (so that a body
    opening with it yields no claims from it); ``headline`` is the article's title as given, which the
    events stage reads for the main event; ``published`` is the publication date, when known, and
    ``published_precision`` how precisely (``day``, ``month``, ``year``: a month-dated article's ``published``
    is the month's first day, from which no day is ever made up)."""

    text: str
    outlet: str | None = None
    title: str | None = None
    headline: str | None = None
    published: date | None = None
    published_precision: str | None = None
    paragraphs: list[Span] = field(default_factory=list)  # the body's, without the headline
    headline_span: Span | None = None  # the body's first paragraph when it is the headline
    quotes: list[Quote] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    lowered: str | None = None  # ``text.lower()`` when it keeps every offset, else None
    starts: WordStarts | None = None  # where cues, figure evidence words and no-figure anchors start

    @classmethod
    def read(cls, text: str, outlet: str | None = None, title: str | None = None, headline: str | None = None,
             published: date | None = None, published_precision: str | None = None) -> "Document":
        """Paragraphs, headline, quotations, sentences, lowercased text and word starts of ``text``."""
        doc = cls(text, outlet, title, headline, published, published_precision)
        paras = paragraphs(text)
        if paras and is_headline(paras[0].text, title, len(paras)):
            doc.headline_span, paras = paras[0], paras[1:]
        doc.paragraphs = paras
        doc.quotes = find_quotes(text, paras)
        doc.sentences = sentences(text, paras, [(q.open, close_end(text, q)) for q in doc.quotes])
        doc.lowered = lowered(text)
        doc.starts = word_starts(text)  # where cues, figure words and no-figure anchors start: one scan for three
        return doc

    def covering_sentences(self) -> list[tuple[int, int]]:
        """The sentences as spans covering the whole text, the headline's first (for readers that ask which
        sentence holds an offset, wherever it falls: the events stage)."""
        head = [] if self.headline_span is None else sentences(self.text, [self.headline_span])
        return covering(self.text, head + self.sentences)

    @property
    def body_start(self) -> int:
        """Where the body starts (after the headline): figures are looked for from here."""
        return self.paragraphs[0].start if self.paragraphs else 0
