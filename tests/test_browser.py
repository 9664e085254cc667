"""Browser test: serve the app with demo data, open every page in Thai and English, no exception."""

from __future__ import annotations


import pytest

from tests.browser import NAV_LINK, after, app_env, exceptions, launch, nav_links, serve, wait_rendered
from tracker import thai
from tracker.plan import default_plan

pytestmark = pytest.mark.browser
PLAN = default_plan()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _, env = app_env(tmp_path_factory, "browser", demo=True)
    from tests import browser_auth

    browser_auth.prepare(env)
    with serve(env) as url:
        yield url, env


def test_deep_link_opened_first_after_start_runs_inside_the_frame(server):
    """A link to a page other than the default, opened first, still gets the sidebar and no error."""
    from playwright.sync_api import sync_playwright

    from tests import browser_auth

    url, _ = server
    with sync_playwright() as pw:
        browser, page = launch(pw)
        page.goto(url + "/plan")
        browser_auth.sign_in(page, url + "/plan")
        # the frame's period selector is there, and the plan page inside the frame
        page.locator("[data-testid='stSidebar']").get_by_text("ปีงบประมาณ (พ.ศ.)").wait_for(state="visible")
        page.locator("[data-testid='stMain']").get_by_text("วิสัยทัศน์").first.wait_for(state="visible")
        wait_rendered(page)
        assert not exceptions(page)
        assert page.get_by_text("Page not found").count() == 0
        browser.close()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_page_renders_without_exception(server, lang, tmp_path):
    from playwright.sync_api import sync_playwright

    from tests import browser_auth

    url, _ = server
    seen = []
    with sync_playwright() as pw:
        browser, page = launch(pw)
        page.goto(url + "/")
        browser_auth.sign_in(page, url + "/")
        if lang == "en":
            after(page, page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click)
        # every page is listed at once, below the year and quarter: no English "View N more" button, and
        # on a 1366×768 laptop the admin's (longest) list leaves the year and quarter boxes in view
        assert page.locator("[data-testid='stSidebarNavViewButton']").count() == 0
        page.set_viewport_size({"width": 1366, "height": 768})
        quarter = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").nth(1).bounding_box()
        assert quarter and quarter["y"] + quarter["height"] <= 768, quarter
        assert page.locator(NAV_LINK).first.bounding_box()["y"] > quarter["y"]     # the period first
        # ... and the whole sidebar fits, the signed-in user and the sign-out button too: no scroll. The
        # sections other than the page's fold into one line each, named in the chosen language
        fits = page.evaluate("""() => { const s = document.querySelector("[data-testid='stSidebarContent']");
            return [s.scrollHeight, s.clientHeight]; }""")
        assert fits[0] <= fits[1], fits
        signout = page.locator(".st-key-auth_signout").bounding_box()
        assert signout["y"] + signout["height"] <= 768, signout
        folded = page.locator("[data-testid='stSidebar'] details:not([open]) summary").all_inner_texts()
        assert [t.replace("chevron_right", "").strip() for t in folded] == (
            ["ประชุมและรายงาน", "ข้อมูล", "ผู้ดูแลระบบ"] if lang == "th" else
            ["Meetings and reports", "Data", "Administration"]), folded
        page.set_viewport_size({"width": 1280, "height": 900})
        links = nav_links(page)
        assert len(links) >= 14, links   # an admin sees every page
        for label, href in links:
            # dispatch: meeting mode collapses the sidebar, so the link may be off screen
            after(page, lambda: page.locator(f"{NAV_LINK}[href='{href}']").dispatch_event("click"))
            assert not exceptions(page), f"{label}: {exceptions(page)}"
            assert page.get_by_text("Page not found").count() == 0, label
            page.screenshot(path=str(tmp_path / f"{lang}-{len(seen)}.png"))
            seen.append(label)
        # the goals' published Thai text is visible on the plan page (Thai shown in English mode too)
        plan_link = [h for label, h in links if "plan" in (h or "")][0]
        after(page, lambda: page.locator(f"{NAV_LINK}[href='{plan_link}']").dispatch_event("click"))
        body = thai.unlocked(page.locator("[data-testid='stMain']").inner_text())   # word-break marks removed
        for g in PLAN.goals.values():
            assert " ".join(g.text.th.split()) in " ".join(body.split()), g.number
        browser.close()
    assert len(seen) == len(links)


@pytest.mark.parametrize("username", ["demo-viewer", "demo-analyst", "demo-admin"])
def test_the_sidebar_fits_a_laptop_screen_for_every_role_with_a_long_name(server, username):
    """At 1366×768 every role's sidebar (the demo accounts' names take two lines) needs no scroll: the
    year, the quarter, the page list and the sign-out button are all in view."""
    from playwright.sync_api import sync_playwright

    from tests import browser_auth
    from tracker.auth import DEMO_ACCOUNTS

    url, _ = server
    password = next(a["password"] for a in DEMO_ACCOUNTS if a["username"] == username)
    with sync_playwright() as pw:
        browser, page = launch(pw, 1366, 768)
        try:
            page.goto(url + "/overview")
            browser_auth.sign_in(page, url + "/overview", username, password)
            for lang in ("th", "en"):
                page.goto(url + f"/overview?lang={lang}")
                page.locator(".st-key-auth_signout").wait_for(state="attached")
                wait_rendered(page)
                fits = page.evaluate("""() => { const s = document.querySelector("[data-testid='stSidebarContent']");
                    return [s.scrollHeight, s.clientHeight]; }""")
                assert fits[0] <= fits[1], (username, lang, fits)
                signout = page.locator(".st-key-auth_signout").bounding_box()
                assert signout["y"] + signout["height"] <= 768, (username, lang, signout)
                assert page.locator(NAV_LINK).count() >= 12
        finally:
            browser.close()
