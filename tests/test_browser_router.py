"""Browser, after a FRESH server start each time: the first change of quarter or language keeps the
chosen year (issue #11 "the meeting-room screen shows the wrong year after a restart").

Streamlit decides its legacy ``pages/`` mode when the first session of a process starts; a stray
legacy first run gave the frame's widgets new ids, so the first change landed on the first year and
quarter. The launcher (``app.py``) switches that mode off before any session exists. Each case here
starts its own server, so each is the first session of its process: public read-only at ``/``,
signed in at ``/``, a deep link signed in and public, and three browsers connecting at once.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests import browser_auth
from tests.browser import app_env, exceptions, launch, serve, wait_rendered

pytestmark = pytest.mark.browser
SIDEBAR = "[data-testid='stSidebar']"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    tmp, env = app_env(tmp_path_factory, "router", demo=True)
    browser_auth.prepare(env)
    return tmp, env


def fresh_env(demo_db, tmp_path, **settings) -> dict:
    """A copy of the demo database for one fresh server."""
    tmp, env = demo_db
    shutil.copyfile(tmp / "tracker.db", tmp_path / "tracker.db")
    return {**env, "TRACKER_DB": str(tmp_path / "tracker.db"), "TRACKER_BACKUP_DIR": str(tmp_path / "bk"),
            "TRACKER_SNAPSHOT_DIR": str(tmp_path / "snaps"), **settings}


def open_sidebar(page) -> None:
    expand = page.locator("[data-testid='stExpandSidebarButton']")
    if expand.count() and expand.first.is_visible():
        expand.first.click()
        page.wait_for_function("() => document.querySelector(\"[data-testid='stSidebar']\")"
                               ".getBoundingClientRect().left >= 0")


def shown_period(page) -> str:
    """What the page says the period is: the page header's caption, or the meeting slide's stamp."""
    stamp = page.locator(".st-key-stamp, .st-key-period")
    if stamp.count():
        return stamp.first.inner_text()
    return page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first.inner_text()


def change(page, what: str) -> None:
    """Change the quarter to 2, or the language to English, once, and wait for the rerun it causes."""
    from tests.browser import after

    open_sidebar(page)
    if what == "quarter":
        page.locator(f"{SIDEBAR} [data-testid='stSelectbox']").nth(1).click()
        after(page, page.get_by_role("option", name=re.compile(r"^ไตรมาส 2")).first.click)
    else:
        after(page, page.locator(SIDEBAR).get_by_text("English", exact=True).click)


def expect(page, what: str) -> None:
    """After the change the view shows FY2570 (the demo data's latest year), Q2 or in English."""
    wait_rendered(page)
    text = " ".join(shown_period(page).split())
    if what == "quarter":
        assert "2570" in text and "ไตรมาส 2" in text, text
    else:
        assert "FY2570" in text, text
    assert not exceptions(page)


@pytest.mark.parametrize("mode, path, what", [
    ("public", "/", "quarter"), ("public", "/", "language"), ("signed_in", "/", "quarter"),
    ("signed_in", "/goal?goal=3", "quarter"), ("public", "/goal?goal=3", "quarter"), ("public", "/meeting", "quarter"),
])
def test_first_change_after_a_fresh_start_keeps_the_year(demo_db, tmp_path, mode, path, what):
    from playwright.sync_api import sync_playwright

    env = fresh_env(demo_db, tmp_path, **({"TRACKER_PUBLIC_READ": "1"} if mode == "public" else {}))
    with serve(env) as url, sync_playwright() as pw:
        browser, page = launch(pw)
        try:
            page.goto(url + path)
            browser_auth.sign_in(page, url + path)
            # the frame drew its period selectors (not a page run alone)
            page.locator(f"{SIDEBAR} [data-testid='stSelectbox']").nth(1).wait_for(state="attached")
            assert "2570" in shown_period(page)
            change(page, what)
            expect(page, what)
            if "goal=3" in path:
                assert "goal=3" in page.url
        finally:
            browser.close()


def test_three_browsers_connecting_at_once_after_a_start_keep_the_year(demo_db, tmp_path):
    from playwright.sync_api import sync_playwright

    from tests.browser import TIMEOUT_MS

    env = fresh_env(demo_db, tmp_path, TRACKER_PUBLIC_READ="1")
    with serve(env) as url, sync_playwright() as pw:
        browser, first = launch(pw)
        try:
            pages = [first] + [browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH",
                                                   timezone_id="Asia/Bangkok").new_page() for _ in range(2)]
            for p, path in zip(pages, ["/", "/goal?goal=3", "/meeting"]):
                p.set_default_timeout(TIMEOUT_MS)
                p.goto(url + path, wait_until="commit")    # all connect before any first run is done
            for p in pages:
                p.locator(f"{SIDEBAR} [data-testid='stSelectbox']").nth(1).wait_for(state="attached")
                wait_rendered(p)
                assert not exceptions(p)
            for p in pages:
                change(p, "quarter")
                expect(p, "quarter")
        finally:
            browser.close()
