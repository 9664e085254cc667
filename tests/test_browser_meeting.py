"""Browser: meeting mode on a projector, every slide at 1280×720 and 1920×1080 without scrolling."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser import after, app_env, exceptions, launch, serve, wait_rendered

pytestmark = pytest.mark.browser
SLIDES = 10
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
            for n in range(1, SLIDES + 1):
                page.get_by_text(f"สไลด์ {n}/{SLIDES}").wait_for(state="visible")
                wait_rendered(page)
                page.screenshot(path=str(out / f"meeting-{width}x{height}-{n:02d}.png"))
                assert not exceptions(page), (n, exceptions(page))
                assert page.get_by_text(f"สไลด์ {n}/{SLIDES}").count() == 1
                main_h, main_client, doc_h, win_h = page.evaluate(OVERFLOW_JS)
                assert main_h <= main_client + 2, f"slide {n} scrolls at {width}×{height}: {main_h} > {main_client}"
                banner = page.evaluate(BANNER_JS)  # the demo banner starts below Streamlit's header
                assert banner and banner[0] >= banner[1] - 1, f"slide {n}: banner under the header {banner}"
                if n < SLIDES:
                    after(page, page.locator(".st-key-next button").click)
        finally:
            browser.close()
