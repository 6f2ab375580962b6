"""``ledger log``: the audit log of analyst changes, and reverting one."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from ledger.commands.common import FORMAT_OPTION, Format, LedgerTyper, choices, emit, err, state, values
from ledger.errors import LedgerError
from ledger.review.audit import ENTITIES

Entity = choices("Entity", ENTITIES)

log_app = LedgerTyper(help="The audit log: who changed what, when, before and after. Append-only.",
                      invoke_without_command=True)


@log_app.callback()
def show_log(
    ctx: typer.Context,
    entity: Annotated[Optional[Entity], typer.Option(help="Only changes to this kind of thing.")] = None,
    entity_id: Annotated[Optional[int], typer.Option("--id", help="Only changes to this claim/source/event.")] = None,
    who: Annotated[Optional[str], typer.Option("--who", help="Only changes by this analyst.")] = None,
    action: Annotated[Optional[str], typer.Option(help="Only this action (prefix), e.g. claim.edit or source.")] = None,
    since: Annotated[Optional[str], typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List the audit log (oldest first), with filters. Each entry's ``change`` says what changed in a line
    ("status: 'auto' -> 'confirmed'"); JSON and JSONL also carry the whole ``before`` and ``after``."""
    if ctx.invoked_subcommand:
        return
    try:
        start, end = (date.fromisoformat(since) if since else None), (date.fromisoformat(until) if until else None)
    except ValueError as exc:
        raise LedgerError("--since and --until take dates as YYYY-MM-DD") from exc
    rows = state(ctx).ledger().log(values(entity), entity_id, who, action, start, end)
    rows = [{**r, "change": _change_text(r)} for r in rows]
    emit(rows, fmt, [("id", "id"), ("at", "at"), ("who", "who"), ("action", "action"), ("entity", "entity"),
                     ("entity_id", "of"), ("change", "change")], "log entries",
         csv_columns=["id", "at", "who", "action", "entity", "entity_id", "change", "note"])


def _change_text(row: dict) -> str:
    before, after = row["before"] or {}, row["after"] or {}
    changed = [f"{k}: {before.get(k)!r} -> {after.get(k)!r}" for k in sorted(set(before) | set(after))
               if before.get(k) != after.get(k) and k != "figures"]
    if before.get("figures") != after.get("figures") and ("figures" in before or "figures" in after):
        changed.append("figures changed")
    return "; ".join(changed)[:200]


@log_app.command("revert")
def revert(ctx: typer.Context, entry: Annotated[int, typer.Argument(help="Log entry id.")]) -> None:
    """Undo the change of one log entry (claims, source grades and aliases, event labels)."""
    new = state(ctx).ledger().revert(entry)
    err.print(f"reverted log entry {entry} (logged as {new['id']})", markup=False)
