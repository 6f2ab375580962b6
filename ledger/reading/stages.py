"""The reading pipeline: a document in, claims with speakers, figures and events out.

    >>> [(c.kind, c.speaker.name, c.content.text) for c in extract("Five people died, the ministry said.")]
    [('indirect', 'ministry', 'Five people died')]

``STAGES`` is the ordered tuple of stages. Each is a function over the :class:`Document` (read once:
paragraphs, headline, quotations, sentences, lowercased text, word starts) that fills some fields of the
:class:`Work` the stages share, so any one can be replaced (e.g. by a statistical model), benchmarked or
tested alone behind the same values:

- ``figures``: every figure and no-figure statement of the body (module ``figures``);
- ``claims``: cues (none inside quotations), claims (``attribution``), the headline's claim and labelled
  quotations (``headlines``), the outlet's own figure claims (``outlet``);
- ``speakers``: each claim's speaker (``coref``) and figures, as :class:`Claim` values; an interrupted
  quotation becomes one claim per quoted piece (``pieces``), each later piece ``continues`` the one before;
- ``events``: which claims tell which event (``ledger.reading.events``); a claim telling two events comes
  back split in two.

A stage's exception is not caught here: ``ledger.reading.read`` turns it into a Problem naming the article,
so that nothing is stored for it and a re-run tries it again.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable

from ledger.reading.claims.attribution import Found, find_claims
from ledger.reading.claims.coref import speakers as find_speakers
from ledger.reading.claims.introduced import Layout
from ledger.reading.claims.cues import find_cues
from ledger.reading.claims.headlines import headline_claim, labelled_first_line, labelled_quotes
from ledger.reading.claims.outlet import outlet_claims
from ledger.reading.claims.nouns import find_noun_cues
from ledger.reading.claims.pieces import split_pieces
from ledger.reading.claims.polls import find_poll_cues
from ledger.reading.claims.relays import without_relays
from ledger.reading.claims.quotes import close_end
from ledger.reading.document import Document
from ledger.reading.events import group_events
from ledger.reading.events.types import EventDraft
from ledger.reading.figures.figures import find_figures, find_no_figure
from ledger.reading.types import Claim, Figure, Span, Speaker

EXTRACTOR_VERSION = "rules-2.1"


@dataclass(slots=True)
class Work:
    """What the stages have found so far in one document; each stage reads some fields and fills others."""

    figures: list[Figure] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    by_unit: dict[tuple[int, int], list[Figure]] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    events: list[EventDraft] = field(default_factory=list)
    claim_events: list[int | None] = field(default_factory=list)


Stage = Callable[[Document, Work], None]


def figures(doc: Document, work: Work) -> None:
    """Every figure (and no-figure statement) of the body, found once.

    The figure grammar reads each count with its whole sentence, so one call over the body gives what
    calls over each claim's content would, in one pass instead of dozens.
    """
    text, starts = doc.text, doc.starts
    ends = [e for u in doc.sentences for e in (u.start, u.end)]
    found = find_figures(text, doc.body_start, len(text), ends, starts and starts.evidence) + \
        find_no_figure(text, doc.body_start, len(text), starts and starts.anchors)
    work.figures = sorted(found, key=lambda f: (f.span.start, f.span.end))


def claims(doc: Document, work: Work) -> None:
    """The claims of the article (content, cue, speaker mention), before their speakers are resolved."""
    text, units = doc.text, doc.sentences
    silent = [f.span.start for f in work.figures if f.no_figure]  # where a refusal may frame a claim
    quoted = [(q.start, q.end) for q in doc.quotes]
    cues = find_cues(text, skip=quoted, starts=doc.starts.cues if doc.starts else None)
    extra = find_poll_cues(text, quoted) + find_noun_cues(text, quoted)
    if extra:  # "in the latest Herald poll", "the ministry's claim that": rare, merged only when found
        cues = sorted(cues + extra, key=lambda c: c.start)
    found = find_claims(text, doc.paragraphs, units, doc.quotes, cues, silent)
    if doc.quotes:
        labelled = labelled_quotes(text, doc.paragraphs, doc.quotes)
        if labelled:  # 'Tessa Marr: "We will rebuild."': ahead of an unattributed reading of the same quote
            found = _merged(labelled, found)
    if doc.headline_span is not None:
        head = headline_claim(text, doc.headline_span.start, doc.headline_span.end)
        if head is not None:
            found.insert(0, head)
    elif doc.paragraphs and len(doc.paragraphs) > 1:
        first = doc.paragraphs[0]
        head = labelled_first_line(text, first.start, first.end)
        if head is not None and not any(c.content[0] < first.end for c in found):
            found.insert(0, head)  # "Marr: Bridge will reopen." read as a sentence, no other claim in it
    work.by_unit = _by_span(work.figures, [(u.start, u.end) for u in units])
    attributed = [c for c in found if not c.outlet]
    work.found = _dedupe(attributed + outlet_claims(text, units, attributed + [c for c in found if c.outlet],
                                                    work.by_unit))


def speakers(doc: Document, work: Work) -> None:
    """Each claim's speaker (and the speaker it was relayed through) and figures, as Claim values."""
    text, units, found = doc.text, doc.sentences, work.found
    who = find_speakers(text, found, units, doc.outlet,
                        Layout(text, doc.paragraphs, [(q.open, close_end(text, q)) for q in doc.quotes],
                               doc.headline_span, units))
    vias = {k: find_speakers(text, [Found("indirect", c.content, c.sentence, speaker=c.via)], units, doc.outlet)[0]
            for k, c in enumerate(found) if c.via is not None}
    if any(c.parts for c in found):  # interrupted quotations: one claim per quoted piece
        pieces = split_pieces(text, found, {(q.start, q.end) for q in doc.quotes})
        found, of = [c for c, _, _ in pieces], [k for _, k, _ in pieces]
        previous = [p for _, _, p in pieces]
    else:
        of, previous = range(len(found)), ()
    in_content = _without_nested(_by_span(work.figures, [c.content for c in found]))
    silent = [f for f in work.figures if f.no_figure]
    if silent:
        _add_refusals(found, in_content, silent)
    made = [_claim(text, c, who[of[j]], vias.get(of[j]), in_content[c.content]) for j, c in enumerate(found)]
    for j, p in enumerate(previous):
        if p is not None:
            made[j].continues = made[p]
    n = len(text)  # every span is sliced from ``text``: it fits when its offsets are in order and in range
    kept = [c for c in made if c.content.text.strip() and _in_order(c.spans(), n)]
    if len(kept) < len(made):
        ids = {id(c) for c in kept}
        for c in kept:
            if c.continues is not None and id(c.continues) not in ids:
                c.continues = None
    made = without_relays(text, kept, doc.outlet)  # "CNN reported the governor said ...": the governor's
    work.claims = sorted(made, key=lambda c: (c.content.start, c.content.end))


