"""How much input an ingest has, and how much of it has been read: the progress bar's total and position.

Measured in bytes, the one unit that every input has: a folder's files are found and their sizes added up
before the ingest starts (``ledger.ingest.readers.measure``: the same files ``walk_folder`` will read), a
file is its size, a JSONL file advances line by line, and standard input counts when it is a file (``ledger
ingest - < big.jsonl``); from a pipe its size is unknown and the bar shows no total.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class InputMeter:
    """``total`` bytes to read (None: unknown), ``done`` read so far."""

    total: int | None = None
    done: int = 0

    def count(self, size: int) -> None:
        self.done += size
