"""Cue lexicon matching (ledger.reading.claims.cues)."""
from __future__ import annotations

import pytest

from ledger.text import data as lexicon
from ledger.reading.claims.cues import find_cues, inflect


def _cues(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text(text)) for c in find_cues(text)]


@pytest.mark.parametrize("text, expected", [
    ("The ministry has also said that five died.", [("verb", "has also said")]),
    ("Officials, citing a report, put the death toll at nine.", [("citing", "citing"), ("verb", "put")]),
    ("According to the agency, three died.", [("according_to", "According to")]),
    ("Five fighters are reported to have been killed.", [("passive", "are reported")]),
    ("It is believed that three died.", [("impersonal", "It is believed that")]),
    ("Two soldiers were reportedly wounded.", [("hedge", "reportedly")]),
    ("The envoy was quoted as saying the talks failed.", [("quoted_as", "was quoted as saying")]),
    ("The rebels called for a truce and called the raid a crime.", [("verb", "called for"), ("verb", "called")]),
    ("The mayor called off the parade.", []),
    ("Militias backed by Tarnia attacked.", []),
    ("The guard put the box down.", []),
    ("Nobody essays said anything.", [("verb", "said")]),
])
def test_cues_found(text, expected):
    assert _cues(text) == expected


def test_cues_negation_marked():
    text = "The army did not say how many died."
    (cue,) = find_cues(text)
    assert cue.negated and cue.text(text) == "say"


def test_cues_participle():
    text = "The mayor spoke, adding that the wells were dry."
    (cue,) = find_cues(text)
    assert cue.participle and cue.form == "adding"


@pytest.mark.parametrize("lemma, forms", [
    ("argue", ["argue", "argues", "argued", "arguing"]),
    ("deny", ["deny", "denies", "denied", "denying"]),
    ("stress", ["stress", "stresses", "stressed", "stressing"]),
    ("call for", ["call for", "calls for", "called for", "calling for"]),
])
def test_cues_inflect(lemma, forms):
    assert inflect(lemma) == forms


def test_cues_lexicon_classes_valid():
    data = lexicon.load("cues.json")
    assert {v["class"] for v in data["verbs"]} <= {"speech", "finding", "belief", "position"}
    assert len(data["verbs"]) > 80


def test_cues_skip_spans_drop_cues_inside_quotations():
    text = 'He said "they told us to leave" on Monday.'
    inside = (text.index("they"), text.index(" on Monday") - 1)
    assert [c.text(text) for c in find_cues(text, skip=[inside])] == ["said"]
