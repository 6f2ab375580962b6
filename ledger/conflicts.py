"""Conflicts in the database: feeding the reconciler from stored claims and keeping its findings.

The reconciler (``ledger.reconcile``) is pure: figure facts in, conflicts out. This module reads the facts
of an event (rejected claims never count), stores the conflicts it finds so that the SQLite file shows
them to people who never run the CLI, and recomputes only events marked stale by a change.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable, Iterator

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session, aliased

from ledger import reconcile
from ledger.db import lock_events, writing
from ledger.export import claim_query, event_ref, figure_dict
from ledger.models import Article, Claim, Conflict, ConflictClaim, Event, Figure, Source, utcnow

STALE_BATCH = 200
PAGE_EVENTS = 500
BRIEF_BATCH = 500  # claim ids per query: well under every backend's limit on bound parameters
_CONFLICTS = Conflict.__table__


def load_facts(session: Session, event_ids: Iterable[int]) -> list[reconcile.FigureFact]:
    """The figure facts of these events: every figure of every claim that is not rejected. Read as plain
    columns (no ORM objects): a refresh after a large ingest reads every figure of thousands of events."""
    event_ids = list(event_ids)
    if not event_ids:
        return []
    via = aliased(Source)
    affiliation = aliased(Source)
    rows = session.execute(
        select(Claim.id, Figure.id, Claim.event_id, Source.id, Source.name, Source.type, affiliation.name,
               Source.reliability, Claim.article_id, Article.outlet, Article.published, Figure.metric,
               Figure.population, Figure.low, Figure.high, Figure.qualifier, Figure.vague, Figure.no_figure,
               Figure.text, via.name, Claim.kind)
        .join(Claim, Claim.id == Figure.claim_id)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(affiliation, affiliation.id == Source.affiliation_id)
        .outerjoin(via, via.id == Claim.via_source_id)
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.event_id.in_(event_ids), Claim.status != "rejected")
        .order_by(Claim.event_id, Claim.id, Figure.id))
    facts = []
    for row in rows:
        fact = dict(zip(_FACT_FIELDS, row))
        fact["published"] = parse_published(fact["published"])
        facts.append(reconcile.FigureFact(**fact))
    return facts


# The FigureFact field each column of load_facts' query fills, in the query's order.
_FACT_FIELDS = ("claim_id", "figure_id", "event_id", "source_id", "source_name", "source_type",
                "source_affiliation", "source_reliability", "article_id", "outlet", "published", "metric",
                "population", "low", "high", "qualifier", "vague", "no_figure", "text", "via", "claim_kind")


def parse_published(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def refresh_events(session: Session, event_ids: Iterable[int]) -> None:
    """Recompute and store the conflicts of these events (in the caller's transaction)."""
    event_ids = sorted(set(event_ids))
    if not event_ids:
        return
    lock_events(session)
    connection = session.connection()
    found = reconcile.reconcile(load_facts(session, event_ids))
    connection.execute(delete(_CONFLICTS).where(_CONFLICTS.c.event_id.in_(event_ids)))
    if found:
        now = utcnow()
        connection.execute(insert(_CONFLICTS), [
            {"event_id": f.event_id, "metric": f.metric, "population": f.population, "severity": f.severity,
             "size": f.size, "summary": f.summary, "sources": list(f.sources), "sides": [list(s) for s in f.sides],
             "compatible": list(f.compatible), "details": extra_fields(f), "computed_at": now} for f in found])
        # read back rather than RETURNING, which SQLite can only keep in order one row per statement: these
        # events' conflicts are the ones just inserted (the rest were deleted above, and this transaction is
        # the only writer, see lock_events), and ids grow in insertion order on both backends
        ids = connection.execute(select(_CONFLICTS.c.id).where(_CONFLICTS.c.event_id.in_(event_ids))
                                 .order_by(_CONFLICTS.c.id)).scalars().all()
        links = [{"conflict_id": conflict_id, "claim_id": claim_id, "side": f.side_of_claim(claim_id)}
                 for conflict_id, f in zip(ids, found) for claim_id in sorted(set(f.claims))]
        connection.execute(insert(ConflictClaim.__table__), links)
    connection.execute(update(Event.__table__).where(Event.__table__.c.id.in_(event_ids))
                       .values(conflicts_stale=False))


def extra_fields(found: reconcile.Conflict) -> dict[str, Any]:
    """What a conflict carries beyond the contract's fields: who is a party, notes, the revision chain."""
    return {k: v for k, v in found.extras().items() if v not in (None, [], {})}


def refresh_stale(engine: Engine) -> int:
    """Recompute every event marked stale (after an ingest, or one that was killed before it got here)."""
    done = 0
    while True:
        with writing(engine) as session:
            stale = list(session.scalars(select(Event.id).where(Event.conflicts_stale.is_(True))
                                         .order_by(Event.id).limit(STALE_BATCH)))
            refresh_events(session, stale)
        done += len(stale)
        if len(stale) < STALE_BATCH:
            return done


def stored(session: Session, event_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Stored conflicts as contract dicts, by event and severity."""
    return list(iter_stored(session, event_ids))


def iter_stored(session: Session, event_ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """Stored conflicts as contract dicts, by event (date, then id) and id, read ``PAGE_EVENTS`` events at a
    time: the whole report of a ledger of a million articles streams in flat memory."""
    from ledger.export import conflict_dict

    order = select(Event.id).where(Event.id.in_(select(Conflict.event_id))).order_by(Event.date, Event.id)
    if event_ids:
        order = order.where(Event.id.in_(event_ids))
    ordered = list(session.scalars(order))
    for start in range(0, len(ordered), PAGE_EVENTS):
        page = ordered[start:start + PAGE_EVENTS]
        rank = {event_id: k for k, event_id in enumerate(page)}
        query = select(Conflict, Event).join(Event, Event.id == Conflict.event_id).where(Conflict.event_id.in_(page))
        rows = sorted(session.execute(query), key=lambda row: (rank[row[1].id], row[0].id))
        # the claims as plain ids, not through the relationship: its objects would point back at their
        # conflict, and such cycles wait for a full garbage collection, which a long report may not see
        claims: dict[int, list[int]] = {}
        for conflict_id, claim_id in session.execute(
                select(ConflictClaim.conflict_id, ConflictClaim.claim_id).join(Conflict)
                .where(Conflict.event_id.in_(page))):
            claims.setdefault(conflict_id, []).append(claim_id)
        yield from (conflict_dict(c, e, claims.get(c.id, [])) for c, e in rows)
        session.expunge_all()


def as_of(session: Session, when: date, event_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Conflicts as they stood on a date: computed from the claims published by then, never stored."""
    if not event_ids:
        event_ids = list(session.scalars(select(Event.id)))
    events = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(event_ids)))}
    found = reconcile.reconcile(load_facts(session, event_ids), as_of=when)
    return [{"id": n, "event": event_ref(events[c.event_id]), **c.contract()} for n, c in enumerate(found, 1)]


