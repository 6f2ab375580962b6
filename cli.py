"""The ``ledger`` command: a thin typer app over the ``ledger`` library.

Each command opens the ledger, calls the library and renders what it returns; errors become one line on
stderr and an exit status (see ``ledger/commands/common.py``).
"""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ledger import __version__
from ledger.commands import listings
from ledger.commands.claims import claims_app
from ledger.commands.common import AppState, LedgerTyper
from ledger.commands.conflicts import conflicts, conflicts_help
from ledger.commands.estimates import estimates, export_estimates
from ledger.commands.database import db_app
from ledger.commands.datasette import datasette_metadata
from ledger.commands.events import events_app
from ledger.commands.ingest import ingest
from ledger.commands.log import log_app
from ledger.commands.report import report
from ledger.commands.search import search
from ledger.commands.show import show_app
from ledger.commands.sources import sources_app

app = LedgerTyper(
    help="claim ledger: who said what about which event, with which figures, and where the accounts disagree.",
    no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None, add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]})


def _version(value: bool) -> None:
    if value:
        print(f"ledger {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option("--db", envvar="LEDGER_DB", show_envvar=True,
                                              help="SQLite file path or database URL "
                                                   "(postgresql+psycopg://...); default ./ledger.db.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    who: Annotated[Optional[str], typer.Option("--as", help="Name recorded in the audit log for changes "
                                                            "(default: your user name).")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version.")] = False,
) -> None:
    ctx.obj = AppState(db=db, debug=debug, who=who)


app.command()(ingest)
app.command("articles")(listings.list_articles)
app.command(help=conflicts_help())(conflicts)
app.command()(estimates)
app.command()(report)
app.command()(search)
app.command("datasette-metadata")(datasette_metadata)

app.add_typer(claims_app, name="claims")
app.add_typer(sources_app, name="sources")
app.add_typer(events_app, name="events")
app.add_typer(log_app, name="log")

export_app = LedgerTyper(help="Export the ledger's data.", no_args_is_help=True)
export_app.command("claims")(listings.export_claims)
export_app.command("events")(listings.export_events)
export_app.command("estimates")(export_estimates)
app.add_typer(export_app, name="export")
app.add_typer(show_app, name="show")
app.add_typer(db_app, name="db")

if __name__ == "__main__":
    app()
