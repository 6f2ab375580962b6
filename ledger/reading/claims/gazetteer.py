"""The gazetteer: frequently cited sources that the ledger knows before reading any article.

Wire agencies, state media, monitors, ministries, militaries and armed groups are cited in thousands of
articles under many names ("SOHR", "the Britain-based Syrian Observatory for Human Rights"). Knowing them up
front gives every article's mention the same canonical source and the right type. The data lives in
``ledger/vocab/gazetteer.json`` (editable); a team adds its own with ``ledger sources import FILE``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.types import SOURCE_TYPES
from ledger.names import normalise_name


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known source: its canonical name, type, the other names it goes by, and its organisation."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    kind: str = "organisation"


def parse_entries(records: list[dict], origin: str) -> list[GazetteerEntry]:
    """Validated entries from gazetteer records (the bundled file or a team's own); raises ValueError."""
    entries = []
    for n, rec in enumerate(records, 1):
        if not isinstance(rec, dict) or not isinstance(rec.get("name"), str) or not rec["name"].strip():
            raise ValueError(f"{origin}: entry {n} has no name")
        kind = rec.get("type", "other")
        if kind not in SOURCE_TYPES:
            raise ValueError(f"{origin}: entry {n} ({rec['name']}) has unknown type {kind!r}")
        aliases = rec.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"{origin}: entry {n} ({rec['name']}) aliases must be a list of names")
        entries.append(GazetteerEntry(rec["name"].strip(), kind, tuple(aliases), rec.get("affiliation"),
                                      rec.get("kind", "organisation")))
    return entries


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """The bundled gazetteer, validated once."""
    return tuple(parse_entries(lexicon.load("gazetteer.json"), "gazetteer.json"))


@lru_cache(maxsize=1)
def _by_alias() -> dict[str, GazetteerEntry]:
    table: dict[str, GazetteerEntry] = {}
    for entry in load_gazetteer():
        for alias in (entry.name, *entry.aliases):
            table.setdefault(normalise_name(alias), entry)
    return table


def lookup(name: str) -> GazetteerEntry | None:
    """The known source this exact name (after normalisation) belongs to, if any."""
    return _by_alias().get(normalise_name(name))
