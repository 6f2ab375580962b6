"""Listings, ``show claim``, ``export`` and ``db`` through the CLI, compared whole where the data is ours."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import write
from ledger.db import head_revision

TWO_ARTICLES = {
    "a.txt": """---
outlet: Daily Lantern
published: 2024-03-06
title: Shepherds hurt in Varnok shelling
---
Shelling hit the village of Varnok on Tuesday, wounding three shepherds, the regional governor Ilse Brandt said.

"We counted at least seven shells," Brandt told reporters.
""",
    "b.txt": """---
outlet: Meridian Wire
published: 2024-03-07
title: Varnok shelling wounded five, clinic says
---
Five people were wounded when shells hit Varnok on Tuesday, the village clinic said on Wednesday.
""",
}


@pytest.fixture
def filled(ledger, tmp_path):
    for name, text in TWO_ARTICLES.items():
        write(tmp_path / name, text)
    ledger("ingest", tmp_path / "a.txt", tmp_path / "b.txt")
    return ledger


def test_cli_claims_filters(filled):
    everything = filled.json("claims")
    assert [c["source"]["name"] for c in everything] == ["Ilse Brandt", "Ilse Brandt", "village clinic"]
    assert [c["id"] for c in filled.json("claims", "--source", "Brandt")] == [1, 2]
    assert [c["id"] for c in filled.json("claims", "--kind", "direct")] == [2]
    assert [c["id"] for c in filled.json("claims", "--metric", "wounded")] == [1, 3]
    assert [c["id"] for c in filled.json("claims", "--article", "2")] == [3]
    assert [c["id"] for c in filled.json("claims", "--status", "rejected")] == []
    assert filled.json("claims", "--event", str(everything[0]["event"]["id"]))


def test_cli_claims_unknown_source_is_an_error(filled):
    result = filled("claims", "--source", "Nobody At All", expect=1)
    assert result.stderr.strip() == "error: no source named 'Nobody At All' (see `ledger sources`)"


def test_cli_sources_and_articles_json(filled):
    sources = filled.json("sources")
    brandt = next(s for s in sources if s["name"] == "Ilse Brandt")
    assert (brandt["type"], brandt["kind"], brandt["claims"]) == ("official", "person", 2)
    assert "ilse brandt" in brandt["aliases"]
    articles = filled.json("articles")
    assert [(a["id"], a["outlet"], a["published"], a["claims"]) for a in articles] == [
        (1, "Daily Lantern", "2024-03-06", 2), (2, "Meridian Wire", "2024-03-07", 1)]


def test_cli_events_one_event_from_two_outlets(filled):
    [event] = filled.json("events")
    assert (event["date"], event["claims"], event["sources"]) == ("2024-03-05", 3, 2)
    assert "Varnok" in event["places"]


@pytest.mark.parametrize("listing", ["claims", "sources", "events", "articles"])
def test_cli_listings_in_every_format(filled, listing):
    as_json = filled.json(listing)
    as_jsonl = filled.jsonl(listing, "--format", "jsonl")
    assert as_jsonl == as_json
    rows = list(csv.DictReader(io.StringIO(filled(listing, "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == [str(x["id"]) for x in as_json]
    table = filled(listing).stdout
    assert all(str(x["id"]) in table for x in as_json)


def test_cli_export_claims_csv_has_one_row_per_claim(filled):
    rows = list(csv.DictReader(io.StringIO(filled("export", "claims", "--format", "csv").stdout)))
    assert [(r["source.name"], r["kind"]) for r in rows] == [
        ("Ilse Brandt", "indirect"), ("Ilse Brandt", "direct"), ("village clinic", "indirect")]
    assert [r["figures"] for r in rows] == ["wounded civilians 3", "other shells 7+", "wounded people 5"]


def test_cli_show_claim_marks_content_speaker_and_cue_when_piped(filled):
    out = filled("show", "claim", "1").stdout
    assert "[[Shelling hit the village of Varnok on Tuesday, wounding three shepherds]], " \
           "{{the regional governor Ilse Brandt}} <<said>>." in out
    assert "source: Ilse Brandt (official)" in out and "Daily Lantern, 2024-03-06" in out
    assert "figures: wounded civilians 3" in out


def test_cli_show_claim_json_and_missing(filled):
    shown = json.loads(filled("show", "claim", "2", "--format", "json").stdout)
    assert shown["content"] == "We counted at least seven shells"
    assert shown["passage"].startswith("\u201c") or shown["passage"].startswith('"')
    assert filled("show", "claim", "99", expect=1).stderr.strip() == "error: no claim 99"


def test_cli_db_current_downgrade_upgrade(ledger):
    if "://" in ledger.db:  # a PostgreSQL database made by its operator, still empty
        assert ledger("db", "current").stdout.strip() == "empty"
    else:  # an SQLite path with no file: `db current` does not create one
        assert ledger("db", "current", expect=1).stderr.strip() == f"error: no ledger at {ledger.db}: " \
                                                                   "`ledger ingest` creates one"
    ledger("db", "upgrade")
    assert ledger("db", "current").stdout.strip() == head_revision()
    assert ledger("db", "downgrade", "base", expect=1).stderr.startswith("error: downgrading ")
    ledger("db", "downgrade", "base", "--yes")
    assert ledger("db", "current").stdout.strip() == "empty"
    ledger("db", "upgrade")
    assert ledger("db", "current").stdout.strip() == head_revision()


def test_cli_help_for_every_command():
    from typer.testing import CliRunner
    from cli import app

    runner = CliRunner()
    for command in (["ingest"], ["claims"], ["sources"], ["events"], ["articles"], ["conflicts"],
                    ["export", "claims"], ["show", "claim"], ["db", "upgrade"], ["db", "current"],
                    ["db", "downgrade"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout, command
    conflicts_help = runner.invoke(app, ["conflicts", "--help"]).stdout
    assert "contradiction" in conflicts_help and "revision" in conflicts_help


@pytest.mark.parametrize("items", [[], [{"a": 1, "b": [1, 2], "c": {"d": "two\nlines"}}], [1, {"z": None}, "é"]])
def test_cli_streamed_json_array_is_the_same_text_as_the_whole_list(items, capsys):
    """`--format json` of large listings is written item by item; a reader sees the same document."""
    from ledger.commands.common import print_json, print_json_array

    print_json_array(iter(items))
    streamed = capsys.readouterr().out
    print_json(items)
    assert streamed == capsys.readouterr().out
