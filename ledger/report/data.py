"""What a report shows, read from the ledger in a handful of queries and handed over as plain values.

The renderers (``html``, ``markdown``, ``chart``) never touch the database: :func:`gather` reads the events,
their claims (as the export contract's ``claim_dict``), the stored conflicts (or those of ``as_of``), the
reconciler's estimates and the article passages of every claim, then groups each event's figures per metric,
population and source, oldest report first, so a source's revisions read left to right.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ledger import conflicts as conflict_store
from ledger import published as published_dates
from ledger import reconcile
from ledger.errors import NotFound
from ledger.export import claim_dict, claim_query, iter_claims
from ledger.facts import load_facts
from ledger.models import Article, Claim, Conflict, Event, Source
from ledger.passages import Passage, passage_of



@dataclass(frozen=True, slots=True)
class FigureMark:
    """One figure of one claim: a point in its source's revision chain and a mark in the chart."""

    claim_id: int
    source: str
    metric: str
    population: str | None
    low: int | None
    high: int | None
    qualifier: str | None
    vague: bool
    no_figure: bool
    text: str
    published: str | None
    outlet: str | None

    @property
    def bounded(self) -> bool:
        """Whether the figure can be drawn: a "no figure" or a figure without any bound cannot."""
        return not self.no_figure and (self.low is not None or self.high is not None)


@dataclass(frozen=True, slots=True)
class SourceSeries:
    """A source's successive figures for one metric and population, oldest publication first."""

    source: str
    source_type: str | None
    marks: tuple[FigureMark, ...]

    @property
    def latest(self) -> FigureMark:
        return self.marks[-1]


@dataclass(frozen=True, slots=True)
class MetricBlock:
    """Every source's figures about one metric and population of an event, with the estimate for it."""

    metric: str
    population: str | None
    series: tuple[SourceSeries, ...]
    estimate: dict[str, Any] | None = None

    @property
    def title(self) -> str:
        return f"{self.metric} · {self.population}" if self.population else self.metric


@dataclass(frozen=True, slots=True)
class EventReport:
    """One event's section: its figures, conflicts, estimates and claims (each with its passage)."""

    event: dict[str, Any]
    blocks: tuple[MetricBlock, ...]
    conflicts: list[dict[str, Any]]
    estimates: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    passages: dict[int, Passage]
    rejected: int = 0

    @property
    def sources(self) -> list[str]:
        """Source names in order of first claim, so each keeps one colour across the event's charts."""
        return list(dict.fromkeys(c["source"]["name"] for c in self.claims))


@dataclass(frozen=True, slots=True)
class Report:
    generated_at: datetime
    as_of: date | None
    stats: dict[str, int]
    events: list[EventReport]
    requested: list[int] = field(default_factory=list)
    severity_levels: dict[str, str] = field(default_factory=lambda: dict(reconcile.SEVERITY_LEVELS))


def gather(session: Session, event_ids: list[int] | None = None, as_of: date | None = None,
           generated_at: datetime | None = None) -> Report:
    """Everything the report shows for these events (all events when none are given).

    With ``as_of`` the report is what was known on that day: claims published by then, conflicts and
    estimates recomputed from them. Raises :class:`NotFound` for an unknown event id.
    """
    events = _events(session, event_ids)
    ids = [e["id"] for e in events]
    claims, contexts, rejected = _claims(session, ids, as_of)
    texts = _article_texts(session, ids)
    found = (conflict_store.as_of(session, as_of, ids) if as_of else conflict_store.stored(session, ids)) if ids else []
    estimates = [conflict_store.estimate_dict(e) for e in reconcile.estimate(load_facts(session, ids), as_of=as_of)]
    claims_of = _by_event(claims, lambda c: c["event"]["id"])
    conflicts_of = _by_event(found, lambda c: c["event"]["id"])
    estimates_of = _by_event(estimates, lambda e: e["event_id"])
    sections = []
    for event in events:
        own = claims_of.get(event["id"], [])
        own_estimates = estimates_of.get(event["id"], [])
        sections.append(EventReport(
            event=event, blocks=metric_blocks(own, own_estimates), conflicts=conflicts_of.get(event["id"], []),
            estimates=own_estimates, claims=own, passages=_passages(own, texts, contexts),
            rejected=rejected.get(event["id"], 0)))
    return Report(generated_at=generated_at or datetime.now(timezone.utc), as_of=as_of, stats=_stats(session),
                  events=sections, requested=list(event_ids or []))


