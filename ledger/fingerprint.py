"""A ledger's content without its row ids: what must be the same for the same articles, whatever order
they arrived in, in one run or several, on SQLite or PostgreSQL.

Row ids (of claims, articles, sources, events, conflicts) are numbered in arrival order, and each engine
numbers its own: they are the only part of ``export claims``, ``conflicts --format json``, ``estimates``
and ``sources`` that may differ. Each id is replaced by what it stands for: a claim by its article (URL,
else path) and its span, an event by its label and date, a source by its name. Lists that were ordered by
id are sorted. :func:`checksum` is the sha256 of the result, which ``bench/determinism.py`` compares.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any


def claim_key(claim: dict) -> str:
    """What a claim is, without its id: its article (URL, else path, else title) and its span."""
    article = claim["article"]
    where = article.get("url") or article.get("path") or article.get("title") or ""
    return f"{where}#{claim['start']}-{claim['end']}"


def event_key(event: dict | None) -> str | None:
    return None if event is None else f"{event.get('label')}|{event.get('date')}"


def normalised(claims: list[dict], conflicts: list[dict] = (), estimates: list[dict] = (),
               sources: list[dict] = ()) -> dict[str, Any]:
    """The outputs with every row id replaced by what it stands for, in a stable order."""
    keys = {c["id"]: claim_key(c) for c in claims}

    def claim_ids(ids: list) -> list:
        return sorted(keys.get(i, f"unknown:{i}") for i in ids)

    out_claims = []
    for c in claims:
        c = dict(c, id=keys[c["id"]], article={k: v for k, v in c["article"].items() if k != "id"},
                 source={k: v for k, v in c["source"].items() if k != "id"}, event=event_key(c.get("event")))
        if c.get("continues") is not None:
            c["continues"] = keys.get(c["continues"], c["continues"])
        out_claims.append(c)
    out_conflicts = [dict({k: v for k, v in c.items() if k != "id"}, event=event_key(c.get("event")),
                          claims=claim_ids(c.get("claims", [])),
                          **({"chain": [dict(link, claims=claim_ids(link.get("claims", []))) for link in c["chain"]]}
                             if c.get("chain") else {}))
                     for c in conflicts]
    out_estimates = []
    for e in estimates:
        e = {k: v for k, v in e.items() if k != "event_id"}
        e["event"] = event_key(e.get("event"))
        for bound in ("low", "best", "high"):
            if isinstance(e.get(bound), dict):  # nested, as the reconciler gives it
                e[bound] = dict(e[bound], claims=claim_ids(e[bound].get("claims", [])))
            if f"{bound}_claims" in e:  # flat, as ``ledger estimates`` exports it
                e[f"{bound}_claims"] = claim_ids(e[f"{bound}_claims"] or [])
        out_estimates.append(e)
    out_sources = [{k: v for k, v in s.items() if k not in ("id",)} for s in sources]
    return {"claims": sorted(out_claims, key=_dump), "conflicts": sorted(out_conflicts, key=_dump),
            "estimates": sorted(out_estimates, key=_dump), "sources": sorted(out_sources, key=_dump)}


def checksum(value: Any) -> str:
    """sha256 of a JSON value written canonically (sorted keys)."""
    return hashlib.sha256(_dump(value).encode("utf-8")).hexdigest()


def _dump(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
