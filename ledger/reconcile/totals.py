"""An event's total killed and wounded, with its breakdown by who was hit (UCDP GED's best / low / high).

The estimates give low / best / high per population (``ledger.reconcile.estimate``). A total adds them up
along the population hierarchy (``data/populations.json``), one bound at a time:

- a population counts as the larger of its own figure and the sum of its parts' counts: 1 child and 2
  civilians killed are 2 civilians (the child may be one of them); 3 children and 2 civilians are 3;
- the parts of one whole are added (fighters and soldiers, civilians and combatants are counted apart);
- populations outside the hierarchy count as people of unknown status.

The breakdown of ``best`` (``ledger/vocab/totals.json``): ``civilians``; ``combatants_state`` (soldiers and
police); ``combatants_nonstate`` (fighters); ``combatants_unknown``, what a count of combatants adds
beyond both; ``unknown``, what a count of people adds beyond every group. A group no source gave a figure
for is None, never zero: silence is not a count. The groups that are not None add up to ``best``.

Example: Monitor "7 fighters killed", State media "2 civilians, among them a child", Medics "14 dead":
civilians 2, combatants_nonstate 7, unknown 5 (14 - 9), best 14.
"""
from __future__ import annotations

from typing import Any, Iterable

from ledger.reconcile.accounts import id_key
from ledger.reconcile.facts import Estimate, Total
from ledger.reconcile.populations import general, known, load

BOUNDS = ("low", "best", "high")
RULE = ("each population counts as the larger of its own figure and the sum of its parts' (children within "
        "civilians within people), parts of one whole added; low, best and high added up separately "
        "(UCDP GED: best, low, high)")


def totals(estimates: Iterable[Estimate]) -> list[Total]:
    """One total per event and metric of ``ledger/vocab/totals.json`` that has estimates, in event then metric
    order."""
    metrics = load("totals.json")["metrics"]
    grouped: dict[tuple[Any, str], list[Estimate]] = {}
    for estimate in estimates:
        if estimate.metric in metrics:
            grouped.setdefault((estimate.event_id, estimate.metric), []).append(estimate)
    found = []
    for (event_id, metric), group in sorted(grouped.items(), key=lambda kv: (id_key(kv[0][0]), kv[0][1])):
        counts = {bound: _counts({e.population or general(): getattr(e, bound).value for e in group})
                  for bound in BOUNDS}
        claims = sorted({c for e in group for bound in BOUNDS for c in getattr(e, bound).claims}, key=id_key)
        found.append(Total(event_id, metric, *(counts[b][general()] for b in BOUNDS),
                           breakdown=breakdown(counts["best"], {e.population for e in group}),
                           claims=tuple(claims), rule=RULE))
    return found


def _counts(values: dict[str, int | None]) -> dict[str, int | None]:
    """Every population of the hierarchy counted with its parts (None: no figure for it or its parts);
    populations outside the hierarchy count as parts of people."""
    parents = load("populations.json")["parents"]
    children: dict[str, list[str]] = {}
    for population, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(population)
    children.setdefault(general(), []).extend(p for p in values if not known(p))
    counts: dict[str, int | None] = {}

    def count(population: str) -> int | None:
        parts = [n for n in (count(c) for c in children.get(population, [])) if n is not None]
        own = values.get(population)
        candidates = [n for n in (own, sum(parts) if parts else None) if n is not None]
        counts[population] = max(candidates) if candidates else None
        return counts[population]

    count(general())
    return counts


def breakdown(counts: dict[str, int | None], named: set[str]) -> tuple[tuple[str, int | None], ...]:
    """The groups of ``ledger/vocab/totals.json`` from the best counts; the two remainders only when a source
    gave a figure at their level (combatants; people, or a population outside the hierarchy)."""
    config = load("totals.json")
    groups = {name: _sum(counts.get(p) for p in populations) for name, populations in config["groups"].items()}
    combatants = counts.get(config["combatants"])
    state, nonstate = groups["combatants_state"], groups["combatants_nonstate"]
    beyond = None
    if config["combatants"] in named and combatants is not None:
        beyond = combatants - (state or 0) - (nonstate or 0)
    unknown = None
    if general() in named or any(not known(p) for p in named):
        total = counts.get(general()) or 0
        unknown = total - (groups["civilians"] or 0) - (combatants or 0)
    return (("civilians", groups["civilians"]), ("combatants_state", state), ("combatants_nonstate", nonstate),
            ("combatants_unknown", beyond), ("unknown", unknown))


def _sum(values: Iterable[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None
