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
