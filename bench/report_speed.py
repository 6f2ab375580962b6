"""What an analyst waits for on a large ledger: the default ``conflicts`` table and the HTML report.

    python bench/report_speed.py --sizes 3000 30000 --runs 3 [--out bench/results/report_speed.md]

For each size N it ingests N synthetic articles (``bench/synthetic.py``: invented names, seeded) into a fresh
SQLite ledger, then times, as medians of ``--runs`` runs (sizes above ``--repeat-below`` once), each command
in a fresh process as a user starts it, output to a file:

- ``ledger conflicts`` (the default table) and, for comparison, ``ledger conflicts --format json``;
- ``ledger report --split --out DIR`` (an index page and one page per event), with the size of the index
  and of the largest event page;
- how long a browser takes to open the index and the largest event page (chromium through playwright, from
  navigation to the load event), when both are installed.

Prints a Markdown table and writes it to ``--out``. With ``--work DIR`` the articles and ledgers are kept
in DIR and a ledger already there is timed again without being built anew (build the large ledgers while the
machine is busy with ``--build-only``, time the commands when it is quiet).
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synthetic  # noqa: E402

LEDGER = str(Path(sys.executable).parent / "ledger")
CHROMIUM = os.environ.get("LEDGER_CHROMIUM", "/usr/bin/chromium")


def seconds(args: list[str], out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one ledger command, its stdout written to ``out``. On a
    shared machine the wall clock grows with everyone else's load; the CPU time much less."""
    with open(out, "wb") as sink:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([LEDGER, *args], stdout=sink, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"ledger {' '.join(args)} failed: {done.stderr.decode(errors='replace')[-800:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median(args: list[str], out: Path, runs: int) -> tuple[float, float]:
    timings = [seconds(args, out) for _ in range(runs)]
    return statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings)


def browser_seconds(pages: list[Path], runs: int) -> list[float | None]:
    """Median seconds from navigation to the load event for each page, or None without a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return [None] * len(pages)
    if not Path(CHROMIUM).exists():
        return [None] * len(pages)
    found = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            for page_file in pages:
                times = []
                for _ in range(runs):
                    tab = browser.new_page()
                    started = time.perf_counter()
                    tab.goto(page_file.as_uri(), wait_until="load", timeout=300_000)
                    times.append(time.perf_counter() - started)
                    tab.close()
                found.append(statistics.median(times))
        finally:
            browser.close()
    return found


def measure(n: int, runs: int, folder: Path, build_only: bool = False) -> dict:
    jsonl, db = folder / f"articles-{n}.jsonl", str(folder / f"ledger-{n}.db")
    if Path(db).exists():
        ingest = None
    else:
        synthetic.write_jsonl(jsonl, n)
        ingest = seconds(["--db", db, "ingest", "--quiet", "--jobs", "2", str(jsonl)], folder / "ingest.out")[0]
    if build_only:
        return {"n": n, "ingest": ingest}
    seconds(["--db", db, "conflicts", "--format", "json"], folder / "warm.out")  # stale events reconciled
    table = median(["--db", db, "conflicts"], folder / "conflicts.txt", runs)
    json_time = median(["--db", db, "conflicts", "--format", "json"], folder / "conflicts.json", runs)
    pages = folder / f"report-{n}"
    report = median(["--db", db, "report", "--split", "--out", str(pages)], folder / "report.out", runs)
    index = pages / "index.html"
    largest = max((p for p in pages.glob("event-*.html")), key=lambda p: p.stat().st_size)
    opened = browser_seconds([index, largest], runs)
    return {"n": n, "events": len(list(pages.glob("event-*.html"))), "ingest": ingest, "table": table,
            "json": json_time, "table_mb": (folder / "conflicts.txt").stat().st_size / 1e6, "report": report,
            "index_kb": index.stat().st_size / 1e3, "page_kb": largest.stat().st_size / 1e3,
            "open_index": opened[0], "open_page": opened[1]}


def markdown(rows: list[dict], runs: int) -> str:
    def s(value):
        if isinstance(value, tuple):  # wall clock (CPU)
            return f"{value[0]:.2f} s ({value[1]:.2f} s CPU)"
        return "n/a" if value is None else f"{value:.2f} s"

    lines = [f"Medians of {runs} runs (sizes above --repeat-below: one run); {platform.node()}, "
             f"{os.cpu_count()} cores, Python {platform.python_version()}, load average at the end "
             f"{os.getloadavg()[0]:.1f}. Wall clock, and in brackets the command's CPU time (user + system).", "",
             "| articles | events | `conflicts` (table) | `conflicts --format json` | `report --split` | index page "
             "| largest event page | browser opens index | browser opens event page |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['events']:,} | {s(r['table'])} ({r['table_mb']:.0f} MB) | {s(r['json'])} "
                     f"| {s(r['report'])} | {r['index_kb']:.0f} kB | {r['page_kb']:.0f} kB | {s(r['open_index'])} "
                     f"| {s(r['open_page'])} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repeat-below", type=int, default=10_000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--work", type=Path, help="keep articles and ledgers here; reuse a ledger found here")
    parser.add_argument("--build-only", action="store_true", help="with --work: build the ledgers, time nothing")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.work or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            rows.append(measure(n, args.runs if n <= args.repeat_below else 1, folder, args.build_only))
            print(f"{n}: {rows[-1]}", file=sys.stderr, flush=True)
    if args.build_only:
        return
    table = markdown(rows, args.runs)
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
