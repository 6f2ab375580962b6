"""Per study article, the figures (and claims) the ledger reads that the gold lacks, and the gold ones it misses
(a development script, not a test; the corpora are read where they lie at run time, nothing is copied).

    python3 bench/figure_diff.py [--ledger .venv/bin/ledger] [--claims] [CORPUS_DIR ...]

Figures are compared as ``../shared/eval/score.py`` compares them: per article, multisets of (metric, low,
high). Each EXTRA line is a predicted figure with its claim (kind, speaker, content); each MISS line a gold
figure with its gold claim; line them up by article to classify them by construction (metric, bounds,
coordination, a claim not found at all). With ``--claims``, XCLAIM / MCLAIM lines list the predicted claims
no gold claim matches and the gold claims none matches, as the scorer pairs them (token overlap >= 0.5).
Without corpus folders: the study corpora (``corpus/*`` and the ``corpus-wide`` folders without CHECK).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))

from score import Corpus, article_key, overlap_f, tokens  # noqa: E402


def study_corpora() -> list[Path]:
    """``corpus/*`` and the ``corpus-wide`` folders that carry no CHECK file."""
    wide = [d for d in sorted((SHARED / "corpus-wide").glob("*/")) if not (d / "CHECK").exists()]
    return sorted((SHARED / "corpus").glob("*/")) + wide


def exported(ledger: str, corpora: list[Corpus]) -> list[dict]:
    """The claims the ledger exports after ingesting every article of ``corpora`` into a fresh database."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "diff.db")
        subprocess.run([ledger, "--db", db, "ingest", *(str(p) for c in corpora for p in c.articles)],
                       capture_output=True)
        out = subprocess.run([ledger, "--db", db, "export", "claims", "--format", "jsonl"],
                             capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _key(figure: dict) -> tuple:
    return figure.get("metric"), figure.get("low"), figure.get("high")


def figure_lines(gold: list[dict], pred: list[dict]) -> list[str]:
    """EXTRA and MISS lines of one article."""
    gf = [(f, g) for g in gold for f in g.get("figures", [])]
    pf = [(f, p) for p in pred for f in p.get("figures", [])]
    extra = Counter(_key(f) for f, _ in pf) - Counter(_key(f) for f, _ in gf)
    missing = Counter(_key(f) for f, _ in gf) - Counter(_key(f) for f, _ in pf)
    lines = []
    for f, p in pf:
        if extra[_key(f)] > 0:
            extra[_key(f)] -= 1
            lines.append(f"  EXTRA {_key(f)} pop={f.get('population')} text={f.get('text')!r} | {p.get('kind')} "
                         f"{(p.get('source') or {}).get('name')!r}: {p['content'][:110]!r}")
    for f, g in gf:
        if missing[_key(f)] > 0:
            missing[_key(f)] -= 1
            lines.append(f"  MISS  {_key(f)} pop={f.get('population')} text={f.get('text')!r} | {g.get('kind')} "
                         f"{g['speaker']!r}: {g['content'][:110]!r}")
    return lines


def claim_lines(gold: list[dict], pred: list[dict]) -> list[str]:
    """XCLAIM and MCLAIM lines of one article, pairing claims greedily by token overlap as the scorer does."""
    pairs = sorted(((overlap_f(tokens(g["content"]), tokens(p.get("content"))), gi, pi)
                    for gi, g in enumerate(gold) for pi, p in enumerate(pred)), reverse=True)
    used_g, used_p = set(), set()
    for f, gi, pi in pairs:
        if f < 0.5:
            break
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    lines = [f"  XCLAIM {p.get('kind')} {(p.get('source') or {}).get('name')!r} cue={p.get('cue')!r}: "
             f"{p['content'][:140]!r}" for pi, p in enumerate(pred) if pi not in used_p]
    lines += [f"  MCLAIM {g.get('kind')} {g['speaker']!r} cue={g.get('cue')!r}: {g['content'][:140]!r}"
              for gi, g in enumerate(gold) if gi not in used_g]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--ledger", default=str(Path(__file__).resolve().parents[1] / ".venv" / "bin" / "ledger"))
    ap.add_argument("--claims", action="store_true", help="also list unmatched claims")
    args = ap.parse_args()
    corpora = [Corpus(d) for d in (args.corpora or study_corpora())]
    if any(c.check for c in corpora):
        sys.exit("CHECK corpora are for measuring: their misses are not listed")
    stems = {s for c in corpora for s in c.gold}
    urls = {s: u for c in corpora for s, u in c.urls.items()}
    by_article: dict[str, list[dict]] = defaultdict(list)
    for claim in exported(args.ledger, corpora):
        stem = article_key(claim, stems, urls)
        if stem is not None:
            by_article[stem].append(claim)
    gold = {s: c.gold[s] for c in corpora for s in c.gold}
    for stem in sorted(stems):
        lines = figure_lines(gold[stem], by_article.get(stem, []))
        if args.claims:
            lines += claim_lines(gold[stem], by_article.get(stem, []))
        if lines:
            print(stem, *lines, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
