"""Quotations: where quoted words start and end, including quotes that run over several paragraphs.

News English marks a quotation with double quotes (straight ``"``, curly ``“ ”``, ``« »``, the NYT's
doubled apostrophes ``''``) or, in British style, single curly quotes ``‘ ’``. A quotation that goes on in
the next paragraph leaves its closing mark out and the next paragraph opens with a new mark::

    Mr Kirby said: "Given the attacks, the president acted.

    "Specifically, the strikes targeted two sites."

Each paragraph's piece is one ``Quote``; the second has ``continues=True`` and the first ``close=None``.
Quotes are found per paragraph, never across a paragraph break, so one stray mark cannot swallow the rest
of an article. Single quotes nested inside double quotes are part of the outer quotation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ledger.text.fast_init import fast_init
from ledger.reading.types import Span

# ``''``, ````` or one quote mark; written to start with one character class (the lookbehinds tell which
# alternative the first character began), so the engine skips to candidate characters in C (2x faster).
_MARKS = re.compile("[`'\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]"
                    "(?:(?<=')'|(?<=`)`|(?<=[\"\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019]))")
_OPEN_ONLY = {"\u201c", "\u201e", "\u00ab", "``", "\u2018"}
_CLOSE_ONLY = {"\u201d", "\u00bb", "\u2019"}
_BEFORE_OPEN = " \t\n([{\u2014\u2013-/:;,"
_TRAIL = " \t\n,;:"


@fast_init  # made many times per article (see fast_init)
@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation inside one paragraph.

    ``start``/``end`` delimit the quoted words (without marks or a trailing comma), ``open`` is the offset
    of the opening mark, ``close`` that of the closing mark (None when the quote runs on to the paragraph's
    end), ``para`` the paragraph index, ``continues`` True when it carries on a quote left open at the end of
    the previous paragraph.
    """

    open: int
    start: int
    end: int
    close: int | None
    para: int
    continues: bool = False

    def span(self, text: str) -> Span:
        return Span.of(text, self.start, self.end)

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def find_quotes(text: str, paras: list[Span]) -> list[Quote]:
    """Every top-level quotation, in text order.

    ``find_quotes('He said "we won" today.', paragraphs(...))`` -> one Quote whose span is ``we won``.
    """
    found: list[Quote] = []
    previous_ran_on = False
    for index, para in enumerate(paras):
        quotes = _paragraph_quotes(text, para, index)
        if quotes and previous_ran_on and quotes[0].open == para.start:
            q = quotes[0]
            quotes[0] = Quote(q.open, q.start, q.end, q.close, q.para, True)
        previous_ran_on = bool(quotes) and quotes[-1].close is None
        found.extend(quotes)
    return found


def _paragraph_quotes(text: str, para: Span, index: int) -> list[Quote]:
    out: list[Quote] = []
    opened: tuple[int, str] | None = None
    skip_to = -1
    for m in _MARKS.finditer(text, para.start, para.end):
        mark = m.group()
        if m.start() < skip_to:
            continue
        if opened is None:
            if mark == "\u2019":
                continue  # an apostrophe or a closing mark: it opens nothing (most marks are apostrophes)
            role = _role(text, mark, m.start(), m.end(), para)
            if role == "open" or role == "either" or (mark == "\u201d" and _position(text, m.start(), m.end(),
                                                                                         para) == "open"):
                opened = (m.start(), mark)  # a closing curly quote typed where a quotation opens: it opens one
            continue
        first = opened[1]
        if first == mark == "''" and _closes_nested(text, m.end(), para):
            # "the word 'careful,''' said X": a nested single quote closes, then the doubled apostrophes
            _emit(text, opened[0], 2, m.start() + 1, index, out)
            opened, skip_to = None, m.end() + 1
            continue
        if _is_single(first) != _is_single(mark):
            continue  # nested quotes of the other kind belong to the quotation
        pos = m.start()
        role = _role(text, mark, pos, m.end(), para)
        if role == "open" and mark == "\u201c" and (first == "\u201e" or _position(text, pos, m.end(), para)
                                                    == "close"):
            role = "close"  # German „…“, or an opening curly quote typed where the quotation ends
        if role in ("close", "either"):
            _emit(text, opened[0], len(first), pos, index, out)
            opened = None
        elif role == "open" and mark == first and mark in _OPEN_ONLY:
            opened = (pos, mark)  # the previous one was never closed: restart
    if opened is not None:
        _emit(text, opened[0], len(opened[1]), None, index, out, para.end)
    return out


def _closes_nested(text: str, end: int, para: Span) -> bool:
    """Whether doubled apostrophes ending at ``end`` are the first two of three before a space or punctuation
    (the word 'careful,''' said): a straight single quote nested in a '' quotation closes with it."""
    if not text.startswith("'", end) or text.startswith("''", end):
        return False
    after = text[end + 1] if end + 1 < para.end else " "
    return after.isspace() or after in ".,;:!?)\u2014-"


def _is_single(mark: str) -> bool:
    return mark in ("\u2018", "\u2019")


def _position(text: str, pos: int, end: int, para: Span) -> str:
    """Where a mark stands, whatever its shape: 'open' (after a space or an opening punctuation mark, before
    a word), 'close' (after a word, before a space, punctuation or the paragraph's end) or 'none'. Scraped
    and hand-typed text gets curly quotes the wrong way round; the position says what the mark does."""
    before = text[pos - 1] if pos > para.start else " "
    after = text[end] if end < para.end else " "
    if before in _BEFORE_OPEN and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)\u2014-" or end >= para.end):
        return "close"
    return "none"


def _role(text: str, mark: str, pos: int, end: int, para: Span) -> str:
    """'open', 'close', 'either' or 'none' (an apostrophe) for the mark at ``pos``."""
    before = text[pos - 1] if pos > para.start else " "
    after = text[end] if end < para.end else " "
    if mark == "\u2019":
        if before.isalnum() and after.isalnum():
            return "none"  # it’s
        if after.isspace() or after in ".,;:!?)\u2014-" or end >= para.end:
            return "close" if not before.isspace() else "none"
        return "none"
    if mark == "\u2018":
        return "open" if before in _BEFORE_OPEN or before in "\"\u201c" else "none"
    if mark in _OPEN_ONLY:
        return "open"
    if mark in _CLOSE_ONLY:
        return "close"
    if mark == "''" and before.isalnum() and after.isalnum():
        return "none"
    position = _position(text, pos, end, para)
    return "either" if position == "none" else position


def _emit(text: str, open_pos: int, mark_len: int, close: int | None, index: int, out: list[Quote],
          para_end: int = 0) -> None:
    start = open_pos + mark_len
    end = close if close is not None else para_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    if end > start:
        out.append(Quote(open_pos, start, end, close, index))


def close_end(text: str, q: Quote) -> int:
    """The offset just after ``q``'s closing mark, or the end of its words when it runs on.

    ``close_end('"we won," he said', q)`` -> 9 (after the closing mark).
    """
    if q.close is None:
        return q.end
    return q.close + (2 if text.startswith(("''", "``"), q.close) else 1)
