"""Attribution and speakers on news the lexicon was not written for (issue 14): each test is one class of
language, with invented sentences, and asserts every claim found (kind, speaker, content), so that an extra
claim fails it too."""
from __future__ import annotations

import pytest

from ledger.reading.stages import extract


def _claims(text: str) -> list[tuple]:
    return [(c.kind, c.speaker.name, c.content.text) for c in extract(text, outlet="Harbour Gazette")]


# ------------------------------------------------------------------ cues the lexicon lacks

@pytest.mark.parametrize("text, expected", [
    ("The ministry on Sunday said that 12 people died in the blast.",
     [("indirect", "ministry", "that 12 people died in the blast")]),
    ("The ministry late on Sunday said that 12 people died in the blast.",
     [("indirect", "ministry", "that 12 people died in the blast")]),
    ("The ministry, on Sunday, said that 12 people died in the blast.",
     [("indirect", "ministry", "that 12 people died in the blast")]),
])
def test_unseen_time_phrase_between_subject_and_cue(text, expected):
    assert _claims(text) == expected


def test_unseen_time_phrase_inside_an_appositive_is_not_the_subject():
    text = "Governor Ilse Marr, opening the Velsk bridge on Saturday, said it would carry 40 trucks a day."
    assert _claims(text) == [("indirect", "Ilse Marr", "it would carry 40 trucks a day")]


def test_unseen_have_just_reported():
    text = "Local officials have just reported that nine villagers were wounded in the shelling."
    assert _claims(text) == [("indirect", "Local officials", "that nine villagers were wounded in the shelling")]


@pytest.mark.parametrize("dash", ["-", "\u2014", "--"])
def test_unseen_dash_aside_between_cue_and_content(dash):
    text = f"The ministry said {dash} per the Wire {dash} that 12 people died in the blast."
    assert _claims(text) == [("indirect", "ministry", "that 12 people died in the blast")]


def test_unseen_light_verb_and_nominal_cues():
    assert _claims("The ministry issued a statement saying that four guards were killed at the depot.") == [
        ("indirect", "ministry", "that four guards were killed at the depot")]
    assert _claims("The governor made it clear that the bridge would stay closed until spring.") == [
        ("indirect", "governor", "that the bridge would stay closed until spring")]


def test_unseen_aspectual_verb_before_a_cue_keeps_the_subject():
    text = "Mayor Ilse Marr continued to insist that the water was safe."
    assert _claims(text) == [("indirect", "Ilse Marr", "that the water was safe")]


# ------------------------------------------------------------------ comparatives and relative clauses

def test_unseen_comparative_as_claimed_is_its_speakers_figure():
    text = "The death toll was 40, not nearly 400 as the Front had claimed, a ministry spokesman said."
    assert _claims(text) == [
        ("indirect", "ministry spokesman", "The death toll was 40, not nearly 400 as the Front had claimed"),
        ("indirect", "Front", "nearly 400"),
    ]


def test_unseen_relative_clause_attribution_claims_its_antecedent():
    text = "The council disputed the 300 deaths that officials reported in their first count."
    assert _claims(text) == [
        ("indirect", "officials", "the 300 deaths"),
        ("indirect", "council", "the 300 deaths that officials reported in their first count"),
    ]


def test_unseen_which_x_blames_on_y_is_the_antecedent_and_the_blamed():
    text = "The flood, which Orsk blames on the dam operators, destroyed 40 homes."
    (claim, outlet) = extract(text, outlet="Harbour Gazette")
    assert claim.speaker.name == "Orsk"
    assert [p.text for p in claim.parts] == ["The flood", "on the dam operators"]
    assert (outlet.kind, outlet.speaker.name, outlet.content.text) == ("outlet", "Harbour Gazette", "destroyed 40 homes")


