"""``ledger claims``: list claims, and review them (confirm, reject, edit, add, grade, move)."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ledger.commands.common import LedgerTyper, err, print_json, state, values
from ledger.commands.listings import ClaimKind, list_claims

claims_app = LedgerTyper(help="List claims (with filters); the subcommands review them. Every change is "
                              "written to the audit log (`ledger log`).", invoke_without_command=True)
claims_app.callback()(list_claims)

JSON_OPTION = typer.Option("--json", help="Print the changed claims as JSON on stdout.")
FIGURE_HELP = ("A figure as METRIC:BOUNDS[:POPULATION][@WORDS], e.g. killed:5+:fighters@at least five; bounds "
               "5, 5+, <=7 or 4-7; METRIC one of {metrics}; POPULATION one the ledger counts (fighters, "
               "civilians, people...: a wrong one is refused with the list). Repeat for several; replaces the "
               "claim's figures.")


def figure_help() -> str:
    from ledger.reading.types import METRICS

    return FIGURE_HELP.format(metrics=", ".join(METRICS))


def parse_figure(spec: str):
    """``--figure`` read when the command line is: a bad metric, bounds or population is a usage error."""
    from ledger.errors import LedgerError
    from ledger.review.claims import FigureSpec

    try:
        return FigureSpec.parse(spec)
    except LedgerError as exc:
        raise typer.BadParameter(str(exc)) from exc


FIGURE_OPTION = typer.Option(help=figure_help(), parser=parse_figure, metavar="METRIC:BOUNDS[:POPULATION][@WORDS]")


def _changed(verb: str, as_json: bool, rows: list[dict]) -> None:
    """Report the changed claims (as JSON on stdout with ``--json``), one line each on stderr."""
    if as_json:
        print_json(rows)
    for row in rows:
        err.print(f"claim {row['id']} {verb} ({row['status']})", markup=False)


@claims_app.command("confirm")
def confirm(ctx: typer.Context, ids: Annotated[list[int], typer.Argument(help="Claim ids.")],
            as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Confirm claims as extracted (status confirmed)."""
    _changed("confirmed", as_json, state(ctx).ledger().confirm(ids))


@claims_app.command("reject")
def reject(ctx: typer.Context, ids: Annotated[list[int], typer.Argument(help="Claim ids.")],
           as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Reject claims: they stay in the ledger but never feed the reconciler."""
    _changed("rejected", as_json, state(ctx).ledger().reject(ids))


@claims_app.command("grade")
def grade(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(help="Claim id.")],
          credibility: Annotated[int, typer.Argument(help="1 confirmed, 2 probably true, 3 possibly true, "
                                                          "4 doubtful, 5 improbable, 6 cannot be judged.")],
          as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Grade a claim's information credibility (Admiralty scale, 1-6)."""
    _changed(f"graded {credibility}", as_json, [state(ctx).ledger().grade_claim(claim_id, credibility)])


@claims_app.command("move")
def move(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(help="Claim id.")],
         event: Annotated[int, typer.Argument(help="Event id, or 0 for no specific event.")],
         as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Move a claim to another event."""
    _changed(f"moved to event {event}", as_json, [state(ctx).ledger().move_claim(claim_id, event or None)])


@claims_app.command("edit")
def edit(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="Claim id.")],
    source: Annotated[Optional[str], typer.Option(help="The speaker: a source name, alias or id.")] = None,
    create_source: Annotated[bool, typer.Option(help="Create --source if no source has that name.")] = False,
    kind: Annotated[Optional[ClaimKind], typer.Option(help="The kind of attribution.")] = None,
    content: Annotated[Optional[str], typer.Option(help="The claim's exact words (located in the article).")] = None,
    start: Annotated[Optional[int], typer.Option(help="Content start offset.")] = None,
    end: Annotated[Optional[int], typer.Option(help="Content end offset.")] = None,
    mention: Annotated[Optional[str], typer.Option(help="The words naming the speaker.")] = None,
    cue: Annotated[Optional[str], typer.Option(help="The attributing words (said, according to).")] = None,
    event: Annotated[Optional[int], typer.Option(help="Event id.")] = None,
    figure: Annotated[Optional[list[str]], FIGURE_OPTION] = None,
    no_figures: Annotated[bool, typer.Option(help="Remove all the claim's figures.")] = False,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Correct a claim: speaker, kind, content span, event, figures (status edited)."""
    figures = figure or ([] if no_figures else None)
    _changed("edited", as_json, [state(ctx).ledger().edit_claim(
        claim_id, source=source, create_source=create_source, kind=values(kind), content=content, start=start,
        end=end, mention=mention, cue=cue, event=event, figures=figures)])


@claims_app.command("add")
def add(
    ctx: typer.Context,
    article: Annotated[int, typer.Option(help="Article id.")],
    source: Annotated[str, typer.Option(help="The speaker: a source name, alias or id.")],
    content: Annotated[Optional[str], typer.Option(help="The claim's exact words in the article.")] = None,
    start: Annotated[Optional[int], typer.Option(help="Content start offset (instead of --content).")] = None,
    end: Annotated[Optional[int], typer.Option(help="Content end offset.")] = None,
    create_source: Annotated[bool, typer.Option(help="Create --source if no source has that name.")] = False,
    kind: Annotated[ClaimKind, typer.Option(help="The kind of attribution.")] = "indirect",
    mention: Annotated[Optional[str], typer.Option(help="The words naming the speaker.")] = None,
    cue: Annotated[Optional[str], typer.Option(help="The attributing words.")] = None,
    event: Annotated[Optional[int], typer.Option(help="Event id.")] = None,
    figure: Annotated[Optional[list[str]], FIGURE_OPTION] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Add a claim the extractor missed (spans are checked against the article text)."""
    _changed("added", as_json, [state(ctx).ledger().add_claim(
        article, source=source, content=content, start=start, end=end, create_source=create_source,
        kind=values(kind), mention=mention, cue=cue, event=event, figures=figure or None)])
