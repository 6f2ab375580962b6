"""The reconciler's values: the figure facts it reads, the conflicts and estimates it returns.

All plain frozen dataclasses: the caller (``ledger.conflicts``) builds facts from the database and stores
the findings; the reconciler never touches either.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ledger.text.fast_init import fast_init


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureFact:
    """One figure of one claim, with what the reconciler needs to know about its source and its article.

    ``low``/``high`` are the stored bounds (None = unbounded); ``vague`` amounts ("several dozen") are
    compared through their plausible range, never changed. ``no_figure`` marks a source declining to give
    a number. ``source_affiliation`` is the organisation a person speaks for ("John Kirby" for the "US
    Department of Defense"): his figures and the organisation's are one party's account.
    ``source_reliability`` is an optional A-F grade. ``published`` is the article's date (its first day
    when ``published_precision`` is ``month`` or ``year``: see ``ledger.published``); ``article_key`` (the
    article's text hash), ``claim_start`` and ``figure_start`` order facts of one moment the same way
    whatever order the articles arrived in (:func:`ledger.reconcile.accounts.fact_order`). ``place`` is
    the one place the figure counts in ("14 killed in Varn"; None: the whole event), ``places_apart`` the
    places its claim names as separate places of the event ("hit Varn and Tarvia"), ``scope`` the wider
    period or conflict the figure counts over ("campaign": "at least 2,000 killed since the start of the
    war" in a report of one strike; None: the event itself): see :func:`ledger.reconcile.place_scopes`.
    ``said`` is the day the source said it when the article dates the saying before its own day ("estimates
    by the mission on Thursday put the toll at 170", printed on Monday): a party's accounts are ordered by it.
    ``party`` is the party key the reconciler settled for the whole event (None: read from the names, see
    :func:`ledger.reconcile.accounts.party_of`).
    """

    claim_id: Any
    event_id: Any
    source_name: str
    metric: str | None
    figure_id: Any = 0
    source_id: Any = None
    source_type: str | None = None
    source_affiliation: str | None = None
    source_reliability: str | None = None
    article_id: Any = None
    outlet: str | None = None
    published: date | datetime | None = None
    published_precision: str | None = None
    article_key: str | None = None
    claim_start: int | None = None
    figure_start: int | None = None
    population: str | None = None
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None
    vague: bool = False
    no_figure: bool = False
    text: str | None = None
    via: str | None = None
    claim_kind: str | None = None
    place: str | None = None
    places_apart: tuple[str, ...] = ()
    scope: str | None = None
    said: date | None = None
    party: str | None = None


@fast_init  # a reconcile makes several per event
@dataclass(frozen=True, slots=True)
class Conflict:
    """A finding of the reconciler about one event and metric (see ``SEVERITY_LEVELS``).

    ``sides`` group the sources whose figures agree with each other and disagree with every other side;
    ``compatible`` sources fit more than one side. ``size`` is how far apart the sides are as a ratio (22
    vs 1 -> 22.0; None when not numeric). ``parties``/``independent`` split the sources named by whether
    they speak for a side of the event. ``chain`` is the sequence of a revising source's figures, oldest
    first; ``side_claims`` says which side each claim stands on (None: compatible).
    """

    event_id: Any
    metric: str | None
    population: str | None
    severity: str
    sources: tuple[str, ...]
    sides: tuple[tuple[str, ...], ...]
    compatible: tuple[str, ...]
    claims: tuple[Any, ...]
    summary: str
    size: float | None = None
    parties: tuple[str, ...] = ()
    independent: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    chain: tuple[dict[str, Any], ...] = ()
    side_claims: tuple[tuple[Any, int | None], ...] = field(default=(), repr=False)

    def side_of_claim(self, claim_id: Any) -> int | None:
        """The index into ``sides`` of the side this claim stands on; None when compatible or absent."""
        for claim, side in self.side_claims:
            if claim == claim_id:
                return side
        return None

    def extras(self) -> dict[str, Any]:
        """The fields beyond the export contract's: size, parties, independent, notes, chain."""
        return {"size": self.size, "parties": list(self.parties), "independent": list(self.independent),
                "notes": list(self.notes), "chain": [dict(link) for link in self.chain]}

    def contract(self) -> dict[str, Any]:
        """The export contract's conflict fields (without ``id`` and ``event``) plus :meth:`extras`."""
        return {"metric": self.metric, "population": self.population, "severity": self.severity,
                "sources": list(self.sources), "sides": [list(s) for s in self.sides],
                "compatible": list(self.compatible), "claims": list(self.claims), "summary": self.summary,
                **self.extras()}


@dataclass(frozen=True, slots=True)
class Bound:
    """One number of an estimate, the rule that produced it and the claims behind it."""

    value: int | None
    rule: str
    claims: tuple[Any, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Estimate:
    """What the accounts of one event, metric and population add up to: a conservative low, a best
    estimate and a high, each with its rule (ACLED's lowest credible figure, UCDP's best, Airwars/IBC's
    range)."""

    event_id: Any
    metric: str | None
    population: str | None
    low: Bound
    best: Bound
    high: Bound
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Total:
    """One event's total of a metric (killed, wounded), UCDP GED style: ``low``, ``best``, ``high`` and
    the breakdown of ``best`` by who was hit, as (group, count) pairs, a count None where no source gave a
    figure for the group (see :mod:`ledger.reconcile.totals`)."""

    event_id: Any
    metric: str
    low: int | None
    best: int | None
    high: int | None
    breakdown: tuple[tuple[str, int | None], ...] = ()
    claims: tuple[Any, ...] = ()
    rule: str = ""