def events(doc: Document, work: Work) -> None:
    """Which claims tell which event; a claim telling two events is split in two."""
    grouped = group_events(doc.text, doc.published, work.claims, title=doc.headline,
                           published_precision=doc.published_precision, sentences=doc.covering_sentences())
    work.claims = _relinked(list(grouped.claims))
    work.events = list(grouped.events)
    work.claim_events = list(grouped.claim_events)


CLAIM_STAGES: tuple[Stage, ...] = (figures, claims, speakers)
STAGES: tuple[Stage, ...] = CLAIM_STAGES + (events,)


def run(doc: Document, stages: tuple[Stage, ...]) -> Work:
    """The stages' work over ``doc``, in order (a stage's exception propagates)."""
    work = Work()
    for stage in stages:
        stage(doc, work)
    return work


def extract(text: str, outlet: str | None = None, title: str | None = None) -> list[Claim]:
    """Every claim of the article body ``text``, ordered by content start, before events are read (the
    claim stages alone: what a test of the claims, speakers and figures asks for).

    ``outlet`` names the publication (speaker of its own claims; "unknown outlet" when None); ``title`` is
    the headline when known, so that a body starting with it does not yield claims from it. A stage's
    exception propagates.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    return run(Document.read(text, outlet, title), CLAIM_STAGES).claims


def _merged(labelled: list[Found], found: list[Found]) -> list[Found]:
    """``found`` (in reading order) with each of ``labelled`` before the first claim of its paragraph or later."""
    out, k = [], 0
    for c in found:
        while k < len(labelled) and labelled[k].sentence[0] <= c.sentence[0]:
            out.append(labelled[k])
            k += 1
        out.append(c)
    return out + labelled[k:]


def _relinked(claims: list[Claim]) -> list[Claim]:
    """``claims`` with each ``continues`` pointing into the list again: a piece the events stage split or
    copied is found by where it starts (None when it is gone)."""
    ids = {id(c) for c in claims}
    if all(c.continues is None or id(c.continues) in ids for c in claims):
        return claims
    by_start = {c.content.start: c for c in reversed(claims)}
    for c in claims:
        if c.continues is not None and id(c.continues) not in ids:
            c.continues = by_start.get(c.continues.content.start)
    return claims


def _in_order(spans: list[Span], n: int) -> bool:
    """Whether every span's offsets are in order and within a text of length ``n``."""
    for s in spans:
        if not 0 <= s.start <= s.end <= n:
            return False
    return True


def _dedupe(found: list[Found]) -> list[Found]:
    """One claim per content span (per party, for "X and Y said"): the first found (an attributed one before
    an outlet one)."""
    seen: set = set()
    out = []
    for c in found:
        key = (c.content, c.speaker) if c.joint else c.content  # "X and Y said": one claim per party
        if key not in seen:
            seen.add(key)
            out.append(c)
    return sorted(out, key=lambda c: c.content)


def _without_nested(in_content: dict[tuple[int, int], list[Figure]]) -> dict[tuple[int, int], list[Figure]]:
    """A figure inside a claim nested in another ("the coalition denied strikes which rebels said killed 100
    people") is the inner speaker's figure only: the outer claim does not state it a second time."""
    spans = [span for span, figures in in_content.items() if figures]
    out = dict(in_content)
    for outer in spans:
        inner = [(s, e) for s, e in in_content if outer[0] <= s and e <= outer[1] and (s, e) != outer]
        if inner:
            out[outer] = [f for f in in_content[outer]
                          if not any(s <= f.span.start and f.span.end <= e for s, e in inner)]
    return out


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


__all__ = ["CLAIM_STAGES", "EXTRACTOR_VERSION", "STAGES", "Stage", "Work", "extract", "run"]
