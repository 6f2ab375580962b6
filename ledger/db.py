"""Opening a ledger: from a path or URL to an engine whose schema is at the newest revision.

SQLite is the embedded default and PostgreSQL the shared team backend; both go through this one code path.
For SQLite the connection is tuned for a file that several processes write: foreign keys on, WAL journal,
a busy timeout, and transactions begun by us (``BEGIN`` / ``BEGIN IMMEDIATE``) instead of by the driver,
so that DDL is transactional and a writer takes its lock up front instead of failing half-way.
"""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from ledger.errors import LedgerError, NotFound

DEFAULT_DB = "ledger.db"
BUSY_TIMEOUT_MS = 60_000
MIGRATION_LOCK_KEY = 0x1ED6E5  # PostgreSQL advisory lock held while upgrading the schema
EVENTS_LOCK_KEY = 0x1ED6E7  # PostgreSQL advisory lock held by every transaction that writes events


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db``, else ``LEDGER_DB``, else ``./ledger.db``.

    A plain path means an SQLite file; ``postgresql://`` is read as ``postgresql+psycopg://`` (psycopg 3).
    """
    db = db or os.environ.get("LEDGER_DB") or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    if db.startswith(("postgresql://", "postgres://")):
        db = "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def create_ledger_engine(url: str) -> Engine:
    """An engine for ``url`` with the ledger's connection settings (not yet migrated)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise LedgerError(f"not a database path or URL: {url}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not Path(database).parent.is_dir():
            raise LedgerError(f"cannot create database {database}: folder {Path(database).parent} does not exist")
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _tune_sqlite(engine)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise LedgerError(f"unsupported database {parsed.get_backend_name()!r}: use an SQLite path or PostgreSQL URL")


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see on_begin
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        immediate = connection.get_execution_options().get("ledger_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


# ---------------------------------------------------------------- migrations


def migrations_dir() -> Path:
    """Where the alembic scripts are: installed as ``ledger.migrations``, or ``migrations/`` in a checkout."""
    try:
        installed = Path(str(resources.files("ledger.migrations")))
        if (installed / "env.py").exists():
            return installed
    except ModuleNotFoundError:
        pass
    checkout = Path(__file__).resolve().parent.parent / "migrations"
    if (checkout / "env.py").exists():
        return checkout
    raise LedgerError("the ledger's migrations are missing from this installation")


def alembic_config(connection=None):
    """An alembic Config for the ledger's migrations, optionally bound to an open connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest revision in ``migrations/versions``: the one no other revision follows.

    Read from the revision files' ``revision``/``down_revision`` lines rather than through alembic, whose
    import alone costs more than most commands (every command checks the schema on open; alembic is loaded
    only when there is something to migrate). A test holds this equal to alembic's own answer.
    """
    revisions, parents = set(), set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        parents.update(_DOWN_REVISION.findall(source))
    heads = revisions - parents
    if len(heads) != 1:
        raise LedgerError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


_REVISION = re.compile(r'^revision\s*(?::\s*str\s*)?=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision\s*(?::[^=]+)?=\s*["\']([^"\']+)["\']', re.MULTILINE)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at, None for an empty database (no ``alembic_version`` table)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def run_alembic(engine: Engine, command_name: str, revision: str) -> None:
    """Run an alembic command ("upgrade"/"downgrade") in one transaction, holding the migration lock, so
    that two ledgers opening a new database at once do not both create it."""
    from alembic import command

    with engine.connect().execution_options(ledger_write=True) as connection:
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            getattr(command, command_name)(alembic_config(connection), revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    if revision == "head" and current_revision(engine) == head_revision():
        return
    run_alembic(engine, "upgrade", revision)


def open_ledger(db: str | None = None, migrate: bool = True, create: bool = True) -> Engine:
    """The engine of the ledger at ``db``, created and upgraded to the newest schema on open.

    With ``create=False`` there must be a ledger there already: a missing SQLite file or a database without
    the ledger's schema is ``NotFound`` (a library caller's typo should not leave an empty ledger behind).
    """
    engine = create_ledger_engine(database_url(db))
    try:
        if not create:
            _require_ledger(engine)
        if migrate:
            upgrade(engine)
    except LedgerError:
        engine.dispose()
        raise
    except Exception as exc:  # a server that is down, a file that is not a database...
        engine.dispose()
        raise LedgerError(f"cannot open ledger {safe_url(engine)}: {first_line(exc)}") from exc
    return engine


def _require_ledger(engine: Engine) -> None:
    """``NotFound`` unless the database exists and holds a ledger (checked without creating the file)."""
    database = engine.url.database if is_sqlite(engine) else None
    if is_sqlite(engine) and (not database or database == ":memory:" or not Path(database).is_file()):
        raise NotFound(f"no ledger at {database or ':memory:'} (open it with create=True to make one)")
    if current_revision(engine) is None:
        raise NotFound(f"no ledger in {safe_url(engine)} (open it with create=True to make one)")


def safe_url(engine: Engine) -> str:
    """The engine's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def first_line(exc: BaseException) -> str:
    message = str(getattr(exc, "orig", None) or exc).strip()
    return message.splitlines()[0] if message else type(exc).__name__


# ---------------------------------------------------------------- sessions


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A session for reading; nothing it does is committed."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed as one transaction, or rolled back whole on any error.

    On SQLite the transaction starts with ``BEGIN IMMEDIATE``: the writer waits for the lock up front
    (busy timeout) instead of failing when it first writes after another process did.
    """
    with Session(engine.execution_options(ledger_write=True), expire_on_commit=False) as session:
        with session.begin():
            yield session


def insert_ignoring_duplicates(session: Session, table, rows: list[dict], unique: list[str], returning=None):
    """INSERT rows, silently skipping those that clash on ``unique`` columns (another writer, or an earlier
    article, got there first). One statement on both backends: ``ON CONFLICT DO NOTHING``. With
    ``returning`` (one row), the value of that column if the row was inserted, else None."""
    if not rows:
        return None
    statement = _insert_ignoring(session.get_bind().dialect.name, table, tuple(unique), returning)
    if returning is not None:
        return session.connection().execute(statement, rows[0]).scalar()
    session.connection().execute(statement, rows)
    return None


def insert_new_returning(session: Session, table, rows: list[dict], unique: list[str], columns: tuple) -> list:
    """INSERT rows, skipping those that clash on ``unique`` columns, in one statement; the ``columns`` of
    the rows actually inserted (the skipped ones return nothing)."""
    if not rows:
        return []
    statement = _insert_ignoring(session.get_bind().dialect.name, table, tuple(unique), None, columns)
    return session.connection().execute(statement, rows).all()


@lru_cache(maxsize=None)
def _insert_ignoring(dialect: str, table, unique: tuple[str, ...], returning, columns: tuple = ()):
    """The statement, built once per table: the ingest runs it for every article."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(table).on_conflict_do_nothing(index_elements=list(unique))
    if columns:
        return statement.returning(*columns)
    return statement.returning(returning) if returning is not None else statement


def lock_events(session: Session) -> None:
    """Serialise the writers of events and conflicts on PostgreSQL, until the transaction ends.

    Two ingests must not both create the same new event, and an ingest marking an event stale must not
    deadlock with a reconciler rewriting its conflicts. Every transaction takes this lock before it first
    writes an event row (re-entrant within a transaction). SQLite needs nothing: its writers already take
    the whole database with BEGIN IMMEDIATE.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENTS_LOCK_KEY})
