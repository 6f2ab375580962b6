"""The library face: ``from ledger import Ledger`` answers what the CLI answers, as plain values, on SQLite and
PostgreSQL; and the CLI's commands do no database work of their own (they call the Ledger and render)."""
from __future__ import annotations

import ast
import json
from datetime import date
from pathlib import Path

import pytest

from ledger import Ledger
from ledger.errors import LedgerError, NotFound

COMMANDS = Path(__file__).resolve().parent.parent / "ledger" / "commands"

# An invented event in two invented outlets: a monitor revising its toll (at least 7, then 9) and the
# ministry of the side that fired giving 2.
COURIER = """---
url: https://coastalcourier.example/news/brelin-market-shelling
outlet: The Coastal Courier
published: 2025-03-02
title: Shelling of Brelin market kills civilians, monitor says
---
Artillery shells struck the central market of the Tesmarin town of Brelin on Saturday morning, killing at least \
seven civilians, according to the Tesmarin Observatory for Human Rights.

The observatory said that at least seven civilians were killed and 15 others were wounded in the shelling of the \
market.

The Orsk Defence Ministry said in a statement that two civilians were killed in the shelling of the Brelin market, \
which it blamed on "a weapons depot" nearby.
"""
GAZETTE = """---
url: https://dunmoregazette.example/brelin-toll-rises
outlet: The Dunmore Gazette
published: 2025-03-03
title: Toll from Brelin market shelling rises
---
The death toll from Saturday's shelling of the market in Brelin has risen to nine civilians, the Tesmarin \
Observatory for Human Rights said on Sunday.
"""
MONITOR, MINISTRY = "Tesmarin Observatory for Human Rights", "Orsk Defence Ministry"


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "courier.txt").write_text(COURIER, encoding="utf-8")
    (folder / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    return folder


@pytest.fixture
def ledger(db_url, articles):
    with Ledger.open(db_url, create=True, user="ana") as opened:
        report = opened.ingest([articles])
        assert (report.new, report.failed, report.problems) == (2, 0, [])
        yield opened


def killed(claim: dict) -> list[tuple]:
    return [(f["population"], f["low"], f["high"]) for f in claim["figures"] if f["metric"] == "killed"]


def test_library_claims_have_their_speaker_and_bounds(ledger):
    claims = list(ledger.claims())
    assert [(c["source"]["name"], killed(c)) for c in claims] == [
        (MONITOR, [("civilians", 7, None)]),  # "killing at least seven civilians, according to ..."
        (MONITOR, [("civilians", 7, None)]),  # "The observatory said that at least seven ..."
        (MINISTRY, [("civilians", 2, 2)]),
        (MONITOR, [("civilians", 9, 9)]),
    ]
    assert claims[1]["mention"] == "The observatory" and claims[1]["cue"] == "said"
    assert [(f["metric"], f["low"], f["high"]) for f in claims[1]["figures"]] == [("killed", 7, None),
                                                                              ("wounded", 15, 15)]
    assert json.loads(json.dumps(claims)) == claims  # plain values, readable after the session closed
    ministry = list(ledger.claims(source=MINISTRY))
    assert [c["content"] for c in ministry] == [
        'that two civilians were killed in the shelling of the Brelin market, which it blamed on "a weapons depot" '
        "nearby"]
    assert list(ledger.export_claims()) == claims


def test_library_conflicts_name_the_sides_and_claims(ledger):
    found = list(ledger.conflicts())
    assert [(c["severity"], c["metric"], c["population"]) for c in found] == [
        ("contradiction", "killed", "civilians"), ("revision", "killed", "civilians")]
    contradiction = found[0]
    assert contradiction["sides"] == [[MINISTRY], [MONITOR]]
    by_id = {c["id"]: c for c in ledger.claims()}
    assert sorted(killed(by_id[i])[0] for i in contradiction["claims"]) == [("civilians", 2, 2), ("civilians", 9, 9)]
    assert contradiction["summary"] == f"{MINISTRY}: 2 civilians killed; {MONITOR}: 9 civilians killed"
    assert [c["severity"] for c in ledger.conflicts(severity="revision")] == ["revision"]
    event = contradiction["event"]["id"]
    assert list(ledger.conflicts(event=event)) == found and list(ledger.conflicts(event=[event + 1])) == []


def test_library_conflicts_as_of_a_date_know_only_what_was_published(ledger):
    before = list(ledger.conflicts(as_of=date(2025, 3, 2)))
    assert [c["severity"] for c in before] == ["contradiction"]
    assert before[0]["summary"] == f"{MINISTRY}: 2 civilians killed; {MONITOR}: at least 7 civilians killed"
    assert list(ledger.conflicts(as_of="2025-03-02")) == before
    with pytest.raises(LedgerError, match="as_of must be a date"):
        ledger.conflicts(as_of="March")


def test_library_estimates_give_low_best_and_high_with_their_claims(ledger):
    estimates = {(e["metric"], e["population"]): e for e in ledger.estimates()}
    toll = estimates[("killed", "civilians")]
    assert (toll["low"]["value"], toll["best"]["value"], toll["high"]["value"]) == (2, 9, 9)
    assert toll["low"]["sources"] == [MINISTRY] and toll["best"]["sources"] == [MONITOR]
    assert estimates[("wounded", "civilians")]["best"]["value"] == 15
    early = {(e["metric"], e["population"]): e for e in ledger.estimates(as_of="2025-03-02")}
    assert early[("killed", "civilians")]["best"]["value"] == 7


def test_library_conflict_report_holds_the_claims_behind_it(ledger):
    report = ledger.conflict_report(severity="contradiction")
    assert [c["severity"] for c in report.conflicts] == ["contradiction"]
    wanted = set(report.conflicts[0]["claims"]) | {i for e in report.estimates for i in e["best"]["claims"]}
    assert set(report.claims) == wanted
    brief = next(b for b in report.claims.values() if b["source"] == MINISTRY)
    assert (brief["outlet"], brief["published"]) == ("The Coastal Courier", "2025-03-02")
    assert [(f["metric"], f["low"], f["high"]) for f in brief["figures"]] == [("killed", 2, 2)]
    assert ledger.conflict_report(severity="undisclosed").claims == {}


def test_library_review_changes_what_the_reconciler_sees(ledger):
    ministry = next(iter(ledger.claims(source=MINISTRY)))
    rejected = ledger.reject([ministry["id"]])
    assert [(c["id"], c["status"]) for c in rejected] == [(ministry["id"], "rejected")]
    assert [c["severity"] for c in ledger.conflicts()] == ["revision"]  # the contradiction needed that claim
    entry = ledger.log(entity="claim")[-1]
    assert (entry["who"], entry["action"], entry["after"]["status"]) == ("ana", "claim.reject", "rejected")
    ledger.revert(entry["id"])
    assert [c["severity"] for c in ledger.conflicts()] == ["contradiction", "revision"]
    edited = ledger.edit_claim(ministry["id"], figures=["killed:3:civilians@two civilians"])
    assert (edited["status"], killed(edited)) == ("edited", [("civilians", 3, 3)])
    with pytest.raises(LedgerError, match="bounds must look like"):
        ledger.edit_claim(ministry["id"], figures=["killed:many"])
    assert ledger.grade_source("Orsk Defence Ministry", "D")["reliability"] == "D"


def test_library_errors_are_the_named_exceptions(ledger):
    with pytest.raises(NotFound, match="no source named 'Nobody'"):
        ledger.claims(source="Nobody")  # raised at the call, before any claim is read
    with pytest.raises(NotFound, match="no claim 999"):
        ledger.show_claim(999)
    with pytest.raises(NotFound, match="no event 999"):
        ledger.merge_events(999, 1)


def test_library_ingest_reports_a_bad_input_and_stores_the_rest(db_url, tmp_path):
    (tmp_path / "good.txt").write_text(GAZETTE, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with Ledger.open(db_url, create=True) as ledger:
        report = ledger.ingest(tmp_path)
        assert (report.new, report.failed) == (1, 1)
        assert [p.location for p in report.problems] == [str(tmp_path / "bad.json")]
        assert [c["source"]["name"] for c in ledger.claims()] == [MONITOR]


def test_library_open_without_create_finds_no_ledger(db_url, tmp_path):
    with pytest.raises(NotFound, match="open it with create=True"):
        Ledger.open(db_url)
    if "://" not in db_url:
        assert not Path(db_url).exists()  # nothing left behind by a typo
    Ledger.open(db_url, create=True).close()
    with Ledger.open(db_url) as reopened:
        assert reopened.revision() == Ledger.head_revision()
        assert list(reopened.claims()) == []


def test_library_shows_a_claim_in_its_passage_and_an_article_with_its_claims(ledger):
    ministry = next(iter(ledger.claims(source=MINISTRY)))
    shown = ledger.show_claim(ministry["id"])
    assert shown.claim == ministry
    start, end = shown.passage.spans["content"]
    assert shown.passage.text[start:end] == ministry["content"]
    article = ledger.show_article(ministry["article"]["id"])
    assert article["outlet"] == "The Coastal Courier" and article["text"].startswith("Artillery shells struck")
    assert [c["source"]["name"] for c in article["claims"]] == [MONITOR, MONITOR, MINISTRY]


# ---------------------------------------------------------------- the CLI's commands call the Ledger

FORBIDDEN_MODULES = ("sqlalchemy", "ledger.models", "ledger.db")
FORBIDDEN_NAMES = {"session", "Session", "sessionmaker", "reading", "writing", "engine"}


def database_work(source: str) -> list[str]:
    """What in a command module's source reaches past the Ledger to the database: an import of SQLAlchemy,
    the models or the session helpers, or a session or engine handled by the command itself."""
    found = []
    for node in ast.walk(ast.parse(source)):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found += [(node.lineno, f"imports {m}") for m in modules
                  if any(m == bad or m.startswith(bad + ".") for bad in FORBIDDEN_MODULES)]
        name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
        if name in FORBIDDEN_NAMES:
            found.append((node.lineno, f"uses {name}"))
    return [f"line {line}: {what}" for line, what in sorted(found)]


@pytest.mark.parametrize("module", sorted(p.name for p in COMMANDS.glob("*.py")))
def test_library_commands_do_no_database_work(module):
    assert database_work((COMMANDS / module).read_text(encoding="utf-8")) == []


def test_library_database_work_is_found_in_a_command_that_queries():
    command = ("from ledger.db import reading\nfrom ledger.models import Claim\n\n"
               "def claims(ctx):\n    with reading(state(ctx).engine()) as session:\n"
               "        return session.query(Claim).all()\n")
    assert database_work(command) == ["line 1: imports ledger.db", "line 1: imports ledger.db.reading",
                                      "line 2: imports ledger.models", "line 2: imports ledger.models.Claim",
                                      "line 5: uses engine", "line 5: uses reading", "line 5: uses session",
                                      "line 6: uses session"]
