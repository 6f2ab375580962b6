"""The start characters read from a pattern, and the lookahead built from them, never change what a pattern finds."""
import re

import pytest

from ledger.text.phrases import first_characters, start_lookahead


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
