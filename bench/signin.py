"""Sign-in to a drawn overview in Chromium (issue #14: "under 2 s warm").

The app is served (``streamlit run app.py``) on the benchmark's database; one browser stays open (its
HTTP cache warm, like an office PC's). Each repeat: the session cookie is cleared, the sign-in form is
shown, then timed from the click on "sign in" until the overview is drawn (the script run finished,
every chart drawn: :func:`tests.browser.wait_rendered`, and the overview's attention box there). The
floor, from the same run: F5 of the overview already signed in (the same page drawn, no sign-in).
A first, untimed sign-in warms the server's caches.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.timing import Row, Timing

USER, PASSWORD = "bench-admin", "bench-admin-password-1"


def _drawn(page) -> None:
    from tests.browser import wait_rendered

    page.locator(".st-key-auth_signout").wait_for(state="attached")
    page.locator(".st-key-late").wait_for(state="attached")
    wait_rendered(page)


def _sign_in(page, url: str) -> float:
    """Seconds from the click on the sign-in button to the drawn overview."""
    from tests.browser import wait_rendered

    page.context.clear_cookies()
    page.goto(url + "/")
    wait_rendered(page)
    page.locator("input[type='password']").wait_for(state="visible")
    page.get_by_label("ชื่อผู้ใช้").or_(page.get_by_label("User name")).first.fill(USER)
    page.locator("input[type='password']").first.fill(PASSWORD)
    start = time.perf_counter()
    page.locator("[data-testid='stFormSubmitButton'] button").first.click()
    page.locator("input[type='password']").wait_for(state="detached")
    _drawn(page)
    return time.perf_counter() - start


def _reload(page) -> float:
    start = time.perf_counter()
    page.reload()
    _drawn(page)
    return time.perf_counter() - start


def run(db_path: Path, repeats: int) -> list[Row]:
    """Row ``sign-in → overview drawn`` (warm) beside F5 of the signed-in overview."""
    from playwright.sync_api import sync_playwright

    from tests import browser_auth
    from tests.browser import launch, serve

    env = {**os.environ, "TRACKER_DB": str(db_path)}
    env.pop("TRACKER_PUBLIC_READ", None)
    browser_auth.prepare(env, USER, PASSWORD)
    value, floor = Timing(), Timing()
    with serve(env) as url, sync_playwright() as pw:
        browser, page = launch(pw, width=1366, height=768)
        try:
            _sign_in(page, url)                       # cold: not counted
            for _ in range(repeats):
                value.samples.append(_sign_in(page, url))
                floor.samples.append(_reload(page))
        finally:
            browser.close()
    return [Row("sign-in", "click → overview drawn (warm, 1366×768)", value, "F5 of the overview", floor,
                budget="≤ 2 s")]
