"""The database as a product: readable views that agree with the CLI, opened with the plain ``sqlite3``
module (no ledger, no SQLAlchemy), on PostgreSQL too; full-text search; ``show article``."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from conftest import write
from ledger.db import open_ledger

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def examples(ledger):
    ledger("ingest", REPO / "examples")
    ledger("conflicts")  # makes sure stored conflicts are current
    return ledger


def query(ledger, sql: str) -> list[dict]:
    engine = open_ledger(ledger.db)
    with engine.connect() as connection:
        rows = [dict(r) for r in connection.execute(text(sql)).mappings()]
    engine.dispose()
    return rows


def test_views_claims_flat_matches_the_cli(examples):
    cli = {c["id"]: c for c in examples.json("claims")}
    rows = {r["claim_id"]: r for r in query(examples, "SELECT * FROM claims_flat")}
    assert rows.keys() == cli.keys()
    for claim_id, claim in cli.items():
        row = rows[claim_id]
        assert (row["source"], row["kind"], row["content"], row["outlet"], row["event_id"]) == (
            claim["source"]["name"], claim["kind"], claim["content"], claim["article"]["outlet"],
            (claim["event"] or {}).get("id"))
        assert (row["figures"] or "").count(";") == max(0, len(claim["figures"] + claim["no_figures"]) - 1)


def test_views_figures_flat_has_one_row_per_figure(examples):
    cli = [(c["id"], f["metric"], f["low"], f["high"]) for c in examples.json("claims")
           for f in c["figures"] + c["no_figures"]]
    rows = [(r["claim_id"], r["metric"], r["low"], r["high"])
            for r in query(examples, "SELECT * FROM figures_flat ORDER BY claim_id, figure_id")]
    assert sorted(rows, key=str) == sorted(cli, key=str)


def test_views_conflicts_flat_matches_the_cli(examples):
    cli = examples.json("conflicts")
    assert cli
    rows = query(examples, "SELECT * FROM conflicts_flat")
    for conflict in cli:
        mine = [r for r in rows if r["conflict_id"] == conflict["id"]]
        assert sorted(r["claim_id"] for r in mine) == conflict["claims"]
        assert {r["severity"] for r in mine} == {conflict["severity"]}
        assert {r["source"] for r in mine} <= set(conflict["sources"])


def test_views_sources_summary_matches_the_cli(examples):
    cli = {s["name"]: s["claims"] for s in examples.json("sources")}
    assert {r["name"]: r["claims"] for r in query(examples, "SELECT * FROM sources_summary")} == cli


def test_views_plain_sqlite3_module_reads_the_file(sqlite_ledger):
    """An analyst without the ledger: the standard library's sqlite3 opens and queries every view."""
    sqlite_ledger("ingest", REPO / "examples")
    connection = sqlite3.connect(sqlite_ledger.db)
    try:
        for view in ("claims_flat", "figures_flat", "conflicts_flat", "sources_summary"):
            assert connection.execute(f"SELECT count(*) FROM {view}").fetchone()[0] > 0, view
        killed = connection.execute("SELECT source, bounds FROM figures_flat WHERE metric = 'killed' "
                                    "AND source = 'Valdorian Observatory for Civil Rights' ORDER BY published").fetchall()
        assert killed and all(bounds for _, bounds in killed)
        mismatched = connection.execute(
            "SELECT count(*) FROM claim c JOIN article a ON a.id = c.article_id "
            "WHERE substr(a.text, c.content_start + 1, c.content_end - c.content_start) != c.content").fetchone()[0]
        assert mismatched == 0
    finally:
        connection.close()


def test_search_claims_and_articles_with_filters(examples):
    hits = examples.json("search", "fighters killed")
    assert {h["kind"] for h in hits} == {"claim", "article"}
    assert all("[[" in h["snippet"] for h in hits)
    vocr = examples.json("search", "fighters", "--in", "claims", "--source", "VOCR")
    assert vocr and {h["source"] for h in vocr} == {"Valdorian Observatory for Civil Rights"}
    assert examples.json("search", "fighters", "--since", "2030-01-01") == []
    late = examples.json("search", "Qarvash", "--in", "articles", "--since", "2024-05-16")
    assert late and all(h["published"] >= "2024-05-16" for h in late)


def test_search_odd_input_is_words_not_syntax(examples):
    assert examples.json("search", 'al-Kessel "unbalanced') == []
    assert examples("search", "   ", expect=1).stderr.strip() == "error: search for at least one word"


def test_search_follows_edits(examples):
    [hit] = examples.json("search", "We had no warning", "--in", "claims")
    examples("claims", "edit", str(hit["id"]), "--content", "Our staff worked through the night")
    assert examples.json("search", "staff night", "--in", "claims")[0]["id"] == hit["id"]


def test_show_article_marks_every_claim_when_piped(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "a.txt", "---\noutlet: Lantern\n---\nThe mayor said the bridge "
                                                      "at Tessin was closed. \"It will reopen on Friday,\" he added."))
    out = ledger("show", "article", "1").stdout
    assert "{{The mayor}} <<said>> [[the bridge at Tessin was closed]]#1." in out
    assert "[[It will reopen on Friday]]#2" in out
    assert "#1 indirect     mayor" in out or "#1 indirect" in out


def test_views_show_the_event_date_precision(examples):
    """An event dated "last week" has a date of precision week: the flat views say so beside the date."""
    events = {e["id"]: (e["date"], e["precision"]) for e in examples.json("events")}
    assert set(events.values()) == {("2024-04-29", "week"), ("2024-05-14", "day")}
    for view in ("figures_flat", "claims_flat", "conflicts_flat", "estimates_flat", "totals_flat"):
        rows = query(examples, f"SELECT event_id, event_date, event_date_precision FROM {view} "
                               "WHERE event_id IS NOT NULL")
        assert rows, view
        assert {r["event_id"]: (str(r["event_date"]), r["event_date_precision"]) for r in rows} == \
            {k: v for k, v in events.items() if k in {r["event_id"] for r in rows}}, view


def test_views_estimates_flat_matches_the_cli(examples):
    cli = [(e["event_id"], e["metric"], e["population"], e["low"], e["best"], e["high"], "; ".join(map(str, e["best_claims"])))
           for e in examples.json("estimates", "--all-metrics")]
    rows = query(examples, "SELECT * FROM estimates_flat")
    assert sorted(cli) == sorted((r["event_id"], r["metric"], r["population"], r["low"], r["best"], r["high"],
                                  r["best_claims"]) for r in rows)
