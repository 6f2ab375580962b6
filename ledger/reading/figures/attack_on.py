"""Things hit, named after the attack that hit them: "air strikes on several positions", "raids against two
bases in Varn and one in Tolsk". An attack noun (the lexicon's event nouns: strikes, raids, attacks...) and a
link word (``attack_links`` of ``figure_metrics.json``) right before a count of targets or structures make
them targets, as a verb would ("struck two bases").

    >>> attacked("Air strikes on several positions", 15)
    True
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.text import data as lexicon
from ledger.reading.figures.figure_nouns import noun_lexicon
from ledger.text.phrases import phrase_trie

_REACH = 40  # chars before a count where its attack noun may stand


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    nouns = (w for w, n in noun_lexicon().nouns.items() if n.cls == "event")
    links = lexicon.load("figure_metrics.json")["attack_links"]
    return re.compile(rf"\b(?:{phrase_trie(nouns)})\s+(?:{phrase_trie(links)})\s+$", re.IGNORECASE)


def attacked(text: str, start: int) -> bool:
    """Whether the count at ``start`` follows an attack noun and its link: "strikes on |two bases"."""
    return _pattern().search(text, max(0, start - _REACH), start) is not None
