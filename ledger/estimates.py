"""Estimates in the database: stored with the conflicts, read back as flat rows for analysts.

The reconciler works out, per event, metric and population, a low / best / high with the rule and the
claims behind each (``ledger.reconcile.estimate``), and per event a total killed and wounded with its
breakdown (``ledger.reconcile.totals``). :func:`store` keeps both in ``estimate`` and ``estimate_total``
whenever an event's conflicts are refreshed; :func:`estimate_rows` and :func:`total_rows` read them as flat
rows, one value per column (lists as lists, joined with "; " in the database and in CSV), or work them out
from the claims published by a date (``--as-of``), never stored.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ledger import reconcile
from ledger.facts import load_facts
from ledger.models import Estimate, EstimateTotal, Event, utcnow
from ledger.reconcile.populations import load

JOIN = "; "  # how the database keeps a list in one text column ("7; 14; 21")
BREAKDOWN = ("civilians", "combatants_state", "combatants_nonstate", "combatants_unknown", "unknown")
_ESTIMATES, _TOTALS = Estimate.__table__, EstimateTotal.__table__


def casualty_metrics() -> tuple[str, ...]:
    """The metrics that count people hit (killed, wounded, missing, detained, displaced): the reconciler's
    own list. Estimates of other metrics (targets, strikes) are listed only on request."""
    return tuple(load("sources.json")["casualty_metrics"])


def store(connection, event_ids: list[int], estimates: list[reconcile.Estimate]) -> None:
    """Replace the stored estimates and totals of these events (in the caller's transaction)."""
    connection.execute(delete(_ESTIMATES).where(_ESTIMATES.c.event_id.in_(event_ids)))
    connection.execute(delete(_TOTALS).where(_TOTALS.c.event_id.in_(event_ids)))
    now = utcnow()
    if estimates:
        connection.execute(insert(_ESTIMATES), [{
            "event_id": e.event_id, "metric": e.metric, "population": e.population,
            "low": e.low.value, "best": e.best.value, "high": e.high.value,
            "low_rule": e.low.rule, "best_rule": e.best.rule, "high_rule": e.high.rule,
            "low_claims": joined(e.low.claims), "best_claims": joined(e.best.claims),
            "high_claims": joined(e.high.claims), "best_sources": joined(e.best.sources),
            "sources": joined(e.sources), "notes": joined(e.notes) or None, "computed_at": now} for e in estimates])
    totals = reconcile.totals(estimates)
    if totals:
        connection.execute(insert(_TOTALS), [{
            "event_id": t.event_id, "metric": t.metric, "low": t.low, "best": t.best, "high": t.high,
            **dict(t.breakdown), "rule": t.rule, "claims": joined(t.claims), "computed_at": now} for t in totals])


def joined(values: Iterable[Any]) -> str:
    return JOIN.join(str(v) for v in values)


def split_ids(text: str | None) -> list[int]:
    return [int(v) for v in text.split(JOIN)] if text else []


def split_names(text: str | None) -> list[str]:
    return text.split(JOIN) if text else []


def event_columns(event: Event) -> dict[str, Any]:
    """The event's columns of an estimate row."""
    return {"event_id": event.id, "event_label": event.label,
            "event_date": event.date.isoformat() if event.date else None,
            "event_date_precision": event.date_precision}


def estimate_rows(session: Session, event_ids: list[int] | None = None, when: date | None = None,
                  all_metrics: bool = False) -> list[dict[str, Any]]:
    """One flat row per event, metric and population: low, best, high, the rule of each, the claims of
    each, the best estimate's sources, every source and the notes. Casualty metrics only unless
    ``all_metrics``; stored estimates, or worked out from the claims published by ``when``."""
    events = _events(session, event_ids)
    wanted = None if all_metrics else casualty_metrics()
    if when is not None:
        found = [e for e in _computed(session, events, when) if wanted is None or e.metric in wanted]
        return [{**event_columns(events[e.event_id]), "metric": e.metric, "population": e.population,
                 "low": e.low.value, "best": e.best.value, "high": e.high.value,
                 "low_rule": e.low.rule, "best_rule": e.best.rule, "high_rule": e.high.rule,
                 "low_claims": list(e.low.claims), "best_claims": list(e.best.claims),
                 "high_claims": list(e.high.claims), "best_sources": list(e.best.sources),
                 "sources": list(e.sources), "notes": list(e.notes)} for e in found]
    query = select(Estimate).where(Estimate.event_id.in_(event_ids)) if event_ids else select(Estimate)
    if wanted is not None:
        query = query.where(Estimate.metric.in_(wanted))
    rank = _ranks(events)
    stored = sorted(session.scalars(query), key=lambda k: (rank[k.event_id], k.metric, k.population))
    return [{**event_columns(events[k.event_id]), "metric": k.metric, "population": k.population,
             "low": k.low, "best": k.best, "high": k.high,
             "low_rule": k.low_rule, "best_rule": k.best_rule, "high_rule": k.high_rule,
             "low_claims": split_ids(k.low_claims), "best_claims": split_ids(k.best_claims),
             "high_claims": split_ids(k.high_claims), "best_sources": split_names(k.best_sources),
             "sources": split_names(k.sources), "notes": split_names(k.notes)} for k in stored]


def total_rows(session: Session, event_ids: list[int] | None = None, when: date | None = None) -> list[dict[str, Any]]:
    """One flat row per event and metric (killed, wounded): low, best, high, the breakdown of best, the
    claims and the rule."""
    events = _events(session, event_ids)
    rank = _ranks(events)
    if when is not None:
        found = sorted(reconcile.totals(_computed(session, events, when)), key=lambda t: (rank[t.event_id], t.metric))
        return [{**event_columns(events[t.event_id]), "metric": t.metric, "low": t.low, "best": t.best,
                 "high": t.high, **dict(t.breakdown), "claims": list(t.claims), "rule": t.rule} for t in found]
    query = select(EstimateTotal)
    stored = sorted(session.scalars(query.where(EstimateTotal.event_id.in_(event_ids)) if event_ids else query),
                    key=lambda t: (rank[t.event_id], t.metric))
    return [{**event_columns(events[t.event_id]), "metric": t.metric, "low": t.low, "best": t.best,
             "high": t.high, **{group: getattr(t, group) for group in BREAKDOWN}, "claims": split_ids(t.claims),
             "rule": t.rule} for t in stored]


def stored_totals(session: Session) -> dict[tuple[int, str], EstimateTotal]:
    """Every stored total by (event id, metric)."""
    return {(t.event_id, t.metric): t for t in session.scalars(select(EstimateTotal))}


def _events(session: Session, event_ids: list[int] | None) -> dict[int, Event]:
    """The events asked for (every event when none), in the listings' order: date, then id."""
    query = select(Event).order_by(Event.date, Event.id)
    if event_ids:
        query = query.where(Event.id.in_(event_ids))
    return {e.id: e for e in session.scalars(query)}


def _ranks(events: dict[int, Event]) -> dict[int, int]:
    """Each event's place in the listings' order."""
    return {event_id: n for n, event_id in enumerate(events)}


def _computed(session: Session, events: dict[int, Event], when: date) -> list[reconcile.Estimate]:
    """The estimates as known on ``when``, in the listings' event order."""

    rank = _ranks(events)
    found = reconcile.estimate(load_facts(session, list(events)), as_of=when)
    return sorted(found, key=lambda e: (rank[e.event_id], e.metric or "", e.population or ""))
