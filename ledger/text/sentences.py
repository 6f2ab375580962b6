"""Paragraphs and sentences with character offsets, fast enough for ingest.

pysbd takes ~18 ms per 800-word article; ingest has a budget of ~3 ms for the whole extraction, so this
splitter is one regex pass over candidate sentence ends plus a small Python check per candidate. Rules:

* paragraphs (blank-line separated) and single line breaks are hard boundaries;
* a sentence ends after ``.``/``!``/``?`` (plus any closing quotes or brackets) followed by whitespace and
  an uppercase letter, digit or opening quote: ``He left. "We won," she said.`` is two sentences, while
  ``"Why?" he asked.`` is one;
* abbreviations from ``ledger/vocab/abbreviations.json`` do not end a sentence: titles never (``Sen. Warren``),
  months not before a digit (``Sept. 11``), initials never (``John F. Kennedy``), other abbreviations and
  initialisms only before a usual sentence opener (``in the U.S. The next day`` splits, ``U.S. troops``
  does not);
* no boundary falls inside a protected span (the attribution stage passes quotations, so that
  ``"It is over. We won," she said.`` stays one unit with its attribution).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ledger.text.data import load
from ledger.text.fast_init import fast_init
from ledger.text.span import Span

_NEXT_WORD = re.compile(r"[A-Za-z']+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# A run of sentence punctuation (plus closing quotes or brackets) before a space, or a line break. Written to
# start with one character class (the lookbehinds tell which alternative the first character began): the
# engine then skips to candidate characters in C instead of trying the pattern at every offset (3x faster).
# Citation markers after the punctuation ("said in a statement.[4] The premier ...") end the sentence too.
_CANDIDATE = re.compile(r"[.!?\u2026\n](?:(?<=[.!?\u2026])[.!?\u2026]*[\"'\u201d\u2019\u00bb)\]]*(?:\[\d{1,3}\])*(?=\s)|"
                        r"(?<=\n))")
_OPENERS = "\"'\u201c\u2018\u00ab([\u2014\u2013-"
_WORD_SEPARATORS = ("\n", "(", "\u201c", '"')  # besides a space, what can come right before a word
MAX_SENTENCE = 3000
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")


@fast_init  # made many times per article (see fast_init)
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or attribution unit) of one paragraph: ``text[start:end]``, paragraph index ``para``."""

    start: int
    end: int
    para: int

    def span(self, text: str) -> Span:
        return Span.of(text, self.start, self.end)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    data = load("abbreviations.json")
    for key in ("titles", "months", "other", "sentence_openers"):
        if not isinstance(data.get(key), list) or not all(isinstance(w, str) for w in data[key]):
            raise ValueError(f"abbreviations.json: {key!r} must be a list of words")
    return (frozenset(data["titles"]), frozenset(data["months"]), frozenset(data["other"]),
            frozenset(data["sentence_openers"]))


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of ``text``, trimmed of surrounding whitespace.

    ``"One.\\n\\nTwo."`` -> ``[Span(0, 4, 'One.'), Span(6, 10, 'Two.')]``.
    """
    found = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _add_trimmed(text, pos, m.start(), found)
        pos = m.end()
    _add_trimmed(text, pos, len(text), found)
    return found


def _add_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span.of(text, start, end))


def sentences(text: str, paras: list[Span], protected: list[tuple[int, int]] = ()) -> list[Sentence]:
    """The sentences of every paragraph, in order.

    ``protected`` is a sorted list of ``(start, end)`` spans inside which no boundary may fall (quotations).
    ``sentences("Mr. Li left. He won.", [Span(0, 20, ...)])`` -> two sentences, ``Mr. Li left.`` and ``He won.``.
    """
    out: list[Sentence] = []
    prot = list(protected)
    k = 0
    for index, para in enumerate(paras):
        start = para.start
        for m in _CANDIDATE.finditer(text, para.start, para.end):
            cut = m.end()
            while k < len(prot) and prot[k][1] <= m.start():
                k += 1
            if m.group() != "\n":
                if k < len(prot) and prot[k][0] < cut - 1 < prot[k][1] - 1:
                    continue
                if not _ends_sentence(text, para.start, m.start(), m.end(), para.end):
                    continue
            _add_sentence(text, start, cut, index, out)
            start = cut
        _add_sentence(text, start, para.end, index, out)
    return out


def covering(text: str, found: list[Sentence]) -> list[tuple[int, int]]:
    """``found`` (sentences of ``text``, in order) as spans that cover the whole text: each runs on to where
    the next starts (its trailing whitespace included), the first from the text's start, the last to its
    end. For readers that ask which sentence holds an offset, wherever it falls.

        >>> covering("Mr. Li left. He won. ", sentences("Mr. Li left. He won. ", paragraphs("Mr. Li left. He won. ")))
        [(0, 13), (13, 21)]
    """
    if not found:
        return [(0, len(text))] if text else []
    starts = [0] + [s.start for s in found[1:]]
    return list(zip(starts, starts[1:] + [len(text)]))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` (no span protected), covering it: ``covering(text, sentences(...))``."""
    return covering(text, sentences(text, paragraphs(text)))


def _add_sentence(text: str, start: int, end: int, para: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # no real sentence is this long: cut at a space, keep work linear
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(Sentence(start, cut, para))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, para))


def _ends_sentence(text: str, para_start: int, punct: int, after: int, para_end: int) -> bool:
    """Whether the punctuation at ``punct`` (its run ends at ``after``) closes a sentence."""
    nxt = after
    while nxt < para_end and text[nxt].isspace():
        nxt += 1
    while nxt < para_end and text[nxt] in _OPENERS:
        nxt += 1
    if nxt >= para_end:
        return True
    follower = text[nxt]
    if follower.islower():
        return False
    if text[punct] != "." or text[punct:punct + 2] == "..":
        return True
    # the word before the period starts after the last space, line break, bracket or quote; the others are
    # looked for after the last space only, so that no search runs back over the whole paragraph
    word_start = max(para_start, text.rfind(" ", para_start, punct) + 1)
    for separator in _WORD_SEPARATORS:
        word_start = max(word_start, text.rfind(separator, word_start, punct) + 1)
    word = text[word_start:punct]
    if not word:
        return True
    return _period_ends(word, text, nxt, para_end, follower)


def _period_ends(word: str, text: str, nxt: int, para_end: int, follower: str) -> bool:
    titles, months, other, openers = _abbreviations()
    key = word.lower().rstrip(".")
    if len(word) == 1 and word.isupper():
        return False  # an initial: John F. Kennedy
    if key in titles:
        return False
    if key in months:
        return not follower.isdigit()
    if key in other or ("." in word and _INITIALISM.match(word)) or (key.replace(".", "") in other):
        m = _NEXT_WORD.match(text[nxt:min(para_end, nxt + 20)])
        return bool(m) and m.group().lower() in openers
    return True
