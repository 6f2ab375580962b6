"""The extraction pipeline: article text in, claims with speakers and figures out.

    >>> [(c.kind, c.speaker.name, c.content.text) for c in extract("Five people died, the ministry said.")]
    [('indirect', 'ministry', 'Five people died')]

Stages, each a pure function over the text with offsets (so any one can be replaced, e.g. by a statistical
model, behind the same values): paragraphs and quotations -> the headline (``headlines``: dropped, or the
claim of its label) -> sentences (quotations kept whole) -> cues (none inside quotations) -> claims
(``attribution``) -> figures (helper module ``figures``, reading the same sentence list) -> the outlet's own
figure claims (``outlet``) -> speakers (``coref``). The article is split into sentences once; the whole run
is a handful of regex scans plus light per-sentence work, about 1-3 ms for an 800-word article.
"""
from __future__ import annotations

import logging
from bisect import bisect_left

from ledger.reading.claims.attribution import Found, find_claims
from ledger.reading.claims.coref import speakers
from ledger.reading.claims.cues import find_cues
from ledger.reading.figures.figures import find_figures, find_no_figure
from ledger.reading.claims.headlines import headline_claim, is_headline
from ledger.reading.claims.outlet import outlet_claims
from ledger.reading.claims.quotes import close_end, find_quotes
from ledger.text.sentences import paragraphs, sentences
from ledger.reading.types import Claim, Figure, Span, Speaker
from ledger.reading.word_starts import WordStarts, word_starts

EXTRACTOR_VERSION = "rules-2.1"

log = logging.getLogger(__name__)


def extract(text: str, outlet: str | None = None, title: str | None = None) -> list[Claim]:
    """Every claim of the article body ``text``, ordered by content start.

    ``outlet`` names the publication (speaker of its own claims; "unknown outlet" when None); ``title`` is
    the headline when known, so that a body starting with it does not yield claims from it. Never raises:
    on an internal error the article yields no claims and the error is logged.
    """
    try:
        if not isinstance(text, str) or not text.strip():
            return []
        return _extract(text, outlet, title)
    except Exception:  # noqa: BLE001 - one odd article must never stop an ingest batch
        log.exception("extraction failed; the article yields no claims")
        return []


def _extract(text: str, outlet: str | None, title: str | None) -> list[Claim]:
    paras = paragraphs(text)
    head = None
    if paras and is_headline(paras[0].text, title, len(paras)):
        head = headline_claim(text, paras[0].start, paras[0].end)
        paras = paras[1:]
    quotes = find_quotes(text, paras)
    protected = [(q.open, close_end(text, q)) for q in quotes]
    units = sentences(text, paras, protected)
    starts = word_starts(text)  # where cues, figure words and no-figure anchors start: one scan for three
    figures = _figures(text, paras[0].start if paras else 0, len(text), [e for u in units for e in (u.start, u.end)],
                       starts)
    silent = [f.span.start for f in figures if f.no_figure]  # where a refusal may frame a claim
    found = find_claims(text, paras, units, quotes, find_cues(text, skip=[(q.start, q.end) for q in quotes],
                                                              starts=starts.cues if starts else None), silent)
    if head is not None:
        found.insert(0, head)
    by_unit = _by_span(figures, [(u.start, u.end) for u in units])
    attributed = [c for c in found if not c.outlet]
    found = _dedupe(attributed + outlet_claims(text, units, attributed + [c for c in found if c.outlet],
                                               by_unit))
    who = speakers(text, found, units, outlet)
    vias = {k: speakers(text, [Found("indirect", c.content, c.sentence, speaker=c.via)], units, outlet)[0]
            for k, c in enumerate(found) if c.via is not None}
    in_content = _by_span(figures, [c.content for c in found])
    if silent:
        _add_refusals(found, in_content, [f for f in figures if f.no_figure])
    claims = [_claim(text, c, who[k], vias.get(k), in_content[c.content]) for k, c in enumerate(found)]
    n = len(text)  # every span is sliced from ``text``: it fits when its offsets are in order and in range
    claims = [c for c in claims if c.content.text.strip() and _in_order(c.spans(), n)]
    return sorted(claims, key=lambda c: (c.content.start, c.content.end))


def _in_order(spans: list[Span], n: int) -> bool:
    """Whether every span's offsets are in order and within a text of length ``n``."""
    for s in spans:
        if not 0 <= s.start <= s.end <= n:
            return False
    return True


def _dedupe(found: list[Found]) -> list[Found]:
    """One claim per content span: the first found (an attributed one before an outlet one)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for c in found:
        if c.content not in seen:
            seen.add(c.content)
            out.append(c)
    return sorted(out, key=lambda c: c.content)


def _figures(text: str, start: int, end: int, ends: list[int], starts: WordStarts | None) -> list[Figure]:
    """Every figure (and no-figure statement) of the article, found once; [] if the figure module fails.

    The figure grammar reads each count with its whole sentence, so one call over the body gives what
    calls over each claim's content would, in one pass instead of dozens.
    """
    try:
        found = find_figures(text, start, end, ends, starts and starts.evidence) + \
            find_no_figure(text, start, end, starts and starts.anchors)
    except Exception:  # noqa: BLE001 - a figure bug must not cost the claims themselves
        log.exception("figure extraction failed; claims keep no figures")
        return []
    return sorted(found, key=lambda f: (f.span.start, f.span.end))


def _by_span(figures: list[Figure], spans: list[tuple[int, int]]) -> dict[tuple[int, int], list[Figure]]:
    """For each span, the figures lying wholly inside it."""
    if not figures:  # most articles state no figure: skip the searches
        return {(s, e): [] for s, e in spans}
    starts = [f.span.start for f in figures]
    out = {}
    for s, e in spans:
        out[(s, e)] = [f for f in figures[bisect_left(starts, s):bisect_left(starts, e)] if f.span.end <= e]
    return out


def _add_refusals(found: list[Found], in_content: dict[tuple[int, int], list[Figure]], silent: list[Figure]) -> None:
    """Give each claim the no-figure statements that start within its cue, before its content: "declined
    [to give a death toll]", "did not provide [information on casualties]". A claim's content is what follows
    its cue, so such a statement, which opens with the refusal itself, lies outside it; it is the claim's all
    the same (its figures, in ``in_content``, keyed by content span)."""
    starts = [f.span.start for f in silent]
    for c in found:
        if c.cue is None or c.cue[1] > c.content[0]:
            continue
        k = bisect_left(starts, c.cue[0])
        extra = []
        while k < len(starts) and starts[k] < c.cue[1]:
            if silent[k].span.end <= c.content[1]:
                extra.append(silent[k])
            k += 1
        if extra:
            in_content[c.content] = extra + in_content[c.content]


def _claim(text: str, c: Found, speaker: Speaker, via: Speaker | None, figures: list[Figure]) -> Claim:
    (start, end), (s_start, s_end) = c.content, c.sentence  # Span(a, b, text[a:b]) is Span.of, a call less
    cue = Span(c.cue[0], c.cue[1], text[c.cue[0]:c.cue[1]]) if c.cue else None
    return Claim(c.kind, Span(start, end, text[start:end]), speaker, cue,
                 tuple(Span(a, b, text[a:b]) for a, b in c.parts), via, Span(s_start, s_end, text[s_start:s_end]),
                 list(figures))


__all__ = ["EXTRACTOR_VERSION", "extract", "is_headline"]
