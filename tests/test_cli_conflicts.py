"""``ledger conflicts`` and ``ledger estimates`` through the CLI: the contract's JSON compared whole, every
format, the severity filter, --as-of, and the example articles showing every severity."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from conftest import write

REPO = Path(__file__).resolve().parent.parent

MONITOR = """---
outlet: Harbour Times
published: 2024-06-04
---
At least six fighters were killed in a drone strike on a depot in Belmora on Monday, the Valdorian Observatory for Civil Rights said.
"""
MILITIA = """---
outlet: Meridian Wire
published: 2024-06-05
---
The Kessel Brigades said two of its fighters were killed in a drone strike on a depot in Belmora on Monday.
"""


@pytest.fixture
def strike(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "monitor.txt", MONITOR), write(tmp_path / "militia.txt", MILITIA))
    return ledger


def test_cli_conflicts_json_is_the_contract(strike):
    [conflict] = strike.json("conflicts")
    event = strike.json("events")[0]
    assert conflict == {
        "id": conflict["id"],
        "event": {"id": event["id"], "label": event["label"], "date": event["date"]},
        "metric": "killed", "population": "fighters", "severity": "contradiction",
        "sources": ["Kessel Brigades", "Valdorian Observatory for Civil Rights"],
        "sides": [["Kessel Brigades"], ["Valdorian Observatory for Civil Rights"]],
        "compatible": [], "claims": [1, 2],
        "summary": "Kessel Brigades: 2 fighters killed; Valdorian Observatory for Civil Rights: at least 6 "
                   "fighters killed",
        "size": 3.0, "parties": ["Kessel Brigades"], "independent": ["Valdorian Observatory for Civil Rights"],
    }


def test_cli_conflicts_as_of_shows_what_was_known(strike):
    assert strike.json("conflicts", "--as-of", "2024-06-04") == []
    assert len(strike.json("conflicts", "--as-of", "2024-06-05")) == 1
    assert "--as-of must be a date" in strike("conflicts", "--as-of", "June", expect=1).stderr


def test_cli_conflicts_other_formats(strike):
    [row] = list(csv.DictReader(io.StringIO(strike("conflicts", "--format", "csv").stdout)))
    assert (row["severity"], row["metric"], row["population"]) == ("contradiction", "killed", "fighters")
    assert strike.jsonl("conflicts", "--format", "jsonl") == strike.json("conflicts")
    md = strike("conflicts", "--format", "md").stdout
    assert md.startswith("# Conflicts") and "### contradiction: killed fighters" in md
    assert "| estimate" not in md and "| figure | low | best | high" in md
    table = strike("conflicts").stdout
    assert "contradiction" in table and "estimate" in table


def test_cli_estimates(strike):
    """Flat rows: the event, the three numbers, the rule and the claims of each; known by a date too."""
    event = strike.json("events")[0]
    low = "lowest figure among the sources' latest accounts (ACLED: most conservative)"
    high = "highest figure any source gives (Airwars/IBC: the range across sources)"
    assert strike.json("estimates") == [{
        "event_id": event["id"], "event_label": event["label"], "event_date": "2024-06-03",
        "event_date_precision": "day", "metric": "killed", "population": "fighters", "low": 2, "best": 6, "high": 6,
        "low_rule": low, "high_rule": high,
        "best_rule": "figure of the most reliable source: Valdorian Observatory for Civil Rights (monitor, latest "
                     "report 2024-06-04) (UCDP: best estimate)",
        "low_claims": [2], "best_claims": [1], "high_claims": [1],
        "best_sources": ["Valdorian Observatory for Civil Rights"],
        "sources": ["Kessel Brigades", "Valdorian Observatory for Civil Rights"], "notes": []}]
    [known] = strike.json("estimates", "--as-of", "2024-06-04")
    assert (known["low"], known["best"], known["high"], known["sources"]) == (
        6, 6, 6, ["Valdorian Observatory for Civil Rights"])


def test_cli_conflicts_examples_show_every_severity(ledger):
    ledger("ingest", REPO / "examples")
    found = ledger.json("conflicts")
    assert {c["severity"] for c in found} == {"contradiction", "discrepancy", "undisclosed", "revision",
                                              "transmission"}
    assert [c["severity"] for c in ledger.json("conflicts", "--severity", "revision")] == ["revision"]
    events = {c["event"]["id"] for c in found}
    assert len(events) == 1, "the Fenwick Ridge attack's figures must stay out of the strike's conflicts"


STRIKE_TABLE = """\
Event 1: drone strike, Belmora (2024-06-03)
#1 contradiction: killed fighters  Kessel Brigades: 2 fighters killed; Valdorian Observatory for Civil Rights: at least 6 fighters killed
┌────────────────────────────────────────┬────────────────────┬───────────────┬────────────┬───────────────────────────────────────────────────────────────────┐
│ source                                 │ figure             │ outlet        │ published  │ claim                                                             │
├────────────────────────────────────────┼────────────────────┼───────────────┼────────────┼───────────────────────────────────────────────────────────────────┤
│ Valdorian Observatory for Civil Rights │ killed fighters 6+ │ Harbour Times │ 2024-06-04 │ #1 At least six fighters were killed in a drone strike on a depot │
│                                        │                    │               │            │ in Belmora on Monday                                              │
│ Kessel Brigades                        │ killed fighters 2  │ Meridian Wire │ 2024-06-05 │ #2 two of its fighters were killed in a drone strike on a depot   │
│                                        │                    │               │            │ in Belmora on Monday                                              │
└────────────────────────────────────────┴────────────────────┴───────────────┴────────────┴───────────────────────────────────────────────────────────────────┘
estimate
┌─────────────────┬─────┬──────┬──────┬────────────────────────────────────────┬────────┐
│ figure          │ low │ best │ high │ best source                            │ claims │
├─────────────────┼─────┼──────┼──────┼────────────────────────────────────────┼────────┤
│ killed fighters │ 2   │ 6    │ 6    │ Valdorian Observatory for Civil Rights │ #1 #2  │
└─────────────────┴─────┴──────┴──────┴────────────────────────────────────────┴────────┘
low: the lowest figure among the sources' latest accounts (ACLED, conservative); best: the figure of the most reliable source (UCDP); high: the highest figure
any source gives (Airwars/IBC range). `ledger estimates --format json` gives each rule in full.

"""


def test_cli_conflicts_table_whole_output(strike):
    """The default output, piped (160 columns): per event, one box per conflict with its claims, then the
    estimate and its rules; no trailing blanks, wrapped claim text."""
    assert strike("conflicts").stdout == STRIKE_TABLE


def test_cli_conflicts_table_reads_claims_in_a_few_queries(strike, monkeypatch):
    """The table's claim lines come from two queries per 900 claims, not one (or three) per claim: the
    report of a 3,000-article ledger spent half its time in such lazy loads."""
    from sqlalchemy import event as sa_event

    from ledger.queries import claim_lines
    from ledger.db import open_ledger, reading

    engine = open_ledger(strike.db)
    statements = []
    sa_event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    with reading(engine) as session:
        lines = claim_lines(session, {1, 2})
    engine.dispose()
    assert lines[2] == {"source": "Kessel Brigades", "figures": "killed fighters 2", "outlet": "Meridian Wire",
                        "published": "2024-06-05",
                        "content": "two of its fighters were killed in a drone strike on a depot in Belmora on Monday"}
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 2
