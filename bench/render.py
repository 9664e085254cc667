"""Browser render of every page in Chromium (Playwright + Debian's chromium, as the browser tests use),
beside the floor: the bare Streamlit page with one cached Plotly chart (``bench/floor_page.py``), served by
its own Streamlit server and drawn by the same browser in the same run.

The app is served through its launcher (``streamlit run app.py``) on the benchmark's database; the
browser signs in once as an admin and every later visit carries that session cookie. Each page is timed
from the navigation until it is drawn: the script run finished (Streamlit's running indicator gone), no
skeleton left, every visible chart and table drawn, fonts loaded (:func:`tests.browser.wait_rendered`),
after the page's key element is there (its heading; the signed-in frame's sign-out button). Never a sleep.

Every page gets a browser profile of its own on disk (like an office PC's: HTTP cache and compiled-code
cache kept in the profile's folder), and in it:

- *first visit*: the new profile (empty caches: Streamlit's scripts, fonts and styles are fetched) opens
  the page's URL; the server's caches are warm (an untimed visit came first).
- *second load*: F5 in that tab right after. The scripts come from the HTTP cache, but Chromium compiles
  them again: it keeps the compiled code of a script (V8's code cache) only once the script has run a
  second time, so this load parses Plotly's 4.7 MB bundle again (0.5–0.9 s of a background thread, seen in
  a trace: ``v8.parseOnBackground`` on loads 1 and 2, ``v8.produceModuleCache`` on load 2,
  ``consumedCacheSize`` from load 3).
- *warm*: F5 three more times (loads 3–5), each timed: what a user sees on every visit after the first
  two (the budget's "warm"). Its median is over every round's three.

Each repeat round times the floor first, then every page in turn, so the floor sees the load the pages see.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.timing import Row, Timing

USER, PASSWORD = "bench-admin", "bench-admin-password-1"
BUDGET = "warm < 1.5 s"
#: the element that shows a page is there: its heading (st.title / ui.page_header / a subheader) in the main
#: area, or for a page without one the element named here
HEADING = "[data-testid='stMain'] [data-testid='stHeading']"
KEY_ELEMENT = {"meeting": ".st-key-next"}          # the projector's slides: the "next slide" button
SIGNED_IN = ".st-key-auth_signout"
#: a page not drawn within this long is reported as not drawn (the others are still timed)
WAIT_MS = 120_000
#: warm reloads timed per round, after the first visit and the second load
WARM_RELOADS = 3
VIEWPORT = {"width": 1366, "height": 768}


def url_paths() -> dict[str, str]:
    """Page file stem -> its URL path (as the router registers it)."""
    from tracker.ui.navigation import PAGES

    return {Path(p.file).stem: p.url_path for p in PAGES}


def _drawn(page, key: str | None) -> None:
    """Until the page's key element is there and the page is drawn; ``key`` None: the bare floor page."""
    from tests.browser import wait_rendered

    if key is not None:
        page.locator(SIGNED_IN).wait_for(state="attached")
    page.locator(key or HEADING).first.wait_for(state="attached")
    wait_rendered(page)


def _visit(context, url: str, key: str | None):
    """A new tab of ``context`` opens ``url``: (seconds until drawn, the tab)."""
    from tests.browser import new_tab

    page = new_tab(context)
    page.set_default_timeout(WAIT_MS)
    start = time.perf_counter()
    page.goto(url)
    _drawn(page, key)
    return time.perf_counter() - start, page


def _reload(page, key: str | None) -> float:
    start = time.perf_counter()
    page.reload()
    _drawn(page, key)
    return time.perf_counter() - start


def _context(browser, cookies=None):
    context = browser.new_context(viewport=VIEWPORT, locale="th-TH", timezone_id="Asia/Bangkok")
    if cookies:
        context.add_cookies(cookies)
    return context


