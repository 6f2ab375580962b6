"""``ledger ingest``: articles in, with a progress bar and a summary on stderr."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ledger.commands.common import err, state
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
    ledger = state(ctx).ledger()
    progress = _Progress(enabled=not quiet and err.is_terminal)  # no bar in logs and pipes
    try:
        report = ledger.ingest(paths, jobs=jobs, reextract=reextract, max_bytes=max_bytes,
                               on_article=progress.update)
    finally:
        progress.stop()
    if not quiet:
        t = report.totals
        err.print(f"articles: {report.new} new, {report.present} already present, {report.failed} failed | "
                  f"claims: {report.claims} new | sources: {t['sources']} (+{t['sources'] - report.sources_before}) "
                  f"| events: {t['events']} (+{t['events'] - report.events_before}) | conflicts: {t['conflicts']}")
    if report.failed:
        raise typer.Exit(1)


class _Progress:
    """Problems as they happen, and a progress bar once a second article arrives (one article needs none)."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar: Progress | None = None
        self.task = None
        self.shown = 0

    def update(self, report) -> None:
        console = self.bar.console if self.bar else err
        for problem in report.problems[self.shown:]:
            console.print(f"[red]{escape(problem.location)}[/red]: {escape(problem.message)}", markup=True, highlight=False,
                          soft_wrap=True)
        self.shown = len(report.problems)
        if not self.enabled:
            return
        if self.bar is None and report.read > 1:
            self.bar = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("articles"), TimeElapsedColumn(), console=err, transient=True)
            self.task = self.bar.add_task("ingest", total=None)
            self.bar.start()
        if self.bar is not None:
            self.bar.update(self.task, completed=report.read)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
