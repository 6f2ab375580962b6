"""Estimates: low / best / high per event, metric and population, each with its rule (ledger.reconcile)."""
from __future__ import annotations

from datetime import date

import pytest

from ledger.reconcile import FigureFact, estimate


def fact(claim, source, low, high=..., kind="monitor", day=1, population="fighters", grade=None, event=1,
         metric="killed") -> FigureFact:
    return FigureFact(claim_id=claim, event_id=event, source_name=source, source_type=kind, metric=metric,
                      population=population, low=low, high=low if high is ... else high,
                      published=date(2024, 5, day), source_reliability=grade, outlet="Wire")


FACTS = [fact(1, "Militia", 1, kind="militia"), fact(2, "Medics", 19, population=None, kind="other"),
         fact(3, "Monitor", 22), fact(4, "Locals", 17, None, population="people", kind="other")]


def test_estimate_low_is_the_lowest_figure():
    (e,) = estimate(FACTS)
    assert (e.low.value, e.low.claims, e.low.sources) == (1, (1,), ("Militia",))
    assert "ACLED" in e.low.rule


def test_estimate_high_is_the_highest_figure_an_open_one_counting_its_floor():
    (e,) = estimate(FACTS)
    assert (e.high.value, e.high.claims) == (22, (3,))
    (alone,) = estimate([fact(1, "Monitor", 30, None), fact(2, "Army", 4, kind="military")])
    assert alone.high.value == 30


def test_estimate_best_prefers_an_independent_monitor_over_parties():
    (e,) = estimate(FACTS)
    assert (e.best.value, e.best.sources) == (22, ("Monitor",))
    assert "monitor" in e.best.rule and "UCDP" in e.best.rule


def test_estimate_best_prefers_a_graded_source():
    facts = [fact(1, "Monitor", 22, grade="C"), fact(2, "Army", 4, kind="military", grade="A")]
    (e,) = estimate(facts)
    assert (e.best.value, e.best.sources) == (4, ("Army",))
    assert "grade A" in e.best.rule


def test_estimate_best_prefers_the_latest_report_among_equals():
    facts = [fact(1, "Monitor", 22, day=1), fact(2, "Other Monitor", 25, day=3)]
    (e,) = estimate(facts)
    assert e.best.sources == ("Other Monitor",)


@pytest.mark.parametrize("low, high, best", [(4, 8, 6), (None, 7, 7), (12, None, 12)])
def test_estimate_best_value_of_a_range(low, high, best):
    (e,) = estimate([fact(1, "Monitor", low, high)])
    assert e.best.value == best


def test_estimate_uses_each_source_latest_figure():
    facts = [fact(1, "Monitor", 5, day=1), fact(2, "Monitor", 9, day=3), fact(3, "Army", 7, kind="military")]
    (e,) = estimate(facts)
    assert (e.low.value, e.high.value, e.best.value) == (7, 9, 9)


def test_estimate_as_of():
    facts = [fact(1, "Monitor", 5, day=1), fact(2, "Monitor", 9, day=3)]
    (e,) = estimate(facts, as_of=date(2024, 5, 2))
    assert e.best.value == 5


def test_estimate_one_per_event_metric_and_population():
    facts = [fact(1, "Monitor", 5), fact(2, "Monitor", 2, population="children"),
             fact(3, "Monitor", 3, metric="wounded"), fact(4, "Monitor", 8, event=2)]
    keys = [(e.event_id, e.metric, e.population) for e in estimate(facts)]
    assert keys == [(1, "killed", "children"), (1, "killed", "fighters"), (1, "wounded", "fighters"),
                    (2, "killed", "fighters")]


def test_estimate_without_lower_bound():
    (e,) = estimate([fact(1, "Monitor", None, 7)])
    assert e.low.value is None and e.high.value == 7


# ---------------------------------------------------------------- totals (ledger.reconcile.totals)


def total_of(facts, metric="killed"):
    from ledger.reconcile import totals

    return next(t for t in totals(estimate(facts)) if t.metric == metric)


def test_totals_break_best_down_by_who_was_hit():
    """The module's example: 7 fighters, 2 civilians among them a child, and 14 dead in all."""
    facts = [fact(1, "Monitor", 7), fact(2, "State media", 2, population="civilians", kind="state_media"),
             fact(3, "State media", 1, population="children", kind="state_media"),
             fact(4, "Medics", 14, population="people", kind="other")]
    total = total_of(facts)
    assert (total.low, total.best, total.high) == (14, 14, 14)
    assert dict(total.breakdown) == {"civilians": 2, "combatants_state": None, "combatants_nonstate": 7,
                                     "combatants_unknown": None, "unknown": 5}
    assert total.claims == (1, 2, 3, 4) and "UCDP" in total.rule


def test_totals_add_disjoint_groups_and_leave_silent_groups_empty():
    facts = [fact(1, "Monitor", 6, None), fact(2, "Militia", 2, kind="militia"),
             fact(3, "Army", 3, population="soldiers", kind="military")]
    total = total_of(facts)
    assert (total.low, total.best, total.high) == (5, 9, 9)  # 2 + 3 ; 6 + 3 ; 6 + 3
    assert dict(total.breakdown) == {"civilians": None, "combatants_state": 3, "combatants_nonstate": 6,
                                     "combatants_unknown": None, "unknown": None}


def test_totals_a_count_of_combatants_beyond_its_parts_has_no_side():
    facts = [fact(1, "Monitor", 10, population="combatants"), fact(2, "Militia", 4, kind="militia")]
    assert dict(total_of(facts).breakdown)["combatants_unknown"] == 6


def test_totals_only_killed_and_wounded():
    from ledger.reconcile import totals

    facts = [fact(1, "Monitor", 5), fact(2, "Monitor", 3, metric="wounded"), fact(3, "Monitor", 2, metric="detained"),
             fact(4, "Monitor", 4, metric="targets", population="trucks")]
    assert [(t.metric, t.best) for t in totals(estimate(facts))] == [("killed", 5), ("wounded", 3)]


def test_totals_groups_name_populations_of_the_hierarchy():
    """One vocabulary: every population a breakdown group names is one the reconciler knows."""
    from ledger.reconcile.populations import known, load

    config = load("totals.json")
    named = [p for group in config["groups"].values() for p in group] + [config["combatants"]]
    assert all(known(p) for p in named) and set(config["metrics"]) <= set(load("sources.json")["casualty_metrics"])


def test_event_types_map_only_the_ledgers_event_kinds():
    from ledger.export import event_types
    from ledger.text.data import load

    kinds = {k["kind"] for k in load("event_kinds.json")["kinds"]}
    assert set(event_types()) <= kinds
    assert event_types()["drone strike"] == ("Explosions/Remote violence", "Air/drone strike")
    assert "attack" not in event_types()  # fits several ACLED types: left empty, never guessed
