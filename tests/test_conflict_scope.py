"""The scope of a figure in the conflict report: a toll of the wider war is not the event's count, one
source revising itself is no conflict, an open bound fits the larger figures (issue 14)."""
from __future__ import annotations

import pytest

from conftest import write
from ledger.reading.events.scopes import wider_figures
from ledger.reconcile import EVENT, FigureFact, estimate, place_scopes, reconcile


def _spans(sentence: str, *figures: str) -> list[tuple[int, int]]:
    spans = []
    for figure in figures:
        start = sentence.index(figure)
        spans.append((start, start + len(figure)))
    return spans


@pytest.mark.parametrize("sentence, figure", [
    ("Officials say at least 3,100 people have been killed in Dorvask since the start of the war.", "at least 3,100"),
    ("The Karst insurgency has killed more than 12,000 people since 2011.", "more than 12,000"),
    ("The army said the rebellion was ending after nearly six years of violence that has killed at least 9,000.",
     "at least 9,000"),
    ("The agency estimates 2,700 civilians have been killed by the airstrikes, which began in April 2019.", "2,700"),
    ("More than 1,500 people have been killed in the besieged city, according to regional authorities.",
     "More than 1,500"),
    ("Tarvia has reduced its backing for the Ostrian-led campaign over the hundreds of civilian deaths that have "
     "resulted from indiscriminate bombing.", "hundreds"),
    ("At least 400 fighters have died in the war so far this year, the monitor said.", "At least 400"),
    ("An estimated 80,000 residents are trapped inside the city without power.", "80,000"),
    ("Rights groups have documented hundreds of civilian deaths in the Ostrian-led campaign.", "hundreds"),
    ("Officials counted more than 900 violent deaths across the country this year.", "more than 900"),
])
def test_scopes_a_toll_of_the_wider_conflict(sentence, figure):
    assert wider_figures(sentence, _spans(sentence, figure)) == [True]


@pytest.mark.parametrize("sentence, figure", [
    ("The strike killed 14 people in Varn on Tuesday, the governor said.", "14"),
    ("At least 40 people have been killed in the strike on the camp, the deadliest of the war.", "At least 40"),
    ("The raid, the deadliest since 2016, killed 31 villagers.", "31"),
    ("The strikes have killed 30 people, officials said.", "30"),
    ("The strike, part of the Ostrian-led campaign, has killed 22 people.", "22"),
])
def test_leaves_the_event_toll_unscoped(sentence, figure):
    assert wider_figures(sentence, _spans(sentence, figure)) == [False]


def test_scope_phrase_goes_with_the_nearest_figure():
    sentence = "The strike killed 12, bringing the toll since the start of the war to 2,300."
    assert wider_figures(sentence, _spans(sentence, "12", "2,300")) == [False, True]


def _fact(claim: int, source: str, low: int, high: int | None = None, scope: str | None = None,
          **extra) -> FigureFact:
    return FigureFact(claim_id=claim, event_id=1, source_name=source, metric="killed", population="people",
                      low=low, high=high, scope=scope, **extra)


def test_place_scopes_keep_a_war_toll_apart():
    war = _fact(3, "Regional authorities", 2001, scope="campaign")
    strike = _fact(1, "City council", 300, 300)
    assert place_scopes([strike, war], frozenset()) == {EVENT: [strike], ("campaign", None): [war]}


def test_war_toll_is_not_set_against_the_strike_toll():
    facts = [_fact(1, "City council", 300, 300), _fact(2, "Wire agency", 600, 600),
             _fact(3, "Regional authorities", 2001, scope="campaign")]
    [found] = reconcile(facts)
    assert found.sides == (("City council",), ("Wire agency",))
    assert "Regional authorities" not in found.sources


def test_war_tolls_are_compared_with_each_other():
    facts = [_fact(1, "City council", 300, 300), _fact(2, "Wire agency", 2000000, 2000000, scope="campaign"),
             _fact(3, "News agency", 2600001, scope="campaign")]
    [found] = reconcile(facts)
    assert found.sides == (("Wire agency",), ("News agency",))


