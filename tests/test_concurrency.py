"""Several writers at once, and a writer killed midway: the ledger stays consistent on both backends.

These run the installed ``ledger`` command in real processes, as a team would.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from ledger.db import open_ledger, reading
from ledger.models import Article, Claim, Source, SourceAlias

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import synthetic  # noqa: E402
from scale import children  # noqa: E402

LEDGER = str(Path(sys.executable).parent / "ledger")


def counts(db: str) -> dict[str, int]:
    engine = open_ledger(db)
    with reading(engine) as session:
        found = {name: session.scalar(select(func.count()).select_from(model))
                 for name, model in (("articles", Article), ("claims", Claim), ("sources", Source),
                                     ("aliases", SourceAlias))}
        found["distinct_sha"] = session.scalar(select(func.count(Article.sha256.distinct())))
        found["distinct_source_names"] = session.scalar(select(func.count(Source.name.distinct())))
        found["bad_spans"] = session.scalar(
            select(func.count()).select_from(Claim).join(Article, Article.id == Claim.article_id)
            .where(func.substr(Article.text, Claim.content_start + 1, Claim.content_end - Claim.content_start)
                   != Claim.content))
    engine.dispose()
    return found


def write_batches(folder: Path, total: int, batches: int, overlap: int) -> list[Path]:
    """JSONL files of synthetic articles; consecutive files share ``overlap`` articles."""
    records = list(synthetic.generate(total, seed=11))
    size = total // batches
    paths = []
    for n in range(batches):
        chunk = records[max(0, n * size - overlap): (n + 1) * size]
        path = folder / f"batch{n}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in chunk), encoding="utf-8")
        paths.append(path)
    return paths


def test_concurrency_parallel_writers_no_duplicates_no_lost_claims(db_url, tmp_path):
    paths = write_batches(tmp_path, total=60, batches=3, overlap=10)
    open_ledger(db_url).dispose()  # the schema exists before the race, as on a team's server
    processes = [subprocess.Popen([LEDGER, "--db", db_url, "ingest", "-q", str(p)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for p in paths + paths[:1]]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in processes]
    assert all(code == 0 for code, _ in results), results
    found = counts(db_url)
    reference = str(tmp_path / "reference.db")
    subprocess.run([LEDGER, "--db", reference, "ingest", "-q", *map(str, paths)], check=True)
    expected = counts(reference)
    assert found["articles"] == found["distinct_sha"] == expected["articles"] == 60
    assert found["claims"] == expected["claims"]
    assert found["sources"] == found["distinct_source_names"]
    assert found["bad_spans"] == 0


def test_concurrency_fresh_database_opened_by_many_at_once(db_url, tmp_path):
    paths = write_batches(tmp_path, total=8, batches=4, overlap=0)
    processes = [subprocess.Popen([LEDGER, "--db", db_url, "ingest", "-q", str(p)], stderr=subprocess.PIPE,
                                  text=True) for p in paths]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in processes]
    assert all(code == 0 for code, _ in results), results
    assert counts(db_url)["articles"] == 8


def test_concurrency_killed_ingest_leaves_a_consistent_ledger(db_url, tmp_path):
    [path] = write_batches(tmp_path, total=400, batches=1, overlap=0)
    open_ledger(db_url).dispose()
    process = subprocess.Popen([LEDGER, "--db", db_url, "ingest", "-q", str(path)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while counts(db_url)["articles"] < 20 and time.monotonic() < deadline:
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    midway = counts(db_url)
    assert 0 < midway["articles"] < 400, "the kill must land midway"
    assert midway["bad_spans"] == 0
    engine = open_ledger(db_url)
    with engine.connect() as connection:  # no article without its claims: each went in whole or not at all
        empty = connection.execute(text("SELECT count(*) FROM article a WHERE NOT EXISTS "
                                        "(SELECT 1 FROM claim c WHERE c.article_id = a.id)")).scalar()
    engine.dispose()
    assert empty == 0
    again = subprocess.run([LEDGER, "--db", db_url, "ingest", str(path)], capture_output=True, text=True,
                           timeout=300)  # a worker of the killed ingest must not keep its transaction alive
    assert again.returncode == 0, again.stderr
    assert f"{400 - midway['articles']} new, {midway['articles']} already present" in again.stderr
    final = counts(db_url)
    reference = str(tmp_path / "reference.db")
    subprocess.run([LEDGER, "--db", reference, "ingest", "-q", str(path)], check=True)
    assert (final["articles"], final["claims"]) == (400, counts(reference)["claims"])
    assert final["distinct_sha"] == 400 and final["bad_spans"] == 0


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="reads child processes from Linux's /proc")
def test_concurrency_killed_ingest_leaves_no_worker_behind(tmp_path):
    """The extraction worker of a killed ingest ends too: left running, it would hold copies of the dead
    writer's database connections (on PostgreSQL, its session and open transaction)."""
    [path] = write_batches(tmp_path, total=400, batches=1, overlap=0)
    db = str(tmp_path / "ledger.db")
    open_ledger(db).dispose()
    process = subprocess.Popen([LEDGER, "--db", db, "ingest", "-q", "--jobs", "1", str(path)])
    deadline = time.monotonic() + 60
    while not (workers := children(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers, "the ingest started no worker process"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"
