"""The passage of an article a claim is read from, for people to see the claim in its place.

Shared by ``ledger show claim`` and the report's appendix: the claim's stored sentence, widened to cover
its speaker and cue; without a stored sentence, its paragraph (cut around the claim when very long).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PASSAGE_MAX = 900  # longest paragraph shown whole; longer ones are cut around the claim
PASSAGE_MARGIN = 300  # characters kept on each side of the claim when a paragraph is cut


@dataclass(frozen=True, slots=True)
class Passage:
    """The article text around a claim: ``text`` is ``article.text[start:start+len(text)]`` and ``spans``
    ({"content"|"mention"|"cue": (start, end)}) are offsets into ``text``, for highlighting."""

    text: str
    start: int
    spans: dict[str, tuple[int, int]]
    cut_before: bool = False
    cut_after: bool = False


def passage_of(text: str, claim: dict[str, Any], context: tuple[int | None, int | None]) -> Passage:
    """The stored sentence of the claim widened to its speaker and cue, else its paragraph (cut around the
    claim when very long)."""
    spans = {name: (claim[f"{prefix}start"], claim[f"{prefix}end"])
             for name, prefix in (("content", ""), ("mention", "mention_"), ("cue", "cue_"))
             if claim[f"{prefix}start"] is not None and claim[f"{prefix}end"] is not None}
    start = min([s for s, _ in spans.values()] + ([context[0]] if context[0] is not None else []))
    end = max([e for _, e in spans.values()] + ([context[1]] if context[1] is not None else []))
    cut_before = cut_after = False
    if context[0] is None:  # no sentence stored: the paragraph
        start = text.rfind("\n\n", 0, start) + 2 if text.rfind("\n\n", 0, start) >= 0 else 0
        found = text.find("\n\n", end)
        paragraph_end = found if found >= 0 else len(text)
        if paragraph_end - start > PASSAGE_MAX:
            low = min(s for s, _ in spans.values())
            cut_before = low - PASSAGE_MARGIN > start
            start = max(start, low - PASSAGE_MARGIN)
            cut_after = end + PASSAGE_MARGIN < paragraph_end
            paragraph_end = min(paragraph_end, end + PASSAGE_MARGIN)
        end = paragraph_end
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    relative = {name: (s - start, e - start) for name, (s, e) in spans.items() if start <= s and e <= end}
    return Passage(text[start:end], start, relative, cut_before, cut_after)
