"""Claims: content spans, kinds and speakers for each construction of attribution (through extract())."""
from __future__ import annotations

import pytest

from ledger.reading.stages import extract


def _claims(text: str, outlet: str | None = "Harbour Gazette") -> list[tuple]:
    return [(c.kind, c.speaker.name, c.speaker.mention.text if c.speaker.mention else None, c.content.text)
            for c in extract(text, outlet=outlet)]


# ------------------------------------------------------------------ direct quotes

@pytest.mark.parametrize("text, expected", [
    ('"We will rebuild the bridge," Mayor Ilse Marr said.',
     [("direct", "Ilse Marr", "Mayor Ilse Marr", "We will rebuild the bridge")]),
    ("\u201cWe will rebuild the bridge,\u201d said Mayor Ilse Marr.",
     [("direct", "Ilse Marr", "Mayor Ilse Marr", "We will rebuild the bridge")]),
    ('Mayor Ilse Marr said: "We will rebuild the bridge."',
     [("direct", "Ilse Marr", "Mayor Ilse Marr", "We will rebuild the bridge.")]),
    ('"Nobody was hurt," the fire chief told reporters.',
     [("direct", "fire chief", "the fire chief", "Nobody was hurt")]),
])
def test_attribution_direct_quote(text, expected):
    assert _claims(text) == expected


def test_attribution_interrupted_quote_is_one_claim_per_piece():
    text = '"The water is safe," the engineer said, "but the pipes are old."'
    first, second = extract(text)
    assert [(c.kind, c.speaker.name) for c in (first, second)] == [("direct", "engineer")] * 2
    assert (first.content.text, second.content.text) == ("The water is safe", "but the pipes are old.")
    assert second.continues is first and first.continues is None


def test_attribution_quote_over_paragraphs():
    text = ('Colonel Piet Arvo said: "We held the bridge for two days.\n\n'
            '"Then the order came to fall back."')
    assert _claims(text) == [
        ("direct", "Piet Arvo", "Colonel Piet Arvo", "We held the bridge for two days."),
        ("direct", "Piet Arvo", "Colonel Piet Arvo", "Then the order came to fall back."),
    ]


def test_attribution_quote_paragraph_belongs_to_previous_speaker():
    text = ('The Dunmore Brigade said the raid had "killed many of our brothers" and vowed revenge.\n\n'
            '"We will answer this crime at a time of our choosing."')
    claims = _claims(text)
    assert claims[0][:3] == ("mixed", "Dunmore Brigade", "The Dunmore Brigade")
    assert claims[-1] == ("direct", "Dunmore Brigade", "The Dunmore Brigade",
                          "We will answer this crime at a time of our choosing.")


def test_attribution_unattributed_quote():
    text = 'The square was quiet on Sunday.\n\n"Nobody knows who will come back to this town."'
    assert _claims(text)[-1] == ("unattributed_quote", "unknown", None,
                                 "Nobody knows who will come back to this town.")


# ------------------------------------------------------------------ reported speech

@pytest.mark.parametrize("text, expected", [
    ("The harbour authority said that two ships had sunk.",
     ("indirect", "harbour authority", "The harbour authority", "that two ships had sunk")),
    ("Two ships had sunk, the harbour authority said.",
     ("indirect", "harbour authority", "the harbour authority", "Two ships had sunk")),
    ("Two ships had sunk, said Captain Lo Brandt.",
     ("indirect", "Lo Brandt", "Captain Lo Brandt", "Two ships had sunk")),
    ("Captain Lo Brandt told Reuters that two ships had sunk.",
     ("indirect", "Lo Brandt", "Captain Lo Brandt", "that two ships had sunk")),
    ("The ministry said in a statement on Friday that two ships had sunk.",
     ("indirect", "ministry", "The ministry", "that two ships had sunk")),
    ("The ministry added that two ships had sunk.",
     ("indirect", "ministry", "The ministry", "that two ships had sunk")),
    ("The Velsk Water Board denied that the wells were poisoned.",
     ("indirect", "Velsk Water Board", "The Velsk Water Board", "that the wells were poisoned")),
    ("Governor Ana Pelt warned that the levees could fail.",
     ("indirect", "Ana Pelt", "Governor Ana Pelt", "that the levees could fail")),
    ("The rebels accused the army of shelling the market.",
     ("indirect", "rebels", "The rebels", "the army of shelling the market")),
    ("The army blamed the rebels for the blast.",
     ("indirect", "army", "The army", "the rebels for the blast")),
    ("The harbour authority estimated that 300 homes were flooded.",
     ("indirect", "harbour authority", "The harbour authority", "that 300 homes were flooded")),
    ("Mayor Ilse Marr tweeted that the bridge would reopen.",
     ("indirect", "Ilse Marr", "Mayor Ilse Marr", "that the bridge would reopen")),
    ("The envoy was quoted as saying the talks had failed.",
     ("indirect", "envoy", "The envoy", "the talks had failed")),
])
def test_attribution_reported_speech(text, expected):
    assert _claims(text) == [expected]


