"""Reported speech as PolNeAR annotates it (issue 15), on invented sentences: an interrupted quotation is
one claim per quoted piece, the later pieces naming the piece they continue; speakers given by a pronoun
or a relative are named after the entity they stand for; colon headlines and noun cues ("the claim
that") frame claims of their own.
"""
from __future__ import annotations

from conftest import write
from ledger.reading.stages import extract


def _claims(text: str):
    return [(c.kind, c.speaker.name, c.content.text) for c in extract(text)]


# --- interrupted quotations -------------------------------------------------------------------------------

BRIDGE = ('"We held the bridge for three days," Mayor Ana Pelt said. "The river rose overnight and took '
          'two houses."\n\nThe council met on Friday.\n')


def test_interrupted_quotation_is_one_claim_per_piece_the_second_continuing_the_first():
    claims = extract(BRIDGE)
    assert [(c.kind, c.speaker.name, c.content.text) for c in claims] == [
        ("direct", "Ana Pelt", "We held the bridge for three days"),
        ("direct", "Ana Pelt", "The river rose overnight and took two houses."),
    ]
    assert claims[0].continues is None and claims[1].continues is claims[0]


def test_quotation_interrupted_within_its_sentence_gives_each_piece_its_own_figures():
    text = ('"Four guards were hurt," the warden, Lior Daskin, said, "and two inmates are missing."\n\n'
            'The prison reopened on Sunday.\n')
    claims = extract(text)
    assert [c.content.text for c in claims] == ["Four guards were hurt", "and two inmates are missing."]
    assert claims[1].continues is claims[0]
    assert [f.metric for f in claims[0].figures] == ["wounded"]
    assert [f.metric for f in claims[1].figures] == ["missing"]


def test_reported_clause_interrupted_without_quotation_marks_stays_one_claim():
    text = "The dead, the Norland health ministry said, were all farmers from the valley.\n"
    claims = extract(text)
    assert len(claims) == 1 and claims[0].continues is None
    assert claims[0].content.text == "The dead, the Norland health ministry said, were all farmers from the valley"


def test_export_claims_names_the_claim_a_piece_continues(ledger, tmp_path):
    write(tmp_path / "bridge.txt", "---\nurl: https://example.org/bridge\noutlet: Valley Courier\n---\n" + BRIDGE)
    ledger("ingest", tmp_path / "bridge.txt")
    claims = ledger.jsonl("export", "claims", "--format", "jsonl")
    first, second = sorted(claims, key=lambda c: c["start"])
    assert first["continues"] is None
    assert second["continues"] == first["id"]
    assert (first["content"], second["content"]) == ("We held the bridge for three days",
                                                     "The river rose overnight and took two houses.")


# --- speakers named, not pronouns -------------------------------------------------------------------------

def _speaker(text: str, content: str):
    claim = next(c for c in extract(text) if c.content.text == content)
    return claim.speaker.name, claim.speaker.mention.text


def test_pronoun_speaker_is_named_after_the_person_of_the_paragraph_before():
    text = "Senator Ruth Okafor toured the flooded valley on Tuesday.\n\nShe said the levee would be rebuilt by spring.\n"
    assert _speaker(text, "the levee would be rebuilt by spring") == ("Ruth Okafor", "She")


def test_relative_pronoun_speaker_is_named_after_its_antecedent():
    text = "The vote was delayed by the Norland Farmers Union, which said its members needed more time.\n"
    assert _speaker(text, "its members needed more time") == ("Norland Farmers Union", "which")


def test_pronoun_of_the_other_sex_than_the_only_candidate_keeps_the_pronoun():
    text = "Ms. Daria Lind met farmers in Kessel on Monday. He said the bill would pass before winter.\n"
    assert _speaker(text, "the bill would pass before winter") == ("He", "He")


