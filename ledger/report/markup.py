"""Building HTML and SVG where escaping is the default, not a habit to remember.

Text from an article is hostile: a title may be ``<script>``, a URL ``javascript:``. So markup is built with
:func:`el`, which escapes every attribute and every child that is a plain ``str``; only :class:`Html` values
(made by :func:`el`, :func:`esc` or :func:`raw` for the report's own constants) pass through unchanged.
Control characters and the bidi embeddings, overrides and isolates (U+202A-E, U+2066-9) in data are shown
as escapes (``\\u202e``, :func:`ledger.render.visible`): a name cannot reorder the text around it or
hide what it says.

>>> str(el("td", "<b>", class_="x"))
'<td class="x">&lt;b&gt;</td>'
"""
from __future__ import annotations

import html
import re
from typing import Iterable
from urllib.parse import urlsplit

from ledger.render import visible

VOID = {"meta", "br", "hr", "img", "input", "link", "col"}
SAFE_CLASS = re.compile(r"[^a-z0-9_-]+")


class Html(str):
    """A string that is already markup: safe to put in a page as is."""

    def __add__(self, other: str) -> "Html":
        return Html(str(self) + str(esc(other)))


def esc(value: object) -> Html:
    """Text as markup: ``&``, ``<``, ``>``, both quotes escaped, control and bidi characters shown as escapes;
    Html passes through; None is empty."""
    if isinstance(value, Html):
        return value
    if value is None:
        return Html("")
    return Html(html.escape(visible(str(value)), quote=True))


def raw(markup: str) -> Html:
    """The report's own markup (CSS, fixed fragments): never call this on data."""
    return Html(markup)


def join(parts: Iterable[object], separator: str = "") -> Html:
    return Html(esc(separator).join(esc(p) for p in parts))


def el(tag: str, *children: object, **attrs: object) -> Html:
    """``<tag attrs>children</tag>``; attribute names: ``class_`` -> class, ``data_claim`` -> data-claim;
    an attribute that is None or False is left out, True is written bare."""
    parts = [tag]
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{esc(value)}"')
    opening = f"<{' '.join(parts)}>"
    if tag in VOID:
        return Html(opening)
    return Html(f"{opening}{join(children)}</{tag}>")


def css_class(value: object) -> str:
    """A value (a severity, a source type) as a class name: lower case letters, digits, - and _ only."""
    return SAFE_CLASS.sub("-", str(value or "none").lower()).strip("-") or "none"


def web_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link with a host, else None: a ``javascript:`` or ``data:`` URL from an
    article's front matter is shown as text, never linked."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c.isspace() or ord(c) < 32 for c in url):
        return None
    return url
