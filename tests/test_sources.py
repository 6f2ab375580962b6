"""Resolving speakers to one source row per real-world speaker, across articles."""
from __future__ import annotations

import pytest

from ledger.db import reading, writing
from ledger.reading.types import Speaker
from ledger.models import Source
from ledger.sources import SourceResolver, is_proper_name, person_tokens


def resolve_all(engine, *speakers: Speaker) -> list[Source]:
    """Resolve each speaker as if it came from its own article; returns the source rows."""
    ids = []
    resolver = SourceResolver(None)
    for n, speaker in enumerate(speakers, 1):
        with writing(engine) as session:
            resolver.session = session
            ids.append(resolver.resolve(speaker, f"article:{n}"))
    with reading(engine) as session:
        return [session.get(Source, i) for i in ids]


def test_sources_gazetteer_alias_gives_canonical_name_and_type(engine):
    [source] = resolve_all(engine, Speaker(name="SOHR", kind="organisation"))
    assert (source.name, source.type) == ("Syrian Observatory for Human Rights", "monitor")


def test_sources_alias_learned_in_one_article_serves_the_next(engine):
    first, second = resolve_all(
        engine, Speaker(name="Valdorian Observatory for Civil Rights", aliases=("VOCR", "the observatory"),
                        type="monitor"),
        Speaker(name="VOCR"))
    assert first.id == second.id and first.name == "Valdorian Observatory for Civil Rights"


def test_sources_descriptions_are_not_learned_as_aliases(engine):
    first, second = resolve_all(engine, Speaker(name="Valdorian Observatory", aliases=("the war monitor",)),
                                Speaker(name="the war monitor"))
    assert first.id != second.id


def test_sources_surname_alias_and_different_first_names(engine):
    john, kirby, joe = resolve_all(engine, Speaker(name="John Kirby", kind="person", aliases=("Kirby", "Mr Kirby")),
                                   Speaker(name="Kirby", kind="person"),
                                   Speaker(name="Joe Kirby", kind="person", aliases=("Kirby",)))
    assert kirby.id == john.id
    assert joe.id != john.id and joe.name == "Joe Kirby"


def test_sources_fuzzy_match_needs_same_kind_and_first_name(engine):
    anton, typo, anonymous = resolve_all(
        engine, Speaker(name="Anton Brask", kind="person"), Speaker(name="Anton Braske", kind="person"),
        Speaker(name="Anton Brask official", kind="anonymous"))
    assert typo.id == anton.id
    assert anonymous.id != anton.id and anonymous.kind == "anonymous"


def test_sources_affiliation_recorded(engine):
    [brask] = resolve_all(engine, Speaker(name="Anton Brask", kind="person", type="official",
                                          affiliation="Mardovian Defence Ministry"))
    with reading(engine) as session:
        assert session.get(Source, brask.id).affiliation.name == "Mardovian Defence Ministry"


@pytest.mark.parametrize("order", [("Orsk Hospital", "Mardovian Defence Ministry"),
                                   ("Mardovian Defence Ministry", "Orsk Hospital")])
def test_sources_affiliation_given_two_ways_is_the_same_in_any_order(engine, order):
    """Two articles name one person with two organisations: whichever came first, the ledger keeps the one
    whose name sorts first, so the same articles give the same ledger in any order."""
    first, second = resolve_all(engine, *(Speaker(name="Anton Brask", kind="person", type="official",
                                                  affiliation=org) for org in order))
    assert first.id == second.id
    with reading(engine) as session:
        assert session.get(Source, first.id).affiliation.name == "Mardovian Defence Ministry"


@pytest.mark.parametrize("valdorian_first", [True, False])
def test_sources_generic_office_names_are_never_a_specific_sources_alias(engine, valdorian_first):
    """One article calls the Valdorian Health Ministry also "the Ministry of Health"; another, about another
    country, only "the Ministry of Health". In either order they are two sources, and the same two."""
    valdorian = Speaker(name="Valdorian Health Ministry", aliases=("Ministry of Health",), kind="organisation",
                        type="government")
    generic = Speaker(name="Ministry of Health", kind="organisation", type="government")
    # the article's "Ministry of Health" said, resolved there to the Valdorian ministry by its other name
    named_generically = Speaker(name="Ministry of Health", aliases=("Valdorian Health Ministry",),
                                kind="organisation", type="government")
    speakers = (valdorian, named_generically, generic) if valdorian_first else (generic, valdorian, named_generically)
    resolved = resolve_all(engine, *speakers)
    found = {s.name: s.id for s in resolved}
    assert set(found) == {"Valdorian Health Ministry", "Ministry of Health"}
    assert resolved[speakers.index(named_generically)].name == "Valdorian Health Ministry"
    assert found["Valdorian Health Ministry"] != found["Ministry of Health"]
    # a specific alias is still learned and serves the next article
    [again] = resolve_all(engine, Speaker(name="Valdorian Health Ministry", aliases=("VHM",), kind="organisation"))
    [acronym] = resolve_all(engine, Speaker(name="VHM", kind="organisation"))
    assert again.id == acronym.id == found["Valdorian Health Ministry"]


@pytest.mark.parametrize("alias, proper", [("SOHR", True), ("Mr Kirby", True), ("the war monitor", False),
                                           ("he", False), ("the observatory", False)])
def test_sources_is_proper_name(alias, proper):
    assert is_proper_name(alias) is proper


def test_sources_person_tokens_drop_honorifics():
    assert person_tokens("mr john f kirby") == ("john", "kirby")
    assert person_tokens("kirby") is None


def test_sources_names_learned_during_a_run_serve_its_fuzzy_match(engine):
    """A name learned for a source in this run is matched by a near-identical later one, as a fresh
    process reading the alias table would: one run or two give the same sources."""
    first = Speaker(name="Belmora Relief Committee", kind="organisation")
    taught = Speaker(name="Belmora Relief Committee", aliases=("Belmora Emergency Relief Committee",),
                     kind="organisation")
    misspelt = Speaker(name="Belmora Emergency Relief Comittee", kind="organisation")
    one_run = resolve_all(engine, first, taught, misspelt)
    assert one_run[2].id == one_run[0].id


def test_sources_names_learned_during_a_run_same_as_two_runs(db_url):
    from ledger.db import open_ledger

    speakers = [Speaker(name="Belmora Relief Committee", kind="organisation"),
                Speaker(name="Belmora Relief Committee", aliases=("Belmora Emergency Relief Committee",),
                        kind="organisation"),
                Speaker(name="Belmora Emergency Relief Comittee", kind="organisation")]
    engine = open_ledger(db_url)
    one = resolve_all(engine, *speakers[:2])
    two = resolve_all(engine, speakers[2])  # a fresh resolver: a second run
    assert two[0].id == one[0].id
    engine.dispose()


def test_sources_fuzzy_match_never_merges_different_numbers(engine):
    first, second, third = resolve_all(engine, Speaker(name="Mirova-51 hospital", kind="organisation"),
                                       Speaker(name="Mirova-54 hospital", kind="organisation"),
                                       Speaker(name="Mirova-51 hospitals", kind="organisation"))
    assert first.id != second.id
    assert (second.name, third.id) == ("Mirova-54 hospital", first.id)
