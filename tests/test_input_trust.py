"""Nothing good is lost because of something bad, and the user's files are safe: each bad input beside good
articles is one line naming it (exit status 1) while the good ones are stored; a ledger that cannot be
written can still be read; a database that is not a ledger, or a newer ledger's, is refused."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, inspect, select, text

from conftest import Ledger, write

LEDGER = str(Path(sys.executable).parent / "ledger")
GOOD = {
    "bridge.txt": "---\noutlet: Lantern\npublished: 2024-05-15\n---\nThe mayor of Tessin said three people were "
                  "hurt when the bridge collapsed.\n",
    "ferry.md": "---\noutlet: Morning Kite\npublished: 2024-05-16\n---\nThe harbour master of Olvend said two "
                "sailors were missing after the ferry capsized.\n",
}


def good_folder(folder: Path) -> Path:
    for name, content in GOOD.items():
        write(folder / name, content)
    return folder


def problems(result) -> list[str]:
    """The problem lines of an ingest: every stderr line but the summary."""
    return [line for line in result.stderr.splitlines() if line.strip() and not line.startswith("articles:")]


def stored_names(ledger) -> set[str]:
    return {Path(a["path"]).name for a in ledger.json("articles")}


def assert_bad_one_named(ledger, folder: Path, location: str, *, extra: tuple = ()) -> list[str]:
    """Ingest the folder: exit 1, one line naming ``location``, the good articles stored."""
    result = ledger("ingest", folder, *extra, expect=1)
    lines = problems(result)
    assert len(lines) == 1 and lines[0].startswith(f"{location}: "), result.stderr
    assert "Traceback" not in result.stderr
    assert set(GOOD) <= stored_names(ledger)
    assert "2 new, 0 already present, 1 failed" in result.stderr
    return lines


# ---------------------------------------------------------------- each bad input, beside good ones


def test_json_nested_thousands_deep_is_that_files_problem(ledger, tmp_path):
    folder = good_folder(tmp_path / "in")
    deep = write(folder / "deep.json", '{"text": "The mayor said so.", "meta": ' + "[" * 4000 + "]" * 4000 + "}")
    line, = assert_bad_one_named(ledger, folder, str(deep))
    assert line == f"{deep}: not valid JSON: nested too deeply"


def test_jsonl_line_nested_thousands_deep_is_that_lines_problem(ledger, tmp_path):
    folder = tmp_path / "in"
    good = json.dumps({"text": "The army of Kestria said a convoy was hit near Vell.", "outlet": "Lantern"})
    write(folder / "feed.jsonl", good + "\n" + "[" * 4000 + "]" * 4000 + "\n")
    result = ledger("ingest", folder, expect=1)
    assert problems(result) == [f"{folder / 'feed.jsonl'}:2: not valid JSON: nested too deeply"]
    assert [a["record"] for a in ledger.json("articles")] == [1]


@pytest.mark.parametrize("published", ["2024-13-45", "2024-05-15T25:00:00"])
def test_impossible_unquoted_front_matter_date_is_that_files_problem(ledger, tmp_path, published):
    folder = good_folder(tmp_path / "in")
    bad = write(folder / "odd.md", f"---\noutlet: Lantern\npublished: {published}\n---\nThe mayor said two "
                                   "people were hurt.\n")
    assert_bad_one_named(ledger, folder, str(bad))


def test_fifo_in_a_folder_is_skipped_never_opened(db_url, tmp_path):
    """Opening a FIFO for reading blocks until a writer comes: the ingest would hang forever."""
    folder = good_folder(tmp_path / "in")
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    result = subprocess.run([LEDGER, "--db", db_url, "ingest", str(folder)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert problems(result) == [f"{fifo}: not a regular file (a FIFO): skipped, never opened"]
    assert set(GOOD) <= stored_names(Ledger(db_url))


def test_file_name_not_utf8_is_stored_with_its_bytes_escaped(ledger, tmp_path):
    folder = good_folder(tmp_path / "in")
    name = os.path.join(os.fsencode(folder), b"r\xe9sum\xe9.txt")
    with open(name, "wb") as fh:
        fh.write(b"The governor of Ardel said four shepherds were hurt in the storm.\n")
    result = ledger("ingest", folder)
    assert problems(result) == [] and "3 new, 0 already present, 0 failed" in result.stderr
    assert stored_names(ledger) == {*GOOD, "r\\xe9sum\\xe9.txt"}


def test_unreadable_sub_folder_is_a_problem_not_silence(ledger, tmp_path, monkeypatch):
    """Root lists every folder, so the kernel's refusal is emulated where the walk lists the sub-folder."""
    folder = good_folder(tmp_path / "in")
    locked = folder / "locked"
    write(locked / "inside.txt", "The mayor of Tessin said the road was closed.\n")
    real_scandir = os.scandir

    def scandir_like_a_user(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir_like_a_user)
    line, = assert_bad_one_named(ledger, folder, str(locked))
    assert line == f"{locked}: cannot read folder: permission denied"


