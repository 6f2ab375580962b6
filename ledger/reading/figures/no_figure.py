"""Silence as evidence: a party saying it has, or gives, no number.

"The US did not provide information on casualties" is not zero casualties; it is a source declining to
give a figure, which the reconciler must not read as agreement or contradiction. ``find_no_figure`` finds
these statements and returns them as figures with ``no_figure=True`` and no bounds; the metric comes from
the words they are about (casualties or a toll of casualties are killed and wounded, one record each;
deaths are killed; injuries are wounded).

    >>> [(f.metric, f.span.text) for f in find_no_figure("Officials declined to give a death toll.")]
    [('killed', 'declined to give a death toll')]

The patterns are data (``ledger/vocab/no_figure.json``), compiled and checked once.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.text.phrases import (folded_for_ignorecase, lowercase_twin, lowered, phrase_trie,
                                           start_lookahead)
from ledger.reading.types import METRICS, Figure, Span

CASUALTIES = ("killed", "wounded")


@dataclass(frozen=True, slots=True)
class _Patterns:
    """no_figure.json compiled."""

    anchors: re.Pattern
    anchors_lower: re.Pattern
    anchor_at: re.Pattern
    cue_then_subject: re.Pattern
    standalone: re.Pattern
    subject: re.Pattern
    subject_groups: tuple[str, ...]
    reach: tuple[int, int]
    anchor_word: re.Pattern  # an anchor at a given offset of lowercased text, as ``anchors_lower`` reads it
    anchor_words: tuple[str, ...]
    lowercase: tuple[re.Pattern, re.Pattern, re.Pattern] | None = None  # the last three, for folded text


def _spaced(pattern: str) -> str:
    """A lexicon pattern with each space matching any whitespace."""
    return pattern.replace(" ", r"\s+")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The no-figure patterns, compiled once; raises ValueError naming a pattern that does not compile."""
    data = lexicon.load("no_figure.json")
    missing = {"cues", "standalone", "subjects", "max_gap_chars", "anchors", "reach_before", "reach_after"}
    missing -= set(data)
    if missing:
        raise ValueError(f"no_figure.json: missing {sorted(missing)}")
    subjects = data["subjects"]
    for metric in subjects:
        if metric != "casualties" and metric not in METRICS:
            raise ValueError(f"no_figure.json: unknown metric {metric!r}")
    groups = tuple(subjects)
    subject = "|".join(f"(?P<{m}>" + "|".join(_spaced(p) for p in subjects[m]) + ")" for m in groups)
    # the subject follows the refusal in the same sentence, with no number between
    gap = rf"[^.;!?\d]{{0,{int(data['max_gap_chars'])}}}?"
    cues, standalone = "|".join(map(_spaced, data["cues"])), "|".join(map(_spaced, data["standalone"]))
    # searched at every offset of their windows, they open with alternations of groups: see start_lookahead
    try:
        found = _Patterns(
            # a non-word character, then a word every such statement holds: a fast scan finds the few
            # places worth trying the patterns at
            anchors=re.compile(rf"\W(?={phrase_trie(data['anchors'])})", re.IGNORECASE),
            anchors_lower=re.compile(rf"\W(?={phrase_trie(data['anchors'])})", re.ASCII),  # faster; a superset
            anchor_at=re.compile(phrase_trie(data["anchors"]), re.IGNORECASE),
            cue_then_subject=re.compile(rf"\b{start_lookahead(cues)}(?:{cues})\b{gap}\b(?:{subject})\b",
                                        re.IGNORECASE),
            standalone=re.compile(rf"\b{start_lookahead(standalone)}(?:{standalone})\b", re.IGNORECASE),
            subject=re.compile(rf"\b(?:{subject})\b", re.IGNORECASE),
            subject_groups=groups,
            reach=(int(data["reach_before"]), int(data["reach_after"])),
            anchor_word=re.compile(phrase_trie(data["anchors"]), re.ASCII),
            anchor_words=tuple(data["anchors"]),
        )
    except re.error as error:
        raise ValueError(f"no_figure.json: a pattern does not compile: {error}") from error
    twins = tuple(lowercase_twin(p) for p in (found.cue_then_subject, found.standalone, found.subject))
    return replace(found, lowercase=twins if None not in twins else None)


def _metrics(m: re.Match) -> tuple[str, ...]:
    """The metrics a matched subject names: casualties are killed and wounded."""
    named = next((g for g in _patterns().subject_groups if m.group(g) is not None), "casualties")
    return CASUALTIES if named == "casualties" else (named,)


def _records(text: str, start: int, end: int, metrics: tuple[str, ...]) -> list[Figure]:
    """One no-figure record per metric, all sharing the statement's span."""
    span = Span.of(text, start, end)
    return [Figure(metric, None, None, None, span, no_figure=True) for metric in metrics]


def find_no_figure(text: str, start: int = 0, end: int | None = None, starts: list[int] | None = None
                   ) -> list[Figure]:
    """Every statement in ``text[start:end]`` that a party gives, or has, no figure; ordered by position.
    ``starts`` (``word_starts.word_starts(text).anchors``) saves the scan for anchor words.

    >>> [(f.metric, f.no_figure) for f in find_no_figure("It did not say how many people were wounded.")]
    [('wounded', True)]
    """
    end = len(text) if end is None else min(end, len(text))
    found: list[Figure] = []
    for window_start, window_end in _windows(text, max(0, start), end, starts):
        found += _statements(text, window_start, window_end, found)
    return sorted(found, key=lambda f: (f.span.start, METRICS.index(f.metric)))


def _windows(text: str, start: int, end: int, starts: list[int] | None = None) -> list[tuple[int, int]]:
    """Stretches around the anchor words ("casualties", "toll", "killed", "assessment"), merged."""
    p = _patterns()
    before, after = p.reach
    windows: list[tuple[int, int]] = []
    at_start = [start] if p.anchor_at.match(text, start, end) else []
    folded = lowered(text)  # scanning lowercased text without IGNORECASE is several times faster
    if starts is not None and end == len(text):
        anchors = starts[bisect_right(starts, max(0, start - 1)):]  # what the scan below finds from start - 1
    else:
        pattern, scanned = (p.anchors_lower, folded) if folded is not None else (p.anchors, text)
        anchors = [m.end() for m in pattern.finditer(scanned, max(0, start - 1), end)]
    for anchor in at_start + anchors:
        window = (max(start, anchor - before), min(end, anchor + after))
        if windows and window[0] <= windows[-1][1]:
            windows[-1] = (windows[-1][0], window[1])
        else:
            windows.append(window)
    return windows


def _statements(text: str, start: int, end: int, known: list[Figure]) -> list[Figure]:
    """The no-figure statements in one window that are not already ``known``."""
    p = _patterns()
    seen = {f.span.start for f in known}
    found: list[Figure] = []
    scanned, cue_then_subject, standalone, subject_pattern = text, p.cue_then_subject, p.standalone, p.subject
    folded = folded_for_ignorecase(text) if p.lowercase is not None else None
    if folded is not None:  # the same matches, found faster (offsets are the same)
        scanned, (cue_then_subject, standalone, subject_pattern) = folded, p.lowercase
    for m in cue_then_subject.finditer(scanned, start, end):
        if m.start() not in seen:
            found += _records(text, m.start(), m.end(), _metrics(m))
    for m in standalone.finditer(scanned, start, end):
        if m.start() in seen or any(f.span.start <= m.start() < f.span.end for f in found):
            continue
        subject = subject_pattern.search(scanned, m.start(), m.end())
        found += _records(text, m.start(), m.end(), _metrics(subject) if subject else CASUALTIES)
    return found
