"""The reconciler's input read from the database: every figure of an event's claims as a frozen fact.

Shared by the conflict refresh (``ledger.conflicts``), the estimates worked out for a past date
(``ledger.estimates``) and the report; it lives apart from them so that none of them imports another to
get it.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ledger import published, reconcile
from ledger.models import Article, Claim, Figure, Source
from ledger.reading.events.places import figure_place, places_apart
from ledger.reading.events.scopes import WIDER, wider_figures
from ledger.reading.events.timexpr import find_times


def load_facts(session: Session, event_ids: Iterable[int]) -> list[reconcile.FigureFact]:
    """The figure facts of these events: every figure of every claim that is not rejected. Read as plain
    columns (no ORM objects): a refresh after a large ingest reads every figure of thousands of events."""
    event_ids = list(event_ids)
    if not event_ids:
        return []
    via = aliased(Source)
    affiliation = aliased(Source)
    rows = session.connection().execute(  # Core, not the ORM's result machinery: a third of the time
        select(Claim.id, Figure.id, Claim.event_id, Source.id, Source.name, Source.type, affiliation.name,
               Source.reliability, Claim.article_id, Article.outlet, Article.published, Figure.metric,
               Figure.population, Figure.low, Figure.high, Figure.qualifier, Figure.vague, Figure.no_figure,
               Figure.text, via.name, Claim.kind, Article.sha256, Claim.content_start, Figure.text_start,
               Figure.population_note, Figure.text_end, Claim.content, Claim.context_start,
               func.substr(Article.text, Claim.context_start + 1, Claim.context_end - Claim.context_start))
        .join(Claim, Claim.id == Figure.claim_id)
        .join(Source, Source.id == Claim.source_id)
        .outerjoin(affiliation, affiliation.id == Source.affiliation_id)
        .outerjoin(via, via.id == Claim.via_source_id)
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.event_id.in_(event_ids), Claim.status != "rejected")
        .order_by(Claim.event_id, Claim.id, Figure.id))
    facts, dates, apart, claim_rows = [], {}, {}, []
    for row in rows:
        fact = dict(zip(_FACT_FIELDS, row))
        raw = fact["published"]
        if raw not in dates:  # few distinct dates among many facts: read each once
            dates[raw] = (published.precision(raw), published.moment(raw))
        fact["published_precision"], fact["published"] = dates[raw]
        note, figure_end, content = row[-5:-2]  # the columns after the fields: where a figure counts (its place)
        if note and fact["population"]:  # "people" "sheltering" are compared only with people sheltering
            fact["population"] = f"{fact['population']} {note}"
        if content and figure_end is not None and None not in (fact["figure_start"], fact["claim_start"]):
            offset = fact["claim_start"]
            fact["place"] = figure_place(content, fact["figure_start"] - offset, figure_end - offset)
            if fact["claim_id"] not in apart:  # one claim, several figures: read its places once
                apart[fact["claim_id"]] = places_apart(content)
            fact["places_apart"] = apart[fact["claim_id"]]
        if claim_rows and claim_rows[-1][0]["claim_id"] != fact["claim_id"]:
            facts += _scoped(claim_rows)
            claim_rows = []
        claim_rows.append((fact, row))
    return facts + _scoped(claim_rows)


def _scoped(claim_rows: list[tuple[dict, Any]]) -> list[reconcile.FigureFact]:
    """The facts of one claim, each figure counted over a wider conflict than the event marked so
    (:func:`ledger.reading.events.scopes.wider_figures` over the sentence the claim was read from, else
    its content): all of a claim's figures are read together, as a scope phrase goes with the nearest."""
    if not claim_rows:
        return []
    spans: list[tuple[int, int]] = []
    first, row = claim_rows[0]
    content, context_start, sentence = row[-3], row[-2], row[-1] or ""
    base = context_start if sentence else first["claim_start"]
    sentence = sentence or content or ""
    content_start = None if None in (base, first["claim_start"]) else first["claim_start"] - base
    said = _said(sentence, content_start, len(content or ""), first["published"])
    for fact, row in claim_rows:
        start, end = fact["figure_start"], row[-4]
        inside = None not in (start, end, base) and 0 <= start - base and end - base <= len(sentence)
        spans.append((start - base, end - base) if inside else (-1, -1))
    wide = wider_figures(sentence, [s for s in spans if s[0] >= 0]) if sentence else []
    flags = iter(wide)
    facts = []
    for (fact, _row), span in zip(claim_rows, spans):
        if span[0] >= 0 and next(flags):
            fact["scope"] = WIDER
        fact["said"] = said
        facts.append(reconcile.FigureFact(**fact))
    return facts


SAID_REACH = timedelta(days=14)  # a saying dated further back than this is history, not this report's news


def _said(sentence: str, content_start: int | None, content_length: int, published) -> date | None:
    """The day the claim's source said it, when the words around the claim's content (not the content
    itself, whose times are the event's) date the saying to one day before the article's own: "estimates
    by the mission on Thursday put the toll at 170" in an article of the Monday after. None otherwise."""
    if not sentence or content_start is None or not isinstance(published, (date, datetime)):
        return None
    day = published.date() if isinstance(published, datetime) else published
    outside = (sentence[:max(0, content_start)], sentence[content_start + content_length:])
    days = {t.first for part in outside if part.strip() for t in find_times(part, day)
            if t.precision == "day" and not t.floating and t.first is not None and t.first == t.last
            and day - SAID_REACH <= t.first < day}
    return days.pop() if len(days) == 1 else None


# The FigureFact field each column of load_facts' query fills, in the query's order.
_FACT_FIELDS = ("claim_id", "figure_id", "event_id", "source_id", "source_name", "source_type",
                "source_affiliation", "source_reliability", "article_id", "outlet", "published", "metric",
                "population", "low", "high", "qualifier", "vague", "no_figure", "text", "via", "claim_kind",
                "article_key", "claim_start", "figure_start")