def claim_briefs(session: Session, claim_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """What the conflict report shows of each claim behind a conflict or an estimate, by id: its source's
    name, its figures (no-figure statements too, in the article's order), content, outlet and date."""
    ids, briefs = sorted(set(claim_ids)), {}
    for start in range(0, len(ids), BRIEF_BATCH):
        for claim in session.scalars(claim_query().where(Claim.id.in_(ids[start:start + BRIEF_BATCH]))).unique():
            briefs[claim.id] = {"id": claim.id, "source": claim.source.name,
                                "figures": [figure_dict(f) for f in claim.figures], "content": claim.content,
                                "outlet": claim.article.outlet, "published": claim.article.published}
        session.expunge_all()
    return briefs


def estimate_dict(found: reconcile.Estimate) -> dict[str, Any]:
    """An estimate as plain JSON: low / best / high, each with its rule, claims and sources."""
    bound = lambda b: {"value": b.value, "rule": b.rule, "claims": list(b.claims), "sources": list(b.sources)}  # noqa: E731
    return {"event_id": found.event_id, "metric": found.metric, "population": found.population,
            "low": bound(found.low), "best": bound(found.best), "high": bound(found.high),
            "sources": list(found.sources), "notes": list(found.notes)}


def estimates(session: Session, event_ids: list[int] | None = None, when: date | None = None) -> list[dict[str, Any]]:
    """The estimate of every event (or those given) per metric and population, as known on ``when``."""
    if not event_ids:
        event_ids = list(session.scalars(select(Event.id)))
    events = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(event_ids)))}
    return [{"event": event_ref(events[e.event_id]), **estimate_dict(e)}
            for e in reconcile.estimate(load_facts(session, event_ids), as_of=when)]
