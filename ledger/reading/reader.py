"""Reading one article: the document read once, the stages run in order, and a stage's failure turned
into a Problem naming the article.

    >>> reading = read("Five people died, the ministry said.", location="note.txt")
    >>> [(c.speaker.name, c.content.text) for c in reading.claims], reading.problems
    ([('ministry', 'Five people died')], ())
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ledger.errors import Problem
from ledger.reading.document import Document
from ledger.reading.events.types import EventDraft
from ledger.reading import stages as pipeline
from ledger.reading.stages import EXTRACTOR_VERSION, STAGES, Stage, Work
from ledger.reading.types import Claim


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading one article gave: its claims, its event drafts, each claim's event index (into
    ``events``, or None for background) and the problems (a stage that failed; then nothing else)."""

    claims: tuple[Claim, ...] = ()
    events: tuple[EventDraft, ...] = ()
    claim_events: tuple[int | None, ...] = ()
    problems: tuple[Problem, ...] = ()


def read(text: str, *, outlet: str | None = None, title: str | None = None, headline: str | None = None,
         published: date | None = None, published_precision: str | None = None, location: str = "<text>",
         stages: tuple[Stage, ...] | None = None) -> Reading:
    """The reading of the article ``text`` (see :class:`Document` for the other arguments); ``location``
    names the article in a problem; ``stages`` defaults to ``STAGES``. Never raises for a stage's bug."""
    if not isinstance(text, str) or not text.strip():
        return Reading()
    chosen = pipeline.STAGES if stages is None else stages  # read when called: a test may swap a stage
    name = "document"
    try:
        doc = Document.read(text, outlet, title, headline, published, published_precision)
        work = Work()
        for stage in chosen:
            name = stage.__name__
            stage(doc, work)
    except Exception as exc:  # noqa: BLE001 - one article's failure is reported against it, never hidden
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Reading(problems=(Problem(location, f"extraction failed in the {name} stage: "
                                                   f"{type(exc).__name__}: {message}"),))
    return Reading(tuple(work.claims), tuple(work.events), tuple(work.claim_events))


__all__ = ["Document", "EXTRACTOR_VERSION", "Reading", "STAGES", "read"]
