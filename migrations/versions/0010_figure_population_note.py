"""What else befell the counted, apart from their population: ``figure.population_note``.

A figure's ``population`` is one plural noun, as the export contract's vocabulary has it ("people",
"buildings", "missiles"); what befell them besides harm ("sheltering", "destroyed", "hit") is its
``population_note``, NULL for most figures. The reconciler still compares only counts with the same note
("people sheltering" never against "people rescued"): ``ledger.facts`` joins the two. Figures stored
before keep their joined population ("people sheltering") and a NULL note, which compares the same way.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("figure", sa.Column("population_note", sa.String(60), nullable=True))


def downgrade() -> None:
    op.drop_column("figure", "population_note")  # no view reads it: SQLite drops it in place
