"""The reconciler: where accounts of one event disagree, and what they add up to.

Pure functions over plain values: :func:`reconcile` takes :class:`FigureFact` values (every figure of every
claim the caller did not reject) and returns :class:`Conflict` findings, one event and metric at a time,
through the ordered checks of :mod:`ledger.reconcile.checks` (``SEVERITY_LEVELS`` documents each level);
:func:`estimate` returns low / best / high figures with the rule behind each. Both take ``as_of`` to
reproduce what was known on a date. Findings are values: nothing is raised for a disagreement.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any, Iterable, Iterator

from ledger.published import known_by
from ledger.reconcile.accounts import id_key, party_of
from ledger.reconcile.checks import CHECKS, SEVERITY_LEVELS
from ledger.reconcile.context import Context, build, named_by_party
from ledger.reconcile.estimate import estimates_of
from ledger.reconcile.parties import merged_parties, relays
from ledger.reconcile.facts import Bound, Conflict, Estimate, FigureFact, Total
from ledger.reconcile.populations import load
from ledger.reconcile.ranges import Plausible
from ledger.reconcile.totals import totals

__all__ = ["Bound", "Conflict", "Estimate", "FigureFact", "SEVERITY_LEVELS", "DISAGREEMENTS", "Total", "estimate",
           "findings", "place_scopes", "reconcile", "totals"]

DISAGREEMENTS = ("contradiction", "discrepancy", "undisclosed")  # between sources; the rest concern one source
_RANK = {severity: n for n, severity in enumerate(SEVERITY_LEVELS)}


def reconcile(facts: Iterable[FigureFact], as_of: date | datetime | None = None,
              plausible: Plausible | None = None) -> list[Conflict]:
    """Every finding of every check, for every event and metric of ``facts``, in a stable order.

    Facts of no event are ignored (they are about no specific event); with ``as_of`` only facts published
    on or before that day count (a fact without a publication date then does not). ``plausible`` replaces
    the extractor's plausible range of vague amounts (for tests).
    """
    found: list[Conflict] = []
    for context in contexts(facts, as_of, plausible):
        for check in CHECKS:
            found.extend(check(context))
    return sorted(found, key=_order)


def findings(facts: Iterable[FigureFact], as_of: date | datetime | None = None,
             plausible: Plausible | None = None) -> tuple[list[Conflict], list[Estimate]]:
    """:func:`reconcile` and :func:`estimate` of the same facts in one pass over their contexts (a refresh
    stores both)."""
    conflicts: list[Conflict] = []
    estimates: list[Estimate] = []
    for context in contexts(facts, as_of, plausible):
        for check in CHECKS:
            conflicts.extend(check(context))
        if context.scope is None:  # a toll of the wider conflict is no estimate of the event
            estimates.extend(estimates_of(context))
    return sorted(conflicts, key=_order), sorted(estimates, key=_estimate_order)


def estimate(facts: Iterable[FigureFact], as_of: date | datetime | None = None,
             plausible: Plausible | None = None) -> list[Estimate]:
    """Low / best / high per event, metric and population (see :mod:`ledger.reconcile.estimate`)."""
    found: list[Estimate] = []
    for context in contexts(facts, as_of, plausible):
        if context.scope is None:  # a toll of the wider conflict is no estimate of the event
            found.extend(estimates_of(context))
    return sorted(found, key=_estimate_order)


def contexts(facts: Iterable[FigureFact], as_of: date | datetime | None = None,
             plausible: Plausible | None = None) -> Iterator[Context]:
    """One :class:`Context` per event and metric that has figures, in event then metric order.

    A no-figure fact without a metric ("gave no casualty figures") counts for every casualty metric of
    its event that other sources gave figures for. An event of several places, or with figures counted
    over a wider conflict, has one context per scope its figures count in (:func:`place_scopes`), the
    no-figure facts going with the whole event's. Each context is built when it is asked for, so that
    the accounts of one are gone before the next is built (fewer live objects for the garbage collector
    to walk).
    """
    groups: dict[tuple[Any, str | None], list[FigureFact]] = {}
    silent: dict[tuple[Any, str | None], list[FigureFact]] = {}
    for fact in _with_event_parties(f for f in facts if f.event_id is not None
                                    and (as_of is None or _known_by(f, as_of))):
        target = silent if fact.no_figure else groups
        target.setdefault((fact.event_id, fact.metric), []).append(fact)
    casualty = load("sources.json")["casualty_metrics"]
    named = {key: named_by_party(facts) for key, facts in groups.items() if key[1] in casualty}
    dissent = _named_in_event(named)
    apart = _places_apart(groups)
    for key in sorted(groups, key=lambda k: (id_key(k[0]), k[1] or "")):
        quiet = list(silent.get(key, []))
        if key[1] in casualty:
            quiet += silent.get((key[0], None), [])
        scopes = place_scopes(groups[key], apart.get(key[0], frozenset()))
        if len(scopes) == 1 and EVENT in scopes:
            yield build(key[0], key[1], groups[key], quiet, plausible, dissent.get(key[0], {}), named.get(key))
            continue
        for scope in sorted(scopes, key=lambda s: tuple((p is not None, p or "") for p in s)):  # the event first
            context = build(key[0], key[1], scopes[scope], quiet if scope == EVENT else [], plausible,
                            dissent.get(key[0], {}))
            context.scope = scope[0]
            yield context


def _with_event_parties(facts: Iterable[FigureFact]) -> list[FigureFact]:
    """The facts, each whose party one event names in a longer form too ("health ministry" beside "Yemeni
    health ministry") given that form as its ``party`` (:func:`ledger.reconcile.parties.merged_parties`),
    and each of an outlet's figures that relays a party's in its article given that party
    (:func:`ledger.reconcile.parties.relays`)."""
    facts = list(facts)
    keys: dict[Any, set[str]] = {}
    for fact in facts:
        keys.setdefault(fact.event_id, set()).add(party_of(fact))
    merged = {event_id: found for event_id, parties in keys.items() if (found := merged_parties(parties))}

    def settled(fact: FigureFact) -> str:
        key = party_of(fact)
        return merged.get(fact.event_id, {}).get(key, key)

    relayed = relays(facts, settled)
    if not merged and not relayed:
        return facts
    out = []
    for fact in facts:
        party = relayed.get(id(fact)) or merged.get(fact.event_id, {}).get(party_of(fact))
        out.append(fact if party is None else replace(fact, party=party))
    return out


EVENT = (None, None)  # the scope of a figure of the whole event: no wider period, no one place of several


def place_scopes(facts: list[FigureFact], apart: frozenset[str]) -> dict[tuple[str | None, str | None], list[FigureFact]]:
    """The facts of one event and metric by the scope they count in, as (wider scope, place) keys.

    A figure counted over a wider period or conflict than the event (``FigureFact.scope``: "at least 2,000
    killed since the start of the war" beside "300 killed in the strike") is compared only with figures of
    the same wider scope, wherever they count. When the event has several places, a figure for one of
    them ("12 killed in Varn") is compared only with figures for the same place, a figure for the whole
    event (``EVENT``: "31 killed in the strikes") with those for the whole event. An event has several
    places when a claim of it names them apart ("hit Varn and Tarvia"; ``apart``); a place named
    otherwise ("near Albu Kamal" of a one-place event) scopes nothing.

    >>> twelve = FigureFact(claim_id=1, event_id=1, source_name="A", metric="killed", low=12, place="Varn")
    >>> nineteen = FigureFact(claim_id=2, event_id=1, source_name="B", metric="killed", low=19, place="Tarvia")
    >>> war = FigureFact(claim_id=3, event_id=1, source_name="C", metric="killed", low=2000, scope="campaign")
    >>> sorted(place_scopes([twelve, nineteen, war], frozenset({"Varn", "Tarvia"})), key=str)
    [('campaign', None), (None, 'Tarvia'), (None, 'Varn')]
    """
    scopes: dict[tuple[str | None, str | None], list[FigureFact]] = {}
    for fact in facts:
        key = (fact.scope, None) if fact.scope is not None else (None, fact.place if fact.place in apart else None)
        scopes.setdefault(key, []).append(fact)
    return scopes or {EVENT: []}


def _places_apart(groups: dict[tuple[Any, str | None], list[FigureFact]]) -> dict[Any, frozenset[str]]:
    """Per event, the places some claim of it names as separate places (``FigureFact.places_apart``)."""
    found: dict[Any, set[str]] = {}
    for (event_id, _metric), facts in groups.items():
        for fact in facts:
            if fact.places_apart:
                found.setdefault(event_id, set()).update(fact.places_apart)
    return {event_id: frozenset(places) for event_id, places in found.items()}


def _named_in_event(named: dict[tuple[Any, str | None], dict[str, set[str]]]) -> dict[Any, dict[str, set[str]]]:
    """Per event, per party, the populations named in any casualty metric (who was hit, event-wide), from
    :func:`named_by_party` of each casualty metric's facts."""
    found: dict[Any, dict[str, set[str]]] = {}
    for (event_id, _metric), by_party in named.items():
        event = found.setdefault(event_id, {})
        for party, populations in by_party.items():
            event.setdefault(party, set()).update(populations)
    return found


def _estimate_order(e: Estimate) -> tuple:
    return id_key(e.event_id), e.metric or "", e.population or ""


def _known_by(fact: FigureFact, as_of: date | datetime | None) -> bool:
    """Whether the fact was published by ``as_of``: an article dated by month or year only once that
    month or year is over."""
    if as_of is None:
        return True
    if fact.published is None:
        return False
    return known_by(fact.published_precision, fact.published, as_of)


def _order(c: Conflict) -> tuple:
    """Event, metric, severity (in ``SEVERITY_LEVELS`` order), population, then the widest finding first."""
    return (id_key(c.event_id), c.metric or "", _RANK.get(c.severity, len(_RANK)), c.population or "",
            -len(c.sources), c.sides, c.summary)
