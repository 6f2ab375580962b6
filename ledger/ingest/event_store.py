"""Tying an article's events to the ledger's events: the same strike reported by many outlets is one row.

The pure rules (which claims of an article are about which event, and whether an article's event is one
already known) live in ``ledger.reading.events``; this module only fetches the candidates from the database,
applies the verdict and records what the new article adds (places, actors, sites, a more precise date).
"""
from __future__ import annotations

import json
from datetime import timedelta
from functools import lru_cache
from typing import Callable

from sqlalchemy import Text, and_, bindparam, cast, insert, or_, select, update
from sqlalchemy.orm import Session

from ledger.db import lock_events
from ledger.reading.events import EventDraft, KnownEvent, kinds, match_event, merge_known
from ledger.reading.events.matching import FOLLOW_UP_DAYS, days_of
from ledger.reading.events.places import specific
from ledger.ingest.article import ArticleInput
from ledger.models import AuditLog, Event, utcnow

_EVENTS = Event.__table__
_E = _EVENTS.c
# The events whose day windows can reach the draft's days [first, last], by the precision of their date
# (ledger.reading.events.matching.days_of, with a day to spare): a day-precise event only from a few days around,
# a month-precise one from a month around. Each branch can use the date index; no ORDER BY, so that SQLite
# reads the OR through its indexes. Built once: every article runs it. Reading only these (not every event
# of the month around) keeps the rows decoded per report few however busy the ledger is.
_IMPLICIT = or_(_E.earliest.is_(None), _E.latest.is_(None))  # the window follows from date and precision
_CANDIDATES = select(_E.id, _E.label, _E.date, _E.date_precision, cast(_E.places, Text), cast(_E.actors, Text),
                     _E.kind, _E.earliest, _E.latest, _E.conflicts_stale, cast(_E.sites, Text)).where(or_(
                         and_(_E.date.between(bindparam("day_lo"), bindparam("day_hi")),
                              _E.date_precision == "day", _IMPLICIT),
                         and_(_E.date.between(bindparam("first"), bindparam("published_hi")),
                              _E.date_precision.is_(None), _IMPLICIT),
                         and_(_E.date.between(bindparam("week_lo"), bindparam("week_hi")),
                              _E.date_precision == "week", _IMPLICIT),
                         and_(_E.date.between(bindparam("month_lo"), bindparam("month_hi")),
                              _E.date_precision == "month", _IMPLICIT),
                         and_(_E.date.between(bindparam("year_lo"), bindparam("year_hi")),
                              _E.date_precision == "year", _IMPLICIT),
                         and_(_E.latest.between(bindparam("first"), bindparam("latest_hi")),  # explicit window
                              _E.earliest <= bindparam("last"))))
_NEW_EVENT = insert(_EVENTS).returning(_E.id)
_UPDATE_EVENT = update(_EVENTS).where(_E.id == bindparam("event"))  # SET the columns the parameters name
_NAMED = select(AuditLog.id).where(AuditLog.entity == "event", AuditLog.entity_id == bindparam("event"),
                                   AuditLog.action.in_(["event.rename", "event.split", "event.merge"])).limit(1)

# How far a stored event's day window reaches from its date (ledger.reading.events.matching.days_of), with a day to
# spare: only events whose window can overlap the draft's are read; match_event decides among them. An
# explicit window (earliest-latest) is never longer than a year (ledger.reading.events.labels._dating keeps one only
# when it is narrower than its date's precision), so its end lies within a year after the draft's days: a
# bounded range of the latest index, however many events come later.
DAY, WEEK, MONTH, YEAR = timedelta(days=2), timedelta(days=7), timedelta(days=32), timedelta(days=367)
PUBLICATION = timedelta(days=5)  # a date taken from the publication day means that day or the 4 before it


def assign_events(session: Session, drafts: list[EventDraft], article: ArticleInput) -> list[int]:
    """The event id for each draft, matching known events or creating new ones; every event touched is
    marked stale (its conflicts will be recomputed)."""
    if not drafts:
        return []
    lock_events(session)
    connection = session.connection()
    ids = []
    for n, draft in enumerate(drafts):
        known, stale = candidates(session, draft, article)
        other_sites = _other_sites(drafts[:n], ids, draft)
        match = match_event(draft, [k for k in known if k.id not in other_sites])
        if match is None and n and _one_site_of(drafts[0], draft):
            ids.append(ids[0])  # no known strike on that site: the report's sites stay one event
            continue
        if match is None:
            ids.append(connection.execute(_NEW_EVENT, dict(
                label=draft.label, date=draft.date, date_precision=draft.precision, kind=draft.kind,
                earliest=draft.earliest, latest=draft.latest, places=list(draft.places), actors=list(draft.actors),
                sites=list(draft.sites), conflicts_stale=True, created_at=utcnow())).scalar_one())
        else:
            values = enriched(match, draft, lambda: _named_by_analyst(session, match.id))
            if match.id not in stale or _changes(match, values):  # most reports of a known event add nothing
                connection.execute(_UPDATE_EVENT, {"event": match.id, "conflicts_stale": True, **values})
            ids.append(match.id)
    return ids


