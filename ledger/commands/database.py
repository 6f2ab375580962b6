"""``ledger db upgrade|current|downgrade``: the schema, for operators."""
from __future__ import annotations

from typing import Annotated

import typer

from ledger.commands.common import LedgerTyper, err, state

db_app = LedgerTyper(help="Operate the database schema (it is also upgraded automatically on open).",
                     no_args_is_help=True)


def _engine(ctx: typer.Context):
    from ledger.db import create_ledger_engine, database_url

    return create_ledger_engine(database_url(state(ctx).db))


@db_app.command("upgrade")
def upgrade(ctx: typer.Context, revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from ledger.db import current_revision, upgrade as run_upgrade

    engine = _engine(ctx)
    run_upgrade(engine, revision)
    err.print(f"schema at {current_revision(engine)}")


@db_app.command("current")
def current(ctx: typer.Context) -> None:
    """Print the schema revision of the database (and whether it is the newest)."""
    from ledger.db import current_revision, head_revision

    revision = current_revision(_engine(ctx))
    print(revision or "empty")
    if revision != head_revision():
        err.print(f"newest revision: {head_revision()} (run `ledger db upgrade`)")


@db_app.command("downgrade")
def downgrade(ctx: typer.Context, revision: Annotated[str, typer.Argument(
        help="Target revision (`base` empties the database).")]) -> None:
    """Downgrade the schema to REVISION. Data in dropped tables is lost."""
    from ledger.db import current_revision, run_alembic

    engine = _engine(ctx)
    run_alembic(engine, "downgrade", revision)
    err.print(f"schema at {current_revision(engine) or 'base (empty)'}")
