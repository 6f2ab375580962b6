"""An article as read from any input, before it is stored: normalised text and checked metadata.

The text is stored as given but for what is not text: a byte-order mark, CR line endings (as LF), blank
lines before it and blank space after it. Every offset the ledger keeps points into that stored text, so for
a record or a file without those (most of them) ``text[start:end]`` is the claim in the original too; spaces
at line ends and runs of blank lines are kept for that reason (trimming them moved every later offset).
An article's identity (``sha256``) is taken over a fuller normalisation (:func:`normalise_text`), so the
same article copied with other blank space is still the same article.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from ledger import published as published_dates
from ledger.errors import InputError

METADATA_FIELDS = ("url", "outlet", "published", "title", "author")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n(?:[ \t\u00a0]*\n){2,}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t\u00a0]*\n)+")


@lru_cache(maxsize=256)  # asked several times per article while it is stored
def _identity(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def stored_text(text: str) -> str:
    """The text as the ledger stores it and reads it: no BOM, LF line endings, no blank lines before it and
    no blank space after it; everything else as given."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _LEADING_BLANK_LINES.sub("", text).rstrip()


def normalise_text(text: str) -> str:
    """The text an article's identity is taken over: LF line endings, no BOM, no trailing spaces, at most
    one blank line between paragraphs, no blank space around the whole."""
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
        return _identity(self.text)

    @property
    def published_date(self) -> date | None:
        """The first day the publication date can mean (see ``published_precision``)."""
        return published_dates.first_day(self.published)

    @property
    def published_precision(self) -> str | None:
        """``year``, ``month`` or ``day``: how precisely the source dated the article."""
        return published_dates.precision(self.published)


def make_article(text: str, location: str, metadata: dict, *, path: str | None = None, record: int | None = None,
                 title_in_text: bool = False) -> ArticleInput:
    """Check and normalise one article; raises InputError naming what is wrong."""
    if not isinstance(text, str):
        raise InputError("the text field is not a string")
    if "\x00" in text:  # SQLite would store it, PostgreSQL refuses it: refused on both
        raise InputError("the text contains a NUL character (\\x00)")
    text = stored_text(text)
    if not text.strip():
        raise InputError("empty article: no text")
    fields = {}
    for key in METADATA_FIELDS:
        value = metadata.get(key)
        if value is None or value == "":
            continue
        if key == "published":
            fields[key] = parse_published(value)
        elif isinstance(value, (str, int, float)):
            if "\x00" in str(value):
                raise InputError(f"{key} contains a NUL character (\\x00)")
            fields[key] = " ".join(str(value).split())
        else:
            raise InputError(f"{key} must be text, not {type(value).__name__}")
    return ArticleInput(text=text, location=location, path=path, record=record, title_in_text=title_in_text, **fields)


def parse_published(value: object) -> str:
    """ISO 8601 text for a publication date, exactly as precise as given (:mod:`ledger.published`): a year
    ("2021", or the YAML integer 2021), a month ("2021-06", "June 2021"), a day ("2021-02-26", "Feb 26,
    2021", "26 February 2021") or a day and time ("2021-02-26T14:05:00Z"). Nothing is filled in: a date
    without a year, or a relative one ("yesterday", "last week"), is refused rather than read against the
    clock."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"published is not a date: {value!r}")
    value = value.strip()
    if _ISO_YEAR.match(value):
        return value
    if _ISO_MONTH.match(value):
        if not 1 <= int(value[5:]) <= 12:
            raise InputError(f"published is not a date: {value!r}")
        return value
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError as exc:
            raise InputError(f"published is not a date: {value!r}") from exc
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    if _RELATIVE.search(value):
        raise InputError(f"published is relative to the day it was read ({value!r}): give the date itself")
    parsed = _parse_loose_date(value)
    if parsed is None:
        raise InputError(f"published is not a date: {value!r}")
    return parsed


_ISO_YEAR = re.compile(r"^\d{4}$")
_ISO_MONTH = re.compile(r"^\d{4}-\d{2}$")
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|tonight|tomorrow|now|last|next|this|past|recently|hours?|"
                       r"days?|weeks?|months?|years?)\b", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@lru_cache(maxsize=1024)
def _parse_loose_date(value: str) -> str | None:
    """Dates written for people, through dateparser (slow, so only when ISO parsing failed), kept to the
    precision they were written with: dateparser fills a missing day with today's, which is cut off here.
    Only absolute forms are read (no relative words, no timestamps), and the year must be written out."""
    from dateparser.date import DateDataParser

    years = _FOUR_DIGITS.findall(value)
    if not years:
        return None
    parser = DateDataParser(languages=["en"], settings={"PARSERS": ["custom-formats", "absolute-time"],
                                                        "REQUIRE_PARTS": ["year"], "STRICT_PARSING": False})
    found = parser.get_date_data(value)
    parsed = found.date_obj
    if parsed is None or str(parsed.year) not in years:
        return None
    if found.period == "year":
        return f"{parsed.year:04d}"
    if found.period == "month":
        return f"{parsed.year:04d}-{parsed.month:02d}"
    has_time = bool(re.search(r"\d{1,2}:\d{2}", value))
    return parsed.isoformat() if has_time else parsed.date().isoformat()
