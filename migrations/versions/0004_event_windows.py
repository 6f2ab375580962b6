"""Event date windows and audit-log lookups.

``event.earliest``/``event.latest`` keep the window of days an article places an event in when it gives no
exact date ("earlier this month", "the attack the strike answered"), so later reports can still be matched
to it (indexed, since every ingest asks which windows overlap its events). The audit log gets an index on (entity, entity_id): the ingest asks it whether an analyst named an
event, and ``ledger log --id`` reads one entity's history.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE (no batch copy of the table): the views of 0002 read from event
    op.add_column("event", sa.Column("earliest", sa.Date(), nullable=True))
    op.add_column("event", sa.Column("latest", sa.Date(), nullable=True))
    op.create_index("ix_event_latest", "event", ["latest"])
    op.create_index("ix_audit_log_entity", "audit_log", ["entity", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_entity", table_name="audit_log")
    op.drop_index("ix_event_latest", table_name="event")
    for column in ("latest", "earliest"):
        op.execute(f"ALTER TABLE event DROP COLUMN {column}")  # SQLite >= 3.35 and PostgreSQL alike
