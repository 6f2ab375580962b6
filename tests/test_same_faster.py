"""Rewritten patterns that only do less work must find exactly what the plain ones find (invented text)."""
import re

import pytest

from ledger.reading.claims import frames, speakers
from ledger.reading.events import timexpr

SENTENCES = [
    "The U.S.-backed Kessel Brigades' spokesman, Mr. Arvid Lenn, said on Friday's call that 12 died.",
    "Officials of St. Varn's council -- and the mayor's aides -- rock-'n'-roll fans (VPF) said: 'No.'",
    "Residents\u2019 leaders told AT&T reporters the Jones\u2019 house burned... Others disagreed.",
    "Six in ten voters, nearly half of those surveyed, and 58 percent of respondents said often.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_spaced_tokens_are_the_plain_tokens(text):
    plain = [(m.start(), m.end(), m.group()) for m in speakers.TOKEN.finditer(text)]
    spaced, pos = [], 0
    for space, tok in speakers._SPACED_TOKEN.findall(text):
        pos += len(space)
        spaced.append((pos, pos + len(tok), tok))
        pos += len(tok)
    assert spaced == plain


_PLAIN_SHARE = re.compile(r"half|third|quarter|fifth|surveyed|polled|questioned|interviewed|\bten\b", re.IGNORECASE)


@pytest.mark.parametrize("window", ["Often the tents", "ten of them", "TEN", "Ten\u2019s", "often \u201cten\u201d",
                                    "a \u0663 here", "x\u00b2", "the council said", "nearly HALF", "\u201cno\u201d"])
def test_share_gate_says_what_the_plain_search_says(window):
    plain = any(c.isdigit() for c in window) or _PLAIN_SHARE.search(window) is not None
    assert frames._may_hold_share(window) is plain


def test_time_patterns_with_lookahead_find_the_same():
    text = ("on 2021-03-04 and 4/5/2021, three days ago, 12 march 2020, last friday, in 2019, since early may, "
            "a week earlier, 10 days later, this year").lower()
    for pattern in set(timexpr._patterns_by_anchor().values()) | {timexpr._pattern()}:
        assert pattern.pattern.startswith(r"\b(?=[")  # every form's first characters are known
        plain = re.compile(re.sub(r"^\\b\(\?=\[[^\]]*\]\)", r"\\b", pattern.pattern))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
