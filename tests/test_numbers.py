"""Counts and their bounds (ledger.reading.figures.numbers), on invented sentences.

Each case states the text, the count's words as found, and its bounds per the export contract's table.
"""
from __future__ import annotations

import pytest

from ledger.text import data as lexicon
from ledger.reading.figures import numbers
from ledger.reading.figures.numbers import find_quantities, number_value, plausible_bounds


def only(text: str):
    """The single count found in ``text``, as (words, low, high, qualifier, vague)."""
    found = find_quantities(text)
    assert len(found) == 1, [text[q.start:q.end] for q in found]
    q = found[0]
    return text[q.start:q.end], q.low, q.high, q.qualifier, q.vague


@pytest.mark.parametrize("text, words, low, high", [
    ("Rebels said 17 were held.", "17", 17, 17),
    ("Aid groups say 2,500 crossed.", "2,500", 2500, 2500),
    ("An estimate put it at 1.5 million displaced.", "1.5 million", 1_500_000, 1_500_000),
    ("They counted five in the square.", "five", 5, 5),
    ("They counted twenty-two in the square.", "twenty-two", 22, 22),
    ("They counted a dozen in the square.", "a dozen", 12, 12),
    ("They counted one hundred in the square.", "one hundred", 100, 100),
    ("They counted one hundred and five in the square.", "one hundred and five", 105, 105),
    ("They counted half a dozen in the square.", "half a dozen", 6, 6),
    ("They counted two dozen in the square.", "two dozen", 24, 24),
])
def test_numbers_digits_and_number_words(text, words, low, high):
    assert only(text) == (words, low, high, None, False)


@pytest.mark.parametrize("text, words, low, high", [
    ("between four and seven were hurt", "between four and seven", 4, 7),
    ("four to seven were hurt", "four to seven", 4, 7),
    ("4-7 were hurt", "4-7", 4, 7),
    ("4 – 7 were hurt", "4 – 7", 4, 7),
    ("100-to-300 were hurt", "100-to-300", 100, 300),
    ("four or five were hurt", "four or five", 4, 5),
    ("between 1 and 2 million fled", "between 1 and 2 million", 1_000_000, 2_000_000),
])
def test_numbers_ranges(text, words, low, high):
    assert only(text) == (words, low, high, None, False)


@pytest.mark.parametrize("text, words, low, high, qualifier", [
    ("at least 5 died", "at least 5", 5, None, "at least"),
    ("no fewer than 5 died", "no fewer than 5", 5, None, "no fewer than"),
    ("5 or more died", "5 or more", 5, None, "or more"),
    ("more than 20 died", "more than 20", 21, None, "more than"),
    ("over 20 died", "over 20", 21, None, "over"),
    ("upwards of 20 died", "upwards of 20", 21, None, "upwards of"),
    ("more than a dozen died", "more than a dozen", 13, None, "more than"),
    ("up to 7 died", "up to 7", None, 7, "up to"),
    ("as many as 10 died", "as many as 10", None, 10, "as many as"),
    ("nearly 500 died", "nearly 500", None, 499, "nearly"),
    ("almost 500 died", "almost 500", None, 499, "almost"),
    ("fewer than 10 died", "fewer than 10", None, 9, "fewer than"),
    ("about 50 died", "about 50", 50, 50, "about"),
    ("around 170 died", "around 170", 170, 170, "around"),
    ("some 450 died", "some 450", 450, 450, "some"),
    ("approximately 200 died", "approximately 200", 200, 200, "approximately"),
    ("an estimated 2,000 died", "an estimated 2,000", 2000, 2000, "an estimated"),
    ("At least five died", "At least five", 5, None, "at least"),
])
def test_numbers_qualifiers_set_bounds_and_are_kept(text, words, low, high, qualifier):
    assert only(text) == (words, low, high, qualifier, False)


