"""The analyst's review workflow through the CLI: claims, sources, events, the audit log and reverts."""
from __future__ import annotations

import json

import pytest

from conftest import write

MONITOR = """---
outlet: Harbour Times
published: 2024-06-04
title: Strike on Belmora kills six fighters, monitor says
---
At least six fighters were killed in a drone strike on a depot in Belmora on Monday, the Valdorian Observatory for Civil Rights said.
"""
MILITIA = """---
outlet: Meridian Wire
published: 2024-06-04
title: Kessel Brigades say two fighters killed in Belmora strike
---
The Kessel Brigades said two of its fighters were killed in a drone strike on a depot in Belmora on Monday.
"""


@pytest.fixture
def strike(ledger, tmp_path):
    """Two accounts of one strike that contradict each other: claim 1 (monitor, 6+) and claim 2 (militia, 2)."""
    ledger("ingest", write(tmp_path / "monitor.txt", MONITOR), write(tmp_path / "militia.txt", MILITIA))
    claims = ledger.json("claims")
    assert [(c["id"], c["source"]["name"], c["figures"][0]["low"]) for c in claims] == [
        (1, "Valdorian Observatory for Civil Rights", 6), (2, "Kessel Brigades", 2)]
    return ledger


def changed(result) -> list[dict]:
    return json.loads(result.stdout)


def test_cli_review_reject_removes_the_claim_from_the_reconciler(strike):
    [conflict] = strike.json("conflicts")
    assert (conflict["severity"], conflict["claims"]) == ("contradiction", [1, 2])
    [claim] = changed(strike("--as", "ana", "claims", "reject", "2", "--json"))
    assert claim["status"] == "rejected"
    assert strike.json("conflicts") == []
    assert [c["id"] for c in strike.json("claims", "--status", "rejected")] == [2]


def test_cli_review_confirm_and_grade_are_logged_with_who(strike):
    strike("--as", "ana", "claims", "confirm", "1")
    strike("--as", "ben", "claims", "grade", "1", "2")
    log = strike.json("log")
    assert [(e["who"], e["action"], e["entity_id"]) for e in log] == [("ana", "claim.confirm", 1),
                                                                      ("ben", "claim.grade", 1)]
    assert (log[0]["before"]["status"], log[0]["after"]["status"]) == ("auto", "confirmed")
    assert (log[1]["before"]["credibility"], log[1]["after"]["credibility"]) == (None, 2)
    assert strike.json("log", "--who", "ben")[0]["action"] == "claim.grade"
    assert strike("claims", "grade", "1", "9", expect=1).stderr.strip().startswith("error: credibility")


def test_cli_review_edit_figures_and_speaker(strike):
    [claim] = changed(strike("claims", "edit", "2", "--figure", "killed:4:fighters@two of its fighters",
                             "--source", "Kessel Brigades", "--json"))
    assert claim["status"] == "edited"
    assert [(f["metric"], f["low"], f["high"], f["population"], f["text"]) for f in claim["figures"]] == [
        ("killed", 4, 4, "fighters", "two of its fighters")]
    [conflict] = strike.json("conflicts")
    assert "4 fighters killed" in conflict["summary"]


def test_cli_review_edit_checks_spans(strike):
    result = strike("claims", "edit", "1", "--content", "words that are not in the article", expect=1)
    assert result.stderr.strip() == "error: 'words that are not in the article' is not in the article text"
    result = strike("claims", "edit", "1", "--start", "5", "--end", "9999", expect=1)
    assert "outside the article" in result.stderr
    assert strike.json("claims")[0]["status"] == "auto"  # nothing half-written


def test_cli_review_add_a_missed_claim(strike):
    [claim] = changed(strike("claims", "add", "--article", "2", "--source", "Kessel Brigades",
                             "--content", "two of its fighters were killed", "--kind", "indirect",
                             "--cue", "said", "--figure", "killed:2:fighters", "--json"))
    assert (claim["content"], claim["status"], claim["cue"], claim["source"]["name"]) == (
        "two of its fighters were killed", "confirmed", "said", "Kessel Brigades")
    assert claim["article"]["id"] == 2 and claim["figures"][0]["text"] == "two of its fighters were killed"
    assert strike("claims", "add", "--article", "2", "--source", "Nobody Known", "--content", "two",
                  expect=1).stderr.strip() == "error: no source named 'Nobody Known' (see `ledger sources`)"


