"""The ledger's tables as typed SQLAlchemy models.

The database file is itself a product: analysts open it with sqlite3, Datasette or a BI tool. So the names
here are the names they read (see docs/schema.md): one table per thing an analyst talks about, offsets
called ``*_start``/``*_end`` into ``article.text``, no reserved words as column names, and every choice
column constrained to its documented values. Schema changes go through alembic revisions in
``migrations/versions``; ``tests/test_migrations.py`` checks these models match the migrated schema.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import (JSON, Boolean, CheckConstraint, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData,
                        String, Text)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ledger.fields import CLAIM_STATUSES, DATE_PRECISIONS, RELIABILITY_GRADES
from ledger.reading.types import CLAIM_KINDS, METRICS, SOURCE_TYPES, SPEAKER_KINDS


NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def outside_models(name: str | None) -> bool:
    """Schema objects made by raw SQL in migrations (full-text search tables and indexes), which these
    models do not describe and schema comparison must leave alone."""
    return bool(name) and "_fts" in name


def utcnow() -> datetime:
    """Timestamps are stored in UTC so that a team spread over time zones reads one clock."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def one_of(column: str, values: tuple[str, ...]) -> str:
    """A CHECK expression limiting a column to its documented values."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Article(Base):
    """One news article as ingested: its text exactly as stored (every offset points into it) and metadata.

    ``published`` is ISO 8601 text, as precise as the input: a year ("2021"), a month ("2021-06"), a date
    ("2021-02-26") or a date and time; ``published_precision`` says which (``year``, ``month``, ``day``; see
    ``ledger.published``), and no part the source left out is ever filled in.
    ``path`` is the file it came from and ``record`` its line in a JSONL file (item number in a JSON list).
    """

    __tablename__ = "article"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[Optional[str]] = mapped_column(Text)
    url: Mapped[Optional[str]] = mapped_column(Text, index=True)
    outlet: Mapped[Optional[str]] = mapped_column(String(200), index=True)
    author: Mapped[Optional[str]] = mapped_column(Text)
    published: Mapped[Optional[str]] = mapped_column(String(40), index=True)
    published_precision: Mapped[Optional[str]] = mapped_column(String(5))
    path: Mapped[Optional[str]] = mapped_column(Text)
    record: Mapped[Optional[int]] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(40))
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    claims: Mapped[list["Claim"]] = relationship(back_populates="article", cascade="all, delete-orphan",
                                                 passive_deletes=True)


class Source(Base):
    """A real-world speaker (person, organisation, anonymous group, outlet), one row however it is named."""

    __tablename__ = "source"
    __table_args__ = (
        CheckConstraint(one_of("type", SOURCE_TYPES), name="type"),
        CheckConstraint(one_of("kind", SPEAKER_KINDS), name="kind"),
        CheckConstraint(f"reliability IS NULL OR {one_of('reliability', RELIABILITY_GRADES)}", name="reliability"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    type: Mapped[str] = mapped_column(String(20), default="other")
    kind: Mapped[str] = mapped_column(String(20), default="organisation")
    affiliation_id: Mapped[Optional[int]] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"), index=True)
    reliability: Mapped[Optional[str]] = mapped_column(String(1))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    affiliation: Mapped[Optional["Source"]] = relationship(remote_side=[id])
    aliases: Mapped[list["SourceAlias"]] = relationship(back_populates="source", cascade="all, delete-orphan",
                                                        passive_deletes=True)


class SourceAlias(Base):
    """A normalised name that resolves to a source ("sohr" -> Syrian Observatory for Human Rights)."""

    __tablename__ = "source_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    alias: Mapped[str] = mapped_column(String(300), unique=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    origin: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    source: Mapped[Source] = relationship(back_populates="aliases")


class Event(Base):
    """A real-world happening the claims are about (a strike, an attack), shared by every article on it.

    ``earliest``/``latest`` bound the days an article placed the event in when it gave no exact date.
    ``conflicts_stale`` is set in the same transaction as any change to the event's claims, so an ingest
    killed before reconciling leaves a note that the next command picks up.
    """

    __tablename__ = "event"
    __table_args__ = (
        CheckConstraint(f"date_precision IS NULL OR {one_of('date_precision', DATE_PRECISIONS)}",
                        name="date_precision"),
        # an ingest looks up the events near a date by the precision of their date (ingest.event_store)
        Index("ix_event_precision_date", "date_precision", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    date: Mapped[Optional[date]] = mapped_column(Date, index=True)
    date_precision: Mapped[Optional[str]] = mapped_column(String(10))
    earliest: Mapped[Optional[date]] = mapped_column(Date)
    latest: Mapped[Optional[date]] = mapped_column(Date, index=True)
    kind: Mapped[Optional[str]] = mapped_column(String(60))
    places: Mapped[list[Any]] = mapped_column(JSON, default=list)
    actors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sites: Mapped[Optional[list[Any]]] = mapped_column(JSON, default=list)  # kinds of site hit: "theater"
    conflicts_stale: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    claims: Mapped[list["Claim"]] = relationship(back_populates="event")


class Claim(Base):
    """An attributed statement: who (source, mention) said what (content) with which words (cue), in which
    article, about which event. Every ``*_start``/``*_end`` pair is an offset into ``article.text``."""

    __tablename__ = "claim"
    __table_args__ = (
        CheckConstraint(one_of("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(one_of("status", CLAIM_STATUSES), name="status"),
        CheckConstraint("credibility IS NULL OR credibility BETWEEN 1 AND 6", name="credibility"),
        CheckConstraint("content_start <= content_end", name="content_span"),
        Index("ix_claim_event_source", "event_id", "source_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
    via_source_id: Mapped[Optional[int]] = mapped_column(ForeignKey("source.id"))
    event_id: Mapped[Optional[int]] = mapped_column(ForeignKey("event.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(20))
    mention: Mapped[Optional[str]] = mapped_column(Text)
    mention_start: Mapped[Optional[int]] = mapped_column(Integer)
    mention_end: Mapped[Optional[int]] = mapped_column(Integer)
    cue: Mapped[Optional[str]] = mapped_column(Text)
    cue_start: Mapped[Optional[int]] = mapped_column(Integer)
    cue_end: Mapped[Optional[int]] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    parts: Mapped[Optional[list[Any]]] = mapped_column(JSON)
    continues_id: Mapped[Optional[int]] = mapped_column(Integer)
    context_start: Mapped[Optional[int]] = mapped_column(Integer)
    context_end: Mapped[Optional[int]] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="auto")
    credibility: Mapped[Optional[int]] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    article: Mapped[Article] = relationship(back_populates="claims")
    source: Mapped[Source] = relationship(foreign_keys=[source_id])
    via_source: Mapped[Optional[Source]] = relationship(foreign_keys=[via_source_id])
    event: Mapped[Optional[Event]] = relationship(back_populates="claims")
    figures: Mapped[list["Figure"]] = relationship(back_populates="claim", cascade="all, delete-orphan",
                                                   passive_deletes=True,
                                                   order_by="[Figure.text_start, Figure.text_end, Figure.metric]")


class Figure(Base):
    """A number a claim asserts, as bounds: ``low``/``high`` NULL means unbounded on that side.

    ``no_figure`` rows record a party explicitly declining to give a number ("did not provide information
    on casualties"): evidence of silence, not zero.
    """

    __tablename__ = "figure"
    __table_args__ = (
        CheckConstraint(one_of("metric", METRICS), name="metric"),
        CheckConstraint("low IS NULL OR high IS NULL OR low <= high", name="bounds"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    metric: Mapped[str] = mapped_column(String(20), index=True)
    population: Mapped[Optional[str]] = mapped_column(String(60))
    low: Mapped[Optional[int]] = mapped_column(Integer)
    high: Mapped[Optional[int]] = mapped_column(Integer)
    qualifier: Mapped[Optional[str]] = mapped_column(String(60))
    vague: Mapped[bool] = mapped_column(Boolean, default=False)
    no_figure: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)
    text_start: Mapped[int] = mapped_column(Integer)
    text_end: Mapped[int] = mapped_column(Integer)
    parts: Mapped[Optional[list[Any]]] = mapped_column(JSON)
    population_note: Mapped[Optional[str]] = mapped_column(String(60))  # "sheltering": what befell them

    claim: Mapped[Claim] = relationship(back_populates="figures")


class Conflict(Base):
    """A disagreement the reconciler found for one event and metric (recomputed whenever the event changes)."""

    __tablename__ = "conflict"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    metric: Mapped[str] = mapped_column(String(20))
    population: Mapped[Optional[str]] = mapped_column(String(60))
    severity: Mapped[str] = mapped_column(String(20))
    size: Mapped[Optional[float]] = mapped_column(Float)
    summary: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sides: Mapped[list[Any]] = mapped_column(JSON, default=list)
    compatible: Mapped[list[Any]] = mapped_column(JSON, default=list)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    claims: Mapped[list["ConflictClaim"]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class ConflictClaim(Base):
    """Which claims stand behind a conflict, and on which side (index into ``conflict.sides``, NULL when
    the claim's source is compatible with several sides)."""

    __tablename__ = "conflict_claim"

    conflict_id: Mapped[int] = mapped_column(ForeignKey("conflict.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True, index=True)
    side: Mapped[Optional[int]] = mapped_column(Integer)


class Estimate(Base):
    """What the sources' latest accounts of one event, metric and population add up to: a low, a best and
    a high (``ledger.reconcile.estimate``), each with its rule and the claims it rests on. Recomputed with
    the conflicts whenever the event's claims change; lists are text joined with "; "."""

    __tablename__ = "estimate"
    __table_args__ = (Index("ix_estimate_event_metric", "event_id", "metric"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    metric: Mapped[str] = mapped_column(String(20))
    population: Mapped[str] = mapped_column(String(60))
    low: Mapped[Optional[int]] = mapped_column(Integer)
    best: Mapped[Optional[int]] = mapped_column(Integer)
    high: Mapped[Optional[int]] = mapped_column(Integer)
    low_rule: Mapped[str] = mapped_column(Text)
    best_rule: Mapped[str] = mapped_column(Text)
    high_rule: Mapped[str] = mapped_column(Text)
    low_claims: Mapped[str] = mapped_column(Text)
    best_claims: Mapped[str] = mapped_column(Text)
    high_claims: Mapped[str] = mapped_column(Text)
    best_sources: Mapped[str] = mapped_column(Text)
    sources: Mapped[str] = mapped_column(Text)
    notes: Mapped[Optional[str]] = mapped_column(Text)
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EstimateTotal(Base):
    """One event's total killed (or wounded), UCDP GED style: ``low``, ``best``, ``high`` and the breakdown
    of ``best`` by who was hit (``ledger.reconcile.totals``); the breakdown's non-empty groups add up to
    ``best``. Recomputed with the estimates."""

    __tablename__ = "estimate_total"
    __table_args__ = (Index("ix_estimate_total_event_metric", "event_id", "metric", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    metric: Mapped[str] = mapped_column(String(20))
    low: Mapped[Optional[int]] = mapped_column(Integer)
    best: Mapped[Optional[int]] = mapped_column(Integer)
    high: Mapped[Optional[int]] = mapped_column(Integer)
    civilians: Mapped[Optional[int]] = mapped_column(Integer)
    combatants_state: Mapped[Optional[int]] = mapped_column(Integer)
    combatants_nonstate: Mapped[Optional[int]] = mapped_column(Integer)
    combatants_unknown: Mapped[Optional[int]] = mapped_column(Integer)
    unknown: Mapped[Optional[int]] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(Text)
    claims: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditLog(Base):
    """Every analyst change, append-only (triggers refuse UPDATE and DELETE): who, when, what, before, after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    who: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[Optional[int]] = mapped_column(Integer)
    before: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    after: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    note: Mapped[Optional[str]] = mapped_column(Text)
