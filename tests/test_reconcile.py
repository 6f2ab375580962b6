"""The reconciler's checks, one by one, on hand-built figure facts (ledger.reconcile)."""
from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.reconcile import DISAGREEMENTS, SEVERITY_LEVELS, FigureFact, reconcile
from ledger.reconcile.populations import dominant, normalise, prevailing, relation


def fact(claim, source, low, high=..., population="fighters", metric="killed", day=1, kind="monitor",
         outlet="Wire", event=1, **more) -> FigureFact:
    """A figure fact; ``high`` defaults to ``low`` (an exact figure), None means open."""
    return FigureFact(claim_id=claim, figure_id=0, event_id=event, source_id=source, source_name=source,
                      source_type=kind, metric=metric, population=population, low=low,
                      high=low if high is ... else high, published=date(2024, 4, day), outlet=outlet, **more)


def no_plausible(f: FigureFact):
    return f.low, f.high


def found(facts, severity=None, **kwargs):
    kwargs.setdefault("plausible", no_plausible)
    return [c for c in reconcile(facts, **kwargs) if severity is None or c.severity == severity]


# ---------------------------------------------------------------- contradiction


def test_reconcile_contradiction_disjoint_bounds_on_one_population():
    (c,) = found([fact(1, "Monitor", 5, None), fact(2, "Militia", 4, kind="militia")])
    assert (c.severity, c.population, c.sides, c.compatible, c.claims) == (
        "contradiction", "fighters", (("Militia",), ("Monitor",)), (), (1, 2))
    assert c.summary == "Militia: 4 fighters killed; Monitor: at least 5 fighters killed"
    assert (c.size, c.parties, c.independent) == (1.25, ("Militia",), ("Monitor",))


@pytest.mark.parametrize("a, b", [
    ((17, None), (19, 19)),  # "at least 17" vs 19
    ((2, None), (5, None)),  # "a group of" vs "at least five"
    ((2, None), (3, None)),  # "several" vs "at least three"
    ((None, 7), (4, 7)),  # "up to 7" vs "4-7"
])
def test_reconcile_compatible_accounts_produce_nothing(a, b):
    assert found([fact(1, "One", *a), fact(2, "Two", *b)]) == []


def test_reconcile_size_is_the_ratio_between_sides():
    (c,) = found([fact(1, "Monitor", 22), fact(2, "Army", 1, kind="military")])
    assert c.size == 22.0


def test_reconcile_open_figure_fitting_two_sides_is_compatible():
    (c,) = found([fact(1, "A", 4), fact(2, "B", 7), fact(3, "C", 4, None)])
    assert (c.sides, c.compatible) == ((("A",), ("B",)), ("C",))
    assert c.side_of_claim(3) is None and c.side_of_claim(2) == 1


def test_reconcile_compatible_figure_is_set_against_the_sides_it_excludes():
    facts = [fact(1, "Militia", 1, kind="militia"), fact(2, "Medics", 19, kind="other"), fact(3, "Monitor", 22),
             fact(4, "Locals", 17, None, kind="other")]
    primary, residual = found(facts)
    assert (primary.sides, primary.compatible) == ((("Militia",), ("Medics",), ("Monitor",)), ("Locals",))
    assert (residual.sides, residual.compatible) == ((("Locals",), ("Militia",)), ())


@pytest.mark.parametrize("part, whole, level", [
    (("children", 5), ("civilians", 3), "civilians"),  # 5 children killed is at least 5 civilians
    (("children", 5), ("people", 3), "civilians"),  # a bare "people" beside children only: civilians
    (("soldiers", 5), ("combatants", 3), "combatants"),
    (("children", 3), ("people", 10), None),  # a whole says nothing exact about a part
    (("soldiers", 4), ("combatants", 9), None),
])
def test_reconcile_hierarchy_carries_a_part_up_to_its_whole(part, whole, level):
    facts = [fact(1, "Rescuers", part[1], population=part[0]), fact(2, "Ministry", whole[1], population=whole[0])]
    assert [c.population for c in found(facts, "contradiction")] == ([level] if level else [])


def test_reconcile_part_carries_up_over_two_levels():
    facts = [fact(1, "Rescuers", 5, population="children"), fact(2, "Army", 1, population="soldiers"),
             fact(3, "Ministry", 4, population="people", kind="government")]
    (c,) = found(facts, "contradiction")
    assert (c.population, c.sides) == ("people", (("Ministry",), ("Rescuers",)))


