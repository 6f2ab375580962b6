"""``ledger report``: one self-contained HTML file (or Markdown) that people can read and pass on.

:func:`ledger.report.data.gather` reads what the report shows; :mod:`ledger.report.html` and
:mod:`ledger.report.markdown` render it, :mod:`ledger.report.chart` draws each source's bounds as inline
SVG. Everything that comes from an article (text, titles, URLs, outlet and source names) is hostile input:
it is escaped on the way out, and the page forbids scripts and remote loads with its Content-Security-Policy.
"""
from __future__ import annotations

from ledger.report.data import Report, gather
from ledger.report.html import render_html
from ledger.report.html import render_pages as html_pages
from ledger.report.markdown import render_markdown

__all__ = ["Report", "gather", "render", "render_pages", "ONE_PAGE_CLAIMS"]

# Beyond this many claims one HTML page is too large for a browser to open quickly (a page weighs about 2 kB
# per claim with its passage: 2,000 claims are 4 MB, the 42,000 of 3,000 articles 75 MB); ``ledger report``
# then asks for ``--split`` (one page per event) unless told ``--one-page``.
ONE_PAGE_CLAIMS = 2000


def render(report: Report, fmt: str = "html") -> str:
    """The report as an HTML document (``fmt="html"``) or Markdown (``fmt="md"``)."""
    if fmt == "md":
        return render_markdown(report)
    return render_html(report)


def render_pages(report: Report) -> dict[str, str]:
    """The HTML report as an index page and one page per event: {file name: document}."""
    return html_pages(report)
