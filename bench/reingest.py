"""How long re-ingesting articles the ledger already holds takes (all "already present").

    python bench/reingest.py [--articles 3000] [--runs 3] [--jobs 1]

Synthetic articles (``bench/synthetic.py``) are ingested once into a fresh SQLite file; then the same file is
ingested again ``--runs`` times with the real ``ledger`` command (start-up included) and the median printed.
An article whose text is known (its sha256) is not extracted again, so a re-run costs the reading and one
lookup per few hundred articles.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

LEDGER = str(Path(sys.executable).parent / "ledger")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        jsonl, db = Path(folder, "articles.jsonl"), str(Path(folder, "ledger.db"))
        synthetic.write_jsonl(jsonl, args.articles)
        command = [LEDGER, "--db", db, "ingest", "--quiet", "--jobs", str(args.jobs), str(jsonl)]
        subprocess.run(command, check=True)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(command, check=True)
            times.append(time.perf_counter() - started)
    print(f"re-ingest of {args.articles} known articles, --jobs {args.jobs}: median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
