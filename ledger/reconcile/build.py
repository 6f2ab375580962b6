"""Building :class:`Conflict` values from sides of accounts: names, claims, parties, size and a summary.

The summary is one line a person can read: "Syrian Observatory for Human Rights: 22 fighters killed;
Iraqi militia officials (anonymous), John Kirby: 1 fighter killed".
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from ledger.reconcile.accounts import Account, id_key
from ledger.reconcile.facts import Conflict
from ledger.reconcile.populations import load, noun
from ledger.reconcile.ranges import Range
from ledger.reconcile.sides import common_range, size


def names_of(accounts: Iterable[Account]) -> tuple[str, ...]:
    """Source names of these accounts, each once, in order."""
    return tuple(dict.fromkeys(name for a in accounts for name in a.names))


def parties_of(accounts: Iterable[Account]) -> tuple[str, ...]:
    """Source names of the parties these accounts stand for (:attr:`Account.party_names`), each once."""
    return tuple(dict.fromkeys(name for a in accounts for name in a.party_names))


def roles(accounts: Iterable[Account]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(parties, independent): source names by whether their type speaks for a side of the event."""
    party_types = set(load("sources.json")["parties"])
    parties, independent, seen = [], [], set()
    for account in accounts:
        for name, kind in account.speakers:
            if name in seen:
                continue
            seen.add(name)
            target = parties if kind in party_types else independent
            target.append(name)
    return tuple(parties), tuple(independent)


def describe(rng: Range, population: str | None, metric: str | None) -> str:
    """ "22 fighters killed", "at least 5 fighters killed", "1 fighter killed"."""
    return _described(rng.lo, rng.hi, population, metric)


@lru_cache(maxsize=4096, typed=True)
def _described(lo: int, hi: float, population: str | None, metric: str | None) -> str:
    """:func:`describe`, remembered (bounded) by the bounds and their types (5 and 5.0 print differently):
    the same few figures are described in every conflict of an event."""
    rng = Range(lo, hi)
    count = None if rng.open else int(rng.hi)
    shown = noun(population, count if count == rng.lo else None) if population not in (None, "mixed") else ""
    return " ".join(w for w in (rng.describe(), shown, metric or "") if w)


def conflict(event_id: Any, metric: str | None, population: str | None, severity: str,
             sides: list[list[Account]], compatible: list[Account], notes: Iterable[str] = (),
             summary: str | None = None, extra_sources: Iterable[str] = (),
             extra_claims: Iterable[Any] = (), chain: tuple[dict[str, Any], ...] = ()) -> Conflict:
    """A conflict whose sides are groups of accounts (``compatible`` ones set against no one); sources and
    claims that stand on no side (the figures beside an undisclosed party) go in ``extra_*``; ``chain`` is
    a revising source's links (see :attr:`Conflict.chain`)."""
    everyone = [a for side in sides for a in side] + list(compatible)
    side_names = tuple(parties_of(side) for side in sides)
    compatible_names = parties_of(compatible)
    side_claims = [(claim, n) for n, side in enumerate(sides) for a in side for claim in a.claims]
    side_claims += [(claim, None) for a in compatible for claim in a.claims]
    claims = tuple(sorted({c for c, _ in side_claims} | set(extra_claims), key=id_key))
    parties, independent = roles(everyone)
    all_notes = list(dict.fromkeys([n for a in everyone for n in a.notes] + list(notes)))
    if summary is None:
        summary = "; ".join(f"{', '.join(names)}: {describe(common_range(side), population, metric)}"
                            for names, side in zip(side_names, sides))
    on_sides = [name for names in side_names for name in names]
    sources = tuple(dict.fromkeys([*on_sides, *compatible_names, *extra_sources]))
    return Conflict(event_id=event_id, metric=metric, population=population, severity=severity,
                    sources=sources, sides=side_names,
                    compatible=tuple(n for n in compatible_names if not any(n in s for s in side_names)),
                    claims=claims, summary=summary, size=size(sides) if severity == "contradiction" else None,
                    parties=parties, independent=independent, notes=tuple(all_notes), chain=chain,
                    side_claims=tuple(dict.fromkeys(side_claims)))
