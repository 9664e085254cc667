"""Browser: the overview's first screen at 1366×768 (an executive's laptop) answers without scrolling:
how many goals are on track and which, what is late (count and the worst items, linked), money by goal;
Thai goal names break between words, never inside one (word boundaries from the segmenter); so does
every text and chart label of every page at that size."""

from __future__ import annotations

import pytest

from tests.browser import app_env, exceptions, launch, serve, wait_rendered
from tests.thai_layout import mid_word_breaks_in, report

pytestmark = pytest.mark.browser
WIDTH, HEIGHT = 1366, 768
BOTTOM_JS = """s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().bottom : null; }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _, env = app_env(tmp_path_factory, "first", demo=True, TRACKER_PUBLIC_READ="1")
    with serve(env) as url:
        yield url


@pytest.mark.parametrize("lang, late", [("th", "เรื่องที่ต้องติดตาม"), ("en", "Needs attention")])
def test_the_first_viewport_names_the_goals_and_what_is_late(server, lang, late):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = launch(pw, width=WIDTH, height=HEIGHT)
        try:
            page.goto(server + f"/?lang={lang}")
            wait_rendered(page)
            assert not exceptions(page)
            box = page.locator(".st-key-late")
            assert late in box.inner_text()
            assert box.locator("[data-testid=stPageLink]").count() == 4        # the four most serious, linked
            assert "goal=" in box.locator("[data-testid=stPageLink] a").first.get_attribute("href")
            # each item's text is whole on its line (cut between words with "…" in the app, not by the box)
            clipped = page.evaluate("""() => [...document.querySelectorAll('.st-key-late [data-testid=stPageLink] p')]
                .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.textContent)""")
            assert not clipped, clipped
            for selector in (".st-key-late", ".st-key-goalcard5", "[data-testid=stMetric]"):
                bottom = page.evaluate(BOTTOM_JS, selector)
                assert bottom is not None and bottom <= HEIGHT, (selector, bottom)
            chart = page.locator(".st-key-ov_budget, [data-testid=stPlotlyChart]").first
            assert chart.bounding_box()["y"] < HEIGHT - 200                  # money by goal starts on screen
            if lang == "th":
                found = mid_word_breaks_in(page, "[class*=st-key-goalcard]")
                assert not found, report(found)
        finally:
            browser.close()


#: how many cells of the static tables run over more than one line
WRAPPED_CELLS_JS = """() => [...document.querySelectorAll('table[data-table] td')].filter(td => {
  const r = document.createRange(); r.selectNodeContents(td);
  return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size > 1;
}).length"""


#: every page a viewer sees (the goal page once per goal: each has its own texts and charts)
PAGES = ["/", *[f"/goal?goal={n}" for n in range(1, 6)], "/plan", "/indicators", "/projects", "/budget",
         "/history", "/method", "/me_report", "/reports"]


def test_no_page_breaks_a_thai_word_across_lines(server):
    """Text, table cells and chart labels (Plotly's SVG) of every page in Thai at 1366×768: each line
    break falls between two of the segmenter's words (tests/thai_layout.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = launch(pw, width=WIDTH, height=HEIGHT)
        try:
            problems, wrapped = [], {}
            for path in PAGES:
                page.goto(server + path + ("&" if "?" in path else "?") + "lang=th")
                wait_rendered(page)
                assert not exceptions(page), (path, exceptions(page))
                found = mid_word_breaks_in(page, "[data-testid=stMain]")
                problems += [f"{path}: {line}" for line in report(found).splitlines()]
                wrapped[path] = page.evaluate(WRAPPED_CELLS_JS)
            assert not problems, "\n".join(problems)
            # the small tables are static and wrap long Thai names (checked above: between words), never cut
            assert all(wrapped[p] > 0 for p in ("/", "/goal?goal=3", "/indicators", "/budget")), wrapped
        finally:
            browser.close()
