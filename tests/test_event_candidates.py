"""Which stored events a new report is compared with (``event_store.candidates``): every event whose day
window can overlap the report's, by the precision of its date or its explicit window, and no event far away
— on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert

from ledger.db import writing
from ledger.reading.events import EventDraft
from ledger.ingest.article import make_article
from ledger.ingest.event_store import candidates
from ledger.models import Event, utcnow

STORED = {  # label: (date, precision, earliest, latest)
    "day before": (date(2024, 5, 13), "day", None, None),
    "day far before": (date(2024, 5, 9), "day", None, None),
    "publication day": (date(2024, 5, 17), None, None, None),  # happened then or up to 4 days before
    "week of": (date(2024, 5, 13), "week", None, None),
    "month, late in it": (date(2024, 5, 28), "month", None, None),
    "month before": (date(2024, 4, 1), "month", None, None),
    "year": (date(2024, 1, 1), "year", None, None),
    "explicit window": (date(2024, 5, 1), "month", date(2024, 5, 1), date(2024, 5, 14)),
    "explicit window, ended before": (date(2024, 5, 1), "month", date(2024, 5, 1), date(2024, 5, 10)),
    "years later": (date(2031, 5, 14), "day", None, None),
    "explicit window years later": (date(2031, 5, 1), "month", date(2031, 5, 1), date(2031, 5, 20)),
}


@pytest.mark.parametrize("day, expected", [
    (date(2024, 5, 14), {"day before", "publication day", "week of", "month, late in it", "year",
                         "explicit window"}),
    (date(2024, 4, 20), {"month before", "year"}),
])
def test_event_candidates_every_overlapping_window_and_nothing_far(engine, day, expected):
    with writing(engine) as session:
        session.execute(insert(Event.__table__), [
            {"label": label, "date": d, "date_precision": p, "earliest": lo, "latest": hi, "places": [],
             "actors": [], "kind": "air strike", "conflicts_stale": False, "created_at": utcnow()}
            for label, (d, p, lo, hi) in STORED.items()])
        draft = EventDraft("air strike, Qarvash", day, "day", ("Qarvash",))
        article = make_article("Drones struck a depot.", "a.txt", {"published": "2024-05-20"})
        known, _ = candidates(session, draft, article)
        assert {k.label for k in known} >= expected
        assert not {k.label for k in known} & {"day far before", "years later", "explicit window years later",
                                               *({"explicit window, ended before"} if day.day == 14 else set())}


def test_event_candidates_each_branch_reads_its_own_index_range(tmp_path):
    """On SQLite every branch of the lookup is an index range (precision and date, or the explicit window's
    end): none walks the events of a whole year to keep the few of one precision."""
    from sqlalchemy.dialects import sqlite

    from ledger.db import open_ledger
    from ledger.ingest.event_store import _CANDIDATES

    engine = open_ledger(str(tmp_path / "plan.db"))
    compiled = _CANDIDATES.compile(dialect=sqlite.dialect())
    params = [{"date_precision_1": "day", "date_precision_2": "week", "date_precision_3": "month",
               "date_precision_4": "year"}.get(k, "2024-05-14") for k in compiled.positiontup]
    with engine.connect() as connection:
        plan = [row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}", tuple(params))]
    searches = [step for step in plan if step.startswith("SEARCH")]
    assert len(searches) == 6
    assert sum("ix_event_precision_date (date_precision=? AND date>? AND date<?)" in s for s in searches) == 5
    assert sum("ix_event_latest" in s for s in searches) == 1
    engine.dispose()


@pytest.mark.parametrize("first, second", [
    ("air strike, Varn, Syria", "air strike, Tesk, Syria"), ("air strike, Tesk, Syria", "air strike, Varn, Syria"),
    ("air strike, Darfur, Sudan", "air strike, Varn, Sudan"), ("air strike, Varn, Sudan", "air strike, Darfur, Sudan"),
])
def test_event_label_is_the_best_any_report_gave_in_either_order(first, second):
    """Two reports name one strike by two places: the town beats the region (Darfur is a lexicon region),
    and between two towns the label that sorts first wins, whichever report came first."""
    from ledger.ingest.event_store import enriched
    from ledger.reading.events import KnownEvent

    known = KnownEvent(1, first, date(2024, 2, 25), "day", (), (), "air strike")
    label = enriched(known, EventDraft(second, date(2024, 2, 25), "day", (), (), "air strike")).get("label", first)
    expected = {"Syria": "air strike, Tesk, Syria", "Sudan": "air strike, Varn, Sudan"}[first.rsplit(", ", 1)[1]]
    assert label == expected


@pytest.mark.parametrize("first, second", [("bombing", "air strike"), ("air strike", "bombing"),
                                           ("strike", "bombing"), ("bombing", "strike")])
def test_event_kind_is_the_best_any_report_gave_in_either_order(first, second):
    """One raid told as an air strike by one outlet and a bombing by another is an air strike (as specific,
    listed first in event_kinds.json) in either order; a bare "strike" never replaces a kind proper."""
    from ledger.ingest.event_store import enriched
    from ledger.reading.events import KnownEvent

    known = KnownEvent(1, f"{first}, Varn", date(2024, 2, 25), "day", ("Varn",), (), first)
    values = enriched(known, EventDraft(f"{second}, Varn", date(2024, 2, 25), "day", ("Varn",), (), second))
    assert values.get("kind", first) == ("air strike" if "air strike" in (first, second) else "bombing")
    assert values.get("label", known.label) == f"{values.get('kind', first)}, Varn"
