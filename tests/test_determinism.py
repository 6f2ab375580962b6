"""Nothing is invented, and the same articles give the same ledger: publication dates keep the precision
they were given (no day of the month, nothing from the clock), and the ledger does not depend on the day
it ran or the order the articles came in. Run on SQLite and PostgreSQL."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from freezegun import freeze_time
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import Ledger, write
from ledger.fingerprint import normalised

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").iterdir())


def article(published: str, body: str, outlet: str = "Harbour Times") -> str:
    return f"---\noutlet: {outlet}\npublished: {published}\n---\n{body}\n"


STRIKE = ("At least six fighters were killed in a drone strike on a depot in Belmora on Thursday, "
          "the Valdorian Observatory for Civil Rights said.")


def snapshot(ledger: Ledger) -> dict:
    """The whole ledger without row ids: claims, conflicts, estimates and sources."""
    return normalised(ledger.jsonl("export", "claims", "--format", "jsonl"), ledger.json("conflicts"),
                      ledger.json("estimates"), ledger.json("sources"))


# ---------------------------------------------------------------- precision of publication dates


@pytest.mark.parametrize("given, stored", [
    ("2021", "2021"),  # a bare YAML integer
    ("'2021'", "2021"),
    ("2021-06", "2021-06"),
    ("June 2021", "2021-06"),
    ("2021-06-28", "2021-06-28"),
    ("28 June 2021", "2021-06-28"),
    ("2021-06-28T14:05:00Z", "2021-06-28T14:05:00+00:00"),
])
def test_determinism_published_keeps_the_precision_given(ledger, tmp_path, given, stored):
    ledger("ingest", write(tmp_path / "a.txt", article(given, STRIKE)))
    [claim] = ledger.jsonl("export", "claims", "--format", "jsonl")
    assert claim["article"]["published"] == stored
    assert [a["published"] for a in ledger.json("articles")] == [stored]


def test_determinism_json_record_with_a_year_or_month_keeps_it(ledger, tmp_path):
    records = [{"text": STRIKE, "url": "https://harbour.example/1", "published": 2021},
               {"text": STRIKE.replace("six", "seven"), "url": "https://harbour.example/2", "published": "2021-07"}]
    ledger("ingest", write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n"))
    published = {c["article"]["url"]: c["article"]["published"] for c in ledger.jsonl("export", "claims")}
    assert published == {"https://harbour.example/1": "2021", "https://harbour.example/2": "2021-07"}


@pytest.mark.parametrize("given", ["yesterday", "last week", "3 days ago", "today"])
def test_determinism_relative_publication_date_is_one_problem(sqlite_ledger, tmp_path, given):
    good = write(tmp_path / "in" / "good.txt", article("2021-06-28", STRIKE))
    bad = write(tmp_path / "in" / "bad.txt", article(given, STRIKE.replace("six", "nine")))
    result = sqlite_ledger("ingest", tmp_path / "in", expect=1)
    problems = [line for line in result.stderr.splitlines() if "bad.txt" in line]
    assert problems == [f"{bad}: published is relative to the day it was read ({given!r}): "
                        "give the date itself"]
    assert [c["article"]["path"] for c in sqlite_ledger.jsonl("export", "claims")] == [str(good)]


def test_determinism_month_article_weekday_is_not_made_a_day(ledger, tmp_path):
    """"On Thursday" in an article dated June 2021 is some day from late May to June, not a Thursday
    counted back from a made-up day of June: the event is dated no more precisely than that."""
    ledger("ingest", write(tmp_path / "a.txt", article("2021-06", STRIKE)))
    [event] = ledger.json("events")
    assert event["precision"] != "day" and (event["date"] is None or event["date"][:7] in ("2021-05", "2021-06"))
    with freeze_time("2030-01-02"):
        other = Ledger(ledger.db)
        assert other.json("events") == [event]


def test_determinism_month_article_without_a_time_is_an_event_of_that_month(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "a.txt", article("2021-06", STRIKE.replace(" on Thursday", ""))))
    [event] = ledger.json("events")
    assert event["date"].startswith("2021-06")


def test_determinism_as_of_knows_a_month_article_by_the_end_of_its_month(ledger, tmp_path):
    ledger("ingest", write(tmp_path / "monitor.txt", article("2021-06", STRIKE.replace("on Thursday", "on June 3"))),
           write(tmp_path / "militia.txt", article("2021-06", "The Kessel Brigades said two of its fighters were "
                                                              "killed in a drone strike on a depot in Belmora on June 3.",
                                                   outlet="Meridian Wire")))
    assert ledger.json("conflicts", "--as-of", "2021-06-15") == []
    assert ledger.json("conflicts", "--as-of", "2021-06-29") == []
    assert [c["severity"] for c in ledger.json("conflicts", "--as-of", "2021-06-30")] == ["contradiction"]
    assert [c["severity"] for c in ledger.json("conflicts")] == ["contradiction"]


# ---------------------------------------------------------------- the clock


CLOCK_ARTICLES = {
    "month.txt": article("2021-06", STRIKE),
    "year.txt": article("2021", "Seven fighters were killed in an air strike on Korvel last week, the Kessel "
                                "Brigades said on Monday."),
    "day.txt": article("June 28, 2021", "A spokesman for the Kessel Brigades said on Sunday that nine of its "
                                        "fighters were killed in the drone strike on a depot in Belmora on "
                                        "Thursday."),
    "loose.txt": article("2021-06-28", "Officials said 4 people were wounded in shelling on 9/17/16 and "
                                       "on Tuesday, according to the Belmora health office."),
}


def test_determinism_the_day_of_the_ingest_changes_nothing(fresh, tmp_path):
    """The same articles ingested with the clock on two different days give the same ledger."""
    folder = tmp_path / "in"
    for name, text in CLOCK_ARTICLES.items():
        write(folder / name, text)
    snapshots = []
    for day, suffix in (("2024-03-07 09:00:00", "a"), ("2031-11-22 23:30:00", "b")):
        ledger = Ledger(fresh(suffix))
        with freeze_time(day):
            ledger("ingest", folder)
            snapshots.append(snapshot(ledger))
    assert snapshots[0]["claims"] and snapshots[0] == snapshots[1]


@pytest.fixture
def fresh(db_url, tmp_path):
    """Makes more empty databases on the test's engine (new files, or new PostgreSQL databases dropped
    after the test)."""
    made = []

    def make(suffix: str) -> str:
        if "://" not in db_url:
            return str(tmp_path / f"ledger-{suffix}.db")
        name = f"{db_url.rsplit('/', 1)[1]}_{suffix}"
        _admin(db_url, f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"{db_url.rsplit('/', 1)[0]}/{name}"

    yield make
    for name in made:
        _admin(db_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin(db_url: str, statement: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(statement))
    admin.dispose()


# ---------------------------------------------------------------- the order of the articles


def test_determinism_examples_in_two_orders_give_one_ledger(fresh):
    """The monitor's two same-day accounts (7 and 9) are ordered by article, not by arrival: the best
    estimate is the same whichever file comes first."""
    snapshots = []
    for suffix, files in (("a", EXAMPLES), ("b", EXAMPLES[::-1])):
        ledger = Ledger(fresh(suffix))
        ledger("ingest", *files)
        snapshots.append(snapshot(ledger))
    assert snapshots[0] == snapshots[1]
    best = {(e["metric"], e["population"]): e["best"] for e in snapshots[0]["estimates"]}
    assert best[("killed", "fighters")] in (7, 9)


NIGHT_STRIKE = {
    "thursday.txt": article("2024-04-12", "Drones struck an arms depot in Tessaly on Thursday night, killing four "
                                          "guards, the Varnese defence ministry said.", outlet="Capital Post"),
    "friday.txt": article("2024-04-12", "Four guards were killed when drones struck an arms depot in Tessaly early "
                                        "on Friday, the Tessaly governor said.", outlet="Coast Herald"),
}


def test_determinism_a_strike_told_on_two_days_of_one_night_keeps_the_earlier_in_either_order(fresh, tmp_path):
    """One raid is Thursday night to one outlet and early Friday to another: it is one event dated the
    Thursday whichever report came first (it took the first report's day)."""
    files = [write(tmp_path / name, text) for name, text in NIGHT_STRIKE.items()]
    dates = []
    for suffix, order in (("a", files), ("b", files[::-1])):
        ledger = Ledger(fresh(suffix))
        ledger("ingest", *order)
        dates.append([(e["date"], e["claims"]) for e in ledger.json("events")])
    assert dates == [[("2024-04-11", 2)], [("2024-04-11", 2)]]


def test_determinism_one_run_or_two_give_one_ledger(fresh):
    one = Ledger(fresh("one"))
    one("ingest", *EXAMPLES)
    two = Ledger(fresh("two"))
    two("ingest", *EXAMPLES[:2])
    two("ingest", *EXAMPLES[2:])
    assert snapshot(one) == snapshot(two)


# ---------------------------------------------------------------- the engine


def test_determinism_search_words_mean_the_same_on_both_engines(ledger, tmp_path):
    """A dash is no operator on either engine: "fighters -killed" finds the articles with both words."""
    ledger("ingest", write(tmp_path / "killed.txt", article("2021-06-28", STRIKE)),
           write(tmp_path / "wounded.txt", article("2021-06-29", "Nine fighters were wounded in shelling of "
                                                                 "Korvel, the Belmora health office said.")))
    found = ledger.json("search", "fighters -killed", "--in", "articles")
    assert [hit["published"] for hit in found] == ["2021-06-28"]
    claims = ledger.json("search", "fighters -killed", "--in", "claims")
    assert [hit["published"] for hit in claims] == ["2021-06-28"]


def test_determinism_search_help_says_words_are_plain(sqlite_ledger):
    assert "no operators" in " ".join(sqlite_ledger("search", "--help").stdout.split())


def test_determinism_nul_in_a_record_is_one_problem_on_both_engines(ledger, tmp_path):
    records = [{"text": STRIKE, "url": "https://harbour.example/good", "published": "2021-06-28"},
               {"text": "Five were killed\u0000 in Korvel, officials said.", "url": "https://harbour.example/nul"},
               {"text": STRIKE.replace("six", "eight"), "url": "https://harbour.example/t", "title": "A\u0000B"}]
    feed = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    result = ledger("ingest", feed, expect=1)
    problems = [line for line in result.stderr.splitlines() if "feed.jsonl" in line]
    assert problems == [f"{feed}:2: the text contains a NUL character (\\x00)",
                        f"{feed}:3: title contains a NUL character (\\x00)"]
    assert [c["article"]["url"] for c in ledger.jsonl("export", "claims")] == ["https://harbour.example/good"]


def test_determinism_nul_late_in_a_text_file_is_one_problem(ledger, tmp_path):
    bad = write(tmp_path / "in" / "long.txt", article("2021-06-28", STRIKE + "\n\n" + "Words. " * 12000 + "\x00"))
    write(tmp_path / "in" / "good.txt", article("2021-06-29", STRIKE.replace("six", "seven")))
    result = ledger("ingest", tmp_path / "in", expect=1)
    assert [line for line in result.stderr.splitlines() if "long.txt" in line] == \
        [f"{bad}: the text contains a NUL character (\\x00)"]
    assert [c["article"]["published"] for c in ledger.jsonl("export", "claims")] == ["2021-06-29"]



# ---------------------------------------------------------------- any order, one run or two


EXTRA = {
    "korvel-1.txt": article("2024-03-07", "Four civilians were killed in shelling of Korvel on Tuesday, the "
                                          "Belmora Relief Committee said. The Kessel Brigades said three of its "
                                          "fighters were killed.", outlet="Meridian Wire"),
    "korvel-2.txt": article("2024-03-07", "Six civilians were killed in shelling of Korvel on Tuesday, the "
                                          "Belmora Relief Committee (BRC) said.", outlet="Northern Ledger"),
    "korvel-3.txt": article("2024-03", "The Belmora Emergency Relief Committee said seven civilians were killed "
                                       "in the shelling of Korvel.", outlet="Harbour Times"),
}


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # a shrink re-ingests for minutes
@given(order=st.permutations(range(len(EXAMPLES) + len(EXTRA))), split=st.integers(0, len(EXAMPLES) + len(EXTRA)))
def test_determinism_any_order_one_run_or_two_gives_one_ledger(fresh_session, order, split):
    """Claims, sources, conflicts and estimates do not depend on the order of the articles, nor on where a
    run was split in two."""
    reference, folder, make = fresh_session
    files = [*EXAMPLES, *sorted(folder.iterdir())]
    ledger = Ledger(make())
    shuffled = [files[i] for i in order]
    for part in (shuffled[:split], shuffled[split:]):
        if part:
            ledger("ingest", *part)
    assert snapshot(ledger) == reference


@pytest.fixture
def fresh_session(fresh, tmp_path):
    """The reference ledger (every article in name order, one run), the folder of the extra articles, and a
    maker of fresh databases for each example."""
    folder = tmp_path / "extra"
    for name, text in EXTRA.items():
        write(folder / name, text)
    counter = iter(range(1000))
    reference = Ledger(fresh("reference"))
    reference("ingest", *EXAMPLES, *sorted(folder.iterdir()))
    return snapshot(reference), folder, lambda: fresh(f"h{next(counter)}")
