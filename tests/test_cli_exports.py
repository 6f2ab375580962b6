"""What an analyst takes away: every listing and export in every format, compared whole with the files in
``tests/golden/exports`` (read them: they are the outputs a user sees), every CSV read back with Python's
csv module and with pandas, CSV formula injection neutralised, and the stored estimates kept current.

The three invented articles report one drone strike: a monitor's "at least six fighters", a militia's two,
and a clinic's child killed and three civilians wounded, printed by an outlet whose name is a spreadsheet
formula. Set LEDGER_WRITE_GOLDEN=1 to rewrite the golden files after a deliberate change (then read the
diff).
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pandas
import pytest

from conftest import write

GOLDEN = Path(__file__).parent / "golden" / "exports"
FORMULA = '=HYPERLINK("http://x","y")'

ARTICLES = {
    "monitor.txt": """---
outlet: Harbour Times
published: 2024-06-04
title: Drone strike on Belmora depot
---
At least six fighters were killed in a drone strike on a depot in Belmora on Monday, the Valdorian Observatory for Civil Rights said.
""",
    "militia.txt": """---
outlet: Meridian Wire
published: 2024-06-05
title: Kessel Brigades mourn two
---
The Kessel Brigades said two of its fighters were killed in a drone strike on a depot in Belmora on Monday.
""",
    "clinic.txt": f"""---
outlet: {FORMULA}
published: 2024-06-05
title: +Belmora clinic treats wounded
---
A child was killed and three civilians were wounded in the drone strike on a depot in Belmora on Monday, the Belmora clinic said. The strike also destroyed two trucks, the clinic said.
""",
}

# every listing and export this file checks, by name: the command line after `ledger --db DB`
LISTINGS = {
    "estimates": ["estimates"],
    "estimates_all_metrics": ["estimates", "--all-metrics"],
    "totals": ["estimates", "--totals"],
    "export_events": ["export", "events"],
    "events": ["events"],
    "claims": ["claims"],
    "claims_figures": ["claims", "--figures"],
    "export_claims": ["export", "claims"],
    "sources": ["sources"],
    "articles": ["articles"],
    "conflicts": ["conflicts"],
    "log": ["log"],
    "search": ["search", "child", "--in", "claims"],  # one hit: the backends rank several differently
    "show_claim": ["show", "claim", "3"],
    "show_article": ["show", "article", "3"],
}
FORMATS = ["table", "json", "jsonl", "csv"]
PER_BACKEND = {"search"}  # full-text snippets are the engine's own (FTS5, PostgreSQL's ts_headline)
EXTENSION = {"table": "txt", "json": "json", "jsonl": "jsonl", "csv": "csv"}
MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?")  # when the test ran: ingested_at, the log's at


@pytest.fixture
def belmora(ledger, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative paths, stored as given: the same output in every run
    for name, text in ARTICLES.items():
        write(tmp_path / name, text)
    ledger("ingest", *ARTICLES)
    return ledger


def output(ledger, name: str, fmt: str) -> str:
    """The command's stdout, with the moments of this run written as one fixed stamp. The log shows one
    confirmation (made before the first listing of the log: a review recomputes the event's conflicts,
    whose new ids differ between the backends, so the other listings are read before any review)."""
    if name == "log" and not ledger("log", "--format", "json").stdout.strip("[]\n"):
        ledger("--as", "ana", "claims", "confirm", "2")
    return MOMENT.sub("2026-01-01T00:00:00", ledger(*LISTINGS[name], "--format", fmt).stdout)


@pytest.mark.parametrize("name", LISTINGS)
def test_cli_exports_every_format_is_the_golden_output(belmora, name):
    backend = "postgresql" if belmora.db.startswith("postgresql") else "sqlite"
    for fmt in FORMATS:
        path = GOLDEN / (f"{name}.{backend}.{EXTENSION[fmt]}" if name in PER_BACKEND else f"{name}.{EXTENSION[fmt]}")
        found = output(belmora, name, fmt)
        if os.environ.get("LEDGER_WRITE_GOLDEN") == "1":
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(found, encoding="utf-8")
        assert found == path.read_text(encoding="utf-8"), f"{name} --format {fmt}"


FLAT = {"estimates", "estimates_all_metrics", "totals", "export_events", "events", "sources", "articles", "search",
        "claims_figures"}  # listings whose JSON rows are flat already: their CSV has every key as a column


def is_json(cell: str) -> bool:
    """A cell holding a JSON list or object (the old CSV's figures, aliases, places)."""
    if not cell.startswith(("[", "{")):
        return False
    try:
        json.loads(cell)
    except ValueError:
        return False
    return True


def json_rows(ledger, name: str) -> list[dict]:
    """The JSON rows a listing's CSV rows stand for, flattened as CSV flattens them."""
    from ledger.commands.common import flatten

    found = ledger.json(*LISTINGS[name])
    if name == "show_claim":
        found = [found]
    elif name == "show_article":
        found = found["claims"]
    return [flatten(row) for row in found]


@pytest.mark.parametrize("name", LISTINGS)
def test_cli_exports_csv_is_flat_and_reads_back(belmora, name):
    """Python's csv module and pandas read the same table; no cell holds JSON; one CSV row per JSON row; a
    cell is empty exactly where the JSON has nothing, and a flat listing's CSV has every JSON key."""
    text = output(belmora, name, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    assert body and all(len(r) == len(header) for r in body)
    assert not [cell for r in body for cell in r if is_json(cell.lstrip("'"))], "JSON in a CSV cell"
    frame = pandas.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(frame.columns) == header and frame.values.tolist() == body
    expected = json_rows(belmora, name)
    assert len(expected) == len(body)
    if name in FLAT:
        assert set(expected[0]) == set(header)
    for row, cells in zip(expected, body):
        for column, value in zip(header, cells):
            if column in row and column != "figures":
                assert (value == "") == (row[column] in (None, [], "")), (column, value, row[column])


def test_cli_exports_csv_cells_from_articles_never_run_as_formulas(belmora):
    """OWASP: text starting with = + - @ tab or CR gets a leading quote, in every CSV; numbers stay numbers."""
    for name in LISTINGS:
        for row in csv.reader(io.StringIO(output(belmora, name, "csv"))):
            assert not [c for c in row if c.startswith(("=", "+", "-", "@", "\t", "\r"))], name
    [clinic] = [r for r in csv.DictReader(io.StringIO(output(belmora, "articles", "csv"))) if r["id"] == "3"]
    assert (clinic["outlet"], clinic["title"]) == ("'" + FORMULA, "'+Belmora clinic treats wounded")
    assert belmora.json("articles")[2]["outlet"] == FORMULA  # JSON keeps the text as it was written


def test_cli_exports_csv_writes_numbers_as_numbers_and_text_defused(capsys):
    """A negative number the ledger computed is not article text: written as is, while the same characters
    as text are neutralised."""
    from ledger.commands.common import write_csv

    write_csv([{"size": -3, "ratio": -0.5, "text": "-3", "names": ["@someone", "Harbour Times"],
                "sides": [["A"], ["B", "C"]], "tab": "\tx", "none": None, "flag": True}])
    assert capsys.readouterr().out == "size,ratio,text,names,sides,tab,none,flag\n" \
                                      "-3,-0.5,'-3,'@someone; Harbour Times,A | B; C,'\tx,,1\n"


def test_cli_exports_pandas_reads_numbers_as_numbers(belmora):
    events = pandas.read_csv(io.StringIO(output(belmora, "export_events", "csv")))
    assert events[["fatalities_low", "fatalities_best", "fatalities_high"]].values.tolist() == [[3, 7, 7]]
    assert (events["date_start"][0], events["date_end"][0], events["date_precision"][0]) == (
        "2024-06-03", "2024-06-03", "day")
    estimates = pandas.read_csv(io.StringIO(output(belmora, "estimates", "csv")))
    assert str(estimates["best"].dtype) == "int64"


def test_cli_exports_estimates_leave_out_other_metrics_unless_asked(belmora):
    assert [(e["metric"], e["population"]) for e in belmora.json("estimates")] == [
        ("killed", "children"), ("killed", "fighters"), ("wounded", "civilians")]
    assert ("targets", "trucks") in [(e["metric"], e["population"])
                                     for e in belmora.json("estimates", "--all-metrics")]


def test_cli_exports_export_estimates_is_the_estimates_listing(belmora):
    for options in ([], ["--totals"], ["--all-metrics"]):
        assert belmora("export", "estimates", *options, "--format", "csv").stdout == \
            belmora("estimates", *options, "--format", "csv").stdout
    assert belmora.jsonl("export", "estimates") == belmora.json("estimates")


def test_cli_exports_show_jsonl_is_one_line(belmora):
    for what in (["claim", "3"], ["article", "3"]):
        lines = belmora("show", *what, "--format", "jsonl").stdout.splitlines()
        assert len(lines) == 1 and json.loads(lines[0]) == belmora.json("show", *what)


def stored_estimates(ledger) -> list[tuple]:
    from sqlalchemy import text

    from ledger.db import open_ledger

    engine = open_ledger(ledger.db)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT metric, population, low, best, high, low_claims, best_claims "
                                       "FROM estimates_flat ORDER BY metric, population")).all()
        totals = connection.execute(text("SELECT metric, low, best, high, civilians, combatants_nonstate, claims "
                                         "FROM totals_flat ORDER BY metric")).all()
    engine.dispose()
    return [tuple(r) for r in rows] + [tuple(r) for r in totals]


