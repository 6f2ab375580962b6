"""``ledger report``: one self-contained HTML file (or Markdown) that people can read and pass on.

:func:`ledger.report.data.gather` reads what the report shows; :mod:`ledger.report.html` and
:mod:`ledger.report.markdown` render it, :mod:`ledger.report.chart` draws each source's bounds as inline
SVG. Everything that comes from an article (text, titles, URLs, outlet and source names) is hostile input:
it is escaped on the way out, and the page forbids scripts and remote loads with its Content-Security-Policy.
"""
from __future__ import annotations

from ledger.report.data import Report, gather
from ledger.report.html import render_html
from ledger.report.markdown import render_markdown

__all__ = ["Report", "gather", "render"]


def render(report: Report, fmt: str = "html") -> str:
    """The report as an HTML document (``fmt="html"``) or Markdown (``fmt="md"``)."""
    if fmt == "md":
        return render_markdown(report)
    return render_html(report)
