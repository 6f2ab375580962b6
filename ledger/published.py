"""Publication dates as precise as the source gave them, and never more.

A source may date an article by its year ("2021"), its month ("2021-06"), its day ("2021-06-28") or its day
and time ("2021-06-28T14:05:00+00:00"). The ledger stores that ISO 8601 text as given, with its precision
(``year``, ``month`` or ``day``; a time is day precision with the time kept in the text), and never fills in
a part the source left out: not a day of the month, and nothing from the clock. Everything that reads a
stored date goes through here:

- :func:`period` is the days the date can mean (all of June for "2021-06");
- :func:`known_by` says what was known on a day: an article dated "2021-06" is known by the end of June;
- :func:`order_key` orders publications: by first day, then time, then the coarser date first (a month
  is told before any of its days is known to be over).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

PRECISIONS = ("year", "month", "day")
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def precision(published: str | None) -> str | None:
    """The precision of stored ISO text: ``year``, ``month`` or ``day`` (a time too); None when undated.

    >>> precision("2021"), precision("2021-06"), precision("2021-06-28T10:00:00")
    ('year', 'month', 'day')
    """
    if not published:
        return None
    if _YEAR.match(published):
        return "year"
    if _MONTH.match(published):
        return "month"
    return "day"


def period(published: str | None) -> tuple[date, date] | None:
    """The first and last day a stored date can mean; None when undated.

    >>> period("2021-02")
    (datetime.date(2021, 2, 1), datetime.date(2021, 2, 28))
    """
    kind = precision(published)
    if kind is None:
        return None
    year = int(published[:4])
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31)
    month = int(published[5:7])
    if kind == "month":
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date.fromisoformat(published[:10])
    return day, day


def first_day(published: str | None) -> date | None:
    """The first day a stored date can mean (the day itself for a day)."""
    found = period(published)
    return found[0] if found else None


def moment(published: str | None) -> date | datetime | None:
    """A day-precise date as a date (a datetime when it has a time), else its first day: what the
    reconciler orders accounts by, with the precision beside it."""
    if not published:
        return None
    if precision(published) == "day" and len(published) > 10:
        try:
            return datetime.fromisoformat(published)
        except ValueError:
            return date.fromisoformat(published[:10])
    return first_day(published)


def known_by(kind: str | None, first: date | datetime | None, as_of: date | datetime) -> bool:
    """Whether a publication was known on ``as_of``: an undated one never, one dated by month or year only
    once its whole month or year is over (it may have appeared on its last day)."""
    if first is None:
        return False
    if kind in ("year", "month"):
        start = first.date() if isinstance(first, datetime) else first
        last = date(start.year, 12, 31) if kind == "year" else \
            date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
        return last <= (as_of.date() if isinstance(as_of, datetime) else as_of)
    if isinstance(as_of, datetime) and isinstance(first, datetime):
        return first.replace(tzinfo=None) <= as_of.replace(tzinfo=None)
    day = first.date() if isinstance(first, datetime) else first
    return day <= (as_of.date() if isinstance(as_of, datetime) else as_of)


def rank(kind: str | None) -> int:
    """Coarser dates first: undated 0, year 1, month 2, day 3."""
    return PRECISIONS.index(kind) + 1 if kind in PRECISIONS else 0
