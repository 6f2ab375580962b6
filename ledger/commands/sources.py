"""``ledger sources``: list sources, and teach the ledger who is who (alias, merge, import, grade)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ledger.commands.common import LedgerTyper, err, state
from ledger.commands.listings import list_sources

sources_app = LedgerTyper(help="List sources; the subcommands teach aliases, merge duplicates, import a "
                               "gazetteer and grade reliability (all logged).", invoke_without_command=True)
sources_app.callback()(list_sources)


@sources_app.command("alias")
def alias(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The other name, e.g. 'the war monitor'.")],
          source: Annotated[str, typer.Argument(help="The source it names (name, alias or id).")]) -> None:
    """Teach the ledger that NAME means SOURCE in every article from now on."""
    row = state(ctx).ledger().alias_source(name, source)
    err.print(f"{name!r} now names {row['name']}", markup=False)


@sources_app.command("merge")
def merge(ctx: typer.Context, duplicate: Annotated[str, typer.Argument(help="The source to merge away.")],
          keep: Annotated[str, typer.Argument(help="The source that stays.")]) -> None:
    """Merge source A into B: A's claims move to B; A's name stays as an alias of B."""
    row = state(ctx).ledger().merge_sources(duplicate, keep)
    err.print(f"merged {duplicate!r} into {row['name']}", markup=False)


@sources_app.command("grade")
def grade(ctx: typer.Context, source: Annotated[str, typer.Argument(help="Source name, alias or id.")],
          reliability: Annotated[str, typer.Argument(help="A completely reliable, B usually, C fairly, "
                                                          "D not usually, E unreliable, F cannot be judged; "
                                                          "'-' clears it.")]) -> None:
    """Grade a source's reliability on the Admiralty scale (its history stays in the audit log)."""
    row = state(ctx).ledger().grade_source(source, None if reliability == "-" else reliability)
    err.print(f"{row['name']} graded {row['reliability'] or '(none)'}", markup=False)


@sources_app.command("import")
def import_file(ctx: typer.Context, path: Annotated[Path, typer.Argument(help="A JSON gazetteer: a list of "
                                                                               "{name, type, aliases, affiliation}.")]) -> None:
    """Import a team's own gazetteer of sources and their aliases."""
    count = state(ctx).ledger().import_sources(path)
    err.print(f"imported {count} sources from {path}", markup=False)