def test_unseen_writers_relative_clause_on_a_judged_object_is_the_outlets_claim():
    """"Condemned the attack, which killed 40 people": the relative clause is the writer's account of the
    attack, so its figure is the outlet's; inside a reported clause it stays the speaker's."""
    text = "The governor condemned the attack, which killed 40 people, and promised an inquiry."
    found = extract(text, outlet="Harbour Gazette")
    assert [(c.kind, c.speaker.name, c.content.text, [(f.metric, f.low) for f in c.figures]) for c in found] == [
        ("indirect", "governor", "the attack", []),
        ("outlet", "Harbour Gazette", "which killed 40 people", [("killed", 40)]),
        ("indirect", "governor", "an inquiry", [])]
    assert _claims("The governor said the attack, which killed 40 people, was an act of terror.") == [
        ("indirect", "governor", "the attack, which killed 40 people, was an act of terror")]


# ------------------------------------------------------------------ no claim

@pytest.mark.parametrize("text", [
    "The big fire underscored the weakness of the city's defences.",
    "More than 700 rescue workers continued digging through the night.",
    "The confusion continued to surround the fate of the ferry.",
])
def test_unseen_no_claim_from_inanimate_subjects_or_aspectual_verbs(text):
    assert _claims(text) == []


def test_unseen_document_subject_of_an_animate_cue_is_a_speaker():
    assert _claims("The report underscored that 40 people died.") == [("indirect", "report", "that 40 people died")]


def test_unseen_question_about_is_no_claim_of_the_asker():
    claims = _claims("A reporter asked the premier about the 40 dead at the depot.")
    assert [c for c in claims if c[0] != "outlet"] == []


def test_unseen_speaker_noun_ending_in_ly_is_no_adverb():
    assert _claims("The family said the boy was killed in the first strike.") == [
        ("indirect", "family", "the boy was killed in the first strike")]
    assert _claims("The family also said the boy was killed in the first strike.") == [
        ("indirect", "family", "the boy was killed in the first strike")]


# ------------------------------------------------------------------ sentence ends

@pytest.mark.parametrize("marker", ["[4]", "[12][13]"])
def test_unseen_citation_marker_ends_the_sentence(marker):
    text = f"The army said 12 soldiers died.{marker} The premier said 40 soldiers died."
    assert _claims(text) == [("indirect", "army", "12 soldiers died"), ("indirect", "premier", "40 soldiers died")]


# ------------------------------------------------------------------ speakers

@pytest.mark.parametrize("text, speaker", [
    ("Twelve people died, said a statement from the premier's office.", "premier"),
    ("Twelve people died, according to a statement from the army.", "army"),
    ("A statement from the army said twelve people died.", "army"),
    ("The Kessel Brigades issued a long statement on Monday. Twelve people died, the statement said.",
     "Kessel Brigades"),
    ("The army released a report on Monday. Twelve people died in the raid, the document says.", "army"),
])
def test_unseen_documents_speak_for_their_issuer(text, speaker):
    claims = _claims(text)
    assert [(c[1], c[2]) for c in claims] == [(speaker, c[2]) for c in claims]
    assert len(claims) == 1 and claims[0][2].startswith(("Twelve", "twelve"))


@pytest.mark.parametrize("text, speaker", [
    ("NOHR activists said 14 civilians died in the raid.", "NOHR"),
    ("Two Red Crescent volunteers said 14 civilians died in the raid.", "Red Crescent"),
])
def test_unseen_members_of_an_organisation_are_the_organisation(text, speaker):
    assert _claims(text) == [("indirect", speaker, "14 civilians died in the raid")]


@pytest.mark.parametrize("text", [
    "Our correspondent said the town was quiet on Tuesday night.",
    "Our correspondent in Orsk said the town was quiet on Tuesday night.",
])
def test_unseen_our_correspondent_is_the_outlet(text):
    assert _claims(text) == [("outlet", "Harbour Gazette", "the town was quiet on Tuesday night")]