def _events(session: Session, event_ids: list[int] | None) -> list[dict[str, Any]]:
    query = select(Event).order_by(Event.date, Event.id)
    if event_ids:
        query = query.where(Event.id.in_(event_ids))
    rows = list(session.scalars(query))
    missing = sorted(set(event_ids or ()) - {e.id for e in rows})
    if missing:
        raise NotFound(f"no event {', '.join(map(str, missing))} (see `ledger events`)")
    if event_ids:  # the order asked for on the command line
        order = {ident: n for n, ident in enumerate(dict.fromkeys(event_ids))}
        rows.sort(key=lambda e: order[e.id])
    return [{"id": e.id, "label": e.label, "date": e.date.isoformat() if e.date else None,
             "precision": e.date_precision, "kind": e.kind, "places": list(e.places or []),
             "actors": list(e.actors or [])} for e in rows]


def _claims(session: Session, ids: list[int], as_of: date | None):
    """Claim dicts of these events that are not rejected (and were published by ``as_of``), their stored
    sentence offsets, and how many rejected claims each event has."""
    if not ids:
        return [], {}, {}
    claims, contexts, rejected = [], {}, {}
    for row in iter_claims(session, claim_query().where(Claim.event_id.in_(ids))):
        if row.status == "rejected":
            rejected[row.event_id] = rejected.get(row.event_id, 0) + 1
            continue
        if as_of and not _published_by(row.article.published, as_of):
            continue
        claims.append({**claim_dict(row), "source_type": row.source.type})
        contexts[row.id] = (row.context_start, row.context_end)
    return claims, contexts, rejected


def _published_by(published: str | None, as_of: date) -> bool:
    return published_dates.known_by(published_dates.precision(published), published_dates.moment(published), as_of)


def _article_texts(session: Session, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    of_events = select(Claim.article_id).where(Claim.event_id.in_(ids))
    return dict(session.execute(select(Article.id, Article.text).where(Article.id.in_(of_events))).all())


def _stats(session: Session) -> dict[str, int]:
    """Whole-ledger counts for the report's header."""
    count = lambda model: session.scalar(select(func.count()).select_from(model)) or 0  # noqa: E731
    return {"articles": count(Article), "claims": count(Claim), "sources": count(Source), "events": count(Event),
            "conflicts": count(Conflict)}


def _by_event(rows: list[dict[str, Any]], event_of) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(event_of(row), []).append(row)
    return grouped


def _passages(claims: list[dict[str, Any]], texts: dict[int, str], contexts) -> dict[int, Passage]:
    return {c["id"]: passage_of(texts.get(c["article"]["id"], ""), c, contexts.get(c["id"], (None, None)))
            for c in claims}


def metric_blocks(claims: list[dict[str, Any]], estimates: list[dict[str, Any]]) -> tuple[MetricBlock, ...]:
    """The event's figures grouped per metric and population, then per source, oldest report first."""
    grouped: dict[tuple[str, str | None], dict[str, list[FigureMark]]] = {}
    types: dict[str, str | None] = {}
    for claim in claims:
        source = claim["source"]["name"]
        types[source] = claim.get("source_type")
        for figure in claim["figures"] + claim["no_figures"]:
            mark = FigureMark(claim["id"], source, figure["metric"], figure["population"], figure["low"],
                              figure["high"], figure["qualifier"], figure["vague"], figure["no_figure"],
                              figure["text"], claim["article"]["published"], claim["article"]["outlet"])
            grouped.setdefault((mark.metric, mark.population), {}).setdefault(source, []).append(mark)
    by_key = {(e["metric"], e["population"]): e for e in estimates}
    blocks = []
    for key in sorted(grouped, key=lambda k: (k[0] or "", k[1] or "")):
        series = [SourceSeries(name, types.get(name), tuple(sorted(marks, key=_chronological)))
                  for name, marks in grouped[key].items()]
        series.sort(key=lambda s: (_chronological(s.marks[0]), s.source))
        blocks.append(MetricBlock(key[0], key[1], tuple(series), by_key.get(key)))
    return tuple(blocks)


def _chronological(mark: FigureMark) -> tuple:
    """Publication date (undated last), then claim id: the order in which a source's figures appeared."""
    return (mark.published is None, mark.published or "", mark.claim_id)
