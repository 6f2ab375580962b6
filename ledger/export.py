"""The machine-readable shapes of claims and conflicts (``../shared/docs/export-contract.md``), and the
flat event rows of ``ledger export events``.

Analysts script against these dicts and the accuracy benchmark reads them: fields may be added, never
renamed or dropped. Everything that prints a claim, a conflict or an event export as JSON, JSONL or CSV
goes through here.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload, defer

from ledger.estimates import BREAKDOWN, stored_totals
from ledger.models import Article, Claim, Conflict, Event, Figure, Source
from ledger.reading.events.timexpr import window
from ledger.text.data import load

EXPORT_BATCH = 1000


def article_ref(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "url": article.url, "outlet": article.outlet,
            "published": article.published, "path": article.path}


def source_ref(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {"id": source.id, "name": source.name, "type": source.type, "kind": source.kind,
            "affiliation": source.affiliation.name if source.affiliation else None}


def event_ref(event: Event | None) -> dict[str, Any] | None:
    if event is None:
        return None
    return {"id": event.id, "label": event.label, "date": event.date.isoformat() if event.date else None}


def figure_dict(figure: Figure) -> dict[str, Any]:
    return {"metric": figure.metric, "population": figure.population, "low": figure.low, "high": figure.high,
            "qualifier": figure.qualifier, "text": figure.text, "start": figure.text_start, "end": figure.text_end,
            "vague": figure.vague, "no_figure": figure.no_figure, "population_note": figure.population_note}


def claim_dict(claim: Claim) -> dict[str, Any]:
    """One claim as the contract's JSON object, plus additive fields: ``no_figures`` (a party explicitly
    declining to give a number: evidence of silence, kept apart because it asserts no number), via, the
    speaker's and cue's offsets, quoted parts, credibility and extractor version."""
    return {
        "id": claim.id,
        "article": article_ref(claim.article),
        "source": source_ref(claim.source),
        "mention": claim.mention,
        "kind": claim.kind,
        "cue": claim.cue,
        "content": claim.content,
        "start": claim.content_start,
        "end": claim.content_end,
        "event": event_ref(claim.event),
        "figures": [figure_dict(f) for f in claim.figures if not f.no_figure],
        "no_figures": [figure_dict(f) for f in claim.figures if f.no_figure],
        "status": claim.status,
        "via": source_ref(claim.via_source),
        "mention_start": claim.mention_start, "mention_end": claim.mention_end,
        "cue_start": claim.cue_start, "cue_end": claim.cue_end,
        "parts": claim.parts,
        "continues": claim.continues_id,
        "credibility": claim.credibility,
        "extractor_version": claim.extractor_version,
    }


def claim_query():
    """Claims with everything ``claim_dict`` reads loaded up front (one query per batch, not per claim);
    the article text is left out, exports do not need it."""
    return (select(Claim)
            .options(joinedload(Claim.article).options(defer(Article.text)),
                     joinedload(Claim.source).joinedload(Source.affiliation),
                     joinedload(Claim.via_source), joinedload(Claim.event), selectinload(Claim.figures))
            .order_by(Claim.id))


def iter_claims(session: Session, query=None) -> Iterator[Claim]:
    """Claims in id order, read in batches so that exporting a large ledger keeps memory flat."""
    query = query if query is not None else claim_query()
    last_id = 0
    while True:
        batch = session.scalars(query.where(Claim.id > last_id).limit(EXPORT_BATCH)).unique().all()
        if not batch:
            return
        yield from batch
        last_id = batch[-1].id
        session.expunge_all()


def conflict_dict(conflict: Conflict, event: Event, claim_ids: Iterable[int] | None = None) -> dict[str, Any]:
    """One stored conflict as the contract's JSON object (plus size, parties and notes); ``claim_ids`` are
    its claims when the caller read them already (else they are loaded through ``conflict.claims``).
    ``conflict`` and ``event`` may be ORM objects or plain rows with the same column names."""
    details = conflict.details or {}
    return {
        "id": conflict.id,
        "event": event_ref(event),
        "metric": conflict.metric,
        "population": conflict.population,
        "severity": conflict.severity,
        "sources": conflict.sources,
        "sides": conflict.sides,
        "compatible": conflict.compatible,
        "claims": sorted(claim_ids if claim_ids is not None else (link.claim_id for link in conflict.claims)),
        "summary": conflict.summary,
        **{k: v for k, v in details.items() if k not in ("claims",)},
    }


@lru_cache(maxsize=1)
def event_types() -> dict[str, tuple[str | None, str | None]]:
    """The ledger's event kinds mapped to ACLED's (event_type, sub_event_type), from
    ``ledger/vocab/event_types.json`` (kinds that fit no single type are absent)."""
    data = load("event_types.json")
    return {kind: (pair[0], pair[1]) for kind, pair in data["kinds"].items()}


def event_rows(session: Session) -> Iterator[dict[str, Any]]:
    """Every event as one flat row shaped like ACLED's and UCDP GED's: its date with the days it can mean
    (``date_start``/``date_end``) and its precision, its kind and ACLED's event type for it, places and
    actors, fatalities low / best / high with their breakdown (UCDP's deaths by side, civilians, unknown)
    and the wounded, then who reported it: claims, sources, outlets and articles. The totals are the stored
    ones: refresh stale events first (``ledger.conflicts.refresh_stale``)."""

    totals = stored_totals(session)
    claims = dict(session.execute(select(Claim.event_id, func.count()).group_by(Claim.event_id)).all())
    conflicts = dict(session.execute(select(Conflict.event_id, func.count()).group_by(Conflict.event_id)).all())
    reported: dict[int, tuple[set, set, set]] = {}
    for event_id, source, outlet, article_id in session.execute(
            select(Claim.event_id, Source.name, Article.outlet, Claim.article_id)
            .join(Source, Source.id == Claim.source_id).join(Article, Article.id == Claim.article_id)
            .where(Claim.event_id.is_not(None)).distinct()):
        sources, outlets, articles = reported.setdefault(event_id, (set(), set(), set()))
        sources.add(source)
        if outlet:
            outlets.add(outlet)
        articles.add(article_id)
    types = event_types()
    for event in session.scalars(select(Event).order_by(Event.date, Event.id)):
        if event.earliest is not None and event.latest is not None:
            days = (event.earliest, event.latest)
        else:
            days = window(event.date, event.date_precision)
        event_type, sub_event_type = types.get(event.kind or "", (None, None))
        killed, wounded = totals.get((event.id, "killed")), totals.get((event.id, "wounded"))
        sources, outlets, articles = reported.get(event.id, (set(), set(), set()))
        yield {
            "event_id": event.id, "label": event.label,
            "date": event.date.isoformat() if event.date else None,
            "date_start": days[0].isoformat() if days else None, "date_end": days[1].isoformat() if days else None,
            "date_precision": event.date_precision,
            "kind": event.kind, "event_type": event_type, "sub_event_type": sub_event_type,
            "places": list(event.places or []), "actors": list(event.actors or []),
            **{f"fatalities_{bound}": getattr(killed, bound, None) for bound in ("low", "best", "high")},
            **{f"fatalities_{group}": getattr(killed, group, None) for group in BREAKDOWN},
            **{f"wounded_{bound}": getattr(wounded, bound, None) for bound in ("low", "best", "high")},
            "claims": claims.get(event.id, 0), "conflicts": conflicts.get(event.id, 0),
            "sources": sorted(sources), "outlets": sorted(outlets), "articles": sorted(articles),
        }
