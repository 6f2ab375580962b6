"""Storing one article with everything extracted from it, in the caller's transaction.

``store_article`` is all-or-nothing by construction: the caller opens one transaction per article, and
every check (the span invariant above all) runs before anything is written, so a failure leaves no trace.
Re-ingesting the same text is a no-op ("already present"); with ``reextract`` an article already present
has its ``auto`` claims replaced while the claims an analyst confirmed, edited or rejected stay as they are.

``store_batch`` stores a batch of articles the same way in a handful of statements for the whole batch (the
articles, their sources, claims and figures), where a statement per article cost more than the work itself;
only the events are matched article after article, since an article may report an event the one before it
created.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from ledger.conflicts import mark_stale
from ledger.db import insert_ignoring_duplicates, insert_new_returning, lock_events
from ledger.errors import SpanError
from ledger.reading.types import Claim, Span
from ledger.ingest.article import ArticleInput
from ledger.ingest.event_store import assign_events
from ledger.models import Article, Claim as ClaimRow, Figure as FigureRow, utcnow
from ledger.sources import SourceResolver


_INSERT_CLAIMS = insert(ClaimRow.__table__)
_NEWEST_CLAIMS = (select(ClaimRow.__table__.c.id)
                  .where(ClaimRow.__table__.c.article_id.in_(bindparam("articles", expanding=True)))
                  .order_by(ClaimRow.__table__.c.id.desc()).limit(bindparam("n")))
_IDS_BY_SHA = select(Article.__table__.c.sha256, Article.__table__.c.id).where(
    Article.__table__.c.sha256.in_(bindparam("shas", expanding=True)))
_INSERT_FIGURES = insert(FigureRow.__table__)
_LINK_PIECES = (update(ClaimRow.__table__).where(ClaimRow.__table__.c.id == bindparam("claim_id"))
                .values(continues_id=bindparam("continues")))


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
    """Store the article and its claims; returns whether it was new and what it touched. The caller has
    checked its spans (``check_spans``) before opening the write: a refusal then writes nothing."""
    article = extraction.article
    lock_events(session)  # PostgreSQL: one writer at a time from here (see SourceResolver.learn_many)
    existing = session.scalar(select(Article).where(Article.sha256 == article.sha256)) if reextract else None
    if existing is None:
        article_id = _insert_article(session, extraction)
        if article_id is None:  # stored before (or by a concurrent writer a moment ago)
            return Stored(session.scalar(select(Article.id).where(Article.sha256 == article.sha256)), new=False)
        kept: list[ClaimRow] = []
    else:
        article_id = existing.id
        kept = _drop_auto_claims(session, existing, extraction.extractor_version)
    kept_spans = {(c.content_start, c.content_end) for c in kept}  # an analyst decided these already
    claims, rows, event_ids = _claim_rows(session, extraction, article_id, resolver, kept_spans)
    _settle(rows, resolver)
    insert_claims(session, claims, rows)
    touched = {r["event_id"] for r in rows if r["event_id"] is not None} | {c.event_id for c in kept if c.event_id}
    mark_stale(session, touched - set(event_ids))  # assign_events marked its own
    return Stored(article_id, new=existing is None, claims=len(rows), event_ids=touched)


def store_batch(session: Session, extractions: list[Extraction], resolver: SourceResolver) -> list[Stored]:
    """Store these articles (spans checked, no ``reextract``) as ``store_article`` would one after the
    other, in a handful of statements for the batch: one INSERT for the articles, one read of every name
    their speakers go by, then for each article its events (matched in order: an article may report an
    event the previous one created) and its sources decided in memory, and at the end one INSERT each for
    the new sources, aliases, claims and figures."""
    lock_events(session)
    created = _insert_articles(session, extractions)
    ids = {**_stored_ids(session, [e.article.sha256 for e in extractions if e.article.sha256 not in created]),
           **created}
    resolver.prefetch([s for e in extractions if e.article.sha256 in created
                       for c in e.claims for s in (c.speaker, c.via) if s])
    stored, rows, claims, touched_all = [], [], [], set()
    for extraction in extractions:
        sha = extraction.article.sha256
        article_id = ids[sha]
        if created.pop(sha, None) is None:  # stored before, or earlier in this batch (the same text twice)
            stored.append(Stored(article_id, new=False))
            continue
        article_claims, article_rows, event_ids = _claim_rows(session, extraction, article_id, resolver)
        touched = {r["event_id"] for r in article_rows if r["event_id"] is not None}
        touched_all |= touched - set(event_ids)  # assign_events marked its own
        rows += article_rows
        claims += article_claims
        stored.append(Stored(article_id, new=True, claims=len(article_rows), event_ids=touched))
    _settle(rows, resolver)
    insert_claims(session, claims, rows)
    mark_stale(session, touched_all)
    return stored


def _claim_rows(session: Session, extraction: Extraction, article_id: int, resolver: SourceResolver,
                skip: set[tuple[int, int]] = frozenset()) -> tuple[list[Claim], list[dict], list[int]]:
    """The article's events matched (or created), and its claims, but those whose content spans are in
    ``skip``, as rows to insert, each with its event and its sources as the resolver decided them
    (provisional ids until ``_settle``); returns the claims, their rows and the article's event ids."""
    event_ids = assign_events(session, extraction.events, extraction.article)
    indices = extraction.claim_events or [None] * len(extraction.claims)
    todo = [(claim, index) for claim, index in zip(extraction.claims, indices)
            if (claim.content.start, claim.content.end) not in skip]
    speakers = [c.speaker for c, _ in todo] + [c.via for c, _ in todo if c.via]
    source_ids = dict(zip(map(id, speakers), resolver.decide(speakers, f"article:{article_id}")))
    rows = [_claim_row(claim, article_id, event_ids[index] if index is not None else None, source_ids,
                       extraction.extractor_version) for claim, index in todo]
    return [claim for claim, _ in todo], rows, event_ids


