"""The listings: ``ledger claims``, ``sources``, ``events``, ``articles`` and ``export claims``."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ledger.commands.common import FORMAT_OPTION, Format, emit, state
from ledger.render import figure_text, shorten

CLAIM_COLUMNS = [("id", "id"), ("source", "source"), ("kind", "kind"), ("content", "content"),
                 ("figures", "figures"), ("event", "event"), ("status", "status")]
CLAIM_CSV_COLUMNS = [(k, k) for k in ("id", "article.id", "article.outlet", "article.published", "source.id",
                                      "source.name", "source.type", "mention", "kind", "cue", "content", "start",
                                      "end", "event.id", "event.label", "figures", "status")]


def claim_row(claim: dict) -> dict:
    """The compact table row of a claim."""
    return {"id": claim["id"], "source": claim["source"]["name"], "kind": claim["kind"],
            "content": shorten(claim["content"]), "figures": "; ".join(map(figure_text, claim["figures"] + claim["no_figures"])),
            "event": (claim["event"] or {}).get("id"), "status": claim["status"]}


def list_claims(
    ctx: typer.Context,
    source: Annotated[Optional[str], typer.Option(help="Source id, name or alias.")] = None,
    event: Annotated[Optional[int], typer.Option(help="Event id.")] = None,
    article: Annotated[Optional[int], typer.Option(help="Article id.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="direct, indirect, mixed, according_to, "
                                                     "unattributed_quote or outlet.")] = None,
    metric: Annotated[Optional[str], typer.Option(help="Only claims with a figure of this metric.")] = None,
    status: Annotated[Optional[str], typer.Option(help="auto, confirmed, edited or rejected.")] = None,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List claims: who said what, with figures and event (JSON as in the export contract)."""
    if ctx.invoked_subcommand:
        return
    found = state(ctx).ledger().claims(source, event, article, kind, metric, status)
    if fmt == Format.table:
        emit(map(claim_row, found), fmt, CLAIM_COLUMNS, "claims")
    else:
        emit(found, fmt, CLAIM_CSV_COLUMNS if fmt == Format.csv else None)


def export_claims(ctx: typer.Context, fmt: Annotated[Format, typer.Option(
        "--format", "-f", help="jsonl (one claim per line), json or csv.")] = Format.jsonl) -> None:
    """Every claim, in the export contract's shape, on stdout."""
    if fmt == Format.table:
        fmt = Format.jsonl
    emit(state(ctx).ledger().export_claims(), fmt, CLAIM_CSV_COLUMNS if fmt == Format.csv else None)


def list_sources(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
    """List sources: canonical name, type, affiliation, reliability grade, claim count and aliases."""
    if ctx.invoked_subcommand:
        return
    rows = state(ctx).ledger().sources()
    if fmt == Format.table:
        rows = [{**r, "aliases": ", ".join(r["aliases"][:6]) + (" …" if len(r["aliases"]) > 6 else "")} for r in rows]
    emit(rows, fmt, [("id", "id"), ("name", "name"), ("type", "type"), ("affiliation", "affiliation"),
                     ("reliability", "grade"), ("claims", "claims"), ("aliases", "aliases")], "sources")


def list_events(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
    """List events: date, label, places, and how many claims, sources and conflicts each has."""
    if ctx.invoked_subcommand:
        return
    rows = state(ctx).ledger().events()
    if fmt == Format.table:
        rows = [{**r, "places": ", ".join(r["places"])} for r in rows]
    emit(rows, fmt, [("id", "id"), ("date", "date"), ("label", "label"), ("places", "places"),
                     ("claims", "claims"), ("sources", "sources"), ("conflicts", "conflicts")], "events")


def list_articles(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
    """List articles: publication date, outlet, title, where it came from and its claim count."""
    rows = state(ctx).ledger().articles()
    emit(rows, fmt, [("id", "id"), ("published", "published"), ("outlet", "outlet"), ("title", "title"),
                     ("claims", "claims"), ("path", "path")], "articles")
