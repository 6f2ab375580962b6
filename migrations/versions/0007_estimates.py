"""Stored estimates and event totals; the event's date precision in the readable views.

``estimate`` keeps, per event, metric and population, the low / best / high the reconciler works out from
the sources' latest accounts, with the rule behind each number and the claims it rests on; ``estimate_total``
keeps per event the total killed and wounded with its breakdown (civilians, combatants by side, unknown),
as UCDP's GED does. Both are refreshed with the conflicts (``ledger.conflicts.refresh_events``), so they
are filled on the next refresh: the events are marked stale here. ``estimates_flat`` and ``totals_flat``
show them with their event. ``figures_flat``, ``claims_flat`` and ``conflicts_flat`` gain
``event_date_precision`` beside ``event_date`` (a date of precision "month" is the month's first day, not
a day the event happened on); the downgrade restores them as revision 0006 made them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

REMADE = ("figures_flat", "claims_flat", "conflicts_flat")
NEW_VIEWS = ("estimates_flat", "totals_flat")

BOUNDS = """CASE
      WHEN f.no_figure THEN 'no figure'
      WHEN f.low IS NOT NULL AND f.high IS NOT NULL AND f.low = f.high THEN CAST(f.low AS TEXT)
      WHEN f.low IS NOT NULL AND f.high IS NOT NULL THEN CAST(f.low AS TEXT) || '-' || CAST(f.high AS TEXT)
      WHEN f.low IS NOT NULL THEN CAST(f.low AS TEXT) || '+'
      WHEN f.high IS NOT NULL THEN '<=' || CAST(f.high AS TEXT)
      ELSE '?' END"""


ORDER = "f.text_start, f.text_end, f.metric"  # as revision 0006: by span, then metric, on both engines


def figures_text(where: str) -> str:
    """A claim's figures as text in reading order ("killed fighters 5+; wounded 2+"), as in revision 0006."""
    words = f"f.metric || COALESCE(' ' || f.population, '') || ' ' || {BOUNDS}"
    if op.get_bind().dialect.name == "postgresql":
        return f"(SELECT string_agg({words}, '; ' ORDER BY {ORDER}) FROM figure f WHERE {where})"
    return f"(SELECT group_concat(w, '; ') FROM (SELECT {words} AS w FROM figure f WHERE {where} ORDER BY {ORDER}))"


def flat_views(precision: bool) -> list[str]:
    """The three views of revision 0006 that show an event's date, with ``event_date_precision`` after
    ``event_date`` when ``precision`` (this revision), without it as 0006 made them."""
    date = "e.date AS event_date" + (", e.date_precision AS event_date_precision" if precision else "")
    return [f"""
CREATE VIEW figures_flat AS
SELECT f.id AS figure_id, f.claim_id, c.status AS claim_status, c.kind AS claim_kind,
       e.id AS event_id, e.label AS event_label, {date},
       f.metric, f.population, f.low, f.high, {BOUNDS} AS bounds, f.qualifier, f.vague, f.no_figure,
       f.text AS figure_text, s.id AS source_id, s.name AS source, s.type AS source_type,
       a.id AS article_id, a.outlet, a.published, a.published_precision, a.title AS article_title, a.url,
       c.content AS claim_content
FROM figure f
JOIN claim c ON c.id = f.claim_id
JOIN source s ON s.id = c.source_id
JOIN article a ON a.id = c.article_id
LEFT JOIN event e ON e.id = c.event_id""", f"""
CREATE VIEW claims_flat AS
SELECT c.id AS claim_id, c.status, c.kind, s.id AS source_id, s.name AS source, s.type AS source_type,
       org.name AS source_organisation, via.name AS via_source, c.mention, c.cue, c.content,
       {figures_text("f.claim_id = c.id")} AS figures,
       e.id AS event_id, e.label AS event_label, {date},
       a.id AS article_id, a.outlet, a.published, a.published_precision, a.title AS article_title, a.url, a.path,
       c.credibility, s.reliability AS source_reliability, c.content_start, c.content_end
FROM claim c
JOIN source s ON s.id = c.source_id
LEFT JOIN source org ON org.id = s.affiliation_id
LEFT JOIN source via ON via.id = c.via_source_id
JOIN article a ON a.id = c.article_id
LEFT JOIN event e ON e.id = c.event_id""", f"""
CREATE VIEW conflicts_flat AS
SELECT k.id AS conflict_id, e.id AS event_id, e.label AS event_label, {date},
       k.severity, k.metric, k.population, k.size, k.summary, kc.side, c.id AS claim_id, s.name AS source,
       s.type AS source_type,
       {figures_text("f.claim_id = c.id AND f.metric = k.metric")} AS figures,
       c.content, a.outlet, a.published, a.published_precision
FROM conflict k
JOIN event e ON e.id = k.event_id
JOIN conflict_claim kc ON kc.conflict_id = k.id
JOIN claim c ON c.id = kc.claim_id
JOIN source s ON s.id = c.source_id
JOIN article a ON a.id = c.article_id"""]


