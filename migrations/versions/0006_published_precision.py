"""Keep how precisely each article was dated (``article.published_precision``), and list a claim's figures
in one order on every engine.

A source may date an article by its year, its month or its day; ``published`` keeps the ISO text as given
("2021", "2021-06", "2021-06-28") and the new column says which (``year``, ``month``, ``day``), so that events
and ``--as-of`` never read a month as one of its days. Rows stored before are read from their text: the
ledger stored only days (or days and times) until now, so they get ``day``.

The readable views that show ``published`` gain ``published_precision`` beside it, and their ``figures``
text lists a claim's figures by span, then metric (two figures of one span, "declined to give a casualty
figure" for killed and wounded, came out in an order each engine chose). The downgrade restores the views
of revision 0002.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

VIEWS = ("claims_flat", "figures_flat", "conflicts_flat", "sources_summary")
ORDER = "f.text_start, f.text_end, f.metric"


def _revision_0002():
    """The module of revision 0002 (its views are restored by the downgrade, its bounds text reused)."""
    path = next(Path(__file__).parent.glob("0002_*.py"))
    spec = importlib.util.spec_from_file_location("ledger_revision_0002", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures_text(where: str, bounds: str) -> str:
    """A claim's figures as text ("killed fighters 5+; wounded 2+"), by span then metric on both engines."""
    words = f"f.metric || COALESCE(' ' || f.population, '') || ' ' || {bounds}"
    if op.get_bind().dialect.name == "postgresql":
        return f"(SELECT string_agg({words}, '; ' ORDER BY {ORDER}) FROM figure f WHERE {where})"
    return f"(SELECT group_concat(w, '; ') FROM (SELECT {words} AS w FROM figure f WHERE {where} ORDER BY {ORDER}))"


def _drop_views() -> None:
    for view in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {view}")


def upgrade() -> None:
    bounds = _revision_0002().BOUNDS
    _drop_views()
    op.add_column("article", sa.Column("published_precision", sa.String(length=5), nullable=True))
    op.execute("""UPDATE article SET published_precision = CASE
        WHEN length(published) = 4 THEN 'year' WHEN length(published) = 7 THEN 'month' ELSE 'day' END
        WHERE published IS NOT NULL AND published <> ''""")
    op.execute(f"""
CREATE VIEW figures_flat AS
SELECT f.id AS figure_id, f.claim_id, c.status AS claim_status, c.kind AS claim_kind,
       e.id AS event_id, e.label AS event_label, e.date AS event_date,
       f.metric, f.population, f.low, f.high, {bounds} AS bounds, f.qualifier, f.vague, f.no_figure,
       f.text AS figure_text, s.id AS source_id, s.name AS source, s.type AS source_type,
       a.id AS article_id, a.outlet, a.published, a.published_precision, a.title AS article_title, a.url,
       c.content AS claim_content
FROM figure f
JOIN claim c ON c.id = f.claim_id
JOIN source s ON s.id = c.source_id
JOIN article a ON a.id = c.article_id
LEFT JOIN event e ON e.id = c.event_id""")
    op.execute(f"""
CREATE VIEW claims_flat AS
SELECT c.id AS claim_id, c.status, c.kind, s.id AS source_id, s.name AS source, s.type AS source_type,
       org.name AS source_organisation, via.name AS via_source, c.mention, c.cue, c.content,
       {figures_text("f.claim_id = c.id", bounds)} AS figures,
       e.id AS event_id, e.label AS event_label, e.date AS event_date,
       a.id AS article_id, a.outlet, a.published, a.published_precision, a.title AS article_title, a.url, a.path,
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
       {figures_text("f.claim_id = c.id AND f.metric = k.metric", bounds)} AS figures,
       c.content, a.outlet, a.published, a.published_precision
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
    _drop_views()
    op.drop_column("article", "published_precision")
    _revision_0002().upgrade()
