"""Opening a ledger: from a path or URL to an engine whose schema is at the newest revision.

SQLite is the embedded default and PostgreSQL the shared team backend; both go through this one code path.
For SQLite the connection is tuned for a file that several processes write: foreign keys on, WAL journal,
a busy timeout, and transactions begun by us (``BEGIN`` / ``BEGIN IMMEDIATE``) instead of by the driver,
so that DDL is transactional and a writer takes its lock up front instead of failing half-way.
"""
from __future__ import annotations

import os
import re
import sqlite3
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from ledger.errors import LedgerError, NotFound, first_line

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
        read_only = _read_only_uri(database)
        if read_only:
            engine = create_engine(parsed, creator=lambda: sqlite3.connect(
                read_only, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False))
        else:
            engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _tune_sqlite(engine, read_only=bool(read_only))
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise LedgerError(f"unsupported database {parsed.get_backend_name()!r}: use an SQLite path or PostgreSQL URL")


def writable(path: Path) -> bool:
    """Whether this process may write ``path`` (a read-only mount says no even to root)."""
    return os.access(path, os.W_OK)


def _read_only_uri(database: str | None) -> str | None:
    """The SQLite URI to open an existing ledger file this process may not write, else None.

    Such a ledger (archived, shared, on a read-only mount) is opened with ``mode=ro``, so that reading it
    changes nothing. When its folder is not writable either, SQLite cannot make the shared-memory file a
    WAL database needs even to be read: the file is then opened as ``immutable`` (nobody can be writing it
    through a folder nobody may write) — unless a write-ahead log was left beside it, which ``immutable``
    would ignore: SQLite then reads it with the shared-memory file left with it, if any.
    """
    if not database or database == ":memory:":
        return None
    path = Path(database)
    if not path.is_file() or writable(path):
        return None
    wal = Path(f"{database}-wal")
    immutable = "&immutable=1" if not writable(path.parent) and not (wal.exists() and wal.stat().st_size) else ""
    return f"file:{quote(str(path))}?mode=ro{immutable}"


def is_read_only(engine: Engine) -> bool:
    """Whether the ledger was opened read-only (an SQLite file this process may not write)."""
    return bool(engine.url.get_backend_name() == "sqlite" and _read_only_uri(engine.url.database))


def _tune_sqlite(engine: Engine, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see on_begin
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:  # choosing the journal writes the file; a read-only ledger keeps the one it has
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
    parents = set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        parents.update(_DOWN_REVISION.findall(path.read_text(encoding="utf-8")))
    heads = set(known_revisions()) - parents
    if len(heads) != 1:
        raise LedgerError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


@lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    """Every schema revision this version of the ledger has a migration for."""
    revisions = set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        revisions.update(_REVISION.findall(path.read_text(encoding="utf-8")))
    return frozenset(revisions)


_REVISION = re.compile(r'^revision\s*(?::\s*str\s*)?=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision\s*(?::[^=]+)?=\s*["\']([^"\']+)["\']', re.MULTILINE)


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at, None for an empty database (no ``alembic_version`` table).

    Refuses (``LedgerError``) a database that is not a ledger: tables but no ``alembic_version`` (another
    program's database, which opening would fill with the ledger's tables), or a revision this version does
    not know in any row (a newer ledger's schema, which this one would misread or break).
    """
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        if "alembic_version" not in tables:
            if tables:
                shown = ", ".join(sorted(tables)[:3]) + (", ..." if len(tables) > 3 else "")
                raise LedgerError(f"{ledger_name(engine)} is not a claim ledger (it has other tables: {shown}): "
                                  "refusing to add the ledger's tables to it")
            return None
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    unknown = [r for r in rows if r not in known_revisions()]
    if unknown:
        raise LedgerError(f"{ledger_name(engine)} is at schema revision {unknown[0]}, unknown to this version of "
                          "the ledger (a newer one made it?): refusing to open it")
    if len(rows) > 1:
        raise LedgerError(f"{ledger_name(engine)} records {len(rows)} schema revisions ({', '.join(rows)}); "
                          "a ledger has one: refusing to open it")
    return rows[0] if rows else None


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
    current = current_revision(engine)
    if revision == "head" and current == head_revision():
        return
    if is_read_only(engine):
        raise LedgerError(f"{ledger_name(engine)} is read-only and its schema ({current or 'empty'}) is older than "
                          f"this version's ({head_revision()}): upgrade a writable copy first")
    run_alembic(engine, "upgrade", revision)


def require_existing(url: str, hint: str = "`ledger ingest` creates one") -> None:
    """Refuse an SQLite path where there is no file: a read there would create an empty ledger and answer
    "no claims" for a typo. Only ``ingest`` (and ``db upgrade``) create a ledger."""
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:" and not Path(database).exists():
        folder = Path(database).parent
        if not folder.is_dir():
            raise NotFound(f"no ledger at {database}: folder {folder} does not exist")
        raise NotFound(f"no ledger at {database}: {hint}")


def open_ledger(db: str | None = None, migrate: bool = True, create: bool = True, *,
                require_schema: bool = False, hint: str = "`ledger ingest` creates one") -> Engine:
    """The engine of the ledger at ``db``, upgraded to the newest schema on open; with ``create`` an SQLite
    file that does not exist yet is created (else refused, ``NotFound``).

    With ``require_schema`` (and not ``create``) the database must hold a ledger already: one without the
    ledger's schema is ``NotFound`` too (a library caller's typo should not leave an empty ledger behind).
    """
    url = database_url(db)
    if not create:
        require_existing(url, hint)
    engine = create_ledger_engine(url)
    try:
        if not create and require_schema:
            _require_ledger(engine, hint)
        if migrate:
            upgrade(engine)
    except LedgerError:
        engine.dispose()
        raise
    except Exception as exc:  # a server that is down, a file that is not a database...
        engine.dispose()
        raise LedgerError(f"cannot open ledger {safe_url(engine)}: {first_line(exc)}") from exc
    return engine


def _require_ledger(engine: Engine, hint: str) -> None:
    """``NotFound`` unless the database holds a ledger (an in-memory SQLite database never does)."""
    database = engine.url.database if is_sqlite(engine) else None
    if is_sqlite(engine) and (not database or database == ":memory:"):
        raise NotFound(f"no ledger at {database or ':memory:'}: {hint}")
    if current_revision(engine) is None:
        raise NotFound(f"no ledger in {safe_url(engine)}: {hint}")


def safe_url(engine: Engine) -> str:
    """The engine's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def ledger_name(engine: Engine) -> str:
    """The ledger as the user named it, for messages: the SQLite file's path, else the URL without password."""
    if engine.url.get_backend_name() == "sqlite" and engine.url.database:
        return engine.url.database
    return safe_url(engine)


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
