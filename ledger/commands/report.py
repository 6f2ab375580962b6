"""``ledger report``: self-contained HTML (one page, or a page per event with ``--split``) or Markdown."""
from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ledger.commands.common import err, state
from ledger.errors import LedgerError
from ledger.report import ONE_PAGE_CLAIMS


class ReportFormat(str, Enum):
    html = "html"
    md = "md"


def report(
    ctx: typer.Context,
    events: Annotated[Optional[list[int]], typer.Argument(
        metavar="EVENT", help="Event ids to report on (default: every event).")] = None,
    out: Annotated[str, typer.Option("--out", "-o", metavar="FILE",
                                     help="File to write; - (the default) writes to stdout. With --split, the "
                                          "folder to write the pages in (made if missing).")] = "-",
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="html (one self-contained page) or md.")]
    = ReportFormat.html,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE",
                                                 help="What was known on DATE (YYYY-MM-DD): only claims "
                                                      "published by then (an article dated by month or year "
                                                      "only: once that month or year is over).")] = None,
    split: Annotated[bool, typer.Option("--split", help="HTML as one page per event (event-N.html) and an "
                                                        "index.html linking them, in the folder --out.")] = False,
    one_page: Annotated[bool, typer.Option("--one-page", help="One HTML page even for more than "
                                                              f"{ONE_PAGE_CLAIMS:,} claims.")] = False,
) -> None:
    """A report people can read: per event, each source's figures and their revisions (table and chart),
    the conflicts with their severity, the estimate with its rules, and every claim quoted and linked to
    its passage. The HTML needs no network: inline CSS and SVG, no script.

    A large ledger is reported with --split: an index page and one page per event, each of which a browser
    opens at once. By default an HTML report of more than 2,000 claims (one page would weigh 4 MB and more,
    75 MB for 3,000 articles) is refused with a pointer to --split; --one-page forces the single page."""
    from ledger.report import render, render_pages

    when = _parse_date(as_of)
    if split and (fmt != ReportFormat.html or out == "-"):
        raise LedgerError("--split writes HTML pages into a folder: give it --out FOLDER (and no --format md)")
    ledger = state(ctx).ledger()
    if fmt == ReportFormat.html and not split and not one_page:
        claims = ledger.claim_count(events or None)
        if claims > ONE_PAGE_CLAIMS:
            raise LedgerError(f"{claims:,} claims make one page too large for a browser to open quickly: write "
                              "one page per event with --split --out FOLDER, choose events (ledger report 3 7), "
                              "or insist with --one-page")
    found = ledger.report(events or None, as_of=when)
    claims = sum(len(e.claims) for e in found.events)
    if split:
        folder = Path(out)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LedgerError(f"cannot make folder {out}: {exc.strerror}") from exc
        pages = render_pages(found)
        for name, page in pages.items():
            write_atomically(folder / name, page)
        more = len(pages) - len(found.events) - 1  # index pages after the first (a large ledger's)
        index = f"{folder / 'index.html'}" + (f" (and {more} more index pages)" if more else "")
        err.print(f"wrote {index} and {len(found.events)} event pages ({claims} claims)",
                  markup=False, highlight=False)
        return
    document = render(found, fmt.value)
    if out == "-":
        sys.stdout.write(document)
        return
    write_atomically(Path(out), document)
    err.print(f"wrote {out} ({len(found.events)} events, {claims} claims)", markup=False, highlight=False)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise LedgerError(f"--as-of must be a date (YYYY-MM-DD), not {value!r}") from exc


def write_atomically(path: Path, text: str) -> None:
    """Write beside the target then rename, so a reader never sees half a report."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise LedgerError(f"cannot write {path}: folder {folder} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is to be shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