def test_pronoun_skips_a_speaker_of_the_other_sex_for_the_one_that_fits():
    text = ("Mr. Tomas Ek chaired the hearing on Monday. Ms. Daria Lind testified for two hours. "
            "He said the bill would pass before winter.\n")
    assert _speaker(text, "the bill would pass before winter") == ("Tomas Ek", "He")


# --- colon labels -----------------------------------------------------------------------------------------

def test_label_before_a_quoted_paragraph_names_its_speaker():
    text = ('The governor spoke after the storm.\n\nGovernor Tessa Marr: "We will rebuild the bridge before '
            'winter."\n\nUpdate: the road reopened on Monday.\n')
    assert _claims(text) == [("direct", "Tessa Marr", "We will rebuild the bridge before winter.")]


def test_label_before_prose_or_a_section_label_frames_no_quotation_claim():
    text = ('Tessa Marr: the bridge will be rebuilt, officials hope, "soon enough" for the harvest.\n\n'
            'Analysis: "The bridge was never safe to begin with."\n')
    assert all(c.speaker.name != "Analysis" for c in extract(text))
    assert all(c.content.text != "soon enough" for c in extract(text))


# --- cue words that are no cue here -----------------------------------------------------------------------

def test_states_the_plural_noun_is_no_cue_but_states_that_is():
    assert _claims("Farmers in ten Norland states lost their harvest to the flood this spring.\n") == []
    assert _claims("Inspector Lena Varga states that the dam was never inspected.\n") == [
        ("indirect", "Lena Varga", "that the dam was never inspected")]


def test_continue_before_an_infinitive_is_an_aspect_verb_not_a_cue():
    text = "Support for the Kessel Brigades continues to grow in the valley, despite the curfew.\n"
    assert _claims(text) == []


def test_teaser_label_of_a_headline_is_no_speaker():
    text = "FIX IS IN: Valley Board Ignores Flood Warnings\n\nThe board met on Monday.\n"
    assert _claims(text) == []
    assert _claims("Marr: Bridge Will Reopen Before Winter\n\nThe board met on Monday.\n") == [
        ("indirect", "Marr", "Bridge Will Reopen Before Winter")]


# --- content boundaries: the addressee is no content ------------------------------------------------------

def test_content_after_an_addressee_of_any_shape_starts_at_that():
    assert _claims("Senator Ana Pelt told the Velsk Courier, however, that she never saw the levee report.\n") == [
        ("indirect", "Ana Pelt", "that she never saw the levee report")]
    assert _claims("Mayor Ivo Dane told a crowded hall in Kessel on Monday that the bridge would reopen.\n") == [
        ("indirect", "Ivo Dane", "that the bridge would reopen")]


def test_content_after_an_asked_addressee_starts_at_whether():
    assert _claims("Councillor Mira Holt asked the water board's engineers whether the dam would hold.\n") == [
        ("indirect", "Mira Holt", "whether the dam would hold")]


def test_relative_that_after_an_addressee_is_not_taken_for_the_content_start():
    claims = _claims("Mayor Ivo Dane told the panel that investigated the flood that the gauges failed.\n")
    assert claims == [("indirect", "Ivo Dane", "that the gauges failed")]


# --- polls as sources -------------------------------------------------------------------------------------

def test_fronted_poll_is_the_source_of_the_clause_after_it():
    text = "In a Kessel Herald poll last week, Mayor Ivo Dane led his rival by ten points.\n"
    [(kind, _, content)] = _claims(text)
    assert content == "Mayor Ivo Dane led his rival by ten points"
    assert next(iter(extract(text))).speaker.mention.text == "a Kessel Herald poll last week"


def test_postposed_poll_is_the_source_of_the_clause_before_it_not_of_the_note_after():
    text = "Councillor Mira Holt took 31 percent in the latest Valley College survey, up four points.\n"
    claims = extract(text)
    assert [c.content.text for c in claims] == ["Councillor Mira Holt took 31 percent"]
    assert claims[0].speaker.mention.text == "the latest Valley College survey"


