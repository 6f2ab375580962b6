"""The values that flow through extraction.

Every stage of the extractor is a pure function over the article text that returns these values, all
carrying character offsets into that same text. Keeping them plain dataclasses (no database, no NLP
objects) is what lets a later statistical extractor replace one stage without touching the others, and
what lets the store check the one invariant that matters: ``text[span.start:span.end] == span.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ledger.text.span import Span

CLAIM_KINDS = ("direct", "indirect", "mixed", "according_to", "unattributed_quote", "outlet")
METRICS = ("killed", "wounded", "missing", "detained", "displaced", "attacks", "strikes", "targets", "troops",
           "other")
SOURCE_TYPES = ("government", "military", "militia", "monitor", "state_media", "media", "official", "witness",
                "other")
SPEAKER_KINDS = ("person", "organisation", "anonymous", "outlet")


@dataclass(slots=True)
class Figure:
    """One number a claim asserts, as bounds.

    ``low``/``high`` follow the export contract: ``None`` means unbounded on that side ("at least 5" ->
    5/None, "up to 7" -> None/7). ``vague`` marks amounts such as "several" or "dozens" whose stored bound
    is only a floor; the reconciler gives them a plausible range when comparing, never when storing.
    ``no_figure`` marks a party explicitly declining to give a number ("did not provide information on
    casualties"): evidence of silence, not zero; low/high are then None. ``population_note`` says what
    else befell the counted, apart from the population noun ("people" sheltering, "buildings" destroyed,
    "missiles" that hit): the reconciler compares only counts with the same note.
    """

    metric: str
    population: str | None
    low: int | None
    high: int | None
    span: Span
    qualifier: str | None = None
    vague: bool = False
    no_figure: bool = False
    parts: tuple[Span, ...] = ()
    population_note: str | None = None


@dataclass(slots=True)
class Speaker:
    """Who made a claim, as far as the article itself tells.

    ``name`` is the best name for the real-world speaker after resolving mentions within the article:
    "Mr Kirby" and "Kirby" become "John Kirby", "the war monitor" becomes "Syrian Observatory for Human
    Rights" once the article (or the gazetteer) says so. Two claims with the same ``name`` in one article
    have the same speaker. ``aliases`` are the other names this article used for that speaker; the source
    resolver learns them across articles.
    """

    name: str
    kind: str = "organisation"
    mention: Span | None = None
    type: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Claim:
    """An attributed statement: who (``speaker``) said what (``content``) with which words (``cue``).

    ``parts`` holds the separate pieces of an interrupted content that is not all quotation ("The dead, the
    ministry said, were civilians") whose ``content`` runs from the first piece to the last. A quotation
    interrupted by its attribution ('"A," X said. "B."') is one claim per quoted piece instead, each later
    piece naming the piece before it in ``continues``. ``via`` is the intermediary of a chain ("Reuters,
    citing local sources": speaker local sources, via Reuters). ``sentence`` is the sentence (or
    paragraph) the claim was read from, used for events and for display.
    """

    kind: str
    content: Span
    speaker: Speaker
    cue: Span | None = None
    parts: tuple[Span, ...] = ()
    via: Speaker | None = None
    sentence: Span | None = None
    figures: list[Figure] = field(default_factory=list)
    continues: "Claim | None" = None

    def spans(self) -> list[Span]:
        """Every span this claim stores, for the invariant check."""
        found = [self.content, *self.parts]
        if self.figures:
            found += [f.span for f in self.figures]
            found += [p for f in self.figures for p in f.parts]
        for optional in (self.cue, self.speaker.mention, self.sentence, self.via.mention if self.via else None):
            if optional is not None:
                found.append(optional)
        return found
