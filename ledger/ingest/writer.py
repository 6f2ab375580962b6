"""The ingest's single writer: articles stored in batches, each article all-or-nothing inside its batch.

A commit per article costs more than storing it, so the writer commits every ``BATCH_ARTICLES`` articles
(or ``BATCH_SECONDS``), and stores the batch's articles together (``store_batch``: a few statements a batch
rather than a few an article). An article whose spans do not fit its text is refused before anything of it is
written (``check_spans``) and reported; the others of the batch go in. Nothing is ever half-written; an
ingest killed midway loses at most its last uncommitted batch, which the next run stores again (re-ingest is
idempotent).

If the batch itself fails (a lock timeout, a deadlock, a unique key taken by a concurrent writer between
our read and our write, or an article refused after part of it was written), it is rolled back whole and
its articles are stored again one transaction each, with a few retries. No SAVEPOINT per article: two
statements an article that the common case never needs.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from ledger.db import writing
from ledger.errors import LedgerError, Problem, first_line
from ledger.ingest.store import Extraction, Stored, check_spans, store_article, store_batch
from ledger.sources import SourceResolver

BATCH_ARTICLES = 64
BATCH_SECONDS = 0.5
RETRIES = 3


@dataclass
class Outcome:
    """What storing a run of inputs did, in input order (problems included)."""

    stored: list[Stored] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: int = 0


class BatchWriter:
    """Collects extractions and problems in input order and writes them in batches."""

    def __init__(self, engine: Engine, resolver: SourceResolver, reextract: bool = False):
        self.engine, self.resolver, self.reextract = engine, resolver, reextract
        self.pending: list[Extraction | Problem | Stored] = []
        self.started = time.monotonic()

    def add(self, item: Extraction | Problem | Stored) -> Outcome | None:
        """Queue an item (a ``Stored`` is an article found already present before extraction); returns
        the outcome of a batch when one was written."""
        if not self.pending:
            self.started = time.monotonic()
        self.pending.append(item)
        full = len(self.pending) >= BATCH_ARTICLES or time.monotonic() - self.started >= BATCH_SECONDS
        return self.flush() if full else None

    def flush(self) -> Outcome:
        items, self.pending = self.pending, []
        if not any(isinstance(i, Extraction) for i in items):
            return _not_written(items)
        try:
            return self._write_batch(items)
        except (OperationalError, IntegrityError, DBAPIError, _Refused):
            self.resolver.forget()
            return self._write_one_by_one(items)

    def _write_batch(self, items: list[Extraction | Problem]) -> Outcome:
        outcome = Outcome()
        accepted = []
        for item in items:
            if not isinstance(item, Extraction):
                _note(outcome, item)
                continue
            try:
                check_spans(item.article.text, item.claims)
            except LedgerError as exc:  # refused before any of it is written
                _fail(outcome, item, str(exc))
                continue
            accepted.append(item)
        if not accepted:
            return outcome
        with writing(self.engine) as session:
            self.resolver.session = session
            try:
                if self.reextract:  # an article present has claims to keep: one at a time
                    outcome.stored += [store_article(session, item, self.resolver, True) for item in accepted]
                else:
                    outcome.stored += store_batch(session, accepted, self.resolver)
            except LedgerError as exc:  # part of it may be written: the batch goes again, one by one
                raise _Refused() from exc
        return outcome

    def _write_one_by_one(self, items: list[Extraction | Problem]) -> Outcome:
        outcome = Outcome()
        for item in items:
            if isinstance(item, Extraction):
                self._write_alone(item, outcome)
            else:
                _note(outcome, item)
        return outcome

    def _write_alone(self, extraction: Extraction, outcome: Outcome) -> None:
        try:
            check_spans(extraction.article.text, extraction.claims)
        except LedgerError as exc:
            return _fail(outcome, extraction, str(exc))
        for attempt in range(RETRIES):
            try:
                with writing(self.engine) as session:
                    self.resolver.session = session
                    stored = store_article(session, extraction, self.resolver, self.reextract)
                outcome.stored.append(stored)
                return
            except LedgerError as exc:
                self.resolver.forget()
                return _fail(outcome, extraction, str(exc))
            except (IntegrityError, OperationalError) as exc:  # a concurrent writer, a lock: try again
                self.resolver.forget()
                if attempt == RETRIES - 1:
                    return _fail(outcome, extraction, f"database error: {first_line(exc)}")
            except DBAPIError as exc:
                self.resolver.forget()
                return _fail(outcome, extraction, f"database error: {first_line(exc)}")


class _Refused(Exception):
    """An article refused after part of it was written in a batch's transaction."""


def _not_written(items: list[Problem | Stored]) -> Outcome:
    outcome = Outcome()
    for item in items:
        _note(outcome, item)
    return outcome


def _note(outcome: Outcome, item: Problem | Stored) -> None:
    """Count what needs no writing: a problem, or an article known to be present already."""
    if isinstance(item, Stored):
        outcome.stored.append(item)
    else:
        outcome.failed += 1
        outcome.problems.append(item)


def _fail(outcome: Outcome, extraction: Extraction, message: str) -> None:
    outcome.failed += 1
    outcome.problems.append(Problem(extraction.article.location, message))
