"""Interrupted quotations as one claim per quoted piece.

Attribution reads '"We held the bridge," Mayor Ana Pelt said. "The river rose overnight."' as one claim
whose ``parts`` are the two quoted pieces and whose content runs over the attribution between them. An
analyst logs the pieces apart (each may carry its own figures), so here each piece becomes a claim of its
own with the same speaker and cue, and every piece after the first names the one before it::

    >>> text = '"We held the bridge," Ana Pelt said. "The river rose overnight."'
    >>> c = Found("direct", (1, 19), (0, 63), parts=((1, 19), (38, 62)))
    >>> [(p.content, previous) for p, _, previous in split_pieces(text, [c], {(1, 19), (38, 62)})]
    [((1, 19), None), ((38, 62), 0)]

A content interrupted by its attribution without quotation marks ("The dead, the ministry said, were
civilians") stays one claim with its parts: its pieces are no sentences of their own.
"""
from __future__ import annotations

from dataclasses import replace

from ledger.reading.claims.attribution import Found


def split_pieces(text: str, found: list[Found],
                 quoted: set[tuple[int, int]]) -> list[tuple[Found, int, int | None]]:
    """Each claim of ``found`` (in order), the interrupted quotations split in pieces: (claim, index in
    ``found`` of the claim it comes from, index in the result of the piece it continues or None).
    ``quoted`` holds the (start, end) of every quotation's words.

    A claim is split when it has parts and every part after the first is a whole quotation; a piece that
    is itself a quotation is ``direct``, the first keeps the claim's kind otherwise ('Pelt said the bridge
    "held," then added: "The river rose."' -> a mixed first piece, a direct second).
    """
    out: list[tuple[Found, int, int | None]] = []
    for k, claim in enumerate(found):
        parts = claim.parts
        if len(parts) < 2 or not all(p in quoted for p in parts[1:]):
            out.append((claim, k, None))
            continue
        previous = None
        for n, piece in enumerate(parts):
            kind = "direct" if piece in quoted or claim.kind == "direct" else claim.kind
            if n == 0 and kind != "direct" and not text[piece[0]:piece[1]].strip():
                continue
            out.append((replace(claim, kind=kind, content=piece, parts=()), k, previous))
            previous = len(out) - 1
    return out


__all__ = ["split_pieces"]
