"""The listings: ``ledger claims``, ``sources``, ``events``, ``articles`` and the ``export`` commands.

Every format of every listing holds the same rows: JSON and JSONL as they are, CSV flat (lists joined
with "; ", a claim's figures as text, or one row per figure with ``--figures``; see
``ledger.commands.common.csv_cell``), tables shortened for reading."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ledger.commands.common import FORMAT_OPTION, Format, choices, emit, flatten, state, values
from ledger.fields import CLAIM_STATUSES
from ledger.reading.types import CLAIM_KINDS, METRICS
from ledger.render import figure_text, shorten

ClaimKind = choices("ClaimKind", CLAIM_KINDS)
Metric = choices("Metric", METRICS)
ClaimStatus = choices("ClaimStatus", CLAIM_STATUSES)

CLAIM_COLUMNS = [("id", "id"), ("source", "source"), ("kind", "kind"), ("content", "content"),
                 ("figures", "figures"), ("event", "event"), ("status", "status")]
CLAIM_CSV_COLUMNS = ["id", "article.id", "article.outlet", "article.published", "source.id", "source.name",
                     "source.type", "mention", "kind", "cue", "content", "start", "end", "event.id", "event.label",
                     "figures", "status"]
FIGURE_CSV_COLUMNS = [f"figure.{k}" for k in ("metric", "population", "low", "high", "qualifier", "vague",
                                              "no_figure", "text", "start", "end")]
FIGURES_OPTION = typer.Option("--figures", help="One row per figure (claim columns, then figure.metric, "
                                                "figure.low, ...); a claim without figures has one row.")


def claim_flat(claim: dict) -> dict:
    """A claim for CSV: its figures (and declined figures) as text, "killed fighters 6+; no figure
    (wounded)", the rest as in the contract."""
    return {**claim, "figures": "; ".join(map(figure_text, claim["figures"] + claim["no_figures"]))}


def figure_rows(claim: dict) -> list[dict]:
    """One flat row per figure of a claim (declined figures included), or one row without figure columns
    for a claim with none."""
    base = {k: v for k, v in flatten(claim).items() if k in CLAIM_CSV_COLUMNS and k != "figures"}
    figures = claim["figures"] + claim["no_figures"]
    if not figures:
        return [{**base, **{k: None for k in FIGURE_CSV_COLUMNS}}]
    return [{**base, **{f"figure.{k}": figure[k] for k in (c.split(".", 1)[1] for c in FIGURE_CSV_COLUMNS)}}
            for figure in sorted(figures, key=lambda f: f["start"])]


def emit_claims(claims, fmt: Format, figures: bool) -> None:
    """Claims in a format: a short table, the contract's JSON, flat CSV, or one flat row per figure."""
    if figures:
        columns = [c for c in CLAIM_CSV_COLUMNS if c != "figures"] + FIGURE_CSV_COLUMNS
        emit((row for claim in claims for row in figure_rows(claim)), fmt,
             [("id", "claim"), ("source.name", "source"), ("figure.metric", "metric"),
              ("figure.population", "population"), ("figure.low", "low"), ("figure.high", "high"),
              ("figure.text", "text")], "figures",
             csv_columns=columns)
    elif fmt == Format.table:
        emit(map(claim_row, claims), fmt, CLAIM_COLUMNS, "claims")
    elif fmt == Format.csv:
        emit(map(claim_flat, claims), fmt, csv_columns=CLAIM_CSV_COLUMNS)
    else:
        emit(claims, fmt)


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
    kind: Annotated[Optional[ClaimKind], typer.Option(help="Only claims of this kind.")] = None,
    metric: Annotated[Optional[Metric], typer.Option(help="Only claims with a figure of this metric.")] = None,
    status: Annotated[Optional[ClaimStatus], typer.Option(help="Only claims with this review status.")] = None,
    figures: Annotated[bool, FIGURES_OPTION] = False,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List claims: who said what, with figures and event (JSON as in the export contract)."""
    if ctx.invoked_subcommand:
        return
    found = state(ctx).ledger().claims(source, event, article, values(kind), values(metric), values(status))
    emit_claims(found, fmt, figures)


EXPORT_FORMAT = typer.Option("--format", "-f", help="jsonl (one row per line, the default), json, csv or table.")


def export_claims(ctx: typer.Context, figures: Annotated[bool, FIGURES_OPTION] = False,
                  fmt: Annotated[Format, EXPORT_FORMAT] = Format.jsonl) -> None:
    """Every claim, in the export contract's shape (flat in CSV), on stdout."""
    emit_claims(state(ctx).ledger().export_claims(), fmt, figures)


EVENT_COLUMNS = [("event_id", "id"), ("date", "date"), ("date_precision", "precision"), ("label", "label"),
                 ("event_type", "event type"), ("fatalities_low", "killed low"), ("fatalities_best", "best"),
                 ("fatalities_high", "high"), ("wounded_best", "wounded"), ("claims", "claims"),
                 ("conflicts", "conflicts")]


def export_events(ctx: typer.Context, fmt: Annotated[Format, EXPORT_FORMAT] = Format.jsonl) -> None:
    """Every event as one flat row, shaped like ACLED's and UCDP GED's: date, date_start, date_end,
    date_precision, kind with ACLED's event_type and sub_event_type where one fits, places, actors,
    fatalities_low/best/high with the breakdown of best (civilians, combatants by side, unknown),
    wounded_low/best/high, and the claims, conflicts, sources, outlets and articles behind it."""
    emit(state(ctx).ledger().export_events(), fmt, EVENT_COLUMNS, "events")


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
    emit(rows, fmt, [("id", "id"), ("date", "date"), ("precision", "precision"), ("label", "label"),
                     ("places", "places"),
                     ("claims", "claims"), ("sources", "sources"), ("conflicts", "conflicts")], "events")


def list_articles(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
    """List articles: publication date, outlet, title, where it came from and its claim count."""
    rows = state(ctx).ledger().articles()
    emit(rows, fmt, [("id", "id"), ("published", "published"), ("outlet", "outlet"), ("title", "title"),
                     ("claims", "claims"), ("path", "path")], "articles")
