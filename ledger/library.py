"""The ledger as a Python library: ``Ledger.open(db)``, then one method for each thing the CLI does.

Every ``ledger`` command opens a ``Ledger``, calls one of these methods and renders what it returns, as
sqlite-utils' CLI sits on its ``Database``; a script or a notebook gets the same answers as the command line.
Methods return plain values: the export contract's dicts for claims and conflicts (``ledger.export``),
dicts for listings, dataclasses for reports, never ORM rows bound to a session that has closed. User errors
are the named exceptions of ``ledger.errors`` (``NotFound``, ``InputError``, ``SpanError``, all
``LedgerError``); ``ingest`` returns bad inputs as ``Problem`` values in its report instead of raising.

    with Ledger.open("news.db", create=True) as ledger:
        ledger.ingest(["articles/"])
        for conflict in ledger.conflicts(severity="contradiction"):
            print(conflict["summary"])

Everything the methods call is imported here, at the top (no function-local imports outside the commands:
``tests/test_architecture.py``), except the ingest, which loads the reading wing (every pattern and
lexicon: a third of a second) when first called, so that the commands that only read start fast;
``ledger/__init__.py`` and the commands load this module when first used.
"""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from ledger import conflicts as conflict_store
from ledger import queries
from ledger.db import current_revision, database_url, head_revision, is_read_only, ledger_name, open_ledger, reading, \
    run_alembic, safe_url, upgrade, writing
from ledger.errors import LedgerError
from ledger.estimates import estimate_rows, total_rows
from ledger.export import claim_dict, event_rows
from ledger.ingest.readers import DEFAULT_MAX_BYTES
from ledger.passages import Passage
from ledger.report import gather as gather_report
from ledger.review import audit
from ledger.review import claims as review_claims
from ledger.review import events as review_events
from ledger.review import revert as review_revert
from ledger.review import sources as review_sources
from ledger.search import search as run_search

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ShownClaim:
    """A claim (the export contract's dict) with the passage of its article it was read from."""

    claim: dict[str, Any]
    passage: Passage


