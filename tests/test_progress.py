"""Ingest progress: the input measured first (a folder's files, a JSONL file's bytes, standard input when it
is a file), read up to its total, and shown with a share, a rate, an ETA and the final reconcile's stage."""
from __future__ import annotations

import io
import re
import json
from types import SimpleNamespace

from rich.console import Console

from conftest import write
from ledger.commands.ingest import IngestProgress, progress_detail
from ledger.ingest.meter import InputMeter
from ledger.ingest.readers import measure
from ledger.ingest.readers import read_inputs

STORY = "---\noutlet: Lantern\npublished: 2024-03-02\n---\nThe mayor of Dunmore said {n} houses were flooded.\n"


def a_folder(tmp_path):
    folder = tmp_path / "in"
    write(folder / "a.txt", STORY.format(n="two"))
    write(folder / "sub" / "b.md", STORY.format(n="three"))
    write(folder / "c.jsonl", "\n".join(json.dumps({"text": f"The mayor said {n} roads were shut."})
                                        for n in ("four", "five", "six")) + "\n")
    write(folder / "skipped.png", b"\x89PNG not an article")
    write(folder / ".hidden.txt", "not read")
    return folder


def test_progress_total_is_the_size_of_the_files_read(tmp_path):
    folder = a_folder(tmp_path)
    read = [folder / "a.txt", folder / "sub" / "b.md", folder / "c.jsonl"]
    meter = measure([str(folder)])
    assert meter.total == sum(p.stat().st_size for p in read)
    articles = list(read_inputs([str(folder)], meter=meter))
    assert len(articles) == 5 and meter.done == meter.total


def test_progress_jsonl_advances_line_by_line(tmp_path):
    folder = a_folder(tmp_path)
    meter = measure([str(folder / "c.jsonl")])
    seen = [meter.done for _ in read_inputs([str(folder / "c.jsonl")], meter=meter)]
    lines = (folder / "c.jsonl").read_bytes().splitlines(keepends=True)
    assert seen == [len(lines[0]), len(lines[0]) + len(lines[1]), meter.total]


def test_progress_stdin_size_known_from_a_file_unknown_from_a_pipe(tmp_path):
    folder = a_folder(tmp_path)
    with open(folder / "c.jsonl", "rb") as redirected:  # ledger ingest - < c.jsonl
        assert measure(["-"], stdin=redirected).total == (folder / "c.jsonl").stat().st_size
    assert measure(["-"], stdin=io.BytesIO(b'{"text": "x"}\n')).total is None
    assert measure([str(folder / "a.txt"), "-"], stdin=io.BytesIO(b"x")).total is None


def test_progress_detail_has_share_rate_and_eta():
    report = SimpleNamespace(read=100, started=0.0, meter=InputMeter(total=1000, done=250))
    assert progress_detail(report, now=20.0) == "25% · 100 articles · 5/s · ETA 1:00"
    unknown = SimpleNamespace(read=100, started=0.0, meter=InputMeter(total=None, done=250))
    assert progress_detail(unknown, now=20.0) == "100 articles · 5/s"


def test_progress_bar_on_a_terminal_shows_eta_and_the_reconcile_stage(tmp_path, engine):
    from ledger.ingest.run import ingest

    screen = io.StringIO()
    progress = IngestProgress(enabled=True, console=Console(file=screen, force_terminal=True, width=160))
    try:
        report = ingest(engine, [str(a_folder(tmp_path))], jobs=0, on_article=progress.update,
                        on_stage=progress.stage)
    finally:
        progress.stop()
    shown = screen.getvalue()
    assert report.new == 5 and report.meter.done == report.meter.total
    assert "100% · 5 articles" in shown and "ETA 0:00" in shown
    assert re.search(r"reconciling [1-5] events? ", shown)


def test_progress_nothing_on_a_pipe_and_stdout_clean(sqlite_ledger, tmp_path):
    result = sqlite_ledger("ingest", a_folder(tmp_path))
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("articles: 5 new")