def test_war_toll_is_no_estimate_of_the_event():
    facts = [_fact(1, "City council", 300, 300), _fact(2, "Regional authorities", 2001, scope="campaign")]
    [found] = estimate(facts)
    assert (found.low.value, found.high.value) == (300, 300)


WAR_TOLL = """---
outlet: Harbour Times
published: 2024-03-17
---
The city council said a missile strike on the drama school in Dorvask on Wednesday killed about 40 civilians.

Regional authorities said more than 2,000 people have been killed in the besieged city since the start of the war.
"""
STRIKE_TOLL = """---
outlet: Meridian Wire
published: 2024-03-18
---
The missile strike on the drama school in Dorvask on Wednesday killed 90 civilians, the regional governor said.
"""


def test_cli_war_toll_beside_a_strike_is_no_conflict(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "war.txt", WAR_TOLL), write(tmp_path / "strike.txt", STRIKE_TOLL))
    killed = [c for c in ledger.json("conflicts") if c["metric"] == "killed" and c["severity"] == "contradiction"]
    war = [c["id"] for c in ledger.json("export", "claims") if "since the start of the war" in c["content"]]
    assert len(war) == 1 and len(killed) == 1  # about 40 against 90 in the strike
    assert war[0] not in killed[0]["claims"]


def _monitor(claim: int, low: int, high: int | None, day: int, article: int, start: int, population=None):
    from datetime import date
    return FigureFact(claim_id=claim, event_id=1, source_name="Valdorian Observatory", metric="killed",
                      population=population, low=low, high=high, published=date(2024, 6, day),
                      article_id=article, claim_start=start)


def test_a_monitor_s_update_is_its_toll_not_the_two_who_died_of_wounds():
    """One update article: "two militiamen died of their wounds" then "the toll jumps to nine". The nine is
    the monitor's latest account, so "at least four" from a wire (compatible with nine) is no conflict."""
    facts = [_monitor(1, 7, 7, 4, 1, 0, "fighters"), _monitor(2, 2, 2, 5, 2, 0, "fighters"),
             _monitor(3, 9, 9, 5, 2, 200, "fighters"),
             FigureFact(claim_id=4, event_id=1, source_name="Harbour Wire", metric="killed", population="fighters",
                        low=4, high=None, article_id=3)]
    found = reconcile(facts)
    assert [c.severity for c in found] == ["revision"]
    assert found[0].chain[-1]["figure"] == "9"


def test_a_bare_toll_of_a_monitor_naming_fighters_and_a_civilian_counts_fighters():
    """The monitor's bare "nine killed" beside its "seven fighters" and an aside on civilian deaths reads as
    fighters, as every other source of the event names them: nine fighters against a militia's four."""
    def fighters(claim, source, low, high=None):
        return FigureFact(claim_id=claim, event_id=1, source_name=source, metric="killed", population="fighters",
                          low=low, high=high, article_id=claim)
    facts = [fighters(1, "Valdorian Observatory", 7, 7), _monitor(2, 9, 9, 5, 2, 0),
             _monitor(3, 1, None, 5, 2, 90, "civilians"), fighters(4, "Kessel Brigades", 4, 4),
             fighters(5, "Defence Ministry", 9, 9), fighters(6, "Meridian Wire", 9, None),
             fighters(7, "Harbour Wire", 8, None)]
    contradictions = [c for c in reconcile(facts) if c.severity == "contradiction"]
    assert [(c.population, c.sides) for c in contradictions] == [
        ("fighters", (("Kessel Brigades",), ("Defence Ministry", "Valdorian Observatory", "Meridian Wire",
                                             "Harbour Wire")))]


