"""Browser: a sign-in survives a reload, a new tab and a bookmark (server-side session, HttpOnly cookie);
a sign-out in one tab ends the others; the cookie routes answer only the app's own pages."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest

from tests import browser_auth
from tests.browser import NAV_LINK, app_env, exceptions, launch, new_tab, serve, wait_rendered
from tracker.auth import sessions

pytestmark = pytest.mark.browser
SIGNED_IN = ".st-key-auth_signout"
FORM = "input[type='password']"
#: counts every time a sign-in form appears in the page, from the first byte on
WATCH_FORM_JS = """new MutationObserver(() => { if (document.querySelector("input[type='password']"))
  window.__formSeen = (window.__formSeen || 0) + 1; }).observe(document, {childList: true, subtree: true});"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _, env = app_env(tmp_path_factory, "sessions", demo=True)
    browser_auth.prepare(env)
    with serve(env) as url:
        yield url


def sign_in(page, url: str, path: str) -> None:
    """Sign in through the form at ``path`` and wait until the page has taken its cookie."""
    page.goto(url + path)
    browser_auth.sign_in(page, url + path)
    page.wait_for_function("() => document.documentElement.dataset.authSession === '204'")


def shows_form_by_itself(tab, within: float = 180) -> bool:
    """Does ``tab`` show the sign-in form within ``within`` seconds, untouched? Polled from Python with
    ``evaluate``: Playwright's own waits run on animation frames, which stall in a background tab."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if tab.evaluate("() => !!document.querySelector(\"input[type='password']\")"):
            return True
        time.sleep(0.5)     # a polling interval, not a wait for a state: the loop waits for the state
    return False


def cookie(context) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == sessions.COOKIE), None)


def goal_shown(page) -> str:
    return page.locator("[data-testid='stMain'] h1").first.inner_text()


def period_shown(page) -> str:
    """The period line under the page title (year and quarter, in the chosen language)."""
    return page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first.inner_text()


def test_signed_in_over_reload_new_tab_and_bookmark_with_the_same_view(server):
    from playwright.sync_api import sync_playwright

    url = server
    with sync_playwright() as pw:
        browser, page = launch(pw)
        try:
            context = page.context
            sign_in(page, url, "/")
            c = cookie(context)
            assert c and c["httpOnly"] and c["sameSite"] == "Strict" and c["path"] == "/", c
            assert sessions.COOKIE not in page.evaluate("document.cookie")        # no script can read it
            # a new tab (or a bookmark typed in) opens the deep link signed in, without the form
            tab = new_tab(context)
            tab.add_init_script(WATCH_FORM_JS)
            tab.goto(url + "/goal?goal=3&fy=2568&q=3&lang=en")               # a shared link: the whole view
            tab.locator(SIGNED_IN).wait_for(state="attached")
            wait_rendered(tab)
            before = goal_shown(tab), period_shown(tab)
            assert before[0] == "Goal 3" and "FY2568" in before[1] and "Q3" in before[1], before
            tab.reload()                                                       # F5
            tab.locator(SIGNED_IN).wait_for(state="attached")
            wait_rendered(tab)
            assert (goal_shown(tab), period_shown(tab)) == before
            assert all(p in tab.url for p in ("goal=3", "fy=2568", "q=3", "lang=en")), tab.url
            assert tab.evaluate("window.__formSeen || 0") == 0                 # the form never flashed
            assert not exceptions(tab)
        finally:
            browser.close()


#: Streamlit's chart code (Plotly) as the browser fetched it: one entry per request
CHART_CODE_JS = "() => performance.getEntriesByType('resource').filter(e => /\\/PlotlyChart\\.[^/]*\\.js$/.test(e.name)).length"


def test_the_sign_in_form_loads_the_chart_code_once_and_the_overview_after_it_draws_every_chart(server):
    """While the user types, the browser already loads the charts' code (Streamlit would fetch and run it
    only when the overview's first chart arrives); after the sign-in the overview uses that same code (not
    fetched again) and draws every chart with its toolbar's PNG download."""
    from playwright.sync_api import sync_playwright

    url = server
    with sync_playwright() as pw:
        browser, page = launch(pw)
        try:
            page.goto(url + "/")
            page.locator(FORM).wait_for(state="visible")
            page.wait_for_function(CHART_CODE_JS)                              # asked for before any chart
            assert page.locator("[data-testid='stPlotlyChart']").count() == 0
            browser_auth.sign_in(page, url + "/")
            charts = page.locator("[data-testid='stPlotlyChart']")
            assert charts.count() >= 4
            for i in range(charts.count()):
                assert charts.nth(i).locator(".main-svg").count() >= 1
                assert charts.nth(i).locator(".modebar-btn[data-title*='png' i]").count() == 1
            assert page.evaluate(CHART_CODE_JS) == 1                           # loaded once, not again
            assert not exceptions(page)
        finally:
            browser.close()


