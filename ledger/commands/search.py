"""``ledger search``: full-text search over claim content and article text."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from ledger.commands.common import FORMAT_OPTION, Format, emit, state
from ledger.errors import LedgerError


def _date(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise LedgerError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from exc


def search(
    ctx: typer.Context,
    words: Annotated[str, typer.Argument(help='Words to find (all must occur); "quoted phrases" as phrases.')],
    source: Annotated[Optional[str], typer.Option(help="Only claims of this source (articles quoting it).")] = None,
    event: Annotated[Optional[int], typer.Option(help="Only claims about this event (articles reporting it).")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    scope: Annotated[str, typer.Option("--in", help="all, claims or articles.")] = "all",
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits of each kind.")] = 50,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Search claims and articles, best matches first, with the matching words marked [[like this]]."""
    hits = state(ctx).ledger().search(words, source, event, _date(since, "--since"), _date(until, "--until"), scope,
                                      limit)
    emit(hits, fmt, [("kind", "kind"), ("id", "id"), ("article_id", "article"), ("source", "source"),
                     ("published", "published"), ("outlet", "outlet"), ("snippet", "snippet")], "matches")
