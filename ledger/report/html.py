"""The report as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched.

The page's Content-Security-Policy forbids scripts and every remote load, so even a mistake in escaping
could not run an article's ``<script>``; escaping itself is the default of :mod:`ledger.report.markup`.
Layout: a header with the ledger's counts, a table of contents, one section per event (figure table,
charts, conflicts, estimate, claims) and an appendix with every claim's passage, highlighted, at
``#claim-N``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from ledger.render import bounds_text
from ledger.report.chart import chart_svg, drawable
from ledger.report.data import EventReport, MetricBlock, Report, SourceSeries
from ledger.report.markup import Html, css_class, el, esc, join, raw, web_url
from ledger.report.passages import appendix, claim_link

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; "
       "form-action 'none'")


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return resources.files("ledger.report").joinpath("report.css").read_text(encoding="utf-8")


def render_html(report: Report) -> str:
    """The whole report as one document."""
    title = report_title(report)
    return _document(title, _header(report, title), _toc(report), *(_event_section(e) for e in report.events),
                     appendix(report.events), _footer(report))


INDEX_EVENTS = 2000  # events on one index page: chromium opened such a page (520 kB) in 0.6-0.8 s here


def render_pages(report: Report) -> dict[str, str]:
    """The report as one page per event (``event-N.html``: its section and its claims' passages) and index
    pages (``index.html``, then ``index-2.html`` ... for every ``INDEX_EVENTS`` events: the ledger's counts
    and a table of contents linking them). Every page is self-contained, as the single page is; however large
    the ledger, each index page and each event page opens at once (one index of 9,500 events took 1.2 s)."""
    title = report_title(report)
    chunks = [report.events[k:k + INDEX_EVENTS] for k in range(0, len(report.events), INDEX_EVENTS)] or [[]]
    pages, index_of = {}, {}
    for number, chunk in enumerate(chunks, 1):
        name = index_page(number)
        pager = _pager(number, len(chunks), len(report.events)) if len(chunks) > 1 else ""
        pages[name] = _document(title if number == 1 else f"{title} · events page {number}",
                                _header(report, title), pager,
                                _toc(report, page_of, chunk, first=(number - 1) * INDEX_EVENTS + 1), pager,
                                _footer(report))
        index_of.update({section.event["id"]: name for section in chunk})
    for section in report.events:
        event = section.event
        back = el("p", el("a", f"← {title}: all events", href=index_of[event["id"]]), class_="small back")
        pages[page_of(event["id"])] = _document(f"Event {event['id']}: {event['label']} · {title}", back,
                                                _event_section(section), appendix([section]), _footer(report))
    return pages


def index_page(number: int) -> str:
    """The file of the index page ``number`` (from 1) of a split report."""
    return "index.html" if number == 1 else f"index-{number}.html"


def _pager(number: int, count: int, events: int) -> Html:
    """Links to every index page of a split report, the current one unlinked."""
    first, last = (number - 1) * INDEX_EVENTS + 1, min(number * INDEX_EVENTS, events)
    links = join((el("b", str(k)) if k == number else el("a", str(k), href=index_page(k)))
                 for k in range(1, count + 1))
    return el("nav", f"Events {first:,}-{last:,} of {events:,} · pages ", links, class_="pager small",
              aria_label="index pages")


def page_of(event_id: int) -> str:
    """The file of an event's page in a split report."""
    return f"event-{event_id}.html"


def report_title(report: Report) -> str:
    return "Claim ledger report" + (f" as of {report.as_of.isoformat()}" if report.as_of else "")


def _document(title: str, *body: Html) -> str:
    head = el("head", el("meta", charset="utf-8"),
              el("meta", http_equiv="Content-Security-Policy", content=CSP),
              el("meta", name="viewport", content="width=device-width, initial-scale=1"),
              el("meta", name="referrer", content="no-referrer"),
              el("title", title), el("style", raw(stylesheet())))
    return "<!DOCTYPE html>\n" + el("html", head, el("body", *body), lang="en") + "\n"


def _header(report: Report, title: str) -> Html:
    stats = el("ul", *(el("li", el("b", f"{n:,}"), el("span", name)) for name, n in report.stats.items()),
               class_="stats", aria_label="ledger counts")
    generated = report.generated_at.strftime("%Y-%m-%d %H:%M UTC")
    scope = (f"events {', '.join(str(e.event['id']) for e in report.events)}" if report.requested
             else f"all {len(report.events)} events")
    as_of = f" · what was known on {report.as_of.isoformat()}" if report.as_of else ""
    glossary = el("details", el("summary", "What the severity levels mean"),
                  el("dl", *(join([el("dt", el("span", name, class_=f"badge {css_class(name)}")), el("dd", text)])
                             for name, text in report.severity_levels.items())), class_="glossary")
    return el("header", el("p", "claim ledger", class_="kicker"), el("h1", title),
              el("p", f"Generated {generated} · {scope}{as_of}", class_="muted"), stats, glossary,
              class_="report-head")


def _toc(report: Report, page=None, sections=None, first: int = 1) -> Html:
    """The list of events (``sections``, by default all), each linking to its section (``#event-N``), or to
    its page when ``page`` names it (``page(event_id)``, a split report); numbered from ``first``."""
    if not report.events:
        return el("p", "The ledger has no events yet: ingest articles with `ledger ingest`.", class_="empty")
    items = []
    for section in report.events if sections is None else sections:
        event = section.event
        severities = sorted({c["severity"] for c in section.conflicts})
        when = f"({event['date'] or 'undated'}; {plural(len(section.claims), 'claim')})"
        href = page(event["id"]) if page else f"#event-{event['id']}"
        items.append(el("li", el("a", f"Event {event['id']}: {event['label']}", href=href), " ",
                        el("span", when, class_="muted"), " ",
                        join(el("span", s, class_=f"badge {css_class(s)}") for s in severities)))
    listing = el("ol", *items, start=str(first)) if first != 1 else el("ol", *items)
    return el("nav", el("h2", "Events"), listing, class_="toc", aria_label="events")


def _event_section(section: EventReport) -> Html:
    event = section.event
    meta = [event["date"] or "undated"]
    if event["precision"] and event["precision"] != "day":
        meta[0] += f" (within a {event['precision']})"
    meta += [x for x in (event["kind"], ", ".join(event["places"])) if x]
    meta.append(f"{plural(len(section.claims), 'claim')} from {plural(len(section.sources), 'source')}")
    if section.rejected:
        meta.append(f"{plural(section.rejected, 'rejected claim')} left out")
    return el("section",
              el("h2", f"Event {event['id']}: {event['label']}"), el("p", " · ".join(meta), class_="event-meta"),
              el("h3", "Figures by source"), figure_table(section.blocks),
              el("h3", "Bounds over time"), _charts(section),
              el("h3", "Conflicts"), conflict_table(section.conflicts),
              el("h3", "Estimate"), estimate_table(section.estimates),
              el("h3", "Claims"), claim_table(section.claims),
              id=f"event-{event['id']}", class_="event")


def figure_table(blocks: tuple[MetricBlock, ...]) -> Html:
    """Per metric and population, each source's latest figure and the figures it revised."""
    if not blocks:
        return el("p", "No figures.", class_="empty")
    head = el("tr", *(el("th", h) for h in ("Source", "Latest figure", "Earlier reports", "Said in", "Claims")))
    rows = []
    for block in blocks:
        rows.append(el("tr", el("th", block.title, colspan=5), class_="group"))
        rows += [_series_row(series) for series in block.series]
    return el("table", el("thead", head), el("tbody", *rows), class_="figures")


def figure_cell(low: int | None, high: int | None, no_figure: bool = False, vague: bool = False) -> str:
    if no_figure:
        return "no figure"
    return bounds_text(low, high) + (" (vague)" if vague else "")


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def earlier_reports(series: SourceSeries) -> list[str]:
    """The source's figures before its latest, oldest first; a figure repeated on the same day (twice in
    one article) is not a revision and is listed once."""
    found: list[str] = []
    previous = None
    for mark in series.marks:
        said = (figure_cell(mark.low, mark.high, mark.no_figure, mark.vague), mark.published or "undated")
        if said != previous:
            found.append(f"{said[0]} ({said[1]})")
        previous = said
    return found[:-1]


def _series_row(series: SourceSeries) -> Html:
    latest = series.latest
    earlier = earlier_reports(series)
    said_in = f"{latest.outlet or 'unknown outlet'}, {latest.published or 'undated'}"
    claims = join((claim_link(c) for c in dict.fromkeys(m.claim_id for m in series.marks)), " ")
    return el("tr", el("td", series.source, " ", el("span", series.source_type or "", class_="chip")),
              el("td", figure_cell(latest.low, latest.high, latest.no_figure, latest.vague), class_="figure"),
              el("td", " → ".join(earlier) or "—", class_="revisions"), el("td", said_in), el("td", claims))


def _charts(section: EventReport) -> Html:
    figures = []
    for n, block in enumerate(b for b in section.blocks if drawable(b)):
        svg = chart_svg(block, section.sources, f"chart-{section.event['id']}-{n}")
        silent = [s.source for s in block.series if all(m.no_figure for m in s.marks)]
        note = el("p", "Gave no figure: " + ", ".join(silent), class_="small muted") if silent else ""
        figures.append(el("figure", el("figcaption", block.title), svg, note, class_="chart"))
    return join(figures) if figures else el("p", "No figure with a bound to draw.", class_="empty")


def severity_badge(severity: str) -> Html:
    return el("span", severity, class_=f"badge {css_class(severity)}")


def conflict_table(conflicts: list[dict[str, Any]]) -> Html:
    if not conflicts:
        return el("p", "No conflicts: the sources' figures agree, or there is only one account.", class_="empty")
    head = el("tr", *(el("th", h) for h in ("Severity", "Metric", "Finding", "Sides", "Claims")))
    rows = []
    for c in conflicts:
        sides = join((el("div", f"{n}. " + ", ".join(side)) for n, side in enumerate(c["sides"], 1)))
        if c.get("compatible"):
            sides += el("div", "compatible with several: " + ", ".join(c["compatible"]), class_="muted small")
        notes = join(el("div", note, class_="muted small") for note in c.get("notes", []))
        metric = c["metric"] + (f" · {c['population']}" if c.get("population") else "")
        rows.append(el("tr", el("td", severity_badge(c["severity"])), el("td", metric), el("td", c["summary"], notes),
                       el("td", sides), el("td", join((claim_link(i) for i in c["claims"]), " "))))
    return el("table", el("thead", head), el("tbody", *rows), class_="conflicts")


def estimate_table(estimates: list[dict[str, Any]]) -> Html:
    """Low / best / high per metric and population, each with the rule that chose it and its claims."""
    if not estimates:
        return el("p", "No estimate: no source gave a figure.", class_="empty")
    head = el("tr", el("th", "Metric"), *(el("th", h) for h in ("Low", "Best", "High")))
    rows = []
    for e in estimates:
        metric = e["metric"] + (f" · {e['population']}" if e.get("population") else "")
        rows.append(el("tr", el("td", metric, el("div", "sources: " + ", ".join(e["sources"]), class_="muted small")),
                       *(_bound_cell(e[k]) for k in ("low", "best", "high"))))
    return el("table", el("thead", head), el("tbody", *rows), class_="estimates")


def _bound_cell(bound: dict[str, Any]) -> Html:
    value = "—" if bound["value"] is None else f"{bound['value']:,}"
    links = join((claim_link(i) for i in bound["claims"]), " ")
    return el("td", el("b", value), el("span", bound["rule"], class_="rule"), links, class_="estimate-cell")


def claim_table(claims: list[dict[str, Any]]) -> Html:
    """Every claim quoted, with its speaker, cue, figures and article; the id links to its passage."""
    if not claims:
        return el("p", "No claims.", class_="empty")
    head = el("tr", *(el("th", h) for h in ("Claim", "Source", "Said", "Figures", "Article")))
    rows = [el("tr", el("td", claim_link(c["id"])), el("td", _speaker(c)),
               el("td", el("q", c["content"]), el("div", f"cue: {c['cue']}", class_="muted small") if c["cue"] else ""),
               el("td", "; ".join(_figure_words(f) for f in c["figures"] + c["no_figures"]) or "—"),
               el("td", article_line(c["article"])), id=f"row-claim-{c['id']}")
            for c in claims]
    return el("table", el("thead", head), el("tbody", *rows), class_="claims")


def _speaker(claim: dict[str, Any]) -> Html:
    parts: list[Any] = [claim["source"]["name"]]
    if claim.get("mention") and claim["mention"] != claim["source"]["name"]:
        parts.append(el("div", f"as “{claim['mention']}”", class_="muted small"))
    if claim.get("via"):
        parts.append(el("div", f"via {claim['via']['name']}", class_="muted small"))
    return join(parts)


def _figure_words(figure: dict[str, Any]) -> str:
    if figure["no_figure"]:
        return f"no figure ({figure['metric']})"
    population = f" {figure['population']}" if figure["population"] else ""
    return f"{figure['metric']}{population}: {figure_cell(figure['low'], figure['high'], vague=figure['vague'])}"


def article_line(article: dict[str, Any]) -> Html:
    """Outlet, date and title; the title links to the article only when its URL is http(s)."""
    title = article["title"] or article["path"] or f"article {article['id']}"
    url = web_url(article["url"])
    linked = el("a", title, href=url, rel="noopener noreferrer nofollow") if url else esc(title)
    return join([el("b", article["outlet"] or "unknown outlet"), ", ", article["published"] or "undated",
                 el("br"), linked])


def _footer(report: Report) -> Html:
    return el("footer", "Made by claim ledger (ledger report). Figures are what sources said, as bounds; "
                        "estimates follow the rules stated beside them. Click a claim number to see its passage.")