def test_poll_reported_by_a_speaker_or_a_bare_poll_frames_no_claim_of_its_own():
    text = "In a Kessel Herald poll released Monday, the institute found 40 percent of homes lacked water.\n"
    assert [c[2] for c in _claims(text)] == ["40 percent of homes lacked water"]
    assert _claims("Mayor Ivo Dane rose in the polls after the flood.\n") == []
    assert _claims("In a survey of 300 households, the engineers counted cracked walls.\n") == []


def test_quotation_after_an_interrupted_one_stays_with_its_speaker_when_a_later_sentence_has_another():
    text = ('"The levee held for three days," Mayor Ana Pelt said. "The river rose overnight." Later the '
            'governor said the valley road would reopen.\n')
    claims = extract(text)
    assert [(c.speaker.name, c.content.text) for c in claims] == [
        ("Ana Pelt", "The levee held for three days"), ("Ana Pelt", "The river rose overnight."),
        ("governor", "the valley road would reopen")]
    assert claims[1].continues is claims[0]


# --- noun cues --------------------------------------------------------------------------------------------

def test_named_owner_of_a_claim_noun_is_the_speaker_of_its_that_clause():
    text = "The engineers dismissed the Kessel water board's claim that the dam held through the storm.\n"
    claim = next(c for c in extract(text) if c.content.text == "that the dam held through the storm")
    assert claim.speaker.mention.text == "the Kessel water board"


def test_noun_clause_ends_before_the_predicate_of_its_sentence():
    text = "Governor Ana Pelt's earlier warning that the river would rise was ignored by the council.\n"
    assert _claims(text) == [("indirect", "Ana Pelt", "that the river would rise")]


def test_noun_cue_without_a_named_owner_or_before_a_relative_frames_no_claim():
    assert _claims("Complaints that the levee leaked reached the council in May.\n") == []
    assert _claims("The board's report that was published on Monday blamed the rain.\n") == []


# --- headline labels --------------------------------------------------------------------------------------

def test_headline_label_naming_an_addressee_or_a_venue_names_the_speaker_before_it():
    text = "Marr to Valley Farmers: Bridge Will Reopen Before Winter\n\nThe board met on Monday.\n"
    assert _claims(text) == [("indirect", "Marr", "Bridge Will Reopen Before Winter")]
    text = "Pelt at Kessel Summit: Dam Failure Was Avoidable\n\nThe board met on Monday.\n"
    assert _claims(text) == [("indirect", "Pelt", "Dam Failure Was Avoidable")]


def test_labelled_first_line_with_a_full_stop_is_a_headline_claim_but_a_dateline_is_not():
    text = "Pelt: Dam failure was avoidable.\n\nThe board met on Monday.\n"
    assert _claims(text) == [("indirect", "Pelt", "Dam failure was avoidable")]
    assert _claims("KESSEL: The dam failed.\n\nThe board met on Monday.\n") == []


# --- content ends at the clause end -----------------------------------------------------------------------

def test_content_ends_before_a_final_object_relative_the_writer_adds():
    text = "Mayor Ivo Dane said the bridge would cost five million, which the council disputes.\n"
    claim = next(c for c in extract(text) if c.speaker.name == "Ivo Dane")
    assert claim.content.text == "the bridge would cost five million"


def test_subject_relative_and_inner_relative_stay_in_the_content():
    claims = _claims("The ministry said the strike hit a market, which killed 12 people.\n")
    assert ("indirect", "ministry", "the strike hit a market, which killed 12 people") in claims
    claims = _claims("Mayor Ivo Dane said the plan, which the council passed on Monday, would cost five million.\n")
    assert claims[0][2] == "the plan, which the council passed on Monday, would cost five million"


# --- "as X said" and agentless passives inside reported clauses -------------------------------------------

