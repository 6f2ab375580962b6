"""Things hit, named after the attack that hit them: "air strikes on several positions", "raids against two
bases in Varn and one in Tolsk". An attack noun (the lexicon's event nouns: strikes, raids, attacks...) and a
link word (``attack_links`` of ``figure_metrics.json``) right before a count of targets or structures make
them targets, as a verb would ("struck two bases"); who carried the attack out may stand between the noun and
its link ("raids carried out by Norland jets on two positions", ``attack_agents``).

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
_AGENT_REACH = 50  # and the most an agent phrase ("carried out by Norland jets") may add


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    nouns = (w for w, n in noun_lexicon().nouns.items() if n.cls == "event")
    data = lexicon.load("figure_metrics.json")
    links, agents = data["attack_links"], data["attack_agents"]
    agent = rf"(?:(?:{phrase_trie(agents)})\s+(?:[^,.;:()\d]|(?<=[A-Z])\.){{1,{_AGENT_REACH - 15}}}?\s+)?"
    return re.compile(rf"\b(?:{phrase_trie(nouns)})\s+{agent}(?:{phrase_trie(links)})\s+$", re.IGNORECASE)


def attacked(text: str, start: int) -> bool:
    """Whether the count at ``start`` follows an attack noun and its link: "strikes on |two bases"."""
    return _pattern().search(text, max(0, start - _REACH - _AGENT_REACH), start) is not None
