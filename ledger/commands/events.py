"""``ledger events``: list events, and correct them (merge, split, rename)."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from ledger.commands.common import LedgerTyper, choices, err, state, values
from ledger.commands.listings import list_events
from ledger.db import writing
from ledger.errors import LedgerError
from ledger.models import DATE_PRECISIONS

Precision = choices("Precision", DATE_PRECISIONS)

events_app = LedgerTyper(help="List events; the subcommands merge, split and rename them (all logged; "
                              "re-ingesting never undoes them).", invoke_without_command=True)
events_app.callback()(list_events)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise LedgerError(f"--date must be YYYY-MM-DD, not {value!r}") from exc


def _change(ctx: typer.Context, message: str, change) -> None:
    with writing(state(ctx).engine()) as session:
        event = change(session, state(ctx).user)
        text = message.format(id=event.id, label=event.label)
    err.print(text, markup=False)


@events_app.command("merge")
def merge(ctx: typer.Context, duplicate: Annotated[int, typer.Argument(help="Event to merge away.")],
          keep: Annotated[int, typer.Argument(help="Event that stays.")]) -> None:
    """Merge event A into B: one real-world event reported as two."""
    from ledger.review.events import merge as run

    _change(ctx, f"merged event {duplicate} into event {{id}} ({{label}})",
            lambda session, who: run(session, who, duplicate, keep))


@events_app.command("split")
def split(ctx: typer.Context, event: Annotated[int, typer.Argument(help="Event id.")],
          claims: Annotated[list[int], typer.Argument(help="Claim ids that belong to another event.")],
          label: Annotated[Optional[str], typer.Option(help="Label of the new event.")] = None,
          when: Annotated[Optional[str], typer.Option("--date", help="Date of the new event (YYYY-MM-DD).")] = None
          ) -> None:
    """Move some of an event's claims to a new event."""
    from ledger.review.events import split as run

    _change(ctx, "new event {id} ({label})", lambda session, who: run(session, who, event, claims, label, _date(when)))


@events_app.command("rename")
def rename(ctx: typer.Context, event: Annotated[int, typer.Argument(help="Event id.")],
           label: Annotated[str, typer.Argument(help="The new label.")],
           when: Annotated[Optional[str], typer.Option("--date", help="Set the date too (YYYY-MM-DD).")] = None,
           precision: Annotated[Optional[Precision], typer.Option(help="How precise the date is.")] = None
           ) -> None:
    """Give an event a better label (and date)."""
    from ledger.review.events import rename as run

    _change(ctx, "event {id} is now {label!r}",
            lambda session, who: run(session, who, event, label, _date(when), values(precision)))
