"""A piece of a text with its offsets: the value every reading stage passes around."""
from __future__ import annotations

from dataclasses import dataclass

from ledger.text.fast_init import fast_init


@fast_init  # made many times per article (see fast_init)
@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text: ``text == article[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: str, start: int, end: int) -> "Span":
        """The span of ``article`` between two offsets."""
        return cls(start, end, article[start:end])

    def fits(self, article: str) -> bool:
        """True when this span really is that piece of ``article`` (the store refuses any that is not)."""
        return 0 <= self.start <= self.end <= len(article) and article[self.start:self.end] == self.text
