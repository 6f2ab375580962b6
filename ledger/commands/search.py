"""``ledger search``: full-text search over claim content and article text."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from ledger.commands.common import FORMAT_OPTION, Format, choices, emit, err, state, values
from ledger.errors import LedgerError
from ledger.search import SCOPES

Scope = choices("Scope", SCOPES)


def _date(value: str | None, option: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise LedgerError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from exc


def search(
    ctx: typer.Context,
    words: Annotated[str, typer.Argument(help='Words to find, all of which must occur; "quoted phrases" as '
                                                   'phrases. Plain words on every database: no operators '
                                                   '("-killed" and "or" are words).')],
    source: Annotated[Optional[str], typer.Option(help="Only claims of this source (articles quoting it).")] = None,
    event: Annotated[Optional[int], typer.Option(help="Only claims about this event (articles reporting it).")] = None,
    since: Annotated[Optional[str], typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    scope: Annotated[Scope, typer.Option("--in", help="Search claims, articles or both.")] = "all",
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits of each kind.")] = 50,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Search claims and articles, best matches first, with the matching words marked [[like this]]. A very
    long query is cut to its first words, with a warning."""
    from ledger.search import MAX_WORDS, capped

    words, dropped = capped(words)
    if dropped:
        err.print(f"warning: a search takes at most {MAX_WORDS} words; the last {dropped:,} were left out")
    hits = state(ctx).ledger().search(words, source, event, _date(since, "--since"), _date(until, "--until"),
                                      values(scope), limit)
    emit(hits, fmt, [("kind", "kind"), ("id", "id"), ("article_id", "article"), ("source", "source"),
                     ("published", "published"), ("outlet", "outlet"), ("snippet", "snippet")], "matches")
