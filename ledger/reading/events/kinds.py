"""Event kinds: which names can be the same real-world event ("air strike" and "bombing raid": yes;
"air strike" and "rocket attack": no). The table is ``ledger/vocab/event_kinds.json``."""
from __future__ import annotations

from functools import lru_cache

from ledger.text.data import load


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    return {k["kind"]: k for k in load("event_kinds.json")["kinds"]}


def specificity(kind: str | None) -> int:
    """0 for a generic word ("attack") or none, 1 for a family ("strike", "raid"), 2 for a kind proper."""
    info = _table().get(kind or "")
    if info is None or info.get("generic"):
        return 0
    return 1 if info.get("broad") else 2


def names_better(kind: str | None, than: str | None) -> bool:
    """Whether ``kind`` names an event better than ``than``: more specific ("air strike" over "strike"), or
    as specific and listed earlier in the table ("air strike" over "bombing"), so that an event told as both
    gets the same kind whichever report came first."""
    if not kind or kind == than:
        return False
    if not than:
        return True
    mine, theirs = specificity(kind), specificity(than)
    if mine != theirs:
        return mine > theirs
    order = _order()
    return order.get(kind, len(order)) < order.get(than, len(order))


@lru_cache(maxsize=1)
def _order() -> dict[str, int]:
    return {kind: n for n, kind in enumerate(_table())}


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two kinds can name one event: equal, either generic or unknown, or listed as compatible.

    >>> compatible("air strike", "bombing"), compatible("air strike", "rocket attack")
    (True, False)
    """
    if a is None or b is None or a == b:
        return True
    table = _table()
    info_a, info_b = table.get(a, {}), table.get(b, {})
    if info_a.get("generic") or info_b.get("generic"):
        return True
    return b in info_a.get("compatible", ()) or a in info_b.get("compatible", ())
