"""How fast the ledger reads: extraction alone, and the whole ingest into SQLite, in articles/s and words/s.

    python bench/ingest_speed.py [--polnear ../shared/eval/polnear/dev.jsonl] [--synthetic 500] [--runs 5]

Corpora: PolNeAR dev (real US political news, ~800 words an article; read at run time, nothing copied) and a
synthetic set from ``bench/synthetic.py``. Each figure is the median of ``--runs`` runs on one core (one
process extracting and storing in turn, ``--jobs 0``), into a fresh SQLite file each time. Prints a
Markdown table; with ``--fail-below`` it also exits 1 when an ingest median falls below that many
articles/s (CI's guard against a slowdown).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

from ledger.db import open_ledger  # noqa: E402
from ledger.ingest.readers import read_inputs  # noqa: E402
from ledger.ingest.run import ingest, prepare  # noqa: E402


def polnear_records(path: Path) -> list[dict]:
    return [{"url": f"polnear:{r['id']}", "title": r["id"], "text": r["text"]}
            for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r.get("text")]


def time_extraction(articles) -> float:
    started = time.perf_counter()
    for article in articles:
        prepare(article)
    return time.perf_counter() - started


def time_ingest(jsonl: Path) -> float:
    with tempfile.TemporaryDirectory() as folder:
        engine = open_ledger(str(Path(folder) / "bench.db"))  # schema creation is not timed
        started = time.perf_counter()
        report = ingest(engine, [str(jsonl)], jobs=0)
        elapsed = time.perf_counter() - started
        engine.dispose()
    if report.failed:
        raise SystemExit(f"ingest failed: {report.problems[:3]}")
    return elapsed


def measure(name: str, records: list[dict], runs: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / f"{name}.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        articles = [a for a in read_inputs([str(jsonl)])]
        prepare(articles[0])  # lexicons and lazy imports load once, outside the timing
        extraction = statistics.median(time_extraction(articles) for _ in range(runs))
        whole = statistics.median(time_ingest(jsonl) for _ in range(runs))
    words = sum(len(r["text"].split()) for r in records)
    return {"corpus": name, "articles": len(records), "words/article": round(words / len(records)),
            "extract articles/s": round(len(records) / extraction), "extract words/s": round(words / extraction),
            "ingest articles/s": round(len(records) / whole), "ingest words/s": round(words / whole),
            "ms/article (ingest)": round(1000 * whole / len(records), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval" /
                        "polnear" / "dev.jsonl")
    parser.add_argument("--synthetic", type=int, default=500, help="number of synthetic articles")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--fail-below", type=float, default=None, metavar="ARTICLES_PER_S",
                        help="exit 1 when an ingest median is below this (CI uses a guard well under the target, "
                             "since machines differ: it catches a lost order of magnitude, not noise)")
    args = parser.parse_args()
    rows = []
    if args.polnear.exists():
        rows.append(measure("PolNeAR dev", polnear_records(args.polnear), args.runs))
    rows.append(measure("synthetic", list(synthetic.generate(args.synthetic)), args.runs))
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row[k]) for k in keys) + " |")
    slow = [row["corpus"] for row in rows if args.fail_below and row["ingest articles/s"] < args.fail_below]
    if slow:
        raise SystemExit(f"ingest below {args.fail_below:g} articles/s on: {', '.join(slow)}")


if __name__ == "__main__":
    main()
