"""A quotation interrupted by its attribution, stored as one claim per quoted piece.

``claim.continues_id`` names, for every quoted piece after the first of '"A," X said. "B."', the claim
(piece) it continues; NULL for every other claim. Claims stored before keep NULL (they are one claim with
``parts`` until their article is read again). A plain integer, not a foreign key: the pieces of a quotation
are written and replaced together with their article's claims, and SQLite cannot add a constraint to a
table the views read without rebuilding it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claim", sa.Column("continues_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("claim", "continues_id")  # no view reads it: SQLite drops it in place
