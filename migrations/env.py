"""Alembic environment: runs on a connection handed over by ``ledger.db`` (or builds one from the URL).

The ledger upgrades its database on open by passing its own connection in ``config.attributes``, inside
a transaction that holds the migration lock; operators can also run ``alembic -x db=URL upgrade head``
from a checkout. SQLite needs batch mode for ALTERs, so ``render_as_batch`` is on.
"""
from __future__ import annotations

from alembic import context

from ledger.models import Base, outside_models

config = context.config
target_metadata = Base.metadata


def run_on(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True,
                      include_name=lambda name, type_, parent: not outside_models(name))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    from ledger.db import create_ledger_engine, database_url

    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")
    engine = create_ledger_engine(database_url(url))
    with engine.connect() as connection:
        run_on(connection)


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported: run the ledger's `db upgrade` instead")
run_migrations()