def test_fronted_as_clause_attributes_the_main_clause_after_its_comma():
    assert _claims("As the mayor noted, the bridge is the heart of the valley.\n") == [
        ("indirect", "mayor", "the bridge is the heart of the valley")]
    text = 'As Mayor Ivo Dane said last week in Kessel, "the bridge is the heart of the valley."\n'
    assert _claims(text) == [("direct", "Ivo Dane", "the bridge is the heart of the valley.")]


def test_as_clause_whose_cue_takes_an_object_is_a_time_clause():
    claims = _claims("As Mayor Ivo Dane spoke about how the bridge fell, the river rose again.\n")
    assert all(c[2] != "the river rose again" for c in claims)


def test_agentless_passive_is_part_of_the_clause_a_later_speaker_reports():
    assert _claims("The council is expected to approve the levee plan, officials said.\n") == [
        ("indirect", "officials", "The council is expected to approve the levee plan")]


def test_content_ends_before_a_final_appositive_naming_what_was_said():
    text = "The ministry said 12 people were killed in the flood, a figure that could not be verified.\n"
    assert _claims(text) == [("indirect", "ministry", "12 people were killed in the flood")]
    text = "Mayor Ivo Dane urged the council to fund the levee, something she has asked of it for years.\n"
    assert _claims(text)[0][2] == "the council to fund the levee, something she has asked of it for years"


# --- progressive cues, relative clauses that report, speaker nouns (issue 15) -----------------------------

def test_progressive_of_a_two_word_cue_names_its_subject():
    assert _claims("Mayor Ilse Marr was referring to the council's plan for the river.\n") == [
        ("indirect", "Ilse Marr", "the council's plan for the river")]


def test_progressive_after_an_adverb_takes_the_subject_before_it():
    assert _claims("Governor Arvid Lenn also is stressing that the dam will hold through the spring.\n") == [
        ("indirect", "Arvid Lenn", "that the dam will hold through the spring")]


def test_progressive_auxiliary_before_a_past_participle_still_names_no_speaker():
    assert not [c for c in _claims("Fifteen villagers were confirmed dead after the flood.\n") if c[0] != "outlet"]


def test_relative_clause_that_reports_is_a_claim_of_its_antecedent_ending_with_the_clause():
    assert _claims("Ivo Dane, who said he votes for the party every year, later changed his mind.\n") == [
        ("indirect", "Ivo Dane", "he votes for the party every year")]
    assert _claims("Dana Reyes, who said the bridge was lost, recounted the night on a radio show.\n") == [
        ("indirect", "Dana Reyes", "the bridge was lost"), ("indirect", "Dana Reyes", "the night on a radio show")]


def test_relative_clause_describing_an_anonymous_speaker_stays_no_claim():
    assert _claims("A commander, who asked not to be named, said the bridge was lost.\n") == [
        ("indirect", "commander", "the bridge was lost")]


def test_person_nouns_of_public_life_head_a_speaker_phrase():
    assert _claims("Security specialists say the outage was a deliberate attack on the grid.\n") == [
        ("indirect", "Security specialists", "the outage was a deliberate attack on the grid")]
    assert _claims("The prince called for the minister to resign over the flood.\n") == [
        ("indirect", "prince", "the minister to resign over the flood")]


def test_a_polls_share_of_people_is_the_speaker():
    assert _claims("More than 4 in 10 said the mayor would be best at handling the flood.\n") == [
        ("indirect", "More than 4 in 10", "the mayor would be best at handling the flood")]
    assert _claims("Some 56 percent of voters polled said they were much less likely to vote for the mayor.\n") == [
        ("indirect", "56 percent of voters polled", "they were much less likely to vote for the mayor")]


def test_a_polls_share_is_the_speaker_beside_letters_outside_ascii():
    # the quick test for a count before a cue reads ASCII text in C and other text letter by letter
    assert _claims("In Kj\u00f8llerby, more than 4 in 10 said the mayor would be best at handling the flood.\n") == [
        ("indirect", "more than 4 in 10", "the mayor would be best at handling the flood")]
    # digits of other scripts are digits too (the ASCII search knows only 0-9)
    assert _claims("In Kjollerby, more than \u0664 in \u0661\u0660 said the mayor would be best.\n") == [
        ("indirect", "more than \u0664 in \u0661\u0660", "the mayor would be best")]