NEW_VIEW_SQL = ["""
CREATE VIEW estimates_flat AS
SELECT k.id AS estimate_id, e.id AS event_id, e.label AS event_label, e.date AS event_date,
       e.date_precision AS event_date_precision, k.metric, k.population, k.low, k.best, k.high,
       k.best_sources, k.low_rule, k.best_rule, k.high_rule, k.low_claims, k.best_claims, k.high_claims,
       k.sources, k.notes
FROM estimate k
JOIN event e ON e.id = k.event_id""", """
CREATE VIEW totals_flat AS
SELECT t.event_id, e.label AS event_label, e.date AS event_date, e.date_precision AS event_date_precision,
       e.kind AS event_kind, t.metric, t.low, t.best, t.high, t.civilians, t.combatants_state,
       t.combatants_nonstate, t.combatants_unknown, t.unknown, t.claims
FROM estimate_total t
JOIN event e ON e.id = t.event_id"""]


def _replace_views(precision: bool) -> None:
    for view in REMADE:
        op.execute(f"DROP VIEW IF EXISTS {view}")
    for statement in flat_views(precision):
        op.execute(statement)


def upgrade() -> None:
    op.create_table(
        "estimate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=20), nullable=False),
        sa.Column("population", sa.String(length=60), nullable=False),
        sa.Column("low", sa.Integer(), nullable=True),
        sa.Column("best", sa.Integer(), nullable=True),
        sa.Column("high", sa.Integer(), nullable=True),
        sa.Column("low_rule", sa.Text(), nullable=False),
        sa.Column("best_rule", sa.Text(), nullable=False),
        sa.Column("high_rule", sa.Text(), nullable=False),
        sa.Column("low_claims", sa.Text(), nullable=False),
        sa.Column("best_claims", sa.Text(), nullable=False),
        sa.Column("high_claims", sa.Text(), nullable=False),
        sa.Column("best_sources", sa.Text(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name="fk_estimate_event_id_event", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_estimate"),
    )
    op.create_index("ix_estimate_event_metric", "estimate", ["event_id", "metric"])
    op.create_table(
        "estimate_total",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=20), nullable=False),
        sa.Column("low", sa.Integer(), nullable=True),
        sa.Column("best", sa.Integer(), nullable=True),
        sa.Column("high", sa.Integer(), nullable=True),
        sa.Column("civilians", sa.Integer(), nullable=True),
        sa.Column("combatants_state", sa.Integer(), nullable=True),
        sa.Column("combatants_nonstate", sa.Integer(), nullable=True),
        sa.Column("combatants_unknown", sa.Integer(), nullable=True),
        sa.Column("unknown", sa.Integer(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("claims", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name="fk_estimate_total_event_id_event",
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_estimate_total"),
    )
    op.create_index("ix_estimate_total_event_metric", "estimate_total", ["event_id", "metric"], unique=True)
    _replace_views(precision=True)
    for statement in NEW_VIEW_SQL:
        op.execute(statement)
    op.execute("UPDATE event SET conflicts_stale = TRUE")  # estimates are stored on the next refresh


def downgrade() -> None:
    for view in reversed(NEW_VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {view}")
    _replace_views(precision=False)
    op.drop_index("ix_estimate_total_event_metric", table_name="estimate_total")
    op.drop_table("estimate_total")
    op.drop_index("ix_estimate_event_metric", table_name="estimate")
    op.drop_table("estimate")
