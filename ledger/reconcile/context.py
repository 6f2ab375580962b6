"""What the checks of one event and metric look at: the facts, read once.

For each event and metric the reconciler works out:

- the population each figure is compared as: its own, normalised ("militiamen" -> fighters). A figure with
  no population ("the death toll was 19", "six dead") is read, in order:

  1. as the population its own source names in this metric, when that is one line of the hierarchy (the
     monitor's "six fighters were killed" and its "at least six dead" are one account of fighters); when
     it names disjoint ones, the one most of its figures name, three to one (six counts of militiamen and
     an aside on unconfirmed civilian deaths), else the event's prevailing population (below) if it
     names that too;
  2. else, for a source naming no population, as the event's **prevailing population**
     (:func:`populations.prevailing`): the one most sources name, when they outnumber those naming a
     disjoint population anywhere in the event by ``dominance_ratio`` (3) to one. Reporters and medics
     write "19 killed" for the dead every party calls militiamen; a stray outlet aside about a civilian
     contractor does not change that, a real dispute about who was hit does;
  3. else as "people";
- each party's chain of accounts (``accounts.chains``) and its latest account;
- the parties that declined to give a figure (``no_figure`` facts).

Example: Monitor "6 fighters", Militia "3 fighters", Army "combatants", Medics "19 killed": the medics'
19 is compared as 19 fighters. Add a state agency's "a child killed" and the medics' 19 still reads as
fighters (three sources to one); with only the monitor against the agency it stays 19 people.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ledger.reconcile import populations
from ledger.reconcile.accounts import Account, chains, party_of
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
    scope: str | None = None  # the wider period or conflict its figures count over; None: the event

    @property
    def current(self) -> list[Account]:
        """The latest account of every party and population."""
        return [chain[-1] for chain in self.chains.values()]


def build(event_id: Any, metric: str | None, facts: list[FigureFact], silent: list[FigureFact],
          plausible: Plausible | None = None, dissent: dict[str, set[str]] | None = None,
          named: dict[str, set[str]] | None = None) -> Context:
    """The context of one event and metric (``facts`` with figures, ``silent`` the no-figure facts).
    ``dissent``: per party, the specific populations it names in any casualty metric of the event
    (:func:`named_by_party` over all the event's facts); this metric's own when not given. ``named``:
    :func:`named_by_party` of ``facts`` when the caller has it already."""
    context = Context(event_id, metric, facts, silent)
    casualty = metric in populations.load("sources.json")["casualty_metrics"]
    own = {id(f): _population(f.population, casualty) for f in facts}
    if casualty:
        if named is None:
            named = named_by_party(facts)
        context.dominant = populations.prevailing(named, named if dissent is None else dissent)
        general = populations.general()
        by_party, otherwise = _bare_readings(named, context.dominant, _named_counts(facts))
        context.population_of = {}
        for fact in facts:
            population = own[id(fact)]
            if population == general:
                population = by_party.get(party_of(fact), otherwise)
            context.population_of[id(fact)] = population
    else:
        context.population_of = own
    context.chains = chains(facts, context.population_of, plausible)
    return context


def named_by_party(facts: list[FigureFact]) -> dict[str, set[str]]:
    """Per party, the specific populations (distinct ones of the hierarchy, not "people") its figures name."""
    general = populations.general()
    found: dict[str, set[str]] = {}
    for fact in facts:
        population = populations.normalise(fact.population)
        if fact.no_figure or population == general or not populations.distinct(population):
            continue
        found.setdefault(party_of(fact), set()).add(population)
    return found


def _named_counts(facts: list[FigureFact]) -> dict[str, Counter]:
    """Per party, how many of its figures name each specific population."""
    found: dict[str, Counter] = {}
    general = populations.general()
    for fact in facts:
        population = populations.normalise(fact.population)
        if not fact.no_figure and population != general and populations.distinct(population):
            found.setdefault(party_of(fact), Counter())[population] += 1
    return found


def _bare_readings(named: dict[str, set[str]], prevailing: str | None,
                   counts: dict[str, Counter] | None = None) -> tuple[dict[str, str], str]:
    """What a bare toll ("19 killed") is read as (see the module doc): per party naming populations, its
    own dominant one; for a party naming disjoint ones, the one most of its figures name when they
    outnumber its figures naming others by ``dominance_ratio`` to one (a monitor's six counts of militiamen
    and an aside on unconfirmed civilian deaths: its "nine killed" counts militiamen), else the prevailing
    population when it names that too, else people; for a party naming none, the prevailing population
    (else people)."""
    general = populations.general()
    ratio = populations.load("populations.json")["dominance_ratio"]
    readings = {}
    for party, own in named.items():
        reading = populations.dominant(own)
        tally = (counts or {}).get(party)
        if reading is None and tally:
            top, top_count = max(tally.items(), key=lambda item: (item[1], item[0]))
            others = sum(n for p, n in tally.items() if populations.relation(p, top) == "disjoint")
            if top_count >= ratio * others:
                reading = populations.dominant({top})
        if reading is None and prevailing is not None and any(p == prevailing or prevailing in
                                                             populations.ancestors(p) for p in own):
            reading = prevailing
        readings[party] = reading or general
    return readings, prevailing or general


def _population(word: str | None, casualty: bool) -> str:
    """A casualty figure without population counts people; any other figure without one ("3 targets")
    counts an unspecified thing, comparable only with other unspecified counts of the same metric."""
    if word is None and not casualty:
        return "unspecified"
    return populations.normalise(word)
