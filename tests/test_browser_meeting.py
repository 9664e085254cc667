"""Browser: meeting mode on a projector, every slide at 1280×720 and 1920×1080 without scrolling and
without a Thai word broken across lines (tables, cards, the chart's labels: word boundaries from the
segmenter, tests/thai_layout.py); a presenter's clicker (arrow keys, PageDown/PageUp, Space, Home/End) drives it and F5 keeps the slide,
the period and the language."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser import after, app_env, exceptions, launch, serve, wait_rendered
from tests.thai_layout import mid_word_breaks_in, report

pytestmark = pytest.mark.browser
SLIDE_N = re.compile(r"สไลด์ (\d+)/(\d+)|Slide (\d+) of (\d+)")
SIZES = [(1280, 720), (1920, 1080)]
SHOTS = Path(os.environ.get("MEETING_SHOTS", "")) if os.environ.get("MEETING_SHOTS") else None
BANNER_JS = """() => { const a = document.querySelector('[data-testid=stAlert]');
  const h = document.querySelector('[data-testid=stHeader]');
  return a && h ? [a.getBoundingClientRect().top, h.getBoundingClientRect().bottom] : null; }"""
OVERFLOW_JS = """() => { const m = document.querySelector('[data-testid=stMain]');
  return [m.scrollHeight, m.clientHeight, document.documentElement.scrollHeight, window.innerHeight]; }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # public read-only mode: the meeting-room screen needs no sign-in (the viewer role sees meeting mode)
    tmp, env = app_env(tmp_path_factory, "meeting", demo=True, TRACKER_PUBLIC_READ="1")
    with serve(env) as url:
        yield url, tmp


@pytest.mark.parametrize("width, height", SIZES)
def test_every_slide_fits_without_scrolling(server, width, height):
    from playwright.sync_api import sync_playwright

    url, tmp = server
    out = SHOTS or tmp / "shots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser, page = launch(pw, width=width, height=height)
        try:
            page.goto(url + "/meeting")     # public read-only mode: no sign-in
            wait_rendered(page)
            total = slide_shown(page)[1]
            assert total >= 10
            for n in range(1, total + 1):
                page.get_by_text(f"สไลด์ {n}/{total}").wait_for(state="visible")
                wait_rendered(page)
                page.screenshot(path=str(out / f"meeting-{width}x{height}-{n:02d}.png"))
                assert not exceptions(page), (n, exceptions(page))
                assert page.get_by_text(f"สไลด์ {n}/{total}").count() == 1
                main_h, main_client, doc_h, win_h = page.evaluate(OVERFLOW_JS)
                assert main_h <= main_client + 2, f"slide {n} scrolls at {width}×{height}: {main_h} > {main_client}"
                banner = page.evaluate(BANNER_JS)  # the demo banner starts below Streamlit's header
                assert banner and banner[0] >= banner[1] - 1, f"slide {n}: banner under the header {banner}"
                broken = mid_word_breaks_in(page, "[data-testid=stMain]")     # HTML text and the chart's SVG
                assert not broken, f"slide {n} at {width}×{height}:\n" + report(broken)
                if n < total:
                    after(page, page.locator(".st-key-next button").click)
        finally:
            browser.close()


def slide_shown(page) -> tuple[int, int]:
    """(slide, total) as the page says it."""
    m = SLIDE_N.search(page.locator(".st-key-slideno").inner_text())
    a, b, c, d = m.groups()
    return (int(a), int(b)) if a else (int(c), int(d))


def test_a_clicker_drives_the_slides_and_f5_keeps_slide_period_and_language(server):
    from playwright.sync_api import sync_playwright

    url, _ = server
    with sync_playwright() as pw:
        browser, page = launch(pw, width=1280, height=720)
        try:
            page.goto(url + "/meeting?lang=en&fy=2569&q=2")
            wait_rendered(page)
            total = slide_shown(page)[1]
            assert slide_shown(page) == (1, total) and "FY2569" in page.locator(".st-key-stamp").inner_text()
            for key, expected in (("ArrowRight", 2), ("PageDown", 3), ("Space", 4), ("PageUp", 3),
                                  ("ArrowLeft", 2), ("End", total), ("Home", 1), ("PageDown", 2)):
                after(page, lambda: page.keyboard.press(key))
                assert slide_shown(page) == (expected, total), key
            assert "slide=2" in page.url and "lang=en" in page.url and "fy=2569" in page.url
            page.reload()                                       # F5 (or a clicker's "start show" key)
            wait_rendered(page)
            assert slide_shown(page) == (2, total)             # "Slide 2 of N": still English
            stamp = page.locator(".st-key-stamp").inner_text()
            assert "FY2569" in stamp and "Q2" in stamp, stamp
            assert page.locator(".st-key-fullscreen button").first.is_visible()
            # the icon-only buttons are named in words (not the icon's ligature "fullscreen")
            page.wait_for_function("() => document.querySelector('.st-key-fullscreen button')"
                                   "?.getAttribute('aria-label') === 'Full screen'")
            assert page.get_by_role("button", name="Full screen", exact=True).count() == 1
            assert page.get_by_role("button", name="Meeting settings and downloads", exact=True).count() == 1
            assert not exceptions(page)
        finally:
            browser.close()