@pytest.mark.parametrize("text, speaker", [
    ("The Health Ministry in the Dorn Strip said 30 people died.", "Health Ministry"),
    ("The Ministry of Health in Orsk said 30 people died.", "Ministry of Health"),
    ("Sources in Kessel said 30 people died.", "Sources in Kessel"),
])
def test_unseen_a_place_after_a_speaker_is_not_the_speaker(text, speaker):
    assert _claims(text) == [("indirect", speaker, "30 people died")]


def test_unseen_name_inside_an_organisation_keeps_its_capitalised_small_word():
    text = "The charity Doctors Without Borders said 50 people died."
    assert _claims(text) == [("indirect", "Doctors Without Borders", "50 people died")]


def test_unseen_appositive_name_is_the_speaker():
    text = "The brother of one victim, Arvid Lenn, told reporters that the house collapsed."
    assert _claims(text) == [("indirect", "Arvid Lenn", "that the house collapsed")]


@pytest.mark.parametrize("text, speaker, content", [
    ("Arvid Lenn, another resident, said 15 villagers died.", "Arvid Lenn", "15 villagers died"),
    ("\u201cThe bomber blew himself up,\u201d said Maj. Gen. Karim al Dorani, a spokesman for the ministry.",
     "Karim al Dorani", "The bomber blew himself up"),
    ('"She is my only sister," a 16-year-old girl told the Orsk Daily.', "girl", "She is my only sister"),
    ("Experts on Norland and nuclear arms said the test could change that.",
     "Experts on Norland and nuclear arms", "the test could change that"),
])
def test_unseen_speaker_phrases_the_reader_did_not_walk(text, speaker, content):
    assert [(c[1], c[2]) for c in _claims(text)] == [(speaker, content)]


@pytest.mark.parametrize("text", [
    "The ministry said there were at least 15 people confirmed dead and at least 28 wounded.",
    "Ba Orsk, another resident, said 15 villagers were confirmed dead, with several more wounded.",
])
def test_unseen_a_count_in_a_passive_is_no_speaker(text):
    claims = _claims(text)
    assert len(claims) == 1 and claims[0][1] in ("ministry", "Ba Orsk")


def test_unseen_count_before_an_appositive_is_no_speaker():
    text = ("With 59 dead and 142 survivors in the wreck, the number on board was more than 200, and not the 190 "
            "as earlier declared in the manifest, said Capt. Pedro Tin, the harbour commander.")
    assert [c[1] for c in _claims(text)] == ["Pedro Tin"]


def test_unseen_widely_reported_to_is_the_outlets_hedge():
    text = "Three fighters widely reported to have been killed in the raid were alive."
    assert _claims(text) == [("outlet", "Harbour Gazette", text[:-1])]


@pytest.mark.parametrize("text, parties", [
    ("The army and the police said six attackers were killed.", ["army", "police"]),
    ("Six attackers were killed, the army and the police said.", ["army", "police"]),
    ("Orsk and Kessel said six attackers were killed.", ["Orsk", "Kessel"]),
    ("Both Mayor Ilse Marr and Governor Arvid Lenn said six attackers were killed.", ["Ilse Marr", "Arvid Lenn"]),
    ("Federal and state officials said six attackers were killed.", ["Federal and state officials"]),
    ("The Central and East Velsk Coalition said six attackers were killed.", ["Central and East Velsk Coalition"]),
])
def test_unseen_x_and_y_said_is_one_claim_per_party(text, parties):
    claims = _claims(text)
    assert [c[1] for c in claims] == parties
    assert len({c[2] for c in claims}) == 1 and claims[0][2].lower() == "six attackers were killed"


def test_unseen_colon_cue_gives_the_next_quote_paragraphs():
    text = ("The match ended late.\n\nCoach Arvid Lenn reacts:\n\n\u201cThe best team won today.\u201d\n\n"
            "\u2018The team played brilliantly. Every player was magnificent.\u2019")
    assert _claims(text) == [("direct", "Arvid Lenn", "The best team won today."),
                             ("direct", "Arvid Lenn", "The team played brilliantly. Every player was magnificent.")]


