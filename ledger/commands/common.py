"""What every command shares: the app state from the callback, error handling, and output formats.

A command calls one method of the ``Ledger`` the app state opens (``ledger.library``) and renders what it
returns; the database work lives in the library (``tests/test_library.py`` holds ``commands/`` to that).

Data goes to stdout (tables, JSON, JSONL, CSV); people's messages, progress and errors go to stderr. A
``LedgerError`` becomes one red line and exit status 1; anything unexpected too, with the traceback only
under ``--debug``.

Everything shown to people goes through a :class:`TerminalConsole`: article data and file names are text,
never markup, emoji codes or terminal escapes. Data formats keep the data exact: JSON writes every control
character as an escape, and CSV is written as is to a file or pipe, escaped only when stdout is a terminal.
"""
from __future__ import annotations

import csv
import functools
import json
import os
import re
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
from ledger.render import has_hidden, visible, visible_text


class TerminalConsole(Console):
    """A rich console that shows data as text, whatever it holds: no markup unless a call asks for it (with
    the data escaped), no emoji codes (``killed:three:fighters`` stays as written), no highlighting, and every
    control character written visibly (:func:`ledger.render.visible`), so an article cannot clear the
    screen, retitle the window or reorder a line. Every string and every ``Text`` printed passes here."""

    def __init__(self, **options: Any):
        super().__init__(markup=False, emoji=False, highlight=False, **options)

    def render_str(self, text: str, **options: Any) -> Text:
        return super().render_str(visible(text), **options)

    def render(self, renderable: Any, options: Any = None):
        if isinstance(renderable, Text) and has_hidden(renderable.plain):
            renderable = visible_text(renderable)
        return super().render(renderable, options)


err = TerminalConsole(stderr=True, soft_wrap=True)


def one_line(text: str) -> str:
    """A message for one line of stderr, as rich markup: control characters and newlines escaped, markup
    characters too."""
    return escape(visible(text, one_line=True))


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FORMAT_OPTION = typer.Option("table", "--format", "-f", help="Output format: table, json, jsonl or csv.")


def choices(name: str, values: Iterable[str]) -> type[Enum]:
    """The type of an option that takes one of ``values``: pass the vocabulary where the project defines it
    (``METRICS``, ``SEVERITY_LEVELS``...), never a copy. Typer lists the choices in ``--help`` and refuses
    any other value with a usage error (exit status 2) that lists them too. Read a value with ``.value``."""
    return Enum(name, [(value, value) for value in values], type=str)  # type: ignore[return-value]


def values(chosen: Enum | list[Enum] | None) -> Any:
    """The plain string(s) of an option made with :func:`choices` (None stays None)."""
    if isinstance(chosen, list):
        return [values(c) for c in chosen]
    return chosen.value if isinstance(chosen, Enum) else chosen


@dataclass
class AppState:
    """Options of the app callback, handed to every command through the typer context."""

    db: str | None = None
    debug: bool = False
    who: str | None = None
    _ledger: Any = field(default=None, repr=False)

    def ledger(self, create: bool = False):
        """The ``Ledger`` at ``--db``, opened (and upgraded) on first use; the audit log names ``--as``. Only a
        command that stores articles passes ``create``: elsewhere a path with no ledger is refused rather than
        made an empty ledger."""
        if self._ledger is None:
            from ledger.library import Ledger

            self._ledger = Ledger.open(self.db, create=create, user=self.who, require_schema=False)
        return self._ledger


def state(ctx: typer.Context) -> AppState:
    return ctx.find_root().obj


class LedgerTyper(typer.Typer):
    """A Typer whose commands turn errors into one line on stderr and an exit status, and whose help shows
    readable placeholders (``ledger.commands.help_names``)."""

    def __init__(self, *args, **kwargs):
        from ledger.commands.help_names import LedgerGroup

        kwargs.setdefault("cls", LedgerGroup)
        super().__init__(*args, **kwargs)

    def command(self, *args, **kwargs):
        from ledger.commands.help_names import LedgerCommand

        kwargs.setdefault("cls", LedgerCommand)
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
            err.print("[red]interrupted[/red]", markup=True)
            raise typer.Exit(130)
        except BrokenPipeError:  # "ledger claims | head": the reader has all it wants; no error, as other tools
            _silence_stdout()
            raise typer.Exit(141)
        except Exception as exc:  # a bug or an environment failure: still one line unless --debug
            if _debug(args, kwargs):
                raise
            if "readonly database" in str(exc):  # a change asked of a ledger opened read-only
                fail("the ledger is read-only: this command would change it")
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
    err.print(f"[red]error:[/red] {one_line(message)}", markup=True)
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
        write_csv(rows, csv_columns, out=TerminalSafe(sys.stdout) if sys.stdout.isatty() else sys.stdout)
    else:
        print_table(list(rows), columns or [], title)


# json.dumps escapes C0 controls itself; these it leaves raw with ensure_ascii=False: DEL and the C1 controls
# (U+009B is a terminal's CSI), and the line separators that split a JSONL line for many readers.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON as the ledger writes it: UTF-8 text, every control character and line separator escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, default=str)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_jsonl(rows: Iterable[Any]) -> None:
    """One JSON value per line (JSON Lines), never indented."""
    for row in rows:
        sys.stdout.write(json_text(row) + "\n")


def print_json(value: Any) -> None:
    sys.stdout.write(json_text(value, indent=2) + "\n")


def print_json_array(items: Iterable[Any]) -> None:
    """A JSON array written item by item, as ``print_json(list(items))`` would write it, without holding
    the list: exporting a ledger of millions of claims keeps memory flat."""
    out, first = sys.stdout, True
    out.write("[")
    for item in items:
        text = json_text(item, indent=2)
        out.write(("\n" if first else ",\n") + textwrap.indent(text, "  "))
        first = False
    out.write("]\n" if first else "\n]\n")


class TerminalSafe:
    """A text stream for data shown on a terminal: control characters written visibly (CSV to a file or a
    pipe is written exactly as the data is)."""

    def __init__(self, stream: Any):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(visible(text))


LIST_SEPARATOR = "; "  # lists in a CSV cell ("Qarvash; Valdoria"), as in the views' text columns
SIDE_SEPARATOR = " | "  # lists of lists (a conflict's sides): "Kessel Brigades | VOCR; Lena Horvath"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list of what makes a spreadsheet evaluate a cell


def write_csv(rows: Iterable[dict], columns: list[str] | None = None, out: Any = None) -> None:
    """Rows as CSV: a header, then one line per row, every cell flat text (:func:`csv_cell`).

    The header is ``columns`` (written even when there are no rows), else the keys of the first
    (flattened) row; keys a row lacks are empty. ``out``: the stream (stdout by default)."""
    writer = csv.writer(out or sys.stdout, lineterminator="\n")
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
    return TerminalConsole(width=None if sys.stdout.isatty() else PIPED_WIDTH)


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
        table.add_row(*(cell(flat.get(key)) for key, _ in columns))  # text, never markup: see TerminalConsole
    out.print(table)
