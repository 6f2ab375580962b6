"""Time expressions resolved against the publication date (ledger.reading.events.timexpr)."""
from __future__ import annotations

from datetime import date

import pytest

from ledger.reading.events.timexpr import FLOAT_ANCHOR, compatible, find_times, window, windows_overlap

FRIDAY = date(2023, 3, 10)  # a Friday


def only(text: str, published: date | None = FRIDAY):
    found = find_times(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, day", [
    ("The convoy was hit on Thursday near the bridge.", date(2023, 3, 9)),
    ("The convoy was hit on Friday near the bridge.", date(2023, 3, 10)),
    ("The convoy was hit last Friday near the bridge.", date(2023, 3, 3)),
    ("The convoy was hit on Saturday near the bridge.", date(2023, 3, 4)),
    ("Monday's shelling destroyed the market.", date(2023, 3, 6)),
    ("The raid took place early Wednesday.", date(2023, 3, 8)),
])
def test_timexpr_weekday_is_latest_on_or_before_publication(text, day):
    found = only(text)
    assert (found.first, found.last, found.precision, found.role) == (day, day, "day", "event")


@pytest.mark.parametrize("text, day", [
    ("Drones hit a fuel depot on the outskirts of Telvo late on Thursday, the agency reported.", date(2023, 3, 9)),
    ("Drones hit a fuel depot late on Thursday, killing two.", date(2023, 3, 9)),
    ("Drones hit a fuel depot on Thursday night, the agency said.", date(2023, 3, 9)),
])
def test_timexpr_weekday_after_late_or_before_a_reporting_clause_dates_the_event(text, day):
    found = only(text)
    assert (found.first, found.role) == (day, "event")


@pytest.mark.parametrize("text, first, last", [
    ("Clashes broke out in February around the dam.", date(2023, 2, 1), date(2023, 2, 28)),
    ("Clashes broke out in March around the dam.", date(2023, 3, 1), date(2023, 3, 31)),
    ("Clashes broke out in June around the dam.", date(2022, 6, 1), date(2022, 6, 30)),
    ("Clashes broke out in June 2019 around the dam.", date(2019, 6, 1), date(2019, 6, 30)),
])
def test_timexpr_month_without_year_is_latest_not_after_publication(text, first, last):
    found = only(text)
    assert (found.first, found.last, found.precision) == (first, last, "month")


@pytest.mark.parametrize("text, first, last, precision", [
    ("A drone hit the depot yesterday.", date(2023, 3, 9), date(2023, 3, 9), "day"),
    ("Troops fired earlier this evening.", FRIDAY, FRIDAY, "day"),
    ("Two villages were shelled last week.", date(2023, 2, 27), date(2023, 3, 5), "week"),
    ("Two villages were shelled last month.", date(2023, 2, 1), date(2023, 2, 28), "month"),
    ("Two villages were shelled earlier this month.", date(2023, 3, 1), date(2023, 3, 8), "month"),
    ("Two villages were shelled last year.", date(2022, 1, 1), date(2022, 12, 31), "year"),
    ("Two villages were shelled two days ago.", date(2023, 3, 8), date(2023, 3, 8), "day"),
])
def test_timexpr_relative_words_are_counted_from_publication(text, first, last, precision):
    found = only(text)
    assert (found.first, found.last, found.precision) == (first, last, precision)


@pytest.mark.parametrize("text", [
    "The strike on Feb. 25 hit a depot.",
    "The strike on 25 February hit a depot.",
    "The strike on February 25, 2023 hit a depot.",
    "The strike on 2023-02-25 hit a depot.",
])
def test_timexpr_explicit_dates(text):
    found = only(text)
    assert (found.first, found.precision, found.role) == (date(2023, 2, 25), "day", "event")


def test_timexpr_numeric_date_is_read_day_first():
    found = only("Reported on 25/02/2023 by the council.", FRIDAY)
    assert found.first == date(2023, 2, 25)


def test_timexpr_odd_numeric_date_goes_to_the_dateparser_fallback():
    found = only("Reported on 5/13/12 by the council.", FRIDAY)
    assert found.first == found.last == date(2013, 12, 5)  # dateparser: day 5, year 2013, month 12


def test_timexpr_day_after_publication_is_last_year():
    assert only("The siege began on March 20.").first == date(2022, 3, 20)


@pytest.mark.parametrize("text", [
    "Since the start of the year there have been 40 attacks.",
    "There have been 40 attacks in the past week.",
    "There have been 40 attacks since January.",
    "There have been 40 attacks so far this year.",
    "There have been 40 attacks in recent months.",
])
def test_timexpr_periods_are_not_event_dates(text):
    found = only(text)
    assert found.role == "period"
    assert found.first is None


