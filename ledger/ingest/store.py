"""Storing one article with everything extracted from it, in the caller's transaction.

``store_article`` is all-or-nothing by construction: the caller opens one transaction per article, and
every check (the span invariant above all) runs before anything is written, so a failure leaves no trace.
Re-ingesting the same text is a no-op ("already present"); with ``reextract`` an article already present
has its ``auto`` claims replaced while the claims an analyst confirmed, edited or rejected stay as they are.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ledger.db import insert_ignoring_duplicates, lock_events
from ledger.errors import SpanError
from ledger.extract.types import Claim, Span
from ledger.ingest.article import ArticleInput
from ledger.ingest.event_store import assign_events
from ledger.models import Article, Claim as ClaimRow, Figure as FigureRow
from ledger.sources import SourceResolver


@dataclass(slots=True)
class Extraction:
    """What extraction made of one article: claims, and for each claim the index of its event draft."""

    article: ArticleInput
    claims: list[Claim]
    events: list = field(default_factory=list)
    claim_events: list[int | None] = field(default_factory=list)
    extractor_version: str = ""


@dataclass(slots=True)
class Stored:
    """The outcome for one article."""

    article_id: int
    new: bool
    claims: int = 0
    event_ids: set[int] = field(default_factory=set)


def check_spans(text: str, claims: list[Claim]) -> None:
    """Refuse the article if any span does not fit its text (``text[start:end] == content``)."""
    for claim in claims:
        if not claim.content.text.strip():
            raise SpanError(f"empty claim content at {claim.content.start}")
        for span in claim.spans():
            if not span.fits(text):
                raise SpanError(f"span {span.start}-{span.end} {span.text[:40]!r} does not fit the article text")


def store_article(session: Session, extraction: Extraction, resolver: SourceResolver,
                  reextract: bool = False) -> Stored:
    """Store the article and its claims; returns whether it was new and what it touched."""
    article = extraction.article
    check_spans(article.text, extraction.claims)
    existing = session.scalar(select(Article).where(Article.sha256 == article.sha256))
    if existing is not None and not reextract:
        return Stored(existing.id, new=False)
    if existing is None:
        article_id = _insert_article(session, extraction)
        if article_id is None:  # a concurrent writer stored the same text a moment ago
            return Stored(session.scalar(select(Article.id).where(Article.sha256 == article.sha256)), new=False)
        kept: list[ClaimRow] = []
    else:
        article_id = existing.id
        kept = _drop_auto_claims(session, existing, extraction.extractor_version)
    origin = f"article:{article_id}"
    event_ids = assign_events(session, extraction.events, article)
    kept_spans = {(c.content_start, c.content_end) for c in kept}
    rows = []
    for claim, event_index in zip(extraction.claims, extraction.claim_events or [None] * len(extraction.claims)):
        if (claim.content.start, claim.content.end) in kept_spans:
            continue  # an analyst already decided about this claim
        event_id = event_ids[event_index] if event_index is not None else None
        rows.append(_claim_row(claim, article_id, event_id, resolver, origin, extraction.extractor_version))
    session.add_all(rows)
    session.flush()
    touched = {r.event_id for r in rows if r.event_id is not None} | {c.event_id for c in kept if c.event_id}
    mark_stale(session, touched)
    return Stored(article_id, new=existing is None, claims=len(rows), event_ids=touched)


def _insert_article(session: Session, extraction: Extraction) -> int | None:
    """The new article's id, or None when another writer stored the same text first."""
    a = extraction.article
    return insert_ignoring_duplicates(session, Article.__table__, [{
        "sha256": a.sha256, "title": a.title, "url": a.url, "outlet": a.outlet, "author": a.author,
        "published": a.published, "path": a.path, "record": a.record, "text": a.text,
        "extractor_version": extraction.extractor_version}], ["sha256"], returning=Article.__table__.c.id)


def _drop_auto_claims(session: Session, article: Article, version: str) -> list[ClaimRow]:
    kept = [c for c in article.claims if c.status != "auto"]
    stale_events = {c.event_id for c in article.claims if c.event_id is not None}
    session.execute(delete(ClaimRow).where(ClaimRow.article_id == article.id, ClaimRow.status == "auto"))
    session.expire(article, ["claims"])
    article.extractor_version = version
    mark_stale(session, stale_events)
    return kept


def _claim_row(claim: Claim, article_id: int, event_id: int | None, resolver: SourceResolver, origin: str,
               version: str) -> ClaimRow:
    mention, cue, context = claim.speaker.mention, claim.cue, claim.sentence
    return ClaimRow(
        article_id=article_id, event_id=event_id, kind=claim.kind,
        source_id=resolver.resolve(claim.speaker, origin),
        via_source_id=resolver.resolve(claim.via, origin) if claim.via else None,
        mention=mention.text if mention else None, mention_start=_start(mention), mention_end=_end(mention),
        cue=cue.text if cue else None, cue_start=_start(cue), cue_end=_end(cue),
        content=claim.content.text, content_start=claim.content.start, content_end=claim.content.end,
        parts=[[p.start, p.end] for p in claim.parts] or None,
        context_start=_start(context), context_end=_end(context),
        extractor_version=version, status="auto",
        figures=[FigureRow(metric=f.metric, population=f.population, low=f.low, high=f.high,
                           qualifier=f.qualifier, vague=f.vague, no_figure=f.no_figure, text=f.span.text,
                           text_start=f.span.start, text_end=f.span.end,
                           parts=[[p.start, p.end] for p in f.parts] or None) for f in claim.figures])


def _start(span: Span | None) -> int | None:
    return span.start if span else None


def _end(span: Span | None) -> int | None:
    return span.end if span else None


def mark_stale(session: Session, event_ids: set[int]) -> None:
    """Note that these events' conflicts must be recomputed (in the same transaction as the change)."""
    from ledger.models import Event

    if event_ids:
        lock_events(session)
        session.query(Event).filter(Event.id.in_(event_ids)).update({"conflicts_stale": True},
                                                                    synchronize_session=False)