def test_unseen_participle_colon_gives_the_next_quote_paragraph_to_the_main_subject():
    text = ("The appeal went in.\n\nVelsk director Yury Lenn sent through the appeal today stating:\n\n"
            "\u201cVelsk disputes the notice in its entirety.\u201d\n\nThe appeal means a hearing.")
    assert _claims(text) == [("direct", "Yury Lenn", "Velsk disputes the notice in its entirety.")]


@pytest.mark.parametrize("text, speaker", [
    ("Nasser al-Dorani, the Health Ministry\u2019s undersecretary, said the strike left 534 people wounded.",
     ("Nasser al-Dorani", "Health Ministry")),
    ("\u201cThe toll is very high,\u201d health ministry spokesman Tamim al-Orsi told a television channel.",
     ("Tamim al-Orsi", "Health Ministry")),
    ("Addressing reporters in Velsk, the head of operations in the North-east, Major General Lucky Arvo, said "
     "17 fighters were caught.", ("Lucky Arvo", None)),
])
def test_unseen_person_speakers_keep_their_names_and_institution(text, speaker):
    (claim,) = extract(text, outlet="Harbour Gazette")
    assert (claim.speaker.name, claim.speaker.affiliation) == speaker


def test_unseen_a_place_ending_a_longer_subject_is_no_speaker():
    text = "Witnesses of Saturday's airstrike in Orsk reported multiple civilian casualties at the wake."
    assert _claims(text) == [("indirect", "Witnesses of Saturday's airstrike in Orsk",
                              "multiple civilian casualties at the wake")]


def test_unseen_pronoun_relative_clause_inside_a_claim_is_no_second_claim():
    text = "The ministry said two civilians were killed in the shelling of the market, which it blamed on a depot."
    assert _claims(text) == [("indirect", "ministry", text[len("The ministry said "):-1])]


# ------------------------------------------------------------------ malformed quote marks

@pytest.mark.parametrize("text", [
    "\u201cWe counted nine bodies,\u201d a medic in Orsk said. \u201dMost were children.\u201d",  # closer as opener
    "\u201cWe counted nine bodies,\u201c a medic in Orsk said. \u201cMost were children.\u201d",  # opener as closer
    "\u201eWe counted nine bodies,\u201c a medic in Orsk said. \u201eMost were children.\u201c",  # German marks
])
def test_unseen_malformed_quote_marks_still_delimit_each_quotation(text):
    assert _claims(text) == [("direct", "medic in Orsk", "We counted nine bodies"),
                             ("direct", "medic in Orsk", "Most were children.")]


def test_unseen_stray_comma_after_a_bracketed_acronym_keeps_the_subject():
    """"The group Valdorian Popular Forces (VPF), admitted that ...": a comma typed between the subject and
    its verb does not make the outlet the speaker."""
    text = "The militant group Valdorian Popular Forces (VPF), admitted that four members were killed in the raid."
    assert _claims(text) == [("indirect", "Valdorian Popular Forces", "that four members were killed in the raid")]


@pytest.mark.parametrize("text, expected", [
    ("The ministry revised its death toll to 41 on Monday.",
     [("indirect", "ministry", "its death toll to 41 on Monday")]),
    ("The army lowered the estimate of the dead to 12.", [("indirect", "army", "the estimate of the dead to 12")]),
])
def test_unseen_updating_a_count_is_asserting_it(text, expected):
    """"Raised / upped / revised / lowered the toll to N": a party updating its count asserts the new one; a
    thing that raises a number ("the flood raised the number of displaced") speaks for no one."""
    assert _claims(text) == expected
    assert [c[0] for c in _claims("The flood raised the number of displaced to 300.")] == ["outlet"]


