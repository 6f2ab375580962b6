"""``ledger report``: the HTML page and the Markdown, checked against the ledger's own exports.

The page is parsed with ``html.parser`` into a small tree, so the assertions are about what a reader sees
(a row with the source and its bounds, a badge with the severity, a link to ``#claim-N`` and the element it
points to), and about what must never be there (a script, an ``on*`` attribute, a remote load).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import write
from ledger.render import bounds_text

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

REVISED = {
    "a.txt": """---
outlet: Harbour Times
published: 2024-05-15
title: Strike on Qarvash depot
---
A drone strike on a fuel depot near Qarvash on Tuesday killed at least six fighters, the Valdorian Observatory for Civil Rights said.
""",
    "b.txt": """---
outlet: Meridian Wire
published: 2024-05-16
title: Qarvash toll rises
---
The drone strike on a fuel depot near Qarvash on Tuesday killed nine fighters, the Valdorian Observatory for Civil Rights said on Thursday.

The Kessel Brigades said three of its fighters were killed in the drone strike on Qarvash.
""",
}

HOSTILE = """---
url: javascript:alert(1)
outlet: <img src=x onerror=alert(2)>Evil Outlet
published: 2024-03-07
title: <script>alert("title")</script> Varnok shelling
---
Five people were killed when shells hit Varnok on Tuesday, the village clinic <script>alert(3)</script> said on Wednesday.

