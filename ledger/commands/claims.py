"""``ledger claims``: list claims, and review them (confirm, reject, edit, add, grade, move)."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ledger.commands.common import LedgerTyper, err, print_json, state, values
from ledger.commands.listings import ClaimKind, list_claims
from ledger.db import writing
from ledger.export import claim_dict

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


def _change(ctx: typer.Context, verb: str, as_json: bool, change) -> None:
    """Run ``change(session, who)`` (returning the changed claims) in one transaction, then report."""
    with writing(state(ctx).engine()) as session:
        rows = [claim_dict(c) for c in change(session, state(ctx).user)]
    if as_json:
        print_json(rows)
    for row in rows:
        err.print(f"claim {row['id']} {verb} ({row['status']})", markup=False)


def _status(ctx: typer.Context, ids: list[int], status: str, as_json: bool) -> None:
    from ledger.review import claims as review

    _change(ctx, status, as_json, lambda session, who: review.set_status(session, who, ids, status))


@claims_app.command("confirm")
def confirm(ctx: typer.Context, ids: Annotated[list[int], typer.Argument(help="Claim ids.")],
            as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Confirm claims as extracted (status confirmed)."""
    _status(ctx, ids, "confirmed", as_json)


@claims_app.command("reject")
def reject(ctx: typer.Context, ids: Annotated[list[int], typer.Argument(help="Claim ids.")],
           as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Reject claims: they stay in the ledger but never feed the reconciler."""
    _status(ctx, ids, "rejected", as_json)


@claims_app.command("grade")
def grade(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(help="Claim id.")],
          credibility: Annotated[int, typer.Argument(help="1 confirmed, 2 probably true, 3 possibly true, "
                                                          "4 doubtful, 5 improbable, 6 cannot be judged.")],
          as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Grade a claim's information credibility (Admiralty scale, 1-6)."""
    from ledger.review import claims as review

    _change(ctx, f"graded {credibility}", as_json,
            lambda session, who: [review.grade(session, who, claim_id, credibility)])


@claims_app.command("move")
def move(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(help="Claim id.")],
         event: Annotated[int, typer.Argument(help="Event id, or 0 for no specific event.")],
         as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Move a claim to another event."""
    from ledger.review import claims as review

    _change(ctx, f"moved to event {event}", as_json,
            lambda session, who: [review.move(session, who, claim_id, event or None)])


def _changes(source, create_source, kind, content, start, end, mention, cue, event, figure, no_figures):
    from ledger.review.claims import ClaimChanges

    figures = list(figure) if figure else ([] if no_figures else None)
    return ClaimChanges(source=source, create_source=create_source, kind=values(kind), content=content, start=start,
                        end=end, mention=mention, cue=cue, event_id=event, figures=figures)


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
    from ledger.review import claims as review

    changes = _changes(source, create_source, kind, content, start, end, mention, cue, event, figure, no_figures)
    _change(ctx, "edited", as_json, lambda session, who: [review.edit(session, who, claim_id, changes)])


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
    from ledger.review import claims as review

    changes = _changes(source, create_source, kind, content, start, end, mention, cue, event, figure, False)
    _change(ctx, "added", as_json, lambda session, who: [review.add(session, who, article, changes)])