def _other_sites(earlier: list[EventDraft], ids: list[int], draft: EventDraft) -> set[int]:
    """The events this article's earlier drafts became when they told other sites than this draft: a report
    on a theater and a hospital tells two strikes (``ledger.reading.events.sites``), never one."""
    if not draft.sites:
        return set()
    return {event for other, event in zip(earlier, ids) if other.sites and other.sites != draft.sites}


def _one_site_of(main: EventDraft, draft: EventDraft) -> bool:
    """Whether ``draft`` is one of the sites of a report on several (``ledger.reading.events.sites``): it is
    an event of its own only when the ledger knows a strike on that site; "missiles hit a base and a camp"
    with no strike known on either is one attack."""
    return (draft.from_publication and len(draft.sites) == 1 and len(main.sites) > 1
            and draft.sites[0] in main.sites)


def candidates(session: Session, draft: EventDraft, article: ArticleInput) -> tuple[list[KnownEvent], set[int]]:
    """The stored events whose days can overlap the draft's: the only ones it can be, and the ids of those
    already marked stale. Read as plain columns (no ORM objects), since a busy ledger has many events near
    any date."""
    days = days_of(draft.date or article.published_date, draft.precision if draft.date else None,
                   draft.earliest, draft.latest)
    if days is None:
        return [], set()
    first, last = days
    if draft.from_publication and (draft.named or draft.sites):  # a follow-up may name an event some weeks old
        first = min(first, last - timedelta(days=FOLLOW_UP_DAYS))
    params = {"first": first, "last": last, "day_lo": first - DAY, "day_hi": last + DAY,
              "published_hi": last + PUBLICATION, "week_lo": first - WEEK, "week_hi": last + WEEK,
              "month_lo": first - MONTH, "month_hi": last + MONTH, "year_lo": first - YEAR, "year_hi": last + YEAR,
              "latest_hi": last + YEAR}
    rows = sorted(session.connection().execute(_CANDIDATES, params).all(), key=lambda r: r[0])
    return ([KnownEvent(id=r[0], label=r[1], date=r[2], precision=r[3], places=_names(r[4]), actors=_names(r[5]),
                        kind=r[6], earliest=r[7], latest=r[8], sites=_names(r[10])) for r in rows],
            {r[0] for r in rows if r[9]})


def _changes(known: KnownEvent, values: dict) -> bool:
    """Whether ``values`` (from :func:`enriched`) change anything in the stored event."""
    stored = {"places": list(known.places), "actors": list(known.actors), "sites": list(known.sites),
              "date": known.date,
              "date_precision": known.precision, "earliest": known.earliest, "latest": known.latest,
              "kind": known.kind, "label": known.label}
    return any(stored[k] != v for k, v in values.items())


@lru_cache(maxsize=16384)
def _names(stored: str | None) -> tuple[str, ...]:
    """A JSON list of names as a tuple; the same lists are read for every article near an event, so
    they are decoded once."""
    return tuple(json.loads(stored)) if stored else ()


def enriched(known: KnownEvent, draft: EventDraft, named_by_analyst: Callable[[], bool] = lambda: False) -> dict:
    """The columns of a known event updated with what a new report tells (``merge_known``: more places and
    actors, a date or a finer one), a better kind (``kinds.names_better``), and its label when it names the
    event better (:func:`_better_label`: "drone strike, Qarvash, Valdoria" after "drone strike, Qarvash"),
    unless an analyst named the event (asked only then: it reads the audit log). Kind and label are thus the
    best any of its reports gave, in whatever order they came."""
    merged = merge_known(known, draft)
    values = {"places": list(merged.places), "actors": list(merged.actors), "sites": list(merged.sites),
              "date": merged.date,
              "date_precision": merged.precision, "earliest": merged.earliest, "latest": merged.latest}
    better_kind = kinds.names_better(draft.kind, known.kind)
    if better_kind:
        values["kind"] = draft.kind
    fuller = better_kind or (draft.kind == known.kind and _better_label(draft.label, known.label))
    if draft.label and fuller and not named_by_analyst():
        values["label"] = draft.label
    return values


def _named_by_analyst(session: Session, event_id: int) -> bool:
    return session.connection().execute(_NAMED, {"event": event_id}).first() is not None


def _better_label(label: str | None, current: str | None) -> bool:
    """Whether ``label`` names the event better than ``current``: it says more ("drone strike, Qarvash,
    Valdoria" over "drone strike, Valdoria"), then names more specific places (a town over a province),
    then, to decide a tie the same way whichever report came first, sorts first."""
    if not label:
        return False
    if not current:
        return True
    rank, current_rank = _label_rank(label), _label_rank(current)
    return rank > current_rank or (rank == current_rank and label < current)


def _label_rank(label: str) -> tuple[int, int]:
    parts = label.split(", ")
    return len(parts), sum(1 for part in parts[1:] if specific(part))
