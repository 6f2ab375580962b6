"""The ingest job: read inputs, extract, store, then reconcile what changed.

Extraction is pure and runs in ``jobs`` worker processes (in this one with ``jobs=0``, or when the input
is small); storing happens in this process, at the same time, in batches where each article is
all-or-nothing (``ledger.ingest.writer``), so a failure (or a kill) never leaves half an article behind.
Reading streams and at most a small window of articles is in flight, so memory stays flat however large
the input.
"""
from __future__ import annotations

import gc
import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from sqlalchemy import Engine, func, select

from ledger.conflicts import refresh_stale
from ledger.errors import Problem, first_line
from ledger.ingest.article import ArticleInput
from ledger.ingest.meter import InputMeter
from ledger.ingest.readers import DEFAULT_MAX_BYTES, Read, measure, read_inputs
from ledger.ingest.store import Extraction, Stored
from ledger.ingest.writer import BatchWriter, Outcome
from ledger.models import Article, Conflict, Event, Source
from ledger.reading import EXTRACTOR_VERSION, read
from ledger.sources import SourceResolver

WINDOW_PER_JOB = 8
CHUNK = 16
SMALL_INPUT = 2 * CHUNK  # fewer articles are extracted in this process: starting a worker costs more
KNOWN_LOOKUP = 256  # articles whose hashes are looked up in the ledger at once, before extraction


@dataclass
class IngestReport:
    """What one ingest did: counts for the summary line and the problems, in input order."""

    new: int = 0
    present: int = 0
    failed: int = 0
    claims: int = 0
    problems: list[Problem] = field(default_factory=list)
    events_touched: set[int] = field(default_factory=set)
    sources_before: int = 0
    events_before: int = 0
    totals: dict[str, int] = field(default_factory=dict)
    meter: InputMeter = field(default_factory=InputMeter)
    started: float = field(default_factory=time.monotonic)

    @property
    def read(self) -> int:
        return self.new + self.present + self.failed

    def add(self, outcome: Outcome) -> None:
        """Count a written batch."""
        for stored in outcome.stored:
            self.new += stored.new
            self.present += not stored.new
            self.claims += stored.claims
            self.events_touched |= stored.event_ids
        self.failed += outcome.failed
        self.problems += outcome.problems


def prepare(article: ArticleInput) -> Extraction | Problem:
    """Everything that can be done without the database: the article's reading (claims, figures, events),
    or the Problem of a reading stage that failed (then nothing is stored for the article)."""
    body_title = None if article.title_in_text else article.title
    reading = read(article.text, outlet=article.outlet, title=body_title, headline=article.title,
                   published=article.published_date, published_precision=article.published_precision,
                   location=article.location)
    if reading.problems:
        return reading.problems[0]
    return Extraction(article, list(reading.claims), list(reading.events), list(reading.claim_events),
                      EXTRACTOR_VERSION)


def _prepare_or_problem(article: ArticleInput) -> Extraction | Problem:
    try:
        return prepare(article)
    except Exception as exc:  # an extractor bug must not stop the batch: report it against the article
        return Problem(article.location, f"extraction failed: {type(exc).__name__}: {first_line(exc)}")


def skip_known(engine: Engine, reads: Iterable[Read]) -> Iterator[Read | Stored]:
    """The reads, but an article the ledger already holds (the same text: its sha256) comes out as its
    ``Stored`` outcome ("already present") without being extracted again: re-ingesting a folder costs the
    reading and one lookup per ``KNOWN_LOOKUP`` articles, not the extraction."""
    reads = iter(reads)
    while window := list(islice(reads, KNOWN_LOOKUP)):
        shas = sorted({r.sha256 for r in window if isinstance(r, ArticleInput)})
        known = {}
        if shas:
            with engine.connect() as connection:
                known = dict(connection.execute(select(Article.sha256, Article.id)
                                                .where(Article.sha256.in_(shas))).all())
        for item in window:
            article_id = known.get(item.sha256) if isinstance(item, ArticleInput) else None
            yield item if article_id is None else Stored(article_id, new=False)


