"""Whether an article's event is one the ledger already knows: the same strike told by many outlets.

The rule (:func:`match_event`): a draft is a known event when

1. both are dated and their day windows overlap, each window following from the precision: a day is
   itself (plus one day either side: an overnight strike is Thursday in Washington and Friday in Syria), a
   week/month/year all its days, a date taken from the publication day that day and the four before it;
   explicit ``earliest``/``latest`` bounds replace the window. An undated event never matches (a
   February and a June strike on the same border would otherwise meet);
2. their kinds can name one event (``kinds.compatible``: "air strike" and "bombing" yes, "air strike" and
   "rocket attack" no: an attack and the strike that retaliated for it stay apart);
3. they share a place or an actor (exact after normalising, or close spellings: "Albu Kamal" and "Abu
   Kamal"), unless each names a specific place (a town, a site), none in common, and neither gives a day
   (:func:`_elsewhere`). Without that, the same group blamed for attacks at two towns "earlier this month"
   made them one attack or two depending on which article came first.

Two reports that each give a day are one event only when the days are at most a night apart
(:func:`_days_apart`): strikes on Sunday and on Tuesday are two strikes, even at one place.

Among several candidates the closest in time wins, then the one sharing most names, then the oldest.

A follow-up (:func:`_follow_up`): a report dated only by its publication day that names the event with a
definite description carrying a specific place ("the Varn bombing", "the strike on Varn theatre") joins the
known event of a compatible kind at that very place (a town or a site, not a country or region) up to
``FOLLOW_UP_DAYS`` before publication, when exactly one fits: a city hit twice in those weeks (a theatre,
then a hospital) makes the report ambiguous, and no join beats a wrong one. Told indefinitely ("an air
strike that targeted a theater in Varn"), the report joins only a known event at that place whose reports
said it hit every kind of site this one names (``sites``): a market hit in Varn is news, not the theatre,
and a report on a theatre and a hospital is not the theatre alone.

Example: NBC's "U.S. airstrike last week in eastern Syria" (read on 1 March 2021, week of 22 February)
matches the known "air strike, Syria" of 25 February; the "rocket attack, Iraq" of "earlier this month"
does not (another kind), nor does a strike in Syria in June (another month).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.process import extractOne

from ledger.reading.events import kinds
from ledger.reading.events.places import country_of, place_key, specific
from ledger.reading.events.timexpr import PRECISION_RANK, window
from ledger.reading.events.types import EventDraft, KnownEvent

DAY_SLACK = 1  # days either side of a day-precise date
PUBLICATION_DAYS_BEFORE = 4  # an undated article's event happened on its publication day or up to 4 days before
FOLLOW_UP_DAYS = 42  # a follow-up naming a known event ("the Varn bombing") comes up to six weeks after it
FUZZY_NAME = 88  # rapidfuzz ratio above which two place names are one spelling apart


def match_event(draft: EventDraft, known: list[KnownEvent]) -> KnownEvent | None:
    """The known event this draft is, or None (see the module docstring for the rule)."""
    span = days_of(draft.date, draft.precision, draft.earliest, draft.latest)
    if span is None:
        return None
    names = _names(draft.places, draft.actors)
    best, best_key = None, None
    for event in known:
        other = days_of(event.date, event.precision, event.earliest, event.latest)
        if other is None or not _overlap(span, other) or not kinds.compatible(draft.kind, event.kind) \
                or _days_apart(draft, event):
            continue
        shared = _shared(names, _names(event.places, event.actors))
        if not shared or _elsewhere(draft, event):
            continue
        key = (_distance(span, other), -shared, event.id)
        if best_key is None or key < best_key:
            best, best_key = event, key
    if best is None and draft.from_publication and (draft.named or draft.sites):
        return _follow_up(draft, known)
    return best


def _elsewhere(draft: EventDraft, event: KnownEvent) -> bool:
    """Whether two reports name different specific places (towns, sites: none in common) and neither gives
    the day that could tie them. Missiles on two bases one night are one attack, and a "last week" report of
    a strike at one site of it is that raid; but a rocket attack at Varn and one at Tesk "earlier this
    month" are two attacks, even when one group is blamed for both."""
    if draft.precision == "day" or event.precision == "day":
        return False
    mine = {place_key(p) for p in draft.places if specific(p)} - {""}
    theirs = {place_key(p) for p in event.places if specific(p)} - {""}
    return bool(mine and theirs) and not _shared(mine, theirs)


def _days_apart(draft: EventDraft, event: KnownEvent) -> bool:
    """Whether both reports give a day and the days are further apart than one night (Thursday in
    Washington is Friday in Syria): their windows, a day wider either side, would still meet at two days."""
    return (draft.precision == event.precision == "day" and draft.date is not None and event.date is not None
            and abs((draft.date - event.date).days) > DAY_SLACK)


