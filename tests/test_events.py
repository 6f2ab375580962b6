"""Events: grouping an article's claims into events, and matching them across articles (ledger.reading.events)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.reading.events import EventDraft, KnownEvent, group_events, match_event, merge_known
from ledger.reading.events.kinds import compatible as kinds_compatible
from ledger.reading.events.labels import label
from ledger.reading.events.mentions import find_mentions
from ledger.text.sentences import sentence_spans
from ledger.reading.events.places import demonym_countries, places_and_actors
from ledger.reading.types import Claim, Figure, Span, Speaker

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


# ---------------------------------------------------------------- a claim telling two events


def told(text: str, content: str, speaker: str = "the army", figures=(), kind: str = "indirect") -> Claim:
    """A claim of ``kind`` by ``speaker``; figures are (metric, words) pairs found after the content start."""
    start = text.index(content)
    found = []
    for metric, words in figures:
        at = text.index(words, start)
        found.append(Figure(metric, None, 1, 1, Span.of(text, at, at + len(words))))
    cue_at = text.index("said") if "said" in text else None
    cue = Span.of(text, cue_at, cue_at + 4) if cue_at is not None else None
    return Claim(kind, Span.of(text, start, start + len(content)), Speaker(speaker), cue=cue, figures=found)


def split_view(found) -> list[tuple]:
    return [(c.content.text, c.speaker.name, c.kind, [f.span.text for f in c.figures], event)
            for c, event in zip(found.claims, found.claim_events)]


OSK_LEAD = "Warplanes bombed a bridge near Osk on Friday, the army said.\n\n"


def test_events_split_embedded_event_with_its_toll():
    text = (OSK_LEAD + "The army said the strikes were retaliation for a rocket attack on a base earlier this month "
            "that killed one contractor and wounded two soldiers.")
    lead = told(text, "Warplanes bombed a bridge near Osk on Friday")
    both = told(text, "the strikes were retaliation for a rocket attack on a base earlier this month that killed "
                      "one contractor and wounded two soldiers",
                figures=[("killed", "one contractor"), ("wounded", "two soldiers")])
    found = group_events(text, SATURDAY, [lead, both])
    assert split_view(found) == [
        ("Warplanes bombed a bridge near Osk on Friday", "the army", "indirect", [], 0),
        ("the strikes were retaliation for a rocket attack on a base earlier this month", "the army", "indirect",
         [], 0),
        ("a rocket attack on a base earlier this month that killed one contractor and wounded two soldiers",
         "the army", "indirect", ["one contractor", "two soldiers"], 1)]
    assert found.claims[2].cue == both.cue
    assert (found.events[1].kind, found.events[1].earliest) == ("rocket attack", date(2024, 5, 1))


@pytest.mark.parametrize("sentence, part, figure", [
    ("The strike came after a rocket attack on an outpost earlier this month that killed two soldiers, which the "
     "army blamed on rebels.", "a rocket attack on an outpost earlier this month that killed two soldiers",
     "two soldiers"),
    ("The strike came after 14 rockets were launched at an airbase in the north.",
     "14 rockets were launched at an airbase in the north", "14 rockets"),
    ("The raid followed an ambush on Monday in which four guards died.",
     "an ambush on Monday in which four guards died", "four guards"),
])
def test_events_split_outlet_claim_keeps_only_the_embedded_event(sentence, part, figure):
    text = OSK_LEAD + sentence
    outlet = told(text, sentence.rstrip("."), "Osk Post", [("killed", figure)], "outlet")
    found = group_events(text, SATURDAY, [told(text, "Warplanes bombed a bridge near Osk on Friday"), outlet])
    assert split_view(found)[1:] == [(part, "Osk Post", "outlet", [figure], 1)]


@pytest.mark.parametrize("content, figure", [
    ("Five guards were killed after a rocket attack on Monday", "Five guards"),  # the toll is before the marker
    ("the strikes answered recent rocket attacks that killed two soldiers", "two soldiers"),  # a series
    ("the strikes answered a rocket attack that was condemned, and killed two fighters", "two fighters"),
    ("the strike came after the attack, killing two fighters", "two fighters"),  # a known event, no marker
    ("the blast, which came after a rocket attack on Monday, killed 12 people", "12 people"),  # a parenthesis
])
def test_events_split_leaves_one_event_claims_whole(content, figure):
    text = OSK_LEAD + f"The army said {content}."
    claim_ = told(text, content, figures=[("killed", figure)])
    found = group_events(text, SATURDAY, [claim_])
    assert found.claims == (claim_,)


@pytest.mark.parametrize("content, rest, part, figure", [
    ("we struck in response to the attack on our base last week that killed three of our soldiers",
     "we struck in response to the attack on our base last week",
     "the attack on our base last week that killed three of our soldiers", "three of our soldiers"),
    ("the strike came after militants attacked a checkpoint on Monday, killing five soldiers",
     "the strike came after militants attacked a checkpoint on Monday",
     "militants attacked a checkpoint on Monday, killing five soldiers", "five soldiers"),
])
def test_events_split_event_dated_apart_or_told_by_a_verb(content, rest, part, figure):
    text = OSK_LEAD + f"The army said {content}."
    found = group_events(text, SATURDAY, [told(text, content, figures=[("killed", figure)])])
    assert split_view(found) == [(rest, "the army", "indirect", [], 0), (part, "the army", "indirect", [figure], 1)]


def test_events_split_keeps_figures_of_the_main_event():
    text = (OSK_LEAD + "The army said the raid killed six fighters after a rocket attack on Monday that wounded "
            "three soldiers.")
    content = "the raid killed six fighters after a rocket attack on Monday that wounded three soldiers"
    found = group_events(text, SATURDAY, [told(text, content, figures=[("killed", "six fighters"),
                                                                        ("wounded", "three soldiers")])])
    assert split_view(found) == [
        ("the raid killed six fighters after a rocket attack on Monday", "the army", "indirect", ["six fighters"], 0),
        ("a rocket attack on Monday that wounded three soldiers", "the army", "indirect", ["three soldiers"], 1)]


SPLIT_WORDS = ["the", "a", "strikes", "strike", "rocket", "attack", "attacks", "after", "retaliation", "for", "that",
               "which", "killed", "two", "soldiers", "on", "Monday", "earlier", "this", "month", "were", "launched",
               "rockets", "base", "Osk", "said", ",", ".", ";", "(", "\n\n", "recent", "came", "in", "amid", "and"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SPLIT_WORDS), min_size=1, max_size=70),
       st.lists(st.tuples(st.integers(0, 400), st.integers(1, 200), st.lists(st.tuples(st.integers(0, 200),
                                                                                        st.integers(1, 20)),
                                                                              max_size=3)), min_size=1, max_size=5),
       st.sampled_from(["indirect", "outlet"]))
def test_events_split_spans_stay_valid(words, spans, kind):
    text = " ".join(words)
    claims = []
    for start, size, figures in spans:
        start = min(start, len(text) - 1)
        end = min(len(text), start + size)
        found = [Figure("killed", None, 1, 1, Span.of(text, min(start + a, end), min(start + a + b, end)))
                 for a, b in figures]
        claims.append(Claim(kind, Span.of(text, start, end), Speaker("x"), figures=found))
    result = group_events(text, SATURDAY, claims, title="strike on Osk")
    assert len(result.claims) == len(result.claim_events) >= 1
    for claim_ in result.claims:
        assert all(span.fits(text) for span in claim_.spans())
        assert any(claim_ is given for given in claims) or claim_.content.text.strip()
    kept = [id(f) for c in result.claims for f in c.figures]
    assert sorted(kept) == sorted({id(f) for c in claims for f in c.figures} & set(kept))
    assert len(kept) == len(set(kept))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SPLIT_WORDS), max_size=12), st.lists(st.sampled_from(SPLIT_WORDS), max_size=12),
       st.integers(0, 60), st.integers(0, 60), st.sampled_from(["indirect", "outlet"]))
def test_events_split_parts_keep_their_figures(before, after, grow_left, grow_right, kind):
    embedded = "after a rocket attack on a base earlier this month that killed two soldiers"
    text = OSK_LEAD + " ".join(before) + " The strike came " + embedded + " " + " ".join(after)
    start = max(len(OSK_LEAD), text.index("The strike came") - grow_left)
    end = min(len(text), text.index(embedded) + len(embedded) + grow_right)
    at = text.index("two soldiers", text.index(embedded))
    figure = Figure("killed", "soldiers", 2, 2, Span.of(text, at, at + len("two soldiers")))
    found = group_events(text, SATURDAY, [Claim(kind, Span.of(text, start, end), Speaker("x"), figures=[figure])])
    assert all(span.fits(text) for c in found.claims for span in c.spans())
    (holder,) = [c for c in found.claims if c.figures]
    assert holder.figures == [figure] and holder.content.start <= at < holder.content.end
    assert found.claim_events[found.claims.index(holder)] is not None


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
    (m,) = [m for m in find_mentions(text, sentence_spans(text)) if m.kind == kind]
    assert (m.determiner, m.secondary, m.series) == (determiner, secondary, series)


@pytest.mark.parametrize("text", ["The hunger strike entered its tenth day.", "A rescue operation began."])
def test_events_mentions_skip_non_violent_uses(text):
    assert find_mentions(text, sentence_spans(text)) == []


def test_events_sentences_are_the_splitters_and_do_not_end_at_abbreviations():
    text = "The U.S. military said Lt. Col. John F. Baker was hurt. He recovered."
    assert [text[a:b].strip() for a, b in sentence_spans(text)] == [
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


@pytest.mark.parametrize("text, places, actors", [
    # a common word opening a headline is no place; the name before a site after "on" is the place hit
    ("Drone strike on Telvo depot kills fighters", ["Telvo"], []),
    ("Shelling hit Varnok. Shelling resumed at dawn.", ["Varnok"], []),
    ("Drones hit a depot near the Orvanian town of Telvo.", ["Telvo"], []),  # an adjective of nationality
    ("Seven Varga Brigades fighters were killed near Telvo.", ["Telvo"], ["Varga Brigades"]),  # a count
    ("Jets struck groups against Iran-backed militias in Iraq.", ["Iraq"], []),
])
def test_events_places_skip_common_words_adjectives_and_counts(text, places, actors):
    assert places_and_actors(text, [(0, len(text))]) == (places, actors)


@pytest.mark.parametrize("text, countries", [
    ("Drones hit the Orvanian town of Telvo in eastern Orvania.", ["Orvania"]),
    ("Drones hit the Orvanian town of Telvo.", []),  # the country's spelling is not in the text
    ("Orvanian drones hit Telvo in Orvania.", []),  # an adjective before no place noun
])
def test_events_demonym_countries(text, countries):
    assert demonym_countries(text, [(0, len(text))]) == countries


def test_events_lead_after_a_headline_repeated_in_the_body():
    text = ("Victims of Orvanian drone attack on Telvo\n\nTwo civilians were killed when Orvanian drones hit a "
            "depot on the outskirts of Telvo late on Tuesday, the agency reported.\n\nThe agency said more.")
    found = events_of(text, ["Two civilians were killed when Orvanian drones hit a depot on the outskirts of Telvo "
                             "late on Tuesday"], title="Victims of Orvanian drone attack on Telvo")
    event = found.events[0]
    assert (event.kind, event.date, event.precision, event.places) == (
        "drone strike", date(2024, 5, 14), "day", ("Telvo",))


def test_events_other_event_places_include_its_noun_phrase():
    text = ("Drones hit a depot near Telvo on Friday, the monitor said.\n\n"
            "The Harla Pass attack two weeks ago killed two soldiers, according to the army.")
    found = events_of(text, ["Drones hit a depot near Telvo on Friday",
                             "The Harla Pass attack two weeks ago killed two soldiers"])
    assert found.claim_events == (0, 1)
    assert found.events[1].places == ("Harla Pass",)


def test_events_label_names_a_country_outside_the_lexicon():
    text = ("Drones struck a depot near the Orvanian town of Telvo on Tuesday night, the monitor said, "
            "citing informants across Orvania.")
    found = events_of(text, ["Drones struck a depot near the Orvanian town of Telvo on Tuesday night"])
    assert found.events[0].label == "drone strike, Telvo, Orvania"


@pytest.mark.parametrize("stored, kind, new, new_kind, expected", [
    ("drone strike, Telvo", "drone strike", "drone strike, Telvo, Orvania", "drone strike",
     ("drone strike, Telvo, Orvania", "drone strike")),
    ("attack, Harla Pass", "attack", "rocket attack, Harla Pass", "rocket attack",
     ("rocket attack, Harla Pass", "rocket attack")),
    ("rocket attack, Harla Pass", "rocket attack", "attack, Harla Pass, Orvania", "attack",
     ("rocket attack, Harla Pass", "rocket attack")),  # a vaguer report never relabels
])
def test_events_enrich_relabels_with_a_fuller_report(stored, kind, new, new_kind, expected):
    from ledger.ingest.event_store import enriched

    event = KnownEvent(1, stored, date(2024, 5, 14), "day", (), (), kind)
    values = enriched(event, EventDraft(new, date(2024, 5, 14), "day", kind=new_kind))
    assert (values.get("label", stored), values.get("kind", kind)) == expected
    renamed = enriched(event, EventDraft(new, date(2024, 5, 14), "day", kind=new_kind), lambda: True)
    assert renamed.get("label", stored) == stored  # an analyst's label stays


def test_events_title_case_reads_only_known_names():
    title = "U.S. Strikes Hit Depots in Syria, Sources Say at Least 17 Killed"
    assert places_and_actors(title, [(0, len(title))], lexicon_only=True) == (["Syria"], ["United States"])


@pytest.mark.parametrize("kind, places, actors, countries, expected", [
    ("air strike", ["Syria", "Abu Kamal"], [], [], "air strike, Abu Kamal, Syria"),
    ("drone strike", ["Telvo", "Orvania"], [], ["Orvania"], "drone strike, Telvo, Orvania"),
    ("drone strike", ["Orvania", "Telvo"], [], ["Orvania"], "drone strike, Telvo, Orvania"),
    ("shelling", [], ["Russia"], [], "shelling (Russia)"),
    (None, [], [], [], "event"),
])
def test_events_label(kind, places, actors, countries, expected):
    assert label(kind, places, actors, countries) == expected


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


def test_events_match_keeps_attacks_at_two_towns_apart_unless_their_day_ties_them():
    # the same group blamed for a rocket attack at Varn and one at Tesk in one month: two attacks, in any order
    varn = known(1, date(2024, 3, 1), "month", places=("Varn",), kind="rocket attack", actors=("Orsk Front",))
    tesk = draft(date(2024, 3, 1), "month", places=("Tesk",), kind="rocket attack", actors=("Orsk Front",))
    assert match_event(tesk, [varn]) is None
    # one raid on two sites of one country the same night stays one event
    raid = known(2, date(2024, 2, 25), places=("Varn", "Syria"), actors=("United States",))
    assert match_event(draft(date(2024, 2, 26), places=("Tesk", "Syria")), [raid]) == raid
    # but strikes at two towns two days apart are two strikes, even in one region
    assert match_event(draft(date(2024, 2, 27), places=("Tesk", "Syria")), [raid]) is None
    # missiles on two bases one night are one attack, and a report of "last week" at one site is that raid
    bases = known(3, date(2024, 1, 8), places=("Varn Airbase",), kind="missile attack", actors=("Mardovia",))
    assert match_event(draft(date(2024, 1, 8), places=("Tesk",), kind="missile attack", actors=("Mardovia",)),
                       [bases]) == bases
    assert match_event(draft(date(2024, 1, 8), "week", places=("Tesk",), kind="missile attack",
                             actors=("Mardovia",)), [bases]) == bases
    # two days apart is two strikes even at one place: only an overnight strike has two dates
    assert match_event(draft(date(2024, 2, 27), places=("Varn", "Syria")), [raid]) is None
    # a report naming no town still joins by its country
    assert match_event(draft(date(2024, 2, 25), places=("Syria",)), [raid]) == raid


def test_events_match_a_site_named_shorter_is_the_same_site():
    """"The Al-Kessel Arab hospital" one day and "the Al-Kessel hospital" the next are one site; a name that
    only begins like another ("Kesselberg") is not."""
    blast = known(1, date(2031, 10, 14), places=("Dorn City", "Al-Kessel Arab"), kind="bombing")
    assert match_event(draft(date(2031, 10, 14), places=("Dorn Strip", "Al-Kessel"), kind="bombing"), [blast]) == blast
    assert match_event(draft(date(2031, 10, 14), places=("Kesselberg",), kind="bombing"), [blast]) is None


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
    from ledger.text.data import load

    data = load("event_kinds.json")
    for kind in data["kinds"]:
        for pattern in kind["patterns"]:
            assert pattern == pattern.lower()
            assert any(anchor in pattern for anchor in data["anchors"]), pattern
    for anchor in data["anchors"]:
        assert any(anchor in p for kind in data["kinds"] for p in kind["patterns"]), anchor


def test_events_every_time_anchor_names_its_forms():
    from ledger.text.data import load
    from ledger.reading.events.timexpr import anchor_words

    groups = load("time_words.json")["anchor_groups"]
    assert set(anchor_words()) == set(groups)


def test_events_every_compatible_kind_exists():
    from ledger.text.data import load

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
    from ledger.reading.events.mentions import _mention_pattern
    from ledger.reading.events.timexpr import _pattern, find_times

    lowered = ANCHOR_TEXT.lower()
    words = [m.text for m in find_mentions(ANCHOR_TEXT, sentence_spans(ANCHOR_TEXT))]
    assert words == [ANCHOR_TEXT[m.start():m.end()] for m in _mention_pattern().finditer(lowered)]
    times = [t.text for t in find_times(ANCHOR_TEXT, SATURDAY)]
    assert times == [ANCHOR_TEXT[m.start():m.end()] for m in _pattern().finditer(lowered)]
    assert len(words) == 7 and len(times) == 6


# ---------------------------------------------------------------- stored events


TELVO_FIRST = """---
outlet: Wire A
published: 2024-05-15
title: Drone strike near Telvo kills four fighters
---
Drones hit a fuel depot near Telvo on Tuesday night, killing four fighters, a monitor said.
"""
TELVO_FULLER = """---
outlet: Wire B
published: 2024-05-16
title: Five dead in Telvo drone strike
---
Drones struck a depot near the Orvanian town of Telvo on Tuesday night, the agency said, citing officials across
Orvania. Five fighters were killed, the agency said.
"""


@pytest.mark.parametrize("renamed, label", [(False, "drone strike, Telvo, Orvania"), (True, "Telvo depot strike")])
def test_events_stored_label_grows_with_fuller_reports_unless_an_analyst_named_it(ledger, tmp_path, renamed,
                                                                                   label):
    first, fuller = tmp_path / "first.txt", tmp_path / "fuller.txt"
    first.write_text(TELVO_FIRST)
    fuller.write_text(TELVO_FULLER)
    ledger("ingest", str(first))
    assert [e["label"] for e in ledger.json("events")] == ["drone strike, Telvo"]
    if renamed:
        ledger("events", "rename", "1", "Telvo depot strike")
    ledger("ingest", str(fuller))
    assert [e["label"] for e in ledger.json("events")] == [label]