@pytest.mark.parametrize("text, expected", [
    ("The ministry put the death toll at 19.", [("indirect", "ministry", "the death toll at 19")]),
    ("The Orsk Relief Mission (ORM) on Thursday put the death toll at over 170.",
     [("indirect", "Orsk Relief Mission", "the death toll at over 170")]),
    ("Recall that estimates by the Orsk Relief Mission put the death toll at over 170.",
     [("indirect", "Orsk Relief Mission", "the death toll at over 170")]),
    ("It will be recalled that the army said 12 soldiers died in the raid.",
     [("indirect", "army", "12 soldiers died in the raid")]),
])
def test_unseen_past_put_reminders_and_plural_documents(text, expected):
    """"Put" is its own past tense; a time phrase may follow a bracketed acronym; the writer's "Recall that"
    opens no subject; "estimates by X" speak for X as "an estimate by X" does."""
    assert _claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two gunmen attacked a post in Orsk on Sunday, the Varn army said in a statement released on Monday.",
     [("indirect", "Varn army", "Two gunmen attacked a post in Orsk on Sunday")]),
    ("The strike hit a school in Orsk, the rights group Norwatch said in a report published Thursday.",
     [("indirect", "Norwatch", "The strike hit a school in Orsk")]),
    ("The Varn army said in a statement issued overnight that five soldiers died.",
     [("indirect", "Varn army", "that five soldiers died")]),
])
def test_attribution_unseen_venue_dated_by_a_participle_opens_no_content(text, expected):
    """"said in a report released Thursday": the participle dates the report; the content is what the
    sentence says before the speaker (or after "that"), never "released Thursday"."""
    assert _claims(text) == expected


@pytest.mark.parametrize("text, content", [
    ("The strike, which hit the Orsk market at dawn, killed 12 people.",
     "The strike, which hit the Orsk market at dawn, killed 12 people"),
    ("It is worth noting that the raid, which took place at 02:00, destroyed four trucks carrying fuel.",
     "It is worth noting that the raid, which took place at 02:00, destroyed four trucks carrying fuel"),
])
def test_attribution_unseen_outlet_figure_keeps_its_subject_across_a_relative_clause(text, content):
    """The outlet's own figure after a relative clause (", which ..., killed 12") is told of the subject
    before that clause: the claim is the whole clause, not "killed 12 people"."""
    assert _claims(text) == [("outlet", "Harbour Gazette", content)]


@pytest.mark.parametrize("text, content", [
    ("Evidence suggests the strike deliberately targeted a school in Orsk, the rights group Norwatch said.",
     "Evidence suggests the strike deliberately targeted a school in Orsk"),
    ("Satellite images show the strike hit a school in Orsk, the rights group Norwatch said.",
     "Satellite images show the strike hit a school in Orsk"),
])
def test_attribution_unseen_evidence_inside_a_reported_sentence_is_no_speaker(text, content):
    """"Evidence suggests X, the group said": the group reports the whole sentence; evidence speaks for no
    one, so no second claim (and no speaker called "Evidence" or "Satellite")."""
    assert _claims(text) == [("indirect", "Norwatch", content)]


@pytest.mark.parametrize("text, expected", [
    ("A report by the Varn coalition said faulty intelligence led it to launch an air strike that killed over "
     "140 people at a wake in Orsk.",
     [("indirect", "Varn coalition", "faulty intelligence led it to launch an air strike"),
      ("outlet", "Harbour Gazette", "an air strike that killed over 140 people at a wake in Orsk")]),
    ("The Varn ministry said it would investigate the raid on Orsk that killed 40 people and wounded 60.",
     [("indirect", "Varn ministry", "it would investigate the raid on Orsk"),
      ("outlet", "Harbour Gazette", "the raid on Orsk that killed 40 people and wounded 60")]),
    ("The Varn ministry said it would investigate the raid on Orsk, which killed 40 people.",
     [("indirect", "Varn ministry", "it would investigate the raid on Orsk, which killed 40 people")]),
    ("The Varn ministry said the blast that killed 12 people was caused by a gas leak.",
     [("indirect", "Varn ministry", "the blast that killed 12 people was caused by a gas leak")]),
])
def test_attribution_unseen_writers_toll_closing_a_content_is_the_outlets(text, expected):
    """A restrictive relative clause that closes the sentence with the toll of the event the content names
    ("an air strike that killed over 140 people") identifies the event for the reader: the outlet's claim,
    not the speaker's; one inside the content's subject (a verb follows it) and a non-restrictive one
    (", which killed 40") stay the speaker's."""
    assert _claims(text) == expected


