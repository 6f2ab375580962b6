"""Each party's account of one event and metric: its figures over time, the latest superseding the rest.

A **party** is a source together with the people who speak for it: "John Kirby" (affiliation "US Department
of Defense") and the Pentagon give one account, so they are never set against each other. A party's facts
are read oldest first; each joins an account that already states its figure (a repeat), else the newest
account it agrees with (their ranges meet, and the account narrows to what both allow: "at least one" and
"one" the same day are one account of exactly one), else starts a new one. A figure that agrees with an
open or wider account but raises its floor on a later day ("at least six" on Wednesday, "nine" on Thursday:
the toll rose) starts a new account too. The result is a **chain** of accounts, oldest first: SOHR 17 ->
22. Accounts are ordered by the last day they were reported, then by their first report: the account
still reported last is the latest (of several in that last article, the largest count: the toll, not the
two "who died of their wounds" on the way to it), and only the latest account of each chain takes part in
the comparisons between parties.

A link of the chain is a **transmission** difference when the two figures disagree, different outlets
carried them and all their reports fall within one window (``window_days``, one day): the same statement
reported two ways (Meridian Wire's nine and Northern Ledger's seven, both on Thursday); when one of the two
is more precise (82 beside "more than 100"), that one is the latest account, compared with other parties.
Otherwise it is a
**revision**: a toll that rose, or a newer figure still reported after the older one had stopped being
reported (SOHR's 17 on 26 February, its 22 until 2 March), or one outlet carrying both (an update).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from ledger.published import rank as published_rank
from ledger.reconcile.facts import FigureFact
from ledger.reconcile.parties import party_key
from ledger.reconcile.populations import load
from ledger.reconcile.ranges import Plausible, Range, compared


@dataclass(slots=True)
class Account:
    """One party's figure for one population, with the facts that state it (all agreeing).

    ``facts`` are in publication order (:func:`fact_order`): :func:`chains` adds them in that order, and
    an account made from facts directly is given them so.
    ``first_day``/``last_day`` are the days of its first and last report, kept up to date as facts are
    added; what else is derived from the facts (names, claims, outlets, ...) is worked out once and
    remembered until the next :meth:`add`: the checks ask for it again for every link, side and conflict.
    """

    party: str
    population: str
    range: Range
    facts: list[FigureFact] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    stated: list[Range] = field(default_factory=list)
    # The source names of the party's whole chain when this is its latest account (set by ``chains``): a
    # side stands for the party, every name it spoke through ("US Central Command" within the Pentagon's)
    earlier: tuple[str, ...] = ()
    # Without facts yet, any report's day is both the first and the last.
    first_day: date = field(init=False, repr=False, default=date.max)
    last_day: date = field(init=False, repr=False, default=date.min)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.facts:
            days = [day_of(f.said or f.published) for f in self.facts]
            self.first_day, self.last_day = min(days), max(days)

    def add(self, fact: FigureFact, found: Range, note: str | None) -> None:
        day = day_of(fact.said or fact.published)
        if day < self.first_day:
            self.first_day = day
        if day > self.last_day:
            self.last_day = day
        self.facts.append(fact)
        self.stated.append(found)
        self.range = self.range & found
        self._cache.clear()
        if note and note not in self.notes:
            self.notes.append(note)

    @property
    def names(self) -> tuple[str, ...]:
        """The source names of this party, in the order their facts were published."""
        found = self._cache.get("names")
        if found is None:
            found = self._cache["names"] = tuple(dict.fromkeys(f.source_name for f in self.facts))
        return found

    @property
    def party_names(self) -> tuple[str, ...]:
        """:attr:`names`, then the names of the party's earlier accounts: who a side stands for."""
        return tuple(dict.fromkeys(self.names + self.earlier)) if self.earlier else self.names

    @property
    def claims(self) -> tuple[Any, ...]:
        found = self._cache.get("claims")
        if found is None:
            found = self._cache["claims"] = tuple(sorted({f.claim_id for f in self.facts}, key=id_key))
        return found

    @property
    def speakers(self) -> tuple[tuple[str, str], ...]:
        """(source name, source type) of its facts in publication order (:func:`fact_order`, not the order
        claims were stored), each name once (its first fact's type)."""
        found = self._cache.get("speakers")
        if found is None:
            kinds: dict[str, str] = {}
            for fact in sorted(self.facts, key=fact_order):
                kinds.setdefault(fact.source_name, fact.source_type or "other")
            found = self._cache["speakers"] = tuple(kinds.items())
        return found

    @property
    def outlets(self) -> frozenset[str]:
        found = self._cache.get("outlets")
        if found is None:
            found = self._cache["outlets"] = frozenset(f.via or f.outlet or "" for f in self.facts)
        return found

    @property
    def latest(self) -> FigureFact:
        found = self._cache.get("latest")
        if found is None:
            found = self._cache["latest"] = max(self.facts, key=fact_order)
        return found

    @property
    def types(self) -> tuple[str, ...]:
        found = self._cache.get("types")
        if found is None:
            found = self._cache["types"] = tuple(dict.fromkeys(f.source_type or "other" for f in self.facts))
        return found


def party_of(fact: FigureFact) -> str:
    """The party key: the one the event settled (``FigureFact.party``), else the organisation a person
    speaks for, else the organisation the source's name stands for ("health ministry officials"), else the
    source itself (:func:`ledger.reconcile.parties.party_key`)."""
    return fact.party or party_key(fact.source_affiliation or fact.source_name) or fact.source_name


