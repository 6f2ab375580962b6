"""Correcting events: merge two that are one, split one that is two, rename.

Events are decided by rules (dates, places, actors, kinds); an analyst who knows better overrides them.
Claims moved by an analyst become ``edited``, so re-extraction never puts them back.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.conflicts import mark_stale
from ledger.models import DATE_PRECISIONS, Claim, Conflict, Event
from ledger.queries import get
from ledger.review.audit import record
from ledger.review.claims import mark_edited


def event_snapshot(event: Event) -> dict:
    return {"id": event.id, "label": event.label, "date": event.date.isoformat() if event.date else None,
            "date_precision": event.date_precision, "kind": event.kind, "places": list(event.places or []),
            "actors": list(event.actors or [])}


def merge(session: Session, who: str, duplicate_id: int, keep_id: int) -> Event:
    """Merge event A into B: A's claims move to B and become ``edited`` (so re-extraction keeps them
    there), A's places and actors join B's, A is deleted."""
    duplicate, keep = get(session, Event, duplicate_id, "event"), get(session, Event, keep_id, "event")
    if duplicate.id == keep.id:
        raise LedgerError("an event cannot be merged into itself")
    moved = list(session.scalars(select(Claim.id).where(Claim.event_id == duplicate.id)))
    before = {"event": event_snapshot(duplicate), "into": event_snapshot(keep), "claims": moved}
    session.execute(update(Claim).where(Claim.event_id == duplicate.id, Claim.status != "rejected")
                    .values(event_id=keep.id, status="edited"))
    session.execute(update(Claim).where(Claim.event_id == duplicate.id).values(event_id=keep.id))
    keep.places = list(dict.fromkeys([*(keep.places or []), *(duplicate.places or [])]))
    keep.actors = list(dict.fromkeys([*(keep.actors or []), *(duplicate.actors or [])]))
    keep.sites = list(dict.fromkeys([*(keep.sites or []), *(duplicate.sites or [])]))
    session.execute(delete(Conflict).where(Conflict.event_id == duplicate.id))
    session.execute(delete(Event).where(Event.id == duplicate.id))
    session.expunge(duplicate)
    record(session, who, "event.merge", "event", keep.id, before, {"into": event_snapshot(keep), "claims": moved})
    mark_stale(session, {keep.id})
    return keep


def split(session: Session, who: str, event_id: int, claim_ids: list[int], label: str | None = None,
          when: date | None = None) -> Event:
    """Move some of an event's claims to a new event (they become ``edited``)."""
    source = get(session, Event, event_id, "event")
    claims = [get(session, Claim, i, "claim") for i in claim_ids]
    strangers = [c.id for c in claims if c.event_id != source.id]
    if not claims or strangers:
        raise LedgerError(f"claims {strangers} are not in event {event_id}" if strangers else "name the claims to split off")
    new = Event(label=label or f"{source.label} (split)", date=when or source.date,
                date_precision=source.date_precision if when is None else "day", kind=source.kind,
                places=list(source.places or []), actors=list(source.actors or []),
                sites=list(source.sites or []), conflicts_stale=True)
    session.add(new)
    session.flush()
    for claim in claims:
        claim.event_id = new.id
        mark_edited(claim)
    record(session, who, "event.split", "event", new.id, {"event": event_snapshot(source), "claims": claim_ids},
           {"event": event_snapshot(new), "claims": claim_ids})
    mark_stale(session, {source.id, new.id})
    return new


def rename(session: Session, who: str, event_id: int, label: str, when: date | None = None,
           precision: str | None = None) -> Event:
    """Give an event a better label (and, optionally, its date and precision)."""
    if not label.strip():
        raise LedgerError("an event needs a label")
    if precision is not None and precision not in DATE_PRECISIONS:
        raise LedgerError(f"precision is one of {', '.join(DATE_PRECISIONS)}")
    event = get(session, Event, event_id, "event")
    before = event_snapshot(event)
    event.label = label.strip()
    if when is not None:
        event.date, event.date_precision = when, precision or "day"
    record(session, who, "event.rename", "event", event.id, before, event_snapshot(event))
    return event
