"""Sides: which accounts agree with each other and disagree with every other group.

Narrow accounts decide: accounts are taken from the most precise ("22") to the least (bounded ones by
width, then open ones from the highest floor down: "at least 17" before "at least 2"), and each joins the
one side whose common range it meets and whose members it all meets, or starts a new side when it meets
no one. An account that meets two sides (an open "at least 4" beside 4 and 7) is set against
no one: it is *compatible*. An account that meets no one's range on one side but overlaps some member
elsewhere also stays compatible, so a side never holds two accounts that exclude each other.

Example: 1, 1, 19, 22 and "at least 17" give the sides {1, 1}, {19}, {22}; "at least 17" is compatible
(it fits 19 and 22) but excludes the side of 1, which :func:`excluded` reports.
"""
from __future__ import annotations

import math

from ledger.reconcile.accounts import Account
from ledger.reconcile.ranges import Range


def split_sides(accounts: list[Account]) -> tuple[list[list[Account]], list[Account]]:
    """(sides, compatible) for accounts of one population level; sides in order of their lowest figure."""
    sides: list[list[Account]] = []
    common: list[Range] = []
    compatible: list[Account] = []
    for account in sorted(accounts, key=_narrowest_first):
        fits = [n for n, side in enumerate(sides) if common[n].meets(account.range)
                and all(m.range.meets(account.range) for m in side)]
        touches = [n for n, side in enumerate(sides) if any(m.range.meets(account.range) for m in side)]
        if not touches:
            sides.append([account])
            common.append(account.range)
        elif len(fits) == 1 and touches == fits:
            sides[fits[0]].append(account)
            common[fits[0]] = common[fits[0]] & account.range
        else:
            compatible.append(account)
    order = sorted(range(len(sides)), key=lambda n: (common[n].lo, common[n].hi))
    return [sides[n] for n in order], compatible


def _narrowest_first(account: Account) -> tuple:
    rng = account.range
    if rng.open:
        return 1, -rng.lo, account.party
    return 0, rng.width, rng.lo, account.party


def common_range(side: list[Account]) -> Range:
    found = side[0].range
    for account in side[1:]:
        found = found & account.range
    return found


def excluded(account: Account, sides: list[list[Account]]) -> list[int]:
    """The sides a compatible account contradicts (its range meets none of their members)."""
    return [n for n, side in enumerate(sides) if not any(m.range.meets(account.range) for m in side)]


def size(sides: list[list[Account]]) -> float | None:
    """How far apart the sides are: the largest ratio between a side's lowest figure and the highest figure
    of a side below it (22 vs 1 -> 22.0; "at least 5" vs 4 -> 1.25). A zero counts as one."""
    ranges = [common_range(side) for side in sides]
    best = None
    for upper in ranges:
        for lower in ranges:
            if lower.hi < upper.lo and lower.hi != math.inf:
                ratio = upper.lo / max(lower.hi, 1)
                best = ratio if best is None or ratio > best else best
    return None if best is None else round(best, 2)