def test_attribution_adding_that_carries_speaker():
    text = "The ministry said the dam held, adding that the river was falling."
    assert _claims(text) == [
        ("indirect", "ministry", "The ministry", "the dam held"),
        ("indirect", "ministry", "The ministry", "that the river was falling"),
    ]


@pytest.mark.parametrize("text, expected", [
    ("According to the harbour authority, two ships sank.",
     ("according_to", "harbour authority", "the harbour authority", "two ships sank")),
    ("Two ships sank overnight, according to the harbour authority.",
     ("according_to", "harbour authority", "the harbour authority", "Two ships sank overnight")),
])
def test_attribution_according_to(text, expected):
    assert _claims(text) == [expected]


def test_attribution_citing_makes_cited_source_the_speaker():
    text = "The Harbour Gazette reported that two ships sank, citing port officials."
    (claim,) = extract(text)
    assert (claim.speaker.name, claim.speaker.mention.text) == ("port officials", "port officials")
    assert claim.via is not None and claim.via.name == "Harbour Gazette"
    assert claim.content.text == "that two ships sank"


def test_attribution_citing_own_reporter_keeps_speaker():
    text = "Velskian state television reported that two ships sank, citing its correspondent in Varna."
    (claim,) = extract(text)
    assert claim.speaker.name == "Velskian state television" and claim.via is None


def test_attribution_mixed_quote():
    text = 'The mayor said the flood had been "the worst in a century" for the valley.'
    assert _claims(text) == [("mixed", "mayor", "The mayor",
                              'the flood had been "the worst in a century" for the valley')]


@pytest.mark.parametrize("text, expected", [
    ("A report by the Velsk Water Board found that the wells were poisoned.",
     ("indirect", "Velsk Water Board", "A report by the Velsk Water Board", "that the wells were poisoned")),
    ("Harbour data show that traffic fell by half.",
     ("indirect", "Harbour data", "Harbour data", "that traffic fell by half")),
    ("The study concluded that the dam was unsafe.",
     ("indirect", "study", "The study", "that the dam was unsafe")),
    ("Local officials believe the fire was set on purpose.",
     ("indirect", "Local officials", "Local officials", "the fire was set on purpose")),
    ("The farmers' union backs the new water tax.",
     ("indirect", "farmers' union", "The farmers' union", "the new water tax")),
    ("The governor wants to rebuild the bridge by June.",
     ("indirect", "governor", "The governor", "to rebuild the bridge by June")),
    ("The council plans to close the port.",
     ("indirect", "council", "The council", "to close the port")),
    ("The opposition called on the government to resign.",
     ("indirect", "opposition", "The opposition", "the government to resign")),
])
def test_attribution_non_speech_cues(text, expected):
    assert _claims(text) == [expected]


def test_attribution_colon_cue():
    text = "The coast guard reports: the storm has passed the islands."
    assert _claims(text) == [("indirect", "coast guard", "The coast guard", "the storm has passed the islands")]


def test_attribution_parenthetical_attribution():
    text = "The ships, the harbour authority said, had sunk in minutes."
    (claim,) = extract(text)
    assert claim.content.text == "The ships, the harbour authority said, had sunk in minutes"
    assert [p.text for p in claim.parts] == ["The ships", "had sunk in minutes"]


def test_attribution_embedded_relative():
    text = "Jets bombed what the army said was a rebel depot, the villagers said."
    claims = _claims(text)
    assert ("indirect", "army", "the army", "was a rebel depot") in claims


# ------------------------------------------------------------------ not claims

@pytest.mark.parametrize("text", [
    'The so-called "peace dividend" never came.',
    "Troops joined Operation 'Desert Wind' in May.",
    'The film "Rivers of Dust" opened on Friday.',
    "The mayor did not say when the bridge would reopen.",
])
def test_attribution_not_claims(text):
    assert [c for c in extract(text) if c.kind != "outlet"] == []


