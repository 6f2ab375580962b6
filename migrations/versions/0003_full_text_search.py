"""Full-text search over claim content and article text: FTS5 on SQLite, tsvector indexes on PostgreSQL.

On SQLite, ``article_fts`` is an external-content FTS5 table kept in step with ``article`` by triggers,
and filled here from what is already stored; claims are searched through their article (a claim's
content is a piece of its article's text), which spares the ingest a second index. On PostgreSQL, GIN
expression indexes on ``to_tsvector('english', ...)`` serve the same queries. ``ledger search`` uses
either.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE = [
    "CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='article', content_rowid='id')",
    "INSERT INTO article_fts(rowid, title, text) SELECT id, coalesce(title, ''), text FROM article",
]
SQLITE_TRIGGERS = {
    "article": ("article_fts", "title, text", "coalesce(new.title, ''), new.text",
                "coalesce(old.title, ''), old.text"),
}
POSTGRESQL = [
    "CREATE INDEX ix_claim_fts ON claim USING gin (to_tsvector('english', content))",
    "CREATE INDEX ix_article_fts ON article USING gin "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text))",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRESQL:
            op.execute(statement)
        return
    for statement in SQLITE:
        op.execute(statement)
    for table, (fts, columns, new, old) in SQLITE_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {new}); END")
        op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, {old}); END")
        op.execute(f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {columns} ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, {old}); "
                   f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {new}); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_article_fts")
        op.execute("DROP INDEX IF EXISTS ix_claim_fts")
        return
    for fts in ("article_fts",):
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{event}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