def _follow_up(draft: EventDraft, known: list[KnownEvent]) -> KnownEvent | None:
    """The one known event a follow-up names by its place, or None (none or several fit)."""
    places = {place_key(p) for p in draft.places if specific(p)} - {""}
    if not places or draft.kind is None or draft.date is None:
        return None
    first = draft.date - timedelta(days=FOLLOW_UP_DAYS)
    fits = []
    for event in known:
        days = days_of(event.date, event.precision, event.earliest, event.latest)
        if days is None or event.kind is None or not kinds.compatible(draft.kind, event.kind):
            continue
        if days[1] >= first and days[0] <= draft.date and places & {place_key(p) for p in event.places} \
                and (draft.named or set(draft.sites) <= set(event.sites)):
            fits.append(event)
    return fits[0] if len(fits) == 1 else None


def days_of(day: date | None, precision: str | None, earliest: date | None = None,
            latest: date | None = None) -> tuple[date, date] | None:
    """The days an event's date can mean, with the slack the rule allows (None when undated)."""
    if earliest is not None and latest is not None:
        return earliest, latest
    if day is None:
        return None
    if precision is None:
        return day - timedelta(days=PUBLICATION_DAYS_BEFORE), day
    first, last = window(day, precision)
    if precision == "day":
        return first - timedelta(days=DAY_SLACK), last + timedelta(days=DAY_SLACK)
    return first, last


def _earlier_night(draft: EventDraft, event: KnownEvent) -> bool:
    """Whether both give a day and the report's is the earlier of the night they straddle (Thursday in
    Washington, Friday in Syria): the event keeps the earlier day, so that its date does not depend on
    which report came first."""
    return (draft.precision == event.precision == "day" and not draft.from_publication
            and draft.date is not None and event.date is not None and draft.date < event.date)


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _distance(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between the middles of two windows."""
    mid_a = a[0] + (a[1] - a[0]) / 2
    mid_b = b[0] + (b[1] - b[0]) / 2
    return abs((mid_a - mid_b).days)


@lru_cache(maxsize=16384)
def _names(places: tuple[str, ...], actors: tuple[str, ...]) -> frozenset[str]:
    """Normalised names of places and actors, with the country of each lexicon name. Cached: a known
    event's names are compared with every report near its date."""
    found = set()
    for name in (*places, *actors):
        found.add(place_key(name))
        country = country_of(name)
        if country:
            found.add(place_key(country))
    found.discard("")
    return frozenset(found)


def _shared(a: set[str], b: set[str]) -> int:
    """How many names of ``a`` are in ``b``, exactly, one spelling apart, or as the first words of a longer
    name of the same site ("kessel" and "kessel arab": "the Al-Kessel hospital" and "the Al-Kessel Arab
    hospital")."""
    count = 0
    for name in a:
        if name in b or (len(name) > 4 and (extractOne(name, b, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME)
                                            or any(_leads(name, other) for other in b))):
            count += 1
    return count


def _leads(one: str, other: str) -> bool:
    """Whether the shorter of two names (of five letters or more) is the first whole words of the longer."""
    short, long_ = (one, other) if len(one) < len(other) else (other, one)
    return len(short) > 4 and long_.startswith(short + " ")


def merge_known(event: KnownEvent, draft: EventDraft) -> KnownEvent:
    """A known event updated with what a new report of it adds: more places, actors and sites, a finer date (not
    one taken from a report's publication date: ``draft.from_publication``).

    >>> old = KnownEvent(1, "air strike, Syria", date(2021, 2, 22), "week", ("Syria",))
    >>> new = EventDraft("air strike, Albu Kamal, Syria", date(2021, 2, 25), "day", ("Albu Kamal",))
    >>> merged = merge_known(old, new)
    >>> merged.date.isoformat(), merged.precision, merged.places
    ('2021-02-25', 'day', ('Syria', 'Albu Kamal'))
    """
    places = event.places + tuple(p for p in draft.places if p not in event.places)
    actors = event.actors + tuple(a for a in draft.actors if a not in event.actors)
    sites = event.sites + tuple(s for s in draft.sites if s not in event.sites)
    changes = {"places": places, "actors": actors, "sites": sites, "kind": event.kind or draft.kind}
    finer = PRECISION_RANK.get(draft.precision or "", -1) > PRECISION_RANK.get(event.precision or "", -1)
    if draft.from_publication:  # a fallback date says nothing about the event's day: it never narrows one
        finer = False
    if draft.date is not None and (event.date is None or finer or _earlier_night(draft, event)):
        changes.update(date=draft.date, precision=draft.precision, earliest=draft.earliest, latest=draft.latest)
    return replace(event, **changes)
