"""Index events by date precision and date.

An ingest reads the events that may be the one an article reports by the precision of their date: day-precise
events from a few days around, month-precise ones from a month around, year-precise ones from a year around
(``ledger.ingest.event_store``). On the date index alone, the year's branch walked every event of two years
to keep the few dated by year; on (precision, date) each branch reads only its own rows.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""
from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_precision_date", "event", ["date_precision", "date"])


def downgrade() -> None:
    op.drop_index("ix_event_precision_date", table_name="event")
