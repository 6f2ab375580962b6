"""Turning an article's assembled events into :class:`EventDraft` values: dates, places, actors, a label.

The label is what a person scanning a list needs: the kind, the most specific place and the country,
"air strike, Albu Kamal, Syria"; without places, the first actor, "air strike (United States)".
"""
from __future__ import annotations

import re
from functools import lru_cache

from ledger.reading.events.article import Article, When
from ledger.reading.events.mentions import phrase_start
from ledger.reading.events.places import country_of, demonym_countries, places_and_actors, site_key, site_nouns
from ledger.reading.events.timexpr import window
from ledger.reading.events.types import ArticleEvents, Draft, EventDraft

MAX_SENTENCES = 4  # places and actors come from the first few sentences that name the event


@lru_cache(maxsize=1)
def site_words() -> re.Pattern:
    nouns = "|".join(sorted(site_nouns(), key=len, reverse=True))
    return re.compile(rf"\b({nouns})s?\b", re.IGNORECASE)


def finish(article: "Article", drafts: list["Draft"], chosen: list["Draft | None"], claims: tuple = ()
           ) -> ArticleEvents:
    """The drafts some claim is about (main first, then in order of appearance), each claim's index and
    the claims themselves."""
    chosen_ids = {id(c) for c in chosen}
    kept = [d for d in drafts if id(d) in chosen_ids]
    index = {id(d): n for n, d in enumerate(kept)}
    memo: dict = {}
    owner = {id(m): id(d) for d in drafts for m in d.mentions}
    events = tuple(_draft_value(article, d, memo, owner) for d in kept)
    return ArticleEvents(events, tuple(None if c is None else index[id(c)] for c in chosen), claims)


def _draft_value(article: "Article", draft: "Draft", memo: dict, owner: dict[int, int]) -> EventDraft:
    places, actors, countries = _where_and_who(article, draft, memo, owner)
    day, precision, earliest, latest = _dating(article, draft.when)
    fallback = draft.when is not None and draft.when.from_publication and day is not None
    return EventDraft(label=label(draft.kind, places, actors, countries), date=day, precision=precision,
                      places=tuple(places), actors=tuple(actors), kind=draft.kind, earliest=earliest,
                      latest=latest, from_publication=fallback, named=fallback and _named(article, draft),
                      sites=sites_hit(article) if draft.main else draft.sites)


def _named(article: "Article", draft: "Draft") -> bool:
    """Whether the first event word of the draft in the body's lead is definite ("the Varn bombing"): the
    article speaks of an event its readers know, not news of one ("An air strike hit Varn")."""
    title = {id(m) for m in article.title_mentions}
    first = next((m for m in draft.mentions if id(m) not in title), None)
    return first is not None and first.start < article.lead_end and first.definite


def sites_hit(article: "Article") -> tuple[str, ...]:
    """The kinds of site (``site_nouns_after_place``: theater, hospital, market ...) the title and the lead
    name, in one spelling ("theatre" is "theater"): what a report without a time of its own says was hit."""
    found = [site_key(m.group(1)) for m in site_words().finditer(f"{article.title}\n{article.text[:article.lead_end]}")]
    return tuple(dict.fromkeys(found))


def _dating(article: "Article", when: "When | None"):
    """(date, precision, earliest, latest) for the export: real days only, never a floating guess."""
    if when is None or when.first is None or when.floating:
        return None, None, None, None
    if when.from_publication:
        if article.published_precision in ("month", "year"):  # the event keeps the article's precision
            return article.published, article.published_precision, None, None
        return article.published, None, None, None
    if when.precision is None:
        return None, None, when.first, when.last
    canonical = window(when.first, when.precision)
    if when.precision == "day" or canonical == (when.first, when.last):
        return when.first, when.precision, None, None
    return when.first, when.precision, when.first, when.last


def _where_and_who(article: "Article", draft: "Draft", memo: dict, owner: dict[int, int]
                   ) -> tuple[list[str], list[str], list[str]]:
    """(places, actors, countries outside the lexicon) of the sentences that name the event; ``owner``
    maps each event word (its id) to the draft it was placed in (its id)."""
    spans: list[tuple[int, int]] = []
    if draft.main or (draft.sites and not draft.mentions):  # a site's strike a report reviews is the report's
        spans.append((0, article.lead_end))
    for m in draft.mentions:
        span = _clause_of(article, m, draft.main, owner)
        if span not in spans:
            spans.append(span)
        if len(spans) > MAX_SENTENCES:
            break
    merged = _merged(spans)
    places, actors = places_and_actors(article.text, merged, memo=memo)
    countries = demonym_countries(article.text, merged)
    places += [c for c in countries if c not in places]
    if draft.main and article.title:
        words = article.title.split()
        title_case = sum(w[:1].isupper() for w in words) > 0.6 * len(words)
        title_places, title_actors = places_and_actors(article.title, [(0, len(article.title))], title_case)
        places = title_places + [p for p in places if p not in title_places]
        actors += [a for a in title_actors if a not in actors]
    return places, actors, countries


def _clause_of(article: "Article", m, main: bool, owner: dict[int, int] | None = None) -> tuple[int, int]:
    """Where an event word's places are named: for the main event its sentence up to the first marker of
    another event ("The strikes came | after rockets hit southern Israel") or the first word of another
    event ("the missile strikes and | the Jan. 3 strike on a convoy at Varn airport"); for another event,
    from the word's noun phrase ("the Fenwick Ridge attack") to the end of its sentence."""
    start, end = article.sentence_of(m.start)
    if not main:
        return phrase_start(article.text, m, start), end
    own = (owner or {}).get(id(m))
    for other in article.mentions:
        if other.marker_start is not None and m.end <= other.marker_start < end:
            return start, other.marker_start
        if own is not None and m.end <= other.start < end and owner.get(id(other), own) != own:
            return start, phrase_start(article.text, other, start)
    return start, end


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, so that no name is read twice."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def label(kind: str | None, places: list[str], actors: list[str], countries: list[str] | tuple = ()) -> str:
    """ "air strike, Albu Kamal, Syria": the kind, the most specific place, the country (of the lexicon,
    or one of ``countries``: those the article names outside it).

    >>> label("air strike", ["Syria", "Albu Kamal"], ["United States"])
    'air strike, Albu Kamal, Syria'
    >>> label("drone strike", ["Qarvash", "Valdoria"], [], ["Valdoria"])
    'drone strike, Qarvash, Valdoria'
    """
    head = kind or "event"
    specific = next((p for p in places if country_of(p) is None and p not in countries), None)
    country = next((country_of(p) or p for p in places if country_of(p) or p in countries), None)
    where = [x for x in (specific, country) if x]
    if where:
        return ", ".join([head, *where])
    return f"{head} ({actors[0]})" if actors else head
