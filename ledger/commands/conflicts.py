"""``ledger conflicts``: the reconciler's report, per event and metric."""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text

from ledger.commands.common import FORMAT_OPTION, Format, data_console, emit, err, print_json_array, state
from ledger.render import bounds_text, shorten


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"


CSV_COLUMNS = [(k, k) for k in ("id", "event.id", "event.label", "event.date", "metric", "population", "severity",
                                "size", "sources", "sides", "compatible", "claims", "summary")]


def conflicts_help() -> str:
    """The command's help: what it does and every severity level, as the reconciler documents them."""
    from ledger.reconcile import SEVERITY_LEVELS

    levels = "\n\n".join(f"{name}: {text}" for name, text in SEVERITY_LEVELS.items())
    return ("Where the accounts disagree: for each event and metric, which sources contradict each other, "
            "and how badly.\n\nSeverity levels, in the order the reconciler checks them:\n\n" + levels)


def conflicts(
    ctx: typer.Context,
    event: Annotated[Optional[list[int]], typer.Option("--event", "-e", help="Only these event ids.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE",
                                                 help="What was known on DATE (YYYY-MM-DD): only claims "
                                                      "published by then.")] = None,
    severity: Annotated[Optional[list[str]], typer.Option(help="Only these severities (repeat the option).")]
    = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="table, json, jsonl, csv or md.")]
    = ReportFormat.table,
) -> None:
    when = parse_as_of(as_of)
    if fmt in (ReportFormat.json, ReportFormat.jsonl, ReportFormat.csv):
        found = state(ctx).ledger().conflicts(event, severity, when)  # data for machines: streamed
        if fmt == ReportFormat.json:
            print_json_array(found)
        else:
            emit(found, fmt, CSV_COLUMNS)  # type: ignore[arg-type]
        return
    report = state(ctx).ledger().conflict_report(event, severity, when)
    lines = {claim_id: _claim_line(brief) for claim_id, brief in report.claims.items()}
    if fmt == ReportFormat.md:
        print(markdown(report.conflicts, lines, report.estimates), end="")
    else:
        render_tables(report.conflicts, lines, report.estimates)


def parse_as_of(as_of: str | None) -> date | None:
    from ledger.errors import LedgerError

    try:
        return date.fromisoformat(as_of) if as_of else None
    except ValueError as exc:
        raise LedgerError(f"--as-of must be a date (YYYY-MM-DD), not {as_of!r}") from exc


ESTIMATE_RULES = ("low: the lowest figure among the sources' latest accounts (ACLED, conservative); best: the "
                  "figure of the most reliable source (UCDP); high: the highest figure any source gives "
                  "(Airwars/IBC range). `ledger estimates --format json` gives each rule in full.")


def estimate_rows(estimates: list[dict], event_id: int) -> list[dict]:
    """One event's estimates as table rows (the rules in full are in the JSON)."""
    def value(bound: dict) -> str:
        return "?" if bound["value"] is None else f"{bound['value']:,}"

    return [{"figure": f"{e['metric']} {e['population'] or ''}".strip(), "low": value(e["low"]),
             "best": value(e["best"]), "high": value(e["high"]), "best source": ", ".join(e["best"]["sources"]),
             "claims": " ".join(f"#{i}" for i in sorted({*e["low"]["claims"], *e["best"]["claims"],
                                                       *e["high"]["claims"]}))}
            for e in estimates if e["event"]["id"] == event_id]


ESTIMATE_COLUMNS = ("figure", "low", "best", "high", "best source", "claims")


def _claim_line(claim: dict) -> dict:
    """A claim brief (``ledger.conflicts.claim_briefs``) as the cells of its table row."""
    figures = "; ".join(f"{f['metric']} {f['population'] or ''} {bounds_text(f['low'], f['high'])}".replace("  ", " ")
                        for f in claim["figures"])
    return {"source": claim["source"], "figures": figures, "content": shorten(claim["content"], 110),
            "outlet": claim["outlet"] or "", "published": claim["published"] or ""}