def test_reconcile_parts_of_one_source_add_up():
    facts = [fact(1, "Rescuers", 3, population="children"), fact(2, "Rescuers", 2, population="women"),
             fact(3, "Ministry", 4, population="civilians", kind="government")]
    (c,) = found(facts, "contradiction")
    assert c.sides == (("Ministry",), ("Rescuers",))
    assert any("counted as at least 5 civilians" in note for note in c.notes)


def test_reconcile_unspecified_toll_is_read_as_the_only_population_named():
    facts = [fact(1, "Medics", 19, population=None, kind="other"), fact(2, "Militia", 1, kind="militia"),
             fact(3, "Officer", 1, population="militiamen", kind="militia")]
    (c,) = found(facts)
    assert (c.population, c.sides) == ("fighters", (("Militia", "Officer"), ("Medics",)))


def test_reconcile_unspecified_toll_stays_people_when_populations_differ():
    facts = [fact(1, "Medics", 19, population=None, kind="other"), fact(2, "Militia", 1, kind="militia"),
             fact(3, "Agency", 1, population="children", kind="state_media")]
    assert found(facts, "contradiction") == []


def test_reconcile_unspecified_toll_is_not_read_as_children():
    facts = [fact(1, "Medics", 19, population="people", kind="other"),
             fact(2, "Agency", 1, population="children", kind="state_media")]
    assert found(facts) == []


def test_reconcile_unspecified_toll_prevails_over_a_stray_population():
    facts = [fact(1, "Medics", 19, population=None, kind="other"), fact(2, "Monitor", 22),
             fact(3, "Militia", 1, kind="militia"), fact(4, "Army", 1, population="militiamen", kind="military"),
             fact(5, "Wire", 1, population="civilian contractors", kind="media")]
    (c,) = found(facts, "contradiction")
    assert (c.population, c.sides) == ("fighters", (("Army", "Militia"), ("Medics",), ("Monitor",)))


def test_reconcile_unspecified_toll_is_read_as_its_own_source_population():
    facts = [fact(1, "Monitor", 6, None, day=1), fact(2, "Monitor", 6, None, population=None, day=2),
             fact(3, "Militia", 3, kind="militia"), fact(4, "Militia", 3, population="dead", kind="militia", day=2),
             fact(5, "Agency", 1, population="children", kind="state_media")]
    (c,) = found(facts, "contradiction")
    assert (c.population, c.sides, c.claims) == ("fighters", (("Militia",), ("Monitor",)), (1, 2, 3, 4))


def test_reconcile_unspecified_toll_stays_people_when_sources_dispute_who_was_hit():
    facts = [fact(1, "Monitor", 6, metric="wounded"), fact(2, "Militia", 2, None, metric="wounded", kind="militia"),
             fact(3, "Agency", 1, population="children", kind="state_media"),
             fact(4, "Hospital", 14, population="people", metric="wounded", kind="other")]
    assert found(facts, "contradiction") == []


@pytest.mark.parametrize("named, dissent, expected", [
    ({"Monitor": {"fighters"}, "Militia": {"fighters"}, "Army": {"combatants"}}, {"Wire": {"civilians"}},
     "fighters"),  # three sources to one
    ({"Monitor": {"fighters"}, "Militia": {"fighters"}}, {"Agency": {"children"}}, None),  # two to one
    ({"Monitor": {"fighters"}}, {}, "fighters"),
    ({"Agency": {"children"}}, {}, "civilians"),  # never "children": a part of the dead
    ({"Monitor": {"fighters", "children"}}, {}, None),
    ({}, {}, None),
])
def test_reconcile_populations_prevailing(named, dissent, expected):
    assert prevailing(named, {**named, **dissent}) == expected


@pytest.mark.parametrize("words, expected", [(None, "people"), ("Militiamen", "fighters"),
                                             ("civilian contractors", "civilians"), ("trucks", "trucks")])
def test_reconcile_populations_normalise(words, expected):
    assert normalise(words) == expected


