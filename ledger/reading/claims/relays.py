"""Reports relayed by a news outlet: "The Courier reported that the governor said 40 people died".

The outlet only passes on what the governor said: the claim a reader weighs is the governor's, with the
outlet as the intermediary (``via``), as "Reuters, citing local sources" already is. Without this rule the
article would hold two claims of one statement, one of them the outlet's, whose content is the governor's
whole attribution. A claim by anyone else whose content opens with another attribution ("the minister said
the general told him ...") is left as it is: there the outer speaker vouches for what was said to them.
"""
from __future__ import annotations

import re

from ledger.reading.claims.speakers import words
from ledger.reading.types import Claim

MEDIA_TYPES = frozenset({"media", "state_media"})

# what may stand between a relaying claim's cue and the speaker it relays: "reported (that) the governor said"
_OPENING = re.compile(r"\s*(?:that\s+)?")
_REPORT = re.compile(r"(?i:report)")


def without_relays(text: str, claims: list[Claim], outlet: str | None) -> list[Claim]:
    """``claims`` without those in which a news outlet relays another claim of the list; each relayed claim
    names the outlet as its ``via`` when it names none."""
    if len(claims) < 2:
        return claims
    dropped: set[int] = set()
    for i, outer in enumerate(claims):
        if not _is_media(text, outer, outlet) or outer.kind not in ("indirect", "according_to"):
            continue
        inner = _relayed(text, outer, claims)
        if inner is not None:
            dropped.add(i)
            if inner.via is None:
                inner.via = outer.speaker
    return claims if not dropped else [c for i, c in enumerate(claims) if i not in dropped]


def _is_media(text: str, claim: Claim, outlet: str | None) -> bool:
    """Whether a news outlet speaks: one the article names ("CNN"), the article's own, or an organisation
    whose cue is the press's own ("The Velsk Times reported")."""
    if claim.speaker.type in MEDIA_TYPES or (outlet is not None and claim.speaker.name in _names(outlet)):
        return True
    cue = claim.cue
    return claim.speaker.kind == "organisation" and cue is not None and _REPORT.match(text, cue.start) is not None


def _document(mention: str) -> bool:
    """Whether a mention names a document or finding, not a speaker ("initial investigations indicate"): what
    it shows is the outlet's report, which stays the outlet's claim."""
    w = words()
    last = mention.split()[-1].lower() if mention.split() else ""
    return last in w.documents or w.singular.get(last, last) in w.documents or last.rstrip("s") in w.documents


def _names(outlet: str) -> tuple[str, str]:
    """The outlet's name as the header gives it, and without a bracketed note: "Qazet (BBC copy)" -> "Qazet"."""
    return outlet, outlet.split(" (", 1)[0].strip()


def _relayed(text: str, outer: Claim, claims: list[Claim]) -> Claim | None:
    """The claim whose speaker is the subject opening ``outer``'s content ("reported [that] the governor
    insisted ...", no comma before its cue) and whose cue lies inside it, or None."""
    start, end = outer.content.start, outer.content.end
    opening = _OPENING.match(text, start).end()
    for c in claims:
        mention = c.speaker.mention
        if c is outer or mention is None or c.cue is None or c.kind == "outlet" or c.speaker.name == outer.speaker.name:
            continue
        if not (opening < mention.end <= c.cue.start and c.cue.end <= end and mention.start <= opening):
            continue
        if text.find(",", opening, c.cue.start) < 0 and not _document(text[mention.start:mention.end]):
            return c
    return None
