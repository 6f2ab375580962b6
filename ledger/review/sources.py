"""Teaching the ledger who is who: aliases, merges, a team's own gazetteer, reliability grades.

The resolver learns names as it reads, but only an analyst knows that "the Hezbollah Brigades" and
"Kataib Hezbollah" are one group, or that a monitor is usually reliable. Every change is logged.
"""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ledger.errors import LedgerError
from ledger.reading.claims.gazetteer import parse_entries
from ledger.conflicts import mark_stale
from ledger.models import RELIABILITY_GRADES, Claim, Source, SourceAlias
from ledger.names import normalise_name
from ledger.queries import find_source
from ledger.review.audit import record
from ledger.sources import SourceResolver


def source_snapshot(source: Source) -> dict:
    return {"id": source.id, "name": source.name, "type": source.type, "kind": source.kind,
            "affiliation_id": source.affiliation_id, "reliability": source.reliability}


def add_alias(session: Session, who: str, alias: str, source_name: str) -> Source:
    """Make ALIAS name SOURCE from now on (an alias that named another source is moved)."""
    source = find_source(session, source_name)
    key = normalise_name(alias)
    if not key:
        raise LedgerError(f"{alias!r} is not a name")
    row = session.scalar(select(SourceAlias).where(SourceAlias.alias == key))
    before = {"alias": key, "source_id": row.source_id} if row else None
    if row is None:
        session.add(SourceAlias(alias=key, source_id=source.id, origin=f"analyst:{who}"[:200]))
    else:
        row.source_id, row.origin = source.id, f"analyst:{who}"[:200]
    record(session, who, "source.alias", "source", source.id, before, {"alias": key, "source_id": source.id})
    return source


def merge(session: Session, who: str, duplicate_name: str, keep_name: str) -> Source:
    """Merge source A into B: A's claims, aliases and members move to B, A's name stays as an alias."""
    duplicate, keep = find_source(session, duplicate_name), find_source(session, keep_name)
    if duplicate.id == keep.id:
        raise LedgerError(f"{duplicate.name!r} and {keep.name!r} are already one source")
    moved = list(session.scalars(select(Claim.id).where(Claim.source_id == duplicate.id)))
    events = set(session.scalars(select(Claim.event_id).where(Claim.source_id.in_([duplicate.id, keep.id]),
                                                              Claim.event_id.is_not(None))))
    before = {"source": source_snapshot(duplicate), "into": source_snapshot(keep), "claims": moved}
    session.execute(update(Claim).where(Claim.source_id == duplicate.id).values(source_id=keep.id))
    session.execute(update(Claim).where(Claim.via_source_id == duplicate.id).values(via_source_id=keep.id))
    session.execute(update(Source).where(Source.affiliation_id == duplicate.id).values(affiliation_id=keep.id))
    session.execute(update(SourceAlias).where(SourceAlias.source_id == duplicate.id).values(source_id=keep.id))
    if keep.reliability is None:
        keep.reliability = duplicate.reliability
    name_key = normalise_name(duplicate.name)
    session.execute(delete(Source).where(Source.id == duplicate.id))  # core delete: its aliases were moved
    session.expunge(duplicate)
    if not session.scalar(select(SourceAlias.id).where(SourceAlias.alias == name_key)):
        session.add(SourceAlias(alias=name_key, source_id=keep.id, origin=f"analyst:{who}"[:200]))
    record(session, who, "source.merge", "source", keep.id, before, {"into": source_snapshot(keep), "claims": moved})
    mark_stale(session, events)
    return keep


def grade(session: Session, who: str, source_name: str, reliability: str | None) -> Source:
    """Set a source's Admiralty reliability grade (A reliable ... F cannot be judged); None clears it."""
    if reliability is not None and reliability.upper() not in RELIABILITY_GRADES:
        raise LedgerError("reliability is an Admiralty grade: A, B, C, D, E or F")
    source = find_source(session, source_name)
    before = source_snapshot(source)
    source.reliability = reliability.upper() if reliability else None
    record(session, who, "source.grade", "source", source.id, before, source_snapshot(source))
    events = set(session.scalars(select(Claim.event_id).where(Claim.source_id == source.id,
                                                              Claim.event_id.is_not(None))))
    mark_stale(session, events)  # the best estimate follows the most reliable source
    return source


def import_gazetteer(session: Session, who: str, path: Path) -> int:
    """Load a team's gazetteer (the bundled format: a JSON list of {name, type, aliases, affiliation});
    returns how many entries were read. Existing sources keep their names and gain the aliases."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LedgerError(f"{path}: cannot read the gazetteer: {exc}") from exc
    if not isinstance(records, list):
        raise LedgerError(f"{path}: a gazetteer is a JSON list of entries")
    try:
        entries = parse_entries(records, str(path))
    except ValueError as exc:
        raise LedgerError(str(exc)) from exc
    resolver = SourceResolver(session)
    origin = f"import:{path.name}"
    for entry in entries:
        source = session.scalar(select(Source).where(Source.name == entry.name))
        if source is None:
            source = Source(name=entry.name, type=entry.type, kind=entry.kind)
            session.add(source)
            session.flush()
        else:
            source.type = entry.type
        resolver.learn(source.id, [entry.name, *entry.aliases], origin)
        if entry.affiliation and source.affiliation_id is None:
            source.affiliation_id = find_or_create(session, entry.affiliation).id
    record(session, who, "source.import", "source", None, None, {"file": str(path), "entries": len(entries)})
    return len(entries)


def find_or_create(session: Session, name: str) -> Source:
    found = session.scalar(select(Source).join(SourceAlias).where(SourceAlias.alias == normalise_name(name)))
    found = found or session.scalar(select(Source).where(Source.name == name))
    if found is None:
        found = Source(name=name, type="other", kind="organisation")
        session.add(found)
        session.flush()
    return found
