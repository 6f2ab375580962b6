"""Speakers of invented articles: documents resolve to their issuer, name variants to one speaker, and a
speaker carries across sentences (ledger.reading.claims speakers, descriptions and coref, through extract())."""
from __future__ import annotations

import pytest

from ledger.reading.claims.descriptions import describe
from ledger.reading.stages import extract

HEADLINE = "Valdoria condemns border strike\n\n"


def _who(text: str) -> list[tuple[str, str]]:
    """(speaker name, start of the claim) of every attributed claim of an article with a headline."""
    return [(c.speaker.name, c.content.text[:24]) for c in extract(HEADLINE + text) if c.kind != "outlet"]


def test_speakers_statement_from_his_office_is_the_office_holder():
    text = ("Valdoria's Prime Minister Lena Vos on Monday condemned the strike on the border.\n\n"
            "\u201cWe condemn the attack on our territory,\u201d said a statement from her office.")
    assert _who(text)[-1] == ("Lena Vos", "We condemn the attack on")


def test_speakers_statement_from_a_role_holders_office_is_the_holder():
    text = ("Valdoria's Prime Minister Lena Vos on Monday condemned the strike on the border.\n\n"
            "\u201cThis violates our sovereignty,\u201d said a statement from the Valdorian PM's office.\n\n"
            "The premier said the border would stay open.")
    assert {name for name, _ in _who(text)} == {"Lena Vos"}


@pytest.mark.parametrize("phrase, kind, role", [
    ("the Valdorian Prime Minister", "anonymous", "prime minister"),
    ("the premier", "anonymous", "prime minister"),
    ("the Norland PM", "anonymous", "prime minister"),
    ("the office of the mayor", "anonymous", "mayor"),
])
def test_speakers_role_without_a_name_is_its_holder_not_an_organisation(phrase, kind, role):
    p = describe(phrase, 0, len(phrase))
    assert (p.kind, p.role) == (kind, role)


@pytest.mark.parametrize("phrase", ["the foreign office", "the Kessel Office for Refugees"])
def test_speakers_an_office_without_an_owner_stays_an_organisation(phrase):
    assert describe(phrase, 0, len(phrase)).kind == "organisation"


def test_speakers_dated_statement_speaks_for_its_issuer():
    text = ("Fifty soldiers were injured in the attack, according to a statement Tuesday from the Norland army.\n\n"
            "Twelve were hurt, said a report on Monday by the Kessel Brigades.")
    assert [name for name, _ in _who(text)] == ["Norland army", "Kessel Brigades"]


def test_speakers_statement_and_a_source_is_the_source():
    text = "Four fighters were killed in the strike, according to a statement and a military source."
    assert [name for name, _ in _who(text)] == ["military source"]


def test_speakers_name_particle_written_with_a_capital_stays_in_the_name():
    p = describe("Norland's Prime Minister Tarek Al Dorani", 0, 40)
    assert (p.name, p.first, p.last) == ("Tarek Al Dorani", "Tarek", "Dorani")
