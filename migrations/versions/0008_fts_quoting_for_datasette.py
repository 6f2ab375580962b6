"""Rebuild the SQLite full-text index with the quoting Datasette and sqlite-utils recognise.

Revision 0003 declared ``article_fts`` with ``content='article'``. SQLite accepts that, but Datasette and
sqlite-utils find a table's full-text index by reading ``content="article"`` (or ``content=[article]``) in
its ``CREATE VIRTUAL TABLE`` statement, so with single quotes ``?_search=`` on ``article`` was silently
ignored. Here the index is declared again with double quotes and refilled; its triggers are those of 0003.
PostgreSQL searches through expression indexes that no such tool reads: nothing changes there.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""
from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TRIGGERS = ("article_fts_insert", "article_fts_delete", "article_fts_update")


def _rebuild(quote: str) -> None:
    """Drop ``article_fts`` and its triggers, declare it again with ``quote`` around its option values, refill
    it from ``article`` and recreate the triggers that keep it in step."""
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS article_fts")
    op.execute(f"CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content={quote}article{quote}, "
               f"content_rowid={quote}id{quote})")
    op.execute("INSERT INTO article_fts(rowid, title, text) SELECT id, coalesce(title, ''), text FROM article")
    new, old = "coalesce(new.title, ''), new.text", "coalesce(old.title, ''), old.text"
    op.execute("CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN "
               f"INSERT INTO article_fts(rowid, title, text) VALUES (new.id, {new}); END")
    op.execute("CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN "
               f"INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, {old}); END")
    op.execute("CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON article BEGIN "
               f"INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', old.id, {old}); "
               f"INSERT INTO article_fts(rowid, title, text) VALUES (new.id, {new}); END")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild('"')


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild("'")
