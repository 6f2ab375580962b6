"""``ledger conflicts``: the reconciler's report, per event and metric."""
from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from operator import itemgetter
from typing import Annotated, Optional

import typer

from ledger.commands import text_table
from ledger.commands.common import Format, choices, data_console, emit, err, print_json_array, state, values
from ledger.reconcile import SEVERITY_LEVELS
from ledger.render import visible


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"


Severity = choices("Severity", SEVERITY_LEVELS)

CSV_COLUMNS = ["id", "event.id", "event.label", "event.date", "metric", "population", "severity", "size", "sources",
               "sides", "compatible", "claims", "summary"]


def conflicts_help() -> str:
    """The command's help: what it does and every severity level, as the reconciler documents them."""
    levels = "\n\n".join(f"{name}: {text}" for name, text in SEVERITY_LEVELS.items())
    return ("Where the accounts disagree: for each event and metric, which sources contradict each other, "
            "and how badly.\n\nSeverity levels, in the order the reconciler checks them:\n\n" + levels)


def conflicts(
    ctx: typer.Context,
    event: Annotated[Optional[list[int]], typer.Option("--event", "-e", help="Only these event ids.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE",
                                                 help="What was known on DATE (YYYY-MM-DD): only claims "
                                                      "published by then (an article dated by month or year "
                                                      "only: once that month or year is over).")] = None,
    severity: Annotated[Optional[list[Severity]], typer.Option(help="Only these severities (repeat the option).")]
    = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table, json, jsonl, csv or md.")]
    = ReportFormat.table,
) -> None:
    severity = values(severity)
    when = parse_as_of(as_of)
    if fmt in (ReportFormat.json, ReportFormat.jsonl, ReportFormat.csv):
        found = state(ctx).ledger().conflicts(event, severity, when)  # data for machines: streamed
        if fmt == ReportFormat.json:
            print_json_array(found)
        else:
            emit(found, Format(fmt.value), csv_columns=CSV_COLUMNS)
        return
    tables = state(ctx).ledger().conflict_tables(event, severity, when)
    found, lines, estimates = tables.conflicts, tables.lines, tables.estimates
    if fmt == ReportFormat.md:
        print(markdown(found, lines, estimates), end="")
    else:
        render_tables(found, lines, estimates)


def parse_as_of(as_of: str | None) -> date | None:
    from ledger.errors import LedgerError

    try:
        return date.fromisoformat(as_of) if as_of else None
    except ValueError as exc:
        raise LedgerError(f"--as-of must be a date (YYYY-MM-DD), not {as_of!r}") from exc


ESTIMATE_RULES = ("low: the lowest figure among the sources' latest accounts (ACLED, conservative); best: the "
                  "figure of the most reliable source (UCDP); high: the highest figure any source gives "
                  "(Airwars/IBC range). `ledger estimates --format json` gives each rule in full.")


def estimate_table_rows(estimates: list[dict]) -> list[dict]:
    """Estimates (``ledger.estimates`` rows) as short table rows (the rules in full are in the other formats)."""
    def value(number: int | None) -> str:
        return "?" if number is None else f"{number:,}"

    return [{"event": f"{e['event_id']} {e['event_label']}", "figure": f"{e['metric']} {e['population'] or ''}".strip(),
             "low": value(e["low"]), "best": value(e["best"]), "high": value(e["high"]),
             "best source": ", ".join(e["best_sources"]),
             "claims": " ".join(f"#{i}" for i in sorted({*e["low_claims"], *e["best_claims"], *e["high_claims"]}))}
            for e in estimates]


ESTIMATE_COLUMNS = ("figure", "low", "best", "high", "best source", "claims")


def by_event(items: list[dict], event_id=lambda conflict: conflict["event"]["id"]) -> dict[int, list[dict]]:
    """Conflicts (or, with ``event_id``, other rows such as estimates) grouped by event id, in their order."""
    found: dict[int, list[dict]] = {}
    for item in items:
        found.setdefault(event_id(item), []).append(item)
    return found


def render_tables(found: list[dict], lines: dict[int, dict], estimates: list[dict]) -> None:
    """Per event, one boxed table per conflict (its claims) and the estimate, written as plain text: the
    report of thousands of conflicts prints in about a second (``ledger.commands.text_table``)."""
    if not found:
        err.print("no conflicts")
        return
    width = data_console().width
    write = sys.stdout.write
    estimates_of = by_event(estimates, itemgetter("event_id"))
    for conflicts_of_event in by_event(found).values():
        event = conflicts_of_event[0]["event"]
        write(text_table.bold(visible(f"Event {event['id']}: {event['label']} ({event['date'] or 'undated'})",
                                      one_line=True)) + "\n")
        for c in conflicts_of_event:
            title = f"#{c['id']} {c['severity']}: {c['metric']} {c['population'] or ''}  {c['summary']}"
            rows = [[str(line[k]) for k in ("source", "figures", "outlet", "published")]
                    + [f"#{claim_id} {line['content']}"]
                    for claim_id in c["claims"] if (line := lines.get(claim_id))]
            write(text_table.render(["source", "figure", "outlet", "published", "claim"], rows, width,
                                    title=title))
        rows = estimate_table_rows(estimates_of.get(event["id"], []))
        if rows:
            write(text_table.render(list(ESTIMATE_COLUMNS), [[r[k] for k in ESTIMATE_COLUMNS] for r in rows],
                                    width, title="estimate"))
            write("\n".join(text_table.wrap(ESTIMATE_RULES, width)) + "\n")
        write("\n")


def markdown(found: list[dict], lines: dict[int, dict], estimates: list[dict]) -> str:
    """The report as Markdown, for pasting into a note to an editor. Every value from the ledger goes through
    the report's escaper, so article text cannot open a link, an image, a tag or a table cell."""
    from ledger.report.markdown import md, table

    if not found:
        return "No conflicts.\n"
    out = ["# Conflicts", ""]
    estimates_of = by_event(estimates, itemgetter("event_id"))
    current = None
    for c in found:
        if c["event"]["id"] != current:
            current = c["event"]["id"]
            out += [f"## Event {current}: {md(c['event']['label'])} ({md(c['event']['date'] or 'undated')})", ""]
            rows = estimate_table_rows(estimates_of.get(current, []))
            if rows:
                out += table(list(ESTIMATE_COLUMNS), [[md(r[k]) for k in ESTIMATE_COLUMNS] for r in rows])
                out += [ESTIMATE_RULES, ""]
        out += [f"### {md(c['severity'])}: {md(c['metric'])} {md(c['population'] or '')}".rstrip(), "",
                md(c["summary"]), ""]
        out += table(["source", "figure", "outlet", "published", "claim"],
                     [[md(str(line[k])) for k in ("source", "figures", "outlet", "published")]
                      + [f"#{claim_id} {md(line['content'])}"]
                      for claim_id in c["claims"] if (line := lines.get(claim_id))])
    return "\n".join(out) + "\n"


