"""Estimates: what the sources' latest accounts of one event, metric and population add up to.

Three numbers, each with the rule that produced it and the claims behind it, following the practice of
casualty recorders:

- **low**, the conservative figure (ACLED): the lowest figure among the sources' latest accounts;
- **high**, the top of the range across sources (Airwars, Iraq Body Count report min-max): the highest
  figure any source gives (an open "at least 22" counts as 22);
- **best** (UCDP's best estimate): the figure of the most reliable source, by A-F grade when the source has
  one, else independent monitors before media and witnesses before the parties to the event, then the
  latest report, then the first claim.

Stored bounds are used, not plausible ranges: an estimate repeats what sources said.
"""
from __future__ import annotations

import math
from datetime import date

from ledger.reconcile.accounts import Account, day_of, fact_order
from ledger.reconcile.build import names_of
from ledger.reconcile.context import Context
from ledger.reconcile.facts import Bound, Estimate
from ledger.reconcile.populations import load
from ledger.reconcile.ranges import Range, stored


def estimates_of(ctx: Context) -> list[Estimate]:
    """One estimate per population of this event and metric."""
    by_population: dict[str, list[Account]] = {}
    for account in ctx.current:
        by_population.setdefault(account.population, []).append(account)
    found = []
    for population, accounts in sorted(by_population.items()):
        accounts = sorted(accounts, key=lambda a: a.party)
        found.append(Estimate(ctx.event_id, ctx.metric, population, _low(accounts), _best(accounts),
                              _high(accounts), names_of(accounts)))
    return found


def said(account: Account) -> Range:
    """What the account's facts state, as stored (their common range)."""
    found = stored(account.facts[0])
    for fact in account.facts[1:]:
        found = found & stored(fact)
    return found


def _low(accounts: list[Account]) -> Bound:
    floors = [a for a in accounts if any(f.low is not None for f in a.facts)]
    if not floors:
        return Bound(None, "no source states a lower bound")
    pick = min(floors, key=lambda a: (said(a).lo, a.party))
    return Bound(said(pick).lo, "lowest figure among the sources' latest accounts (ACLED: most conservative)",
                 pick.claims, pick.names)


def _high(accounts: list[Account]) -> Bound:
    def top(a: Account) -> int:
        rng = said(a)
        return rng.lo if rng.hi == math.inf else int(rng.hi)

    pick = max(accounts, key=lambda a: (top(a), a.party))
    return Bound(top(pick), "highest figure any source gives (Airwars/IBC: the range across sources)",
                 pick.claims, pick.names)


def _best(accounts: list[Account]) -> Bound:
    pick = min(accounts, key=_reliability)
    rng = said(pick)
    if rng.hi == math.inf:
        value = rng.lo
    elif rng.lo == 0 or rng.lo == rng.hi:
        value = int(rng.hi)
    else:
        value = (rng.lo + int(rng.hi)) // 2
    grade = _grade(pick)
    why = f"grade {grade}" if grade else (pick.types[0] if pick.types else "other")
    latest = day_of(pick.latest.published)
    when = "" if latest == date.min else f", latest report {latest.isoformat()}"
    return Bound(value, f"figure of the most reliable source: {', '.join(pick.names)} ({why}{when}) "
                        "(UCDP: best estimate)", pick.claims, pick.names)


def _grade(account: Account) -> str | None:
    grades = sorted(f.source_reliability for f in account.facts if f.source_reliability)
    return grades[0] if grades else None


def _reliability(account: Account) -> tuple:
    """Sort key, most reliable first: grade, then source type, then latest report, then the account's first
    figure in publication order (article hash and place in it, never a row id: the same estimate whatever
    order the articles arrived in), then the party."""
    order = load("sources.json")["reliability"]
    grades = load("sources.json")["grades"]
    grade = _grade(account)
    grade_rank = grades.index(grade) if grade in grades else len(grades)
    type_rank = min((order.index(t) if t in order else len(order)) for t in account.types)
    latest = fact_order(account.latest)
    first = fact_order(min(account.facts, key=fact_order))
    return grade_rank, type_rank, _negated(latest[0]), first[1:5], account.party


def _negated(stamp: tuple) -> tuple:
    """Later first: negate the day ordinal and the precision rank, and invert the time text."""
    day, precision, moment = stamp
    return -day.toordinal(), -precision, tuple(-ord(ch) for ch in moment)
