"""The ledger in Datasette: its own table, search and metadata endpoints on a real ledger file (Datasette's
in-process test client, no network), and ``ledger datasette-metadata`` describing everything there is."""
from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from sqlalchemy import inspect

from conftest import write

datasette_app = pytest.importorskip("datasette.app")

HARBOUR = """---
title: Depot fire in Belmora
outlet: Harbour Times
published: 2024-06-04
---
At least six fighters were killed in a drone strike on a depot in Belmora on Monday, the Valdorian Observatory for Civil Rights said.
"""
MERIDIAN = """---
title: Ferry service resumes
outlet: Meridian Wire
published: 2024-06-05
---
The harbour authority in Tessin said the ferry to Ostreva would run again from Friday after a week of storms.
"""


@pytest.fixture
def ledger_file(sqlite_ledger, tmp_path):
    sqlite_ledger("ingest", write(tmp_path / "harbour.txt", HARBOUR), write(tmp_path / "meridian.txt", MERIDIAN))
    return sqlite_ledger


def datasette_get(db: str, metadata: dict, *paths: str) -> list:
    """Datasette's responses to ``paths``, from its own in-process client."""
    async def fetch():
        datasette = datasette_app.Datasette([db], metadata=metadata)
        await datasette.invoke_startup()
        return [await datasette.client.get(path) for path in paths]

    return asyncio.run(fetch())


def test_datasette_search_on_article_returns_only_matches(ledger_file):
    """Datasette finds the full-text index by itself (content="article", migration 0008) and `?_search=`
    filters; before, it ignored the parameter and listed every article."""
    metadata = json.loads(ledger_file("datasette-metadata").stdout)
    search, everything, words = datasette_get(
        ledger_file.db, metadata, "/ledger/article.json?_search=Belmora&_shape=objects",
        "/ledger/article.json?_shape=objects", "/ledger/article.json?_search=ferry+storms&_shape=objects")
    assert search.status_code == 200
    assert [row["title"] for row in search.json()["rows"]] == ["Depot fire in Belmora"]
    assert sorted(row["title"] for row in everything.json()["rows"]) == ["Depot fire in Belmora",
                                                                       "Ferry service resumes"]
    assert [row["title"] for row in words.json()["rows"]] == ["Ferry service resumes"]


def test_datasette_shows_the_metadata_descriptions(ledger_file):
    metadata = json.loads(ledger_file("datasette-metadata").stdout)
    assert list(metadata["databases"]) == ["ledger"]  # Datasette names the database after ledger.db
    figures, article, claims = datasette_get(ledger_file.db, metadata, "/ledger/figures_flat", "/ledger/article",
                                             "/ledger/claims_flat.json?_shape=objects")
    page = figures.text
    assert "One readable row per figure, with its claim, source, event and article." in page
    assert "The bounds as text: &#34;6+&#34;, &#34;4-7&#34;" in page or 'The bounds as text: "6+", "4-7"' in page
    assert "SHA-256 of the text with its blank space normalised" in article.text
    assert sorted(row["source"] for row in claims.json()["rows"]) == ["Valdorian Observatory for Civil Rights",
                                                                     "harbour authority in Tessin"]


def test_datasette_metadata_describes_every_table_view_and_column(engine):
    """Every table, view and column of a migrated ledger (either backend) has a description; full-text
    index tables and alembic's own are Datasette's and alembic's business."""
    from ledger.schema_docs import datasette_metadata

    described = datasette_metadata("ledger")["databases"]["ledger"]["tables"]
    found = inspect(engine)
    names = [n for n in found.get_table_names() + found.get_view_names()
             if "_fts" not in n and n != "alembic_version"]
    assert sorted(names) == sorted(described)
    for name in names:
        columns = [c["name"] for c in found.get_columns(name)]
        assert sorted(columns) == sorted(described[name]["columns"]), name
        assert described[name]["description"] and all(described[name]["columns"].values()), name


def test_datasette_metadata_names_the_database_after_its_file(tmp_path, sqlite_ledger):
    from cli import app
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["--db", str(tmp_path / "strikes-2024.db"), "datasette-metadata"])
    assert list(json.loads(result.stdout)["databases"]) == ["strikes-2024"]
    named = CliRunner().invoke(app, ["datasette-metadata", "--database", "team"])
    assert list(json.loads(named.stdout)["databases"]) == ["team"]
    assert not (tmp_path / "strikes-2024.db").exists()  # describing the schema opens no database


def test_fts_table_declared_with_the_quoting_tools_recognise(ledger_file):
    """sqlite-utils and Datasette read `content="article"` in the index's CREATE statement."""
    connection = sqlite3.connect(ledger_file.db)
    [sql] = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'article_fts'").fetchone()
    hits = connection.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH 'ostreva'").fetchall()
    connection.close()
    assert 'content="article"' in sql and len(hits) == 1