#: counts every dialog (Streamlit's "Page not found") that appears in the page, from the first byte on
WATCH_DIALOG_JS = """new MutationObserver(() => { if (document.querySelector("[role='dialog']"))
  window.__dialogSeen = (window.__dialogSeen || 0) + 1; }).observe(document, {childList: true, subtree: true});"""


def test_overview_link_and_root_open_the_overview_with_their_view_and_no_dialog(server):
    """``/overview`` (what links and bookmarks say) is the overview's own address, and ``/`` moves there:
    neither shows Streamlit's English "Page not found" dialog, both keep the year, quarter and language."""
    from playwright.sync_api import sync_playwright

    url = server
    with sync_playwright() as pw:
        browser, page = launch(pw, 1366, 768)
        try:
            page.add_init_script(WATCH_DIALOG_JS)
            sign_in(page, url, "/overview?fy=2568&q=3&lang=en")          # signed out: the form, then the view
            wait_rendered(page)
            assert goal_shown(page) == "Plan performance overview"
            assert "FY2568" in period_shown(page) and "Q3" in period_shown(page)
            assert all(p in page.url for p in ("/overview?", "fy=2568", "q=3", "lang=en")), page.url
            for path in ("/overview?fy=2569&q=2&lang=th", "/?fy=2569&q=2&lang=th"):   # signed in: typed, bookmarked
                page.goto(url + path)
                page.locator(SIGNED_IN).wait_for(state="attached")
                wait_rendered(page)
                page.wait_for_url("**/overview?**")
                assert goal_shown(page) == "ภาพรวมผลการดำเนินงานตามแผนพัฒนา", path
                assert "ปีงบประมาณ 2569" in period_shown(page) and "ไตรมาส 2" in period_shown(page), path
                assert all(p in page.url for p in ("fy=2569", "q=2", "lang=th")), page.url
                assert page.evaluate("window.__dialogSeen || 0") == 0, path
            # the sidebar's overview link points at /overview (the root is not listed twice)
            hrefs = [a.get_attribute("href") for a in page.locator(NAV_LINK).all()]
            assert hrefs.count("overview") == 1 and "" not in hrefs and "/" not in hrefs, hrefs
            assert not exceptions(page)
        finally:
            browser.close()


def test_sign_out_in_one_tab_ends_the_other(server):
    from playwright.sync_api import sync_playwright

    url = server
    with sync_playwright() as pw:
        browser, a = launch(pw)
        try:
            context = a.context
            sign_in(a, url, "/")
            b = new_tab(context)
            b.goto(url + "/goal?goal=2")
            b.locator(SIGNED_IN).wait_for(state="attached")
            wait_rendered(b)
            stolen = cookie(context)
            a.locator(f"{SIGNED_IN} button").click()
            a.locator(FORM).wait_for(state="visible")
            a.wait_for_function("() => document.documentElement.dataset.authSignout === '204'")
            assert cookie(context) is None                                   # deleted in this browser
            # the other tab, left alone in the background: its session check (every 30 s) shows the
            # sign-in form without any click, saying the session has ended; F5 shows it too
            assert shows_form_by_itself(b)
            assert "ended" in b.locator("[data-testid='stMain']").inner_text() or \
                "สิ้นสุด" in b.locator("[data-testid='stMain']").inner_text()
            b.reload()
            b.locator(FORM).wait_for(state="visible")
            # the ended session's cookie, copied into another browser, is no use
            other = browser.new_context()
            other.add_cookies([{k: stolen[k] for k in ("name", "value", "domain", "path")}])
            p = new_tab(other)
            p.goto(url + "/")
            p.locator(FORM).wait_for(state="visible")
        finally:
            browser.close()


@pytest.mark.parametrize("origin", [None, "http://evil.example"])
def test_the_cookie_routes_refuse_requests_from_other_sites(server, origin):
    for route in ("/auth/session", "/auth/signout"):
        req = urllib.request.Request(server + route, data=b"code=x", method="POST",
                                     headers={"Origin": origin} if origin else {})
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req, timeout=30)
        assert err.value.code == 403
