"""Events: grouping an article's claims into events, and matching them across articles (ledger.events)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.events import EventDraft, KnownEvent, group_events, match_event, merge_known
from ledger.events.kinds import compatible as kinds_compatible
from ledger.events.labels import label
from ledger.events.mentions import find_mentions, split_sentences
from ledger.events.places import places_and_actors
from ledger.extract.types import Claim, Figure, Span, Speaker

SATURDAY = date(2024, 5, 18)


def claim(text: str, content: str, speaker: str = "A source", figures=()) -> Claim:
    """A claim whose content is the first occurrence of ``content``; figures are (metric, text) pairs."""
    start = text.index(content)
    found = []
    for metric, words in figures:
        at = text.index(words, start)
        found.append(Figure(metric, None, 1, 1, Span.of(text, at, at + len(words))))
    return Claim("indirect", Span.of(text, start, start + len(content)), Speaker(speaker), figures=found)


def events_of(text: str, contents: list[str], published=SATURDAY, title=None, figures=None):
    figures = figures or {}
    claims = [claim(text, c, figures=figures.get(c, ())) for c in contents]
    return group_events(text, published, claims, title=title)


# ---------------------------------------------------------------- the main event


def test_events_main_event_takes_kind_and_date_from_the_lead():
    text = ("Government warplanes bombed a market in Qalat on Thursday, killing nine people, a rescue group said.\n\n"
            "\"We counted nine bodies,\" a volunteer said.")
    found = events_of(text, ["Government warplanes bombed a market in Qalat on Thursday, killing nine people",
                             "We counted nine bodies"])
    event = found.events[0]
    assert (event.kind, event.date, event.precision) == ("air strike", date(2024, 5, 16), "day")
    assert found.claim_events == (0, 0)


def test_events_main_event_without_time_is_dated_by_publication():
    text = "Militants ambushed a patrol near Garo, the army said. Four soldiers died, it said."
    found = events_of(text, ["Militants ambushed a patrol near Garo", "Four soldiers died"])
    assert (found.events[0].date, found.events[0].precision) == (SATURDAY, None)


def test_events_statement_time_does_not_date_the_event():
    text = "A rocket attack hit the airport, a spokesman said on Friday. Two guards were hurt, he said."
    found = events_of(text, ["A rocket attack hit the airport", "Two guards were hurt"])
    assert found.events[0].precision is None


def test_events_slug_title_is_read_as_words():
    text = "Six people died, the governor said. Rescuers searched the rubble, he added."
    found = events_of(text, ["Six people died", "Rescuers searched the rubble"],
                      title="drone-strike-kills-six-in-kalba-province")
    assert found.events[0].kind == "drone strike"


def test_events_family_word_is_refined_by_the_article():
    text = ("Forces struck a depot in Varen, officials said.\n\nThe air strikes on Thursday destroyed two "
            "trucks, the officials said.")
    found = events_of(text, ["Forces struck a depot in Varen", "The air strikes on Thursday destroyed two trucks"])
    assert found.events[0].kind == "air strike"
    assert found.claim_events == (0, 0)


def test_events_no_claims_no_events():
    assert group_events("An air strike hit the town.", SATURDAY, []).events == ()


# ---------------------------------------------------------------- other events


@pytest.mark.parametrize("content, expected", [
    ("the shelling was retaliation for a rocket attack earlier this month", 0),
    ("a rocket attack earlier this month that killed one contractor", 1),
])
def test_events_relative_clause_and_marker_separate_an_earlier_event(content, expected):
    text = ("Artillery shelling hit militia posts in Tarsa on Friday, the army said.\n\n"
            "The army said the shelling was retaliation for a rocket attack earlier this month that killed "
            "one contractor.")
    found = events_of(text, ["Artillery shelling hit militia posts in Tarsa on Friday", content])
    assert found.claim_events[1] == expected


def test_events_that_attack_refers_back_to_the_last_event_named():
    text = ("A drone strike hit a convoy near Dema on Friday, officials said.\n\n"
            "The strike came after 12 rockets were launched at a base in the north. "
            "That attack killed one guard, officials said.")
    found = events_of(text, ["A drone strike hit a convoy near Dema on Friday", "That attack killed one guard"])
    assert found.claim_events == (0, 1)
    assert found.events[1].kind == "rocket attack"


def test_events_earlier_event_named_after_a_marker_is_dated_before_the_main_one():
    text = ("A drone strike hit a convoy near Dema on Friday, officials said.\n\n"
            "The strike came after rockets were launched at a base in Ulvar. That attack killed one guard.")
    found = events_of(text, ["A drone strike hit a convoy near Dema on Friday", "That attack killed one guard"])
    other = found.events[1]
    assert other.date is None
    assert other.latest is not None and other.latest < date(2024, 5, 17)
    assert other.earliest < other.latest


def test_events_another_month_is_another_event():
    text = ("Jets struck a fuel depot in Sarn on Thursday, the monitor said.\n\n"
            "It was the second raid this year, the first having occurred in February with a strike on a "
            "checkpoint that left 12 fighters dead, according to the monitor.")
    found = events_of(text, ["Jets struck a fuel depot in Sarn on Thursday",
                             "a strike on a checkpoint that left 12 fighters dead"])
    assert found.claim_events == (0, 1)
    assert (found.events[1].date, found.events[1].precision) == (date(2024, 2, 1), "month")


@pytest.mark.parametrize("words", ["a second strike", "another strike"])
def test_events_a_second_strike_is_another_event(words):
    text = (f"An air strike hit a school in Voss, medics said.\n\nHours later {words} hit a clinic, killing "
            "two nurses, medics said.")
    found = events_of(text, ["An air strike hit a school in Voss", f"{words} hit a clinic"])
    assert found.claim_events == (0, 1)


def test_events_undated_article_keeps_a_named_month_apart():
    text = ("Jets conducted air strikes earlier this evening on depots, the ministry said.\n\n"
            "The first happened in February with a strike that left nine dead, according to monitors.")
    found = events_of(text, ["Jets conducted air strikes earlier this evening on depots",
                             "a strike that left nine dead"], published=None)
    assert found.claim_events == (0, 1)
    assert found.events[0].date is None and found.events[1].date is None


# ---------------------------------------------------------------- background


@pytest.mark.parametrize("content", [
    "Since the start of the year there have been more than 40 attacks on convoys",
    "the rebels for recent attacks on convoys",
])
def test_events_series_and_periods_are_background(content):
    text = ("A car bomb exploded outside a bank in Loma on Friday, police said.\n\n"
            "The police blamed the rebels for recent attacks on convoys. "
            "Since the start of the year there have been more than 40 attacks on convoys, police said.")
    found = events_of(text, ["A car bomb exploded outside a bank in Loma on Friday", content])
    assert found.claim_events == (0, None)


def test_events_period_opening_the_sentence_makes_the_claim_background():
    text = ("Jets struck a camp near Rafi on Friday, the ministry said.\n\n"
            "Since the start of the year, 150 people have been killed, according to the UN.")
    found = events_of(text, ["Jets struck a camp near Rafi on Friday", "150 people have been killed"])
    assert found.claim_events == (0, None)


def test_events_event_answered_by_the_main_one_keeps_its_own_date():
    text = ("Air strikes killed 12 people in Gaza City on Friday, the health ministry said.\n\n"
            "The strikes came after militants fired rockets at Sderot on Thursday, wounding two people, medics said.")
    found = events_of(text, ["Air strikes killed 12 people in Gaza City on Friday",
                             "militants fired rockets at Sderot on Thursday, wounding two people"])
    assert found.claim_events == (0, 1)
    assert (found.events[1].kind, found.events[1].date) == ("rocket attack", date(2024, 5, 16))
    assert "Sderot" not in found.events[0].places


def test_events_same_kind_on_another_day_is_another_event():
    text = ("Shelling killed three civilians in Kherson on Friday, the governor said.\n\n"
            "On Thursday, shelling of Nikopol killed two, officials said.")
    found = events_of(text, ["Shelling killed three civilians in Kherson on Friday", "shelling of Nikopol killed two"])
    assert found.claim_events == (0, 1)


@pytest.mark.parametrize("content, count", [
    ("The bombing was in retaliation for three recent missile attacks on the port", "three recent missile attacks"),
    ("14 were rocket attacks", "14"),
])
def test_events_counts_of_attacks_are_background(content, count):
    text = ("A bombing killed six guards at the port of Tern on Friday, officials said.\n\n"
            "The bombing was in retaliation for three recent missile attacks on the port, officials said. "
            "Of the 30 incidents this year, 14 were rocket attacks.")
    found = events_of(text, ["A bombing killed six guards at the port of Tern on Friday", content],
                      figures={content: [("attacks", count)]})
    assert found.claim_events == (0, None)


def test_events_context_marker_keeps_the_sentence_on_its_event():
    text = ("Jets carried out air strikes on depots in Kopa on Friday, the ministry said.\n\n"
            "\"Given the ongoing series of attacks on our bases, the minister ordered further military action "
            "to deter such attacks,\" the spokesman said.")
    content = ("Given the ongoing series of attacks on our bases, the minister ordered further military action "
               "to deter such attacks")
    found = events_of(text, ["Jets carried out air strikes on depots in Kopa on Friday", content])
    assert found.claim_events == (0, 0)


def test_events_claim_without_event_word_is_about_the_main_event():
    text = "Shelling hit the old town of Bira on Friday, residents said. \"We have no water,\" one said."
    found = events_of(text, ["Shelling hit the old town of Bira on Friday", "We have no water"])
    assert found.claim_events == (0, 0)


def test_events_claim_dated_elsewhere_without_event_word_is_another_event():
    text = ("Shelling hit the old town of Bira on Friday, residents said.\n\n"
            "Eleven people were killed there last year, the mayor said.")
    found = events_of(text, ["Shelling hit the old town of Bira on Friday",
                             "Eleven people were killed there last year"])
    assert found.claim_events == (0, 1)
    assert found.events[1].precision == "year"


def test_events_only_events_with_claims_are_returned():
    text = ("A rocket attack hit the airport on Friday, officials said.\n\n"
            "It followed an ambush last month in which four soldiers died.")
    found = events_of(text, ["A rocket attack hit the airport on Friday"])
    assert len(found.events) == 1 and found.claim_events == (0,)


# ---------------------------------------------------------------- words, places, labels


@pytest.mark.parametrize("text, kind, determiner, secondary, series", [
    ("The attack hit the base.", "attack", "definite", False, False),
    ("It came in retaliation for a rocket attack.", "rocket attack", "indefinite", True, False),
    ("He blamed them for recent attacks.", "attack", None, False, True),
    ("A militia that launched rocket attacks was hit.", "rocket attack", None, True, True),
    ("Thursday's drone strike killed two.", "drone strike", "definite", False, False),
])
def test_events_mentions_read_their_context(text, kind, determiner, secondary, series):
    (m,) = [m for m in find_mentions(text, split_sentences(text)) if m.kind == kind]
    assert (m.determiner, m.secondary, m.series) == (determiner, secondary, series)


@pytest.mark.parametrize("text", ["The hunger strike entered its tenth day.", "A rescue operation began."])
def test_events_mentions_skip_non_violent_uses(text):
    assert find_mentions(text, split_sentences(text)) == []


def test_events_sentences_do_not_end_at_abbreviations():
    text = "The U.S. military said Lt. Col. John F. Baker was hurt. He recovered."
    assert [text[a:b].strip() for a, b in split_sentences(text)] == [
        "The U.S. military said Lt. Col. John F. Baker was hurt.", "He recovered."]


@pytest.mark.parametrize("text, places, actors", [
    ("Syrian jets struck near Tel Amra in eastern Syria.", ["Tel Amra", "Syria"], ["Syria"]),
    ("The Iran-backed Ashbal Brigades fired at the Iraq-Syria border.", ["Iraq", "Syria"], ["Ashbal Brigades"]),
    ("The London-based monitor, which is based in Vienna, said the raid hit Dora.", ["Dora"], []),
    ("Residents fled the Tarkam shelling.", ["Tarkam"], []),
    ("Rockets hit the Kurdistan region.", ["Kurdistan Region", "Iraq"], []),
    ("Troops moved into Kelta's old town.", ["Kelta"], []),
])
def test_events_places_and_actors(text, places, actors):
    assert places_and_actors(text, [(0, len(text))]) == (places, actors)


def test_events_title_case_reads_only_known_names():
    title = "U.S. Strikes Hit Depots in Syria, Sources Say at Least 17 Killed"
    assert places_and_actors(title, [(0, len(title))], lexicon_only=True) == (["Syria"], ["United States"])


@pytest.mark.parametrize("kind, places, actors, expected", [
    ("air strike", ["Syria", "Abu Kamal"], [], "air strike, Abu Kamal, Syria"),
    ("shelling", [], ["Russia"], "shelling (Russia)"),
    (None, [], [], "event"),
])
def test_events_label(kind, places, actors, expected):
    assert label(kind, places, actors) == expected


@pytest.mark.parametrize("a, b, verdict", [
    ("air strike", "bombing", True),
    ("air strike", "rocket attack", False),
    ("attack", "rocket attack", True),
    ("strike", "drone strike", True),
    (None, "shelling", True),
])
def test_events_kinds_compatible(a, b, verdict):
    assert kinds_compatible(a, b) is verdict


# ---------------------------------------------------------------- across articles


def known(id_, day, precision="day", places=("Syria",), kind="air strike", actors=()):
    return KnownEvent(id_, f"{kind} {id_}", day, precision, tuple(places), tuple(actors), kind)


def draft(day, precision="day", places=("Syria",), kind="air strike", actors=(), **bounds):
    return EventDraft("draft", day, precision, tuple(places), tuple(actors), kind, **bounds)


@pytest.mark.parametrize("candidate", [
    draft(date(2024, 2, 26)),  # the next day (time zones)
    draft(date(2024, 2, 26), None),  # an undated report published the day after
    draft(date(2024, 2, 19), "week"),  # "last week"
    draft(date(2024, 2, 1), "month", places=("Abou Kamal",)),  # another spelling
    draft(date(2024, 2, 25), kind="bombing"),
])
def test_events_match_same_event_across_outlets(candidate):
    strike = known(1, date(2024, 2, 25), places=("Syria", "Abu Kamal"))
    assert match_event(candidate, [strike]) == strike


@pytest.mark.parametrize("candidate", [
    draft(date(2024, 6, 27)),  # a June strike on the same border
    draft(date(2024, 2, 11), kind="rocket attack"),  # the attack the strike answered
    draft(date(2024, 2, 25), kind="rocket attack"),
    draft(date(2024, 2, 25), places=("Yemen",)),
    draft(None, None),  # undated: a February and a June strike would meet
])
def test_events_match_keeps_different_events_apart(candidate):
    assert match_event(candidate, [known(1, date(2024, 2, 25))]) is None


def test_events_match_prefers_the_closest_date():
    early, late = known(1, date(2024, 2, 1), "month"), known(2, date(2024, 2, 25))
    assert match_event(draft(date(2024, 2, 24)), [early, late]) == late


def test_events_match_uses_explicit_bounds():
    attack = known(1, date(2024, 2, 15), kind="rocket attack", places=("Iraq",))
    before = draft(None, None, kind="rocket attack", places=("Iraq",), earliest=date(2024, 1, 25),
                   latest=date(2024, 2, 24))
    assert match_event(before, [attack]) == attack


def test_events_merge_known_adds_names_and_a_finer_date():
    old = known(3, date(2024, 2, 19), "week", places=("Syria",))
    merged = merge_known(old, draft(date(2024, 2, 22), places=("Syria", "Mayadin"), actors=("United States",)))
    assert (merged.date, merged.precision, merged.places, merged.actors) == (
        date(2024, 2, 22), "day", ("Syria", "Mayadin"), ("United States",))
    assert merge_known(merged, draft(date(2024, 2, 19), "week")).date == date(2024, 2, 22)


def test_events_grouped_article_matches_a_known_event():
    text = "US warplanes struck a depot near Abu Kamal in Syria on Thursday, a monitor said."
    found = events_of(text, ["US warplanes struck a depot near Abu Kamal in Syria on Thursday"],
                      published=date(2024, 2, 23))
    strike = known(7, date(2024, 2, 22), places=("Albu Kamal",))
    assert match_event(found.events[0], [strike]) == strike
    assert "Syria" in found.events[0].places and "United States" in found.events[0].actors


# ---------------------------------------------------------------- the lexicons


def test_events_every_event_pattern_has_an_anchor():
    from ledger.events.lexicon import load

    data = load("event_kinds.json")
    for kind in data["kinds"]:
        for pattern in kind["patterns"]:
            assert pattern == pattern.lower()
            assert any(anchor in pattern for anchor in data["anchors"]), pattern
    for anchor in data["anchors"]:
        assert any(anchor in p for kind in data["kinds"] for p in kind["patterns"]), anchor


def test_events_every_time_anchor_names_its_forms():
    from ledger.events.lexicon import load
    from ledger.events.timexpr import anchor_words

    groups = load("time_words.json")["anchor_groups"]
    assert set(anchor_words()) == set(groups)


def test_events_every_compatible_kind_exists():
    from ledger.events.lexicon import load

    kinds = load("event_kinds.json")["kinds"]
    names = {k["kind"] for k in kinds}
    assert all(set(k.get("compatible", ())) <= names for k in kinds)


WORDS = ["the", "a", "strike", "air", "strikes", "attack", "rocket", "attacks", "on", "Thursday", "last", "week",
         "in", "February", "after", "that", "launched", "recent", "since", "start", "of", "year", "Syria", "killed",
         "five", "fighters", "said", ",", ".", "\n\n", "another", "shelling", "hours", "later", "earlier", "this",
         "month", "Kataeb", "Brigades", "near", "Abu", "Kamal", "retaliation", "for", "such", "those"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=80), st.lists(st.tuples(st.integers(0, 400),
       st.integers(1, 120)), min_size=1, max_size=6), st.sampled_from([SATURDAY, None]))
def test_events_any_text_gives_valid_indices(words, spans, published):
    text = " ".join(words)
    claims = []
    for start, size in spans:
        start = min(start, len(text) - 1)
        end = min(len(text), start + size)
        claims.append(Claim("indirect", Span.of(text, start, end), Speaker("x")))
    found = group_events(text, published, claims, title="strike in Syria")
    assert len(found.claim_events) == len(claims)
    used = {i for i in found.claim_events if i is not None}
    assert used == set(range(len(found.events)))


ANCHOR_TEXT = ("On Thursday, US warplanes carried out air strikes near the border. Shelling and a car bomb followed "
               "in May; improvised explosive devices, unmanned aerial vehicle (UAV) attacks and mass killings were "
               "reported since the start of the year, two days ago and on 25/02/2024, officials said on Friday.")


def test_events_anchored_search_finds_what_a_full_scan_finds():
    from ledger.events.mentions import _mention_pattern
    from ledger.events.timexpr import _pattern, find_times

    lowered = ANCHOR_TEXT.lower()
    words = [m.text for m in find_mentions(ANCHOR_TEXT, split_sentences(ANCHOR_TEXT))]
    assert words == [ANCHOR_TEXT[m.start():m.end()] for m in _mention_pattern().finditer(lowered)]
    times = [t.text for t in find_times(ANCHOR_TEXT, SATURDAY)]
    assert times == [ANCHOR_TEXT[m.start():m.end()] for m in _pattern().finditer(lowered)]
    assert len(words) == 7 and len(times) == 6