def _profile(pw, cookies=None):
    """A new browser profile in a folder of its own (its caches on disk, as an office PC's browser keeps them)."""
    from tests.browser import CHROMIUM, FLAGS

    folder = tempfile.mkdtemp(prefix="bench-profile-")
    context = pw.chromium.launch_persistent_context(folder, executable_path=CHROMIUM, headless=True, args=FLAGS,
                                                    viewport=VIEWPORT, locale="th-TH", timezone_id="Asia/Bangkok")
    if cookies:
        context.add_cookies(cookies)
    return context, folder


def _loads(pw, cookies, url: str, key: str | None, first: Timing, second: Timing, warm: Timing,
           bad: dict | None = None, name: str = "") -> None:
    """A first visit in a new browser profile (added to ``first``), F5 right after (``second``), then
    :data:`WARM_RELOADS` more F5s in that tab (each added to ``warm``). A page that shows an exception, or
    is not drawn within :data:`WAIT_MS`, is noted in ``bad``."""
    from tests.browser import exceptions

    context, folder = _profile(pw, cookies)
    try:
        seconds, tab = _visit(context, url, key)
        first.samples.append(seconds)
        second.samples.append(_reload(tab, key))
        for _ in range(WARM_RELOADS):
            warm.samples.append(_reload(tab, key))
        if bad is not None and exceptions(tab):
            bad[name] = "exception!"
    except Exception as exc:  # noqa: BLE001 - a page not drawn: say so in its row, time the others
        if bad is None:
            raise
        bad[name] = f"not drawn: {type(exc).__name__}"
    finally:
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


def run(db_path: Path, pages: list[str], repeats: int) -> list[Row]:
    """Rows ``render first``, ``render second`` and ``render warm`` per page, each beside the bare page's
    first visit, second load and warm reloads."""
    from playwright.sync_api import sync_playwright

    from bench.pages import FLOOR
    from tests import browser_auth
    from tests.browser import CHROMIUM, FLAGS, new_tab, serve

    env = {**os.environ, "TRACKER_DB": str(db_path)}
    env.pop("TRACKER_PUBLIC_READ", None)
    browser_auth.prepare(env, USER, PASSWORD)
    floor_env = {**os.environ, "TRACKER_DB": str(Path(tempfile.mkdtemp(prefix="bench-floor-")) / "floor.db")}
    paths = url_paths()
    rows: list[Row] = []
    with serve(env) as url, serve(floor_env, script=str(FLOOR.relative_to(FLOOR.parent.parent))) as floor_url, \
            sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            signed = _context(browser)
            tab = new_tab(signed)
            tab.goto(url + "/")
            browser_auth.sign_in(tab, url + "/", USER, PASSWORD)
            cookies = signed.cookies()
            signed.close()
            targets = {name: (f"{url}/{paths[name]}", KEY_ELEMENT.get(name, HEADING)) for name in pages}
            warm_up = _context(browser, cookies)       # untimed: every page once, so the server's caches are warm
            for target, key in targets.values():
                try:
                    _visit(warm_up, target, key)[1].close()
                except Exception:  # noqa: BLE001 - not drawn: the timed visits say so in the page's row
                    pass
            warm_up.close()
            floor = Timing(), Timing(), Timing()
            timed = {name: (Timing(), Timing(), Timing()) for name in pages}
            bad: dict[str, str] = {}
            for _ in range(repeats):
                _loads(pw, None, floor_url + "/", None, *floor)
                for name, (target, key) in targets.items():
                    _loads(pw, cookies, target, key, *timed[name], bad, name)
            for name in pages:
                label = name + (f" ({bad[name]})" if name in bad else "")
                first, second, warm = timed[name]
                rows.append(Row("render first", label, first, "bare page first visit", floor[0]))
                rows.append(Row("render second", label, second, "bare page second load", floor[1]))
                rows.append(Row("render warm", label, warm, "bare page warm F5", floor[2], budget=BUDGET))
        finally:
            browser.close()
    return rows
