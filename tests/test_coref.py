"""Who is who within an article (ledger.reading.claims.coref, through extract())."""
from __future__ import annotations

import pytest

from ledger.reading.stages import extract


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(c.speaker.name, c.speaker.mention.text if c.speaker.mention else None)
            for c in extract(text) if c.kind != "outlet"]


def test_coref_acronym_defined_in_article():
    text = ("The Velsk Rights Monitor (VRM) said two villages burned.\n\n"
            "VRM said the fires spread overnight.")
    assert [s[0] for s in _speakers(text)] == ["Velsk Rights Monitor", "Velsk Rights Monitor"]


def test_coref_description_resolves_to_named_source_of_its_type():
    text = ("The UK-based Syrian Observatory for Human Rights said five fighters died.\n\n"
            "The war monitor, which relies on sources on the ground, said the strike hit a depot.\n\n"
            "The observatory said the toll could rise.")
    assert _speakers(text) == [
        ("Syrian Observatory for Human Rights", "The UK-based Syrian Observatory for Human Rights"),
        ("Syrian Observatory for Human Rights", "The war monitor"),
        ("Syrian Observatory for Human Rights", "The observatory"),
    ]


def test_coref_gazetteer_alias_gives_canonical_name():
    assert _speakers("SOHR said five fighters died.") == [("Syrian Observatory for Human Rights", "SOHR")]


def test_coref_surname_and_title_resolve_to_full_name():
    text = ("Harbour spokesman Tomas Reile said two ships sank.\n\n"
            "Mr Reile said the port would reopen.\n\nReile added that divers were searching.")
    claims = extract(text)
    assert {c.speaker.name for c in claims} == {"Tomas Reile"}
    assert claims[0].speaker.affiliation is None or "Harbour" in claims[0].speaker.affiliation
    assert set(claims[-1].speaker.aliases) >= {"Harbour spokesman Tomas Reile", "Mr Reile", "Reile"}


def test_coref_different_first_names_are_different_people():
    text = "John Reile said the port was closed.\n\nJoe Reile said the port was open."
    assert [s[0] for s in _speakers(text)] == ["John Reile", "Joe Reile"]


def test_coref_full_name_found_outside_claims():
    text = ("Defence Minister Aleks Varga visited the border on Monday.\n\n"
            '"We are ready," Varga said.')
    assert _speakers(text) == [("Aleks Varga", "Varga")]


@pytest.mark.parametrize("text, expected", [
    ("Governor Ana Pelt visited the dam. She said the levees would hold.", ("Ana Pelt", "She")),
    ("The Velsk Water Board met on Monday. It said the wells were safe.", ("Velsk Water Board", "It")),
    ("Two medics spoke to reporters. They said the clinic was full.", ("medic", "They")),
])
def test_coref_pronoun_to_nearest_compatible(text, expected):
    assert _speakers(text)[-1] == expected


def test_coref_relative_pronoun_takes_its_antecedent():
    text = "The plan was backed by Senator Ivo Grant, who said it would save the port."
    assert ("Ivo Grant", "who") in _speakers(text)


def test_coref_anonymous_never_merged_with_named_person():
    text = ("A Ruritanian army official said five soldiers died.\n\n"
            "General Ivo Kask said no soldiers died.\n\nThe official said the toll was rising.")
    claims = extract(text)
    assert [c.speaker.name for c in claims] == ["Ruritanian army official", "Ivo Kask",
                                                "Ruritanian army official"]
    assert claims[0].speaker.kind == "anonymous" and claims[1].speaker.kind == "person"


def test_coref_anonymous_type_and_singular_name():
    (claim,) = extract("Two Dunmore militia officials said the convoy was hit.")
    assert (claim.speaker.name, claim.speaker.kind, claim.speaker.type) == (
        "Dunmore militia official", "anonymous", "militia")


def test_coref_indefinite_lede_description_names_later_source():
    text = ("Jets struck the depot, killing 12 fighters according to a war monitor.\n\n"
            "The Syrian Observatory for Human Rights said the dead were all foreigners.")
    assert [c.speaker.name for c in extract(text) if c.kind != "outlet"] == [
        "Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"]


def test_coref_unnamed_official_never_becomes_named_official():
    text = ("Border official Lena Ruut said the crossing was shut.\n\n"
            "The official said trucks were waiting.")
    assert [c.speaker.name for c in extract(text)] == ["Lena Ruut", "official"]


def test_coref_role_description_finds_the_named_holder():
    text = ("Press Secretary Oskar Vell spoke to reporters on Monday.\n\n"
            "According to the press secretary, the talks will resume.")
    assert [c.speaker.name for c in extract(text)] == ["Oskar Vell"]


def test_coref_acronym_becomes_an_alias():
    (claim,) = extract("The Velsk Rights Monitor (VRM) said two villages burned.")
    assert claim.speaker.name == "Velsk Rights Monitor" and "VRM" in claim.speaker.aliases
    assert "Velsk Rights Monitor (VRM)" not in claim.speaker.aliases


