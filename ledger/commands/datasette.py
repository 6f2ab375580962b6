"""``ledger datasette-metadata``: Datasette's metadata.json for the ledger, from ``ledger.schema_docs``."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ledger.commands.common import print_json, state


def datasette_metadata(
    ctx: typer.Context,
    database: Annotated[Optional[str], typer.Option(
        "--database", metavar="NAME",
        help="The database's name in Datasette: its file name without .db (default: that of --db).")] = None,
) -> None:
    """Print Datasette's metadata.json (a description of every table, view and column) on stdout:

    ledger --db ledger.db datasette-metadata > metadata.json && datasette ledger.db -m metadata.json"""
    from ledger.library import Ledger
    from ledger.schema_docs import datasette_metadata as metadata

    print_json(metadata(database or default_name(Ledger.database_url(state(ctx).db))))


def default_name(url: str) -> str:
    """What Datasette calls the database: the SQLite file's name without its suffix; ``ledger`` otherwise."""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///"):]).stem
    return "ledger"
