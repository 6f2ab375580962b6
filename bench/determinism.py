"""Does the same corpus give the same ledger in any order, in one run or two, on SQLite and PostgreSQL?

    python bench/determinism.py [--synthetic 40] [--corpus FOLDER ...] [--pg | --pg-url URL] [--seed 1]

The corpus is the bundled ``examples/``, ``--synthetic N`` articles from ``bench/synthetic.py`` (one JSON
file each, seeded) and every article file under each ``--corpus`` folder. Each variant ingests it with the
real ``ledger`` command into a fresh database: in name order, in two shuffled orders and reversed, in name
order split over two runs (two processes, as after a run was killed and re-run), and, with ``--pg`` (a
throwaway server from ``tests/pgserver.py``) or ``--pg-url`` (an admin URL; a database is created for each
variant), the same on PostgreSQL. Each ledger is read back with ``export claims --format jsonl`` and
``conflicts --format json`` and reduced by ``ledger.fingerprint`` (row ids replaced by what they stand for:
the only part that may differ), then checksummed (sha256). Prints a Markdown table; exits 1 when a checksum
differs from the first variant's, naming the first differing claim or conflict.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
import synthetic  # noqa: E402

from ledger.fingerprint import checksum, normalised  # noqa: E402

LEDGER = str(Path(sys.executable).parent / "ledger")
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"}


def corpus(folder: Path, synthetic_count: int, extra: list[Path], seed: int) -> list[Path]:
    """The articles' files, in name order: the examples, the synthetic ones written to ``folder``, and
    those under each extra folder."""
    files = sorted((ROOT / "examples").iterdir())
    for n, record in enumerate(synthetic.generate(synthetic_count, seed=seed)):
        path = folder / f"synthetic-{n:05d}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        files.append(path)
    for root in extra:
        files += sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
    return files


def ledger(db: str, *args: str) -> str:
    done = subprocess.run([LEDGER, "--db", db, *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: an input was refused (the same in every variant)
        raise SystemExit(f"ledger {' '.join(args[:2])} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return done.stdout


def ingest_and_read(db: str, runs: list[list[Path]]) -> dict:
    started = time.perf_counter()
    for files in runs:
        ledger(db, "ingest", *map(str, files))
    claims = [json.loads(line) for line in ledger(db, "export", "claims", "--format", "jsonl").splitlines() if line]
    conflicts = json.loads(ledger(db, "conflicts", "--format", "json"))
    shape = normalised(claims, conflicts)
    return {"claims": len(claims), "conflicts": len(conflicts), "claims_sha": checksum(shape["claims"]),
            "conflicts_sha": checksum(shape["conflicts"]), "shape": shape,
            "seconds": time.perf_counter() - started}


def variants(files: list[Path], seed: int) -> list[tuple[str, str, list[list[Path]]]]:
    """(order, runs, the files of each run) of every variant."""
    shuffled = [files[:] for _ in range(2)]
    for n, order in enumerate(shuffled):
        random.Random(seed + n).shuffle(order)
    half = len(files) // 2
    return [("name order", "1", [files]), (f"shuffled (seed {seed})", "1", [shuffled[0]]),
            (f"shuffled (seed {seed + 1})", "1", [shuffled[1]]), ("reversed", "1", [files[::-1]]),
            ("name order", "2", [files[:half], files[half:]])]


class Databases:
    """Fresh databases: SQLite files in a folder, PostgreSQL databases on an admin URL."""

    def __init__(self, folder: Path, pg_admin: str | None):
        self.folder, self.pg_admin, self.count = folder, pg_admin, 0

    def fresh(self, engine: str) -> str:
        self.count += 1
        if engine == "sqlite":
            return str(self.folder / f"determinism-{self.count}.db")
        from sqlalchemy import create_engine, text

        name = f"determinism_{self.count}_{time.monotonic_ns()}"
        admin = create_engine(self.pg_admin, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        return self.pg_admin.rsplit("/", 1)[0] + f"/{name}"


def first_difference(a: dict, b: dict) -> str:
    for part in ("claims", "conflicts"):
        for x, y in zip(a[part], b[part]):
            if x != y:
                keys = [k for k in sorted(set(x) | set(y)) if x.get(k) != y.get(k)] if isinstance(x, dict) else []
                shown = "".join(f"\n   {k}: {json.dumps(x.get(k))[:400]}\n     vs {json.dumps(y.get(k))[:400]}"
                                for k in keys)
                return f"{part[:-1]} {json.dumps(x.get('id') if isinstance(x, dict) else x)[:120]} differs in" + shown
        if len(a[part]) != len(b[part]):
            return f"{part}: {len(a[part])} vs {len(b[part])}"
    return "none"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=40, help="synthetic articles to add (default 40)")
    parser.add_argument("--corpus", type=Path, nargs="*", default=[], help="more folders of articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", action="store_true", help="also PostgreSQL, on a throwaway server")
    parser.add_argument("--pg-url", help="also PostgreSQL, on this server (an admin URL)")
    args = parser.parse_args()

    import pgserver

    with tempfile.TemporaryDirectory(prefix="ledger-determinism-") as tmp:
        folder = Path(tmp)
        files = corpus(folder, args.synthetic, args.corpus, args.seed)
        pg_url, server = args.pg_url, None
        if args.pg and not pg_url:
            pg_url, server = pgserver.start()  # its own folder: the server's user cannot enter ours
            pgserver.wait_ready(pg_url)
        try:
            engines = ["sqlite"] + (["postgresql"] if pg_url else [])
            databases = Databases(folder, pg_url)
            rows = []
            for engine in engines:
                for order, runs, parts in variants(files, args.seed):
                    if engine == "postgresql" and order.startswith("shuffled") and order.endswith(f"{args.seed + 1})"):
                        continue  # the engines are compared on the other orders; keeps the PostgreSQL half short
                    found = ingest_and_read(databases.fresh(engine), parts)
                    rows.append((engine, order, runs, found))
                    print(f"{engine:10} {order:22} runs {runs}: {found['claims_sha'][:12]} "
                          f"{found['conflicts_sha'][:12]} ({found['seconds']:.1f} s)", file=sys.stderr)
        finally:
            if server is not None:
                pgserver.stop(server)
    reference = rows[0][3]
    print(f"corpus: {len(files)} files (examples, {args.synthetic} synthetic"
          f"{', ' + ', '.join(map(str, args.corpus)) if args.corpus else ''})\n")
    print("| engine | order | runs | claims | conflicts | sha256 of export claims | sha256 of conflicts | same |")
    print("|---|---|---|---|---|---|---|---|")
    failed = False
    for engine, order, runs, found in rows:
        same = (found["claims_sha"], found["conflicts_sha"]) == (reference["claims_sha"], reference["conflicts_sha"])
        failed |= not same
        print(f"| {engine} | {order} | {runs} | {found['claims']} | {found['conflicts']} | "
              f"{found['claims_sha'][:16]} | {found['conflicts_sha'][:16]} | {'yes' if same else 'NO'} |")
    if not args.pg and not args.pg_url:
        print("\nPostgreSQL not compared (give --pg or --pg-url).")
    if failed:
        different = next(found for *_, found in rows if found["claims_sha"] != reference["claims_sha"]
                         or found["conflicts_sha"] != reference["conflicts_sha"])
        print(f"\nMISMATCH; first difference:\n{first_difference(reference['shape'], different['shape'])}")
        sys.exit(1)
    print("\nevery variant gives the same ledger")


if __name__ == "__main__":
    main()
