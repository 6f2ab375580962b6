"""Figures in language the first corpora never used (issue 14), on invented sentences about invented places.

Each case states a sentence and every figure it asserts as (metric, population, low, high, span text): bodily
harm beyond the kill and wound verbs, running totals, nominalised casualties, partitive and kin groups, two
zeros under one "no", the noun a count is attached to, tolls phrased as estimates, counts nobody asserts, and
munitions of one noun that count different things.
"""
from __future__ import annotations

import pytest

from conftest import write
from ledger.reading.figures.figures import find_figures


def figures(text: str) -> list[tuple]:
    """Each figure with its population as the reconciler compares it (the noun, then the note if any)."""
    return [(f.metric, compared(f), f.low, f.high, f.span.text) for f in find_figures(text)]


def compared(f) -> str | None:
    return f"{f.population} {f.population_note}" if f.population_note else f.population


@pytest.mark.parametrize("text, expected", [
    ("Twenty-seven soldiers suffered concussions in the Velmar barrage.",
     [("wounded", "soldiers", 27, 27, "Twenty-seven soldiers")]),
    ("The army said 45 have been diagnosed with traumatic brain injury.", [("wounded", "people", 45, 45, "45")]),
    ("Another 14 service members were diagnosed with traumatic brain injuries at Fort Orsk.",
     [("wounded", "soldiers", 14, 14, "14 service members")]),
    ("Medics in Dorval listed 58 TBI victims.", [("wounded", "people", 58, 58, "58")]),
    ("Several were treated for concussion symptoms, the garrison said.",
     [("wounded", "people", 2, None, "Several")]),
    ("All 109 cases of TBI were mild.", [("wounded", "people", 109, 109, "109")]),
    ("He said the militia had \"murdered thousands of Korvan troops\" since 2010.",
     [("killed", "soldiers", 2000, None, "thousands of Korvan troops")]),
    ("Four guards sustained serious injuries at the Orsk gate.", [("wounded", "police", 4, 4, "Four guards")]),
    ("Medics kept 42 victims with minor injuries in Dorval.", [("wounded", "people", 42, 42, "42 victims")]),
    ("In Tarvia 230 people, mostly children, have been buried.", [("killed", "people", 230, 230, "230 people")]),
    ("The clinic counted more than 520 wounded and more than 100 martyrs.",
     [("wounded", "people", 521, None, "more than 520"), ("killed", "people", 101, None, "more than 100 martyrs")]),
    ("The raid caused the death of three members of the Orsk militia and the injury of two others.",
     [("killed", "fighters", 3, 3, "three members"), ("wounded", "fighters", 2, 2, "two others")]),
])
def test_bodily_harm_beyond_kill_and_wound_verbs(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The update brings the total number of soldiers hurt in the Velmar attack to 41.",
     [("wounded", "soldiers", 41, 41, "41")]),
    ("Accordingly, the number of fatalities in these strikes jumps to eleven.",
     [("killed", "people", 11, 11, "eleven")]),
    ("The number of troops diagnosed with brain injuries has risen to 109.",
     [("wounded", "soldiers", 109, 109, "109")]),
    ("Twelve guards were wounded at the Orsk depot. On Friday the ministry raised the number to 28.",
     [("wounded", "police", 12, 12, "Twelve guards"), ("wounded", "police", 28, 28, "28")]),
    ("Another 150 people were wounded in Dorval.", [("wounded", "people", 150, 150, "150 people")]),
    ("The death toll in Orsk rose to 54 on Thursday after critically wounded patients died.",
     [("killed", "people", 54, 54, "54")]),
    ("The death toll in Monday's bombing of a camp in Orsk, Velmar province, rose to 61.",
     [("killed", "people", 61, 61, "61")]),
    ("The number of U.N. staff hurt in the Orsk attack, the agency said, has now risen to 19.",
     [("wounded", "personnel", 19, 19, "19")]),
])
def test_running_totals(text, expected):
    assert figures(text) == expected


def test_a_total_that_names_nothing_and_follows_no_figure_is_no_figure():
    assert figures("The Velmar council raised the number to 28.") == []
    assert figures("The number of troops deployed rose to 5,000.") == []


