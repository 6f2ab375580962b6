"""``ledger report``: one self-contained HTML page (or Markdown) on the ledger's events."""
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


class ReportFormat(str, Enum):
    html = "html"
    md = "md"


def report(
    ctx: typer.Context,
    events: Annotated[Optional[list[int]], typer.Argument(
        metavar="EVENT", help="Event ids to report on (default: every event).")] = None,
    out: Annotated[str, typer.Option("--out", "-o", metavar="FILE",
                                     help="File to write; - (the default) writes to stdout.")] = "-",
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="html (one self-contained page) or md.")]
    = ReportFormat.html,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE",
                                                 help="What was known on DATE (YYYY-MM-DD): only claims "
                                                      "published by then.")] = None,
) -> None:
    """A report people can read: per event, each source's figures and their revisions (table and chart),
    the conflicts with their severity, the estimate with its rules, and every claim quoted and linked to
    its passage. The HTML page needs no network: inline CSS and SVG, no script."""
    from ledger.report import render

    when = _parse_date(as_of)
    found = state(ctx).ledger().report(events, as_of=when)
    document = render(found, fmt.value)
    if out == "-":
        sys.stdout.write(document)
        return
    write_atomically(Path(out), document)
    claims = sum(len(e.claims) for e in found.events)
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
