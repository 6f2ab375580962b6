"""A sentence's subject after what opens it: a participle clause ("Speaking at a rally in Varn, ...") and a
place phrase with its wider place and day ("At an event in Ostby, Kelm, on Sunday, ...") are not speakers."""
from __future__ import annotations

import pytest

from ledger.reading.stages import extract

HEADLINE = "Campaign trail\n\nRival candidates: former Valdor Gov. Tomas Brask.\n\n"


def _who(text: str) -> list[tuple[str, str]]:
    return [(c.speaker.name, c.content.text[:20]) for c in extract(HEADLINE + text) if c.kind != "outlet"]


@pytest.mark.parametrize("opening", [
    "Speaking at a town hall event in Varnley,",
    "Speaking at a town hall event in Varnley, North Dorran,",
    "At a campaign event in Varnley, North Dorran, on Sunday,",
    "Writing in her weekly column,",
])
def test_speaker_after_an_opening_participle_or_place_phrase(opening):
    text = f"{opening} Marta Lind went after Brask, saying that he had failed the state."
    assert _who(text) == [("Marta Lind", "that he had failed t")]


def test_speaker_named_right_after_a_place_phrase_with_an_appositive_is_that_name():
    text = "In Varnley, Marta Lind, a senator, went after Brask, saying that he had failed the state."
    assert _who(text) == [("Marta Lind", "that he had failed t")]


@pytest.mark.parametrize("noun", ["tennis player", "coach", "singer", "patient"])
def test_pronoun_after_a_described_person_is_that_person(noun):
    text = (f"Delivering her remarks in French, the {noun} then thanked her family.\n\n"
            "\u201cNone of this was possible without any of you,\u201d she said.")
    assert _who(text) == [(noun, "None of this was pos")]


@pytest.mark.parametrize("dateline", ["VARNLEY, Aug. 24 (Wire) --", "OSTBY (Wire) -", "KESSEL, Valdoria \u2014"])
def test_a_wire_dateline_is_the_place_of_filing_not_a_speaker(dateline):
    text = f"{dateline} Marta Lind went after Brask, saying that he had failed the state."
    assert _who(text) == [("Marta Lind", "that he had failed t")]


@pytest.mark.parametrize("aside", ["however", "for its part", "in turn", "meanwhile"])
def test_speaker_before_a_sentence_adverb_set_off_by_commas(aside):
    text = f"The Valdorian ministry, {aside}, said that the strike had missed the depot."
    assert _who(text) == [("Valdorian ministry", "that the strike had ")]


def test_a_part_of_a_group_named_before_speaks_for_that_group():
    text = ("The workers gathered outside the plant gates on Friday.\n\n"
            "Most of them said that they had loved working there.")
    claims = [c for c in extract(HEADLINE + text) if c.kind != "outlet"]
    assert [(c.speaker.name, c.speaker.mention.text) for c in claims] == [("workers", "Most of them")]
