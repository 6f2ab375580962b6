"""``ledger events``: list events, and correct them (merge, split, rename)."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from ledger.commands.common import LedgerTyper, choices, err, state, values
from ledger.commands.listings import list_events
from ledger.errors import LedgerError
from ledger.fields import DATE_PRECISIONS

Precision = choices("Precision", DATE_PRECISIONS)

events_app = LedgerTyper(help="List events; the subcommands merge, split and rename them (all logged; "
                              "re-ingesting never undoes them).", invoke_without_command=True)
events_app.callback()(list_events)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise LedgerError(f"--date must be YYYY-MM-DD, not {value!r}") from exc


def _change(message: str, event: dict) -> None:
    err.print(message.format(id=event["id"], label=event["label"]), markup=False)


@events_app.command("merge")
def merge(ctx: typer.Context, duplicate: Annotated[int, typer.Argument(help="Event to merge away.")],
          keep: Annotated[int, typer.Argument(help="Event that stays.")]) -> None:
    """Merge event A into B: one real-world event reported as two."""
    _change(f"merged event {duplicate} into event {{id}} ({{label}})",
            state(ctx).ledger().merge_events(duplicate, keep))


@events_app.command("split")
def split(ctx: typer.Context, event: Annotated[int, typer.Argument(help="Event id.")],
          claims: Annotated[list[int], typer.Argument(help="Claim ids that belong to another event.")],
          label: Annotated[Optional[str], typer.Option(help="Label of the new event.")] = None,
          when: Annotated[Optional[str], typer.Option("--date", help="Date of the new event (YYYY-MM-DD).")] = None
          ) -> None:
    """Move some of an event's claims to a new event."""
    _change("new event {id} ({label})", state(ctx).ledger().split_event(event, claims, label, _date(when)))


@events_app.command("rename")
def rename(ctx: typer.Context, event: Annotated[int, typer.Argument(help="Event id.")],
           label: Annotated[str, typer.Argument(help="The new label.")],
           when: Annotated[Optional[str], typer.Option("--date", help="Set the date too (YYYY-MM-DD).")] = None,
           precision: Annotated[Optional[Precision], typer.Option(help="How precise the date is.")] = None
           ) -> None:
    """Give an event a better label (and date)."""
    _change("event {id} is now {label!r}",
            state(ctx).ledger().rename_event(event, label, _date(when), values(precision)))
