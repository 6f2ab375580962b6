"""The report in a real browser: Debian's headless chromium, driven by playwright over CDP.

The page must load from ``file://`` without a console error or a page error (a Content-Security-Policy
violation, such as an article's script that slipped through, is a console error), open no dialog, draw
its charts, and leave screenshots in ``artifacts/`` for people to look at: ``report.png`` (the whole page)
and ``report-chart.png`` (one screen, at the chart of the event with most figures).

Skipped when chromium or playwright is missing, unless ``LEDGER_REQUIRE_BROWSER=1`` (CI), where that is a
failure. Never runs ``playwright install``: the browser is the system's.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import write
from test_report import HOSTILE, exported_claims

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "artifacts"
CHROMIUM = os.environ.get("LEDGER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser_or_skip():
    """playwright's sync API, or a skip (a failure when the browser is required)."""
    problem = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        problem = f"the playwright package is not installed ({exc}); pip install -e '.[test]'"
    else:
        if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
            problem = f"no chromium at {CHROMIUM} (apt-get install -y chromium)"
    if problem is None:
        return sync_playwright
    if os.environ.get("LEDGER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"a browser is required (LEDGER_REQUIRE_BROWSER=1): {problem}")
    pytest.skip(problem)


@contextmanager
def chromium_page(sync_playwright):
    """A chromium page with every console error, page error, dialog and remote request recorded in
    ``page.problems``. (Not a fixture: a missing browser must make the test itself fail, not error.)"""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 1000})
            tab.problems = []
            tab.on("console", lambda m: m.type in ("error", "warning")
                   and tab.problems.append(f"console {m.type}: {m.text}"))
            tab.on("pageerror", lambda e: tab.problems.append(f"page error: {e}"))
            tab.on("dialog", lambda d: (tab.problems.append(f"dialog: {d.message}"), d.dismiss()))
            tab.on("request", lambda r: not r.url.startswith(("file://", "data:", "about:"))
                   and tab.problems.append(f"request: {r.url}"))
            yield tab
        finally:
            browser.close()


def test_report_browser_loads_cleanly_and_draws_the_charts(sqlite_ledger, tmp_path):
    sync_playwright = browser_or_skip()
    write(tmp_path / "hostile" / "evil.txt", HOSTILE)
    sqlite_ledger("ingest", REPO / "examples", tmp_path / "hostile")
    ARTIFACTS.mkdir(exist_ok=True)
    report = ARTIFACTS / "report.html"
    sqlite_ledger("report", "--out", report)
    with chromium_page(sync_playwright) as page:
        check_page(page, report, sqlite_ledger)


def check_page(page, report: Path, ledger) -> None:
    """Loads cleanly, draws one mark per bounded figure, links claims to passages; leaves a screenshot."""
    page.goto(report.as_uri(), wait_until="load")
    page.wait_for_timeout(200)  # let late console messages arrive
    assert page.problems == []
    assert page.title() == "Claim ledger report"
    bounded = sum(1 for c in exported_claims(ledger) for f in c["figures"]
                  if f["low"] is not None or f["high"] is not None)
    assert page.locator("svg.chart-svg").count() >= 1
    assert page.locator("svg.chart-svg g.mark").count() == bounded > 0
    box = page.locator("svg.chart-svg").first.bounding_box()
    assert box and box["width"] > 400 and box["height"] > 80  # laid out, not collapsed
    assert page.locator("script").count() == 0 and page.locator("img").count() == 0

    page.locator("table.claims a.claim-link").first.click()  # the link jumps to the passage
    assert page.evaluate("location.hash").startswith("#claim-")
    assert page.locator(":target mark.content").count() >= 1

    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    page.evaluate("""() => {  // the busiest event's chart, at a readable size
        const events = [...document.querySelectorAll('section.event')];
        const marks = e => e.querySelectorAll('svg.chart-svg g.mark').length;
        const busiest = events.reduce((a, b) => marks(b) > marks(a) ? b : a);
        busiest.querySelector('svg.chart-svg').closest('div, figure, section').scrollIntoView();
    }""")
    page.screenshot(path=str(ARTIFACTS / "report-chart.png"))
    assert (ARTIFACTS / "report-chart.png").stat().st_size > 10_000


def test_report_browser_split_pages_link_and_load_cleanly(sqlite_ledger, tmp_path):
    """The index of a split report opens, its event links lead to pages that load cleanly and draw their
    charts, and a claim link on an event page jumps to the claim's passage on that page."""
    sync_playwright = browser_or_skip()
    sqlite_ledger("ingest", REPO / "examples")
    folder = tmp_path / "report"
    sqlite_ledger("report", "--split", "--out", folder)
    events = sqlite_ledger.json("events")
    with chromium_page(sync_playwright) as page:
        page.goto((folder / "index.html").as_uri(), wait_until="load")
        assert page.locator("nav.toc a").count() == len(events)
        assert page.locator("section.event").count() == 0
        page.locator("nav.toc a").first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(".html") and "/event-" in page.url
        assert page.locator("section.event").count() == 1
        assert page.locator("svg.chart-svg g.mark").count() >= 1
        page.locator("table.claims a.claim-link").first.click()
        assert page.evaluate("location.hash").startswith("#claim-")
        assert page.locator(":target mark.content").count() >= 1
        page.locator("p.back a").first.click()  # back to the index
        page.wait_for_load_state("load")
        assert page.url.endswith("/index.html")
        page.wait_for_timeout(200)
        assert page.problems == []
