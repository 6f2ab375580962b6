"""The one phrase compiler (word lists as tries), the start characters read from a pattern, and the lookahead
built from them, which never changes what a pattern finds."""
import re

import pytest

from ledger.text.phrases import first_characters, phrase_trie, start_lookahead, word_start_trie


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(?:did|was)\s+not|no\b", "dnw"),
    (r"(?:an?\s+)?(?:unknown|undisclosed)\s+number", "au"),  # an optional group adds, never hides, a start
    (r"(?=x)[d-f]y", "def"),  # zero-width parts are skipped
    (r"(?P<mod>army|civil)\s+dead", "ac"),
])
def test_phrase_pattern_first_characters(pattern, expected):
    assert first_characters(pattern) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"a?", r"(?i:ab)", r"[^a]b", r".x", r"(?:x|)\d"])
def test_phrase_pattern_first_characters_unknown(pattern):
    assert first_characters(pattern) is None
    assert start_lookahead(pattern) == ""


@pytest.mark.parametrize("body", [r"(?:did|does|would)(?:\s+not|n't)\s+say", r"(?:an?\s+)?unknown\s+number\s+of",
                                  r"(?:the\s+)?(?:death\s+)?toll\s+(?:is|was)\s+unclear"])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_phrase_pattern_start_lookahead_finds_the_same(body, flags):
    text = ("The army did not say how many died; an unknown number of people were hurt. A Unknown number. "
            "The Death toll was unclear, officials who DID NOT SAY more said. Toll is unclear.")
    plain = re.compile(rf"\b(?:{body})", flags)
    led = re.compile(rf"\b{start_lookahead(body)}(?:{body})", flags)
    assert start_lookahead(body)
    assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_phrase_trie_matches_each_phrase_whole_and_nothing_else():
    pattern = re.compile(rf"(?:{phrase_trie(['said', 'says', 'say', 'told  Reuters'])})$")
    assert phrase_trie(["said", "says", "say"]) == "sa(?:id|y(?:s)?)"
    assert all(pattern.match(w) for w in ("said", "says", "say", "told reuters", "told\n reuters"))
    assert not pattern.match("sa") and not pattern.match("told")


def test_phrase_trie_without_folding_keeps_case_and_spacing():
    pattern = re.compile(rf"(?:{phrase_trie(['Feb', 'feb'], fold=False)})$")
    assert pattern.match("Feb") and pattern.match("feb") and not pattern.match("FEB")
    assert phrase_trie([], fold=False) == "(?!)"  # no phrase: never matches (an empty pattern would match anywhere)


def test_phrase_trie_word_starts_whole_words_and_prefixes():
    pattern = re.compile(rf"(?:{word_start_trie({'add': True, 'kill': False, 'killed': True})})")
    assert pattern.match("add it") and not pattern.match("address")
    assert pattern.match("killing") and pattern.match("killed")  # "kill" may go on, so "killed" needs no end
