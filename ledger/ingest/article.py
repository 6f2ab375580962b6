"""An article as read from any input, before it is stored: normalised text and checked metadata.

The text is normalised once, here, and stored exactly as normalised: every offset the ledger keeps points
into that stored text. Normalising is deliberately light (line endings, a byte-order mark, trailing spaces,
runs of blank lines, surrounding blank space); quote marks and everything inside lines are kept as they are,
so a quote found in the stored text is found in the original too.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from ledger.errors import InputError

METADATA_FIELDS = ("url", "outlet", "published", "title", "author")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n(?:[ \t\u00a0]*\n){2,}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalise_text(text: str) -> str:
    """The text as the ledger stores it: LF line endings, no BOM, no trailing spaces, at most one blank
    line between paragraphs, no blank space around the whole."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_RUN.sub("\n\n", text).strip()


@dataclass(slots=True)
class ArticleInput:
    """One article read from a file, a record or stdin, ready to extract from and store."""

    text: str
    location: str
    path: str | None = None
    record: int | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    author: str | None = None
    title_in_text: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def published_date(self) -> date | None:
        return date.fromisoformat(self.published[:10]) if self.published else None


def make_article(text: str, location: str, metadata: dict, *, path: str | None = None, record: int | None = None,
                 title_in_text: bool = False) -> ArticleInput:
    """Check and normalise one article; raises InputError naming what is wrong."""
    if not isinstance(text, str):
        raise InputError("the text field is not a string")
    text = normalise_text(text)
    if not text:
        raise InputError("empty article: no text")
    fields = {}
    for key in METADATA_FIELDS:
        value = metadata.get(key)
        if value is None or value == "":
            continue
        if key == "published":
            fields[key] = parse_published(value)
        elif isinstance(value, (str, int, float)):
            fields[key] = " ".join(str(value).split())
        else:
            raise InputError(f"{key} must be text, not {type(value).__name__}")
    return ArticleInput(text=text, location=location, path=path, record=record, title_in_text=title_in_text, **fields)


def parse_published(value: object) -> str:
    """ISO 8601 text for a publication date given as a date, a datetime or a string in any common form
    ("2021-02-26", "2021-02-26T14:05:00Z", "Feb 26, 2021", "26 February 2021")."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InputError(f"published is not a date: {value!r}")
    value = value.strip()
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError as exc:
            raise InputError(f"published is not a date: {value!r}") from exc
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    parsed = _parse_loose_date(value)
    if parsed is None:
        raise InputError(f"published is not a date: {value!r}")
    return parsed


@lru_cache(maxsize=1024)
def _parse_loose_date(value: str) -> str | None:
    """Dates written for people, through dateparser (slow, so only when ISO parsing failed)."""
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": False,
                                                                 "PREFER_DATES_FROM": "past"})
    if parsed is None:
        return None
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    return parsed.isoformat() if has_time else parsed.date().isoformat()