@pytest.mark.parametrize("text, expected", [
    ("The shelling killed seven members of one family, including four children, in Tarvia.",
     [("killed", "relatives", 7, 7, "seven members"), ("killed", "children", 4, 4, "four children")]),
    ("Of the 12 killed, nine were minors.",
     [("killed", "people", 12, 12, "12"), ("killed", "children", 9, 9, "nine")]),
    ("Twelve of the wounded were children, the Dorval clinic said.",
     [("wounded", "children", 12, 12, "Twelve of the wounded")]),
    ("Arvid Lenn lost five cousins in the raid.", [("killed", "relatives", 5, 5, "five cousins")]),
    # part of a group is no deployment, and a part of the harmed with no people named would read as the
    # whole toll but as at least so many harmed; staff of an institution are people named (personnel)
    ("The injuries were serious enough to send 48 of those troops to Orsk.", []),
    ("Six of the dead were in the Orsk market.", [("killed", "people", 6, None, "Six of the dead")]),
    ("Six of the dead were working for the Orsk relief agency.", [("killed", "personnel", 6, 6, "Six of the dead")]),
])
def test_partitive_and_kin_groups(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("There were no deaths or injuries at the Velmar base.",
     [("killed", "people", 0, 0, "no deaths or injuries"), ("wounded", "people", 0, 0, "no deaths or injuries")]),
    ("There were no injuries or deaths among the crew.",
     [("killed", "people", 0, 0, "no injuries or deaths"), ("wounded", "people", 0, 0, "no injuries or deaths")]),
])
def test_one_no_denies_two_harms(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Missiles struck two bases housing Korvan troops.", [("targets", "bases", 2, 2, "two bases")]),
    ("Orsk fired around two-dozen missiles at two bases in Velmar.",
     [("other", "missiles", 24, 24, "around two-dozen missiles"), ("targets", "bases", 2, 2, "two bases")]),
    ("Two trucks carrying fighters were destroyed near Dorval.", [("targets", "trucks", 2, 2, "Two trucks")]),
    ("More than 100 internally displaced people were killed in the Velmar camp.",
     [("killed", "people", 101, None, "More than 100 internally displaced people")]),
    # the verb nearest before what was hit is the one that hit it, abbreviations and all
    ("Nine guards were injured in the attack targeting U.N. convoys at three sites near Tarvia.",
     [("wounded", "police", 9, 9, "Nine guards"), ("targets", "sites", 3, 3, "three sites")]),
])
def test_the_count_belongs_to_the_noun_it_counts(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Officials said the death toll would be about 30.", [("killed", "people", 30, 30, "about 30")]),
    ("The toll was at the low end of a 40-to-90 range.", [("killed", "people", 40, 90, "40-to-90")]),
    ("The number of dead could be as high as 90.", [("killed", "people", None, 90, "as high as 90")]),
    ("The attack may have killed closer to 600 people.", [("killed", "people", 600, 600, "closer to 600 people")]),
])
def test_tolls_phrased_as_estimates(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "The army is investigating reports of 12 civilians killed in Tarvia.",
    "The minister raised the possibility of 20 deaths in the Dorval floods.",
    "Were 30 people killed in the Velmar raid?",
    "If the Orsk dam breaks, 500 people could be killed.",
    "Engineers warned that 500 people could be killed.",
    "Nobody knows what happens if 40 soldiers are wounded.",
])
def test_nothing_asserted_under_reports_possibilities_questions_or_hypotheticals(text):
    assert figures(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Orsk said 18 missiles were launched and 11 missiles hit the Velmar base.",
     [("other", "missiles", 18, 18, "18 missiles"), ("other", "missiles hit", 11, 11, "11 missiles")]),
    ("The militia fired 15 rockets, but four rockets were intercepted.",
     [("other", "rockets", 15, 15, "15 rockets"), ("other", "rockets intercepted", 4, 4, "four rockets")]),
])
def test_munitions_of_one_noun_keep_what_became_of_them(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("About 1,300 people were sheltering in the Velmar theatre.",
     [("other", "people sheltering", 1300, 1300, "About 1,300 people")]),
    ("Eight soldiers have been flown to Orsk for screening.", [("other", "soldiers transported", 8, 8, "Eight soldiers")]),
    ("Sixteen guards returned to duty on Friday.", [("other", "police returned to duty", 16, 16, "Sixteen guards")]),
    # evacuated (an airlift, a town cleared) is other in the gold conventions; fleeing is displaced
    ("More than 9,000 people have been evacuated from the Orsk airport.",
     [("other", "people evacuated", 9001, None, "More than 9,000 people")]),
    ("About 2,000 villagers fled the fighting in Velmar.", [("displaced", "people", 2000, 2000, "About 2,000 villagers")]),
    # a harm said of them wins over what else befell them
    ("Thirty people sheltering in the Dorval hall were killed.", [("killed", "people", 30, 30, "Thirty people")]),
])
def test_people_counted_without_harm_are_other_of_their_kind(text, expected):
    assert figures(text) == expected


