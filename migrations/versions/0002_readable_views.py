"""Readable views for people who open the database without the ledger: claims, figures, conflicts and
sources flattened into one row each, with names instead of ids (documented in docs/schema.md).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

VIEWS = ("claims_flat", "figures_flat", "conflicts_flat", "sources_summary")

BOUNDS = """CASE
      WHEN f.no_figure THEN 'no figure'
      WHEN f.low IS NOT NULL AND f.high IS NOT NULL AND f.low = f.high THEN CAST(f.low AS TEXT)
      WHEN f.low IS NOT NULL AND f.high IS NOT NULL THEN CAST(f.low AS TEXT) || '-' || CAST(f.high AS TEXT)
      WHEN f.low IS NOT NULL THEN CAST(f.low AS TEXT) || '+'
      WHEN f.high IS NOT NULL THEN '<=' || CAST(f.high AS TEXT)
      ELSE '?' END"""


def figures_text(where: str) -> str:
    """A subquery listing a claim's figures as text in reading order ("killed fighters 5+; wounded 2+"):
    string_agg on PostgreSQL, group_concat over an ordered subquery on SQLite."""
    words = f"f.metric || COALESCE(' ' || f.population, '') || ' ' || {BOUNDS}"
    if op.get_bind().dialect.name == "postgresql":
        return f"(SELECT string_agg({words}, '; ' ORDER BY f.text_start) FROM figure f WHERE {where})"
    return f"(SELECT group_concat(w, '; ') FROM (SELECT {words} AS w FROM figure f WHERE {where} ORDER BY f.text_start))"


def upgrade() -> None:
    op.execute(f"""
CREATE VIEW figures_flat AS
SELECT f.id AS figure_id, f.claim_id, c.status AS claim_status, c.kind AS claim_kind,
       e.id AS event_id, e.label AS event_label, e.date AS event_date,
       f.metric, f.population, f.low, f.high, {BOUNDS} AS bounds, f.qualifier, f.vague, f.no_figure,
       f.text AS figure_text, s.id AS source_id, s.name AS source, s.type AS source_type,
       a.id AS article_id, a.outlet, a.published, a.title AS article_title, a.url, c.content AS claim_content
FROM figure f
JOIN claim c ON c.id = f.claim_id
JOIN source s ON s.id = c.source_id
JOIN article a ON a.id = c.article_id
LEFT JOIN event e ON e.id = c.event_id""")
    op.execute(f"""
CREATE VIEW claims_flat AS
SELECT c.id AS claim_id, c.status, c.kind, s.id AS source_id, s.name AS source, s.type AS source_type,
       org.name AS source_organisation, via.name AS via_source, c.mention, c.cue, c.content,
       {figures_text("f.claim_id = c.id")} AS figures,
       e.id AS event_id, e.label AS event_label, e.date AS event_date,
       a.id AS article_id, a.outlet, a.published, a.title AS article_title, a.url, a.path,
       c.credibility, s.reliability AS source_reliability, c.content_start, c.content_end
FROM claim c
JOIN source s ON s.id = c.source_id
LEFT JOIN source org ON org.id = s.affiliation_id
LEFT JOIN source via ON via.id = c.via_source_id
JOIN article a ON a.id = c.article_id
LEFT JOIN event e ON e.id = c.event_id""")
    op.execute(f"""
CREATE VIEW conflicts_flat AS
SELECT k.id AS conflict_id, e.id AS event_id, e.label AS event_label, e.date AS event_date,
       k.severity, k.metric, k.population, k.size, k.summary, kc.side, c.id AS claim_id, s.name AS source,
       s.type AS source_type,
       {figures_text("f.claim_id = c.id AND f.metric = k.metric")} AS figures,
       c.content, a.outlet, a.published
FROM conflict k
JOIN event e ON e.id = k.event_id
JOIN conflict_claim kc ON kc.conflict_id = k.id
JOIN claim c ON c.id = kc.claim_id
JOIN source s ON s.id = c.source_id
JOIN article a ON a.id = c.article_id""")
    op.execute("""
CREATE VIEW sources_summary AS
SELECT s.id AS source_id, s.name, s.type, s.kind, org.name AS organisation, s.reliability,
       (SELECT count(*) FROM claim c WHERE c.source_id = s.id) AS claims,
       (SELECT count(*) FROM claim c WHERE c.source_id = s.id AND c.status = 'rejected') AS rejected_claims,
       (SELECT count(DISTINCT c.event_id) FROM claim c WHERE c.source_id = s.id) AS events,
       (SELECT count(*) FROM source_alias al WHERE al.source_id = s.id) AS aliases,
       (SELECT min(a.published) FROM claim c JOIN article a ON a.id = c.article_id WHERE c.source_id = s.id)
           AS first_published,
       (SELECT max(a.published) FROM claim c JOIN article a ON a.id = c.article_id WHERE c.source_id = s.id)
           AS last_published
FROM source s
LEFT JOIN source org ON org.id = s.affiliation_id""")


def downgrade() -> None:
    for view in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {view}")
