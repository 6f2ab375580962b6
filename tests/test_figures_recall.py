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


def test_figures_recall_a_zero_is_not_about_a_group_that_only_modifies_a_noun():
    text = ("Militias fired rockets at the base. The coalition answered with artillery on militia positions near "
            "Varn. There were no injuries sustained during the attack.")
    assert figures(text) == [("wounded", "people", 0, 0, "no injuries")]


@pytest.mark.parametrize("text, expected", [
    ("Jets dropped two 500 kilogram bombs on the theatre.", [("other", "bombs", 2, 2, "two 500 kilogram bombs")]),
    ("Jets dropped two 500-kg bombs on the theatre.", [("other", "bombs", 2, 2, "two 500-kg bombs")]),
    ("The bomber dropped three 2,000-pound bombs.", [("other", "bombs", 3, 3, "three 2,000-pound bombs")]),
    ("A 12-year-old boy was killed in Tolsk.", [("killed", "children", 1, 1, "A 12-year-old boy")]),
])
def test_figures_recall_the_count_is_not_the_measure_of_what_it_counts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The shelling killed dozens of people and wounded scores more.",
     [("killed", "people", 24, None, "dozens of people"), ("wounded", "people", 40, None, "scores")]),
    ("The insurgency has forced some two million to flee their homes.",
     [("displaced", "people", 2000000, 2000000, "some two million")]),
    ("The fighting has left more than 2.6 million others homeless.",
     [("displaced", "people", 2600001, None, "more than 2.6 million others")]),
])
def test_figures_recall_vague_tolls_and_displacement(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Four fighters were killed by air strikes on several positions of the militia near Varn.",
     [("killed", "fighters", 4, 4, "Four fighters"), ("targets", "positions", 2, None, "several positions")]),
    ("The militia carried out attacks on two bases in Varn and one in Tolsk.",
     [("targets", "bases", 3, 3, "two bases in Varn and one in Tolsk")]),
    ("Ten attacks on the convoy killed 4 soldiers.",
     [("attacks", "attacks", 10, 10, "Ten attacks"), ("killed", "soldiers", 4, 4, "4 soldiers")]),
])
def test_figures_recall_things_hit_named_after_the_attack_on_them(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Radars tracked the missiles in flight.\n\nMore than 100 Korvan soldiers suffered concussions.",
     [("wounded", "soldiers", 101, None, "More than 100 Korvan soldiers")]),
    ("The drone was lost in flight. Eleven soldiers were wounded.", [("wounded", "soldiers", 11, 11, "Eleven soldiers")]),
    ("Passengers of Flight 752 were mourned.", []),
])
def test_figures_recall_a_word_of_the_sentence_before_does_not_name_a_count(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Fifty Korvan military personnel have been diagnosed with concussions.",
     [("wounded", "soldiers", 50, 50, "Fifty Korvan military personnel")]),
    ("Three army personnel were wounded.", [("wounded", "soldiers", 3, 3, "Three army personnel")]),
    ("Six hospital personnel were killed.", [("killed", "personnel", 6, 6, "Six hospital personnel")]),
])
def test_figures_recall_staff_take_the_population_of_their_institution(text, expected):
    assert figures(text) == expected


def test_figures_recall_an_abbreviation_without_its_last_dot_stays_in_the_noun_phrase():
    assert figures("Several U.S service members were injured in the assault on Varn.") == [
        ("wounded", "soldiers", 2, None, "Several U.S service members")]


@pytest.mark.parametrize("text, expected", [
    ("About 1,300 people were sheltering in the Velmar theatre.", ("other", "people", "sheltering", 1300)),
    ("Eight soldiers have been flown to Orsk for screening.", ("other", "soldiers", "transported", 8)),
    ("The bombing destroyed nine buildings in Tolsk.", ("other", "buildings", "destroyed", 9)),
    ("Orsk said 11 missiles hit the Velmar base.", ("other", "missiles", "hit", 11)),
    ("Five soldiers were killed in Varn.", ("killed", "soldiers", None, 5)),
])
def test_figures_recall_the_population_is_one_noun_and_what_befell_them_its_note(text, expected):
    (figure,) = find_figures(text)
    assert (figure.metric, figure.population, figure.population_note, figure.low) == expected


@pytest.mark.parametrize("text, expected", [
    ("About 1,300 people were inside and 130 have been rescued.",
     [("other", "people", 1300, 1300, "About 1,300 people"), ("other", "people", 130, 130, "130")]),
    ("Three have been transported to Orsk.", [("other", "people", 3, 3, "Three")]),
    ("Warplanes carried out four air strikes on Varn.", [("strikes", "strikes", 4, 4, "four air strikes")]),
])
def test_figures_recall_every_figure_has_a_population(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Jets hit a theatre in Varn where hundreds of civilians were taking shelter.",
     ("other", "civilians", "sheltering", 200, None)),
    ("Aid workers fed between 2,000 and 4,000 people living in tents at the Tolsk camp.",
     ("other", "people", "sheltering", 2000, 4000)),
])
def test_figures_recall_people_sheltering_are_counted_apart_from_the_harmed(text, expected):
    (figure,) = find_figures(text)
    assert (figure.metric, figure.population, figure.population_note, figure.low, figure.high) == expected