@pytest.mark.parametrize("a, b, expected", [("children", "people", "part"), ("people", "fighters", "whole"),
                                            ("fighters", "children", "disjoint"), ("trucks", "fighters", "unrelated"),
                                            # the staff of a hospital or an aid group are civilians
                                            ("personnel", "civilians", "part"), ("personnel", "soldiers", "disjoint")])
def test_reconcile_populations_relation(a, b, expected):
    assert relation(a, b) == expected


@pytest.mark.parametrize("named, expected", [({"fighters"}, "fighters"), ({"fighters", "combatants"}, "fighters"),
                                             ({"fighters", "children"}, None), ({"children"}, "civilians"),
                                             (set(), None)])
def test_reconcile_populations_dominant(named, expected):
    assert dominant(named) == expected


def test_reconcile_aid_staff_among_the_civilian_dead_is_no_discrepancy():
    """An aid group's "six of our staff were killed" beside the ministry's 20 civilians: the staff are among
    the civilians (no dispute about who was hit), and carry up as at least six civilians."""
    facts = [fact(1, "Ministry", 20, population="civilians", kind="government"),
             fact(2, "Relief Group", 6, population="personnel", kind="other")]
    assert found(facts) == []
    facts.append(fact(3, "Army", 3, population="civilians", kind="military"))
    (c,) = found(facts, "contradiction")
    assert c.sides == (("Army",), ("Ministry", "Relief Group"))  # at least six civilians: more than three


def test_reconcile_other_metrics_compare_only_like_with_like():
    facts = [fact(1, "Army", 3, population=None, metric="targets", kind="military"),
             fact(2, "Monitor", 9, population="trucks", metric="targets"),
             fact(3, "Monitor", 5, population=None, metric="targets")]
    (c,) = found(facts)
    assert (c.population, c.sides) == ("unspecified", (("Army",), ("Monitor",)))


# ---------------------------------------------------------------- discrepancy, undisclosed


def test_reconcile_discrepancy_accounts_differ_in_who_was_hit():
    facts = [fact(1, "Monitor", 5, None), fact(2, "Hashd", 2, None, kind="militia"),
             fact(3, "Agency", 1, population="children", kind="state_media")]
    (c,) = found(facts)
    assert (c.severity, c.population, c.sides) == ("discrepancy", "mixed", (("Hashd", "Monitor"), ("Agency",)))
    assert c.summary == "Hashd, Monitor: at least 5 fighters killed; Agency: 1 child killed"


def test_reconcile_no_discrepancy_when_a_source_names_both():
    facts = [fact(1, "Monitor", 5, None), fact(2, "Monitor", 1, population="children"),
             fact(3, "Agency", 1, population="children", kind="state_media")]
    assert found(facts, "discrepancy") == []


def test_reconcile_undisclosed_party_gave_no_figure():
    facts = [fact(1, "Monitor", 5, None),
             fact(2, "Defence Ministry", None, None, population=None, metric=None, kind="military", no_figure=True)]
    (c,) = found(facts)
    assert (c.severity, c.metric, c.sides, c.claims) == ("undisclosed", "killed", (("Defence Ministry",),), (1, 2))
    assert c.sources == ("Defence Ministry", "Monitor")


@pytest.mark.parametrize("others, expected", [
    ([fact(1, "Monitor", 6, None), fact(3, "Militia", 3, kind="militia"), fact(4, "Observers", 9)],
     "Ministry: no figure; 3 other sources gave figures (3 to 9 fighters killed)"),
    ([fact(1, "Monitor", 1)], "Ministry: no figure; 1 other source gave a figure (1 fighter killed)"),
    ([fact(1, "Monitor", 7), fact(3, "Agency", 2, population="civilians", kind="state_media")],
     "Ministry: no figure; 2 other sources gave figures (2 civilians, 7 fighters killed)"),
    ([fact(1, "Monitor", 7), fact(3, "Militia", 3, kind="militia"), fact(4, "Agency", 1, population="children",
                                                                        kind="state_media")],
     "Ministry: no figure; 3 other sources gave figures (3 to 7 fighters, 1 child killed)"),
])
def test_reconcile_undisclosed_summary_counts_the_others(others, expected):
    silent = fact(2, "Ministry", None, None, population=None, metric=None, kind="military", no_figure=True)
    (c,) = found([*others, silent], "undisclosed")
    assert c.summary == expected


