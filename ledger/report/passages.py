"""The report's appendix: every claim in its article passage, the content highlighted, at ``#claim-N``.

Spans (content, speaker mention, cue) may nest or overlap, so the passage is cut at every span boundary
and each piece is wrapped in the classes of the spans covering it; every piece of text is escaped.
"""
from __future__ import annotations

from typing import Any

from ledger.passages import Passage
from ledger.report.data import EventReport
from ledger.report.markup import Html, el, join, web_url


def claim_link(claim_id: int) -> Html:
    return el("a", f"#{claim_id}", href=f"#claim-{claim_id}", class_="claim-link")


def highlighted(passage: Passage) -> Html:
    """The passage text with ``<mark class="content">`` (and speaker/cue spans) around the claim's parts."""
    text, spans = passage.text, passage.spans
    cuts = sorted({0, len(text), *(min(max(p, 0), len(text)) for span in spans.values() for p in span)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [name for name, (s, e) in spans.items() if s <= start and end <= e]
        piece = text[start:end]
        if not covering:
            pieces.append(piece)
        elif "content" in covering:
            pieces.append(el("mark", piece, class_=" ".join(sorted(covering))))
        else:
            pieces.append(el("span", piece, class_=" ".join(sorted(covering))))
    prefix = "… " if passage.cut_before else ""
    suffix = " …" if passage.cut_after else ""
    return join([prefix, *pieces, suffix])


def appendix(events: list[EventReport]) -> Html:
    """One section per claim, in event then claim order."""
    sections = [_passage_section(claim, event.passages.get(claim["id"]), event.event["id"])
                for event in events for claim in event.claims]
    if not sections:
        return Html("")
    return el("section", el("h2", "Appendix: claims in their passages"),
              el("p", "Each claim's words are highlighted in the article text as stored; the speaker is underlined "
                      "and the reporting verb dotted.", class_="muted small"),
              *sections, class_="passages", id="passages")


def _passage_section(claim: dict[str, Any], passage: Passage | None, event_id: int) -> Html:
    article = claim["article"]
    url = web_url(article["url"])
    if url:
        where = el("a", url, href=url, rel="noopener noreferrer nofollow", class_="url")
    else:
        where = el("span", article["url"] or article["path"] or "no URL", class_="url")
    meta = el("p", el("b", article["outlet"] or "unknown outlet"), ", ", article["published"] or "undated", " — ",
              article["title"] or "untitled", el("br"), where, class_="small")
    body = (el("div", highlighted(passage), class_="passage-text") if passage and passage.text
            else el("p", "(article text not available)", class_="empty"))
    heading = el("h4", f"Claim #{claim['id']} — {claim['source']['name']}",
                 f" ({claim['cue']})" if claim["cue"] else "")
    back = el("p", el("a", f"↑ back to event {event_id}", href=f"#row-claim-{claim['id']}"), class_="small back")
    return el("section", heading, meta, body, back, id=f"claim-{claim['id']}")