def test_attribution_unseen_toll_attributed_inside_the_relative_stays_with_its_sources():
    text = ("The Varn ministry said it was reviewing its aid after the raid on Orsk, which killed 40 people "
            "according to one UN estimate.")
    assert [(kind, speaker) for kind, speaker, _ in _claims(text)] == [("indirect", "Varn ministry")]


def test_attribution_unseen_toll_of_an_earlier_event_the_speaker_invokes_stays_the_speakers():
    text = ("The Varn army said the raid was retaliation for a rocket attack on Orsk last week that killed one "
            "contractor.")
    assert _claims(text) == [("indirect", "Varn army", "the raid was retaliation for a rocket attack on Orsk last "
                                                        "week that killed one contractor")]


@pytest.mark.parametrize("text, speaker", [
    ("Mr. Velk however said 42 victims would stay in Orsk.", "Velk"),
    ("The Varn ministry nonetheless said 42 victims would stay in Orsk.", "Varn ministry"),
    ("The army meanwhile said 42 victims would stay in Orsk.", "army"),
])
def test_attribution_unseen_sentence_adverb_between_speaker_and_cue(text, speaker):
    """"X however said": a sentence adverb between the subject and its cue is no part of the speaker, and
    does not hide it (the claim is no outlet's)."""
    assert _claims(text) == [("indirect", speaker, "42 victims would stay in Orsk")]


@pytest.mark.parametrize("text, expected", [
    ("The air force killed 52 people in Orsk on Tuesday, a spokesman from Norwatch said after the army "
     "disclosed the strike was meant to hit rebels.",
     [("indirect", "spokesman from Norwatch", "The air force killed 52 people in Orsk on Tuesday"),
      ("indirect", "army", "the strike was meant to hit rebels")]),
    ("The toll had risen to 12, a spokesman said while visiting Orsk.",
     [("indirect", "spokesman", "The toll had risen to 12")]),
    ("The mayor said after the blast, 12 people were taken to hospital.",
     [("indirect", "mayor", "after the blast, 12 people were taken to hospital")]),
    ("The mayor said after the meeting he would not resign.",
     [("indirect", "mayor", "he would not resign")]),
])
def test_attribution_unseen_time_clause_after_the_cue_is_no_content(text, expected):
    """"..., a spokesman said after the army disclosed ...": after a content that comes first, the clause
    after the cue says when he spoke; the content is the sentence before the speaker. With no content before
    the speaker, what follows the cue is the content, as before."""
    assert _claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Wire reported authorities as saying the shelter had held up.",
     [("indirect", "authorities", "the shelter had held up")]),
    ("The agency cited local officials as saying Friday that 12 people died.",
     [("indirect", "local officials", "that 12 people died")]),
    ("A deputy mayor of Orsk was killed in the shelling, the agency cited local officials as saying.",
     [("indirect", "local officials", "A deputy mayor of Orsk was killed in the shelling")]),
])
def test_attribution_unseen_reporter_relaying_a_speaker_as_saying(text, expected):
    """"The agency cited officials as saying ...": the officials speak (the agency only relays them), and
    "as" is no part of the content."""
    assert _claims(text) == expected
    relayed = extract(text, outlet="Harbour Gazette")[0]
    assert relayed.via is not None


