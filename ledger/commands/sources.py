"""``ledger sources``: list sources, and teach the ledger who is who (alias, merge, import, grade)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ledger.commands.common import LedgerTyper, err, state
from ledger.commands.listings import list_sources
from ledger.db import writing

sources_app = LedgerTyper(help="List sources; the subcommands teach aliases, merge duplicates, import a "
                               "gazetteer and grade reliability (all logged).", invoke_without_command=True)
sources_app.callback()(list_sources)


def _change(ctx: typer.Context, message, change) -> None:
    from ledger.review.sources import source_snapshot

    with writing(state(ctx).engine()) as session:
        source = change(session, state(ctx).user)
        row = source_snapshot(source) if source is not None and not isinstance(source, int) else source
    err.print(message(row), markup=False)


@sources_app.command("alias")
def alias(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The other name, e.g. 'the war monitor'.")],
          source: Annotated[str, typer.Argument(help="The source it names (name, alias or id).")]) -> None:
    """Teach the ledger that NAME means SOURCE in every article from now on."""
    from ledger.review.sources import add_alias

    _change(ctx, lambda row: f"{name!r} now names {row['name']}",
            lambda session, who: add_alias(session, who, name, source))


@sources_app.command("merge")
def merge(ctx: typer.Context, duplicate: Annotated[str, typer.Argument(help="The source to merge away.")],
          keep: Annotated[str, typer.Argument(help="The source that stays.")]) -> None:
    """Merge source A into B: A's claims move to B; A's name stays as an alias of B."""
    from ledger.review.sources import merge as run_merge

    _change(ctx, lambda row: f"merged {duplicate!r} into {row['name']}",
            lambda session, who: run_merge(session, who, duplicate, keep))


@sources_app.command("grade")
def grade(ctx: typer.Context, source: Annotated[str, typer.Argument(help="Source name, alias or id.")],
          reliability: Annotated[str, typer.Argument(help="A completely reliable, B usually, C fairly, "
                                                          "D not usually, E unreliable, F cannot be judged; "
                                                          "'-' clears it.")]) -> None:
    """Grade a source's reliability on the Admiralty scale (its history stays in the audit log)."""
    from ledger.review.sources import grade as run_grade

    _change(ctx, lambda row: f"{row['name']} graded {row['reliability'] or '(none)'}",
            lambda session, who: run_grade(session, who, source, None if reliability == "-" else reliability))


@sources_app.command("import")
def import_file(ctx: typer.Context, path: Annotated[Path, typer.Argument(help="A JSON gazetteer: a list of "
                                                                               "{name, type, aliases, affiliation}.")]) -> None:
    """Import a team's own gazetteer of sources and their aliases."""
    from ledger.review.sources import import_gazetteer

    _change(ctx, lambda count: f"imported {count} sources from {path}",
            lambda session, who: import_gazetteer(session, who, path))