@pytest.mark.parametrize("text, words, low, qualifier", [
    ("several were hurt", "several", 2, "several"),
    ("a few were hurt", "a few", 2, "a few"),
    ("a number of others were hurt", "a number of", 2, "a number of"),
    ("some villagers were hurt", "some", 2, "some"),
    ("many villagers were hurt", "many", 2, "many"),
    ("multiple villagers were hurt", "multiple", 2, "multiple"),
    ("a group of villagers were hurt", "a group of", 2, "a group of"),
    ("a small number were hurt", "a small number", 2, "a small number"),
    ("dozens were hurt", "dozens", 24, "dozens"),
    ("dozens of villagers were hurt", "dozens of", 24, "dozens"),
    ("several dozen were hurt", "several dozen", 24, "several dozen"),
    ("scores of villagers were hurt", "scores of", 40, "scores of"),
    ("hundreds were hurt", "hundreds", 200, "hundreds"),
    ("thousands were hurt", "thousands", 2000, "thousands"),
    ("at least several were hurt", "at least several", 2, "at least several"),
])
def test_numbers_vague_amounts_are_floors(text, words, low, qualifier):
    assert only(text) == (words, low, None, qualifier, True)


@pytest.mark.parametrize("text, words", [
    ("no one was hurt", "no one"),
    ("nobody was hurt", "nobody"),
    ("none were hurt", "none"),
])
def test_numbers_zero_words(text, words):
    assert only(text) == (words, 0, 0, None, False)


def test_numbers_article_before_a_singular_person_noun_counts_one():
    assert only("Officials said a child was killed.") == ("a", 1, 1, None, False)
    assert only("A 12-year-old boy ran.") == ("A", 1, 1, None, False)  # the age is no count
    assert find_quantities("Officials said a strike hit the depot.") == []


@pytest.mark.parametrize("text", [
    "The raid on Feb. 25 was the third.",
    "The raid on 25 February was the third.",
    "In 2021 the camp grew.",
    "The raid began at 10:30 and ended on the 3rd.",
    "The driver, aged 40, ran.",
    "It was the second such raid and the first this year.",
    "F-16 jets and COVID-19 wards were seen.",
    "Resolution 2254 was cited by Brigade 47 near Route 4.",
    "Support rose 40% or 40 percent.",
    "The fund pledged $5 million.",
    "Call 555-123-4567 for details.",
    "They walked for three days and 5 km.",
    "It is unclear how many were hurt.",
    "Tomas Varga, 34, was among them.",
    "The toll was revised for the 2019-2020 season.",
])
def test_numbers_what_is_not_a_count(text):
    assert find_quantities(text) == []


def test_numbers_a_change_from_one_number_to_another_keeps_the_last():
    assert only("The toll rose from 10 to 20 overnight.") == ("20", 20, 20, None, False)


def test_numbers_offsets_are_absolute_within_a_range():
    text = "Three left. Then four more left."
    found = find_quantities(text, 12, len(text))
    assert [(q.start, q.end, text[q.start:q.end]) for q in found] == [(17, 21, "four")]


@pytest.mark.parametrize("words, value", [
    ("2,500", 2500), ("1.5 million", 1_500_000), ("twenty-two", 22), ("two dozen", 24), ("a dozen", 12),
    ("1.5", None), ("007", None), ("million", None),
])
def test_numbers_number_value(words, value):
    assert number_value(words) == value


@pytest.mark.parametrize("low, high, qualifier, vague, expected", [
    (2, None, "several", True, (2, 9)),
    (2, None, "a few", True, (2, 5)),
    (24, None, "dozens", True, (24, 99)),
    (24, None, "several dozen", True, (24, 99)),
    (40, None, "scores of", True, (40, 199)),
    (200, None, "hundreds", True, (200, 999)),
    (2000, None, "thousands", True, (2000, 9999)),
    (2, None, "a group of", True, (2, 20)),
    (50, 50, "about", False, (45, 55)),
    (5, 5, "about", False, (4, 6)),
    (None, 499, "nearly", False, (450, 499)),
    (17, 17, None, False, (17, 17)),
    (5, None, "at least", False, (5, None)),
])
def test_numbers_plausible_bounds(low, high, qualifier, vague, expected):
    assert plausible_bounds(low, high, qualifier, vague) == expected


def test_numbers_lexicon_is_validated_on_load(monkeypatch):
    real = lexicon.load("numbers.json")
    broken = dict(real, qualifiers={**real["qualifiers"], "sideways": ["askew"]})
    monkeypatch.setattr(lexicon, "load", lambda name: broken)
    with pytest.raises(ValueError, match="unknown qualifier kind 'sideways'"):
        numbers.number_lexicon.__wrapped__()
