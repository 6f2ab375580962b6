"""``ledger ingest``: articles in, with a progress bar and a summary on stderr."""
from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ledger.commands.common import err, one_line, state
from ledger.ingest.readers import DEFAULT_MAX_BYTES


def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or - for stdin.",
                                               show_default=False)],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Extract in this many worker processes while "
                                      "this one stores (0: extract here too, taking turns).")] = 1,
    reextract: Annotated[bool, typer.Option(help="Re-extract articles already present: their `auto` claims "
                                                 "are replaced, analysts' decisions kept.")] = False,
    max_bytes: Annotated[int, typer.Option(min=1, help="Refuse articles larger than this many bytes.")]
    = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Read articles (.txt/.md with YAML front matter, .html, .json, .jsonl, folders, - for stdin), extract
    their claims, sources, figures and events, and reconcile the events they touch.

    One transaction per article: a bad input is reported as `path[:line]: what is wrong`, the others still
    go in, and the exit status is 1. Re-ingesting the same text is a no-op ("already present").
    """
    ledger = state(ctx).ledger(create=True)
    progress = IngestProgress(enabled=not quiet and err.is_terminal)  # no bar in logs and pipes
    try:
        report = ledger.ingest(paths, jobs=jobs, reextract=reextract, max_bytes=max_bytes,
                               on_article=progress.update, on_stage=progress.stage)
    finally:
        progress.stop()
    if not quiet:
        t = report.totals
        err.print(f"articles: {report.new} new, {report.present} already present, {report.failed} failed | "
                  f"claims: {report.claims} new | sources: {t['sources']} (+{t['sources'] - report.sources_before}) "
                  f"| events: {t['events']} (+{t['events'] - report.events_before}) | conflicts: {t['conflicts']}")
    if report.failed:
        raise typer.Exit(1)


class IngestProgress:
    """Problems as they happen and, on a terminal, a progress bar once a second article arrives (one article
    needs none): how much of the input is read (bytes: a folder's files are measured first, a JSONL file is
    read line by line), articles stored, their rate and the time left; then the final reconcile as a stage
    of its own. Nothing but problems when stderr is not a terminal (logs and pipes), and stdout untouched."""

    def __init__(self, enabled: bool, console: Console = err):
        self.enabled = enabled
        self.console = console
        self.bar: Progress | None = None
        self.task = None
        self.shown = 0

    def update(self, report) -> None:
        console = self.bar.console if self.bar else self.console
        for problem in report.problems[self.shown:]:
            console.print(f"[red]{one_line(problem.location)}[/red]: {one_line(problem.message)}", markup=True,
                          highlight=False, soft_wrap=True)
        self.shown = len(report.problems)
        if not self.enabled:
            return
        if self.bar is None and report.read > 1:
            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=self.console,
                                transient=True)
            self.task = self.bar.add_task("ingesting", total=report.meter.total, detail="")
            self.bar.start()
        if self.bar is not None:
            self.bar.update(self.task, completed=report.meter.done, detail=progress_detail(report), refresh=True)

    def stage(self, what: str) -> None:
        """A step after the articles (the final reconcile): the bar turns into a spinner saying what."""
        if self.bar is not None:
            self.bar.update(self.task, description=what, total=None, detail="", refresh=True)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def progress_detail(report, now: float | None = None) -> str:
    """"45% · 1,234 articles · 230/s · ETA 0:12", or without the share and ETA when the size is unknown."""
    elapsed = max((now if now is not None else time.monotonic()) - report.started, 1e-9)
    parts = [f"{report.read:,} articles", f"{report.read / elapsed:,.0f}/s"]
    total, done = report.meter.total, report.meter.done
    if total:
        share = min(done / total, 1.0)
        parts.insert(0, f"{share:.0%}")
        if share > 0:
            left = round(elapsed * (1 - share) / share)
            parts.append(f"ETA {left // 60}:{left % 60:02d}")
    return " · ".join(parts)
