"""HTML pages: the article's main text and its metadata, through trafilatura.

Scripts, styles, navigation and comments are dropped by trafilatura; what remains is text, so nothing of
the page's markup ever reaches the ledger.
"""
from __future__ import annotations

from ledger.errors import InputError


def read_html(page: str | bytes) -> tuple[str, dict]:
    """The main text (paragraphs separated by blank lines) and metadata of an HTML page."""
    import trafilatura  # imported here: it takes a second to import and most ingests have no HTML

    document = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False,
                                           include_tables=False, favor_precision=True)
    if document is None:
        raise InputError("no article text found in the HTML page")
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = "\n\n".join(line.strip() for line in (found.get("text") or "").splitlines() if line.strip())
    if not text:
        raise InputError("no article text found in the HTML page")
    metadata = {"title": found.get("title"), "author": found.get("author"), "published": found.get("date"),
                "url": found.get("url"), "outlet": found.get("sitename")}
    return text, {k: v for k, v in metadata.items() if v}