def test_plural_speaker_noun_with_its_complement_is_the_subject_of_a_bare_cue():
    assert _claims("Sources close to her campaign say she stands fully behind the mayor's plan.\n") == [
        ("indirect", "Sources close to her campaign", "she stands fully behind the mayor's plan")]
    assert _claims("People who have battled floods before say the town could be doing more.\n") == [
        ("indirect", "People who have battled floods before", "the town could be doing more")]
    assert _claims("Aides to Senator Vale say she is shifting her tack toward her rival.\n") == [
        ("indirect", "Aides to Senator Vale", "she is shifting her tack toward her rival")]


def test_nested_single_quote_closing_with_doubled_apostrophes_ends_the_quotation():
    text = "Floods.\n\n''I would use the word 'careful,''' said Ivo Dane, a hydrologist. ''Humility matters.''\n"
    assert _claims(text) == [("direct", "Ivo Dane", "I would use the word 'careful,'"),
                             ("direct", "Ivo Dane", "Humility matters.")]


def test_said_of_someone_names_the_topic_not_the_content():
    assert _claims("Floods.\n\nThe mayor is careful, Ivo Dane said of the new mayor.\n") == [
        ("indirect", "Ivo Dane", "The mayor is careful")]
    assert _claims("Floods.\n\nIvo Dane said of the new mayor that she was careful.\n") == [
        ("indirect", "Ivo Dane", "that she was careful")]


def test_age_or_possessive_description_between_a_name_and_its_cue_is_an_appositive():
    assert _claims("The river rose.\n\nYara Lund, 60, a doctor, said the clinic had run out of beds.\n") == [
        ("indirect", "Yara Lund", "the clinic had run out of beds")]
    assert _claims("The river rose.\n\nOlaf Berg, its chief engineer, said the dam would hold.\n") == [
        ("indirect", "Olaf Berg", "the dam would hold")]


def test_anonymous_person_with_a_complement_is_the_speaker_not_a_word_of_the_complement():
    claims = _claims("The river rose.\n\nThe dam will be re-evaluated, a source close to the mayor said.\n\n"
                     "A person with knowledge of the talks said the bridge was lost.\n")
    assert claims == [("indirect", "source", "The dam will be re-evaluated"),
                      ("indirect", "person", "the bridge was lost")]


# --- a verb's preposition is no part of the content -------------------------------------------------------

def test_content_of_boast_joke_and_warn_starts_after_the_verbs_preposition():
    text = ("Mayor Ana Pelt boasted about record crowds at the Orsk fair.\n\n"
            "The governor joked about his age at the Orsk rally.\n\n"
            "Doctors in Valdoria warned of a rise in fever cases.\n\n"
            "Doctors in Valdoria warned that fever cases would rise.\n")
    assert [(s, c) for _, s, c in _claims(text)] == [
        ("Ana Pelt", "record crowds at the Orsk fair"),
        ("governor", "his age at the Orsk rally"),
        ("Doctors in Valdoria", "a rise in fever cases"),
        ("Doctors in Valdoria", "that fever cases would rise"),
    ]


def test_content_after_expressed_concern_or_support_leaves_the_stance_noun_with_the_verb():
    text = ("Mayor Ana Pelt expressed concern that the Orsk bridge would fail.\n\n"
            "The governor expressed support for a ceasefire in Valdoria.\n\n"
            "The governor expressed support for Vale.\n")
    assert [(s, c) for _, s, c in _claims(text)] == [
        ("Ana Pelt", "that the Orsk bridge would fail"),
        ("governor", "a ceasefire in Valdoria"),
        ("governor", "support for Vale"),
    ]
