"""A report on strikes at several sites, with no time of its own: each claim about one site is about that
site's strike.

A follow-up weeks later often reviews two strikes at once ("inspectors studied the bombing of a theater and
a hospital in Varn"), and each of its claims speaks of one of them: "the hospital was destroyed by an
attack", "the same applies to the theater, where families sheltered". One event for the whole report puts
both strikes together. When the title and lead name more than one kind of site hit
(:func:`ledger.reading.events.labels.sites_hit`) and the report gives no time of its own, a claim of the
main event whose sentence names exactly one of those sites is about an event of that site alone, and so is
a claim right after it that refers back to it ("This attack was deliberate", "It was blown up by ...").
Each such event keeps the report's kind, date and places, and its one site: as a follow-up it can join the
known strike on that site (``ledger.reading.events.matching``); when the ledger knows none, the store keeps
it with the report's main event (one attack can hit a base and a camp).
"""
from __future__ import annotations

import re

from ledger.reading.events.article import Article
from ledger.reading.events.places import site_key
from ledger.reading.events.types import Draft
from ledger.reading.types import Claim

_BACK_REFERENCE = re.compile(r"\W*(?:[\w’'-]+,?\s+){0,3}?(?:it|this|these)\b", re.IGNORECASE)


def by_site(article: Article, pieces: list[tuple[Claim, object]], main: Draft, drafts: list[Draft],
            lead_sites: tuple[str, ...], site_words: re.Pattern) -> list[tuple[Claim, object]]:
    """``pieces`` (each claim with its draft) with the main event's claims about one site moved to that
    site's draft (new drafts are appended to ``drafts``)."""
    if len(lead_sites) < 2 or main.when is None or not main.when.from_publication:
        return pieces
    by_kind: dict[str, Draft] = {}
    moved, last_end, last = [], 0, None
    for claim, draft in pieces:
        if draft is not main:
            moved.append((claim, draft))
            continue
        sentence = article.sentence_of(claim.content.start)
        named = {site_key(m.group(1)) for m in site_words.finditer(article.text, sentence[0], claim.content.end)}
        named &= set(lead_sites)
        if len(named) == 1:
            site = named.pop()
            if site not in by_kind:
                by_kind[site] = Draft(main.kind, main.when, sites=(site,))
                drafts.append(by_kind[site])
            last, last_end = by_kind[site], article.sentence_of(claim.content.end - 1)[1]
            moved.append((claim, last))
        elif not named and last is not None and _refers_back(article, claim, last_end):
            last_end = article.sentence_of(claim.content.end - 1)[1]
            moved.append((claim, last))
        else:
            last = None
            moved.append((claim, draft))
    return moved


def _refers_back(article: Article, claim: Claim, previous_end: int) -> bool:
    """Whether the claim is in the sentence right after the one the claim before it ended in, and opens by
    pointing back at what that one spoke of ("Therefore, this attack", "Moscow claims that it was blown up")."""
    start = article.sentence_of(claim.content.start)[0]
    return previous_end <= start and not article.text[previous_end:start].strip(" \t\n\"“”'") and \
        _BACK_REFERENCE.match(article.text, claim.content.start, claim.content.end) is not None
