"""Reported speech in the shapes PolNeAR annotates (issue 15), on invented sentences: a poll's share of people
as the subject of a cue, a verb or adjective of likelihood, readiness or trying between a subject and the
infinitive of its cue, a relative "who" that stands for a definite antecedent, a role without an article as
the speaker's appositive, "describe" with a plain object, and a stance verb's one-word object.
"""
from __future__ import annotations

from ledger.reading.stages import extract


def _claims(text: str):
    return [(c.speaker.mention.text if c.speaker.mention else c.speaker.name, c.content.text)
            for c in extract(text) if c.kind != "outlet"]


# --- a share of people as the subject ------------------------------------------------------------------------

def test_share_ending_with_a_number_word_speaks_with_a_bare_verb():
    text = ("The Orsk Courier asked voters about the bridge. Two in three said the toll was too high. "
            "One in five say that the mayor lied.\n")
    assert _claims(text) == [("Two in three", "the toll was too high"), ("One in five", "that the mayor lied")]


def test_share_with_a_fraction_speaks_with_a_bare_verb():
    text = "Voters in Velsk were split. Nearly a third say they have not decided. About half say the plan is fair.\n"
    assert _claims(text) == [("Nearly a third", "they have not decided"), ("About half", "the plan is fair")]


# --- a verb or adjective before the infinitive of a cue ------------------------------------------------------

def test_subject_before_seem_or_appear_to_speaks_through_the_cue():
    text = "Senator Ilse Marrow seemed to suggest that the levy would fall. Later she appeared to concede the point.\n"
    assert _claims(text) == [("Senator Ilse Marrow", "that the levy would fall"), ("she", "the point")]


def test_subject_before_be_expected_or_quick_to_speaks_through_the_cue():
    text = ("The Velsk Ledger is expected to endorse Mayor Tomas Brie on Sunday. "
            "Farmers are quick to blame the drought on the dam.\n")
    assert _claims(text) == [("The Velsk Ledger", "Mayor Tomas Brie on Sunday"),
                             ("Farmers", "the drought on the dam")]


def test_council_that_voted_to_endorse_speaks_through_the_cue():
    assert _claims("The Orsk council voted to endorse the harbour plan.\n") == [
        ("The Orsk council", "the harbour plan")]


# --- a relative pronoun with a definite antecedent ------------------------------------------------------------

def test_who_after_a_definite_antecedent_takes_a_cue_that_needs_a_definite_speaker():
    text = ("Governor Pia Holm, who endorsed Mara Lind on Thursday, toured the port. "
            "The dockers' leader, Ivo Sand, who backed Ms. Lind in May, stayed silent.\n")
    claims = [(c.speaker.name, c.content.text) for c in extract(text) if c.kind != "outlet"]
    assert claims == [("Pia Holm", "Mara Lind on Thursday"), ("Ivo Sand", "Ms. Lind in May")]


def test_which_after_a_report_stays_the_writers_account():
    text = "The toll rose from the army's first report of May, which listed 74 wounded soldiers.\n"
    assert _claims(text) == []


def test_who_after_an_indefinite_antecedent_frames_no_claim_for_such_a_cue():
    assert _claims("A man, who called the harbour police, was held overnight.\n") == []


# --- a role without an article as the appositive of the speaker ----------------------------------------------

def test_role_without_article_between_name_and_cue_is_an_appositive():
    text = "Ivo Sand, dean of the Velsk Law School, said the court had changed its tone.\n"
    claims = [(c.speaker.name, c.content.text) for c in extract(text) if c.kind != "outlet"]
    assert claims == [("Ivo Sand", "the court had changed its tone")]


# --- describe with a plain object ----------------------------------------------------------------------------

def test_describe_takes_a_plain_object_from_someone():
    text = "Governor Pia Holm described a rigged levy system in the valley.\n"
    assert _claims(text) == [("Governor Pia Holm", "a rigged levy system in the valley")]


def test_describe_without_someone_speaking_is_no_claim():
    assert _claims("The storm described a wide arc over the valley.\n") == []


# --- a stance towards a bare name ------------------------------------------------------------------------------

def test_stance_verb_keeps_a_one_word_object():
    text = "Senator Ilse Marrow endorsed Lind. The dockers' union opposes it.\n"
    assert _claims(text) == [("Senator Ilse Marrow", "Lind"), ("The dockers' union", "it")]



# --- "according to" a source the phrase reader cannot delimit --------------------------------------------------

def test_according_to_a_long_source_takes_it_to_the_clause_end():
    text = ("According to early results of exit polls conducted for the Velsk Courier by Norland Research, "
            "nearly half of voters were undecided.\n")
    claims = [(c.speaker.mention.text, c.content.text) for c in extract(text) if c.kind != "outlet"]
    assert claims == [("early results of exit polls conducted for the Velsk Courier by Norland Research",
                       "nearly half of voters were undecided")]