def test_attribution_headline_is_not_a_claim():
    text = "Officials Say Dam Will Hold\n\nThe river rose on Monday."
    assert extract(text) == []


def test_attribution_speaking_to_is_the_intermediary():
    text = "Two medics, speaking to the Harbour Gazette, said the clinic was full."
    (claim,) = extract(text)
    assert (claim.speaker.name, claim.speaker.mention.text, claim.content.text) == (
        "medic", "Two medics", "the clinic was full")
    assert claim.via is not None and claim.via.name == "Harbour Gazette"


def test_attribution_statement_from_speaks_for_its_author():
    text = "A statement from the Velsk Water Board said the wells were safe."
    (claim,) = extract(text)
    assert (claim.speaker.name, claim.speaker.mention.text) == (
        "Velsk Water Board", "A statement from the Velsk Water Board")


def test_attribution_coordinated_verb_shares_subject():
    text = "Harbour chief Lo Brandt made no comment on the cause but said that two ships sank."
    assert _claims(text) == [("indirect", "Lo Brandt", "Harbour chief Lo Brandt", "that two ships sank")]


def test_attribution_impersonal_passive_with_figure_is_outlet():
    text = "It is believed that at least six fishermen were killed."
    claims = extract(text, outlet="Harbour Gazette")
    assert [(c.kind, c.speaker.name, c.content.text) for c in claims] == [
        ("outlet", "Harbour Gazette", "at least six fishermen were killed")]


def test_attribution_relative_clause_inside_speaker_phrase_is_no_claim():
    text = ("A Dask Front commander, who asked not to be named, said the unit had lost four men "
            "and denied that the bridge was mined.")
    claims = extract(text)
    assert [c.content.text for c in claims] == ["the unit had lost four men", "that the bridge was mined"]
    assert claims[0].speaker.mention.text == "A Dask Front commander"


def test_attribution_blame_on_never_yields_a_prepositional_phrase():
    text = ("The blast followed a mortar attack on a ferry last week that wounded five crew members, "
            "which Norland blamed on the Hask Brigades.")
    assert all(not c.content.text.startswith("on ") for c in extract(text))


def test_attribution_vow_keeps_its_infinitive_content():
    """PolNeAR annotates commitments ("vowed to ...") with the infinitive as the content."""
    text = "The Hask Brigades said two of its men were killed and vowed to avenge them within days."
    assert "to avenge them within days" in [c.content.text for c in extract(text)]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Orrin charges that the tender was rigged.", ("Mr. Orrin", "that the tender was rigged")),
    ("The council then ruled that the permit was void.", ("The council", "that the permit was void")),
])
def test_attribution_that_complement_verbs_keep_their_that(text, expected):
    (claim,) = extract(text)
    assert (claim.speaker.mention.text, claim.content.text) == expected


def test_attribution_progressive_cue_takes_the_subject_before_the_auxiliary():
    (claim,) = extract("The mayor is insisting that the bridge is safe.")
    assert (claim.speaker.mention.text, claim.content.text) == ("The mayor", "that the bridge is safe")


def test_attribution_progressive_verb_is_not_a_participle_clause():
    (claim,) = extract("Those talks are continuing, he said.")
    assert (claim.speaker.mention.text, claim.content.text) == ("he", "Those talks are continuing")


def test_attribution_distant_that_after_a_place_with_commas():
    (claim,) = extract("Pell says at a rally in Dunmore, Vask, that the mine will reopen.")
    assert claim.content.text == "that the mine will reopen"


def test_attribution_participle_after_an_introductory_phrase_takes_the_subject():
    text = "In August, two farm unions sued the ministry, saying the quotas were unlawful."
    (claim,) = extract(text)
    assert (claim.speaker.mention.text, claim.content.text) == ("two farm unions", "the quotas were unlawful")


def test_attribution_by_saying_shares_the_main_subject():
    text = "Governor Ana Pelt closed the session by saying the budget would pass."
    assert [(c.speaker.name, c.content.text) for c in extract(text)] == [
        ("Ana Pelt", "the budget would pass")]


@pytest.mark.parametrize("text, speaker", [
    ("One questioner claimed that the port was sold.", "One questioner"),
    ("The Tarn Board's memo said the port was sold.", "The Tarn Board's memo"),
    ("Polling averages show the mayor well ahead.", "Polling averages"),
])
def test_attribution_described_speakers(text, speaker):
    assert [c.speaker.mention.text for c in extract(text)] == [speaker]


