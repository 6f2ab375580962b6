"""Events: which claims are about the same real-world event, within an article and across articles.

- :func:`group_events` reads one article (text, publication date, title, the extractor's claims) and
  returns its :class:`EventDraft` values, its claims (one telling two events split in two:
  :mod:`ledger.reading.events.splitting`) and each claim's event index (or None for background).
- :func:`match_event` decides whether a draft is an event the ledger already knows (:class:`KnownEvent`);
  :func:`merge_known` updates a known event with what a new report adds.
- :func:`find_times` resolves time expressions against the publication date.

All pure functions over plain values; the lexicons they read are data files in ``ledger/vocab/``.
``group_events`` (the reading of an article's events, and its patterns) is loaded on first use, so that the
commands that only read the database and import a date window from here do not load it.
"""
from ledger.reading.events.matching import match_event, merge_known
from ledger.reading.events.timexpr import TimeExpr, find_times
from ledger.reading.events.types import ArticleEvents, EventDraft, KnownEvent

__all__ = ["ArticleEvents", "EventDraft", "KnownEvent", "TimeExpr", "find_times", "group_events", "match_event",
           "merge_known"]


def __getattr__(name: str):
    if name == "group_events":
        from ledger.reading.events.grouping import group_events

        return group_events
    raise AttributeError(f"module 'ledger.reading.events' has no attribute {name!r}")
