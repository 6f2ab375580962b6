"""What every command shares: the app state from the callback, error handling, and output formats.

A command calls one method of the ``Ledger`` the app state opens (``ledger.library``) and renders what it
returns; the database work lives in the library (``tests/test_library.py`` holds ``commands/`` to that).

Data goes to stdout (tables, JSON, JSONL, CSV); people's messages, progress and errors go to stderr. A
``LedgerError`` becomes one red line and exit status 1; anything unexpected too, with the traceback only
under ``--debug``.
"""
from __future__ import annotations

import csv
import functools
import json
import os
import sys
import textwrap
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Iterable

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ledger.errors import LedgerError

err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FORMAT_OPTION = typer.Option("table", "--format", "-f", help="Output format: table, json, jsonl or csv.")


@dataclass
class AppState:
    """Options of the app callback, handed to every command through the typer context."""

    db: str | None = None
    debug: bool = False
    who: str | None = None
    _ledger: Any = field(default=None, repr=False)

    def ledger(self):
        """The ``Ledger`` at ``--db``, opened (created, upgraded) on first use; the audit log names ``--as``."""
        if self._ledger is None:
            from ledger.library import Ledger

            self._ledger = Ledger.open(self.db, create=True, user=self.who)
        return self._ledger


def state(ctx: typer.Context) -> AppState:
    return ctx.find_root().obj


class LedgerTyper(typer.Typer):
    """A Typer whose commands turn errors into one line on stderr and an exit status."""

    def command(self, *args, **kwargs):
        register = super().command(*args, **kwargs)
        return lambda function: register(handles_errors(function))

    def callback(self, *args, **kwargs):
        register = super().callback(*args, **kwargs)
        return lambda function: register(handles_errors(function))


def handles_errors(function: Callable) -> Callable:
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except LedgerError as exc:
            fail(str(exc), exc if _debug(args, kwargs) else None)
        except KeyboardInterrupt:
            err.print("[red]interrupted[/red]")
            raise typer.Exit(130)
        except BrokenPipeError:  # "ledger claims | head": the reader has all it wants; no error, as other tools
            _silence_stdout()
            raise typer.Exit(141)
        except Exception as exc:  # a bug or an environment failure: still one line unless --debug
            if _debug(args, kwargs):
                raise
            fail(f"{type(exc).__name__}: {first_line(exc)} (run with --debug for the traceback)")

    return wrapper


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit does not raise a second broken pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else ""


def fail(message: str, exc: BaseException | None = None) -> None:
    """One red line on stderr and exit status 1 (or, under --debug, the exception with its traceback)."""
    if exc is not None:
        raise exc
    err.print(f"[red]error:[/red] {escape(message)}", markup=True, highlight=False)
    raise typer.Exit(1)


def _debug(args: tuple, kwargs: dict) -> bool:
    """Whether ``--debug`` was given, read from the command's typer context argument."""
    ctx = next((a for a in (*args, *kwargs.values()) if hasattr(a, "find_root")), None)
    root = ctx.find_root().obj if ctx is not None else None
    return bool(root and root.debug)


# ---------------------------------------------------------------- output


def emit(rows: Iterable[dict], fmt: Format, columns: list[tuple[str, str]] | None = None,
         title: str | None = None) -> None:
    """Print rows as a table (``columns`` = [(key, header)]), JSON array, JSONL or CSV on stdout."""
    if fmt == Format.json:
        print_json_array(rows)
    elif fmt == Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt == Format.csv:
        write_csv(rows, columns)
    else:
        print_table(list(rows), columns or [], title)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def print_json_array(items: Iterable[Any]) -> None:
    """A JSON array written item by item, as ``print_json(list(items))`` would write it, without holding
    the list: exporting a ledger of millions of claims keeps memory flat."""
    out, first = sys.stdout, True
    out.write("[")
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2, default=str)
        out.write(("\n" if first else ",\n") + textwrap.indent(text, "  "))
        first = False
    out.write("]\n" if first else "\n]\n")


def write_csv(rows: Iterable[dict], columns: list[tuple[str, str]] | None) -> None:
    writer = None
    for row in rows:
        flat = {k: cell(v) for k, v in flatten(row).items()}
        if writer is None:
            keys = [k for k, _ in columns] if columns else list(flat)
            writer = csv.DictWriter(sys.stdout, fieldnames=keys, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow(flat)


def flatten(row: dict, prefix: str = "") -> dict:
    """Nested objects become dotted columns ("source.name"); lists stay as JSON text."""
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


PIPED_WIDTH = 160  # tables written to a file or a pipe: wide enough to read, as a terminal would be


def data_console() -> Console:
    """A console for data on stdout: the terminal's width, or PIPED_WIDTH when piped (rich would use 80)."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else PIPED_WIDTH)


def print_table(rows: list[dict], columns: list[tuple[str, str]], title: str | None = None) -> None:
    out = data_console()
    if not rows:
        err.print(f"no {title or 'rows'}")
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        flat = flatten(row)
        table.add_row(*(Text(cell(flat.get(key))) for key, _ in columns))  # article text is never markup
    out.print(table)
