"""Boxed text tables drawn by plain string work, for reports of thousands of tables.

rich's ``Table`` measures and renders every cell through its layout engine: about a third of a millisecond
per cell, so the conflict report of a 3,000-article ledger (5,000 tables, 100,000 cells) took 40 s to print
against 1.4 s for its JSON. The same box drawn here costs a few microseconds per cell. Columns take their
natural width; when the row is wider than the screen, the widest columns are narrowed to a common cap and
their text wrapped on spaces. Bold (headings) only when stdout is a terminal and ``NO_COLOR`` is not set.
"""
from __future__ import annotations

import os
import sys
from functools import lru_cache

from rich.cells import cell_len

from ledger.render import visible

MIN_WIDTH = 8
BOLD, RESET = "\x1b[1m", "\x1b[0m"


@lru_cache(maxsize=1)
def styled() -> bool:
    """Whether to emit bold: a terminal, and the user has not asked for no colour (asked once a process:
    a report draws thousands of tables)."""
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def bold(text: str) -> str:
    return f"{BOLD}{text}{RESET}" if styled() else text


def column_widths(natural: list[int], available: int) -> list[int]:
    """Each column's width: its natural one, unless the columns together exceed ``available``; then the
    widest are cut to the largest common cap that fits (never under ``MIN_WIDTH``)."""
    if sum(natural) <= available:
        return natural
    cap = max(natural)
    low = MIN_WIDTH
    while low < cap:  # the largest cap whose total still fits
        middle = (low + cap + 1) // 2
        if sum(min(w, middle) for w in natural) <= available:
            low = middle
        else:
            cap = middle - 1
    return [min(w, low) for w in natural]


def width_of(text: str) -> int:
    """Terminal cells ``text`` takes: its length for ASCII (the common case, and fast), else rich's count."""
    return len(text) if text.isascii() else cell_len(text)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces (inside a word only when it must).
    Greedy, as textwrap is, at a fraction of its cost (a report wraps tens of thousands of cells)."""
    measure = len if text.isascii() else width_of
    lines: list[str] = []
    line, used = [], 0
    for word in text.split(" "):
        size = measure(word)
        while size > width:  # a word longer than the column: fill the line with its start, cut the rest
            room = width - used - (1 if line else 0)
            if line and room < 1:
                lines.append(" ".join(line))
                line, used, room = [], 0, width
            cut = _fitting(word, room)
            lines.append(" ".join(line + [word[:cut]]))
            line, used = [], 0
            word = word[cut:]
            size = measure(word)
        if line and used + 1 + size > width:
            lines.append(" ".join(line))
            line, used = [], 0
        if word or line:
            line.append(word)
            used += size + (1 if len(line) > 1 else 0)
    if line or not lines:
        lines.append(" ".join(line))
    return lines


def _fitting(word: str, width: int) -> int:
    """How many characters of ``word`` fit in ``width`` cells (at least one)."""
    cut = width
    while cut > 1 and width_of(word[:cut]) > width:
        cut -= 1
    return cut


def render(headers: list[str], rows: list[list[str]], width: int, title: str | None = None) -> str:
    """The table as text lines (ending in a newline), no wider than ``width`` when its columns allow.
    Cells are one line each (runs of white space become one space) until wrapped to their column; cells and
    title are article data, so a character that would steer the terminal is shown as its escape."""
    rows = [[_cell(str(cell)) for cell in row] for row in rows]
    sizes = [_sizes(row) for row in rows]
    natural = [max([width_of(h)] + [s[i] for s in sizes]) for i, h in enumerate(headers)]
    widths = column_widths(natural, max(width - 3 * len(headers) - 1, MIN_WIDTH * len(headers)))
    out = [] if title is None else [title if title.isprintable() else visible(title, one_line=True)]
    out.append("┌" + "┬".join("─" * (w + 2) for w in widths) + "┐")
    out.append(_line([bold(h) for h in headers], [width_of(h) for h in headers], widths))
    out.append("├" + "┼".join("─" * (w + 2) for w in widths) + "┤")
    for row, size in zip(rows, sizes):
        if all(s <= w for s, w in zip(size, widths)):  # fits on one line: nothing to wrap
            out.append(_line(row, size, widths))
            continue
        cells = [wrap(cell, w) if s > w else [cell] for cell, s, w in zip(row, size, widths)]
        for n in range(max(len(c) for c in cells)):
            line = [c[n] if n < len(c) else "" for c in cells]
            out.append(_line(line, _sizes(line), widths))
    out.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    return "\n".join(out) + "\n"


def _sizes(cells: list[str]) -> list[int]:
    """The cells' widths on screen: their lengths when the row is ASCII (one test for the whole row)."""
    return [len(c) for c in cells] if "".join(cells).isascii() else [width_of(c) for c in cells]


def _cell(text: str) -> str:
    """A cell on one line, a steering character shown as its escape; the common clean cell costs two scans."""
    if text.isprintable() and "  " not in text:
        return text
    return visible(" ".join(text.split()))


def _line(cells: list[str], sizes: list[int], widths: list[int]) -> str:
    """One line of the box: each cell padded to its column (``sizes``: the cells' own widths on screen)."""
    return "│ " + " │ ".join([c + " " * (w - s) for c, s, w in zip(cells, sizes, widths)]) + " │"
