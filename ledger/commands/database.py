"""``ledger db upgrade|current|downgrade``: the schema, for operators."""
from __future__ import annotations

from typing import Annotated

import typer

from ledger.commands.common import LedgerTyper, err, state

db_app = LedgerTyper(help="Operate the database schema (it is also upgraded automatically on open).",
                     no_args_is_help=True)


def _ledger(ctx: typer.Context):
    """The ledger at ``--db`` as it is: these commands move its schema themselves."""
    from ledger.library import Ledger

    return Ledger.open(state(ctx).db, create=True, migrate=False)


@db_app.command("upgrade")
def upgrade(ctx: typer.Context, revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    err.print(f"schema at {_ledger(ctx).upgrade(revision)}")


@db_app.command("current")
def current(ctx: typer.Context) -> None:
    """Print the schema revision of the database (and whether it is the newest)."""
    ledger = _ledger(ctx)
    revision = ledger.revision()
    print(revision or "empty")
    if revision != ledger.head_revision():
        err.print(f"newest revision: {ledger.head_revision()} (run `ledger db upgrade`)")


@db_app.command("downgrade")
def downgrade(ctx: typer.Context, revision: Annotated[str, typer.Argument(
        help="Target revision (`base` empties the database).")]) -> None:
    """Downgrade the schema to REVISION. Data in dropped tables is lost."""
    err.print(f"schema at {_ledger(ctx).downgrade(revision) or 'base (empty)'}")