def test_cli_exports_estimates_are_stored_and_follow_review(belmora):
    """Stored at ingest with the conflicts, in the database for anyone opening it; a rejected claim leaves
    them at the next command."""
    assert stored_estimates(belmora) == [
        ("killed", "children", 1, 1, 1, "3", "3"), ("killed", "fighters", 2, 6, 6, "2", "1"),
        ("targets", "trucks", 2, 2, 2, "4", "4"), ("wounded", "civilians", 3, 3, 3, "3", "3"),
        ("killed", 3, 7, 7, 1, 6, "1; 2; 3"), ("wounded", 3, 3, 3, 3, None, "3")]
    belmora("--as", "ana", "claims", "reject", "1")
    belmora("estimates")
    assert stored_estimates(belmora)[1] == ("killed", "fighters", 2, 2, 2, "2", "2")
    assert stored_estimates(belmora)[4] == ("killed", 3, 3, 3, 1, 2, "2; 3")


def test_cli_exports_totals_as_of_a_date(belmora):
    """On 4 June only the monitor had spoken: 6 fighters killed, nothing said of civilians or the wounded."""
    [killed] = belmora.json("estimates", "--totals", "--as-of", "2024-06-04")
    assert {k: killed[k] for k in ("metric", "low", "best", "high", "civilians", "combatants_nonstate", "claims")} == {
        "metric": "killed", "low": 6, "best": 6, "high": 6, "civilians": None, "combatants_nonstate": 6, "claims": [1]}
