"""The report as Markdown: the same sections as the HTML page, with tables instead of charts.

Article text is escaped for Markdown renderers too: HTML-significant characters become entities and
Markdown punctuation is backslash-escaped, so a title cannot open a tag, a link, an image or a table cell,
and a bare URL is not made a link (``http\\://``, ``www\\.``); control characters are shown as escapes
(:func:`ledger.render.visible`). :func:`md` is the project's one Markdown escaper. Claim
passages are headings ("Claim 12"), which GitHub and most renderers anchor as ``#claim-12``.
"""
from __future__ import annotations

import re
from typing import Any

from ledger.render import visible
from ledger.report.data import EventReport, Report
from ledger.report.html import earlier_reports, figure_cell
from ledger.report.markup import web_url

MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
LINE_START = re.compile(r"^([#+=-]|\d+(?=[.)]))")  # a heading, list or rule when it starts a line
AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?<=\bwww)(\.)", re.IGNORECASE)  # GFM links bare URLs


def md(text: object) -> str:
    """Text safe inside a Markdown paragraph or table cell: one line, no tag, link or emphasis."""
    value = "" if text is None else visible(" ".join(str(text).split()))
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = MD_SPECIAL.sub(r"\\\1", value)
    value = AUTOLINK.sub(lambda m: "\\" + m.group(), value)
    return LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), value)


def table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; cells must already be escaped."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines + [""]


def link(claim_id: int) -> str:
    return f"[#{claim_id}](#claim-{claim_id})"


def render_markdown(report: Report) -> str:
    title = "Claim ledger report" + (f" as of {report.as_of.isoformat()}" if report.as_of else "")
    counts = ", ".join(f"{n:,} {name if n != 1 else name[:-1]}" for name, n in report.stats.items())
    out = [f"# {title}", "", f"Generated {report.generated_at.strftime('%Y-%m-%d %H:%M UTC')}. "
           f"In the ledger: {counts}.", ""]
    if not report.events:
        return "\n".join(out + ["The ledger has no events yet.", ""])
    for section in report.events:
        out += _event(section)
    out += ["## Appendix: claims in their passages", ""]
    for section in report.events:
        for claim in section.claims:
            out += _passage(claim, section)
    return "\n".join(out)


def _event(section: EventReport) -> list[str]:
    event = section.event
    out = [f"## Event {event['id']}: {md(event['label'])}", "",
           md(" · ".join(x for x in (event["date"] or "undated", event["kind"], ", ".join(event["places"])) if x)), "",
           "### Figures by source", ""]
    rows = []
    for block in section.blocks:
        for series in block.series:
            latest = series.latest
            earlier = " → ".join(earlier_reports(series))
            figure = figure_cell(latest.low, latest.high, latest.no_figure, latest.vague)
            said_in = f"{latest.outlet or 'unknown outlet'}, {latest.published or 'undated'}"
            rows.append([md(block.title), md(series.source), md(figure), md(earlier) or "—", md(said_in),
                         " ".join(link(i) for i in dict.fromkeys(m.claim_id for m in series.marks))])
    headers = ["Metric", "Source", "Latest", "Earlier reports", "Said in", "Claims"]
    out += table(headers, rows) if rows else ["No figures.", ""]
    out += ["### Conflicts", ""] + _conflicts(section.conflicts)
    out += ["### Estimate", ""] + _estimates(section.estimates)
    out += ["### Claims", ""] + _claims(section.claims)
    return out


def _conflicts(conflicts: list[dict[str, Any]]) -> list[str]:
    if not conflicts:
        return ["No conflicts.", ""]
    rows = [[f"**{md(c['severity'])}**", md(c["metric"] + (f" · {c['population']}" if c.get("population") else "")),
             md(c["summary"]), md(" / ".join(", ".join(side) for side in c["sides"])),
             " ".join(link(i) for i in c["claims"])] for c in conflicts]
    return table(["Severity", "Metric", "Finding", "Sides", "Claims"], rows)


def _estimates(estimates: list[dict[str, Any]]) -> list[str]:
    if not estimates:
        return ["No estimate.", ""]

    def cell(bound: dict[str, Any]) -> str:
        value = "—" if bound["value"] is None else f"{bound['value']:,}"
        return f"**{value}** — {md(bound['rule'])} " + " ".join(link(i) for i in bound["claims"])

    rows = [[md(e["metric"] + (f" · {e['population']}" if e.get("population") else "")),
             cell(e["low"]), cell(e["best"]), cell(e["high"])] for e in estimates]
    return table(["Metric", "Low", "Best", "High"], rows)


def _claims(claims: list[dict[str, Any]]) -> list[str]:
    if not claims:
        return ["No claims.", ""]
    rows = [[link(c["id"]), md(c["source"]["name"]), "“" + md(c["content"]) + "”", md(c["cue"]),
             md("; ".join(f"{f['metric']} {f['population'] or ''} {figure_cell(f['low'], f['high'], f['no_figure'])}"
                          .replace("  ", " ") for f in c["figures"] + c["no_figures"])),
             md(f"{c['article']['outlet'] or 'unknown outlet'}, {c['article']['published'] or 'undated'}")]
            for c in claims]
    return table(["Claim", "Source", "Said", "Cue", "Figures", "Article"], rows)


def _passage(claim: dict[str, Any], section: EventReport) -> list[str]:
    article = claim["article"]
    url = web_url(article["url"])
    where = f"<{url}>" if url and not any(c in url for c in "<>") else md(article["url"] or article["path"] or "no URL")
    passage = section.passages.get(claim["id"])
    quoted = _bold_content(passage) if passage else "(article text not available)"
    return [f"### Claim {claim['id']}", "",
            f"{md(claim['source']['name'])}, {md(article['outlet'] or 'unknown outlet')}, "
            f"{md(article['published'] or 'undated')} — {md(article['title'] or 'untitled')}  ", where, "",
            f"> {quoted}", ""]


def _bold_content(passage) -> str:
    """The passage on one line with the claim's content in bold."""
    span = passage.spans.get("content")
    if not span:
        return md(passage.text)
    before, inside, after = passage.text[:span[0]], passage.text[span[0]:span[1]], passage.text[span[1]:]
    return f"{md(before)} **{md(inside)}** {md(after)}".strip()