@pytest.mark.parametrize("text", [
    "An official said on Thursday that two guards died.",
    "The ministry said Thursday that two guards died.",
    "A spokesman told reporters on Thursday that two guards died.",
    "The agency reported on Thursday that two guards died.",
    "Asked on Thursday, the governor declined to comment.",
])
def test_timexpr_time_of_a_statement_dates_no_event(text):
    assert only(text).role == "statement"


@pytest.mark.parametrize("text, role", [
    ("On Thursday, the ministry said two guards died.", "statement"),
    ("Gunmen hit a convoy near Dema on Thursday, officials said.", "event"),
    ("On Thursday gunmen killed two guards, police said.", "event"),
    ("A guard told AFP. Last month, bandits raided the school.", "event"),
])
def test_timexpr_statement_time_stays_within_its_sentence(text, role):
    assert find_times(text, FRIDAY)[-1].role == role


def test_timexpr_sequence_words_are_relative_to_the_event_told():
    found = only("Hours later, a second blast hit the market.")
    assert found.role == "sequence"
    assert found.offsets == (0, 1)


@pytest.mark.parametrize("text, count", [
    ("The talks may resume soon.", 0),
    ("The talks resumed in May.", 1),
    ("They will march to the capital.", 0),
])
def test_timexpr_month_names_need_a_capital(text, count):
    assert len(find_times(text, FRIDAY)) == count


def test_timexpr_unknown_publication_floats_relative_times():
    evening, thursday = find_times("Earlier this evening and on Thursday.", None)
    assert evening.floating and thursday.floating
    assert evening.first == FLOAT_ANCHOR
    assert not evening.dated


def test_timexpr_unknown_publication_keeps_a_bare_month_as_a_key():
    found = only("A strike in February killed twenty.", None)
    assert (found.first, found.key) == (None, "month:2")


@pytest.mark.parametrize("a, b, verdict", [
    ("on Thursday", "last week", False),
    ("on Thursday", "yesterday", True),
    ("on Thursday", "earlier this month", True),
    ("in January", "yesterday", False),
])
def test_timexpr_compatible_compares_real_days(a, b, verdict):
    assert compatible(only(a), only(b)) is verdict


def test_timexpr_compatible_cannot_tell_a_floating_day_from_a_month():
    month = only("in February", None)
    evening = only("earlier this evening", None)
    assert compatible(month, evening) is None
    assert compatible(month, only("in February", None)) is True


@pytest.mark.parametrize("precision, first, last", [
    ("day", date(2023, 3, 8), date(2023, 3, 8)),
    ("week", date(2023, 3, 6), date(2023, 3, 12)),
    ("month", date(2023, 3, 1), date(2023, 3, 31)),
    ("year", date(2023, 1, 1), date(2023, 12, 31)),
    (None, date(2023, 3, 4), date(2023, 3, 8)),
])
def test_timexpr_window_of_a_stored_date(precision, first, last):
    assert window(date(2023, 3, 8), precision) == (first, last)


def test_timexpr_windows_overlap_with_slack():
    a = (date(2023, 3, 1), date(2023, 3, 1))
    b = (date(2023, 3, 2), date(2023, 3, 2))
    assert not windows_overlap(a, b)
    assert windows_overlap(a, b, slack=1)


def test_timexpr_offsets_point_into_the_text():
    text = "Officials said on Friday that the raid of last Tuesday killed four."
    for found in find_times(text, FRIDAY):
        assert text[found.start:found.end] == found.text


def test_timexpr_offsets_survive_characters_that_lowercase_to_two():
    text = "İstanbul: a blast on Thursday, and Monday's raid."
    assert [text[t.start:t.end] for t in find_times(text, FRIDAY)] == ["Thursday", "Monday's"]


@pytest.mark.parametrize("text", [
    "25/02/2023", "1/2/2003", "09/17/2016", "17/9/16", "9/17/16", "01/02/03", "12/12/12", "31/12/99",
    "9/17/30", "9/17/70", "29/2/2020", "28/2/21", "30/4/2019", "4/30/2019", "13/1/2020", "1/13/2020",
])
@pytest.mark.parametrize("published", [date(2016, 9, 20), date(1995, 1, 1), date(2023, 3, 10)])
def test_timexpr_plain_numeric_date_reads_as_dateparser(text, published):
    from ledger.reading.events.timexpr import _dateparser, _plain_numeric_date

    plain = _plain_numeric_date(text, published)
    assert plain is not None
    assert plain == _dateparser.__wrapped__(text, published)


@pytest.mark.parametrize("text", ["5/13/12", "31/2/2021", "29/2/21", "0/5/2020", "1/2/123", "1/2/1850"])
def test_timexpr_plain_numeric_date_leaves_odd_dates_to_dateparser(text):
    from ledger.reading.events.timexpr import _plain_numeric_date

    assert _plain_numeric_date(text, FRIDAY) is None