def test_attribution_citing_a_reason_is_the_main_speakers_content():
    text = "The court blocked the sale, citing a threat to public health."
    assert [(c.speaker.mention.text, c.content.text) for c in extract(text)] == [
        ("The court", "a threat to public health")]


def test_attribution_quote_in_an_introductory_phrase_is_not_the_content():
    text = 'In an interview on "Morning Desk," Mayor Ivo Dane said the river had crested.'
    (claim,) = extract(text)
    assert claim.content.text == "the river had crested"


@pytest.mark.parametrize("headline, expected", [
    ("Mayor Pell: Harbour Will Reopen by Spring", [("Mayor Pell", "Harbour Will Reopen by Spring")]),
    ("Survey: Most Voters Back the Harbour Plan", [("Survey", "Most Voters Back the Harbour Plan")]),
    ("The Latest: Harbour Reopens", []),
    ("Ostravia: Floods Close the Harbour", []),
])
def test_attribution_headline_label_is_the_speaker(headline, expected):
    text = f"{headline}\n\nThe harbour in Dunmore was closed for three weeks after the storm."
    assert [(c.speaker.mention.text, c.content.text) for c in extract(text) if c.kind != "outlet"] == expected


@pytest.mark.parametrize("text, cue", [
    ("The governor lauded the rescuers for their courage.", "lauded"),
    ("The union decried the closure of the mine.", "decried"),
    ("The council expressed concern that the dam could fail.", "expressed"),
    ("The minister decided to close the border.", "decided"),
])
def test_attribution_praise_blame_and_stance_verbs(text, cue):
    (claim,) = extract(text)
    assert claim.cue.text == cue


def test_attribution_said_and_a_second_clause_is_one_content():
    (claim,) = extract("Many of the wards were full, she said, and the generators had failed.")
    assert claim.parts and claim.content.text.endswith("the generators had failed")


def test_attribution_sentence_final_speaker_reports_a_nested_attribution():
    text = "Ostravia has asked the council to condemn the raid, Foreign Minister Ivo Dane said on Monday."
    assert [(c.speaker.name, c.content.text) for c in extract(text)] == [
        ("Ivo Dane", "Ostravia has asked the council to condemn the raid"),
        ("Ostravia", "to condemn the raid")]  # the content starts after the addressee (issue 15)


def test_attribution_signed_quotation_names_its_speaker():
    text = ("The river rose overnight in Dunmore.\n\n"
            "\u201cWe were never warned about the flood.\u201d \u2015 Ana Pelt, 34, a teacher")
    (claim,) = extract(text)
    assert (claim.kind, claim.speaker.name, claim.content.text) == (
        "direct", "Ana Pelt", "We were never warned about the flood.")


def test_attribution_carried_quote_keeps_the_mention_that_named_its_speaker():
    text = ('"We held the line," said Colonel Ivo Dane.\n\n'
            '"Then the order came to fall back."')
    claims = extract(text)
    assert [c.speaker.mention.text for c in claims] == ["Colonel Ivo Dane", "Colonel Ivo Dane"]


# ------------------------------------------------------------------ issue 15: more classes of attribution

@pytest.mark.parametrize("text, expected", [
    # speech and communication verbs with an object or a wh-clause as content
    ("Mayor Ilse Marr discussed the closure of the tannery with the union.",
     ("indirect", "Ilse Marr", "Mayor Ilse Marr", "the closure of the tannery with the union")),
    ("The ferryman recounted how the pier collapsed in the storm.",
     ("indirect", "ferryman", "The ferryman", "how the pier collapsed in the storm")),
    ("Councillor Odo Brandt dubbed the levy a tax on fishermen.",
     ("indirect", "Odo Brandt", "Councillor Odo Brandt", "the levy a tax on fishermen")),
    ("Councillor Odo Brandt defended his vote for the harbour levy.",
     ("indirect", "Odo Brandt", "Councillor Odo Brandt", "his vote for the harbour levy")),
    # belief and stance: "sees/views X as Y", "considers X a Y", "thought"
    ("Mayor Ilse Marr sees the new bridge as a lifeline for the valley.",
     ("indirect", "Ilse Marr", "Mayor Ilse Marr", "the new bridge as a lifeline for the valley")),
    ("The ferrymen's union considers the levy a breach of the charter.",
     ("indirect", "ferrymen's union", "The ferrymen's union", "the levy a breach of the charter")),
    ("Councillor Odo Brandt thought the levy would never pass.",
     ("indirect", "Odo Brandt", "Councillor Odo Brandt", "the levy would never pass")),
    ("Mayor Ilse Marr made it clear that the levy would stay.",
     ("indirect", "Ilse Marr", "Mayor Ilse Marr", "that the levy would stay")),
    ("The mayor reminded voters that the levy was temporary.",
     ("indirect", "mayor", "The mayor", "that the levy was temporary")),
])
def test_attribution_speech_belief_and_stance_verbs(text, expected):
    assert _claims(text) == [expected]