LAUNCHED = """---
outlet: Harbour Times
published: 2024-06-04
---
The Velmar army said 18 missiles were launched at the Korvan base at Orsk on Monday.
"""
HIT = """---
outlet: Meridian Wire
published: 2024-06-05
---
Eleven missiles hit the Korvan base at Orsk on Monday, the Korvan defence ministry said.
"""
STRUCK = """---
outlet: Dorval Post
published: 2024-06-05
---
The Tarvia monitor said 15 missiles struck the Korvan base at Orsk on Monday.
"""


def test_missiles_launched_and_missiles_that_hit_are_not_one_count(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "launched.txt", LAUNCHED), write(tmp_path / "hit.txt", HIT))
    assert ledger.json("conflicts") == []


def test_two_counts_of_missiles_that_hit_are_compared(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "launched.txt", LAUNCHED), write(tmp_path / "hit.txt", HIT),
           write(tmp_path / "struck.txt", STRUCK))
    [conflict] = ledger.json("conflicts")
    assert (conflict["metric"], conflict["population"]) == ("other", "missiles hit")
    assert sorted(conflict["sources"]) == ["Korvan defence ministry", "Tarvia monitor"]


# ---------------------------------------------------------------- the gold populations (issue 14)


@pytest.mark.parametrize("text, expected", [
    # the convention's own populations: journalists, medics, patients, women, hostages, prisoners
    ("Two reporters and a cameraman were killed near Velmar.",
     [("killed", "journalists", 2, 2, "Two reporters"), ("killed", "journalists", 1, 1, "a cameraman")]),
    ("Four nurses and two paramedics were wounded at the Orsk clinic.",
     [("wounded", "medics", 4, 4, "Four nurses"), ("wounded", "medics", 2, 2, "two paramedics")]),
    ("Six patients died when the ward in Tarvia was shelled.", [("killed", "patients", 6, 6, "Six patients")]),
    ("Nine women were killed in the Dorval market.", [("killed", "women", 9, 9, "Nine women")]),
    ("Three hostages were killed during the raid on Orsk.", [("killed", "hostages", 3, 3, "Three hostages")]),
    ("Eleven inmates were wounded when the Velmar jail was hit.", [("wounded", "prisoners", 11, 11, "Eleven inmates")]),
    # staff of an institution are personnel (civilians in the hierarchy), aid workers and "members" of an aid
    # group too
    ("Two aid workers were wounded in Tolsk.", [("wounded", "personnel", 2, 2, "Two aid workers")]),
    ("Six embassy personnel were hurt.", [("wounded", "personnel", 6, 6, "Six embassy personnel")]),
    ("Five hospital staff members were killed in the blast.",
     [("killed", "personnel", 5, 5, "Five hospital staff members")]),
    ("Three Red Crescent members were killed near Orsk.", [("killed", "personnel", 3, 3, "Three Red Crescent members")]),
    ("Six members of the Red Cross were wounded.", [("wounded", "personnel", 6, 6, "Six members")]),
    ("Four members of the press were hurt in Velmar.", [("wounded", "journalists", 4, 4, "Four members")]),
    # a harm word before the noun gives the metric, the noun still the population
    ("Three wounded soldiers were flown to Orsk.", [("wounded", "soldiers transported", 3, 3, "Three")]),
    ("The shelling left two severely injured children in Orsk.", [("wounded", "children", 2, 2, "two")]),
    # injured people who later died are dead
    ("Three injured soldiers later died in the Orsk hospital.", [("killed", "soldiers", 3, 3, "Three")]),
    # members of nothing named stay fighters
    ("Four members were killed in the raid on Tolsk.", [("killed", "fighters", 4, 4, "Four members")]),
])
def test_figures_population_follows_the_gold_vocabulary(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a well-known armed movement as a plural noun, and as the modifier of guards or soldiers
    ("The strike killed 20 Taliban near Velmar.", [("killed", "fighters", 20, 20, "20 Taliban")]),
    ("At least 28 Taliban guards were killed at the Orsk gate.",
     [("killed", "fighters", 28, None, "At least 28 Taliban guards")]),
    ("Three rebel soldiers were wounded.", [("wounded", "fighters", 3, 3, "Three rebel soldiers")]),
    ("Three police officers were wounded.", [("wounded", "police", 3, 3, "Three police officers")]),
    # a military rank noun in a coordinated list keeps the list going
    ("The blast killed 11 Marines, a Navy corpsman and an Army soldier.",
     [("killed", "soldiers", 11, 11, "11 Marines"), ("killed", "soldiers", 1, 1, "a Navy corpsman"),
      ("killed", "soldiers", 1, 1, "an Army soldier")]),
])
def test_figures_armed_groups_named_by_the_movement(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The death toll stood at 12 and the number of wounded at 30.",
     [("killed", "people", 12, 12, "12"), ("wounded", "people", 30, 30, "30")]),
    ("By Friday the toll had reached 40 dead, with the number of injured at 112.",
     [("killed", "people", 40, 40, "40"), ("wounded", "people", 112, 112, "112")]),
])
def test_figures_a_total_keeps_its_own_lead_in_when_another_total_follows(text, expected):
    # the harm word after "the number of" opens the next total; it is not said of the count before it
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Twin air strikes hit the Velmar market.", [("strikes", "strikes", 2, 2, "Twin air strikes")]),
    ("Twin suicide bombings shook the Tolsk gate.", [("attacks", "suicide bombings", 2, 2, "Twin suicide bombings")]),
    ("The twin towers of the Orsk mill were destroyed.", []),
])
def test_figures_twin_counts_two_acts(text, expected):
    # "twin" counts two of the acts it names; before a noun the ledger does not count, it is no figure
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Twenty women and 12 children were among the 40 killed.",
     [("killed", "women", 20, 20, "Twenty women"), ("killed", "children", 12, 12, "12 children"),
      ("killed", "people", 40, 40, "40")]),
    ("Three journalists were among the 25 people wounded in Velmar.",
     [("wounded", "journalists", 3, 3, "Three journalists"), ("wounded", "people", 25, 25, "25 people")]),
])
def test_figures_people_among_a_later_count_of_the_harmed(text, expected):
    # the part takes the harm of the count it is among; that whole, naming no one, is people
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Medics in Orsk had seen at least 200 wounded and 50 dead.",
     [("wounded", "people", 200, None, "at least 200"), ("killed", "people", 50, None, "50")]),
    ("The strike killed at least 52 people and injured 120.",
     [("killed", "people", 52, None, "at least 52 people"), ("wounded", "people", 120, 120, "120")]),
    ("At least 200 people were wounded and 50 were killed.",
     [("wounded", "people", 200, None, "At least 200 people"), ("killed", "people", 50, 50, "50")]),
    ("More than 200 wounded and 50 dead were counted in Dorn.",
     [("wounded", "people", 201, None, "More than 200"), ("killed", "people", 50, 50, "50")]),
    ("At least 40 villagers and 9 soldiers were killed in Orsk.",
     [("killed", "people", 40, None, "At least 40 villagers"), ("killed", "soldiers", 9, 9, "9 soldiers")]),
])
def test_figures_a_lower_bound_governs_the_count_coordinated_with_it(text, expected):
    """"at least 200 wounded and 50 dead": "at least" governs both counts of the coordination (50/None); a
    count with its own verb ("and injured 120", "and 50 were killed"), after "more than", or with a noun of its
    own ("and 9 soldiers") keeps its bounds."""
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Seven fighters were arrested in Dorn, and 34 cows were recovered from them.",
     [("detained", "fighters", 7, 7, "Seven fighters")]),
    ("The blast injured two contractors and a member of the Norland army.",
     [("wounded", "civilians", 2, 2, "two contractors"), ("wounded", "soldiers", 1, 1, "a member")]),
])
def test_figures_a_count_with_its_own_verb_takes_no_earlier_verb(text, expected):
    """"Seven were arrested, and 34 cows were recovered": the 34 are the subject of their own clause, not a
    second object of "arrested" (an object coordinated with the verb's, "injured two contractors and a member",
    still is)."""
    assert figures(text) == expected


@pytest.mark.parametrize("agent", ["Tarvian jets", "N.A.F. warplanes"])
def test_figures_attack_with_its_agent_before_the_things_hit(agent):
    """"raids carried out by X on two positions": who carried the attack out may part it from what it hit."""
    text = f"The raids carried out by {agent} on two positions in Norland and one in Kessia killed nobody."
    assert figures(text) == [("targets", "positions", 3, 3, "two positions in Norland and one in Kessia"),
                             ("killed", "people", 0, 0, "nobody")]


@pytest.mark.parametrize("text, expected", [
    ("Ministers disputed the death toll, which officially stands at over 140.",
     [("killed", "people", 141, None, "over 140")]),
    ("The toll, which now stands at 31, is expected to rise.", [("killed", "people", 31, 31, "31")]),
])
def test_figures_a_toll_with_a_short_relative_before_its_verb_link(text, expected):
    """"the death toll, which officially stands at over 140": a toll and its verb link ("stands at") may be
    parted by a short relative opener as by a long modifier."""
    assert figures(text) == expected
