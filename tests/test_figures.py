"""Figures in context (ledger.reading.figures.figures), on invented sentences about invented places.

Each case states a sentence and every figure it asserts as (metric, population, low, high, span text).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.reading.figures import figure_context
from ledger.reading.figures import figure_nouns
from ledger.text import data as lexicon
from ledger.reading.figures import no_figure
from ledger.reading.figures.figures import find_figures, find_no_figure, plausible_range
from ledger.reading.types import Figure, Span


def figures(text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    """Each figure with its population as the reconciler compares it (the noun, then the note if any)."""
    return [(f.metric, f"{f.population} {f.population_note}" if f.population_note else f.population, f.low, f.high,
             f.span.text) for f in find_figures(text, start, end)]


@pytest.mark.parametrize("text, expected", [
    ("The Korvan monitor said the raid killed at least 22 fighters.",
     [("killed", "fighters", 22, None, "at least 22 fighters")]),
    ("At least five Saldera-backed militia fighters are reported to have been killed near Tal Hamra.",
     [("killed", "fighters", 5, None, "At least five Saldera-backed militia fighters")]),
    ("At least five Saldera-backed Korvan tribal fighters were killed.",
     [("killed", "fighters", 5, None, "At least five")]),
    ("The shelling left more than 20 fighters dead, the group said.",
     [("killed", "fighters", 21, None, "more than 20 fighters")]),
    ("Hospital staff said 17 people died in the blast.", [("killed", "people", 17, 17, "17 people")]),
    ("Medics in Orvek put the death toll at 19.", [("killed", "people", 19, 19, "19")]),
    ("The death toll rose to 25 on Tuesday.", [("killed", "people", 25, 25, "25")]),
    ("Rescuers recovered 12 bodies from the rubble.", [("killed", "people", 12, 12, "12 bodies")]),
    ("Nine fighters lost their lives in the ambush.", [("killed", "fighters", 9, 9, "Nine fighters")]),
    ("The strike resulted in the martyrdom of a group of heroic fighters.",
     [("killed", "fighters", 2, None, "a group of heroic fighters")]),
    ("Two rebels were martyred at the checkpoint.", [("killed", "fighters", 2, 2, "Two rebels")]),
    ("The agency counted 30 civilian fatalities.", [("killed", "civilians", 30, 30, "30 civilian fatalities")]),
    ("Twenty-nine people were injured in the explosion.",
     [("wounded", "people", 29, 29, "Twenty-nine people")]),
    ("The attack left several militiamen hurt, some seriously.",
     [("wounded", "fighters", 2, None, "several militiamen")]),
    # aid workers are civilians: "personnel" sits with the combatants in the hierarchy and the totals
    ("Three aid workers remain missing after the flood.", [("missing", "personnel", 3, 3, "Three aid workers")]),
    ("Police arrested 14 protesters in the square.", [("detained", "people", 14, 14, "14 protesters")]),
    ("Gunmen captured a police officer at the gate.", [("detained", "police", 1, 1, "a police officer")]),
    ("About 2,000 residents fled the fighting in Molva.",
     [("displaced", "people", 2000, 2000, "About 2,000 residents")]),
    ("Hundreds of people were displaced by the offensive.",
     [("displaced", "people", 200, None, "Hundreds of people")]),
    ("There have been more than 40 attacks on the base this year.",
     [("attacks", "attacks", 41, None, "more than 40 attacks")]),
    ("The militia staged three rocket attacks on the airport.",
     [("attacks", "rocket attacks", 3, 3, "three rocket attacks")]),
    ("Warplanes carried out 12 air strikes on the ridge.", [("strikes", "strikes", 12, 12, "12 air strikes")]),
    ("The strikes hit three sites near Molva.", [("targets", "sites", 3, 3, "three sites")]),
    ("The raid destroyed multiple facilities at the crossing.",
     [("targets", "facilities", 2, None, "multiple facilities")]),
    ("A drone attack targeted several areas east of Dorval.",
     [("targets", "areas", 2, None, "several areas")]),
    ("About 900 troops are deployed in the province.", [("troops", "soldiers", 900, 900, "About 900 troops")]),
    ("The militia fired approximately 14 rockets at the airbase.",
     [("other", "rockets", 14, 14, "approximately 14 rockets")]),
    ("The death toll from Saturday's attack rose to 25.", [("killed", "people", 25, 25, "25")]),
    ("The militia said it lost 12 fighters in the battle.", [("killed", "fighters", 12, 12, "12 fighters")]),
    ("The army said 15 militants were neutralised.", [("killed", "fighters", 15, 15, "15 militants")]),
    ("The drone strike killed a senior commander of the group.",
     [("killed", "commanders", 1, 1, "a senior commander")]),
    ("Both soldiers were wounded.", [("wounded", "soldiers", 2, 2, "Both soldiers")]),
    ("Some 3,000 families have been displaced.", [("displaced", "families", 3000, 3000, "Some 3,000 families")]),
    ("A few hundred protesters were detained.", [("detained", "people", 200, None, "A few hundred protesters")]),
])
def test_figures_metric_from_the_words_around_the_count(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The strike killed one fighter in a Varn militia and wounded two others.",
     [("killed", "fighters", 1, 1, "one fighter"), ("wounded", "fighters", 2, 2, "two others")]),
    ("The drone strike killed one militiaman and wounded a number of others.",
     [("killed", "fighters", 1, 1, "one militiaman"), ("wounded", "fighters", 2, None, "a number of others")]),
    ("One member of a Varn militia was killed and two were injured in the raid.",
     [("killed", "fighters", 1, 1, "One member"), ("wounded", "fighters", 2, 2, "two")]),
    ("At least five militia fighters were killed and several others were wounded.",
     [("killed", "fighters", 5, None, "At least five militia fighters"),
      ("wounded", "fighters", 2, None, "several others")]),
    ("One of our fighters was killed and a small number wounded by two missiles.",
     [("killed", "fighters", 1, 1, "One of our fighters"), ("wounded", "fighters", 2, None, "a small number"),
      ("other", "missiles", 2, 2, "two missiles")]),
    ("The clinic said one child had been killed and that at least three other people were wounded.",
     [("killed", "children", 1, 1, "one child"), ("wounded", "people", 3, None, "at least three other people")]),
    ("Officials said 22 others were injured.", [("wounded", "people", 22, 22, "22 others")]),
    ("The mortar round killed three soldiers and two civilians.",
     [("killed", "soldiers", 3, 3, "three soldiers"), ("killed", "civilians", 2, 2, "two civilians")]),
    ("Two contractors and three US personnel were wounded.",
     [("wounded", "civilians", 2, 2, "Two contractors"), ("wounded", "personnel", 3, 3, "three US personnel")]),
    ("Three gunmen killed two police officers.", [("killed", "police", 2, 2, "two police officers")]),
    ("The strike killed at least 30 people, including 12 children, medics said.",
     [("killed", "people", 30, None, "at least 30 people"), ("killed", "children", 12, 12, "12 children")]),
    ("The shelling killed a woman and her two children.",
     [("killed", "women", 1, 1, "a woman"), ("killed", "children", 2, 2, "two children")]),
    ("Five soldiers were killed and 12 wounded in the ambush.",
     [("killed", "soldiers", 5, 5, "Five soldiers"), ("wounded", "soldiers", 12, 12, "12")]),
])
def test_figures_several_figures_in_one_clause_and_inherited_populations(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The attack killed one civilian contractor and injured contractors and a member of the Dravian military.",
     [("killed", "civilians", 1, 1, "one civilian contractor"), ("wounded", "soldiers", 1, 1, "a member")]),
    ("A child was killed in the shelling.", [("killed", "children", 1, 1, "A child")]),
    ("A 12-year-old boy was killed on Route 4.", [("killed", "children", 1, 1, "A 12-year-old boy")]),
    ("The rocket wounded a Dravian service member and other coalition troops.",
     [("wounded", "soldiers", 1, None, "a Dravian service member and other coalition troops")]),
    ("Militia members said one of its fighters was killed.",
     [("killed", "fighters", 1, 1, "one of its fighters")]),
    ("Two militia members were wounded.", [("wounded", "fighters", 2, 2, "Two militia members")]),
])
def test_figures_article_members_and_a_singular_with_others(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected, parts", [
    ("He said the targets - two in Korvia, one in Saldera - were chosen with care.",
     [("targets", None, 3, 3, "two in Korvia, one in Saldera")], ["two in Korvia", "one in Saldera"]),
    ("The jets struck depots at two locations in Korvia and one location in Saldera.",
     [("targets", "locations", 3, 3, "two locations in Korvia and one location in Saldera")],
     ["two locations in Korvia", "one location in Saldera"]),
    ("The shelling killed five in Orvek, three in Molva and two in Dorval.",
     [("killed", "people", 10, 10, "five in Orvek, three in Molva and two in Dorval")],
     ["five in Orvek", "three in Molva", "two in Dorval"]),
])
def test_figures_lists_that_add_up_keep_their_parts(text, expected, parts):
    found = find_figures(text)
    assert [(f.metric, f.population, f.low, f.high, f.span.text) for f in found] == expected
    assert [p.text for p in found[0].parts] == parts


@pytest.mark.parametrize("text, expected", [
    ("Up to 7 civilians were killed.", [("killed", "civilians", None, 7, "Up to 7 civilians")]),
    ("As many as 10 villagers were hurt.", [("wounded", "people", None, 10, "As many as 10 villagers")]),
    ("Nearly 500 people were displaced.", [("displaced", "people", None, 499, "Nearly 500 people")]),
    ("Fewer than 10 people were hurt.", [("wounded", "people", None, 9, "Fewer than 10 people")]),
    ("Between four and seven soldiers were killed.",
     [("killed", "soldiers", 4, 7, "Between four and seven soldiers")]),
    ("Dozens of civilians were killed.", [("killed", "civilians", 24, None, "Dozens of civilians")]),
    ("Scores of people were wounded.", [("wounded", "people", 40, None, "Scores of people")]),
    ("Thousands fled the town.", [("displaced", "people", 2000, None, "Thousands")]),
    ("More than a dozen guards were arrested.", [("detained", "police", 13, None, "More than a dozen guards")]),
])
def test_figures_hedged_and_vague_bounds(text, expected):
    assert figures(text) == expected


def test_figures_keep_the_hedge_as_qualifier_and_mark_vague_amounts():
    about, several = find_figures("About 50 people were killed and several others were wounded.")
    assert (about.qualifier, about.vague, several.qualifier, several.vague) == ("about", False, "several", True)


@pytest.mark.parametrize("text, expected", [
    ("No one was killed in the blast.", [("killed", "people", 0, 0, "No one")]),
    ("There were no casualties.", [("killed", "people", 0, 0, "no casualties"),
                                   ("wounded", "people", 0, 0, "no casualties")]),
    ("None of the soldiers were hurt.", [("wounded", "soldiers", 0, 0, "None of the soldiers")]),
    ("The crew escaped injury.", [("wounded", "people", 0, 0, "escaped injury")]),
    ("All 20 passengers escaped injury.", [("wounded", "civilians", 0, 0, "escaped injury")]),
])
def test_figures_zero(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The ministry confirmed civilian fatalities in the shelling.",
     [("killed", "civilians", 1, None, "civilian fatalities")]),
    ("The army said it tried to avoid civilian casualties.", []),
    ("The clinic treated 30 casualties.", [("other", "people", 30, 30, "30 casualties")]),
    ("There were civilian casualties, the governor said.", [("other", "civilians", 1, None, "civilian casualties")]),
    ("The agency said at least 2,500 civilians had been killed or injured.",
     [("other", "civilians", 2500, None, "at least 2,500 civilians")]),
])
def test_figures_bare_plurals_and_casualties(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The bombing destroyed nine buildings and partially destroyed two others.",
     [("other", "buildings destroyed", 9, 9, "nine buildings"),
      ("other", "buildings partially destroyed", 2, 2, "two others")]),
    ("Two Korvan F-16 fighter jets dropped seven guided bombs.",
     [("other", "jets", 2, 2, "Two Korvan F-16 fighter jets"), ("other", "bombs", 7, 7, "seven guided bombs")]),
    ("The strike hit three trucks loaded with munitions.", [("targets", "trucks", 3, 3, "three trucks")]),
    ("While 14 were rocket attacks, most were roadside bombs.", [("attacks", None, 14, 14, "14")]),
])
def test_figures_damage_weapons_and_predicates(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", [
    "The strike on Feb. 25, 2021 at 10:30 was the second such attack and the first this year.",
    "Resolution 2254 was cited as Brigade 47 fighters moved along Route 4 and F-16 jets flew over.",
    "The victim, aged 40, was killed near the 3rd checkpoint.",
    "Tomas Varga, 34, was killed on Monday.",
    "Support for the deal rose 40% as the fund pledged $5 million.",
    "He was held in custody for three days.",
    "Two officials said the talks failed.",
    "The two Republican senators introduced three bills on policing, which targeted and criminalized many.",
    "Congress has three ways to seek enforcement, such as having someone jailed.",
    "It is one of the deadliest attacks in years.",
    "She chronicles many of the deaths that followed.",
    "The plan gives several targeted tax breaks to families.",
    "It did not say how many were killed.",
    "Call 555-123-4567 to report the injured.",
    "The talks will resume in 2022 after 12 rounds.",
    "The army lost two tanks and an aircraft.",
    "The trade war would cost hundreds of billions of dollars in lost output.",
    "Both of which lie close to the border, where the strikes targeted depots.",
    "Tomas Varga, 40 ― a father of three ― was shot and killed.",
    "A 22-year-old man who was born in Molva and later moved abroad after his brother was imprisoned.",
])
def test_figures_what_is_not_a_figure(text):
    assert figures(text) == []


def test_figures_read_context_outside_the_range_but_keep_spans_inside():
    text = "The monitor said at least five militia fighters were killed in the raid."
    start = text.index("at least")
    end = text.index(" militia")
    assert figures(text, start, end) == [("killed", "fighters", 5, None, "at least five")]
    found = find_figures(text, start, end)[0]
    assert (found.span.start, found.span.end) == (start, start + len("at least five"))


def test_figures_range_excludes_figures_outside_it():
    text = "The raid killed one fighter. Later, two soldiers were wounded."
    start = text.index("Later")
    assert figures(text, start) == [("wounded", "soldiers", 2, 2, "two soldiers")]


@pytest.mark.parametrize("text, metrics, span", [
    ("While the army did not provide information on casualties, fighting went on.", ["killed", "wounded"],
     "did not provide information on casualties"),
    ("The ministry declined to give a toll.", ["killed"], "declined to give a toll"),
    ("The ministry declined to give a death toll.", ["killed"], "declined to give a death toll"),
    ("The army gave no casualty figure.", ["killed", "wounded"], "gave no casualty figure"),
    ("Battle damage assessments are ongoing, a spokesman said.", ["killed", "wounded"],
     "Battle damage assessments are ongoing"),
    ("The colonel said assessments of the raid were still ongoing.", ["killed", "wounded"],
     "assessments of the raid were still ongoing"),
    ("No information on casualties was available.", ["killed", "wounded"], "No information on casualties"),
    ("The statement did not say how many were killed.", ["killed"], "did not say how many were killed"),
    ("It did not say how many people were wounded.", ["wounded"], "did not say how many people were wounded"),
    ("It was unclear what the casualty toll was.", ["killed", "wounded"], "was unclear what the casualty toll"),
    ("It was not immediately clear whether there were any injuries.", ["wounded"],
     "was not immediately clear whether there were any injuries"),
    ("Casualty figures were not immediately available.", ["killed", "wounded"],
     "Casualty figures were not immediately available"),
    ("The army was still assessing whether there were casualties.", ["killed", "wounded"],
     "was still assessing whether there were casualties"),
    ("An unknown number of people were killed.", ["killed"], "An unknown number of people were killed"),
    ("There were no immediate reports of casualties.", ["killed", "wounded"], "no immediate reports of casualties"),
])
def test_figures_no_figure_statements(text, metrics, span):
    found = find_no_figure(text)
    assert [f.metric for f in found] == metrics
    assert {f.span.text for f in found} == {span}
    assert all(f.no_figure and f.low is None and f.high is None for f in found)


@pytest.mark.parametrize("text", [
    "He did not provide details of the deal.",
    "It was unclear who carried out the attack that killed five.",
    "The army said 12 soldiers were killed.",
])
def test_figures_no_figure_needs_a_refusal_about_a_toll(text):
    assert find_no_figure(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Several civilians were killed.", (2, 9)),
    ("A few civilians were killed.", (2, 5)),
    ("Dozens of civilians were killed.", (24, 99)),
    ("Several dozen civilians were killed.", (24, 99)),
    ("Hundreds of civilians were killed.", (200, 999)),
    ("Thousands of civilians were killed.", (2000, 9999)),
    ("About 50 civilians were killed.", (45, 55)),
    ("Nearly 500 civilians were killed.", (450, 499)),
    ("17 civilians were killed.", (17, 17)),
    ("At least 5 civilians were killed.", (5, None)),
])
def test_figures_plausible_range(text, expected):
    (figure,) = find_figures(text)
    assert plausible_range(figure) == expected


def test_figures_plausible_range_of_no_figure_is_unbounded():
    silent = Figure("killed", None, None, None, Span(0, 4, "none"), no_figure=True)
    assert plausible_range(silent) == (None, None)


def _patched(name: str, change) -> dict:
    data = dict(lexicon.load(name))
    change(data)
    return data


@pytest.mark.parametrize("name, change, load, message", [
    ("figure_metrics.json", lambda d: d.update(cues={**d["cues"], "maimed": ["mauled"]}),
     figure_context._metrics_lexicon, "unknown metrics \\['maimed'\\]"),
    ("populations.json", lambda d: d.update(classes={**d["classes"], "person": ["killed", "eaten"]}),
     figure_nouns.noun_lexicon.__wrapped__, "class 'person' lists an unknown metric"),
    ("no_figure.json", lambda d: d.update(cues=["did not (give"]), no_figure._patterns.__wrapped__,
     "a pattern does not compile"),
])
def test_figures_lexicons_are_validated_on_load(monkeypatch, name, change, load, message):
    broken = _patched(name, change)
    real_load = lexicon.load
    monkeypatch.setattr(lexicon, "load", lambda wanted: broken if wanted == name else real_load(wanted))
    with pytest.raises(ValueError, match=message):
        load()


_WORDS = ["at least", "more than", "nearly", "about", "several", "dozens of", "a", "one", "no", "none", "two",
          "17", "2,500", "1.5 million", "4-7", "between four and", "seven", "fighters", "civilians", "others",
          "child", "member of the military", "killed", "were wounded", "death toll at", "targets -", "in Korvia,",
          "attacks", "troops", "and other troops", "escaped injury", "civilian casualties", "did not say how many",
          "—", "“", ".", ";", "\n", "F-16", "Feb.", "aged", "ſeveral", "İstanbul", "ﬁve"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join)),
       st.integers(-5, 400), st.one_of(st.none(), st.integers(-5, 400)))
def test_figures_never_raise_and_every_span_fits_the_text(text, start, end):
    low, high = max(0, start), len(text) if end is None else min(end, len(text))
    for figure in find_figures(text, start, end) + find_no_figure(text, start, end):
        assert figure.span.fits(text)
        assert text[figure.span.start:figure.span.end] == figure.span.text
        assert low <= figure.span.start <= figure.span.end <= high
        assert all(part.fits(text) for part in figure.parts)


def test_figures_death_toll_risen_to_after_a_long_modifier():
    text = ("The death toll from Sunday's artillery strike on a grain store outside Dask has risen to "
            "eleven Hask Brigades fighters, the monitor said.")
    assert [(f.metric, f.population, f.low, f.high) for f in find_figures(text)] == [
        ("killed", "fighters", 11, 11)]


def test_figures_bare_dead_count_is_people():
    """"acknowledged three dead": without a noun the count is of people, whoever speaks."""
    assert [(f.metric, f.population, f.low) for f in find_figures("The Hask Brigades acknowledged four dead.")] == [
        ("killed", "people", 4)]


def test_figures_caller_sentence_ends_give_the_same_figures():
    """The extractor splits an article once and hands figures its sentence ends."""
    text = "Two soldiers were killed on Monday. The army said four others were wounded."
    ends = [0, 35, 36, len(text)]
    assert [(f.metric, f.low) for f in find_figures(text, ends=ends)] == [
        (f.metric, f.low) for f in find_figures(text)] == [("killed", 2), ("wounded", 4)]
