#!/usr/bin/env python3
"""Events and conflicts accuracy on gold input, without the database or the extractor.

Each gold claim of ``../shared/corpus/*`` becomes a :class:`Claim` (content located in the article body,
speaker and figures from the gold), so that the numbers measure only the events layer (``group_events`` +
``match_event``) and the reconciler, scored by ``../shared/eval/score.py`` (imported at run time):

    .venv/bin/python bench/events_accuracy.py [CORPUS_DIR ...] [--notes] [--json] [--speed]

The numbers are an upper bound for the full system: real extraction adds noise.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ledger.reading.events import KnownEvent, group_events, match_event, merge_known  # noqa: E402
from ledger.reading.types import Claim, Figure, Span, Speaker  # noqa: E402
from ledger.reconcile import DISAGREEMENTS, FigureFact, reconcile  # noqa: E402

SHARED = ROOT.parent / "shared"
VAGUE = re.compile(r"\b(several|a few|a number of|some|many|multiple|a group of|a small number|dozens|scores|"
                   r"hundreds|thousands|others)\b", re.IGNORECASE)


def scorer():
    sys.path.insert(0, str(SHARED / "eval"))
    import score  # noqa: PLC0415  (the shared scorer, read, never copied)
    return score


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        end = text.index("\n---", 3)
        text = text[text.index("\n", end + 1) + 1:]
    return text


def locate(body: str, needle: str, after: int = 0) -> int:
    at = body.find(needle, after)
    return at if at != -1 else body.find(needle)


def gold_claims(body: str, gold: list[dict]) -> list[Claim]:
    claims, cursor = [], 0
    for g in gold:
        start = locate(body, g["content"], cursor)
        if start == -1:
            raise SystemExit(f"content not found: {g['content'][:60]!r}")
        cursor = start
        content = Span.of(body, start, start + len(g["content"]))
        figures = []
        for f in g.get("figures", []):
            at = locate(body, f["text"], start) if f.get("text") else -1
            span = Span.of(body, at, at + len(f["text"])) if at != -1 else content
            vague = VAGUE.search(f.get("text") or "")
            figures.append(Figure(f["metric"], f.get("population"), f["low"], f["high"], span,
                                  qualifier=vague.group(1).lower() if vague else None, vague=bool(vague)))
        claims.append(Claim(g["kind"], content, Speaker(g["speaker"]), figures=figures))
    return claims


def run(corpora_dirs: list[Path]) -> dict:
    score = scorer()
    corpora = [score.Corpus(p) for p in corpora_dirs]
    known: list[KnownEvent] = []
    predicted, facts, timings = [], [], []
    for corpus in corpora:
        types = {s["name"]: s for s in corpus.sources}
        for path in corpus.articles:
            head = score.header(path)
            body = body_of(path)
            published = date.fromisoformat(head["published"][:10]) if head.get("published") else None
            claims = gold_claims(body, corpus.gold[path.stem])
            started = time.perf_counter()
            grouped = group_events(body, published, claims, title=head.get("title"))
            timings.append(time.perf_counter() - started)
            ids = [assign(draft, known) for draft in grouped.events]
            golds = [origin(claim, claims, corpus.gold[path.stem]) for claim in grouped.claims]
            for claim, gold, index in zip(grouped.claims, golds, grouped.claim_events):
                claim_id = len(predicted) + 1
                event_id = None if index is None else ids[index]
                outlet = head.get("outlet") or "(outlet)"
                speaker = outlet if gold["speaker"] == "(outlet)" else gold["speaker"]
                predicted.append({"id": claim_id, "article": {"path": str(path)}, "content": gold["content"],
                                  "source": {"name": speaker}, "kind": gold["kind"],
                                  "event": None if event_id is None else {"id": event_id},
                                  "figures": gold.get("figures", []), "_gold_event": gold.get("event")})
                info = types.get(gold["speaker"], {})
                for n, figure in enumerate(claim.figures):
                    facts.append(fact(claim_id, n, event_id, speaker, info, head, published, path, claim, figure))
    found = reconcile(facts)
    conflicts = [{"event": {"id": c.event_id}, **c.contract()} for c in found]
    result = score.score(corpora, predicted, conflicts)
    between = [c for c in conflicts if c["severity"] in DISAGREEMENTS]
    only = score.score(corpora, predicted, between)
    result.update({f"{k}_disagreements_only": only[k] for k in ("predicted_conflicts", "conflicts_r", "conflicts_p",
                                                                "false_flags")})
    result["group_events_ms_median"] = round(statistics.median(timings) * 1000, 3)
    return {"result": result, "predicted": predicted, "known": known, "conflicts": conflicts}


def origin(claim: Claim, given: list[Claim], gold: list[dict]) -> dict:
    """The gold claim a claim of the events stage comes from: itself, or the claim a split part was cut
    from (gold claims are already split, so a split here is a mistake the scorer will see)."""
    for candidate, annotation in zip(given, gold):
        if candidate is claim:
            return annotation
    for candidate, annotation in zip(given, gold):
        if candidate.content.start <= claim.content.start and claim.content.end <= candidate.content.end:
            return annotation
    raise SystemExit(f"claim of the events stage from nowhere: {claim.content.text[:60]!r}")


def assign(draft, known: list[KnownEvent]) -> int:
    match = match_event(draft, known)
    if match is None:
        event = KnownEvent(len(known) + 1, draft.label, draft.date, draft.precision, draft.places, draft.actors,
                           draft.kind, draft.earliest, draft.latest)
        known.append(event)
        return event.id
    known[match.id - 1] = merge_known(match, draft)
    return match.id


def fact(claim_id, n, event_id, speaker, info, head, published, path, claim, figure) -> FigureFact:
    source_type = info.get("type") or ("media" if speaker == head.get("outlet") else "other")
    return FigureFact(claim_id=claim_id, figure_id=n, event_id=event_id, source_id=speaker, source_name=speaker,
                      source_type=source_type, source_affiliation=info.get("affiliation"), article_id=path.stem,
                      outlet=head.get("outlet"), published=published, metric=figure.metric,
                      population=figure.population, low=figure.low, high=figure.high, qualifier=figure.qualifier,
                      vague=figure.vague, no_figure=figure.no_figure, text=figure.span.text, via=None,
                      claim_kind=claim.kind)


def speed() -> dict:
    """group_events on an ~800-word article (the corpus's longest, repeated) and reconcile on 100 facts."""
    longest = max((p for p in SHARED.glob("corpus/*/*.txt")), key=lambda p: len(body_of(p)))
    body = body_of(longest)
    while len(body.split()) < 800:
        body += "\n\n" + body_of(longest)
    claims = [Claim("indirect", Span.of(body, m.start(), m.end()), Speaker("x"))
              for m in re.finditer(r"[^.]{20,200}\.", body)][:40]
    runs = []
    for _ in range(200):
        started = time.perf_counter()
        group_events(body, date(2021, 2, 26), claims, title="US air strike in Syria")
        runs.append(time.perf_counter() - started)
    facts = [FigureFact(claim_id=i, figure_id=0, event_id=1, source_id=f"s{i % 30}", source_name=f"Source {i % 30}",
                        source_type=("monitor", "militia", "media", "military")[i % 4], source_affiliation=None,
                        article_id=i, outlet=f"outlet {i % 7}", published=date(2021, 2, 20) + timedelta(days=i % 9),
                        metric=("killed", "wounded")[i % 2], population=("fighters", "people", "civilians")[i % 3],
                        low=i % 13 + 1, high=(i % 13 + 1) if i % 3 else None, qualifier=None, vague=i % 5 == 0,
                        no_figure=False, text="x", via=None, claim_kind="indirect") for i in range(100)]
    rec = []
    for _ in range(50):
        started = time.perf_counter()
        reconcile(facts)
        rec.append(time.perf_counter() - started)
    return {"article_words": len(body.split()),
            "group_events_long_ms_median": round(statistics.median(runs) * 1000, 3),
            "reconcile_100_facts_ms_median": round(statistics.median(rec) * 1000, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--notes", action="store_true", help="list conflicts missed or wrongly flagged")
    ap.add_argument("--events", action="store_true", help="list each claim's predicted and gold event")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--speed", action="store_true")
    args = ap.parse_args()
    dirs = args.corpora or sorted(p for p in (SHARED / "corpus").iterdir() if p.is_dir())
    out = run(dirs)
    result = out["result"]
    notes = result.pop("notes")
    keys = ["events_p", "events_r", "events_f1", "gold_conflicts", "predicted_conflicts", "conflicts_found",
            "conflicts_r", "conflicts_p", "false_flags", "cross_event_conflicts",
            "predicted_conflicts_disagreements_only", "conflicts_r_disagreements_only",
            "conflicts_p_disagreements_only", "false_flags_disagreements_only", "group_events_ms_median"]
    shown = {k: result[k] for k in keys}
    if args.speed:
        shown.update(speed())
    if args.events:
        for c in out["predicted"]:
            print(f"{Path(c['article']['path']).stem:28} {str((c['event'] or {}).get('id')):>4} "
                  f"{str(c['_gold_event'])[:34]:34} {c['content'][:60]!r}")
        for k in out["known"]:
            print(k)
    if args.notes:
        print("\n".join(n for n in notes if n.startswith(("conflict", "wrongly"))))
        for c in out["conflicts"]:
            print(json.dumps({k: c[k] for k in ("event", "metric", "population", "severity", "sides", "compatible",
                                                "summary")}))
    if args.json:
        print(json.dumps(shown, indent=1))
    else:
        for k, v in shown.items():
            print(f"{k:30} {v:.3f}" if isinstance(v, float) else f"{k:30} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
