"""Reviewing claims: confirm, reject, grade, edit, add the ones the extractor missed, move between events.

Each function changes claims in the caller's transaction, writes the audit log, and marks the events
whose conflicts change as stale. Status moves from ``auto`` to ``confirmed``, ``edited`` or ``rejected``;
rejected claims never reach the reconciler, and re-extraction replaces only ``auto`` claims, so an
analyst's decision survives every later ingest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ledger.db import lock_events
from ledger.errors import LedgerError, NotFound
from ledger.reading.types import CLAIM_KINDS, METRICS
from ledger.conflicts import mark_stale
from ledger.models import Article, Claim, Event, Figure, Source
from ledger.queries import find_source, get
from ledger.review.audit import claim_snapshot, record

STATUS_ACTIONS = {"confirmed": "claim.confirm", "rejected": "claim.reject"}
_BOUNDS = re.compile(r"^(?:(?P<exact>\d+)|(?P<low>\d+)(?:\+|-)|(?:<=|-)(?P<high>\d+)|(?P<a>\d+)-(?P<b>\d+))$")


@dataclass(frozen=True, slots=True)
class FigureSpec:
    """A figure typed by an analyst: ``METRIC:BOUNDS[:POPULATION][@WORDS]``.

    BOUNDS is ``5`` (exactly), ``5+`` (at least), ``<=7`` or ``-7`` (at most), ``4-7`` (a range). WORDS are the
    figure's words in the claim ("at least five"); without them the figure points at the whole claim.
    Example: ``killed:5+:fighters@at least five``.
    """

    metric: str
    low: int | None
    high: int | None
    population: str | None = None
    words: str | None = None

    @classmethod
    def parse(cls, spec: str) -> "FigureSpec":
        head, _, words = spec.partition("@")
        pieces = head.split(":")
        if len(pieces) not in (2, 3) or pieces[0] not in METRICS:
            raise LedgerError(f"figure {spec!r}: write METRIC:BOUNDS[:POPULATION][@WORDS], METRIC one of "
                              f"{', '.join(METRICS)}")
        match = _BOUNDS.match(pieces[1].replace(",", ""))
        if not match:
            raise LedgerError(f"figure {spec!r}: bounds must look like 5, 5+, <=7 or 4-7")
        g = {k: int(v) if v else None for k, v in match.groupdict().items()}
        low, high = (g["exact"], g["exact"]) if g["exact"] is not None else (g["a"], g["b"]) \
            if g["a"] is not None else (g["low"], g["high"])
        if low is not None and high is not None and low > high:
            raise LedgerError(f"figure {spec!r}: low bound above high bound")
        return cls(pieces[0], low, high, pieces[2] if len(pieces) == 3 and pieces[2] else None, words or None)

    def figure(self, article_text: str, claim_start: int, claim_end: int) -> Figure:
        start, end = claim_start, claim_end
        if self.words:
            found = article_text.find(self.words, claim_start, claim_end)
            if found < 0:
                raise LedgerError(f"figure words {self.words!r} are not in the claim")
            start, end = found, found + len(self.words)
        return Figure(metric=self.metric, population=self.population, low=self.low, high=self.high,
                      text=article_text[start:end], text_start=start, text_end=end, vague=False, no_figure=False)


def mark_edited(claim: Claim) -> None:
    """An analyst changed this claim: it is ``edited`` now (a rejected claim stays rejected)."""
    if claim.status != "rejected":
        claim.status = "edited"


def _claims(session: Session, ids: list[int]) -> list[Claim]:
    return [get(session, Claim, i, "claim") for i in ids]


def set_status(session: Session, who: str, ids: list[int], status: str) -> list[Claim]:
    """Confirm or reject claims (``status`` is ``confirmed`` or ``rejected``)."""
    claims = _claims(session, ids)
    for claim in claims:
        before = claim_snapshot(claim)
        claim.status = status
        record(session, who, STATUS_ACTIONS[status], "claim", claim.id, before, claim_snapshot(claim))
    mark_stale(session, {c.event_id for c in claims if c.event_id})
    return claims


def grade(session: Session, who: str, claim_id: int, credibility: int) -> Claim:
    """Set a claim's information credibility, 1 (confirmed by other sources) to 6 (cannot be judged)."""
    if not 1 <= credibility <= 6:
        raise LedgerError("credibility is a grade from 1 (confirmed) to 6 (cannot be judged)")
    claim = get(session, Claim, claim_id, "claim")
    before = claim_snapshot(claim)
    claim.credibility = credibility
    record(session, who, "claim.grade", "claim", claim.id, before, claim_snapshot(claim))
    return claim