@pytest.mark.parametrize("silent", [
    fact(2, "Another Monitor", None, None, no_figure=True),  # not a party: just uninformed
    fact(2, "Army", None, None, kind="military", no_figure=True, day=1),  # gave a figure too
])
def test_reconcile_undisclosed_needs_a_silent_party(silent):
    facts = [fact(1, "Monitor", 5, None), fact(3, "Army", 1, kind="military", day=2), silent]
    assert found(facts, "undisclosed") == []


# ---------------------------------------------------------------- revision and transmission


def test_reconcile_revision_chain_latest_supersedes():
    facts = [fact(1, "Monitor", 5, day=1), fact(2, "Monitor", 7, day=2), fact(3, "Monitor", 9, day=4),
             fact(4, "Ministry", 5, kind="government", day=4)]
    contradiction, revision = found(facts)
    assert contradiction.summary == "Ministry: 5 fighters killed; Monitor: 9 fighters killed"
    assert (revision.severity, revision.sides, revision.claims) == ("revision", (("Monitor",),), (1, 2, 3))
    assert [link["figure"] for link in revision.chain] == ["5", "7", "9"]


def test_reconcile_revision_never_sets_a_source_against_itself():
    assert found([fact(1, "Monitor", 17, population="people"), fact(2, "Monitor", 22, day=3)],
                 "contradiction") == []


def test_reconcile_agreeing_reports_narrow_one_account():
    facts = [fact(1, "Official", 1, None, kind="militia"), fact(2, "Official", 1, kind="militia"),
             fact(3, "Monitor", 22)]
    (c,) = found(facts)
    assert c.summary == "Official: 1 fighter killed; Monitor: 22 fighters killed"


def test_reconcile_spokesman_and_organisation_are_one_account():
    kirby = dict(kind="official", source_affiliation="Defence Department")
    facts = [fact(1, "Jo Spokes", 1, **kirby), fact(2, "Defence Department", 1, kind="military"),
             fact(3, "Monitor", 22)]
    (c,) = found(facts)
    assert c.sides == (("Jo Spokes", "Defence Department"), ("Monitor",))


def test_reconcile_spokesman_changing_the_organisation_figure_is_a_revision():
    facts = [fact(1, "Defence Department", 1, kind="military", day=1),
             fact(2, "Jo Spokes", 2, kind="official", source_affiliation="Defence Department", day=5)]
    (c,) = found(facts)
    assert c.severity == "revision" and c.sides == (("Defence Department", "Jo Spokes"),)


def test_reconcile_transmission_two_outlets_same_day():
    facts = [fact(1, "Monitor", 17, outlet="Wire A"), fact(2, "Monitor", 22, outlet="Wire B")]
    (c,) = found(facts)
    assert (c.severity, c.sides) == ("transmission", (("Monitor",),))
    assert "Wire A" in c.summary and "Wire B" in c.summary


def test_reconcile_precise_version_of_a_transmitted_statement_is_the_one_compared():
    """Two outlets carry the rebels' toll the same day, one as 82, the other as "more than 100": the exact
    82 is compared with the agency's "more than 140" (a paraphrase rounds, it does not invent precision),
    whichever outlet came first; the transmission is still reported."""
    for order in ((0, 1), (1, 0)):
        rebels = [fact(1, "Rebels", 82, outlet="Wire A", kind="militia"),
                  fact(2, "Rebels", 101, None, outlet="Wire B", kind="militia")]
        facts = [rebels[order[0]], rebels[order[1]], fact(3, "Agency", 141, None, outlet="Wire C")]
        by_severity = {c.severity: c for c in found(facts)}
        assert sorted(by_severity) == ["contradiction", "transmission"]
        assert by_severity["contradiction"].sides == (("Rebels",), ("Agency",))


def test_reconcile_same_outlet_same_day_is_a_revision():
    facts = [fact(1, "Monitor", 17, outlet="Wire"), fact(2, "Monitor", 22, outlet="Wire")]
    assert [c.severity for c in found(facts)] == ["revision"]


def test_reconcile_later_figure_outlasting_the_earlier_is_a_revision():
    facts = [fact(1, "Monitor", 17, outlet="Wire A", day=1), fact(2, "Monitor", 22, outlet="Wire B", day=1),
             fact(3, "Monitor", 22, outlet="Wire C", day=5)]
    assert [c.severity for c in found(facts)] == ["revision"]