def render_tables(found: list[dict], lines: dict[int, dict], estimates: list[dict]) -> None:
    if not found:
        err.print("no conflicts")
        return
    out = data_console()
    by_event: dict[int, list[dict]] = {}
    for conflict in found:
        by_event.setdefault(conflict["event"]["id"], []).append(conflict)
    for conflicts_of_event in by_event.values():
        event = conflicts_of_event[0]["event"]
        out.print(Text(f"Event {event['id']}: {event['label']} ({event['date'] or 'undated'})", style="bold"))
        for c in conflicts_of_event:
            table = Table(title=Text(f"#{c['id']} {c['severity']}: {c['metric']} {c['population'] or ''}  "
                                     f"{c['summary']}"), title_justify="left", show_lines=False)
            for header in ("source", "figure", "outlet", "published", "claim"):
                table.add_column(header, overflow="fold")
            for claim_id in c["claims"]:
                line = lines.get(claim_id)
                if line:
                    table.add_row(*(Text(str(line[k])) for k in ("source", "figures", "outlet", "published")),
                                  Text(f"#{claim_id} {line['content']}"))
            out.print(table)
        rows = estimate_rows(estimates, event["id"])
        if rows:
            table = Table(title=Text("estimate"), title_justify="left", caption=Text(ESTIMATE_RULES),
                          caption_justify="left")
            for header in ESTIMATE_COLUMNS:
                table.add_column(header, overflow="fold")
            for row in rows:
                table.add_row(*(Text(row[k]) for k in ESTIMATE_COLUMNS))
            out.print(table)
        out.print()


def markdown(found: list[dict], lines: dict[int, dict], estimates: list[dict]) -> str:
    """The report as Markdown, for pasting into a note to an editor."""
    if not found:
        return "No conflicts.\n"
    out = ["# Conflicts", ""]
    current = None
    for c in found:
        if c["event"]["id"] != current:
            current = c["event"]["id"]
            out += [f"## Event {current}: {md_escape(c['event']['label'])} ({c['event']['date'] or 'undated'})", ""]
            rows = estimate_rows(estimates, current)
            if rows:
                out += ["| " + " | ".join(ESTIMATE_COLUMNS) + " |", "|---" * len(ESTIMATE_COLUMNS) + "|"]
                out += ["| " + " | ".join(md_escape(r[k]) for k in ESTIMATE_COLUMNS) + " |" for r in rows]
                out += ["", md_escape(ESTIMATE_RULES), ""]
        out += [f"### {c['severity']}: {c['metric']} {c['population'] or ''}".rstrip(), "", md_escape(c["summary"]), "",
                "| source | figure | outlet | published | claim |", "|---|---|---|---|---|"]
        for claim_id in c["claims"]:
            line = lines.get(claim_id)
            if line:
                out.append("| " + " | ".join(md_escape(str(line[k])) for k in ("source", "figures", "outlet", "published"))
                           + f" | #{claim_id} {md_escape(line['content'])} |")
        out.append("")
    return "\n".join(out) + "\n"


def md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ")


def estimates(
    ctx: typer.Context,
    event: Annotated[Optional[list[int]], typer.Option("--event", "-e", help="Only these event ids.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE",
                                                 help="What was known on DATE (YYYY-MM-DD).")] = None,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """What the accounts of each event add up to, per metric and population: a conservative low (the lowest
    credible figure, as ACLED does), a best estimate (the most reliable source, as UCDP does) and a high
    (the range across sources, as Airwars and IBC report), each with its rule and the claims behind it."""
    found = state(ctx).ledger().estimates(event, parse_as_of(as_of))
    if fmt == Format.table:
        found = [{"event": f"{e['event']['id']} {e['event']['label']}", **row}
                 for e in found for row in estimate_rows([e], e["event"]["id"])]
    emit(found, fmt, [("event", "event")] + [(k, k) for k in ESTIMATE_COLUMNS], "estimates")
