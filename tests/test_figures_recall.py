"""Figures an analyst logs that the extractor used to miss or label by class name (issue 14).

Invented places and people; each test names the class of language it covers.
"""
from __future__ import annotations

import pytest

from ledger.reading.figures.figures import find_figures


def figures(text: str) -> list[tuple]:
    return [(f.metric, f.population, f.low, f.high, f.span.text) for f in find_figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("Rockets hit one base in Varn and two bases near Tolsk.",
     [("targets", "bases", 3, 3, "one base in Varn and two bases near Tolsk")]),
    ("The drones struck a depot and three checkpoints outside Molva.",
     [("targets", "checkpoints", 3, 3, "three checkpoints")]),
    ("The army said it destroyed four armoured vehicles.", [("targets", "vehicles", 4, 4, "four armoured vehicles")]),
    ("Orsk fired 12 mortar shells at the town.", [("other", "shells", 12, 12, "12 mortar shells")]),
    ("Two helicopters and six fighter jets took part.",
     [("other", "helicopters", 2, 2, "Two helicopters"), ("other", "jets", 6, 6, "six fighter jets")]),
])
def test_figures_recall_objects_are_counted_by_their_own_plural_noun(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Korvan troops came under rocket fire on Monday, but escaped injury.",
     [("wounded", "soldiers", 0, 0, "escaped injury")]),
    ("Korvan forces were attacked by rockets. There were no injuries and damage is being assessed.",
     [("wounded", "soldiers", 0, 0, "no injuries")]),
    ("Officials said there were no injuries to Tarvian soldiers from the attack.",
     [("wounded", "soldiers", 0, 0, "no injuries")]),
    ("We suffered no casualties, all of our soldiers are safe.",
     [("killed", "soldiers", 0, 0, "no casualties"), ("wounded", "soldiers", 0, 0, "no casualties")]),
])
def test_figures_recall_a_zero_is_about_the_people_its_context_names(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "Police said there were no casualties.",
    "Militants have attacked the base; there were no deaths or injuries, the army said.",
])
def test_figures_recall_a_zero_is_not_about_who_speaks_or_attacks(text):
    assert {population for _, population, *_ in figures(text)} == {"people"}
