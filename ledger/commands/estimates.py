"""``ledger estimates`` and ``ledger export estimates``: low / best / high per event, metric and population,
or per event the total killed and wounded with its breakdown (``--totals``), as flat rows."""
from __future__ import annotations

from typing import Annotated, Optional

import typer

from ledger.commands.common import FORMAT_OPTION, Format, emit, state
from ledger.commands.conflicts import ESTIMATE_COLUMNS, estimate_table_rows, parse_as_of

ESTIMATE_CSV_COLUMNS = ["event_id", "event_label", "event_date", "event_date_precision", "metric", "population",
                        "low", "best", "high", "low_rule", "best_rule", "high_rule", "low_claims", "best_claims",
                        "high_claims", "best_sources", "sources", "notes"]
TOTAL_CSV_COLUMNS = ["event_id", "event_label", "event_date", "event_date_precision", "metric", "low", "best", "high",
                     "civilians", "combatants_state", "combatants_nonstate", "combatants_unknown", "unknown",
                     "claims", "rule"]
TOTAL_TABLE_COLUMNS = [("event", "event"), ("metric", "metric"), ("low", "low"), ("best", "best"), ("high", "high"),
                       ("civilians", "civilians"), ("combatants_state", "state forces"),
                       ("combatants_nonstate", "armed groups"), ("combatants_unknown", "combatants (side unknown)"),
                       ("unknown", "unknown")]

EventOption = Annotated[Optional[list[int]], typer.Option("--event", "-e", help="Only these event ids.")]
AsOfOption = Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="What was known on DATE "
                                                   "(YYYY-MM-DD): only claims published by then (an article dated by "
                                                   "month or year only: once that month or year is over).")]
AllMetricsOption = Annotated[bool, typer.Option("--all-metrics", help="Every metric, not only casualties (killed, "
                                                                      "wounded, missing, detained, displaced).")]
TotalsOption = Annotated[bool, typer.Option("--totals", help="Per event, the total killed and wounded with its "
                                                             "breakdown (civilians, combatants by side, unknown).")]


def estimates(ctx: typer.Context, event: EventOption = None, as_of: AsOfOption = None,
              all_metrics: AllMetricsOption = False, totals: TotalsOption = False, fmt: Format = FORMAT_OPTION) -> None:
    """What the accounts of each event add up to, per metric and population: a conservative low (the lowest
    credible figure, as ACLED does), a best estimate (the most reliable source, as UCDP does) and a high
    (the range across sources, as Airwars and IBC report), each with its rule and the claims behind it.
    With --totals, per event the total killed and wounded (UCDP GED's low / best / high) and the
    breakdown of best by who was hit."""
    show(ctx, event, as_of, all_metrics, totals, fmt)


def export_estimates(ctx: typer.Context, event: EventOption = None, as_of: AsOfOption = None,
                     all_metrics: AllMetricsOption = False, totals: TotalsOption = False,
                     fmt: Annotated[Format, typer.Option("--format", "-f", help="jsonl (one row per line, the "
                                                                               "default), json, csv or table.")]
                     = Format.jsonl) -> None:
    """Every estimate (or, with --totals, every event's total killed and wounded) as flat rows: the
    columns of `ledger estimates --format csv`."""
    show(ctx, event, as_of, all_metrics, totals, fmt)


def show(ctx: typer.Context, event: list[int] | None, as_of: str | None, all_metrics: bool, totals: bool,
         fmt: Format) -> None:
    when = parse_as_of(as_of)
    ledger = state(ctx).ledger()
    rows = ledger.estimate_totals(event, when) if totals else ledger.estimate_rows(event, when, all_metrics)
    if totals:
        shown = [{**r, "event": f"{r['event_id']} {r['event_label']}"} for r in rows] if fmt == Format.table else rows
        emit(shown, fmt, TOTAL_TABLE_COLUMNS, "totals", csv_columns=TOTAL_CSV_COLUMNS)
    else:
        shown = estimate_table_rows(rows) if fmt == Format.table else rows
        emit(shown, fmt, [("event", "event")] + [(k, k) for k in ESTIMATE_COLUMNS], "estimates",
             csv_columns=ESTIMATE_CSV_COLUMNS)
