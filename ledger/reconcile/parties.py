"""Which organisation a source speaks for, read from its name: the party key the reconciler compares by.

Articles name one organisation in many ways: "the Ministry of Health", "the Health Ministry", "health
ministry officials", "a senior official at the health ministry". Each article's sources are resolved on
their own, so these arrive as different sources; compared as different parties, a ministry's own revision
(82 dead, then 114) would read as two sources disagreeing, and its latest figure would not supersede its
earlier ones. :func:`party_key` reads the organisation out of such a name (``sources.json``
``party_roles``: the people who speak for an organisation; ``party_heads``: organisation nouns written
"X of Y"); :func:`merged_parties` joins, within one event, a bare organisation name with the one
qualified form of it the event names ("health ministry" and "Yemeni health ministry").

A person's own name is left alone: "Tamim al-Shami" speaks for his ministry only through the affiliation
his article gives him (``FigureFact.source_affiliation``).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from ledger.names import normalise_name
from ledger.reconcile.facts import FigureFact
from ledger.reconcile.populations import normalise
from ledger.text.data import load

_LINKS = ("at", "of", "for", "from", "with", "in")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(roles, role modifiers, organisation words, heads written "X of Y")."""
    sources, speakers = load("sources.json"), load("speakers.json")
    roles = frozenset(sources["party_roles"])
    modifiers = frozenset(speakers["role_modifiers"]) | {"a", "an", "the", "one", "two", "several", "some"}
    organisations = frozenset(speakers["org_words"]) | frozenset(speakers["organisations"])
    return roles, modifiers, organisations, frozenset(sources["party_heads"])


@lru_cache(maxsize=4096)
def party_key(name: str | None) -> str:
    """The organisation a source name stands for, normalised (``ledger.names.normalise_name``).

    >>> party_key("Ministry of Health"), party_key("health ministry officials")
    ('health ministry', 'health ministry')
    >>> party_key("a senior official at the Health Ministry"), party_key("medical sources")
    ('health ministry', 'medical sources')
    """
    key = normalise_name(name)
    roles, modifiers, organisations, heads = _words()
    words = key.split()
    # "a senior official at the health ministry": the organisation after the role and its link
    for i, word in enumerate(words[:-2]):
        if word in roles and words[i + 1] in _LINKS and all(w in modifiers for w in words[:i]):
            rest = [w for w in words[i + 2:] if w not in ("the", "a", "an")]
            if rest and rest[-1] in organisations:
                words = rest
            break
    # "health ministry officials", "the army spokesman": the organisation before the role
    if len(words) > 1 and words[-1] in roles and words[-2] in organisations:
        words = words[:-1]
    # "ministry of health" is the health ministry, "us department of defense" the us defense department
    for i, word in enumerate(words[:-2]):
        if word in heads and words[i + 1] == "of" and len(words) - i - 2 in (1, 2) and "the" not in words:
            words = words[:i] + words[i + 2:] + [word]
            break
    return " ".join(words) or key


def merged_parties(keys: Iterable[str]) -> dict[str, str]:
    """Within one event, each party key that names a bare organisation ("health ministry") mapped to the
    one longer key ending in it ("houthi-run yemeni health ministry"), when exactly one does; keys of one
    word, or with several longer forms (two countries' ministries), stay apart."""
    keys = sorted(set(keys), key=len)
    merged = {}
    for short in keys:
        if " " not in short:
            continue
        longer = [k for k in keys if len(k) > len(short) and k.endswith(" " + short)]
        if len(longer) == 1:
            merged[short] = longer[0]
    return merged


def relays(facts: Iterable[FigureFact], party: Callable[[FigureFact], str]) -> dict[int, str]:
    """The outlet's own figures that repeat, in the same article, a figure it gives a party: by ``id`` of
    the fact, that party. "64 service members have been diagnosed" in the outlet's lede and "Pentagon
    officials said 64 service members ..." below it are one statement of the Pentagon's, relayed: the
    outlet's 64 is the Pentagon's snapshot, superseded by the Pentagon's later count, not a toll of its
    own set against it. A figure several parties of the article gave stays the outlet's."""
    facts = list(facts)
    stated: dict[tuple[Any, ...], set[str]] = {}
    for fact in facts:
        if fact.claim_kind != "outlet" and not fact.no_figure and fact.article_id is not None:
            stated.setdefault(_statement(fact), set()).add(party(fact))
    found = {}
    for fact in facts:
        if fact.claim_kind == "outlet" and not fact.no_figure and fact.article_id is not None:
            parties = stated.get(_statement(fact), set())
            if len(parties) == 1:
                found[id(fact)] = next(iter(parties))
    return found


def _statement(fact: FigureFact) -> tuple[Any, ...]:
    """What a figure states, in its article: the same count of the same people, harmed the same way."""
    return (fact.article_id, fact.event_id, fact.metric, normalise(fact.population), fact.low, fact.high)