def prepared(reads: Iterable[Read | Stored], jobs: int) -> Iterator[Extraction | Problem | Stored]:
    """Extractions in input order, computed in ``jobs`` worker processes while the caller stores the ones
    before (one job: one worker extracting beside the writer), or here with ``jobs=0`` or an input of fewer
    than ``SMALL_INPUT`` articles.

    Workers get articles by the ``CHUNK`` (one task a chunk: sending a task and its result costs about as
    much as storing an article), and at most ``WINDOW_PER_JOB`` chunks a worker are in flight, so memory
    stays flat however many articles stream in.
    """
    reads = iter(reads)
    if jobs >= 1:
        head = list(islice(reads, SMALL_INPUT))
        reads = chain(head, reads)
        if len(head) < SMALL_INPUT:
            jobs = 0
    if jobs == 0:
        for item in reads:
            yield _prepare_or_problem(item) if isinstance(item, ArticleInput) else item
        return
    window: deque[tuple[Future, list[ArticleInput]] | Problem | Stored] = deque()
    chunk: list[ArticleInput] = []
    with ProcessPoolExecutor(max_workers=jobs, initializer=_end_with_parent, initargs=(os.getpid(),)) as pool:
        for item in reads:
            if not isinstance(item, ArticleInput):  # a problem or a known article keeps its place in the order
                if chunk:
                    window.append((pool.submit(_prepare_chunk, chunk), chunk))
                    chunk = []
                window.append(item)
            else:
                chunk.append(item)
                if len(chunk) == CHUNK:
                    window.append((pool.submit(_prepare_chunk, chunk), chunk))
                    chunk = []
            while len(window) >= jobs * WINDOW_PER_JOB:
                yield from _results(window.popleft())
        if chunk:
            window.append((pool.submit(_prepare_chunk, chunk), chunk))
        while window:
            yield from _results(window.popleft())


def _end_with_parent(parent: int) -> None:
    """Make this worker exit as soon as the ingest that started it is gone (killed, say). A forked worker
    holds copies of the parent's database connections: left waiting for work it would keep a PostgreSQL
    session, and the transaction the killed writer had open, alive, and the next ingest would wait on it."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _prepare_chunk(articles: list[ArticleInput]) -> list[Extraction | Problem]:
    """A worker's task. The extractions go back without their articles, which the writer still holds:
    sending each text back would cost the writer more than a third of what it spends reading the result."""
    done = [_prepare_or_problem(article) for article in articles]
    for extraction in done:
        if isinstance(extraction, Extraction):
            extraction.article = None
    return done


def _results(item: tuple[Future, list[ArticleInput]] | Problem | Stored) -> list[Extraction | Problem | Stored]:
    if not isinstance(item, tuple):
        return [item]
    future, articles = item
    done = future.result()
    for extraction, article in zip(done, articles):
        if isinstance(extraction, Extraction):
            extraction.article = article
    return done


@contextmanager
def fewer_collections(threshold: int = 50_000) -> Iterator[None]:
    """Run the cyclic garbage collector less often while ingesting, then as before.

    Extraction makes millions of short-lived objects, none of them in cycles that matter, and the default
    collector threshold (700 allocations) sends it scanning the loaded lexicons again and again: a few per
    cent of the ingest. Memory stays flat: reference counting frees nearly everything as before.
    """
    before = gc.get_threshold()
    gc.freeze()  # the lexicons and modules loaded so far are never garbage
    gc.set_threshold(threshold, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def ingest(engine: Engine, paths: list[str], *, jobs: int = 1, reextract: bool = False,
           max_bytes: int = DEFAULT_MAX_BYTES, stdin=None,
           on_article: Callable[[IngestReport], None] | None = None,
           on_stage: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest every article under ``paths``; returns the report (problems included, never raised). ``jobs``
    worker processes extract (at most one per core) while this process stores; 0 extracts here.

    ``on_article`` is called as articles are stored (``report.meter`` says how much input is read, of how
    much), ``on_stage`` with what the ingest does once they all are ("reconciling 12 events")."""
    report = IngestReport(meter=measure(paths, stdin))
    with engine.connect() as connection:
        report.sources_before = connection.scalar(select(func.count()).select_from(Source))
        report.events_before = connection.scalar(select(func.count()).select_from(Event))
    writer = BatchWriter(engine, SourceResolver(None), reextract)
    jobs = min(max(jobs, 0), os.cpu_count() or 1)
    reads = read_inputs(paths, max_bytes=max_bytes, stdin=stdin, meter=report.meter)
    with fewer_collections():
        try:
            for item in prepared(reads if reextract else skip_known(engine, reads), jobs):
                outcome = writer.add(item)
                if outcome is not None:
                    report.add(outcome)
                    if on_article:
                        on_article(report)
        except BaseException:  # an interrupt, a crashed worker: what was extracted is still stored
            with suppress(Exception):
                writer.flush()
            raise
        report.add(writer.flush())
        if on_article:
            on_article(report)
        if on_stage:
            with engine.connect() as connection:
                stale = connection.scalar(select(func.count()).select_from(Event)
                                          .where(Event.conflicts_stale.is_(True)))
            on_stage(f"reconciling {stale:,} event{'' if stale == 1 else 's'}")
        refresh_stale(engine)
    report.totals = totals(engine)
    return report


def totals(engine: Engine) -> dict[str, int]:
    """How big the ledger is now, for the summary line."""
    with engine.connect() as connection:
        return {name: connection.scalar(select(func.count()).select_from(model))
                for name, model in (("sources", Source), ("events", Event), ("conflicts", Conflict))}