@pytest.mark.parametrize("text, expected", [
    ("One senior commander described the casualties in Varn as heavy.", []),
    ("Two militia members armed with rifles were killed.", [("killed", "fighters", 2, 2, "Two militia members")]),
])
def test_figures_recall_the_count_belongs_to_the_noun_before_a_past_verb(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Four of the dead and 9 of the wounded were working for the Varn Relief Society.",
     [("killed", "personnel", 4, 4, "Four of the dead"), ("wounded", "personnel", 9, 9, "9 of the wounded")]),
    ("Six of the dead were employed by the Tolsk hospital.", [("killed", "personnel", 6, 6, "Six of the dead")]),
    ("Six of the dead were in the Tolsk market.", [("killed", "people", 6, None, "Six of the dead")]),
    ("Two of the dead were aid workers.", [("killed", "personnel", 2, 2, "Two of the dead")]),
    ("Nine of the dead were schoolchildren.", [("killed", "children", 9, 9, "Nine of the dead")]),
    ("Doctors have identified 12 of the dead.", [("killed", "people", 12, None, "12 of the dead")]),
])
def test_figures_recall_part_of_the_harmed_is_at_least_so_many_or_the_people_it_names(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The blast killed – according to the Red Crescent – at least 40 and wounded 90.",
     [("killed", "people", 40, None, "at least 40"), ("wounded", "people", 90, 90, "90")]),
    ("The blast killed, according to Tolsk Radio, 40 people.", [("killed", "people", 40, 40, "40 people")]),
])
def test_figures_recall_an_attribution_between_the_verb_and_its_count(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two operational and weapons storage facilities were targeted in Varn.",
     [("targets", "facilities", 2, 2, "Two operational and weapons storage facilities")]),
    ("Two Varn and three Tolsk fighters were killed.", [("killed", "fighters", 3, 3, "three Tolsk fighters")]),
    ("Two soldiers and a medic were killed.",
     [("killed", "soldiers", 2, 2, "Two soldiers"), ("killed", "medics", 1, 1, "a medic")]),
])
def test_figures_recall_coordinated_modifiers_before_one_noun(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The coalition denied carrying out air strikes on the Varn market.",
     [("strikes", "strikes", 0, 0, "carrying out air strikes")]),
    ("Tolsk denied that its warplanes launched any strikes in the area.",
     [("strikes", "strikes", 0, 0, "launched any strikes")]),
    ("The army said it carried out air strikes near Orsk.", []),
    ("She denied the strikes hit the Orsk clinic.", []),
])
def test_figures_recall_a_denial_of_strikes_is_none_carried_out(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("About 300 people who were in the hall at the time of the blast have been screened for symptoms.",
     ("other", "people", "screened", 300)),
    ("About 300 people who were in the hall at the time of the blast were injured.",
     ("wounded", "people", None, 300)),
])
def test_figures_recall_what_befell_people_past_a_relative_clause(text, expected):
    (figure,) = find_figures(text)
    assert (figure.metric, figure.population, figure.population_note, figure.low) == expected


def test_figures_recall_a_part_of_the_dead_identified_is_the_finders_claim():
    from ledger.reading import read
    reading = read("Researchers for the Velmar Rights Group identified 12 of the dead. "
                   "Police identified the attacker as a local man.", outlet="Tolsk Times")
    (claim,) = [c for c in reading.claims if c.content.text == "12 of the dead"]
    assert claim.speaker.affiliation == "Velmar Rights Group"
    assert not [c for c in reading.claims if "attacker" in c.content.text]


@pytest.mark.parametrize("text, expected", [
    ("The agency showed several charred or mutilated bodies.",
     [("killed", "people", 2, None, "several charred or mutilated bodies")]),
    ("Tolsk said at least 90 targets of the enemy had been identified in the region.",
     [("targets", "targets", 90, None, "at least 90 targets")]),
    ("Three sites were visited by inspectors.", []),
])
def test_figures_recall_a_noun_that_names_its_metric_after_coordinated_modifiers(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("At least 60 Afghans and 13 US troops were killed in the bombing.",
     [("killed", "people", 60, None, "At least 60 Afghans"), ("killed", "soldiers", 13, 13, "13 US troops")]),
    ("The blast killed 13 American service members and at least 169 Iraqis.",
     [("killed", "soldiers", 13, 13, "13 American service members"), ("killed", "people", 169, None, "at least 169 Iraqis")]),
    ("Nine Nigeriens were arrested near Tolsk.", [("detained", "people", 9, 9, "Nine Nigeriens")]),
])
def test_figures_recall_nationals_are_people(text, expected):
    assert figures(text) == expected


def test_figures_recall_a_figure_of_a_nested_claim_is_stated_once():
    from ledger.reading import read
    reading = read("The Varn army denied carrying out the air strike on the Tolsk market, which rebels said killed "
                   "more than 40 people.", outlet="Tolsk Times")
    stated = [(c.speaker.name, f.metric, f.low) for c in reading.claims for f in c.figures if f.metric == "killed"]
    assert stated == [("rebels", "killed", 41)]


def test_figures_recall_a_count_after_a_source_aside_takes_the_coordinated_verb():
    """"Killed 140 people according to one UN estimate and 82 according to the ministry": two sources' counts
    of one thing; the second, elided, takes the first's verb and people."""
    from ledger.reading.stages import extract
    claims = extract("The raid on the wake in Orsk killed 140 people according to one UN estimate and 82 "
                     "according to the rebel-run ministry.", outlet="Harbour Gazette")
    assert [(c.speaker.name, [(f.metric, f.low, f.population) for f in c.figures]) for c in claims] == [
        ("United Nations", [("killed", 140, "people")]), ("rebel-run ministry", [("killed", 82, "people")])]
