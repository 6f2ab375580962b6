"""How much input an ingest has, and how much of it has been read: the progress bar's total and position.

Measured in bytes, the one unit that every input has: a folder's files are found and their sizes added up
before the ingest starts (the same files ``walk_folder`` will read), a file is its size, a JSONL file
advances line by line, and standard input counts when it is a file (``ledger ingest - < big.jsonl``); from
a pipe its size is unknown and the bar shows no total.
"""
from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


@dataclass
class InputMeter:
    """``total`` bytes to read (None: unknown), ``done`` read so far."""

    total: int | None = None
    done: int = 0

    def count(self, size: int) -> None:
        self.done += size


def measure(paths: list[str], stdin: BinaryIO | None = None) -> InputMeter:
    """A meter whose total is the size of everything under ``paths`` (None if one of them is a pipe)."""
    from ledger.ingest.readers import STDIN, known_files

    total: int | None = 0
    for name in paths:
        if name == STDIN:
            size = _stdin_size(stdin or sys.stdin.buffer)
            total = None if size is None or total is None else total + size
            continue
        path = Path(name)
        files = known_files(path) if path.is_dir() else [path]
        for file in files:
            try:
                size = file.stat().st_size
            except OSError:  # reported by the reader; counts as nothing here
                size = 0
            total = None if total is None else total + size
    return InputMeter(total=total)


def _stdin_size(stream: BinaryIO) -> int | None:
    """Bytes left on standard input when it is a regular file, else None (a pipe, a terminal)."""
    try:
        descriptor = stream.fileno()
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return None
        return info.st_size - os.lseek(descriptor, 0, os.SEEK_CUR)
    except (OSError, ValueError, AttributeError):
        return None
