"""Headlines: whether an article's first paragraph is its title, and the claim a headline label makes.

A body often starts with its headline. It is no sentence of the article ("Air Strike Kills Five Near Border"),
but a labelled headline is a claim of the labelled speaker::

    >>> c = headline_claim("Pence: Flowers Won't Be at Debate", 0, 33)
    >>> (c.speaker, c.content)
    ((0, 5), (7, 33))

Section labels ("The Latest:", "Analysis:") and places ("Syria: ...", a dateline-like topic) are no
speakers; the section labels are data (``ledger/vocab/not_claims.json``).

The same label before a paragraph that is one quotation ('Governor Tessa Marr: "We will rebuild."', a
quoted tweet or a transcript line) names that quotation's speaker: ``labelled_quotes``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.claims.attribution import Found
from ledger.reading.claims.gazetteer import lookup
from ledger.reading.claims.quotes import close_end

_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_LABEL = re.compile(r"([A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3}):\s+(?=\S)")
# a headline label may say whom or where the speaker addressed: "Marr to Farmers:", "Marr at Summit:"
_ADDRESSED_LABEL = re.compile(r"([A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3})\s+(?:to|at|on|To|At|On)\s+"
                              r"[A-Z][^:\n]{1,60}?:\s+(?=\S)")
_TRAIL = " \t\n,;:.\u2014\u2013-"


def is_headline(first: str, title: str | None, n_paragraphs: int) -> bool:
    """Whether the first paragraph is the article's title rather than its first sentence.

    It is when it repeats ``title``, or is one short line that lacks final punctuation or is in Title Case:
    "Air Strike Kills Five Near Border" or "US strikes militia in Syria".
    """
    if n_paragraphs < 2 or "\n" in first.strip():
        return False
    if title and _norm(title) == _norm(first):
        return True
    words = _WORD.findall(first)
    if not words or len(words) > 30:
        return False
    if first.rstrip()[-1:] not in ".!?\"'\u201d\u2019":
        return True
    long = [w for w in words if len(w) >= 4]
    return bool(long) and sum(w[0].isupper() for w in long) / len(long) >= 0.6


def labelled_first_line(text: str, start: int, end: int) -> Found | None:
    """The headline claim of a first paragraph that ``is_headline`` took for a sentence because it ends with a
    full stop ("Marr: Bridge will reopen before winter."): one line of at most 20 words opening with a label."""
    if "\n" in text[start:end] or len(text[start:end].split()) > 20 or text.find(":", start, end) < 0:
        return None
    claim = headline_claim(text, start, end)
    if claim is not None:
        label = text[claim.speaker[0]:claim.speaker[1]]
        if label.isupper() and (len(label) > 3 or " " in label):
            return None  # "KESSEL: The dam failed.": a dateline, not an acronym such as "AP" or "UN"
    return claim


def _norm(s: str) -> str:
    return " ".join(s.lower().split()).rstrip(".")


@lru_cache(maxsize=1)
def _section_labels() -> frozenset:
    return frozenset(w.lower() for w in lexicon.load("not_claims.json")["headline_labels"])


def headline_claim(text: str, start: int, end: int) -> Found | None:
    """The claim of the headline ``text[start:end]`` when a label names its speaker ("Pence: ..."), else None.

    The label is the mention (its last character stands in for the cue, the colon being no word), the rest
    of the headline the content; a label naming whom or where the speaker addressed ("Marr to Farmers:",
    "Marr at Summit:") names the speaker before "to"/"at"/"on".
    """
    if text.find(":", start, end) < 0:
        return None  # no label (both patterns end with its colon): most headlines, and the addressed-label
        # pattern costs about 0.1 ms on a line it fails
    m = _LABEL.match(text, start, end) or _ADDRESSED_LABEL.match(text, start, end)
    if m is None or m.group(1).lower() in _section_labels() or _is_place(m.group(1)) or _NO_NAME.search(m.group(1)):
        return None  # "Revealed: ...", "FIX IS IN: ...": a teaser, no speaker
    content_end = end
    while content_end > m.end() and text[content_end - 1] in _TRAIL:
        content_end -= 1
    if len(text[m.end():content_end].split()) < 2:
        return None
    return Found("indirect", (m.end(), content_end), (start, end), (m.end(1), m.end(1) + 1), (m.start(1), m.end(1)))


def labelled_quotes(text: str, paras, quotes) -> list[Found]:
    """Claims of the paragraphs made of a label and one quotation: 'Tessa Marr: "We will rebuild."' -> a
    direct claim of Tessa Marr. The quotation must run to the paragraph's end (after its closing mark only
    punctuation), so a label before prose ("Update: the road reopened") frames nothing here.

    >>> from ledger.text.sentences import paragraphs
    >>> from ledger.reading.claims.quotes import find_quotes
    >>> t = 'Tessa Marr: "We will rebuild the bridge."'
    >>> [(t[c.speaker[0]:c.speaker[1]], t[c.content[0]:c.content[1]]) for c in labelled_quotes(t, paragraphs(t), find_quotes(t, paragraphs(t)))]
    [('Tessa Marr', 'We will rebuild the bridge.')]
    """
    found: list[Found] = []
    k = 0
    for para in paras:
        while k < len(quotes) and quotes[k].open < para.start:
            k += 1
        if k >= len(quotes) or quotes[k].open >= para.end or text.find(":", para.start, quotes[k].open) < 0:
            continue
        q = quotes[k]
        m = _LABEL.match(text, para.start, para.end)
        if m is None or m.end() != q.open or m.group(1).lower() in _section_labels() or _is_place(m.group(1)) \
                or _NO_NAME.search(m.group(1)):
            continue
        after = close_end(text, q)
        if text[after:para.end].strip(" \t\n.,;!?") or len(text[q.start:q.end].split()) < 2:
            continue
        found.append(Found("direct", (q.start, q.end), (para.start, para.end), (m.end(1), m.end(1) + 1),
                           (m.start(1), m.end(1))))
    return found


_NO_NAME = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|will|here|this|these)\b")  # a clause, no name


def _is_place(label: str) -> bool:
    """"Syria: ..." is a topic, not the Syrian government speaking."""
    entry = lookup(label)
    return (entry is not None and entry.type == "government") or label.endswith(("ia", "stan", "land"))


__all__ = ["headline_claim", "is_headline", "labelled_first_line", "labelled_quotes"]
