"""Browser: a viewer who signs in cannot reach data pages by typing their URL; analysts can."""

from __future__ import annotations


import pytest

from tests import browser_auth
from tests.browser import NAV_LINK, app_env, exceptions, launch, serve, wait_rendered

pytestmark = pytest.mark.browser
VIEWER, ANALYST = ("meeting-screen", "viewer-password-1"), ("somchai", "analyst-password-1")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _, env = app_env(tmp_path_factory, "browser_security")
    browser_auth.prepare(env, *VIEWER, role="viewer")
    browser_auth.prepare(env, *ANALYST, role="analyst")
    with serve(env) as url:
        yield url


def open_as(pw, url: str, path: str, who: tuple[str, str]):
    browser, page = launch(pw)
    page.goto(url + path)
    wait_rendered(page)
    page.locator(browser_auth.SETTLED).first.wait_for(state="attached")
    assert page.locator("input[type='password']").count() == 1  # the sign-in form comes first
    assert page.locator("[data-testid='stFileUploader']").count() == 0
    browser_auth.sign_in(page, url + path, *who)
    return browser, page


#: true once the app has answered a link to a page the role may not see: "Page not found", a refusal in
#: the page, or the default page instead
_ANSWERED_JS = """(path) => document.body.innerText.includes("Page not found")
  || (document.querySelector("[data-testid='stMain']") || document.body).innerText.includes("ไม่มีสิทธิ์")
  || !location.pathname.replace(/\\/$/, "").endsWith(path)"""


@pytest.mark.parametrize("path", ["/upload", "/history", "/locks", "/users", "/audit"])
def test_viewer_cannot_reach_a_data_page_by_url(server, path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = open_as(pw, server, path, VIEWER)
        try:
            page.wait_for_function(_ANSWERED_JS, arg=path)
            wait_rendered(page)
            assert not exceptions(page)
            main = page.locator("[data-testid='stMain']").inner_text()
            not_found = page.get_by_text("Page not found").count() > 0
            refused = "ไม่มีสิทธิ์" in main
            elsewhere = not page.url.rstrip("/").endswith(path)  # sent to the default page instead
            assert not_found or refused or elsewhere, (page.url, main[:300])
            assert page.locator("[data-testid='stFileUploader']").count() == 0
            assert page.locator("[data-testid='stForm']").count() == 0
            hrefs = [a.get_attribute("href") or "" for a in page.locator(NAV_LINK).all()]
            assert hrefs and not any(h.rstrip("/").endswith(path) for h in hrefs)   # listed: the viewer's pages only
            # signed in as the viewer, with the role shown
            assert VIEWER[0] in page.locator("[data-testid='stSidebar']").inner_text()
        finally:
            browser.close()


@pytest.mark.parametrize("path, widget, text", [("/upload", "stFileUploader", "นำเข้าข้อมูลรายไตรมาส"),
                                                ("/locks", "stForm", "ล็อกไตรมาส")])
def test_analyst_reaches_the_data_pages_by_url(server, path, widget, text):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = open_as(pw, server, path, ANALYST)
        try:
            page.locator(f"[data-testid='{widget}']").first.wait_for(state="visible")
            wait_rendered(page)
            assert not exceptions(page)
            assert page.get_by_text("Page not found").count() == 0
            assert text in page.locator("[data-testid='stMain']").inner_text()
        finally:
            browser.close()


def test_wrong_password_is_refused_in_the_browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = launch(pw)
        try:
            page.goto(server + "/")
            wait_rendered(page)
            page.locator("input[type='password']").wait_for(state="visible")
            page.get_by_label("ชื่อผู้ใช้").fill(ANALYST[0])
            page.locator("input[type='password']").fill("not-the-password")
            page.locator("[data-testid='stFormSubmitButton'] button").click()
            page.get_by_text("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง").wait_for(state="visible")
            assert page.locator("input[type='password']").count() == 1
        finally:
            browser.close()