def test_extraction_error_is_that_articles_problem_and_the_next_run_tries_again(ledger, tmp_path, monkeypatch):
    from ledger.reading import stages

    folder = good_folder(tmp_path / "in")
    bad = write(folder / "odd.txt", "The mayor of Zorvath said five people were hurt.\n")
    real = stages.STAGES

    def claims(doc, work):  # the claims stage, tripping on one article
        if "Zorvath" in doc.text:
            raise RuntimeError("the extractor tripped")
        stages.claims(doc, work)

    monkeypatch.setattr(stages, "STAGES", tuple(claims if s is stages.claims else s for s in real))
    line, = assert_bad_one_named(ledger, folder, str(bad))
    assert line == f"{bad}: extraction failed in the claims stage: RuntimeError: the extractor tripped"
    assert "odd.txt" not in stored_names(ledger)
    monkeypatch.setattr(stages, "STAGES", real)
    again = ledger("ingest", folder)
    assert "1 new, 2 already present, 0 failed" in again.stderr
    assert any(c["content"] == "five people were hurt" for c in ledger.json("claims"))


def test_front_matter_without_its_opening_line_is_read_as_front_matter(ledger, tmp_path):
    article = write(tmp_path / "flat.txt", "url: https://example.org/flood\noutlet: Lantern\npublished: 2024-05-15\n"
                                           "---\nThe mayor of Tessin said three people were hurt in the flood.\n")
    ledger("ingest", article)
    stored, = ledger.json("articles")
    assert (stored["outlet"], stored["published"], stored["url"]) == ("Lantern", "2024-05-15",
                                                                       "https://example.org/flood")
    shown = ledger.json("show", "article", str(stored["id"]))
    assert shown["text"] == "The mayor of Tessin said three people were hurt in the flood."


def test_folder_with_no_articles_says_so(ledger, tmp_path):
    empty = tmp_path / "empty"
    write(empty / "notes.docx", b"PK\x03\x04")
    good = write(tmp_path / "bridge.txt", GOOD["bridge.txt"])
    result = ledger("ingest", empty, good, expect=1)
    assert problems(result) == [f"{empty}: no articles: no .htm, .html, .json, .jsonl, .markdown, .md, .ndjson, "
                                ".txt files in this folder"]
    assert stored_names(ledger) == {"bridge.txt"}


def test_reingest_skips_extraction_of_known_articles(ledger, tmp_path, monkeypatch):
    from ledger.ingest import run

    folder = good_folder(tmp_path / "in")
    ledger("ingest", folder)
    write(folder / "new.txt", "The mayor of Tessin said the bridge would reopen in June.\n")
    extracted = []
    real = run.prepare
    monkeypatch.setattr(run, "prepare", lambda article: extracted.append(article.location) or real(article))
    result = ledger("ingest", folder)
    assert "1 new, 2 already present, 0 failed" in result.stderr
    assert extracted == [str(folder / "new.txt")]


# ---------------------------------------------------------------- the principle, with random inputs


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                         st.sampled_from(["text", "title", "outlet", "published", "url", "author", "x"]), inner,
                         max_size=4), max_leaves=12)
_DATES = st.builds(lambda y, m, d, h: f"{y:04d}-{m:02d}-{d:02d}" + (f"T{h:02d}:00:00" if h is not None else ""),
                   st.integers(1, 9999), st.integers(0, 19), st.integers(0, 40), st.none() | st.integers(0, 30))
_BAD_FILES = st.one_of(
    st.tuples(st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]), st.binary(max_size=300)),
    st.tuples(st.sampled_from([".json", ".jsonl"]), _JSON.map(lambda v: json.dumps(v).encode())),
    st.tuples(st.sampled_from([".json", ".jsonl"]), st.integers(1, 6000).map(
        lambda depth: ('{"text": "The mayor said so.", "x": ' + "[" * depth + "]" * depth + "}").encode())),
    st.tuples(st.just(".md"), st.tuples(_DATES, st.dictionaries(
        st.sampled_from(["outlet", "title", "url", "author", "tags"]),
        st.text(max_size=25) | st.integers() | st.sampled_from(["[1, [2", "{a: b}", "!!python/object:os.system",
                                                                 "*x"]),
        max_size=3), st.text(max_size=60)).map(
        lambda fm: ("---\npublished: " + fm[0] + "\n" + "".join(f"{k}: {v}\n" for k, v in fm[1].items())
                    + "---\n" + fm[2]).encode())),
)


@pytest.fixture(scope="module")
def shared_sqlite():
    from ledger.db import open_ledger

    folder = tempfile.mkdtemp()
    engine = open_ledger(str(Path(folder) / "ledger.db"))
    yield engine
    engine.dispose()
    shutil.rmtree(folder)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bad=st.lists(_BAD_FILES, min_size=1, max_size=3), n=st.integers(0, 10**9))
