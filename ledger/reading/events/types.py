"""The values events are passed around as: an event being assembled from an article (``Draft``), an article's
event drafts, and the events the ledger knows."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ledger.reading.events.article import When
from ledger.reading.events.mentions import Mention
from ledger.reading.types import Claim


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An event as one article tells it, before it is matched with the events the ledger knows.

    ``date``/``precision``: the day, or the first day of the week/month/year the article places it in;
    precision None with a date means the date is the publication day (the article gave no time; the event
    happened then or a few days before). ``earliest``/``latest`` bound the days when the article says more
    than the date does ("earlier this month": the 1st to two days before publication; an attack that a
    strike "came after": the month before the strike); None when the date says it all.
    ``from_publication``: the date is the publication date's, a fallback (the article gave no time of the
    event): it places the event for matching but never narrows a known event's date.
    ``named``: the lead names the event with a definite description ("the Varn bombing", "the strike on Varn
    theatre"), as a follow-up names an event its readers know; with a fallback date such a report may join
    the one known event of its place some weeks before (``matching.FOLLOW_UP_DAYS``).
    ``sites``: for the main event, the kinds of site the title and lead say were hit ("an airstrike that
    targeted a theater": ``("theater",)``), in one spelling. With a fallback date such a report may join the
    one known event of its place some weeks before that hit those sites, even told indefinitely.
    """

    label: str
    date: date | None
    precision: str | None
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    kind: str | None = None
    earliest: date | None = None
    latest: date | None = None
    from_publication: bool = False
    named: bool = False
    sites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleEvents:
    """What :func:`ledger.reading.events.group_events` found: the article's events, its claims (the extractor's,
    with a claim that tells two events split in two) and, aligned with them, each claim's event index
    (into ``events``) or None for a claim about no specific event (background, a series, a policy)."""

    events: tuple[EventDraft, ...]
    claim_events: tuple[int | None, ...]
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class KnownEvent:
    """An event already in the ledger, as :func:`ledger.reading.events.match_event` needs it (``sites``:
    the kinds of site its reports said it hit).

    ``earliest``/``latest`` are optional (the store may keep only date and precision); when absent they
    follow from the date and its precision.
    """

    id: int
    label: str
    date: date | None
    precision: str | None
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    kind: str | None = None
    earliest: date | None = None
    latest: date | None = None
    sites: tuple[str, ...] = ()


@dataclass(slots=True)
class Draft:
    """An event being assembled from an article: its kind, its time, its words."""

    kind: str | None
    when: When | None
    main: bool = False
    mentions: list[Mention] = field(default_factory=list)
    sites: tuple[str, ...] = ()  # the one site of a report's strike on it (``ledger.reading.events.sites``)
