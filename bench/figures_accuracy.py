"""Figure grammar: accuracy on the gold corpora and speed on PolNeAR articles (a development script, not a test).

    .venv/bin/python bench/figures_accuracy.py [CORPUS_DIR ...] [--notes] [--polnear FILE] [--repeat N]

Accuracy: for each gold claim, ``find_figures`` runs over the claim's content inside its article (so the rest
of the sentence is context, as in the pipeline) and its figures are compared with the gold ones on
(metric, low, high) as multisets: precision, recall and F1 per corpus and overall. Population accuracy is
over matched figures, with populations normalised as the project scorer normalises them. ``find_no_figure``
records are counted apart (the gold has no such figures). ``--notes`` lists every miss and extra.

Speed: ``find_figures`` over each PolNeAR article text (default ../shared/eval/polnear/dev.jsonl, field
"text"), best of ``--repeat`` runs per article; prints the median and 90th percentile ms per article.

The corpora are read where they lie at run time; nothing is copied.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ledger.reading.figures.figures import find_figures, find_no_figure  # noqa: E402
from ledger.text.phrases import lowered  # noqa: E402

SHARED = ROOT.parent / "shared"


def norm_population(name: str | None) -> str:
    """As the project scorer compares populations: lowercase, punctuation and a leading article dropped."""
    name = (name or "").lower().replace("\u2019", "'")
    name = re.sub(r"[^\w\s']", " ", name)
    name = re.sub(r"^(the|a|an)\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).strip()


def claim_range(article: str, content: str) -> tuple[str, int, int]:
    """The claim's content located in its article; the content alone when it is not found verbatim."""
    at = article.find(content)
    return (article, at, at + len(content)) if at >= 0 else (content, 0, len(content))


class Tally:
    """Counts for one corpus (or all): true positives, predicted, gold, populations right, no-figures."""

    def __init__(self) -> None:
        self.tp = self.pred = self.gold = self.pop_ok = self.no_figure = 0

    def add(self, other: "Tally") -> None:
        for key in vars(self):
            setattr(self, key, getattr(self, key) + getattr(other, key))

    def line(self, name: str) -> str:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        pop = self.pop_ok / self.tp if self.tp else 0.0
        return (f"{name:28} gold {self.gold:3}  pred {self.pred:3}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
                f"population {pop:.3f}  no-figure records {self.no_figure}")


def score_claim(text: str, start: int, end: int, gold: list[dict], notes: list[str], where: str) -> Tally:
    tally = Tally()
    predicted = find_figures(text, start, end)
    silent = find_no_figure(text, start, end)
    tally.no_figure = len(silent)
    notes += [f"{where}: NO FIGURE {f.metric} {f.span.text!r}" for f in silent]
    g = Counter((f["metric"], f["low"], f["high"]) for f in gold)
    p = Counter((f.metric, f.low, f.high) for f in predicted)
    gp = Counter((f["metric"], f["low"], f["high"], norm_population(f.get("population"))) for f in gold)
    pp = Counter((f.metric, f.low, f.high, norm_population(f.population)) for f in predicted)
    tally.tp, tally.pred, tally.gold = sum((g & p).values()), sum(p.values()), sum(g.values())
    tally.pop_ok = sum((gp & pp).values())
    for key in (g - p):
        notes.append(f"{where}: MISSED {key} in {text[start:end][:90]!r}")
    for key in (p - g):
        notes.append(f"{where}: EXTRA {key} in {text[start:end][:90]!r}")
    for key in gp - pp:
        if key[:3] in g & p:
            notes.append(f"{where}: POPULATION gold {key[3]!r} for {key[:3]}, predicted "
                         f"{[f.population for f in predicted if (f.metric, f.low, f.high) == key[:3]]}")
    return tally


def score_corpus(folder: Path, notes: list[str]) -> Tally:
    tally = Tally()
    for gold_path in sorted(folder.glob("*.gold.json")):
        article = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        for claim in json.loads(gold_path.read_text(encoding="utf-8"))["claims"]:
            text, start, end = claim_range(article, claim["content"])
            tally.add(score_claim(text, start, end, claim.get("figures", []), notes, gold_path.stem))
    return tally


def time_polnear(path: Path, repeat: int) -> None:
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for text in texts:  # warm up: lexicons loaded and patterns compiled once
        find_figures(text)
    per_article, per_article_both = [], []
    for text in texts:
        best = best_both = float("inf")
        for _ in range(repeat):
            lowered.cache_clear()  # time the first call on an article, as ingest makes it
            t0 = time.perf_counter()
            find_figures(text)
            t1 = time.perf_counter()
            find_no_figure(text)
            t2 = time.perf_counter()
            best, best_both = min(best, t1 - t0), min(best_both, t2 - t0)
        per_article.append(best * 1000)
        per_article_both.append(best_both * 1000)
    words = statistics.median(len(t.split()) for t in texts)
    q = statistics.quantiles(per_article, n=10)
    print(f"\nPolNeAR: {len(texts)} articles, median {words:.0f} words")
    print(f"find_figures                 median {statistics.median(per_article):.3f} ms/article  "
          f"p90 {q[-1]:.3f} ms  max {max(per_article):.3f} ms")
    print(f"find_figures + find_no_figure median {statistics.median(per_article_both):.3f} ms/article")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path, help="gold corpus folders (default ../shared/corpus/*/)")
    ap.add_argument("--notes", action="store_true", help="list every miss, extra and population error")
    ap.add_argument("--polnear", type=Path, default=SHARED / "eval" / "polnear" / "dev.jsonl")
    ap.add_argument("--repeat", type=int, default=5, help="runs per article; the best counts")
    args = ap.parse_args()
    corpora = args.corpora or sorted(p for p in (SHARED / "corpus").glob("*/") if p.is_dir())
    notes: list[str] = []
    total = Tally()
    for folder in corpora:
        tally = score_corpus(folder, notes)
        print(tally.line(folder.name))
        total.add(tally)
    print(total.line("overall"))
    if args.notes:
        print("\n".join(["", *notes]) if notes else "\nno misses")
    if args.polnear.exists():
        time_polnear(args.polnear, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
