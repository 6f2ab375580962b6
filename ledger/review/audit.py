"""The audit log: every analyst change, who made it, when, and the row before and after.

Analysts will not trust numbers they cannot trace, and a team needs to see who decided what. Every change
made through the review commands writes one row here, in the same transaction as the change itself; the
table is append-only (database triggers refuse UPDATE and DELETE). A change to a claim, a source grade or an
event label can be reverted from its row: the revert is itself a new row.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ledger.models import AuditLog, Claim, Figure

ENTITIES = ("claim", "source", "event")  # what the log records changes to (``log --entity``)


def record(session: Session, who: str, action: str, entity: str, entity_id: int | None,
           before: dict[str, Any] | None, after: dict[str, Any] | None, note: str | None = None) -> AuditLog:
    """Append one change to the log (in the caller's transaction)."""
    if entity not in ENTITIES:
        raise ValueError(f"audit log entity {entity!r} is not one of {', '.join(ENTITIES)}")
    row = AuditLog(who=who, action=action, entity=entity, entity_id=entity_id, before=before, after=after, note=note)
    session.add(row)
    session.flush()
    return row


def claim_snapshot(claim: Claim) -> dict[str, Any]:
    """Everything an analyst can change on a claim, as plain JSON (what ``revert`` puts back)."""
    return {
        "status": claim.status, "kind": claim.kind, "credibility": claim.credibility,
        "source_id": claim.source_id, "source": claim.source.name if claim.source else None,
        "event_id": claim.event_id, "content": claim.content, "content_start": claim.content_start,
        "content_end": claim.content_end, "mention": claim.mention, "mention_start": claim.mention_start,
        "mention_end": claim.mention_end, "cue": claim.cue, "cue_start": claim.cue_start, "cue_end": claim.cue_end,
        "figures": [figure_snapshot(f) for f in claim.figures],
    }


def figure_snapshot(figure: Figure) -> dict[str, Any]:
    return {"metric": figure.metric, "population": figure.population, "low": figure.low, "high": figure.high,
            "qualifier": figure.qualifier, "vague": figure.vague, "no_figure": figure.no_figure,
            "text": figure.text, "text_start": figure.text_start, "text_end": figure.text_end,
            "parts": figure.parts, "population_note": figure.population_note}


def restore_claim(claim: Claim, snapshot: dict[str, Any]) -> None:
    """Put a claim back as a snapshot shows it (figures included)."""
    for key in ("status", "kind", "credibility", "source_id", "event_id", "content", "content_start",
                "content_end", "mention", "mention_start", "mention_end", "cue", "cue_start", "cue_end"):
        setattr(claim, key, snapshot[key])
    claim.figures = [Figure(**{"population_note": None, **f}) for f in snapshot["figures"]]


def entries(session: Session, entity: str | None = None, entity_id: int | None = None, who: str | None = None,
            action: str | None = None, since: date | None = None, until: date | None = None) -> list[AuditLog]:
    """Log rows matching every filter given, oldest first."""
    query = select(AuditLog).order_by(AuditLog.id)
    if entity:
        query = query.where(AuditLog.entity == entity)
    if entity_id is not None:
        query = query.where(AuditLog.entity_id == entity_id)
    if who:
        query = query.where(AuditLog.who == who)
    if action:
        query = query.where(AuditLog.action.like(f"{action}%"))
    if since:
        query = query.where(AuditLog.at >= datetime.combine(since, datetime.min.time()))
    if until:
        query = query.where(AuditLog.at < datetime.combine(until + timedelta(days=1), datetime.min.time()))
    return list(session.scalars(query))


def entry_dict(row: AuditLog) -> dict[str, Any]:
    return {"id": row.id, "at": row.at.isoformat(timespec="seconds"), "who": row.who, "action": row.action,
            "entity": row.entity, "entity_id": row.entity_id, "before": row.before, "after": row.after,
            "note": row.note}
