"""``ledger ingest`` through the CLI, as a user runs it: every input format, every error path, idempotence,
the span invariant and the export contract — on SQLite and PostgreSQL."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import write
from ledger.db import open_ledger, reading
from ledger.models import Article, Claim, Figure

REPO = Path(__file__).resolve().parent.parent

LANTERN = """---
url: https://lantern.example/varnok
outlet: Daily Lantern
published: 2024-03-06
title: Shepherds hurt in Varnok shelling
---
Shelling hit the village of Varnok on Tuesday, wounding three shepherds, the regional governor Ilse Brandt said.

"We counted at least seven shells," Brandt told reporters.
"""

CLAIM_KEYS = {"id", "article", "source", "mention", "kind", "cue", "content", "start", "end", "event", "figures",
              "status"}


def test_cli_ingest_text_article_exports_the_contract(ledger, tmp_path):
    result = ledger("ingest", write(tmp_path / "lantern.txt", LANTERN))
    assert result.stdout == ""
    assert "articles: 1 new, 0 already present, 0 failed | claims: 2 new" in result.stderr
    claims = ledger.jsonl("export", "claims", "--format", "jsonl")
    assert [c.keys() >= CLAIM_KEYS for c in claims] == [True, True]
    first, second = claims
    assert {k: first[k] for k in ("mention", "kind", "cue", "content", "start", "end", "status")} == {
        "mention": "the regional governor Ilse Brandt", "kind": "indirect", "cue": "said",
        "content": "Shelling hit the village of Varnok on Tuesday, wounding three shepherds", "start": 0, "end": 71,
        "status": "auto"}
    assert first["article"] == {"id": 1, "title": "Shepherds hurt in Varnok shelling",
                                "url": "https://lantern.example/varnok", "outlet": "Daily Lantern",
                                "published": "2024-03-06", "path": str(tmp_path / "lantern.txt")}
    assert (first["source"]["name"], first["source"]["kind"]) == ("Ilse Brandt", "person")
    assert [(f["metric"], f["population"], f["low"], f["high"], f["text"]) for f in first["figures"]] == [
        ("wounded", "civilians", 3, 3, "three shepherds")]
    assert (second["source"]["id"], second["kind"], second["content"]) == (
        first["source"]["id"], "direct", "We counted at least seven shells")
    assert first["event"]["id"] == second["event"]["id"] and first["event"]["date"] == "2024-03-05"


def test_cli_ingest_again_is_a_no_op(ledger, tmp_path):
    path = write(tmp_path / "lantern.txt", LANTERN)
    ledger("ingest", path)
    again = ledger("ingest", path)
    assert "articles: 0 new, 1 already present, 0 failed | claims: 0 new" in again.stderr
    assert len(ledger.json("articles")) == 1 and len(ledger.jsonl("export", "claims")) == 2


@pytest.mark.parametrize("name, content", [
    ("a.md", LANTERN),
    ("a.json", json.dumps({"text": LANTERN.split("---\n")[2], "outlet": "Daily Lantern", "published": "2024-03-06"})),
    ("a.jsonl", json.dumps({"text": LANTERN.split("---\n")[2], "outlet": "Daily Lantern"}) + "\n"),
    ("a.html", "<html><head><title>Varnok</title></head><body><article>"
               + "".join(f"<p>{p}</p>" for p in LANTERN.split("---\n")[2].strip().split("\n\n"))
               + "</article></body></html>"),
])
def test_cli_ingest_every_format_gives_the_same_claims(ledger, tmp_path, name, content):
    ledger("ingest", write(tmp_path / name, content))
    claims = ledger.jsonl("export", "claims")
    assert [(c["source"]["name"], c["kind"], c["content"]) for c in claims] == [
        ("Ilse Brandt", "indirect", "Shelling hit the village of Varnok on Tuesday, wounding three shepherds"),
        ("Ilse Brandt", "direct", "We counted at least seven shells")]


def test_cli_ingest_stdin(ledger):
    result = ledger("ingest", "-", input=LANTERN)
    assert "1 new" in result.stderr
    [article] = ledger.json("articles")
    assert (article["outlet"], article["path"]) == ("Daily Lantern", None)


def test_cli_ingest_bad_inputs_are_reported_and_the_good_ones_go_in(ledger, tmp_path):
    good = write(tmp_path / "in" / "good.txt", LANTERN)
    write(tmp_path / "in" / "empty.txt", "")
    write(tmp_path / "in" / "latin1.txt", "Caf\xe9 said so.".encode("latin-1"))
    write(tmp_path / "in" / "records.jsonl", '{"text": "The mayor said the bridge was closed."}\n{oops\n'
                                             '{"title": "no text"}\n')
    result = ledger("ingest", tmp_path / "in", tmp_path / "missing.txt", expect=1)
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if not line.startswith("articles:")]
    assert errors == [
        f"{tmp_path / 'in' / 'empty.txt'}: empty article: no text",
        f"{tmp_path / 'in' / 'latin1.txt'}: not UTF-8 text (byte 0xe9 at offset 3)",
        f"{tmp_path / 'in' / 'records.jsonl'}:2: not valid JSON: Expecting property name enclosed in double "
        f"quotes (column 2)",
        f"{tmp_path / 'in' / 'records.jsonl'}:3: record has no text field",
        f"{tmp_path / 'missing.txt'}: no such file or folder"]
    assert "articles: 2 new, 0 already present, 5 failed" in result.stderr
    assert {a["path"] for a in ledger.json("articles")} == {str(good), str(tmp_path / "in" / "records.jsonl")}


def test_cli_ingest_usage_errors_exit_2(sqlite_ledger):
    assert sqlite_ledger("ingest", expect=2).exit_code == 2
    assert sqlite_ledger("ingest", "--jobs", "-1", "x.txt", expect=2).exit_code == 2
    assert sqlite_ledger("no-such-command", expect=2).exit_code == 2


def test_cli_ingest_progress_only_with_several_articles(sqlite_ledger, tmp_path):
    one = sqlite_ledger("ingest", write(tmp_path / "one.txt", LANTERN))
    assert "ingesting" not in one.stderr


def test_cli_every_stored_span_fits_its_article(ledger, tmp_path):
    """The invariant text[start:end] == content, for every span the ledger stores."""
    ledger("ingest", REPO / "examples")
    engine = open_ledger(ledger.db)
    with reading(engine) as session:
        texts = dict(session.execute(select(Article.id, Article.text)).all())
        claims = session.scalars(select(Claim)).all()
        assert claims
        for c in claims:
            text = texts[c.article_id]
            assert text[c.content_start:c.content_end] == c.content
            if c.mention is not None:
                assert text[c.mention_start:c.mention_end] == c.mention
            if c.cue is not None:
                assert text[c.cue_start:c.cue_end] == c.cue
            for start, end in c.parts or []:
                assert c.content_start <= start <= end <= c.content_end
        for f in session.scalars(select(Figure)):
            assert texts[f.claim.article_id][f.text_start:f.text_end] == f.text
    engine.dispose()


def test_cli_ingest_examples_finds_conflicts(ledger):
    result = ledger("ingest", REPO / "examples")
    assert "0 failed" in result.stderr
    conflicts = ledger.json("conflicts")
    assert conflicts and {"id", "event", "metric", "population", "severity", "sources", "sides", "compatible",
                          "claims", "summary"} <= set(conflicts[0])
    claim_ids = {c["id"] for c in ledger.jsonl("export", "claims")}
    assert all(set(c["claims"]) <= claim_ids for c in conflicts)


def test_cli_database_error_is_one_line_without_traceback(tmp_path):
    from conftest import Ledger

    result = Ledger(str(tmp_path / "no" / "such" / "folder" / "x.db"))("claims", expect=1)
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert "folder" in result.stderr and "does not exist" in result.stderr


def test_cli_ledger_db_environment_variable(tmp_path, monkeypatch):
    from typer.testing import CliRunner
    from cli import app

    monkeypatch.setenv("LEDGER_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(app, ["ingest", str(write(tmp_path / "a.txt", LANTERN))])
    assert result.exit_code == 0 and (tmp_path / "env.db").exists()


def test_cli_ingest_jobs_give_the_same_ledger(tmp_path, monkeypatch):
    """A few articles (fewer than a worker is worth starting for) are extracted in the writer's process,
    whatever ``--jobs``, and give the same ledger."""
    from conftest import Ledger

    from ledger.ingest import run

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started for a few articles")

    monkeypatch.setattr(run, "ProcessPoolExecutor", no_pool)
    one, two = Ledger(str(tmp_path / "one.db")), Ledger(str(tmp_path / "two.db"))
    one("ingest", "--jobs", "0", REPO / "examples")
    two("ingest", "--jobs", "2", REPO / "examples")
    assert two.jsonl("export", "claims") == one.jsonl("export", "claims")
    assert two.json("conflicts") == one.json("conflicts")


def test_cli_ingest_jobs_keep_input_order_across_chunks_and_problems(tmp_path):
    """Many articles (several chunks of work per worker) with broken records among them: with one or two
    worker processes the articles are stored in input order and each broken line is reported where it
    stands, as when this process extracts them itself (``--jobs 0``)."""
    from conftest import Ledger

    lines = []
    for n in range(70):
        if n in (5, 40):
            lines.append("{not json")
        else:
            lines.append(json.dumps({"title": f"Report {n}", "published": "2024-03-06",
                                     "text": f"Shelling hit Varnok, wounding {n + 2} shepherds, the governor Ilse Brandt said."}))
    path = write(tmp_path / "many.jsonl", "\n".join(lines) + "\n")
    here, one, two = (Ledger(str(tmp_path / f"{name}.db")) for name in ("here", "one", "two"))
    first = here("ingest", "--jobs", "0", path, expect=1)
    for ledger, jobs in ((one, "1"), (two, "2")):
        second = ledger("ingest", "--jobs", jobs, path, expect=1)
        problems = [line for line in second.stderr.splitlines() if "many.jsonl:" in line]
        assert [p.split(":")[1] for p in problems] == ["6", "41"]
        assert problems == [line for line in first.stderr.splitlines() if "many.jsonl:" in line]
        titles = [a["title"] for a in ledger.json("articles")]
        assert titles == [a["title"] for a in here.json("articles")] == [f"Report {n}" for n in range(70)
                                                                         if n not in (5, 40)]
        assert ledger.jsonl("export", "claims") == here.jsonl("export", "claims")
        assert ledger.json("conflicts") == here.json("conflicts")
