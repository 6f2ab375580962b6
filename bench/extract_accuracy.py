#!/usr/bin/env python3
"""Accuracy and speed of ``extract()`` on the shared gold data, without the database or the CLI.

    .venv/bin/python bench/extract_accuracy.py [--shared ../shared] [--notes] [--polnear-notes N]

* ../shared/corpus/*/: the claims are shaped like ``ledger export claims`` lines and scored by
  ``score()`` from ../shared/eval/score.py (imported at run time, nothing copied): claims P/R/F1, speaker and
  kind accuracy, figures P/R/F1.
* ../shared/eval/polnear/dev.jsonl: predictions built exactly as polnear.py builds them (outlet claims
  skipped, speaker = mention text or source name) and scored by quote_score.score(): (a) exact, (b)
  overlap>=50%, (c) overlap + speaker, recall by kind.
* speed: median ms of ``extract()`` per PolNeAR article, articles/s and words/s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ledger.reading.stages import EXTRACTOR_VERSION, extract  # noqa: E402


def body_of(path: Path) -> str:
    """The article body: the text after the YAML front matter, as the store keeps it."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end >= 0:
            text = text[text.find("\n", end + 1) + 1:]
    return text.strip("\n")


def contract_claims(path: Path, header: dict, start_id: int) -> list[dict]:
    """``extract()`` on one article, as export-contract claim dicts."""
    text = body_of(path)
    out = []
    for n, c in enumerate(extract(text, outlet=header.get("outlet"), title=header.get("title"))):
        out.append({
            "id": start_id + n,
            "article": {"path": str(path), "url": header.get("url")},
            "source": {"name": c.speaker.name, "type": c.speaker.type},
            "mention": c.speaker.mention.text if c.speaker.mention else None,
            "kind": c.kind, "cue": c.cue.text if c.cue else None,
            "content": c.content.text, "start": c.content.start, "end": c.content.end,
            "figures": [{"metric": f.metric, "population": f.population, "low": f.low, "high": f.high,
                         "qualifier": f.qualifier, "text": f.span.text, "start": f.span.start, "end": f.span.end}
                        for f in c.figures if not f.no_figure],
            "event": {"id": None},
        })
    return out


def corpus_scores(shared: Path, notes: bool) -> None:
    sys.path.insert(0, str(shared / "eval"))
    import score  # noqa: PLC0415 - the shared scorer, imported where it lives

    corpora = [score.Corpus(p) for p in sorted((shared / "corpus").iterdir()) if p.is_dir()]
    claims: list[dict] = []
    for corpus in corpora:
        for path in corpus.articles:
            claims += contract_claims(path, score.header(path), len(claims) + 1)
    result = score.score(corpora, claims, [])
    if notes:
        print("\n".join(n for n in result["notes"] if not n.startswith(("conflict", "wrongly"))))
    print(f"corpus ({sum(len(c.articles) for c in corpora)} articles): gold {result['gold_claims']} "
          f"predicted {result['predicted_claims']}")
    print(f"  claims    P {result['claims_p']:.3f}  R {result['claims_r']:.3f}  F1 {result['claims_f1']:.3f}")
    print(f"  speaker accuracy {result['speaker_acc']:.3f}   kind accuracy {result['kind_acc']:.3f}")
    print(f"  figures   P {result['figures_p']:.3f}  R {result['figures_r']:.3f}  F1 {result['figures_f1']:.3f}"
          f"   population accuracy {result['population_acc']:.3f}")


def polnear_scores(shared: Path, notes: int) -> list[float]:
    sys.path.insert(0, str(shared / "eval"))
    import quote_score  # noqa: PLC0415

    gold = quote_score.load_jsonl(shared / "eval" / "polnear" / "dev.jsonl")
    pred: dict[str, dict] = {}
    times: list[float] = []
    for rid, rec in gold.items():
        started = time.perf_counter()
        claims = extract(rec["text"], outlet=None, title=rid)
        times.append(time.perf_counter() - started)
        quotes = [{"start": c.content.start, "end": c.content.end,
                   "speaker": c.speaker.mention.text if c.speaker.mention else c.speaker.name}
                  for c in claims if c.kind != "outlet"]
        pred[rid] = {"id": rid, "quotes": quotes}
    res = quote_score.score(gold, pred)
    print(f"polnear dev ({res['n_records']} articles): gold {res['n_gold']} predicted {res['n_pred']}")
    for key in ("a_exact", "b_overlap50", "c_overlap50_speaker", "c_exact_speaker"):
        m = res[key]
        print(f"  {key:22} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    by_kind = res.get("recall_by_kind_overlap50", {})
    print("  recall by kind: " + ", ".join(f"{k} {v['recall']:.2f} ({v['hit']}/{v['gold']})"
                                         for k, v in by_kind.items()))
    if notes:
        _polnear_notes(gold, pred, notes)
    words = sum(len(rec["text"].split()) for rec in gold.values())
    median = statistics.median(times)
    print(f"speed: median {median * 1000:.2f} ms/article, mean {statistics.mean(times) * 1000:.2f} ms, "
          f"{len(times) / sum(times):.0f} articles/s, {words / sum(times):.0f} words/s")
    return times


def _polnear_notes(gold: dict, pred: dict, limit: int) -> None:
    """Print up to ``limit`` missed gold attributions and false predictions (overlap >= 50% matching)."""
    import quote_score  # noqa: PLC0415

    missed, false = [], []
    for rid, rec in gold.items():
        text, gq, pq = rec["text"], rec["quotes"], pred[rid]["quotes"]
        pairs = quote_score.match(gq, pq, text, False, "overlap")
        hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
        missed += [f"MISS {q['kind']:9} {q.get('cue')!r:16} {q.get('speaker')!r:24} {text[q['start']:q['end']][:90]!r}"
                   for k, q in enumerate(gq) if k not in hit_g]
        false += [f"FALSE {q['speaker']!r:24} {text[q['start']:q['end']][:100]!r}"
                  for k, q in enumerate(pq) if k not in hit_p]
    print("\n".join(missed[:limit] + false[:limit]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder")
    ap.add_argument("--notes", action="store_true", help="list the corpus misses and wrong speakers")
    ap.add_argument("--polnear-notes", type=int, default=0, metavar="N", help="list N PolNeAR misses/false")
    ap.add_argument("--json", action="store_true", help="(reserved) machine-readable output")
    args = ap.parse_args()
    print(f"extractor {EXTRACTOR_VERSION}")
    corpus_scores(args.shared, args.notes)
    polnear_scores(args.shared, args.polnear_notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
