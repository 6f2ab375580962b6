"""Undoing an analyst's change from its audit-log row; the undo is logged too.

Changes to one claim (confirm, reject, grade, edit, move, add), a source's grade or alias, and an event's
label can be reverted: the row's ``before`` snapshot is put back. Merges, splits and imports reshape many
rows and are undone by the inverse command instead (``events split`` after a wrong merge, and so on).
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.conflicts import mark_stale
from ledger.models import AuditLog, Claim, Event, Source, SourceAlias
from ledger.queries import get
from ledger.review.audit import claim_snapshot, record, restore_claim
from ledger.review.events import event_snapshot
from ledger.review.sources import source_snapshot

CLAIM_ACTIONS = {"claim.confirm", "claim.reject", "claim.grade", "claim.edit", "claim.move"}


def revert(session: Session, who: str, entry_id: int) -> AuditLog:
    """Put back what the change logged as ``entry_id`` replaced; returns the new log row."""
    entry = get(session, AuditLog, entry_id, "log entry")
    if entry.action in CLAIM_ACTIONS:
        return _revert_claim(session, who, entry)
    if entry.action == "claim.add":
        claim = get(session, Claim, entry.entity_id, "claim")
        before = claim_snapshot(claim)
        session.execute(delete(Claim).where(Claim.id == claim.id))
        mark_stale(session, {claim.event_id} - {None})
        return record(session, who, "claim.revert", "claim", entry.entity_id, before, None, note=f"revert {entry.id}")
    if entry.action == "source.grade":
        source = get(session, Source, entry.entity_id, "source")
        before = source_snapshot(source)
        source.reliability = entry.before["reliability"]
        return record(session, who, "source.revert", "source", source.id, before, source_snapshot(source),
                      note=f"revert {entry.id}")
    if entry.action == "source.alias":
        return _revert_alias(session, who, entry)
    if entry.action == "event.rename":
        event = get(session, Event, entry.entity_id, "event")
        before = event_snapshot(event)
        event.label = entry.before["label"]
        event.date = date.fromisoformat(entry.before["date"]) if entry.before["date"] else None
        event.date_precision = entry.before["date_precision"]
        return record(session, who, "event.revert", "event", event.id, before, event_snapshot(event),
                      note=f"revert {entry.id}")
    raise LedgerError(f"log entry {entry.id} ({entry.action}) cannot be reverted; use the inverse command")


def _revert_claim(session: Session, who: str, entry: AuditLog) -> AuditLog:
    """Put back only the fields that change altered, so later changes to other fields stay."""
    claim = get(session, Claim, entry.entity_id, "claim")
    before = claim_snapshot(claim)
    snapshot = dict(before)
    for key, value in entry.before.items():
        if value != entry.after.get(key):
            snapshot[key] = value
    if session.get(Source, snapshot["source_id"]) is None:  # merged away since: keep where it went
        snapshot["source_id"] = claim.source_id
    if snapshot["event_id"] is not None and session.get(Event, snapshot["event_id"]) is None:
        snapshot["event_id"] = claim.event_id
    if snapshot["status"] == "auto" and _other_changes(session, entry):
        snapshot["status"] = "edited"  # other analyst changes remain: re-extraction must not replace it
    stale = {claim.event_id, snapshot["event_id"]} - {None}
    restore_claim(claim, snapshot)
    session.flush()
    session.refresh(claim, ["source", "figures"])
    mark_stale(session, stale)
    return record(session, who, "claim.revert", "claim", claim.id, before, claim_snapshot(claim),
                  note=f"revert {entry.id}")


def _other_changes(session: Session, entry: AuditLog) -> bool:
    """Whether the claim of ``entry`` has analyst changes other than ``entry`` (and reverts)."""
    return session.scalar(select(AuditLog.id).where(
        AuditLog.entity == "claim", AuditLog.entity_id == entry.entity_id, AuditLog.id != entry.id,
        AuditLog.action.in_(CLAIM_ACTIONS)).limit(1)) is not None


def _revert_alias(session: Session, who: str, entry: AuditLog) -> AuditLog:
    key = entry.after["alias"]
    row = session.scalar(select(SourceAlias).where(SourceAlias.alias == key))
    if entry.before is None and row is not None:
        session.delete(row)
    elif entry.before is not None and row is not None:
        row.source_id = entry.before["source_id"]
    return record(session, who, "source.revert", "source", entry.entity_id, entry.after, entry.before,
                  note=f"revert {entry.id}")
