"""Paragraphs and sentences with offsets (ledger.text.sentences)."""
from __future__ import annotations

import pytest

from ledger.reading.claims.quotes import close_end, find_quotes
from ledger.text.sentences import paragraphs, sentences


def _split(text: str, protect_quotes: bool = False) -> list[str]:
    paras = paragraphs(text)
    protected = [(q.open, close_end(text, q)) for q in find_quotes(text, paras)] if protect_quotes else []
    return [text[s.start:s.end] for s in sentences(text, paras, protected)]


def test_sentences_paragraph_offsets():
    text = "First one.\n\n  Second one.\n"
    found = paragraphs(text)
    assert [(p.start, p.end, p.text) for p in found] == [(0, 10, "First one."), (14, 25, "Second one.")]
    assert all(text[p.start:p.end] == p.text for p in found)


@pytest.mark.parametrize("text, expected", [
    ("Mr. Tarvo met Sen. Ilse Marr in Dunmore. They spoke.", ["Mr. Tarvo met Sen. Ilse Marr in Dunmore.", "They spoke."]),
    ("Talks began on Sept. 14 in Varna. Nobody came.", ["Talks began on Sept. 14 in Varna.", "Nobody came."]),
    ("The envoy Anna K. Brask left. She flew home.", ["The envoy Anna K. Brask left.", "She flew home."]),
    ("U.S. troops left the base. They went north.", ["U.S. troops left the base.", "They went north."]),
    ("The troops are from the U.S. The base is new.", ["The troops are from the U.S.", "The base is new."]),
    ('"Why now?" he asked. Nobody knew.', ['"Why now?" he asked.', "Nobody knew."]),
    ("It ended at 5 p.m. on Monday. Crowds left.", ["It ended at 5 p.m. on Monday.", "Crowds left."]),
    ("He works for Kestrel Inc. He left in May.", ["He works for Kestrel Inc.", "He left in May."]),
    ("First line\nSecond line.", ["First line", "Second line."]),
])
def test_sentences_abbreviations_and_boundaries(text, expected):
    assert _split(text) == expected


def test_sentences_quote_kept_whole_with_its_attribution():
    text = '"It is over. We won," she said. The crowd cheered.'
    assert _split(text, protect_quotes=True) == ['"It is over. We won," she said.', "The crowd cheered."]


def test_sentences_paragraph_is_hard_boundary():
    text = "The mayor spoke\n\nand the crowd left."
    assert _split(text) == ["The mayor spoke", "and the crowd left."]
