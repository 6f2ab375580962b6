"""How the ledger's cost grows: ingest speed, memory, database size and conflict-report time at scale.

    python bench/scale.py --sizes 1000 10000 100000 --runs 3 [--pg] [--out bench/results/scale.md]

For each size N it generates N synthetic articles (``bench/synthetic.py``: invented names, seeded) as one
JSONL file and measures, as medians of ``--runs`` runs where a run is cheap enough to repeat:

- ingest articles/s with ``--jobs 1`` and ``--jobs 2`` (``--jobs`` to choose; 0 is one process extracting
  and storing in turn), into SQLite (and PostgreSQL with ``--pg``, using a throwaway server from
  ``tests/pgserver.py``), each into a fresh database, timing the real ``ledger`` command in a child process;
- peak memory of that command and its worker processes together (see ``run_ledger``);
- database size per article (SQLite file after ingest);
- ``ledger conflicts --event ID --format json`` for the busiest event, and ``ledger conflicts --format
  json`` for the whole ledger: the command's own time (in a fresh process, from after the imports to its
  last output), and for one event also the whole process as a user starts it, next to the bare start-up
  (``ledger --version``).

Large sizes are measured once (``--runs`` applies to sizes up to ``--repeat-below``). Prints a Markdown table
and writes it to ``--out``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
import synthetic  # noqa: E402

LEDGER = str(Path(sys.executable).parent / "ledger")
TIME = "/usr/bin/time"  # GNU time (Debian's package "time"), for each command's own peak memory


def run_ledger(args: list[str], keep_output: bool = True) -> tuple[float, int, str]:
    """Seconds, peak memory (MB) and stdout of one ledger command in a fresh child process.

    The peak is the larger of two readings: GNU time's (``/usr/bin/time -f %M``), the largest resident set
    any one process of the command reached, exact but blind to the sum when worker processes run beside
    the writer; and the largest sum of the resident sets of the command and all its workers, sampled every
    0.5 s from /proc (what the machine must have for them all at once). Not from this script's own
    ``wait4``: Linux carries a process's peak across fork and exec, so a child of this (large) script
    would start with the script's peak. Output that is not kept goes to /dev/null, so that this script
    stays small.
    """
    with tempfile.NamedTemporaryFile() as peak, tempfile.TemporaryFile() as out, \
            tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen([TIME, "-f", "%M", "-o", peak.name, LEDGER, *args],
                                   stdout=out if keep_output else subprocess.DEVNULL, stderr=errors)
        tree_peak = 0
        while True:
            tree_peak = max(tree_peak, tree_rss_kb(process.pid))
            try:
                process.wait(timeout=0.5)  # returns as soon as the command ends: the timing stays exact
                break
            except subprocess.TimeoutExpired:
                continue
        elapsed = time.perf_counter() - started
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"ledger {' '.join(args)} failed: {errors.read()[-1000:].decode(errors='replace')}")
        kilobytes = max(int(Path(peak.name).read_text().split()[-1]), tree_peak)
        out.seek(0)
        return elapsed, kilobytes // 1024, out.read().decode() if keep_output else ""


def tree_rss_kb(root: int) -> int:
    """The resident sets (kB) of the descendants of ``root`` (GNU time's child, ledger, and its workers),
    summed; a process that ends while being read counts as nothing."""
    total, todo = 0, children(root)
    while todo:
        pid = todo.pop()
        todo += children(pid)
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (of any of its threads)."""
    try:
        return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                for child in (task / "children").read_text().split()]
    except (OSError, ValueError):
        return []