"At least <img src=x onerror=alert(4)> seven <a href="javascript:alert(5)">shells</a> fell," the governor Ilse <b>Brandt</b> said.
"""


# ---------------------------------------------------------------- a small DOM for assertions


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list["Node"]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    found.append(child)
                found += child.find_all(tag, cls)
        return found

    def by_id(self, ident: str) -> "Node | None":
        return next((n for n in self.find_all() if n.attrs.get("id") == ident), None)


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in ("meta", "br", "hr", "img", "input", "link", "col"):
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for n in range(len(self.stack) - 1, 0, -1):
            if self.stack[n].tag == tag:
                del self.stack[n:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(document: str) -> Node:
    builder = TreeBuilder()
    builder.feed(document)
    builder.close()
    return builder.root


def squash(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- fixtures


@pytest.fixture
def examples(ledger):
    """The CLI on a ledger holding examples/, with its claims and conflicts as the exports give them."""
    ledger("ingest", EXAMPLES)
    return ledger


def exported_claims(ledger) -> list[dict]:
    return [c for c in ledger.jsonl("export", "claims") if c["event"] and c["status"] != "rejected"]


def report_dom(ledger, tmp_path: Path, *args: str) -> tuple[str, Node]:
    out = tmp_path / "report.html"
    ledger("report", *args, "--out", out)
    document = out.read_text(encoding="utf-8")
    return document, parse(document)


# ---------------------------------------------------------------- the page shows the ledger


def test_report_figure_table_shows_each_sources_latest_bounds(examples, tmp_path):
    _, dom = report_dom(examples, tmp_path)
    latest: dict[tuple[int, str, str, str], str] = {}
    for claim in sorted(exported_claims(examples), key=lambda c: (c["article"]["published"] or "", c["id"])):
        for figure in claim["figures"]:
            key = (claim["event"]["id"], figure["metric"], figure["population"] or "", claim["source"]["name"])
            latest[key] = bounds_text(figure["low"], figure["high"])
    assert latest, "examples/ should give figures"
    for (event_id, metric, population, source), bounds in latest.items():
        table = dom.by_id(f"event-{event_id}").find_all("table", "figures")[0]
        rows = _rows_by_group(table)
        group = f"{metric} · {population}" if population else metric
        cells = [r for r in rows[group] if squash(r[0]).startswith(source)]
        assert cells, f"no row for {source} under {group}"
        assert cells[0][1].startswith(bounds), (source, group, cells[0])


def _rows_by_group(table: Node) -> dict[str, list[list[str]]]:
    """Figure table rows (cell texts) under each metric group header."""
    groups: dict[str, list[list[str]]] = {}
    current = None
    for row in table.find_all("tr"):
        if "group" in row.classes:
            current = squash(row.text())
            groups[current] = []
        elif current is not None:
            groups[current].append([squash(td.text()) for td in row.find_all("td")])
    return groups


def test_report_shows_revisions_oldest_first(ledger, tmp_path):
    for name, text in REVISED.items():
        write(tmp_path / name, text)
    ledger("ingest", tmp_path / "a.txt", tmp_path / "b.txt")
    _, dom = report_dom(ledger, tmp_path)
    rows = _rows_by_group(dom.find_all("table", "figures")[0])["killed · fighters"]
    observatory = next(r for r in rows if r[0].startswith("Valdorian Observatory for Civil Rights"))
    assert observatory[1:4] == ["9", "6+ (2024-05-15)", "Meridian Wire, 2024-05-16"]
    kessel = next(r for r in rows if r[0].startswith("Kessel Brigades"))
    assert kessel[1] == "3"
    marks = dom.find_all("svg")[0].find_all("g", "mark")
    assert [(m.attrs["data-claim"], sorted(m.classes - {"mark"})) for m in marks] == [
        ("1", ["mark-at-least", "mark-earlier"]), ("2", ["mark-exact"]), ("3", ["mark-exact"])]


def test_report_conflicts_show_their_severity(examples, tmp_path):
    _, dom = report_dom(examples, tmp_path)
    found = examples.json("conflicts")
    assert found
    for conflict in found:
        table = dom.by_id(f"event-{conflict['event']['id']}").find_all("table", "conflicts")[0]
        rows = [(squash(r.find_all("span", "badge")[0].text()), squash(r.find_all("td")[2].text()),
                 [a.attrs["href"] for a in r.find_all("a")]) for r in table.find_all("tr") if r.find_all("td")]
        expected = [f"#claim-{i}" for i in conflict["claims"]]
        assert any(severity == conflict["severity"] and summary.startswith(squash(conflict["summary"]))
                   and links == expected for severity, summary, links in rows), conflict


def test_report_every_claim_is_quoted_and_linked_to_its_passage(examples, tmp_path):
    document, dom = report_dom(examples, tmp_path)
    claims = exported_claims(examples)
    assert claims
    for claim in claims:
        assert f'href="#claim-{claim["id"]}"' in document
        row = dom.by_id(f"row-claim-{claim['id']}")
        assert squash(row.find_all("q")[0].text()) == squash(claim["content"])
        article = claim["article"]
        assert article["outlet"] in row.text() and article["published"] in row.text()
        passage = dom.by_id(f"claim-{claim['id']}")
        assert passage is not None, f"no anchor for claim {claim['id']}"
        highlighted = "".join(m.text() for m in passage.find_all("mark", "content"))
        assert highlighted == claim["content"]


def test_report_estimate_gives_each_bound_with_its_rule(examples, tmp_path):
    from ledger import conflicts, reconcile
    from ledger.db import open_ledger, reading

    _, dom = report_dom(examples, tmp_path)
    engine = open_ledger(examples.db)
    with reading(engine) as session:
        estimates = reconcile.estimate(conflicts.load_facts(session, [e["id"] for e in examples.json("events")]))
    engine.dispose()
    assert estimates
    for estimate in estimates:
        table = dom.by_id(f"event-{estimate.event_id}").find_all("table", "estimates")[0]
        metric = estimate.metric + (f" · {estimate.population}" if estimate.population else "")
        row = next(r for r in table.find_all("tr") if r.find_all("td") and r.find_all("td")[0].children[0] == metric)
        for cell, bound in zip(row.find_all("td")[1:], (estimate.low, estimate.best, estimate.high), strict=True):
            assert squash(cell.find_all("b")[0].text()) == (f"{bound.value:,}" if bound.value is not None else "—")
            assert squash(cell.find_all("span", "rule")[0].text()) == squash(bound.rule)


def test_report_chart_has_one_mark_per_bounded_figure(examples, tmp_path):
    _, dom = report_dom(examples, tmp_path)
    expected: dict[int, int] = {}
    for claim in exported_claims(examples):
        bounded = [f for f in claim["figures"] if f["low"] is not None or f["high"] is not None]
        expected[claim["event"]["id"]] = expected.get(claim["event"]["id"], 0) + len(bounded)
    for event_id, count in expected.items():
        section = dom.by_id(f"event-{event_id}")
        svgs = section.find_all("svg")
        assert sum(len(svg.find_all("g", "mark")) for svg in svgs) == count
        assert all(svg.find_all("text", "tick") and svg.find_all("g", "legend") for svg in svgs)


def test_report_only_the_events_asked_for(examples, tmp_path):
    _, dom = report_dom(examples, tmp_path, "1")
    sections = [s.attrs["id"] for s in dom.find_all("section", "event")]
    assert sections == ["event-1"]
    claim_ids = {c["id"] for c in exported_claims(examples) if c["event"]["id"] == 1}
    assert {int(s.attrs["id"].split("-")[1]) for s in dom.by_id("passages").find_all("section")} == claim_ids


def test_report_leaves_out_rejected_claims_and_says_how_many(ledger, tmp_path):
    for name, text in REVISED.items():
        write(tmp_path / name, text)
    ledger("ingest", tmp_path / "a.txt", tmp_path / "b.txt")
    ledger("claims", "reject", "3")
    document, dom = report_dom(ledger, tmp_path)
    assert dom.by_id("claim-3") is None and 'href="#claim-3"' not in document
    assert "1 rejected claim left out" in squash(dom.find_all("p", "event-meta")[0].text())
    rows = _rows_by_group(dom.find_all("table", "figures")[0])["killed · fighters"]
    assert [r[0] for r in rows] == ["Valdorian Observatory for Civil Rights monitor"]


def test_report_unknown_event_is_an_error(examples):
    result = examples("report", "1", "99", expect=1)
    assert result.stderr.strip() == "error: no event 99 (see `ledger events`)"
    assert result.stdout == ""


def test_report_as_of_leaves_out_claims_published_later(ledger, tmp_path):
    for name, text in REVISED.items():
        write(tmp_path / name, text)
    ledger("ingest", tmp_path / "a.txt", tmp_path / "b.txt")
    _, dom = report_dom(ledger, tmp_path, "--as-of", "2024-05-15")
    rows = _rows_by_group(dom.find_all("table", "figures")[0])["killed · fighters"]
    assert [r[:3] for r in rows] == [["Valdorian Observatory for Civil Rights monitor", "6+", "—"]]
    assert dom.find_all("table", "conflicts") == []
    assert ledger("report", "--as-of", "May 15", expect=1).stderr.strip() == \
        "error: --as-of must be a date (YYYY-MM-DD), not 'May 15'"


def test_report_html_goes_to_stdout_without_out(examples):
    result = examples("report")
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")
    assert result.stderr == ""


def test_report_out_writes_the_file_and_says_so_on_stderr(examples, tmp_path):
    result = examples("report", "--out", tmp_path / "r.html")
    assert result.stdout == ""
    events = len(examples.json("events"))
    assert result.stderr.strip() == (f"wrote {tmp_path / 'r.html'} ({events} events, "
                                     f"{len(exported_claims(examples))} claims)")
    assert examples("report", "--out", tmp_path / "missing" / "r.html", expect=1).stderr.startswith(
        "error: cannot write")


def test_report_of_an_empty_ledger_says_so(ledger, tmp_path):
    ledger("db", "upgrade")  # an empty ledger: made by `db upgrade` (a read command creates none)
    _, dom = report_dom(ledger, tmp_path)
    assert "The ledger has no events yet" in dom.text()
    assert dom.find_all("section", "event") == []


# ---------------------------------------------------------------- hostile input and self-containment


def test_report_escapes_hostile_articles(ledger, tmp_path):
    write(tmp_path / "in" / "evil.txt", HOSTILE)
    ledger("ingest", tmp_path / "in")
    document, dom = report_dom(ledger, tmp_path)
    assert dom.find_all("script") == [] and dom.find_all("img") == []
    attributes = [(n.tag, name, value) for n in dom.find_all() for name, value in n.attrs.items()]
    assert not [a for a in attributes if a[1].startswith("on")]
    assert not [a for a in attributes if a[1] in ("href", "src") and not re.match(r"#|https?://", a[2] or "")]
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in document
    assert "&lt;img src=x onerror=alert(2)&gt;Evil Outlet" in document
    assert "javascript:alert(1)" in dom.text()  # the URL shown as text, never linked
    assert '<script' not in document.lower()


def test_report_loads_nothing_from_outside(examples, tmp_path):
    document, dom = report_dom(examples, tmp_path)
    assert not re.search(r"\bsrc\s*=|@import|url\(\s*['\"]?(https?:)?//|<link\b|<iframe|<object|<embed", document, re.I)
    csp = next(m.attrs["content"] for m in dom.find_all("meta")
               if m.attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'none'" in csp
    external = [a.attrs["href"] for a in dom.find_all("a") if not a.attrs["href"].startswith("#")]
    assert external and all(href.startswith("https://") for href in external)  # article links only
    assert all("noopener" in a.attrs.get("rel", "") for a in dom.find_all("a") if not a.attrs["href"].startswith("#"))


# ---------------------------------------------------------------- Markdown


def test_report_markdown_has_the_tables(examples, tmp_path):
    text = examples("report", "--format", "md").stdout
    for heading in ("### Figures by source", "### Conflicts", "### Estimate", "### Claims",
                    "## Appendix: claims in their passages"):
        assert heading in text
    assert "| Metric | Source | Latest | Earlier reports | Said in | Claims |" in text
    assert "| Severity | Metric | Finding | Sides | Claims |" in text
    for conflict in examples.json("conflicts"):
        assert f"**{conflict['severity']}**" in text
    for claim in exported_claims(examples):
        assert f"[#{claim['id']}](#claim-{claim['id']})" in text and f"### Claim {claim['id']}\n" in text
    examples("report", "-f", "md", "--out", tmp_path / "r.md")
    assert (tmp_path / "r.md").read_text(encoding="utf-8").split("\n", 3)[3] == text.split("\n", 3)[3]


def test_report_markdown_escapes_hostile_articles(ledger, tmp_path):
    write(tmp_path / "in" / "evil.txt", HOSTILE)
    ledger("ingest", tmp_path / "in")
    text = ledger("report", "-f", "md").stdout
    assert "<script" not in text and "<img" not in text and "](javascript" not in text
    assert "&lt;script&gt;" in text


# ---------------------------------------------------------------- pieces


@pytest.mark.parametrize("url, linked", [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False), ("data:text/html,<script>", False), ("//example.org", False),
    ("https://exa mple.org", False), (None, False), ("vbscript:x", False), ("https://\x00x.org", False)])
def test_markup_links_only_web_urls(url, linked):
    from ledger.report.markup import web_url

    assert (web_url(url) is not None) == linked


def test_markup_escapes_text_and_attributes():
    from ledger.report.markup import el, raw

    assert el("a", "<b>&", href='x" onclick="y') == '<a href="x&quot; onclick=&quot;y">&lt;b&gt;&amp;</a>'
    assert el("td", raw("<i>ours</i>"), class_="n", hidden=True, title=None) == '<td class="n" hidden><i>ours</i></td>'


def test_passages_highlight_overlapping_spans():
    from ledger.report.data import Passage
    from ledger.report.passages import highlighted

    passage = Passage("Brask said <x> was hit", 0, {"mention": (0, 5), "cue": (6, 10), "content": (11, 22)})
    assert highlighted(passage) == ('<span class="mention">Brask</span> <span class="cue">said</span> '
                                    '<mark class="content">&lt;x&gt; was hit</mark>')


def test_chart_draws_open_bounds_as_open():
    from ledger.report.chart import chart_svg
    from ledger.report.data import FigureMark, MetricBlock, SourceSeries

    def mark(claim_id, low, high):
        return FigureMark(claim_id, "S", "killed", None, low, high, None, False, False, "x", "2024-01-01", "O")

    block = MetricBlock("killed", None, (SourceSeries("S", "monitor", (mark(1, 5, None), mark(2, None, 7),
                                                                       mark(3, 4, 6), mark(4, 9, 9))),))
    svg = parse(chart_svg(block, ["S"], "c"))
    marks = {m.attrs["data-claim"]: m for m in svg.find_all("g", "mark")}
    assert [sorted(m.classes) for m in marks.values()] == [
        ["mark", "mark-at-least", "mark-earlier"], ["mark", "mark-earlier", "mark-up-to"],
        ["mark", "mark-earlier", "mark-range"], ["mark", "mark-exact"]]
    assert marks["1"].find_all("rect")[0].attrs["mask"] == "url(#c-fade-right)"
    assert marks["2"].find_all("rect")[0].attrs["mask"] == "url(#c-fade-left)"
    assert [squash(m.find_all("text")[0].text()) for m in marks.values()] == ["5+", "<=7", "4-6", "9"]
    assert svg.find_all("svg")[0].attrs["data-marks"] == "4"


# ---------------------------------------------------------------- a large ledger: one page per event


def test_report_split_writes_an_index_and_one_page_per_event(examples, tmp_path):
    """--split: index.html lists every event and links its page; each event page holds that event's
    section and the passages of its claims only, and every claim link resolves on the same page."""
    folder = tmp_path / "report"
    result = examples("report", "--split", "--out", folder)
    events = examples.json("events")
    claims = exported_claims(examples)
    assert result.stdout == ""
    assert result.stderr.strip() == (f"wrote {folder / 'index.html'} and {len(events)} event pages "
                                      f"({len(claims)} claims)")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["index.html"] + [f"event-{e['id']}.html" for e in events])
    index = parse((folder / "index.html").read_text(encoding="utf-8"))
    assert [a.attrs["href"] for a in index.find_all("nav")[0].find_all("a")] == [
        f"event-{e['id']}.html" for e in sorted(events, key=lambda e: (e["date"] or "", e["id"]))]
    assert index.find_all("section", "event") == [] and index.by_id("passages") is None
    for event in events:
        page = parse((folder / f"event-{event['id']}.html").read_text(encoding="utf-8"))
        [section] = page.find_all("section", "event")
        assert section.attrs["id"] == f"event-{event['id']}"
        own = sorted(c["id"] for c in claims if (c["event"] or {}).get("id") == event["id"])
        passages = sorted(int(n.attrs["id"].split("-")[1]) for n in page.by_id("passages").find_all("section"))
        assert passages == own
        for link in page.find_all("a", "claim-link"):
            assert page.by_id(link.attrs["href"][1:]) is not None, link.attrs["href"]
        assert page.find_all("a")[0].attrs["href"] == "index.html"


def test_report_split_index_of_many_events_comes_in_pages(examples, tmp_path, monkeypatch):
    """A large ledger's index is cut into pages of INDEX_EVENTS events (one page of 9,500 events took a
    browser 1.2 s to open): each lists its share in order, numbered on from the page before, links every
    index page, and each event page leads back to the index page that lists it."""
    from ledger.report import html

    monkeypatch.setattr(html, "INDEX_EVENTS", 1)
    folder = tmp_path / "report"
    result = examples("report", "--split", "--out", folder)
    events = sorted(examples.json("events"), key=lambda e: (e["date"] or "", e["id"]))
    assert len(events) >= 2  # the examples make at least two index pages
    names = ["index.html"] + [f"index-{k}.html" for k in range(2, len(events) + 1)]
    assert sorted(p.name for p in folder.iterdir()) == sorted(names + [f"event-{e['id']}.html" for e in events])
    assert result.stderr.strip().startswith(f"wrote {folder / 'index.html'} (and {len(names) - 1} more index "
                                            f"pages) and {len(events)} event pages")
    listed = []
    for number, name in enumerate(names, 1):
        index = parse((folder / name).read_text(encoding="utf-8"))
        pagers = index.find_all("nav", "pager")
        assert len(pagers) == 2  # above and below the list
        assert [a.attrs["href"] for a in pagers[0].find_all("a")] == [n for n in names if n != name]
        [toc] = index.find_all("nav", "toc")
        [listing] = toc.find_all("ol")
        assert listing.attrs.get("start", "1") == str(number)
        links = [a.attrs["href"] for a in toc.find_all("a")]
        assert len(links) == 1
        listed += links
        for link in links:
            page = parse((folder / link).read_text(encoding="utf-8"))
            assert page.find_all("a")[0].attrs["href"] == name
    assert listed == [f"event-{e['id']}.html" for e in events]


def test_report_refuses_one_huge_page_and_says_what_to_do(examples, tmp_path, monkeypatch):
    """Above ONE_PAGE_CLAIMS a single page is refused (a 75 MB page does not open), pointing at --split;
    --one-page insists, and a report of a few events stays one page."""
    import ledger.commands.report as command

    monkeypatch.setattr(command, "ONE_PAGE_CLAIMS", 10)
    claims = len(exported_claims(examples))
    refused = examples("report", "--out", tmp_path / "r.html", expect=1)
    assert refused.stderr.strip() == (f"error: {claims} claims make one page too large for a browser to open "
                                      "quickly: write one page per event with --split --out FOLDER, choose "
                                      "events (ledger report 3 7), or insist with --one-page")
    assert not (tmp_path / "r.html").exists()
    examples("report", "--one-page", "--out", tmp_path / "r.html")
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count('class="event"') == len(examples.json("events"))
    small = min(examples.json("events"), key=lambda e: sum(1 for c in exported_claims(examples)
                                                             if (c["event"] or {}).get("id") == e["id"]))
    examples("report", small["id"], "--out", tmp_path / "one.html")
    assert examples("report", "--format", "md").stdout.startswith("#")  # Markdown is text: no limit


def test_report_split_needs_a_folder_and_html(examples):
    for args in (["--split"], ["--split", "--out", "r", "--format", "md"]):
        assert examples("report", *args, expect=1).stderr.strip() == (
            "error: --split writes HTML pages into a folder: give it --out FOLDER (and no --format md)")
