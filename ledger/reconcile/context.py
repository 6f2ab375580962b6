"""What the checks of one event and metric look at: the facts, read once.

For each event and metric the reconciler works out:

- the population each figure is compared as: its own, normalised ("militiamen" -> fighters); a figure with
  no population ("the death toll was 19", "19 people") is read as the event's **dominant population** when
  every account that says who was hit names one line of the hierarchy (all fighters: 19 is 19 fighters),
  and as "people" otherwise (fighters and a child: 19 stays 19 people). This is how annotators and readers
  treat a bare toll beside accounts that all count militiamen: the same dead, described differently;
- each party's chain of accounts (``accounts.chains``) and its latest account;
- the parties that declined to give a figure (``no_figure`` facts).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ledger.reconcile import populations
from ledger.reconcile.accounts import Account, chains
from ledger.reconcile.facts import FigureFact
from ledger.reconcile.ranges import Plausible


@dataclass(slots=True)
class Context:
    """One event and metric, as the checks see it."""

    event_id: Any
    metric: str | None
    facts: list[FigureFact]
    silent: list[FigureFact]
    population_of: dict[int, str] = field(default_factory=dict)
    dominant: str | None = None
    chains: dict[tuple[str, str], list[Account]] = field(default_factory=dict)

    @property
    def current(self) -> list[Account]:
        """The latest account of every party and population."""
        return [chain[-1] for chain in self.chains.values()]


def build(event_id: Any, metric: str | None, facts: list[FigureFact], silent: list[FigureFact],
          plausible: Plausible | None = None) -> Context:
    """The context of one event and metric (``facts`` with figures, ``silent`` the no-figure facts)."""
    context = Context(event_id, metric, facts, silent)
    casualty = metric in populations.load("sources.json")["casualty_metrics"]
    own = {id(f): _population(f.population, casualty) for f in facts}
    context.dominant = populations.dominant(set(own.values())) if casualty else None
    general = populations.general()
    context.population_of = {key: (context.dominant if p == general and context.dominant else p)
                             for key, p in own.items()}
    context.chains = chains(facts, context.population_of, plausible)
    return context


def _population(word: str | None, casualty: bool) -> str:
    """A casualty figure without population counts people; any other figure without one ("3 targets")
    counts an unspecified thing, comparable only with other unspecified counts of the same metric."""
    if word is None and not casualty:
        return "unspecified"
    return populations.normalise(word)