def fresh_database(kind: str, folder: Path, pg_admin: str | None, n: int) -> str:
    if kind == "sqlite":
        path = folder / f"scale{n}-{time.monotonic_ns()}.db"
        return str(path)
    from sqlalchemy import create_engine, text

    name = f"scale_{n}_{time.monotonic_ns()}"
    admin = create_engine(pg_admin, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return pg_admin.rsplit("/", 1)[0] + f"/{name}"


def prepare_db(db: str) -> None:
    run_ledger(["--db", db, "db", "upgrade"])  # schema creation is not part of the ingest timing


def measure_ingest(jsonl: Path, n: int, kind: str, jobs: int, runs: int, folder: Path, pg: str | None) -> dict:
    speeds, peaks, sizes, dbs = [], [], [], []
    for _ in range(runs):
        db = fresh_database(kind, folder, pg, n)
        prepare_db(db)
        seconds, peak, _ = run_ledger(["--db", db, "ingest", "-q", "--jobs", str(jobs), str(jsonl)], False)
        speeds.append(n / seconds)
        peaks.append(peak)
        if kind == "sqlite":
            sizes.append(Path(db).stat().st_size / n)
        dbs.append(db)
    return {"speed": statistics.median(speeds), "peak_mb": max(peaks),
            "bytes_per_article": statistics.median(sizes) if sizes else None, "db": dbs[-1]}


# Runs one ledger command inside a fresh Python process and prints how long the command itself took, once
# the program is loaded: the imports and typer's own lazy set-up are paid by `ledger db current` first.
_IN_PROCESS = """
import contextlib, io, sys, time
from cli import app

def run(args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            app(args, standalone_mode=False)
        except SystemExit as exc:
            if exc.code:
                raise
    return out.getvalue()

run(sys.argv[1:3] + ["db", "current"])
started = time.perf_counter()
output = run(sys.argv[1:])
print(time.perf_counter() - started, len(output), file=sys.stderr)
"""


def command_seconds(args: list[str]) -> float:
    """Seconds one ledger command takes once the program is loaded (see ``_IN_PROCESS``)."""
    done = subprocess.run([sys.executable, "-c", _IN_PROCESS, *args], capture_output=True, text=True,
                          cwd=HERE.parent)
    if done.returncode != 0:
        raise SystemExit(f"ledger {' '.join(args)} failed: {done.stderr[-1000:]}")
    return float(done.stderr.split()[-2])


def measure_conflicts(db: str, runs: int) -> dict:
    events = json.loads(run_ledger(["--db", db, "events", "--format", "json"])[2])
    busiest = max(events, key=lambda e: e["claims"])["id"]
    run_ledger(["--db", db, "conflicts", "--format", "json"], False)  # reconciles what is stale, once
    one = ["--db", db, "conflicts", "--event", str(busiest), "--format", "json"]
    everything = ["--db", db, "conflicts", "--format", "json"]
    return {"events": len(events),
            "one_event_s": statistics.median(command_seconds(one) for _ in range(runs)),
            "all_s": statistics.median(command_seconds(everything) for _ in range(runs)),
            "all_peak_mb": run_ledger(everything, False)[1],
            "one_event_process_s": statistics.median(run_ledger(one, False)[0] for _ in range(runs)),
            "startup_s": statistics.median(run_ledger(["--version"])[0] for _ in range(runs))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat-below", type=int, default=20000)
    parser.add_argument("--pg", action="store_true", help="also measure PostgreSQL (throwaway server)")
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only (with --pg)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--out", type=Path, default=HERE / "results" / "scale.md")
    args = parser.parse_args()
    pg_url = pg_folder = None
    if args.pg:
        import pgserver

        pg_url, pg_folder = pgserver.start()
        pgserver.wait_ready(pg_url)
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            os.chmod(folder, 0o755)
            for n in args.sizes:
                jsonl = folder / f"articles{n}.jsonl"
                synthetic.write_jsonl(jsonl, n)
                runs = args.runs if n <= args.repeat_below else 1
                for kind in ([] if args.no_sqlite else ["sqlite"]) + (["postgresql"] if args.pg else []):
                    for jobs in args.jobs:
                        found = measure_ingest(jsonl, n, kind, jobs, runs, folder, pg_url)
                        row = {"articles": n, "db": kind, "jobs": jobs, "runs": runs,
                               "ingest articles/s": round(found["speed"]), "peak MB": found["peak_mb"],
                               "bytes/article": round(found["bytes_per_article"]) if found["bytes_per_article"]
                               else "-"}
                        if jobs == args.jobs[0]:
                            c = measure_conflicts(found["db"], runs)
                            row.update({"events": c["events"], "conflicts 1 event s": round(c["one_event_s"], 3),
                                        "conflicts all s": round(c["all_s"], 2),
                                        "conflicts all peak MB": c["all_peak_mb"],
                                        "1 event, whole process s": round(c["one_event_process_s"], 2),
                                        "CLI start s": round(c["startup_s"], 2)})
                        rows.append(row)
                        print(json.dumps(row), file=sys.stderr, flush=True)
    finally:
        if pg_folder is not None:
            import pgserver

            pgserver.stop(pg_folder)
    keys = ["articles", "db", "jobs", "runs", "ingest articles/s", "peak MB", "bytes/article", "events",
            "conflicts 1 event s", "conflicts all s", "conflicts all peak MB", "1 event, whole process s",
            "CLI start s"]
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
             f"{platform.platform()}", "", "| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r.get(k, "")) for k in keys) + " |" for r in rows]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