@pytest.mark.parametrize("text, expected", [
    ("The army says a jet bombed a camp in Orsk, killing \u2013 according to Norwatch \u2013 at least 50 and "
     "wounding 120.",
     [("indirect", "army", "a jet bombed a camp in Orsk"),
      ("according_to", "Norwatch", "killing \u2013 according to Norwatch \u2013 at least 50 and wounding 120")]),
    ("The strike killed \u2014 according to Norwatch \u2014 at least 50 people.",
     [("according_to", "Norwatch", "The strike killed \u2014 according to Norwatch \u2014 at least 50 people")]),
])
def test_attribution_unseen_according_to_between_dashes_attributes_the_clause_around_it(text, expected):
    """"killing \u2013 according to X \u2013 at least 50": the aside between dashes attributes the clause it
    interrupts, both sides of it (the figure is X's, not the outlet's)."""
    assert _claims(text) == expected


@pytest.mark.parametrize("text, speakers", [
    ("At least 70 civilians were killed in the strike, the International Red Cross and Red Crescent Movement "
     "said on Wednesday.", ["International Committee of the Red Cross"]),
    ("At least 70 civilians were killed in the strike, the Varn army and the Orsk police said on Wednesday.",
     ["Varn army", "Orsk police"]),
])
def test_attribution_unseen_a_known_name_with_and_is_one_party(text, speakers):
    """"X and Y said" is one claim per party, unless "X and Y" is itself a known name."""
    assert [speaker for _, speaker, _ in _claims(text)] == speakers


@pytest.mark.parametrize("text, speaker, content, killed", [
    ("The rebels in a statement named four members of the Dorn Brigade they said were killed in the raid.",
     "rebels", "four members of the Dorn Brigade they said were killed in the raid", 4),
    ("Officials released the names of 12 villagers they said died in the flood.",
     "Officials", "12 villagers they said died in the flood", 12),
])
def test_unseen_counted_antecedent_of_a_contact_relative_is_the_claim(text, speaker, content, killed):
    """"named four members of the brigade they said were killed": the count is the subject of the reported
    clause, so the claim holds it (with its figure), and no outlet claim of the same figure is made."""
    (claim,) = extract(text, outlet="Harbour Gazette")
    assert (claim.speaker.name, claim.content.text) == (speaker, content)
    assert [(f.metric, f.low, f.high) for f in claim.figures] == [("killed", killed, killed)]

@pytest.mark.parametrize("text, expected", [
    ("The monitor cited sources in Dorn.", []),
    ("The monitor cited Dorn medical sources.", []),
    ("The coordinator cited initial reports that 40 people were killed in Orsk.",
     [("indirect", "coordinator", "that 40 people were killed in Orsk")]),
    ("The monitor cited sources in Dorn saying that 12 fighters died.",
     [("indirect", "monitor", "that 12 fighters died")]),
    ("The governor cited the 40 dead as proof that the dam failed.",
     [("indirect", "governor", "the 40 dead as proof that the dam failed")]),
])
def test_attribution_unseen_citing_a_source_is_no_claim(text, expected):
    """"cited sources in Dorn", "cited initial reports": the object names where the speaker's information
    came from, not what is claimed; only the content the sources are said to give is a claim, once ("cited
    initial reports that ..." is no second claim beside the reports' own). Citing anything else ("the 40 dead
    as proof") still is a claim."""
    assert _claims(text) == expected


@pytest.mark.parametrize("text, expected, via", [
    ("CNN reported Governor Ilse Marr said on Thursday that 1,300 people were in the hall.",
     [("indirect", "Ilse Marr", "that 1,300 people were in the hall")], "CNN"),
    ("The Velsk Times reported that the former governor insisted there were survivors.",
     [("indirect", "former governor", "there were survivors")], "Velsk Times"),
    ("Harbour Gazette reports that local authorities say at least 240 people were killed in Orsk.",
     [("indirect", "local authorities", "at least 240 people were killed in Orsk")], "Harbour Gazette"),
])
def test_attribution_unseen_an_outlet_relaying_a_speaker_gives_the_speakers_claim(text, expected, via):
    """"CNN reported the governor said ...": the outlet passes on what the governor said, so the claim is the
    governor's alone, relayed ``via`` the outlet (one named by the article, or the article's own), not a second
    claim of the outlet's whose content is the governor's attribution."""
    assert _claims(text) == expected
    assert extract(text, outlet="Harbour Gazette (Wire copy)")[0].via.name == via