def move(session: Session, who: str, claim_id: int, event_id: int | None) -> Claim:
    """Put a claim under another event (None: about no specific event)."""
    claim = get(session, Claim, claim_id, "claim")
    if event_id is not None:
        get(session, Event, event_id, "event")
    before = claim_snapshot(claim)
    stale = {claim.event_id, event_id} - {None}
    claim.event_id = event_id
    mark_edited(claim)
    record(session, who, "claim.move", "claim", claim.id, before, claim_snapshot(claim))
    mark_stale(session, stale)
    return claim


def source_named(session: Session, name: str, create: bool) -> Source:
    try:
        return find_source(session, name)
    except NotFound:
        if not create:
            raise
    source = Source(name=name, type="other", kind="organisation")
    session.add(source)
    session.flush()
    return source


def locate(text: str, words: str, near: int = 0) -> tuple[int, int]:
    """The span of ``words`` in the article: the occurrence nearest to ``near``; an error if absent."""
    found = [m.start() for m in re.finditer(re.escape(words), text)]
    if not words or not found:
        raise LedgerError(f"{words!r} is not in the article text")
    start = min(found, key=lambda s: abs(s - near))
    return start, start + len(words)


def check_span(text: str, start: int, end: int, what: str) -> None:
    if not 0 <= start < end <= len(text):
        raise LedgerError(f"{what} span {start}-{end} is outside the article (0-{len(text)})")


@dataclass(slots=True)
class ClaimChanges:
    """What an analyst changes on a claim (or sets on a new one); None leaves a field as it is."""

    source: str | None = None
    create_source: bool = False
    kind: str | None = None
    content: str | None = None
    start: int | None = None
    end: int | None = None
    mention: str | None = None
    cue: str | None = None
    event_id: int | None = None
    figures: list[FigureSpec] | None = None


def apply_changes(session: Session, claim: Claim, text: str, changes: ClaimChanges) -> None:
    """Change a claim's fields, checking every span against the article text."""
    if changes.kind is not None:
        if changes.kind not in CLAIM_KINDS:
            raise LedgerError(f"kind must be one of {', '.join(CLAIM_KINDS)}")
        claim.kind = changes.kind
    if changes.source is not None:
        claim.source_id = source_named(session, changes.source, changes.create_source).id
    if changes.start is not None or changes.end is not None:
        start = changes.start if changes.start is not None else claim.content_start
        end = changes.end if changes.end is not None else claim.content_end
        check_span(text, start, end, "content")
        claim.content_start, claim.content_end = start, end
    elif changes.content is not None:
        claim.content_start, claim.content_end = locate(text, changes.content, claim.content_start or 0)
    claim.content = text[claim.content_start:claim.content_end]
    if changes.mention is not None:
        claim.mention_start, claim.mention_end = locate(text, changes.mention, claim.content_start)
        claim.mention = changes.mention
    if changes.cue is not None:
        claim.cue_start, claim.cue_end = locate(text, changes.cue, claim.content_start)
        claim.cue = changes.cue
    if changes.event_id is not None:
        claim.event_id = get(session, Event, changes.event_id, "event").id
    if changes.figures is not None:
        claim.figures = [f.figure(text, claim.content_start, claim.content_end) for f in changes.figures]


def edit(session: Session, who: str, claim_id: int, changes: ClaimChanges) -> Claim:
    """Correct a claim the extractor got wrong; its status becomes ``edited``."""
    claim = get(session, Claim, claim_id, "claim")
    before = claim_snapshot(claim)
    stale = {claim.event_id}
    apply_changes(session, claim, claim.article.text, changes)
    claim.status = "edited"
    session.flush()
    session.refresh(claim, ["source", "figures"])
    record(session, who, "claim.edit", "claim", claim.id, before, claim_snapshot(claim))
    mark_stale(session, (stale | {claim.event_id}) - {None})
    return claim


def add(session: Session, who: str, article_id: int, changes: ClaimChanges) -> Claim:
    """A claim the extractor missed, typed by an analyst (status ``confirmed``)."""
    lock_events(session)  # an ingest storing claims of this article reads back its newest claim ids
    article = get(session, Article, article_id, "article")
    if changes.source is None or (changes.content is None and changes.start is None):
        raise LedgerError("a new claim needs --source and its content (--content WORDS or --start/--end)")
    claim = Claim(article_id=article.id, kind=changes.kind or "indirect", status="confirmed", content="",
                  content_start=0, content_end=0, extractor_version="analyst")
    if changes.start is not None and changes.end is None:
        raise LedgerError("give both --start and --end")
    apply_changes(session, claim, article.text, changes)
    session.add(claim)
    session.flush()
    session.refresh(claim, ["source", "figures"])
    record(session, who, "claim.add", "claim", claim.id, None, claim_snapshot(claim))
    mark_stale(session, {claim.event_id} - {None})
    return claim