def test_coref_bare_role_word_affiliation_resolves_to_named_ministry():
    text = ("The Norland Interior Ministry said on Monday that four police officers were hurt.\n\n"
            "Ministry spokeswoman Major Ilse Tamm told reporters that the clashes had ended.")
    claims = extract(text)
    assert claims[1].speaker.name == "Ilse Tamm"
    assert claims[1].speaker.affiliation == "Norland Interior Ministry"
    assert claims[1].speaker.type == "military"  # a rank before the name: the rank decides


def test_coref_unresolvable_generic_affiliation_is_dropped():
    (claim,) = extract("Ministry spokesman Piet Orrin said the bridge was closed.")
    assert claim.speaker.name == "Piet Orrin" and claim.speaker.affiliation is None


def test_coref_role_then_appositive_name_is_the_person():
    text = ("The Tarsin Rights Watch said 30 homes burned.\n\n"
            "Its director, Oda Brandt, told the Coast Courier that the fires had spread overnight.")
    claims = extract(text)
    assert claims[1].speaker.name == "Oda Brandt" and claims[1].speaker.kind == "person"
    assert claims[1].speaker.affiliation == "Tarsin Rights Watch"
    assert claims[1].speaker.mention.text == "Oda Brandt"


@pytest.mark.parametrize("phrase", ["a spokesman for the group", "an official with the group"])
def test_coref_anonymous_member_of_the_group_speaks_for_the_armed_group(phrase):
    text = ("Fighters of the Orvel Liberation Front ambushed a convoy near Dask on Friday.\n\n"
            f"The army said two soldiers died, but {phrase} said only one was killed.")
    claims = extract(text)
    last = claims[-1].speaker
    assert last.affiliation == "Orvel Liberation Front" and last.type == "militia"
    assert last.name == f"Orvel Liberation Front {phrase.split()[1]}"


def test_coref_place_based_description_resolves_to_the_monitor():
    text = ("The Tarsin Rights Watch said 30 homes burned.\n\n"
            "The Norway-based monitor said the fires had spread overnight.")
    assert [c.speaker.name for c in extract(text)] == ["Tarsin Rights Watch", "Tarsin Rights Watch"]


@pytest.mark.parametrize("text, country", [
    ("Ostravia has asked the council to condemn the raid, the foreign minister said.", "Ostravia"),
    ("Keshan said the raid was illegal, and Keshani troops closed the pass.", "Keshan"),
])
def test_coref_bare_country_speaker_is_a_government(text, country):
    claim = next(c for c in extract(text) if c.speaker.name == country)
    assert (claim.speaker.kind, claim.speaker.type) == ("organisation", "government")


def test_coref_surname_with_first_name_elsewhere_stays_a_person():
    text = "Lidia Moravia visited the camp.\n\nMoravia said the tents were full."
    assert extract(text)[0].speaker.name == "Lidia Moravia"


def test_coref_appositive_role_types_the_speaker():
    (claim,) = extract("Dr. Anselm Grue, director of the Harnow city hospital, said 14 people were treated.")
    assert (claim.speaker.name, claim.speaker.type) == ("Anselm Grue", "official")
    assert claim.speaker.affiliation == "Harnow city hospital"


@pytest.mark.parametrize("text, expected", [
    # a portfolio names which ministry: the health ministry is not the defence department met before it
    ("The Pentagon said two soldiers died. The health ministry said 60 civilians were killed. "
     "The ministry later raised its toll to 70.",
     ["US Department of Defense", "health ministry", "health ministry"]),
    # a description of the same portfolio still points back
    ("The Norland Ministry of Health said 12 people died. The health ministry later said 15 had died.",
     ["Norland Ministry of Health", "Norland Ministry of Health"]),
    # no portfolio: the ministry met before
    ("The Norland Defence Ministry said two soldiers died. The ministry later said three had died.",
     ["Norland Defence Ministry", "Norland Defence Ministry"]),
])
def test_coref_a_ministry_of_one_portfolio_is_never_another(text, expected):
    assert [c.speaker.name for c in extract(text, outlet="Harbour Gazette")] == expected


def test_coref_one_office_however_the_article_names_it():
    """"The Taliq-run health ministry in Varn", "Varn's health ministry" and "the health ministry in Varn"
    are one office, named "Varn health ministry" (who runs it is said of it, not part of its name); a
    spokesman for it speaks for that office; forces in a place are not renamed after it."""
    text = ("The Taliq-run health ministry in Varn said 60 people were killed. "
            "Varn's health ministry said on Friday that 72 people had died. "
            "A spokesman for the health ministry in Varn said 95 people had died. "
            "Norland forces in Varn said two soldiers were hurt.")
    found = extract(text, outlet="Harbour Gazette")
    assert [(c.speaker.name, c.speaker.affiliation) for c in found] == [
        ("Varn health ministry", "Varn"), ("Varn health ministry", "Varn"),
        ("spokesman for the Varn health ministry", "Varn health ministry"), ("Norland forces in Varn", "Varn")]
