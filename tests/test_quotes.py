"""Quotations (ledger.reading.claims.quotes)."""
from __future__ import annotations

import pytest

from ledger.reading.claims.quotes import close_end, find_quotes
from ledger.text.sentences import paragraphs


def _quotes(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text, paragraphs(text))]


@pytest.mark.parametrize("text, expected", [
    ('He said "we will return" on Monday.', ["we will return"]),
    ("He said \u201cwe will return\u201d on Monday.", ["we will return"]),
    ("''We will return,'' he said.", ["We will return"]),
    ("\u2018We will return,\u2019 he said. The rebels\u2019 posts fell.", ["We will return"]),
    ("It\u2019s the mayor\u2019s view that the town\u2019s wells are dry.", []),
    ('"The so-called \'plan\' failed," he said.', ["The so-called 'plan' failed"]),
])
def test_quotes_marks(text, expected):
    assert _quotes(text) == expected


def test_quotes_run_over_paragraphs():
    text = 'The colonel said: "We held the bridge.\n\n"Then we moved east."'
    found = find_quotes(text, paragraphs(text))
    assert [text[q.start:q.end] for q in found] == ["We held the bridge.", "Then we moved east."]
    assert found[0].close is None and not found[0].continues
    assert found[1].continues and found[1].close is not None
    assert text[found[1].open:close_end(text, found[1])] == '"Then we moved east."'


def test_quotes_new_paragraph_after_closed_quote_does_not_continue():
    text = 'She said "we left."\n\n"Nobody stayed," he said.'
    found = find_quotes(text, paragraphs(text))
    assert [q.continues for q in found] == [False, False]
