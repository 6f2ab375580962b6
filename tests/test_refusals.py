"""Refusals: a party declining to give a number is a claim of its own, carrying no-figure records.

Convention (see ``lexicons/cues.json`` "refusals"): the cue is the refusal verb phrase with its negation
("did not provide", "would not say", "declined"; premodifiers belong to the cue as for any cue: "once again
declined"), the content is what follows the cue ("information on casualties", "to give a casualty
figure"), and the no-figure records are those starting within the cue (their span is the whole refusal,
cue included). A refusal about no number is no claim.
"""
from __future__ import annotations

import pytest

from ledger.reading.claims.cues import find_cues, refusal
from ledger.reading.stages import extract


def _claim(c) -> tuple:
    return (c.kind, c.speaker.name, c.speaker.mention.text if c.speaker.mention else None,
            c.cue.text if c.cue else None, c.content.text)


def _silence(c) -> list[tuple[str, str]]:
    assert all(f.no_figure and f.low is None and f.high is None for f in c.figures)
    return [(f.metric, f.span.text) for f in c.figures]


# ------------------------------------------------------------- a refusal coordinated after a claim

def test_refusals_coordinated_after_a_reported_claim_is_the_same_speakers():
    text = ('The Ostrian Navy said on Sunday that its ships had struck "a radar post", but it did not provide '
            'information on casualties.')
    reported, refused = extract(text)
    assert _claim(reported) == ("mixed", "Ostrian Navy", "The Ostrian Navy", "said",
                                'that its ships had struck "a radar post"')
    assert reported.figures == []
    assert _claim(refused) == ("indirect", "Ostrian Navy", "it", "did not provide", "information on casualties")
    assert _silence(refused) == [("killed", "did not provide information on casualties"),
                                 ("wounded", "did not provide information on casualties")]


def test_refusals_coordinated_verb_shares_the_subject():
    text = "The coast guard confirmed the collision but did not give a death toll."
    confirmed, refused = extract(text)
    assert _claim(confirmed) == ("indirect", "coast guard", "The coast guard", "confirmed", "the collision")
    assert confirmed.figures == []
    assert _claim(refused) == ("indirect", "coast guard", "The coast guard", "did not give", "a death toll")
    assert _silence(refused) == [("killed", "did not give a death toll")]


def test_refusals_pronoun_in_the_next_sentence_resolves_to_the_speaker():
    text = ("Olen Marsh, a spokesman for the rebels, said they had lost ground. "
            "He would not say how many fighters were killed.")
    _, refused = extract(text)
    assert _claim(refused) == ("indirect", "Olen Marsh", "He", "would not say", "how many fighters were killed")
    assert _silence(refused) == [("killed", "would not say how many fighters were killed")]


# ------------------------------------------------------------- a refusal sentence of its own

@pytest.mark.parametrize("text, claim, silence", [
    ("The province's health ministry declined to give a casualty figure.",
     ("indirect", "province's health ministry", "The province's health ministry", "declined",
      "to give a casualty figure"),
     [("killed", "declined to give a casualty figure"), ("wounded", "declined to give a casualty figure")]),
    ("The Velsk interior ministry once again declined to give a casualty figure.",
     ("indirect", "Velsk interior ministry", "The Velsk interior ministry", "once again declined",
      "to give a casualty figure"),
     [("killed", "declined to give a casualty figure"), ("wounded", "declined to give a casualty figure")]),
    ("Navy spokeswoman Captain Ada Lenk would not say how many sailors were wounded.",
     ("indirect", "Ada Lenk", "Navy spokeswoman Captain Ada Lenk", "would not say", "how many sailors were wounded"),
     [("wounded", "would not say how many sailors were wounded")]),
    ("Police officials refused to release a death toll.",
     ("indirect", "Police officials", "Police officials", "refused", "to release a death toll"),
     [("killed", "refused to release a death toll")]),
    ("The brigade didn't immediately say how many fighters were killed.",
     ("indirect", "brigade", "The brigade", "didn't immediately say", "how many fighters were killed"),
     [("killed", "didn't immediately say how many fighters were killed")]),
    ("The ministry has not yet released a death toll.",
     ("indirect", "ministry", "The ministry", "has not yet released", "a death toll"),
     [("killed", "has not yet released a death toll")]),
    ("The rebels gave no casualty figures.",
     ("indirect", "rebels", "The rebels", "gave", "no casualty figures"),
     [("killed", "gave no casualty figures"), ("wounded", "gave no casualty figures")]),
    ("The embassy declined to comment on casualties.",
     ("indirect", "embassy", "The embassy", "declined", "to comment on casualties"),
     [("killed", "declined to comment on casualties"), ("wounded", "declined to comment on casualties")]),
])
def test_refusals_sentence_of_its_own(text, claim, silence):
    (found,) = extract(text)
    assert _claim(found) == claim
    assert _silence(found) == silence


