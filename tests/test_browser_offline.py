"""Browser: the app works on an office network without internet: every request the browser makes goes
to the app's own server (the page icon, fonts, scripts), none to another host."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests import browser_auth
from tests.browser import app_env, exceptions, launch, serve, wait_rendered

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _, env = app_env(tmp_path_factory, "offline", demo=True)
    browser_auth.prepare(env)
    with serve(env) as url:
        yield url


def test_no_request_leaves_the_app_server_and_the_icon_is_the_apps_own(server):
    from playwright.sync_api import sync_playwright

    url = server
    with sync_playwright() as pw:
        browser, page = launch(pw)
        requests: list[str] = []
        failed: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("requestfailed", lambda r: failed.append(r.url))
        try:
            for path in ["/", "/goal?goal=3", "/budget", "/meeting", "/plan"]:
                page.goto(url + path)
                browser_auth.sign_in(page, url + path)
                wait_rendered(page)
                assert not exceptions(page), path
            icon = page.evaluate("() => [...document.querySelectorAll('link[rel*=icon]')].map(l => l.href)")
        finally:
            browser.close()
    hosts = {urlparse(u).hostname for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, sorted(u for u in requests if urlparse(u).hostname != "127.0.0.1")
    assert icon and all(urlparse(h).hostname == "127.0.0.1" for h in icon), icon
    assert not [u for u in failed if urlparse(u).hostname != "127.0.0.1"]
