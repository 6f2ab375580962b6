"""Shared fixtures: a fresh ledger database on SQLite and on PostgreSQL, and the CLI runner.

Every test that takes ``db_url`` (or a fixture built on it) runs twice, once per backend. PostgreSQL comes
from ``LEDGER_TEST_PG_URL`` when set, else from a throwaway server started for the session
(``tests/pgserver.py``). Where no server can be started the PostgreSQL half is skipped — except when
``LEDGER_REQUIRE_PG=1`` (CI), where that is a failure.
"""
from __future__ import annotations

import json
import os
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
import pgserver  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_admin_url():
    """URL of a PostgreSQL server for the whole session (database ``postgres``)."""
    url = os.environ.get("LEDGER_TEST_PG_URL")
    folder = None
    if not url:
        try:
            url, folder = pgserver.start()
            pgserver.wait_ready(url)
        except Exception as exc:  # no server binaries, no postgres user...
            if os.environ.get("LEDGER_REQUIRE_PG") == "1":
                pytest.fail(f"PostgreSQL is required (LEDGER_REQUIRE_PG=1) but could not start: {exc}")
            pytest.skip(f"no PostgreSQL server: {exc}")
    yield url
    if folder is not None:
        pgserver.stop(folder)


@pytest.fixture
def pg_url(pg_admin_url):
    """A fresh, empty PostgreSQL database, dropped after the test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield pg_admin_url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh ledger location, once per backend: an SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def engine(db_url):
    from ledger.db import open_ledger

    engine = open_ledger(db_url)
    yield engine
    engine.dispose()


class Ledger:
    """Runs the CLI against one database, the way a user would; returns the click Result."""

    def __init__(self, db: str):
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None, expect: int | None = 0):
        from cli import app

        result = self.runner.invoke(app, ["--db", self.db, *map(str, args)], input=input, catch_exceptions=False)
        if expect is not None:
            assert result.exit_code == expect, f"exit {result.exit_code}\nstdout:{result.stdout}\nstderr:{result.stderr}"
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--format", "json").stdout)

    def jsonl(self, *args: str) -> list[dict]:
        return [json.loads(line) for line in self(*args).stdout.splitlines() if line.strip()]


@pytest.fixture
def ledger(db_url):
    return Ledger(db_url)


@pytest.fixture
def sqlite_ledger(tmp_path):
    """The CLI on an SQLite ledger only, for tests about inputs rather than the backend."""
    return Ledger(str(tmp_path / "ledger.db"))


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