def test_attribution_unseen_a_speaker_passing_on_what_they_were_told_keeps_both_claims():
    text = "The minister said the general told him that 40 soldiers died."
    assert _claims(text) == [("indirect", "minister", "the general told him that 40 soldiers died"),
                             ("indirect", "general", "that 40 soldiers died")]


def test_attribution_unseen_an_outlet_reporting_a_finding_keeps_its_claim():
    """"CNN reported that an army investigation found ...": a finding is no speaker the outlet relays; the
    outlet's report stays its claim."""
    text = "CNN reported that an army investigation found the ferry capsized after passengers moved."
    assert _claims(text)[0] == ("indirect", "CNN",
                                "that an army investigation found the ferry capsized after passengers moved")


@pytest.mark.parametrize("text, expected", [
    ("The army accused rebels of inflating the death toll, which officially stands at over 140.",
     [("indirect", "army", "rebels of inflating the death toll"),
      ("outlet", "Harbour Gazette", "the death toll, which officially stands at over 140")]),
    ("The ministry said the death toll, which stood at 12 on Monday, would rise.",
     [("indirect", "ministry", "the death toll, which stood at 12 on Monday, would rise")]),
])
def test_attribution_unseen_the_writers_current_toll_after_the_content_is_the_outlets(text, expected):
    """"inflating the death toll, which officially stands at over 140": the relative clause closing the
    sentence updates the reader on the toll the speaker spoke of; it is the outlet's claim (with its figure),
    not the army's. A relative inside the content's subject ("the toll, which stood at 12, would rise") stays
    the speaker's."""
    assert _claims(text) == expected
    claims = extract(text, outlet="Harbour Gazette")
    assert [(f.metric, f.low, f.high) for c in claims if c.kind == "outlet" for f in c.figures] == \
        ([("killed", 141, None)] if len(expected) == 2 else [])


@pytest.mark.parametrize("text, expected", [
    ("Norwatch said the hall was a haven for civilians seeking protection from weeks of shelling.",
     [("indirect", "Norwatch", "the hall was a haven for civilians seeking protection from weeks of shelling")]),
    ("Refugees seeking shelter from the shelling crowded the station, officials said.",
     [("indirect", "officials", "Refugees seeking shelter from the shelling crowded the station")]),
    ("The rebels issued a statement, seeking to end the talks.",
     [("indirect", "rebels", "to end the talks")]),
])
def test_attribution_unseen_a_participle_of_intent_frames_only_an_infinitive(text, expected):
    """"civilians seeking protection": "seek" frames a claim only with an infinitive ("seeking to end"), as
    its finite forms already do; its object is no content, and no claim is taken from the sentence's speaker."""
    assert _claims(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The ministry said 11 were hurt. Last week, the ministry raised the number to 34, and then on Tuesday upped "
     "the number to 50.",
     [("indirect", "ministry", "11 were hurt"), ("indirect", "ministry", "the number to 34"),
      ("indirect", "ministry", "the number to 50")]),
    ("The ministry denied the report and on Sunday said 40 people died.",
     [("indirect", "ministry", "the report"), ("indirect", "ministry", "40 people died")]),
])
def test_attribution_unseen_a_time_phrase_between_coordinator_and_cue(text, expected):
    """"raised the number to 34, and then on Tuesday upped it to 50": a time phrase between the coordinator
    and the second verb still leaves it the sentence subject's cue, so each total is its own claim."""
    assert _claims(text) == expected
    totals = [f.low for c in extract(text, outlet="Harbour Gazette") for f in c.figures]
    assert totals == ([11, 34, 50] if "upped" in text else [40])
