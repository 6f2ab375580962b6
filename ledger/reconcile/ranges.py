"""The range of values a figure allows when it is compared with another account.

Stored bounds are what the text says: "several dozen" is stored as at least 24 (the contract's floor),
"about 50" as 50. Compared as stored, "several dozen" would agree with 471 dead and "about 50" disagree with
48. So comparisons use the figure's plausible range (the number grammar's ``plausible_bounds``: "several
dozen" 24-99, "about 50" 45-55) widened so that it never excludes the stored bounds, and the conflict says
so in its notes. Stored values are never changed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ledger.reading.figures.numbers import plausible_bounds
from ledger.render import bounds_text
from ledger.reconcile.facts import FigureFact
from ledger.text.fast_init import fast_init

Plausible = Callable[[FigureFact], "tuple[int | None, int | None]"]


@fast_init  # made for every figure, account and side compared
@dataclass(frozen=True, slots=True)
class Range:
    """Inclusive bounds; ``hi`` is ``math.inf`` when open."""

    lo: int
    hi: float

    def meets(self, other: "Range") -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def __and__(self, other: "Range") -> "Range":
        return Range(max(self.lo, other.lo), min(self.hi, other.hi))

    @property
    def width(self) -> float:
        return self.hi - self.lo

    @property
    def open(self) -> bool:
        return self.hi == math.inf

    def describe(self) -> str:
        """ "22", "at least 5", "up to 7", "4-7" (``bounds_text`` in prose: no floor of 0 is written)."""
        if self.open:
            return bounds_text(self.lo, None, prose=True)
        hi = int(self.hi)
        return bounds_text(None if self.lo == 0 and hi != 0 else self.lo, hi, prose=True)


def stored(fact: FigureFact) -> Range:
    """The stored bounds as a range (no lower bound: 0; no upper bound: open)."""
    return Range(fact.low or 0, math.inf if fact.high is None else fact.high)


def compared(fact: FigureFact, plausible: Plausible | None = None) -> tuple[Range, str | None]:
    """The range to compare ``fact`` with, and a note when it differs from the stored bounds.

    The plausible range can close an open top ("several dozen": at most 99) and widen a hedge ("about 50":
    45-55); it never narrows the stored bounds below what the text says. Without ``plausible`` the
    number grammar's range is used, remembered per figure (:func:`_compared_by_default`).
    """
    if plausible is None:
        return _compared_by_default(fact.low, fact.high, fact.text, fact.qualifier, fact.vague, fact.no_figure)
    return _widened(fact.low, fact.high, fact.text, fact.qualifier, plausible(fact))


@lru_cache(maxsize=4096, typed=True)
def _compared_by_default(low: int | None, high: int | None, text: str | None, qualifier: str | None, vague: bool,
                         no_figure: bool) -> tuple[Range, str | None]:
    """:func:`compared` through the number grammar's plausible range. Cached (bounded; by value and type,
    as 5 and 5.0 print differently): an event repeats the same few figures in many reports, and
    ``plausible_bounds`` is a pure function of exactly these fields; the Range returned is frozen, so
    sharing it is safe."""
    return _widened(low, high, text, qualifier, plausible_bounds(low, high, qualifier, vague, no_figure))


def _widened(low: int | None, high: int | None, text: str | None, qualifier: str | None,
             plausible: tuple[int | None, int | None] | None) -> tuple[Range, str | None]:
    """The stored bounds widened by the plausible ``(low, high)`` (None: no plausible range), with a note
    when that changes them."""
    base = Range(low or 0, math.inf if high is None else high)
    if plausible is None:
        return base, None
    p_low, p_high = plausible
    lo = base.lo if p_low is None else min(base.lo, p_low) if low is not None else p_low
    hi = base.hi if p_high is None else max(base.hi, p_high) if high is not None else p_high
    found = Range(lo, hi)
    if found == base:
        return base, None
    words = text or qualifier or base.describe()
    return found, f"compared with plausible ranges: {words!r} read as {found.describe()}"
