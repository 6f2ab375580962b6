"""The population hierarchy: which counts of the dead can be compared, and how.

``ledger/vocab/populations.json`` says who is part of whom: children, and personnel (the staff of a hospital or
an aid group), within civilians within people; fighters, soldiers and police within combatants within people.
Two figures compare

- as equals when they count the same population (5 fighters vs 4 fighters: cannot both be exact);
- as part and whole when one population is within the other: the part's lower bound carries up (5 children
  killed means at least 5 people) but the whole says nothing exact about the part;
- not at all numerically when the populations are disjoint (fighters vs children): the accounts then differ
  in who was hit, a discrepancy, not a contradiction.

Populations outside the hierarchy (facilities, trucks) compare only with themselves.
"""
from __future__ import annotations

from functools import lru_cache

from ledger.text.data import load


def general() -> str:
    """The population of a figure that names none ("the death toll was 19"): "people"."""
    return load("populations.json")["general"]


@lru_cache(maxsize=1024)
def normalise(population: str | None) -> str:
    """The hierarchy's name for a population word: None -> "people", "militiamen" -> "fighters".

    Cached (bounded): a ledger uses a few population words, each read for every figure several times.

    >>> normalise("Militia fighters"), normalise(None), normalise("trucks")
    ('fighters', 'people', 'trucks')
    """
    if population is None or not population.strip():
        return general()
    word = " ".join(population.lower().split())
    data = load("populations.json")
    if word in data["parents"]:
        return word
    return data["synonyms"].get(word, word)


def names() -> tuple[str, ...]:
    """The hierarchy's populations, wholes first as the data lists them: people, civilians, children..."""
    return tuple(load("populations.json")["parents"])


def known(population: str) -> bool:
    """True for a population of the hierarchy (people and its parts)."""
    return population in load("populations.json")["parents"]


def distinct(population: str) -> bool:
    """True for a population of the hierarchy that sets its accounts apart from its siblings' (fighters
    from civilians); False for one that cuts across them ("overlapping": commanders, officials) and for
    one outside the hierarchy."""
    return known(population) and population not in load("populations.json")["overlapping"]


@lru_cache(maxsize=None)
def ancestors(population: str) -> tuple[str, ...]:
    """The wholes a population is part of, nearest first: fighters -> (combatants, people)."""
    parents = load("populations.json")["parents"]
    chain, current = [], parents.get(population)
    while current is not None:
        chain.append(current)
        current = parents.get(current)
    return tuple(chain)


def relation(a: str, b: str) -> str:
    """How ``a`` stands to ``b``: "same", "part" (a within b), "whole" (b within a), "overlapping" (both
    in the hierarchy, neither within the other, one of them cutting across its siblings: commanders and
    fighters), "disjoint" (both in the hierarchy, neither within the other) or "unrelated" (different
    populations outside it)."""
    if a == b:
        return "same"
    if b in ancestors(a):
        return "part"
    if a in ancestors(b):
        return "whole"
    if known(a) and known(b):
        return "disjoint" if distinct(a) and distinct(b) else "overlapping"
    return "unrelated"


def comparable(a: str, b: str) -> bool:
    """True when figures of ``a`` and ``b`` bound each other (same, part or whole)."""
    return relation(a, b) in ("same", "part", "whole")


def dominant(populations: set[str]) -> str | None:
    """The population one account's unspecified figure is read as: the most specific of its specific
    populations when they all lie on one line of the hierarchy, else None.

    Reporters write "the death toll was 19" or "19 people" for the same dead that they (or other sources)
    call fighters: a source that says "six fighters were killed" and later "six dead" gives one figure of
    fighters. When the populations named are disjoint (fighters and a child), a bare figure stays a count
    of people. Only a population that can be all of the dead is read so ("whole_candidates": beside "one
    child killed", "19 killed" is 19 civilians, not 19 children). :func:`prevailing` applies the same
    reading across the sources of an event.

    >>> dominant({"fighters", "combatants"}), dominant({"fighters", "children"}), dominant({"children"})
    ('fighters', None, 'civilians')
    """
    return _dominant(frozenset(populations))


@lru_cache(maxsize=1024)
def _dominant(populations: frozenset[str]) -> str | None:
    """:func:`dominant`, remembered per set of populations (bounded): it is asked for every bare toll and
    every party of every event, about the same few sets."""
    specific = sorted(p for p in populations if distinct(p) and p != general())
    if not specific:
        return None
    deepest = max(specific, key=lambda p: len(ancestors(p)))
    if not all(p == deepest or p in ancestors(deepest) for p in specific):
        return None
    wholes = load("populations.json")["whole_candidates"]
    found = next((p for p in (deepest, *ancestors(deepest)) if p in wholes), None)
    return None if found == general() else found


def prevailing(named: dict[str, set[str]], dissent: dict[str, set[str]]) -> str | None:
    """The population a bare toll of this event and metric is read as when its source names none, or None.

    ``named`` holds, per party, the specific populations it gives figures for in this metric; ``dissent``
    the same over all the event's casualty metrics (who was hit is a property of the event). A candidate
    is the :func:`dominant` population of some party; it is **supported** by the parties whose populations
    all lie on its line of the hierarchy, and **disputed** by the parties naming a population disjoint
    from it anywhere in the event. The most supported candidate (the more specific on a tie) prevails when
    its supporters are at least ``dominance_ratio`` (3) times its disputers. Dominance by sources, not
    unanimity: one outlet's aside about a "civilian contractor" beside five accounts of fighters does not
    turn "the death toll at 19" into 19 people; a monitor and a militia naming fighters against a state
    agency naming a child do not make a hospital's "14 people" fighters.

    >>> prevailing({"Monitor": {"fighters"}, "Militia": {"fighters"}, "Army": {"combatants"}},
    ...            {"Wire": {"civilians"}})
    'fighters'
    >>> prevailing({"Monitor": {"fighters"}, "Militia": {"fighters"}}, {"Agency": {"children"}}) is None
    True
    """
    ratio = load("populations.json")["dominance_ratio"]
    candidates = {line for pops in named.values() if (line := dominant(pops)) is not None}
    best, best_key = None, None
    for line in candidates:
        support = sum(1 for pops in named.values() if pops and all(comparable(p, line) for p in pops))
        disputed = sum(1 for pops in dissent.values() if any(relation(p, line) == "disjoint" for p in pops))
        key = (support, len(ancestors(line)))
        if support >= ratio * disputed and (best_key is None or key > best_key):
            best, best_key = line, key
    return best


def noun(population: str | None, count: int | None) -> str:
    """The population word for a count: 1 -> "fighter", else "fighters"."""
    if population is None:
        return ""
    if count == 1:
        data = load("populations.json")
        return data["singular"].get(population) or data["units"].get(population, population)
    return population