def test_cli_review_move_and_events_split_merge_rename(strike):
    [event] = strike.json("events")
    new = strike("events", "split", str(event["id"]), "2", "--label", "Second strike", "--date", "2024-06-02")
    assert "new event 2 (Second strike)" in new.stderr
    assert strike.json("conflicts") == []  # the two accounts are about different events now
    assert [(c["id"], c["event"]["id"], c["status"]) for c in strike.json("claims")] == [(1, 1, "auto"),
                                                                                        (2, 2, "edited")]
    strike("events", "merge", "2", "1")
    assert [e["id"] for e in strike.json("events")] == [1]
    assert strike.json("conflicts")[0]["severity"] == "contradiction"
    strike("claims", "move", "2", "0")
    assert strike.json("claims")[1]["event"] is None
    strike("events", "rename", "1", "Belmora depot strike")
    assert strike.json("events")[0]["label"] == "Belmora depot strike"
    assert [e["action"] for e in strike.json("log")] == ["event.split", "event.merge", "claim.move", "event.rename"]


def test_cli_review_sources_alias_merge_grade_import(strike, tmp_path):
    strike("sources", "alias", "the Belmora monitor", "Valdorian Observatory for Civil Rights")
    assert strike.json("claims", "--source", "the Belmora monitor")[0]["id"] == 1
    strike("sources", "grade", "Valdorian Observatory for Civil Rights", "B")
    gazetteer = write(tmp_path / "team.json", json.dumps([
        {"name": "Kessel Brigades Command", "type": "militia", "aliases": ["KBC"]}]))
    assert "imported 1 sources" in strike("sources", "import", gazetteer).stderr
    strike("sources", "merge", "Kessel Brigades", "KBC")
    sources = {s["name"]: s for s in strike.json("sources")}
    assert "Kessel Brigades" not in sources
    merged = sources["Kessel Brigades Command"]
    assert (merged["type"], merged["claims"]) == ("militia", 1) and "kessel brigades" in merged["aliases"]
    assert sources["Valdorian Observatory for Civil Rights"]["reliability"] == "B"
    assert strike.json("conflicts")[0]["sources"] == ["Kessel Brigades Command",
                                                      "Valdorian Observatory for Civil Rights"]
    bad = write(tmp_path / "bad.json", json.dumps([{"name": "X", "type": "wizard"}]))
    assert "unknown type 'wizard'" in strike("sources", "import", bad, expect=1).stderr


def test_cli_review_revert_puts_back_only_that_change(strike):
    strike("claims", "reject", "2")
    strike("claims", "grade", "2", "5")
    strike("log", "revert", "1")
    claim = strike.json("claims")[1]
    assert (claim["status"], claim["credibility"]) == ("edited", 5)
    assert strike.json("log")[-1]["note"] == "revert 1"
    strike("sources", "grade", "Kessel Brigades", "E")
    strike("log", "revert", "4")
    assert {s["name"]: s["reliability"] for s in strike.json("sources")}["Kessel Brigades"] is None
    strike("events", "split", "1", "2")
    assert "cannot be reverted" in strike("log", "revert", "6", expect=1).stderr


def test_cli_review_reextract_keeps_analyst_decisions(strike, tmp_path):
    strike("claims", "reject", "2")
    strike("claims", "edit", "1", "--figure", "killed:7+:fighters")
    result = strike("ingest", "--reextract", tmp_path / "monitor.txt", tmp_path / "militia.txt")
    assert "0 new, 2 already present" in result.stderr
    claims = strike.json("claims")
    assert [(c["id"], c["status"]) for c in claims] == [(1, "edited"), (2, "rejected")]
    assert claims[0]["figures"][0]["low"] == 7
