"""The ledger's named errors and problem records.

User errors are raised as ``LedgerError`` (or a subclass) by the library and turned into one red line and
an exit code only at the CLI edge. Problems with one input among many are not raised at all: they are
``Problem`` values collected and reported, so one bad article never stops a batch.
"""
from __future__ import annotations

from dataclasses import dataclass


class LedgerError(Exception):
    """A user-facing error: the message is shown as is, without a traceback (unless ``--debug``)."""


class NotFound(LedgerError):
    """A claim, source, event or article named on the command line does not exist, or there is no ledger
    where ``Ledger.open(db)`` (without ``create=True``) was told to look."""


class InputError(LedgerError):
    """One input (file, record, stdin) cannot be read as an article."""


class SpanError(LedgerError):
    """A span does not fit the article text: ``text[start:end] != content``. Nothing is stored."""


@dataclass(frozen=True, slots=True)
class Problem:
    """What went wrong with one input: ``location`` is ``path`` or ``path:line``, as an editor jumps to."""

    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def first_line(exc: BaseException) -> str:
    """An exception's message on one line (a driver's own error when wrapped), for a one-line problem."""
    message = str(getattr(exc, "orig", None) or exc).strip()
    return message.splitlines()[0] if message else type(exc).__name__
