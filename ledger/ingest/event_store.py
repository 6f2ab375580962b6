"""Tying an article's events to the ledger's events: the same strike reported by many outlets is one row.

The pure rules (which claims of an article are about which event, and whether an article's event is one
already known) live in ``ledger.events``; this module only fetches the candidates from the database,
applies the verdict and records what the new article adds (places, actors, a more precise date).
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ledger.db import lock_events
from ledger.events import EventDraft, KnownEvent, kinds, match_event
from ledger.ingest.article import ArticleInput
from ledger.models import AuditLog, Event

CANDIDATE_WINDOW = timedelta(days=45)  # wider than any matching window; match_event decides within it


def assign_events(session: Session, drafts: list[EventDraft], article: ArticleInput) -> list[int]:
    """The event id for each draft, matching known events or creating new ones."""
    if not drafts:
        return []
    lock_events(session)
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
            enrich(event, draft, session)
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


def enrich(event: Event, draft: EventDraft, session: Session | None = None) -> None:
    """Add what a new report of a known event tells: more places and actors, a date or a finer one, a more
    specific kind, and its label when it names the event more fully ("drone strike, Qarvash, Valdoria"
    after "drone strike, Qarvash"; "rocket attack, Fenwick Ridge" after "attack, Fenwick Ridge"), unless
    an analyst named the event (a rename, split or merge in the audit log of ``session``)."""
    event.places = _union(event.places, draft.places)
    event.actors = _union(event.actors, draft.actors)
    finer = {"year": 0, "month": 1, "week": 2, "day": 3}
    if draft.date and (event.date is None or finer.get(draft.precision or "", -1) > finer.get(event.date_precision or "", -1)):
        event.date, event.date_precision = draft.date, draft.precision
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


def _union(stored, new) -> list:
    merged = list(stored or [])
    merged += [x for x in new if x not in merged]
    return merged
