"""Loading the lexicons: the word lists and patterns the extractor's rules read.

Rules are data (see ``lexicons/``), kept apart from the code that matches them, so an analyst can read and
extend them without reading Python. Each file is loaded once per process.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load(name: str) -> Any:
    """The parsed content of ``lexicons/NAME`` (JSON for ``.json`` files, a list of lines for ``.txt``).

    Lines of a ``.txt`` lexicon are stripped; blank lines and lines starting with ``#`` are skipped.
    """
    raw = resources.files("ledger.vocab").joinpath(name).read_text(encoding="utf-8")
    if name.endswith(".json"):
        return json.loads(raw)
    return [line.strip() for line in raw.splitlines() if line.strip() and not line.lstrip().startswith("#")]
