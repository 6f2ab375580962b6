"""Alembic migrations of the ledger's schema (installed as ``ledger.migrations``)."""
