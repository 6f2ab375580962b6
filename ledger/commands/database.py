"""``ledger db upgrade|current|downgrade``: the schema, for operators."""
from __future__ import annotations

from typing import Annotated

import typer

from ledger.commands.common import LedgerTyper, err, state
from ledger.errors import LedgerError

db_app = LedgerTyper(help="Operate the database schema (it is also upgraded automatically on open).",
                     no_args_is_help=True)


def _engine(ctx: typer.Context, create: bool = False):
    """The database's engine, not migrated; an SQLite path with no file is refused unless ``create``."""
    from ledger.db import create_ledger_engine, database_url, require_existing

    url = database_url(state(ctx).db)
    if not create:
        require_existing(url)
    return create_ledger_engine(url)


@db_app.command("upgrade")
def upgrade(ctx: typer.Context, revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Upgrade the schema to REVISION (default: the newest)."""
    from ledger.db import current_revision, upgrade as run_upgrade

    engine = _engine(ctx, create=True)
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
        help="Target revision (`base` empties the database).")],
        yes: Annotated[bool, typer.Option("--yes", help="Yes, drop what the newer revisions added, "
                                                         "data included.")] = False) -> None:
    """Downgrade the schema to REVISION. Data in dropped tables is lost: asks for --yes."""
    from ledger.db import current_revision, ledger_name, run_alembic

    engine = _engine(ctx)
    current_revision(engine)  # refuses a database that is not a ledger, or a newer one's
    if not yes:
        lost = "every table of the ledger and all its data" if revision == "base" else \
            "the tables and columns added after that revision, with their data"
        raise LedgerError(f"downgrading {ledger_name(engine)} to {revision} drops {lost}: add --yes to do it")
    run_alembic(engine, "downgrade", revision)
    err.print(f"schema at {current_revision(engine) or 'base (empty)'}")