# ---------------------------------------------------------------- plausible ranges, as_of, events


@pytest.mark.parametrize("later_day, severities", [
    (2, ["revision"]),  # "at least 6" on one day, 9 the next: the toll rose
    (1, []),  # the same day: one account of 9
])
def test_reconcile_open_figure_raised_later_is_a_revision(later_day, severities):
    facts = [fact(1, "Monitor", 6, None, day=1, outlet="Harbour"), fact(2, "Monitor", 9, day=later_day, outlet="Wire")]
    assert [c.severity for c in found(facts)] == severities


def test_reconcile_revision_then_transmission_of_one_monitor():
    facts = [fact(1, "Monitor", 6, None, day=15, outlet="Harbour"), fact(2, "Militia", 3, kind="militia", day=15),
             fact(3, "Monitor", 9, day=16, outlet="Wire"),
             fact(4, "Monitor", 6, None, population=None, day=16, outlet="Wire"),
             fact(5, "Monitor", 7, day=16, outlet="Ledger")]
    by_severity = {c.severity: c for c in found(facts)}
    assert sorted(by_severity) == ["contradiction", "revision", "transmission"]
    assert [link["figure"] for link in by_severity["revision"].chain] == ["at least 6", "9"]
    assert by_severity["transmission"].summary == (
        "Monitor: 9 (Wire, 2024-04-16) vs 7 (Ledger, 2024-04-16) fighters killed")
    assert by_severity["contradiction"].sides == (("Militia",), ("Monitor",))


def test_reconcile_vague_amount_is_compared_through_its_plausible_range():
    def plausible(f):
        return (24, 99) if f.vague else (f.low, f.high)

    facts = [fact(1, "Monitor", 24, None, population="people", vague=True, text="several dozen"),
             fact(2, "Ministry", 471, population="people", kind="government")]
    (c,) = found(facts, plausible=plausible)
    assert c.summary == "Monitor: 24-99 people killed; Ministry: 471 people killed"
    assert c.notes == ("compared with plausible ranges: 'several dozen' read as 24-99",)
    assert facts[0].high is None  # stored values are never changed
    assert found(facts) == []  # compared as stored, "at least 24" fits 471


def test_reconcile_plausible_range_never_narrows_the_stored_bounds():
    def plausible(f):
        return (45, 55) if f.qualifier == "about" else (f.low, f.high)

    facts = [fact(1, "Monitor", 50, qualifier="about"), fact(2, "Ministry", 48, kind="government")]
    assert found(facts, plausible=plausible) == []
    assert len(found(facts)) == 1


def test_reconcile_as_of_reproduces_what_was_known():
    facts = [fact(1, "Monitor", 5, day=1), fact(2, "Militia", 1, kind="militia", day=3)]
    assert found(facts, as_of=date(2024, 4, 2)) == []
    assert len(found(facts, as_of=date(2024, 4, 3))) == 1


def test_reconcile_as_of_skips_undated_facts():
    undated = FigureFact(claim_id=9, event_id=1, source_name="Militia", metric="killed", population="fighters",
                         low=1, high=1, source_type="militia")
    assert found([fact(1, "Monitor", 5), undated], as_of=date(2024, 4, 30)) == []
    assert len(found([fact(1, "Monitor", 5), undated])) == 1


def test_reconcile_as_of_accepts_datetimes():
    facts = [fact(1, "Monitor", 5), fact(2, "Militia", 1, kind="militia")]
    facts[1] = FigureFact(**{**{f: getattr(facts[1], f) for f in facts[1].__dataclass_fields__},
                             "published": datetime(2024, 4, 1, 18, 0)})
    assert found(facts, as_of=datetime(2024, 4, 1, 12, 0)) == []
    assert len(found(facts, as_of=datetime(2024, 4, 1, 20, 0))) == 1


def test_reconcile_never_mixes_events():
    facts = [fact(1, "Monitor", 20, event=1), fact(2, "Militia", 1, kind="militia", event=2),
             fact(3, "Monitor", 1, event=2)]
    assert found(facts) == []


def test_reconcile_ignores_facts_of_no_event():
    assert found([fact(1, "Monitor", 20, event=None), fact(2, "Militia", 1, kind="militia", event=None)]) == []


