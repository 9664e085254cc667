"""Helpers for browser tests: serve the app on a free port, drive Debian's chromium with Playwright.

Never runs ``playwright install``: the browser is Debian's ``/usr/bin/chromium`` (scripts/setup.sh).
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

_DRAWN_JS = """() => {
  // only visible elements: a table in a hidden tab never draws its canvas
  const all = (sel) => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null);
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


def tracker_cli(*args: str, env: dict, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, check=True)


@contextmanager
def serve(env: dict, timeout: float = 60):
    """Start ``streamlit run dashboard.py`` on a free port with ``env``; yield the base URL."""
    port = free_port()
    log = open(Path(env.get("TRACKER_DB", "/tmp/x")).with_suffix(".log"), "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
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
    browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
    page = browser.new_page(viewport={"width": width, "height": height}, locale="th-TH", timezone_id="Asia/Bangkok")
    return browser, page


def wait_rendered(page, timeout_ms: int = 45000) -> None:
    """Until the script run is finished and every chart and table is drawn (see shared/harness)."""
    app = "[data-testid='stApp']"
    page.locator(f"{app}[data-test-connection-state='CONNECTED']").wait_for(state="attached", timeout=timeout_ms)
    page.locator(f"{app}[data-test-script-state='notRunning']").wait_for(state="attached", timeout=timeout_ms)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
                           timeout=timeout_ms)
    page.wait_for_function(_DRAWN_JS, timeout=timeout_ms)
    page.evaluate("() => document.fonts.ready")
    page.wait_for_timeout(200)


def exceptions(page) -> list[str]:
    return [" ".join(e.inner_text().split())[:300] for e in page.locator("[data-testid='stException']").all()]


def nav_links(page) -> list[tuple[str, str]]:
    """(label, href) of every page in the sidebar navigation."""
    more = page.locator("[data-testid='stSidebarNavViewButton']")
    if more.count() and "more" in more.first.inner_text().lower():
        more.first.click()
        page.wait_for_timeout(200)
    links = page.locator("a[data-testid='stSidebarNavLink']")
    return [(links.nth(i).inner_text().strip(), links.nth(i).get_attribute("href")) for i in range(links.count())]
