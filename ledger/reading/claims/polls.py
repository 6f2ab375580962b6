"""Polls as sources: "In a Kessel Herald poll last week, the mayor led by ten points" and "The mayor led by
ten points in the latest Herald survey" report what the poll found, with no verb of saying.

A poll cue spans "in" and the poll's noun phrase; the phrase is the speaker and the clause before or after
it the content (read like "according to", frame ``T``). The noun phrase is a determiner, one to six words
that name or qualify the poll ("the latest Herald/Valley College", "exit", "national"; a bare "he rose in
the polls" is the writer's summary, no source) and "poll(s)" or "survey(s)", then optionally a reduced
relative ("released Monday", ", conducted in May,") or a time ("last month"); it must end the clause there
(a comma, a dash, sentence punctuation or the end of the text), so "a survey of 300 households" is not read
as a source. The article is scanned once for "poll"/"survey" and the pattern tried only before each::

    >>> [text[c.start:c.end] for text in ["In a Herald poll last week, Marr led."] for c in find_poll_cues(text)]
    ['In a Herald poll last week']
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ledger.reading.claims.cues import Cue

_QUALIFIER = r"(?:[A-Z][\w.&'\u2019/-]*|latest|new|recent|national|statewide|nationwide|early|exit|public|opinion|" \
             r"online|telephone|independent|separate|other|same|most|more|[a-z]+-[a-z]+|\d{4}|[\d,]+-(?:person|voter))"
_TIME = r"(?:last|this|next)\s+(?:week|month|year|spring|summer|fall|autumn|winter)|earlier\s+this\s+(?:week|month|year)"
_POLL = re.compile(
    rf"(?<![\w'\u2019-])(?P<in>[Ii]n)\s+(?P<np>(?:(?:a|an|the|this|that|its|their|his|her|two|three|several|"
    rf"both|recent|some|many|most)\s+)?(?:{_QUALIFIER}\s+){{1,6}}(?:polls?|surveys?|polling)"
    rf"(?:,?\s+(?:released|conducted|published|taken|out|issued)(?:\s+(?!and\b|but\b)[\w-]+){{0,3}}?|\s+{_TIME})?)"
    rf"(?=\s*(?:[,;.!?\u2014\u2013)]|--|$|\s(?:and|but)\s))")


_ANCHOR_WORDS = ("poll", "survey")
_ANCHOR = re.compile("|".join(_ANCHOR_WORDS))  # a literal scan in C; the full pattern is tried only near one
_REACH = 110  # characters from "in" to the poll noun: a determiner and six qualifiers


def find_poll_cues(text: str, skip: list[tuple[int, int]] = ()) -> list[Cue]:
    """The poll cues of ``text`` in order, except those starting inside one of the sorted spans ``skip``
    (quotations). Each cue's ``verb`` is where the poll's phrase (its speaker) starts."""
    found = []
    if not any(word in text for word in _ANCHOR_WORDS):
        return found  # no anchor: substring tests cost less than the scan (most articles cite no poll)
    starts = [s for s, _ in skip]
    done = 0
    for anchor in _ANCHOR.finditer(text):
        if anchor.start() < done:
            continue
        m = _POLL.search(text, max(done, anchor.start() - _REACH), anchor.end() + 60)
        while m is not None and m.end("np") < anchor.start():
            m = _POLL.search(text, m.end(), anchor.end() + 60)  # an earlier poll's cue, already found
        if m is None:
            continue
        done = m.end()
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and skip[k][0] <= m.start() < skip[k][1]:
            continue
        found.append(Cue(m.start(), m.end(), m.start("np"), "poll", "in"))
    return found


__all__ = ["find_poll_cues"]
