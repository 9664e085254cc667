"""Helpers for browser tests: serve the app on a free port, drive Debian's chromium with Playwright.

Never runs ``playwright install``: the browser is Debian's ``/usr/bin/chromium`` (scripts/setup.sh).

Tests wait on states, never for a fixed time: :func:`wait_rendered` (the script run finished and
everything drawn), :func:`after` (an action's rerun started and finished). Timeouts only bound a hang,
so they are long (:data:`TIMEOUT_MS`): a busy machine makes a test slower, never red.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: how long any wait may take before the test fails: only a hang should ever reach it
TIMEOUT_MS = 180_000
APP = "[data-testid='stApp']"
#: counts the changes of the app's script state from now on (a rerun changes it at least twice)
_WATCH_RUNS_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  window.__scriptStateChanges = 0;
  if (window.__scriptStateObserver) window.__scriptStateObserver.disconnect();
  window.__scriptStateObserver = new MutationObserver(records => { window.__scriptStateChanges += records.length; });
  window.__scriptStateObserver.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""

_DRAWN_JS = """() => {
  // only visible elements: a table in a hidden tab or a collapsed expander never draws its canvas
  const all = (sel) => [...document.querySelectorAll(sel)].filter(
      e => e.offsetParent !== null && !e.closest('details:not([open])'));
  return all('[data-testid="stPlotlyChart"]').every(e => e.querySelector('.main-svg'))
      && all('[data-testid="stDataFrame"]').every(e => e.querySelector('canvas'));
}"""


def need_chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (scripts/setup.sh test installs it)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def app_env(tmp_path_factory, name: str, *, demo: bool = False, **settings: str) -> tuple[Path, dict]:
    """A folder and the environment of a served app: its own database (created, demo data when asked),
    backups and snapshots in that folder, plus ``settings`` (``TRACKER_PUBLIC_READ="1"``...)."""
    need_chromium()
    tmp = tmp_path_factory.mktemp(name)
    env = {**os.environ, "TRACKER_DB": str(tmp / "tracker.db"), "TRACKER_BACKUP_DIR": str(tmp / "backups"),
           "TRACKER_SNAPSHOT_DIR": str(tmp / "snaps"), **settings}
    tracker_cli("init", env=env)
    if demo:
        tracker_cli("demo", env=env)
    return tmp, env


def tracker_cli(*args: str, env: dict, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, check=True)


@contextmanager
def serve(env: dict, timeout: float = 180, script: str = "app.py"):
    """Start the app through its launcher (``streamlit run app.py``) on a free port with ``env``; yield the base URL.
    ``script``: another Streamlit script to serve instead (the benchmark's bare floor page)."""
    port = free_port()
    log = open(Path(env.get("TRACKER_DB", "/tmp/x")).with_suffix(".log"), "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"streamlit did not start: see {log.name}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def launch(pw, width=1280, height=900):
    """Chromium and a first page (Thai locale, Bangkok time) in a context of its own: more tabs of the same
    browser profile (sharing cookies) with :func:`new_tab`, another browser profile with :func:`new_tab`
    on ``browser.new_context()``."""
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
    context = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH",
                                  timezone_id="Asia/Bangkok")
    return browser, new_tab(context)


def new_tab(context):
    """A new page (tab) of ``context`` with the hang-only timeout."""
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


def wait_rendered(page) -> None:
    """Until the script run is finished and every chart and table is drawn (see shared/harness)."""
    page.locator(f"{APP}[data-test-connection-state='CONNECTED']").wait_for(state="attached")
    page.locator(f"{APP}[data-test-script-state='notRunning']").wait_for(state="attached")
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0")
    page.wait_for_function(_DRAWN_JS)
    page.evaluate("() => document.fonts.ready")


def after(page, action) -> None:
    """Do ``action()`` (a click that makes the app rerun), then wait until that rerun has started and
    the page is drawn again: never judged on the page as it was before the click."""
    page.evaluate(_WATCH_RUNS_JS)
    action()
    page.wait_for_function("() => window.__scriptStateChanges > 0")
    wait_rendered(page)


def exceptions(page) -> list[str]:
    return [" ".join(e.inner_text().split())[:300] for e in page.locator("[data-testid='stException']").all()]


#: a page link of the sidebar's page list (tracker.ui.navigation.links; Streamlit's own menu is hidden)
NAV_LINK = "[data-testid='stSidebar'] a[data-testid='stPageLink-NavLink']"


def nav_links(page) -> list[tuple[str, str]]:
    """(label, href) of every page in the sidebar's page list."""
    links = page.locator(NAV_LINK)
    return [(links.nth(i).inner_text().strip(), links.nth(i).get_attribute("href")) for i in range(links.count())]
