"""The vocabulary (ledger/vocab/): one loader checks every file's shape and names the file and key when one
is wrong, and one populations file serves both the extractor's nouns and the reconciler's hierarchy."""
from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

import ledger.text.data as data
from ledger.reconcile import FigureFact, reconcile
from ledger.reconcile.populations import normalise, relation


def _vocab_files() -> list[str]:
    return sorted(p.name for p in resources.files("ledger.vocab").iterdir()
                  if p.name.endswith(".json") and p.name != "schema.json")


def test_vocab_every_file_has_a_shape_and_loads():
    names = _vocab_files()
    assert "populations.json" in names and "cues.json" in names and "time_words.json" in names
    assert set(data._schema()) - {"_doc"} == set(names)
    for name in names:
        data.load(name)


@pytest.mark.parametrize("content, error", [
    ({"words": "said", "limit": 3}, "ledger/vocab/demo.json: key 'words': expected list[str], got str"),
    ({"words": ["said", 7], "limit": 3}, "ledger/vocab/demo.json: key 'words': item 2 is int, expected str"),
    ({"words": ["said"]}, "ledger/vocab/demo.json: key 'limit' is missing"),
    ({"words": ["said"], "limit": True}, "ledger/vocab/demo.json: key 'limit': expected int, got bool"),
    ({"words": ["said"], "limit": 3, "wrods": []}, "ledger/vocab/demo.json: key 'wrods' is unknown (known: limit, words)"),
])
def test_vocab_loader_names_the_file_and_the_key_of_a_wrong_entry(content, error):
    with pytest.raises(ValueError) as caught:
        data.check("demo.json", content, {"words": "list[str]", "limit": "int"})
    assert str(caught.value) == error


def test_vocab_loader_names_the_line_of_bad_json_and_a_file_without_shape(monkeypatch):
    class Files:
        def joinpath(self, name):
            return self

        def read_text(self, encoding):
            return '{\n "words": ["said",]\n}'

    monkeypatch.setattr(data.resources, "files", lambda package: Files())
    with pytest.raises(ValueError, match=r"^ledger/vocab/cues.json: line 2: not valid JSON"):
        data._read("cues.json")
    with pytest.raises(ValueError, match=r"^ledger/vocab/new.json: no shape for this file in ledger/vocab/schema.json$"):
        data.check("new.json", {}, None)


def _emitted_people() -> set[str]:
    """Every population of people the extractor can give a figure: its noun groups of class person, the
    populations "members of X" names, and the default ("people")."""
    populations = data.load("populations.json")
    found = {g["population"] for g in populations["groups"] if g["class"] == "person" and g["population"]}
    return found | set(populations["member_of"].values()) | {populations["general"]}


def test_vocab_every_population_the_extractor_can_emit_has_a_place_in_the_hierarchy():
    populations = data.load("populations.json")
    emitted = _emitted_people()
    assert {"commanders", "officials", "families"} <= emitted
    assert sorted(p for p in emitted if p not in populations["parents"] and p not in populations["units"]) == []
    assert not set(populations["units"]) & set(populations["parents"])  # a family is no kind of person
    things = {g["population"] for g in populations["groups"] if g["class"] != "person" and g["population"]}
    assert things and not things & set(populations["parents"])  # things compare only with themselves
    assert all(normalise(p) == p for p in emitted)  # no synonym renames what the extractor says
    assert set(populations["synonyms"].values()) <= set(populations["parents"])


def test_vocab_one_family_killed_says_nothing_of_how_many_people_were():
    assert relation("families", "people") == "unrelated" and relation("families", "families") == "same"


def test_vocab_two_commanders_killed_is_compared_with_one_person_killed():
    def fact(claim, source, low, population):
        return FigureFact(claim_id=claim, figure_id=0, event_id=1, source_id=claim, source_name=source,
                          source_type="monitor", metric="killed", population=population, low=low, high=low,
                          published=date(2024, 4, 1), outlet="Wire")

    assert relation("commanders", "people") == "part"
    assert relation("commanders", "fighters") == "overlapping"  # a commander may be a fighter: no discrepancy
    (conflict,) = reconcile([fact(1, "Monitor", 2, "commanders"), fact(2, "Agency", 1, "people")],
                            plausible=lambda f: (f.low, f.high))
    assert (conflict.severity, conflict.claims) == ("contradiction", (1, 2))