def test_reconcile_metrics_are_never_compared():
    assert found([fact(1, "Monitor", 20), fact(2, "Militia", 1, metric="wounded", kind="militia")]) == []


def test_reconcile_order_is_deterministic():
    facts = [fact(n, f"Source {n % 5}", n % 7 + 1, None if n % 3 == 0 else ..., day=n % 4 + 1,
                  population=("fighters", "civilians", None)[n % 3], metric=("killed", "wounded")[n % 2],
                  outlet=f"Outlet {n % 3}", event=n % 2) for n in range(40)]
    shuffled = facts[:]
    random.Random(4).shuffle(shuffled)
    assert found(facts) == found(shuffled) != []


def test_reconcile_contract_fields():
    (c,) = found([fact(1, "Monitor", 5, None), fact(2, "Militia", 4, kind="militia")])
    out = c.contract()
    assert list(out)[:8] == ["metric", "population", "severity", "sources", "sides", "compatible", "claims",
                             "summary"]
    assert out["sides"] == [["Militia"], ["Monitor"]] and out["size"] == 1.25
    assert c.extras()["parties"] == ["Militia"]


def test_reconcile_every_severity_is_documented():
    assert set(SEVERITY_LEVELS) == {"contradiction", "discrepancy", "undisclosed", "revision", "transmission"}
    assert set(DISAGREEMENTS) <= set(SEVERITY_LEVELS)
    assert all(len(text) > 80 for text in SEVERITY_LEVELS.values())


def test_reconcile_uses_the_extractor_plausible_range_by_default():
    facts = [fact(1, "Monitor", 2, None, vague=True, qualifier="several", text="several"),
             fact(2, "Medics", 22, kind="other")]
    (c,) = reconcile(facts)
    assert c.sides == (("Monitor",), ("Medics",))


# ---------------------------------------------------------------- properties

figures = st.tuples(st.integers(0, 30), st.one_of(st.none(), st.integers(0, 30)))
reports = st.lists(st.tuples(st.sampled_from("ABCDE"), figures, st.integers(1, 6),
                             st.sampled_from(["fighters", "civilians", "children", None]),
                             st.sampled_from(["X", "Y"])), min_size=1, max_size=14)


def _facts(drawn):
    made = []
    for n, (source, (low, extra), day, population, outlet) in enumerate(drawn):
        high = None if extra is None else low + extra % 5
        made.append(fact(n, source, low, high, population=population, day=day, outlet=outlet,
                         kind="monitor" if source < "C" else "militia"))
    return made


@settings(max_examples=150, deadline=None)
@given(reports)
def test_reconcile_never_puts_one_source_on_two_sides(drawn):
    for c in reconcile(_facts(drawn), plausible=no_plausible):
        named = [name for side in c.sides for name in side]
        assert len(named) == len(set(named))
        assert not set(named) & set(c.compatible)
        assert set(named) | set(c.compatible) <= set(c.sources)


@settings(max_examples=150, deadline=None)
@given(reports)
def test_reconcile_sides_of_a_contradiction_exclude_each_other(drawn):
    facts = _facts(drawn)
    for c in reconcile(facts, plausible=no_plausible):
        if c.severity == "contradiction":
            assert len(c.sides) >= 2 and c.size is not None and c.size >= 1


def test_reconcile_a_round_number_after_over_or_under_includes_itself():
    """"Over 80 wounded" is how a writer rounds 80-odd or loosely renders a count of 80: it does not
    contradict 80 (it still contradicts 70); "more than 83" is precise and still excludes 83."""
    def over(claim, n, qualifier="over"):
        return fact(claim, "Outlet", n + 1, None, qualifier=qualifier, text=f"{qualifier} {n}", kind="media")

    assert reconcile([over(1, 80), fact(2, "Commissioner", 80, kind="government")]) == []
    assert len(reconcile([over(1, 80), fact(2, "Commissioner", 70, kind="government")])) == 1
    assert len(reconcile([over(1, 83), fact(2, "Commissioner", 83, kind="government")])) == 1
    under = fact(1, "Outlet", None, 99, qualifier="fewer than", text="fewer than 100", kind="media")
    assert reconcile([under, fact(2, "Commissioner", 100, kind="government")]) == []