def test_refusals_anonymous_speaker_stays_anonymous():
    (found,) = extract("Police officials refused to release a death toll.")
    assert found.speaker.kind == "anonymous"


def test_refusals_subordinate_refusal_before_another_sources_figure():
    text = "While the navy did not provide information on casualties, the monitor said nine sailors died."
    refused, reported = extract(text)
    assert _claim(refused) == ("indirect", "navy", "the navy", "did not provide", "information on casualties")
    assert [f.metric for f in refused.figures] == ["killed", "wounded"]
    assert _claim(reported) == ("indirect", "monitor", "the monitor", "said", "nine sailors died")
    assert [(f.metric, f.low, f.no_figure) for f in reported.figures] == [("killed", 9, False)]


def test_refusals_reported_inside_a_claim_stay_that_claims():
    (found,) = extract("The army said it would not give a death toll.")
    assert _claim(found) == ("indirect", "army", "The army", "said", "it would not give a death toll")
    assert _silence(found) == [("killed", "would not give a death toll")]


# ------------------------------------------------------------- not refusals

@pytest.mark.parametrize("text", [
    "The envoy did not say whether the talks would resume.",  # nothing about a number
    "The embassy declined to comment.",
    "Asked about the raid, the spokesman declined to comment.",
    "The rebels gave no reason for the delay.",
    "The governor refused to sign the bill.",
    "It was not possible to verify the toll.",  # the outlet's own: no speaker
])
def test_refusals_not_refusals_give_no_claim(text):
    assert extract(text) == []


def test_refusals_quoted_refusal_is_the_quotations_claim():
    (found,) = extract('"We will not give a death toll," the minister said.')
    assert _claim(found)[:4] == ("direct", "minister", "the minister", "said")
    assert _silence(found) == [("killed", "will not give a death toll")]


def test_refusals_outlet_unable_to_verify_is_no_claim():
    assert extract("The Valley Courier could not independently confirm the number of dead.",
                   outlet="Valley Courier") == []


def test_refusals_ordinary_reading_of_a_negatable_cue_is_kept():
    (found,) = extract("The ministry said five sailors died.")
    assert (found.cue.text, found.content.text) == ("said", "five sailors died")


# ------------------------------------------------------------- the cue stage

def test_refusals_cue_spans_the_negation():
    text = "The brigade would not say how many died."
    (cue,) = find_cues(text)
    assert cue.negated and cue.text(text) == "say"  # find_cues reports a negated cue as it is
    found = refusal(text, cue)
    assert found.text(text) == "would not say" and found.entry.cls == "refusal" and not found.negated


@pytest.mark.parametrize("text", [
    "The brigade declined to say how many died.",  # "declined" is the cue there
    "Not only did the brigade say five died.",
])
def test_refusals_cue_needs_a_negation_right_before(text):
    assert all(refusal(text, c) is None for c in find_cues(text) if c.form == "say")


def test_refusals_verb_is_no_cue_unless_negated():
    assert find_cues("The agency provided shelter and gave food.") == []