def test_the_attack_refers_back_over_a_sentence_naming_no_event():
    """ "No injuries in the attack" after the rocket attack on the base (the sentence between names no
    event) is about the rocket attack, not the strike the article leads with: its zero is never set against
    the strike's wounded."""
    from datetime import date

    from ledger import reading
    text = ("US warplanes struck militia depots near Varn on Sunday, killing four fighters, the monitor said.\n\n"
            "Hours later, militias fired rockets at the coalition base at Tarvia. The coalition answered with "
            "artillery on militia positions around Dost. There were no injuries in the attack, coalition "
            "spokesman Col. Ivo Brandt said.")
    found = reading.read(text, published=date(2024, 6, 10))
    events = {c.speaker.name: found.events[e].kind for c, e in zip(found.claims, found.claim_events)}
    assert events == {"monitor": "air strike", "Ivo Brandt": "rocket attack"}


@pytest.mark.parametrize("wording", ["an air missile attack", "an air-launched missile strike",
                                     "an air-to-surface missile attack"])
def test_a_missile_attack_from_the_air_is_the_air_strike(wording):
    """A missile attack from the air is the air strike the article reports, not a rocket attack of its own:
    state media's child killed is compared with the monitor's fighters, in one event."""
    from datetime import date

    from ledger import reading
    text = ("US warplanes struck militia depots near Varn on Sunday, killing four fighters, the monitor said. "
            f"State media said {wording} on houses near Varn killed a child.")
    found = reading.read(text, published=date(2024, 6, 10))
    assert [e.kind for e in found.events] == ["air strike"]
    assert list(found.claim_events) == [0, 0]


def test_a_bare_toll_reads_as_what_most_of_its_source_s_counts_name():
    """No population prevails in the event (state media count a child, a militia its members as soldiers),
    but the monitor's own counts name militiamen three times for one aside on civilian deaths: its bare
    "nine killed" is nine fighters, set against the militia officials' four fighters."""
    def named(claim, source, low, high, population):
        return FigureFact(claim_id=claim, event_id=1, source_name=source, metric="killed", population=population,
                          low=low, high=high, article_id=claim)
    facts = [named(1, "Valdorian Observatory", 3, None, "fighters"), named(2, "Valdorian Observatory", 3, None, "fighters"),
             named(3, "Valdorian Observatory", 3, None, "fighters"), _monitor(4, 1, None, 5, 4, 90, "civilians"),
             _monitor(5, 9, 9, 5, 4, 0), named(6, "State media", 1, 1, "children"),
             named(7, "Kessel Brigades", 4, 4, "soldiers"), named(8, "Militia officials", 4, 4, "fighters")]
    [fighters] = [c for c in reconcile(facts) if c.severity == "contradiction" and c.population == "fighters"]
    assert fighters.sides == (("Militia officials",), ("Valdorian Observatory",))


def test_a_toll_update_is_about_the_event_its_sentence_names():
    """ "The death toll in Tuesday's bombing of the camp rose to 54 Thursday", read as a claim from "rose to":
    the claim names no event word and Thursday dates the toll, not another event: it is the bombing's toll."""
    from datetime import date

    from ledger.reading.events.grouping import group_events
    from ledger.reading.types import Claim, Figure, Speaker
    from ledger.text.span import Span
    text = ("Jets bombed a camp for displaced people in Varn on Tuesday, killing at least 40, the governor said.\n\n"
            "The death toll in Tuesday's bombing of an IDP camp in Varn, Dost State, by the air force, rose to 54 "
            "Thursday after critically wounded persons died.")
    def claim(start_text: str, end_text: str, figure: str, kind: str, speaker: str) -> Claim:
        start, end = text.index(start_text), text.index(end_text) + len(end_text)
        at = text.index(figure)
        return Claim(kind=kind, content=Span.of(text, start, end), speaker=Speaker(speaker),
                     figures=[Figure("killed", None, 40 if figure.endswith("40") else 54, None,
                                     Span.of(text, at, at + len(figure)))])
    claims = [claim("Jets bombed", "at least 40", "at least 40", "indirect", "governor"),
              claim("rose to 54", "persons died", "54", "outlet", "Harbour Times")]
    found = group_events(text, date(2024, 6, 13), claims)
    assert len(found.events) == 1 and list(found.claim_events) == [0, 0]