@dataclass(frozen=True, slots=True)
class ConflictReport:
    """What the conflict report shows people: the conflicts, the estimates of their events, and a brief of
    every claim behind either (``ledger.conflicts.claim_briefs``), by claim id."""

    conflicts: list[dict[str, Any]]
    estimates: list[dict[str, Any]]
    claims: dict[int, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ConflictTables:
    """What ``ledger conflicts`` prints as tables or Markdown: the conflicts, the flat estimate rows of their
    events (every metric, ``ledger.estimates.estimate_rows``) and each claim's table line
    (``ledger.queries.claim_lines``), by claim id."""

    conflicts: list[dict[str, Any]]
    estimates: list[dict[str, Any]]
    lines: dict[int, dict[str, Any]]


class Ledger:
    """One ledger database (an SQLite file or a PostgreSQL database), opened at the newest schema.

    ``user`` is the name the audit log records for review changes (default: the operating-system user).
    """

    def __init__(self, engine, user: str | None = None):
        self.engine = engine
        self._user = user

    @classmethod
    def open(cls, db: str | os.PathLike | None = None, *, create: bool = False, migrate: bool = True,
             user: str | None = None, require_schema: bool = True) -> "Ledger":
        """The ledger at ``db``: an SQLite path or a database URL (default ``LEDGER_DB``, else ``./ledger.db``).

        Without ``create`` a missing SQLite file or an empty database is ``NotFound`` rather than a new, empty
        ledger made by a typo. The schema is upgraded on open unless ``migrate`` is false (``db`` commands).
        ``require_schema=False`` (the CLI's reading commands) refuses only a missing SQLite file, naming
        ``ledger ingest`` as what creates one.
        """
        hint = "open it with create=True to make one" if require_schema else "`ledger ingest` creates one"
        return cls(open_ledger(str(db) if db is not None else None, migrate=migrate, create=create,
                               require_schema=require_schema, hint=hint), user)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({safe_url(self.engine)!r})"

    @property
    def name(self) -> str:
        """The ledger as the user named it, for messages: the SQLite file's path, else the URL without password."""
        return ledger_name(self.engine)

    @property
    def user(self) -> str:
        """Who the audit log names: the ``user`` given on open, else the operating-system user."""
        if self._user:
            return self._user
        try:
            return getpass.getuser()
        except Exception:  # no user name in a bare container
            return "unknown"

    # ------------------------------------------------------------ articles in

    def ingest(self, paths: str | os.PathLike | Iterable[str | os.PathLike], *, jobs: int = 1,
               reextract: bool = False, max_bytes: int | None = None, stdin=None,
               on_article: Callable[[Any], None] | None = None,
               on_stage: Callable[[str], None] | None = None):
        """Read, extract, store and reconcile the articles under ``paths`` (files, folders, ``-`` for
        ``stdin``); returns the ``IngestReport``. A bad input is a ``Problem`` in the report, never raised:
        the others still go in, one transaction per article. ``jobs``: extraction worker processes beside
        this one (0: all here). ``on_article(report)`` is called as articles are stored (progress),
        ``on_stage`` as a stage of its own begins (the final reconcile). A read-only ledger is a
        ``LedgerError``."""
        if is_read_only(self.engine):
            raise LedgerError(f"{self.name} is read-only: cannot ingest into it")
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        from ledger.ingest.run import ingest as run_ingest

        return run_ingest(self.engine, [os.fspath(p) for p in paths], jobs=jobs, reextract=reextract,
                          max_bytes=max_bytes or DEFAULT_MAX_BYTES, stdin=stdin, on_article=on_article,
                          on_stage=on_stage)

    # ------------------------------------------------------------ listings

    def claims(self, source: str | None = None, event: int | None = None, article: int | None = None,
               kind: str | None = None, metric: str | None = None, status: str | None = None) -> Iterator[dict]:
        """Claims matching every filter given, as the export contract's dicts, in id order. Streamed: the
        filters are checked now (an unknown source, event or article is ``NotFound`` here), the claims are
        read in batches as the caller iterates."""
        return self._streamed(lambda session: map(claim_dict, queries.claims(session, source, event, article,
                                                                             kind, metric, status)))

    def export_claims(self) -> Iterator[dict]:
        """Every claim in the export contract's shape, streamed (``ledger export claims``)."""
        return self.claims()

    def export_events(self) -> list[dict]:
        """Every event as one flat row shaped like ACLED's and UCDP GED's (``ledger export events``), with the
        conflicts and estimates brought up to date first."""
        conflict_store.refresh_stale(self.engine)
        with reading(self.engine) as session:
            return list(event_rows(session))

    def sources(self) -> list[dict]:
        """Sources by name: type, affiliation, reliability grade, claim count and aliases."""
        with reading(self.engine) as session:
            return queries.sources(session)

    def events(self) -> list[dict]:
        """Events by date: label, places, actors, and their counts of claims, sources and conflicts."""
        with reading(self.engine) as session:
            return queries.events(session)

    def articles(self) -> list[dict]:
        """Articles by id: publication metadata, where each came from, and its claim count."""
        with reading(self.engine) as session:
            return queries.articles(session)

    def show_claim(self, claim_id: int) -> ShownClaim:
        """One claim and the passage it was read from (``NotFound`` if there is no such claim)."""
        with reading(self.engine) as session:
            return ShownClaim(*queries.claim_in_passage(session, claim_id))

    def show_article(self, article_id: int) -> dict:
        """One article's metadata, its ``text`` and its ``claims`` (contract dicts)."""
        with reading(self.engine) as session:
            return queries.article_with_claims(session, article_id)

    def search(self, words: str, source: str | None = None, event: int | None = None,
               since: date | None = None, until: date | None = None, scope: str = "all",
               limit: int = 50) -> list[dict]:
        """Claims and articles matching ``words`` ("quoted phrases" as phrases), best first, each with a
        snippet marked [[like this]]; ``scope`` is all, claims or articles."""
        with reading(self.engine) as session:
            return run_search(session, words, source, event, since, until, scope, limit)

    def log(self, entity: str | None = None, entity_id: int | None = None, who: str | None = None,
            action: str | None = None, since: date | None = None, until: date | None = None) -> list[dict]:
        """The audit log, oldest first, filtered; each entry with its value before and after."""
        with reading(self.engine) as session:
            return [audit.entry_dict(e) for e in audit.entries(session, entity, entity_id, who, action, since, until)]

    # ------------------------------------------------------------ the reconciler's findings

    def conflicts(self, event: int | Iterable[int] | None = None, severity: str | Iterable[str] | None = None,
                  as_of: date | str | None = None) -> Iterator[dict]:
        """Conflicts as the export contract's dicts, by event; only those of ``event`` (an id or ids) and of
        ``severity`` (a level or levels) when given. Without ``as_of`` the stored conflicts, brought up to
        date first and streamed; with it, those computed from the claims published by that date."""
        event_ids, levels, when = _ids(event), _names(severity), _date(as_of, "as_of")
        if when is None:
            conflict_store.refresh_stale(self.engine)

        def found(session):
            rows = conflict_store.as_of(session, when, event_ids) if when else conflict_store.iter_stored(
                session, event_ids)
            return (c for c in rows if not levels or c["severity"] in levels)

        return self._streamed(found)

    def conflict_report(self, event: int | Iterable[int] | None = None,
                        severity: str | Iterable[str] | None = None,
                        as_of: date | str | None = None) -> ConflictReport:
        """The conflicts as ``conflicts`` finds them, with the estimates of their events and a brief of each
        claim behind them: what ``ledger conflicts`` shows as tables or Markdown."""
        found = list(self.conflicts(event, severity, as_of))
        if not found:
            return ConflictReport([], [], {})
        when = _date(as_of, "as_of")
        with reading(self.engine) as session:
            estimates = conflict_store.estimates(session, sorted({c["event"]["id"] for c in found}), when)
            wanted = {i for c in found for i in c["claims"]} | {i for e in estimates for i in e["best"]["claims"]}
            return ConflictReport(found, estimates, conflict_store.claim_briefs(session, wanted))

    def conflict_tables(self, event: int | Iterable[int] | None = None,
                        severity: str | Iterable[str] | None = None,
                        as_of: date | str | None = None) -> ConflictTables:
        """The conflicts as ``conflicts`` finds them, with the flat estimate rows of their events and a table
        line for each claim behind either: what ``ledger conflicts`` prints as tables or Markdown."""
        found = list(self.conflicts(event, severity, as_of))
        if not found:
            return ConflictTables([], [], {})
        when = _date(as_of, "as_of")
        with reading(self.engine) as session:
            estimates = estimate_rows(session, sorted({c["event"]["id"] for c in found}), when, all_metrics=True)
            wanted = {i for c in found for i in c["claims"]} | {i for e in estimates for i in e["best_claims"]}
            return ConflictTables(found, estimates, queries.claim_lines(session, wanted))

    def estimate_rows(self, event: int | Iterable[int] | None = None, as_of: date | str | None = None,
                      all_metrics: bool = False) -> list[dict]:
        """Estimates as flat rows (``ledger estimates``, ``ledger export estimates``): casualty metrics only
        unless ``all_metrics``; the stored estimates, brought up to date first, or those of ``as_of``."""
        when = _date(as_of, "as_of")
        if when is None:
            conflict_store.refresh_stale(self.engine)
        with reading(self.engine) as session:
            return estimate_rows(session, _ids(event), when, all_metrics)

    def estimate_totals(self, event: int | Iterable[int] | None = None,
                        as_of: date | str | None = None) -> list[dict]:
        """Per event the total killed and wounded with its breakdown, as flat rows (``--totals``)."""
        when = _date(as_of, "as_of")
        if when is None:
            conflict_store.refresh_stale(self.engine)
        with reading(self.engine) as session:
            return total_rows(session, _ids(event), when)

    def estimates(self, event: int | Iterable[int] | None = None, as_of: date | str | None = None) -> list[dict]:
        """Low / best / high per event, metric and population, each with its rule, claims and sources."""
        with reading(self.engine) as session:
            return conflict_store.estimates(session, _ids(event), _date(as_of, "as_of"))

    def claim_count(self, events: int | Iterable[int] | None = None) -> int:
        """How many claims about these events (every event) the ledger holds, rejected ones aside: what a
        report page of them would carry."""
        with reading(self.engine) as session:
            return queries.claim_count(session, _ids(events))

    def report(self, events: Iterable[int] | None = None, as_of: date | str | None = None):
        """What ``ledger report`` shows of these events (all when none): a ``ledger.report.Report`` of plain
        values, for ``ledger.report.render(report, "html" | "md")``."""
        conflict_store.refresh_stale(self.engine)
        with reading(self.engine) as session:
            return gather_report(session, _ids(events), as_of=_date(as_of, "as_of"))

    # ------------------------------------------------------------ review (every change is in the audit log)

    def confirm(self, claim_ids: Iterable[int]) -> list[dict]:
        """Confirm claims as extracted; returns them as contract dicts."""
        return self._changed_claims(
            lambda session: review_claims.set_status(session, self.user, list(claim_ids), "confirmed"))

    def reject(self, claim_ids: Iterable[int]) -> list[dict]:
        """Reject claims: they stay in the ledger but never feed the reconciler."""
        return self._changed_claims(
            lambda session: review_claims.set_status(session, self.user, list(claim_ids), "rejected"))

    def grade_claim(self, claim_id: int, credibility: int) -> dict:
        """Grade a claim's information credibility, 1 (confirmed) to 6 (cannot be judged)."""
        return self._changed_claims(lambda session: [review_claims.grade(session, self.user, claim_id, credibility)])[0]

    def move_claim(self, claim_id: int, event: int | None) -> dict:
        """Put a claim under another event (None: about no specific event)."""
        return self._changed_claims(lambda session: [review_claims.move(session, self.user, claim_id, event)])[0]

    def edit_claim(self, claim_id: int, *, source: str | None = None, create_source: bool = False,
                   kind: str | None = None, content: str | None = None, start: int | None = None,
                   end: int | None = None, mention: str | None = None, cue: str | None = None,
                   event: int | None = None, figures: Iterable[Any] | None = None) -> dict:
        """Correct a claim; None leaves a field as it is. ``figures`` (specs such as
        ``"killed:5+:fighters@at least five"``, or ``FigureSpec`` values) replace the claim's; ``[]`` removes
        them. Spans are checked against the article text; a span or figure that does not fit is a
        ``LedgerError`` and nothing changes."""
        changes = _claim_changes(source, create_source, kind, content, start, end, mention, cue, event, figures)
        return self._changed_claims(lambda session: [review_claims.edit(session, self.user, claim_id, changes)])[0]

    def add_claim(self, article: int, *, source: str, content: str | None = None, start: int | None = None,
                  end: int | None = None, create_source: bool = False, kind: str = "indirect",
                  mention: str | None = None, cue: str | None = None, event: int | None = None,
                  figures: Iterable[Any] | None = None) -> dict:
        """Add a claim the extractor missed, located by its ``content`` words or ``start``/``end`` offsets."""
        changes = _claim_changes(source, create_source, kind, content, start, end, mention, cue, event, figures)
        return self._changed_claims(lambda session: [review_claims.add(session, self.user, article, changes)])[0]

    def alias_source(self, name: str, source: str) -> dict:
        """Teach the ledger that ``name`` means ``source`` (a name, alias or id) in every article from now on."""
        return self._changed_source(lambda session: review_sources.add_alias(session, self.user, name, source))

    def merge_sources(self, duplicate: str, keep: str) -> dict:
        """Merge source ``duplicate`` into ``keep``: its claims move, its name stays as an alias."""
        return self._changed_source(lambda session: review_sources.merge(session, self.user, duplicate, keep))

    def grade_source(self, source: str, reliability: str | None) -> dict:
        """Grade a source's reliability, A (completely reliable) to F (cannot be judged); None clears it."""
        return self._changed_source(lambda session: review_sources.grade(session, self.user, source, reliability))

    def import_sources(self, path: str | os.PathLike) -> int:
        """Import a gazetteer (a JSON list of {name, type, aliases, affiliation}); returns how many entries."""
        with writing(self.engine) as session:
            return review_sources.import_gazetteer(session, self.user, Path(path))

    def merge_events(self, duplicate: int, keep: int) -> dict:
        """Merge event ``duplicate`` into ``keep`` (one real-world event reported as two); returns ``keep``."""
        return self._changed_event(lambda session: review_events.merge(session, self.user, duplicate, keep))

    def split_event(self, event: int, claims: Iterable[int], label: str | None = None,
                    when: date | None = None) -> dict:
        """Move some of an event's claims to a new event; returns the new event."""
        return self._changed_event(
            lambda session: review_events.split(session, self.user, event, list(claims), label, when))

    def rename_event(self, event: int, label: str, when: date | None = None, precision: str | None = None) -> dict:
        """Give an event a better label (and date, with its precision: day, week, month or year)."""
        return self._changed_event(
            lambda session: review_events.rename(session, self.user, event, label, when, precision))

    def revert(self, entry: int) -> dict:
        """Undo the change of one audit log entry; returns the new entry that records the undoing."""
        with writing(self.engine) as session:
            return audit.entry_dict(review_revert.revert(session, self.user, entry))

    # ------------------------------------------------------------ the schema

    def revision(self) -> str | None:
        """The schema revision the database is at (None: empty)."""
        return current_revision(self.engine)

    @staticmethod
    def database_url(db: str | os.PathLike | None = None) -> str:
        """The database URL ``db`` names (an SQLite path or a URL; default ``LEDGER_DB``, else ``./ledger.db``),
        without opening it."""
        return database_url(str(db) if db is not None else None)

    @staticmethod
    def head_revision() -> str:
        """The newest schema revision this version of the ledger knows."""
        return head_revision()

    def upgrade(self, revision: str = "head") -> str | None:
        """Upgrade the schema to ``revision``; returns the revision it is at."""
        upgrade(self.engine, revision)
        return self.revision()

    def downgrade(self, revision: str) -> str | None:
        """Downgrade the schema to ``revision`` (``base`` empties the database: dropped data is lost)."""
        run_alembic(self.engine, "downgrade", revision)
        return self.revision()

    # ------------------------------------------------------------ helpers

    def _streamed(self, produce: Callable[[Any], Iterable[T]]) -> Iterator[T]:
        """The rows ``produce(session)`` yields, read in a session that stays open while the caller iterates
        and closes when the iteration ends or is dropped. ``produce`` runs before this returns, so a bad
        filter raises here and not half-way through the caller's output."""
        def rows() -> Iterator[Any]:
            with reading(self.engine) as session:
                found = produce(session)
                yield None  # produce has run: the caller gets its errors now
                yield from found

        stream = rows()
        next(stream)
        return stream

    def _changed_claims(self, change) -> list[dict]:
        with writing(self.engine) as session:
            return [claim_dict(c) for c in change(session)]

    def _changed_source(self, change) -> dict:
        with writing(self.engine) as session:
            return review_sources.source_snapshot(change(session))

    def _changed_event(self, change) -> dict:
        with writing(self.engine) as session:
            return review_events.event_snapshot(change(session))


def _claim_changes(source, create_source, kind, content, start, end, mention, cue, event, figures):
    if figures is not None:
        figures = [review_claims.FigureSpec.parse(f) if isinstance(f, str) else f for f in figures]
    return review_claims.ClaimChanges(source=source, create_source=create_source, kind=kind, content=content,
                                      start=start, end=end, mention=mention, cue=cue, event_id=event,
                                      figures=figures)


def _ids(value: int | Iterable[int] | None) -> list[int] | None:
    """One id or several, as the list the queries take (None: all)."""
    if value is None:
        return None
    return [value] if isinstance(value, int) else list(value) or None


def _names(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value) or None


def _date(value: date | str | None, name: str) -> date | None:
    """A date given as a ``date`` or as YYYY-MM-DD text; anything else is a ``LedgerError`` naming ``name``."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise LedgerError(f"{name} must be a date (YYYY-MM-DD), not {value!r}") from exc
