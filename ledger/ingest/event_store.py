"""Tying an article's events to the ledger's events: the same strike reported by many outlets is one row.

The pure rules (which claims of an article are about which event, and whether an article's event is one
already known) live in ``ledger.events``; this module only fetches the candidates from the database,
applies the verdict and records what the new article adds (places, actors, a more precise date).
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ledger.db import lock_events
from ledger.events import EventDraft, KnownEvent, kinds, match_event, merge_known
from ledger.events.matching import days_of
from ledger.ingest.article import ArticleInput
from ledger.models import AuditLog, Event

CANDIDATE_WINDOW = timedelta(days=40)  # wider than a month: match_event decides within it
YEAR = timedelta(days=366)


def assign_events(session: Session, drafts: list[EventDraft], article: ArticleInput) -> list[int]:
    """The event id for each draft, matching known events or creating new ones."""
    if not drafts:
        return []
    lock_events(session)
    ids = []
    for draft in drafts:
        match = match_event(draft, candidates(session, draft, article))
        if match is None:
            event = Event(label=draft.label, date=draft.date, date_precision=draft.precision, kind=draft.kind,
                          earliest=draft.earliest, latest=draft.latest, places=list(draft.places),
                          actors=list(draft.actors), conflicts_stale=True)
            session.add(event)
            session.flush()
        else:
            event = session.get(Event, match.id)
            enrich(event, draft, session)
        ids.append(event.id)
    return ids


def candidates(session: Session, draft: EventDraft, article: ArticleInput) -> list[KnownEvent]:
    """The stored events whose days can overlap the draft's: the only ones it can be. Read as plain
    columns (no ORM objects), since a busy ledger has many events near any date."""
    days = days_of(draft.date or article.published_date, draft.precision if draft.date else None,
                   draft.earliest, draft.latest)
    if days is None:
        return []
    first, last = days
    query = select(Event.id, Event.label, Event.date, Event.date_precision, Event.places, Event.actors,
                   Event.kind, Event.earliest, Event.latest).where(or_(
                       Event.date.between(first - CANDIDATE_WINDOW, last + CANDIDATE_WINDOW),
                       and_(Event.date_precision == "year", Event.date.between(first - YEAR, last)),
                       and_(Event.earliest <= last, Event.latest >= first))).order_by(Event.id)
    return [KnownEvent(id=r.id, label=r.label, date=r.date, precision=r.date_precision,
                       places=tuple(r.places or ()), actors=tuple(r.actors or ()), kind=r.kind,
                       earliest=r.earliest, latest=r.latest) for r in session.execute(query)]


def known_event(event: Event) -> KnownEvent:
    return KnownEvent(id=event.id, label=event.label, date=event.date, precision=event.date_precision,
                      places=tuple(event.places or ()), actors=tuple(event.actors or ()), kind=event.kind,
                      earliest=event.earliest, latest=event.latest)


def enrich(event: Event, draft: EventDraft, session: Session | None = None) -> None:
    """Add what a new report of a known event tells (``merge_known``: more places and actors, a date or a
    finer one), a more specific kind, and its label when it names the event more fully ("drone strike,
    Qarvash, Valdoria" after "drone strike, Qarvash"), unless an analyst named the event (a rename, split
    or merge in the audit log)."""
    merged = merge_known(known_event(event), draft)
    event.places, event.actors = list(merged.places), list(merged.actors)
    event.date, event.date_precision = merged.date, merged.precision
    event.earliest, event.latest = merged.earliest, merged.latest
    more_specific = kinds.specificity(draft.kind) > kinds.specificity(event.kind)
    if draft.kind and (not event.kind or more_specific):
        event.kind = draft.kind
    fuller = more_specific or (draft.kind == event.kind and _parts(draft.label) > _parts(event.label))
    if draft.label and fuller and not (session is not None and _named_by_analyst(session, event.id)):
        event.label = draft.label


def _named_by_analyst(session: Session, event_id: int) -> bool:
    actions = ("event.rename", "event.split", "event.merge")
    return session.scalar(select(AuditLog.id).where(AuditLog.entity == "event", AuditLog.entity_id == event_id,
                                                    AuditLog.action.in_(actions)).limit(1)) is not None


def _parts(label: str | None) -> int:
    """How much a label says: "drone strike, Qarvash, Valdoria" has three parts."""
    return len((label or "").split(", "))
