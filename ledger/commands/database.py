"""``ledger db upgrade|current|downgrade``: the schema, for operators."""
from __future__ import annotations

from typing import Annotated

import typer

from ledger.commands.common import LedgerTyper, err, state
from ledger.errors import LedgerError

db_app = LedgerTyper(help="Operate the database schema (it is also upgraded automatically on open).",
                     no_args_is_help=True)


def _ledger(ctx: typer.Context, create: bool = False):
    """The ledger at ``--db`` as it is (these commands move its schema themselves); an SQLite path with no
    file is refused unless ``create``."""
    from ledger.library import Ledger

    return Ledger.open(state(ctx).db, create=create, migrate=False, require_schema=False)


@db_app.command("upgrade")
def upgrade(ctx: typer.Context, revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    err.print(f"schema at {_ledger(ctx, create=True).upgrade(revision)}")


@db_app.command("current")
def current(ctx: typer.Context) -> None:
    """Print the schema revision of the database (and whether it is the newest)."""
    from ledger.library import Ledger

    revision = _ledger(ctx).revision()
    print(revision or "empty")
    if revision != Ledger.head_revision():
        err.print(f"newest revision: {Ledger.head_revision()} (run `ledger db upgrade`)")


@db_app.command("downgrade")
def downgrade(ctx: typer.Context, revision: Annotated[str, typer.Argument(
        help="Target revision (`base` empties the database).")],
        yes: Annotated[bool, typer.Option("--yes", help="Yes, drop what the newer revisions added, "
                                                         "data included.")] = False) -> None:
    """Downgrade the schema to REVISION. Data in dropped tables is lost: asks for --yes."""
    ledger = _ledger(ctx)
    ledger.revision()  # refuses a database that is not a ledger, or a newer one's
    if not yes:
        lost = "every table of the ledger and all its data" if revision == "base" else \
            "the tables and columns added after that revision, with their data"
        raise LedgerError(f"downgrading {ledger.name} to {revision} drops {lost}: add --yes to do it")
    err.print(f"schema at {ledger.downgrade(revision) or 'base (empty)'}")
