"""The kinds of site an event hit, as its reports tell them: ``event.sites``.

A JSON list of site nouns in one spelling ("theater", "hospital", "market"), read from the title and lead of
the reports of the event. A follow-up that tells the event indefinitely ("an airstrike that targeted a
theater", weeks later, with no time of its own) joins the one known event of its town that hit a site of
that kind (``ledger.reading.events.matching``). NULL for events stored before: they have no site, as an
event whose reports named none.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE (no batch copy of the table): the views of 0002 read from event
    op.add_column("event", sa.Column("sites", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE event DROP COLUMN sites")  # SQLite >= 3.35 and PostgreSQL alike
