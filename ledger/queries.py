"""Reading the ledger for listings: claims with filters, sources, events and articles with their counts,
one claim in its passage, one article with its claims.

Each function returns plain values (dicts or ORM rows loaded up front), so the CLI only renders them.
"""
from __future__ import annotations

from typing import Any, Iterator

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ledger.errors import NotFound
from ledger.export import claim_dict, claim_query, iter_claims
from ledger.models import Article, Claim, Conflict, Event, Figure, Source, SourceAlias
from ledger.names import normalise_name
from ledger.render import bounds_text, shorten
from ledger.passages import Passage, passage_of


def find_source(session: Session, name: str) -> Source:
    """A source by id, exact name, or any alias ("SOHR", "the Pentagon")."""
    source = None
    if name.isdigit():
        source = session.get(Source, int(name))
    source = source or session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = session.scalar(select(Source).join(SourceAlias).where(SourceAlias.alias == normalise_name(name)))
    if source is None:
        raise NotFound(f"no source named {name!r} (see `ledger sources`)")
    return source


def get(session: Session, model, ident: int, what: str):
    row = session.get(model, ident)
    if row is None:
        raise NotFound(f"no {what} {ident}")
    return row


def claims(session: Session, source: str | None = None, event: int | None = None, article: int | None = None,
           kind: str | None = None, metric: str | None = None, status: str | None = None) -> Iterator[Claim]:
    """Claims matching every filter given, in id order (streamed in batches)."""
    query = claim_query()
    if source:
        found = find_source(session, source)
        query = query.where(Claim.source_id == found.id)
    if event is not None:
        query = query.where(Claim.event_id == get(session, Event, event, "event").id)
    if article is not None:
        query = query.where(Claim.article_id == get(session, Article, article, "article").id)
    if kind:
        query = query.where(Claim.kind == kind)
    if status:
        query = query.where(Claim.status == status)
    if metric:
        query = query.where(Claim.id.in_(select(Figure.claim_id).where(Figure.metric == metric)))
    return iter_claims(session, query)


def sources(session: Session) -> list[dict[str, Any]]:
    counts = dict(session.execute(select(Claim.source_id, func.count()).group_by(Claim.source_id)).all())
    aliases: dict[int, list[str]] = {}
    for alias, source_id in session.execute(select(SourceAlias.alias, SourceAlias.source_id).order_by(SourceAlias.alias)):
        aliases.setdefault(source_id, []).append(alias)
    rows = []
    for s in session.scalars(select(Source).order_by(Source.name)):
        rows.append({"id": s.id, "name": s.name, "type": s.type, "kind": s.kind,
                     "affiliation": s.affiliation.name if s.affiliation else None, "reliability": s.reliability,
                     "claims": counts.get(s.id, 0), "aliases": aliases.get(s.id, [])})
    return rows


def events(session: Session) -> list[dict[str, Any]]:
    claim_counts = dict(session.execute(select(Claim.event_id, func.count()).group_by(Claim.event_id)).all())
    source_counts = dict(session.execute(select(Claim.event_id, func.count(Claim.source_id.distinct()))
                                         .group_by(Claim.event_id)).all())
    conflict_counts = dict(session.execute(select(Conflict.event_id, func.count()).group_by(Conflict.event_id)).all())
    return [{"id": e.id, "date": e.date.isoformat() if e.date else None, "precision": e.date_precision,
             "label": e.label, "kind": e.kind, "places": e.places, "actors": e.actors,
             "claims": claim_counts.get(e.id, 0), "sources": source_counts.get(e.id, 0),
             "conflicts": conflict_counts.get(e.id, 0)}
            for e in session.scalars(select(Event).order_by(Event.date, Event.id))]


def articles(session: Session) -> list[dict[str, Any]]:
    counts = dict(session.execute(select(Claim.article_id, func.count()).group_by(Claim.article_id)).all())
    query = select(Article.id, Article.published, Article.outlet, Article.title, Article.url, Article.path,
                   Article.record, Article.author, Article.sha256, Article.ingested_at).order_by(Article.id)
    return [{"id": a.id, "published": a.published, "outlet": a.outlet, "title": a.title, "url": a.url,
             "path": a.path, "record": a.record, "author": a.author, "sha256": a.sha256,
             "ingested_at": a.ingested_at.isoformat(timespec="seconds"), "claims": counts.get(a.id, 0)}
            for a in session.execute(query)]


_LINE_FIGURES = (select(Figure.claim_id, Figure.metric, Figure.population, Figure.low, Figure.high)
                 .where(Figure.claim_id.in_(bindparam("ids", expanding=True)))
                 .order_by(Figure.claim_id, Figure.text_start))
_LINE_CLAIMS = (select(Claim.id, Claim.content, Source.name, Article.outlet, Article.published)
                .join(Source, Source.id == Claim.source_id).join(Article, Article.id == Claim.article_id)
                .where(Claim.id.in_(bindparam("ids", expanding=True))))


def claim_lines(session, ids: set[int]) -> dict[int, dict]:
    """The report's line for each claim: two queries per 900 claims (claims with their source and article,
    then their figures), not the ORM's objects and lazy loads, which took most of the report's time. The
    statements are built once with the ids as one expanding parameter (building an IN list of 900 literals
    cost more than running it), and rows are fetched whole."""
    found: dict[int, dict] = {}
    ordered = sorted(ids)
    connection = session.connection()
    for start in range(0, len(ordered), 900):  # within SQLite's bound on query parameters
        chunk = {"ids": ordered[start:start + 900]}
        figures: dict[int, list[str]] = {}
        for claim_id, metric, population, low, high in connection.execute(_LINE_FIGURES, chunk).all():
            figures.setdefault(claim_id, []).append(
                f"{metric} {population or ''} {bounds_text(low, high)}".replace("  ", " "))
        for claim_id, content, source, outlet, published in connection.execute(_LINE_CLAIMS, chunk).all():
            found[claim_id] = {"source": source, "figures": "; ".join(figures.get(claim_id, [])),
                               "content": shorten(content, 110), "outlet": outlet or "", "published": published or ""}
    return found


def claim_count(session, event_ids: list[int] | None) -> int:
    """How many claims about these events (every event) the ledger holds: what a report page would carry."""
    query = select(func.count()).select_from(Claim).where(Claim.event_id.is_not(None), Claim.status != "rejected")
    if event_ids:
        query = query.where(Claim.event_id.in_(event_ids))
    return session.scalar(query) or 0


def claim_in_passage(session: Session, claim_id: int) -> tuple[dict[str, Any], Passage]:
    """A claim as the contract's dict, and the passage of its article it was read from."""
    row = get(session, Claim, claim_id, "claim")
    claim = claim_dict(row)
    return claim, passage_of(row.article.text, claim, (row.context_start, row.context_end))


ARTICLE_FIELDS = ("id", "title", "url", "outlet", "published", "author", "path")


def article_with_claims(session: Session, article_id: int) -> dict[str, Any]:
    """An article's metadata, its ``text`` and its ``claims`` (contract dicts, in id order)."""
    article = get(session, Article, article_id, "article")
    return {**{k: getattr(article, k) for k in ARTICLE_FIELDS}, "text": article.text,
            "claims": [claim_dict(c) for c in claims(session, article=article_id)]}