@pytest.mark.parametrize("text", [
    "The tannery was listed on the exchange in May.",
    "The guards defended the gate against the raiders.",
    "The home side defended well in the second half.",
    "The mayor has backing from a third of the council.",
    "We saw the ferry leave at noon.",
    "The town thought about a new bridge for years.",
])
def test_attribution_new_verbs_keep_their_other_senses_out(text):
    assert [c for c in extract(text) if c.kind != "outlet"] == []


def test_attribution_inverted_speaker_appositive_is_not_content():
    text = "The levy will ruin the harbour, said Odo Brandt, executive director of the ferrymen's guild."
    assert _claims(text) == [("indirect", "Odo Brandt", "Odo Brandt", "The levy will ruin the harbour")]


def test_attribution_interrupted_quote_after_inverted_speaker_with_appositive():
    text = ('"The water is safe," said Ilse Marr, another engineer at the plant. "But the pipes are old."')
    first, second = extract(text)
    assert [(c.kind, c.speaker.name) for c in (first, second)] == [("direct", "Ilse Marr")] * 2
    assert (first.content.text, second.content.text) == ("The water is safe", "But the pipes are old.")
    assert second.continues is first


def test_attribution_mixed_claim_carried_on_by_the_next_quotation():
    text = ('After the vote, the levy "has split the town in two," Odo Brandt said. '
            '"Nobody will forget this winter."')
    first, second = extract(text)
    assert (first.kind, second.kind) == ("mixed", "direct")
    assert first.speaker.name == second.speaker.name == "Odo Brandt"
    assert first.content.text.startswith("After the vote, the levy")
    assert second.content.text == "Nobody will forget this winter." and second.continues is first


def test_attribution_content_after_an_aside_following_the_cue():
    text = "Senator Ilse Marr says, win or lose in the primary, she is staying in the race."
    assert _claims(text) == [("indirect", "Ilse Marr", "Senator Ilse Marr",
                              "win or lose in the primary, she is staying in the race")]


def test_attribution_coordinated_verb_shares_subject_when_first_verb_frames_nothing():
    text = "Governor Odo Brandt blasted Congress and has said the levy will pass in May."
    assert _claims(text) == [("indirect", "Odo Brandt", "Governor Odo Brandt", "the levy will pass in May")]


def test_attribution_new_clause_with_pronoun_subject_ends_the_content():
    text = "The governor agreed to pay a fee to the guild, and he paid it the same day."
    assert _claims(text) == [("indirect", "governor", "The governor", "to pay a fee to the guild")]


@pytest.mark.parametrize("text, expected", [
    # the content of "asked" starts after its addressee, never at it
    ("Reporters asked Mayor Ilse Marr whether she would close the tannery.",
     ("indirect", "Reporters", "Reporters", "whether she would close the tannery")),
    ("The mayor asked the council to approve the harbour levy.",
     ("indirect", "mayor", "The mayor", "to approve the harbour levy")),
])
def test_attribution_asked_content_starts_after_the_addressee(text, expected):
    assert _claims(text) == [expected]


def test_attribution_impersonal_parenthetical_names_no_speaker():
    text = "The raid, it was said, was a reprisal for the ambush near Dorrin."
    assert [c for c in extract(text) if c.kind != "outlet"] == []


def test_attribution_age_before_a_name_is_no_part_of_the_name():
    text = '"The count is not over," 92-year-old Brandt told reporters.'
    assert _claims(text) == [("direct", "Brandt", "92-year-old Brandt", "The count is not over")]


def test_attribution_according_to_runs_on_past_its_source_and_appositive():
    text = "At the heart of the dispute, according to Ilse Marr, another former envoy, was a vote on the levy."
    (claim,) = extract(text)
    assert claim.kind == "according_to" and claim.speaker.name == "Ilse Marr"
    assert claim.content.text.startswith("At the heart of the dispute")
    assert claim.content.text.endswith("was a vote on the levy")