def _settle(rows: list[dict], resolver: SourceResolver) -> None:
    """Write the sources the resolver decided and give the claim rows their real source ids."""
    real = resolver.settle()
    if real:
        for row in rows:
            row["source_id"] = real.get(row["source_id"], row["source_id"])
            row["via_source_id"] = real.get(row["via_source_id"], row["via_source_id"])


def _insert_articles(session: Session, extractions: list[Extraction]) -> dict[str, int]:
    """Insert the articles not stored yet, in one statement; the id of each new one by its text's hash."""
    rows = [_article_row(e) for e in extractions]
    return dict(insert_new_returning(session, Article.__table__, rows, ["sha256"],
                                     (Article.__table__.c.sha256, Article.__table__.c.id)))


def _stored_ids(session: Session, shas: list[str]) -> dict[str, int]:
    """The ids of articles stored before (by an earlier run or a concurrent writer), by their text's hash."""
    if not shas:
        return {}
    return dict(session.connection().execute(_IDS_BY_SHA, {"shas": sorted(set(shas))}).all())


def insert_claims(session: Session, claims: list[Claim], rows: list[dict]) -> None:
    """Claims and their figures in two multi-row INSERTs (the ORM's per-object bookkeeping costs more
    than the whole extraction of an article).

    The claims' ids are read back as their articles' newest ids rather than through RETURNING, which costs
    more per row: this transaction is the only writer (see ``lock_events``), and both SQLite's row ids and
    PostgreSQL's sequence hand out increasing ids in insertion order.
    """
    if not rows:
        return
    connection = session.connection()
    connection.execute(_INSERT_CLAIMS, rows)
    articles = sorted({r["article_id"] for r in rows})
    ids = connection.execute(_NEWEST_CLAIMS, {"articles": articles, "n": len(rows)}).scalars().all()
    ids.reverse()
    _link_pieces(connection, claims, ids)
    figures = [{"claim_id": claim_id, "metric": f.metric, "population": f.population, "low": f.low,
                "high": f.high, "qualifier": f.qualifier, "vague": f.vague, "no_figure": f.no_figure,
                "text": f.span.text, "text_start": f.span.start, "text_end": f.span.end,
                "parts": [[p.start, p.end] for p in f.parts] or None, "population_note": f.population_note}
               for claim_id, claim in zip(ids, claims) for f in claim.figures]
    if figures:
        connection.execute(_INSERT_FIGURES, figures)


def _link_pieces(connection, claims: list[Claim], ids: list[int]) -> None:
    """Store ``continues`` (a later piece of an interrupted quotation names the piece before it) once the
    claims have their ids; a piece whose earlier piece is not stored (an analyst's claim kept) names none."""
    row_of = {id(c): claim_id for claim_id, c in zip(ids, claims)}
    links = [{"claim_id": claim_id, "continues": row_of[id(c.continues)]}
             for claim_id, c in zip(ids, claims) if c.continues is not None and id(c.continues) in row_of]
    if links:
        connection.execute(_LINK_PIECES, links)


def _insert_article(session: Session, extraction: Extraction) -> int | None:
    """The new article's id, or None when another writer stored the same text first."""
    return insert_ignoring_duplicates(session, Article.__table__, [_article_row(extraction)], ["sha256"],
                                      returning=Article.__table__.c.id)


def _article_row(extraction: Extraction) -> dict:
    a = extraction.article
    return {"sha256": a.sha256, "title": a.title, "url": a.url, "outlet": a.outlet, "author": a.author,
            "published": a.published,
            "published_precision": a.published_precision, "path": a.path, "record": a.record, "text": a.text,
            "extractor_version": extraction.extractor_version}


def _drop_auto_claims(session: Session, article: Article, version: str) -> list[ClaimRow]:
    kept = [c for c in article.claims if c.status != "auto"]
    stale_events = {c.event_id for c in article.claims if c.event_id is not None}
    session.execute(delete(ClaimRow).where(ClaimRow.article_id == article.id, ClaimRow.status == "auto"))
    session.expire(article, ["claims"])
    article.extractor_version = version
    mark_stale(session, stale_events)
    return kept


def _claim_row(claim: Claim, article_id: int, event_id: int | None, source_ids: dict[int, int], version: str) -> dict:
    mention, cue, context = claim.speaker.mention, claim.cue, claim.sentence
    return {
        "article_id": article_id, "event_id": event_id, "kind": claim.kind,
        "source_id": source_ids[id(claim.speaker)],
        "via_source_id": source_ids[id(claim.via)] if claim.via else None,
        "mention": mention.text if mention else None, "mention_start": _start(mention), "mention_end": _end(mention),
        "cue": cue.text if cue else None, "cue_start": _start(cue), "cue_end": _end(cue),
        "content": claim.content.text, "content_start": claim.content.start, "content_end": claim.content.end,
        "parts": [[p.start, p.end] for p in claim.parts] or None,
        "context_start": _start(context), "context_end": _end(context),
        "extractor_version": version, "status": "auto", "created_at": utcnow()}


def _start(span: Span | None) -> int | None:
    return span.start if span else None


def _end(span: Span | None) -> int | None:
    return span.end if span else None
