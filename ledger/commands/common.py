"""What every command shares: the app state from the callback, error handling, and output formats.

Data goes to stdout (tables, JSON, JSONL, CSV); people's messages, progress and errors go to stderr. A
``LedgerError`` becomes one red line and exit status 1; anything unexpected too, with the traceback only
under ``--debug``.
"""
from __future__ import annotations

import csv
import functools
import getpass
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
    _engine: Any = field(default=None, repr=False)

    def engine(self):
        """The ledger's engine, opened (and upgraded) on first use."""
        if self._engine is None:
            from ledger.db import open_ledger

            self._engine = open_ledger(self.db)
        return self._engine

    @property
    def user(self) -> str:
        """Who the audit log names: ``--as NAME``, else the operating-system user."""
        if self.who:
            return self.who
        try:
            return getpass.getuser()
        except Exception:  # no user name in a bare container
            return "unknown"


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
         title: str | None = None, csv_columns: list[str] | None = None) -> None:
    """Print rows as a table (``columns`` = [(key, header)]), JSON array, JSONL or CSV on stdout.

    CSV has ``csv_columns`` when given, else every key of the first row (nested objects as dotted
    columns): a CSV holds what the JSON holds, flat (see :func:`write_csv`)."""
    if fmt == Format.json:
        print_json_array(rows)
    elif fmt == Format.jsonl:
        write_jsonl(rows)
    elif fmt == Format.csv:
        write_csv(rows, csv_columns)
    else:
        print_table(list(rows), columns or [], title)


def write_jsonl(rows: Iterable[Any]) -> None:
    """One JSON value per line (JSON Lines), never indented."""
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


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


LIST_SEPARATOR = "; "  # lists in a CSV cell ("Qarvash; Valdoria"), as in the views' text columns
SIDE_SEPARATOR = " | "  # lists of lists (a conflict's sides): "Kessel Brigades | VOCR; Lena Horvath"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list of what makes a spreadsheet evaluate a cell


def write_csv(rows: Iterable[dict], columns: list[str] | None = None) -> None:
    """Rows as CSV: a header, then one line per row, every cell flat text (:func:`csv_cell`).

    The header is ``columns`` (written even when there are no rows), else the keys of the first
    (flattened) row; keys a row lacks are empty."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    keys = columns
    if keys:
        writer.writerow([csv_cell(k) for k in keys])
    for row in rows:
        flat = flatten(row)
        if keys is None:
            keys = list(flat)
            writer.writerow([csv_cell(k) for k in keys])
        writer.writerow([csv_cell(flat.get(k)) for k in keys])


def flatten(row: dict, prefix: str = "") -> dict:
    """Nested objects become dotted columns ("source.name"); lists stay lists (:func:`csv_cell` joins
    them)."""
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def csv_cell(value: Any) -> str | int | float:
    """One CSV cell: numbers as numbers, None empty, a list joined with ``LIST_SEPARATOR`` (a list of
    lists: its lists joined with ``SIDE_SEPARATOR``), and text that a spreadsheet would run as a formula
    neutralised (:func:`defused`). Every CSV the ledger writes goes through here.

    >>> csv_cell(["Qarvash", "Valdoria"]), csv_cell([["A"], ["B", "C"]]), csv_cell(-3), csv_cell("-3")
    ('Qarvash; Valdoria', 'A | B; C', -3, "'-3")
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value  # a number the ledger computed (a bound, an offset, a size): never a formula
    if isinstance(value, (list, tuple)):
        if any(isinstance(v, dict) for v in value):
            raise TypeError("a list of objects has no flat CSV cell: give the command's CSV rows flat")
        if value and all(isinstance(v, (list, tuple)) for v in value):
            text = SIDE_SEPARATOR.join(LIST_SEPARATOR.join(map(str, v)) for v in value)
        else:
            text = LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
        return defused(text)
    if isinstance(value, dict):
        raise TypeError("an object has no flat CSV cell: flatten it first")
    return defused(str(value))


def defused(text: str) -> str:
    """Text a spreadsheet would evaluate (starting with =, +, -, @, tab or carriage return: OWASP's CSV
    injection list) with a single quote in front, which spreadsheets show as text and never run. Only
    text is defused: an outlet named ``=HYPERLINK("http://x","y")`` comes out as ``'=HYPERLINK(...)``,
    while numbers the ledger computed (bounds, offsets, sizes) are written by :func:`csv_cell` as numbers.

    >>> print(defused('=HYPERLINK("http://x","y")'), defused("Harbour Times"))
    '=HYPERLINK("http://x","y") Harbour Times
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Any) -> str:
    """A table cell: None empty, lists joined with ``LIST_SEPARATOR``."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell(v) for v in value)
    if isinstance(value, dict):
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
