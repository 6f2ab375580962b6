"""Loading the events lexicons (``ledger/events/data/*.json``): time words, event kinds, markers, places.

The rules of event grouping are data, kept apart from the code that applies them, so an analyst can add a
weekday spelling, an event word or a country without reading Python. Each file is read once per process.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed JSON of ``ledger/events/data/NAME``."""
    raw = resources.files("ledger.events").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(raw)