def test_random_bad_inputs_never_cost_a_good_article(shared_sqlite, bad, n):
    from ledger.ingest.run import ingest
    from ledger.models import Article

    with tempfile.TemporaryDirectory() as folder:
        bodies = [f"The mayor of Tessin said {n} people were hurt on the bridge.", f"The army said convoy {n} was hit."]
        Path(folder, "a_good.txt").write_text(bodies[0], encoding="utf-8")
        Path(folder, "z_good.md").write_text(f"---\noutlet: Lantern\n---\n{bodies[1]}", encoding="utf-8")
        for k, (suffix, data) in enumerate(bad):
            Path(folder, f"m_bad{k}{suffix}").write_bytes(data)
        report = ingest(shared_sqlite, [folder], jobs=0)
    with shared_sqlite.connect() as connection:  # stored now or by an earlier example with the same n
        assert sorted(connection.scalars(select(Article.text).where(Article.text.in_(bodies)))) == sorted(bodies)
    assert all(p.location.startswith(folder) for p in report.problems)


# ---------------------------------------------------------------- the user's files


def _make_ledger(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    db = folder / "ledger.db"
    subprocess.run([LEDGER, "--db", str(db), "ingest", str(good_folder(tmp_path / "in"))], check=True,
                   capture_output=True)  # closed as a ledger is when it is archived
    return db


def test_read_only_ledger_on_a_read_only_mount_can_be_read(tmp_path):
    """A real read-only mount (a private mount namespace, where the tests may make one): reads work, a
    change is refused in one line, nothing is written."""
    db = _make_ledger(tmp_path)
    folder = db.parent
    before = sorted(p.name for p in folder.iterdir()), db.read_bytes()
    script = (f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && "
              f"{LEDGER} --db {db} claims -f json && {LEDGER} --db {db} conflicts -f json && "
              f"{LEDGER} --db {db} export claims > /dev/null && echo READS-OK && "
              f"{LEDGER} --db {db} ingest {tmp_path / 'in'}")
    if not shutil.which("unshare") or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("cannot make a private mount namespace here")
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    if "mount:" in result.stderr:
        pytest.skip(f"cannot make a read-only mount here: {result.stderr.strip()}")
    assert "READS-OK" in result.stdout, result.stderr
    assert json.loads(result.stdout.split("]\n", 1)[0] + "]")[0]["content"]
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"error: {db} is read-only: cannot ingest into it"]
    assert (sorted(p.name for p in folder.iterdir()), db.read_bytes()) == before


def test_read_only_ledger_file_is_opened_read_only(tmp_path, monkeypatch):
    """Where no read-only mount can be made: the file reported not writable is opened with SQLite's
    ``mode=ro``, which SQLite enforces, even for root."""
    import ledger.db

    db = _make_ledger(tmp_path)
    before = db.read_bytes()
    monkeypatch.setattr(ledger.db, "writable", lambda path: False)
    reader = Ledger(str(db))
    assert len(reader.json("claims")) >= 2 and reader.json("conflicts") is not None
    assert reader("export", "claims").stdout
    assert reader("claims", "confirm", "1", expect=1).stderr.strip() == \
        "error: the ledger is read-only: this command would change it"
    assert db.read_bytes() == before


def test_read_command_on_a_missing_path_creates_nothing(tmp_path):
    missing = tmp_path / "nothere.db"
    result = Ledger(str(missing))("claims", expect=1)
    assert result.stderr.strip() == f"error: no ledger at {missing}: `ledger ingest` creates one"
    assert not missing.exists()


def test_another_programs_database_is_refused_and_left_alone(db_url, tmp_path):
    engine = create_engine(db_url.replace("postgresql://", "postgresql+psycopg://") if "://" in db_url
                           else f"sqlite:///{db_url}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (body TEXT)"))
    good = write(tmp_path / "bridge.txt", GOOD["bridge.txt"])
    for command in (["claims"], ["ingest", good]):
        result = Ledger(db_url)(*command, expect=1)
        shown = db_url if "://" not in db_url else "postgresql+psycopg://"
        line, = result.stderr.strip().splitlines()
        assert line.startswith(f"error: {shown}") and line.endswith(
            "is not a claim ledger (it has other tables: notes): refusing to add the ledger's tables to it")
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["notes"]
    engine.dispose()


@pytest.mark.parametrize("rows", [["9999_from_the_future"], ["known", "9999_from_the_future"]])
def test_database_of_a_newer_ledger_is_refused(ledger, tmp_path, engine, rows):
    from ledger.db import head_revision

    ledger("ingest", write(tmp_path / "bridge.txt", GOOD["bridge.txt"]))
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM alembic_version"))
        for revision in rows:
            connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:r)"),
                               {"r": head_revision() if revision == "known" else revision})
    for command in (["claims"], ["ingest", tmp_path / "bridge.txt"], ["db", "upgrade"]):
        line, = ledger(*command, expect=1).stderr.strip().splitlines()
        assert "is at schema revision 9999_from_the_future, unknown to this version of the ledger" in line


def test_downgrade_asks_for_yes(ledger, tmp_path):
    from ledger.db import head_revision

    ledger("ingest", write(tmp_path / "bridge.txt", GOOD["bridge.txt"]))
    result = ledger("db", "downgrade", "base", expect=1)
    assert result.stderr.strip().endswith("to base drops every table of the ledger and all its data: "
                                          "add --yes to do it")
    assert ledger("db", "current").stdout.strip() == head_revision()
    assert len(ledger.json("articles")) == 1
