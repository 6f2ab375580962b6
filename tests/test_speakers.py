"""Speaker phrases and what they say (ledger.reading.claims.speakers)."""
from __future__ import annotations

import pytest

from ledger.reading.claims.descriptions import describe
from ledger.reading.claims.speakers import phrase_after, phrase_before


def _before(text: str, cue: str) -> str | None:
    at = text.rindex(cue)
    span = phrase_before(text, 0, at, relaxed=True)
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize("text, expected", [
    ("Last week the harbour authority said", "the harbour authority"),
    ("The raid was over but an official with the group said", "an official with the group"),
    ("Officials at the Velsk Water Board said", "Officials at the Velsk Water Board"),
    ("Mr. Orlov and Ms. Dane said", "Mr. Orlov and Ms. Dane"),
    ("In Dunmore, two Ruritanian army officials said", "two Ruritanian army officials"),
    ("the secretary of agriculture said", "the secretary of agriculture"),
    ("The strikes killed five and officials said", "officials"),
    ("The wells were dry, the announcer said", "the announcer"),
    ("Many of them said", None),
    ("The strike was large, it said", "it"),
])
def test_speakers_phrase_before(text, expected):
    assert _before(text, " said") == expected


def test_speakers_phrase_after_stops_at_appositive():
    text = '"It is over," said Dr. Mara Velk, a surgeon at the clinic.'
    start = text.index("Dr.")
    span = phrase_after(text, start, len(text))
    assert text[span[0]:span[1]] == "Dr. Mara Velk"


@pytest.mark.parametrize("phrase, kind, name, type_, affiliation", [
    ("Pentagon spokeswoman Carla Mendt", "person", "Carla Mendt", "official", "US Department of Defense"),
    ("Foreign Minister Aleks J. Varga", "person", "Aleks Varga", "official", None),
    ("two Ruritanian army officials", "anonymous", "Ruritanian army official", "military", None),
    ("a local militia commander", "anonymous", "local militia commander", "militia", None),
    ("Medical sources", "anonymous", "Medical sources", "other", None),
    ("Iran's official IRNA news agency", "organisation", "IRNA", "state_media", None),
    ("the UK-based Syrian Observatory for Human Rights", "organisation", "Syrian Observatory for Human Rights",
     "monitor", None),
    ("the war monitor", "organisation", "war monitor", "monitor", None),
    ("Velskian state television", "organisation", "Velskian state television", "state_media", None),
    ("A statement from the Velsk Water Board", "organisation", "Velsk Water Board", "other", None),
    ("A Dunmore University study", "organisation", "Dunmore University", "other", None),
    ("SOHR", "organisation", "Syrian Observatory for Human Rights", "monitor", None),
    # a generic institution owned by a country keeps the country, as its adjective
    ("Ruritania's defence ministry", "organisation", "Ruritanian defence ministry", "government", None),
    ("Albania's interior ministry", "organisation", "Albanian interior ministry", "government", None),
    ("Dunmore's police", "organisation", "Dunmore's police", "government", None),
])
def test_speakers_describe(phrase, kind, name, type_, affiliation):
    found = describe(phrase, 0, len(phrase))
    assert (found.kind, found.name, found.type) == (kind, name, type_)
    if affiliation is not None:
        assert found.affiliation == affiliation


def test_speakers_describe_pronoun():
    found = describe("she", 0, 3)
    assert found.kind == "pronoun" and found.number == "sg"


def test_speakers_describe_role_of_person():
    found = describe("Velskian Press Secretary Ona Brill", 0, 34)
    assert (found.kind, found.name, found.role, found.last) == ("person", "Ona Brill", "press secretary", "Brill")


@pytest.mark.parametrize("phrase, name, type_", [
    ("The Orvel Liberation Front", "Orvel Liberation Front", "militia"),
    ("the Hask Brigades", "Hask Brigades", "militia"),
    ("the Dunmore Battalion", "Dunmore Battalion", "militia"),
    ("the state-run Tarn News Agency", "Tarn News Agency", "state_media"),
    ("the state-run Tarn Daily", "Tarn Daily", "state_media"),
    ("the Norland Defence Ministry", "Norland Defence Ministry", "military"),
    ("the Norland Coast Guard", "Norland Coast Guard", "military"),
])
def test_speakers_organisation_typed_by_its_own_name(phrase, name, type_):
    found = describe(phrase, 0, len(phrase))
    assert (found.kind, found.name, found.type) == ("organisation", name, type_)


def test_speakers_generic_known_alias_after_unknown_name_is_not_the_known_source():
    found = describe("the Norland Ministry of Defence", 0, 31)
    assert found.entry is None and found.name == "Norland Ministry of Defence"


def test_speakers_member_of_named_armed_group():
    found = describe("A Hask Brigades commander", 0, 25)
    assert (found.kind, found.affiliation, found.type) == ("anonymous", "Hask Brigades", "militia")


@pytest.mark.parametrize("phrase", ["Foreign Minister Ivo Dane", "Defence Minister Ivo Dane", "Deputy Mayor Ivo Dane"])
def test_speakers_title_words_are_no_affiliation(phrase):
    found = describe(phrase, 0, len(phrase))
    assert (found.name, found.type, found.affiliation) == ("Ivo Dane", "official", None)


@pytest.mark.parametrize("phrase, affiliation", [
    ("Ruritanian Defence Ministry spokesman Ivo Dane", "Ruritanian Defence Ministry"),
    ("Ruritanian Interior Ministry spokesman Ivo Dane", "Ruritanian Interior Ministry"),
    ("Ruritania's Defence Ministry spokesman Ivo Dane", "Ruritanian Defence Ministry"),
    ("Ruritania's Interior Ministry spokeswoman Ona Brill", "Ruritanian Interior Ministry"),
])
def test_speakers_spokesman_of_a_named_ministry_keeps_which_ministry(phrase, affiliation):
    """The word naming the ministry ("Defence", "Interior") also opens titles ("Defence Minister"), but
    before an organisation word it is the organisation's: two ministries' spokesmen are two parties."""
    found = describe(phrase, 0, len(phrase))
    assert (found.kind, found.affiliation) == ("person", affiliation)


def test_speakers_spokesman_of_a_ministry_of_no_named_country_has_no_affiliation():
    from ledger.reading.stages import extract

    speaker = extract("Defence Ministry spokesman Ivo Dane said four soldiers died.")[0].speaker
    assert (speaker.name, speaker.affiliation) == ("Ivo Dane", None)  # whose ministry? not "Defence Ministry"
