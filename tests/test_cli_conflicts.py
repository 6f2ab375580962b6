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