def id_key(value: Any) -> tuple:
    """Claim and figure ids sort as numbers when they are numbers, else as text."""
    return (0, value, "") if isinstance(value, (int, float)) else (1, 0, str(value))


def day_of(published: date | datetime | None) -> date:
    if published is None:
        return date.min
    return published.date() if isinstance(published, datetime) else published


def fact_order(fact: FigureFact) -> tuple:
    """Publication order (or the day the source said it, when its article dates that: ``FigureFact.said``),
    the same whatever order the articles arrived in: the date (and time when known;
    an article dated by month or year only by its first day, and before the days of that month or year),
    then, for accounts of one moment, the article's text hash, the claim's place in the article, the
    figure's place in the claim and its metric. Row ids come last, for facts made without an article."""
    moment = fact.said or fact.published
    if isinstance(moment, datetime):
        stamp = (moment.date(), published_rank(fact.published_precision or "day"),
                 moment.replace(tzinfo=None).time().isoformat())
    else:
        stamp = (date.min if moment is None else moment,
                 published_rank(fact.published_precision or ("day" if moment else None)), "")
    return (stamp, fact.article_key or "", -1 if fact.claim_start is None else fact.claim_start,
            -1 if fact.figure_start is None else fact.figure_start, fact.metric or "",
            id_key(fact.claim_id), id_key(fact.figure_id))


def chains(facts: list[FigureFact], population_of: dict[int, str],
           plausible: Plausible | None = None) -> dict[tuple[str, str], list[Account]]:
    """Every party's chain of accounts per population, oldest account first."""
    grouped: dict[tuple[str, str], list[FigureFact]] = {}
    for fact in facts:
        grouped.setdefault((party_of(fact), population_of[id(fact)]), []).append(fact)
    found = {key: _chain(key, group, plausible) for key, group in sorted(grouped.items())}
    for chain in found.values():
        if len(chain) > 1:
            chain[-1].earlier = tuple(dict.fromkeys(n for a in chain[:-1] for n in a.names))
    return found


def _chain(key: tuple[str, str], facts: list[FigureFact], plausible: Plausible | None) -> list[Account]:
    chain: list[Account] = []
    for fact in sorted(facts, key=fact_order):
        found, note = compared(fact, plausible)
        account = _joined(chain, fact, found)
        if account is None:
            account = Account(key[0], key[1], found)
            chain.append(account)
        account.add(fact, found, note)
    # By last day, then by first report: the accounts were started in publication order, so a stable
    # sort on the last day keeps accounts of one last day in the order of their first reports.
    return _precise_last(_toll_last(sorted(chain, key=lambda a: a.last_day)))


def _toll_last(chain: list[Account]) -> list[Account]:
    """The chain with the party's toll as its latest account when its last article gives several: "two
    militiamen died of their wounds; the number of fatalities jumps to nine" is one statement of nine dead
    (the two are among them), whichever figure the article states last. The account of the largest count
    reported on the last day in the latest account's article goes last, when it lies wholly above it."""
    if len(chain) < 2 or chain[-1].latest.article_id is None:
        return chain
    last = chain[-1]
    article = last.latest.article_id
    tied = [a for a in chain[:-1] if a.last_day == last.last_day and any(f.article_id == article for f in a.facts)]
    if not tied:
        return chain
    top = max(tied, key=lambda a: a.range.lo)
    if top.range.lo <= last.range.hi:
        return chain
    return [a for a in chain if a is not top] + [top]


def _precise_last(chain: list[Account]) -> list[Account]:
    """The chain with the more precise of two versions of the party's latest statement last: when its last
    two accounts are a transmission difference (two outlets carrying different figures at one moment) and
    the older is narrower ("82 killed, according to the rebels" beside another outlet's "rebels said more
    than 100"), the narrower is the one compared with other parties. A paraphrase rounds a figure; it does
    not invent precision. The transmission finding still shows both."""
    if len(chain) < 2:
        return chain
    older, newer = chain[-2], chain[-1]
    if older.range.width >= newer.range.width or link_kind(older, newer) != "transmission":
        return chain
    return [*chain[:-2], newer, older]


def _joined(chain: list[Account], fact: FigureFact, found: Range) -> Account | None:
    """The account a figure joins: the newest that already states it (a repeat), else the newest it
    agrees with unless it raises that account's floor on a later day; None: it starts a new account."""
    for account in reversed(chain):
        if found in account.stated:
            return account
    for account in reversed(chain):
        if account.range.meets(found) and not _rose(account, fact, found):
            return account
    return None


def _rose(account: Account, fact: FigureFact, found: Range) -> bool:
    """True when an agreeing figure raises the account's floor on a later day: the toll rose."""
    return found.lo > account.range.lo and day_of(fact.said or fact.published) > account.first_day


@lru_cache(maxsize=1)
def window() -> timedelta:
    return timedelta(days=load("sources.json")["window_days"])


def link_kind(older: Account, newer: Account) -> str:
    """ "revision" or "transmission" for two successive accounts of one party (see the module docstring)."""
    if older.range.meets(newer.range):
        return "revision"
    span = max(older.last_day, newer.last_day) - min(older.first_day, newer.first_day)
    if span <= window() and not (older.outlets & newer.outlets):
        return "transmission"
    return "revision"
