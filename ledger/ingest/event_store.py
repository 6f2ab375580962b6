"""Tying an article's events to the ledger's events: the same strike reported by many outlets is one row.

The pure rules (which claims of an article are about which event, and whether an article's event is one
already known) live in ``ledger.events``; this module only fetches the candidates from the database,
applies the verdict and records what the new article adds (places, actors, a more precise date).
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from ledger.events import EventDraft, KnownEvent, match_event
from ledger.ingest.article import ArticleInput
from ledger.models import Event

CANDIDATE_WINDOW = timedelta(days=45)  # wider than any matching window; match_event decides within it
EVENT_LOCK_KEY = 0x1ED6E7  # PostgreSQL advisory lock: two writers must not both create the same event


def assign_events(session: Session, drafts: list[EventDraft], article: ArticleInput) -> list[int]:
    """The event id for each draft, matching known events or creating new ones."""
    if not drafts:
        return []
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENT_LOCK_KEY})
    ids = []
    for draft in drafts:
        day = draft.date or article.published_date
        known = [known_event(e) for e in candidates(session, day)]
        match = match_event(draft, known)
        if match is None:
            event = Event(label=draft.label, date=draft.date, date_precision=draft.precision, kind=draft.kind,
                          places=list(draft.places), actors=list(draft.actors), conflicts_stale=True)
            session.add(event)
            session.flush()
        else:
            event = session.get(Event, match.id)
            enrich(event, draft)
        ids.append(event.id)
    return ids


def candidates(session: Session, day) -> list[Event]:
    """Events dated near ``day`` (and undated ones), the only ones an article's event can be."""
    query = select(Event).order_by(Event.id)
    if day is not None:
        query = query.where(or_(Event.date.is_(None),
                                Event.date.between(day - CANDIDATE_WINDOW, day + CANDIDATE_WINDOW)))
    return list(session.scalars(query))


def known_event(event: Event) -> KnownEvent:
    return KnownEvent(id=event.id, label=event.label, date=event.date, precision=event.date_precision,
                      places=tuple(event.places or ()), actors=tuple(event.actors or ()), kind=event.kind)


def enrich(event: Event, draft: EventDraft) -> None:
    """Add what a new report of a known event tells: more places and actors, a date or a finer one."""
    event.places = _union(event.places, draft.places)
    event.actors = _union(event.actors, draft.actors)
    finer = {"year": 0, "month": 1, "week": 2, "day": 3}
    if draft.date and (event.date is None or finer.get(draft.precision or "", -1) > finer.get(event.date_precision or "", -1)):
        event.date, event.date_precision = draft.date, draft.precision
    if not event.kind and draft.kind:
        event.kind = draft.kind


def _union(stored, new) -> list:
    merged = list(stored or [])
    merged += [x for x in new if x not in merged]
    return merged
