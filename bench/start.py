"""Cold start: ``bash scripts/start.sh`` (the README's first command) on a copy of the benchmark's database,
timed from the command until Chromium shows the first page drawn (the sign-in form, every element drawn),
beside the floor: ``streamlit run`` of the bare page (one cached Plotly chart) until Chromium shows it.

start.sh runs setup (already done: a few package checks), one Python process that migrates the database,
loads the plan and the demo data when empty and prints the server's options, then Streamlit, whose
launcher warms the app at start. Each repeat starts from a fresh copy of the database and a fresh browser
profile; the server is stopped after it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bench.timing import Row, Timing

ROOT = Path(__file__).resolve().parent.parent
START = ROOT / "scripts" / "start.sh"


@contextmanager
def _started(cmd: list[str], env: dict, port: int, log: Path):
    """Start ``cmd``; yield when its server answers the health check; stop it (and its children) after."""
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.time() + 300
            while True:
                try:
                    if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    pass
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"{cmd[:3]} did not start: see {log}")
                time.sleep(0.05)        # polling a server that is not up yet: nothing to wait on but time
            yield
        finally:
            os.killpg(proc.pid, 15)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait()


def _first_page(browser, url: str, selector: str) -> None:
    from tests.browser import new_tab, wait_rendered

    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="th-TH")
    try:
        page = new_tab(context)
        page.goto(url)
        page.locator(selector).first.wait_for(state="attached")
        wait_rendered(page)
    finally:
        context.close()


def run(db_path: Path, repeats: int, script: Path = START) -> list[Row]:
    """Row ``start.sh → first page drawn`` beside ``streamlit run`` of the bare page → drawn."""
    from playwright.sync_api import sync_playwright

    from bench.pages import FLOOR
    from tests.browser import CHROMIUM, FLAGS, free_port

    value, floor = Timing(), Timing()
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp, sync_playwright() as pw:
        tmp = Path(tmp)
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            for i in range(repeats):
                port = free_port()
                env = {**os.environ, "PORT": str(port), "TRACKER_BACKUP_DIR": str(tmp / "backups"),
                       "TRACKER_DB": str(tmp / f"start{i}.db")}
                env.pop("TRACKER_PUBLIC_READ", None)
                shutil.copyfile(db_path, env["TRACKER_DB"])
                start = time.perf_counter()
                with _started(["bash", str(script), "--server.headless", "true", "--browser.gatherUsageStats",
                               "false", "--server.fileWatcherType", "none", "--server.address", "127.0.0.1"],
                              env, port, tmp / "start.log"):
                    _first_page(browser, f"http://127.0.0.1:{port}/", "input[type='password']")
                    value.samples.append(time.perf_counter() - start)
                port = free_port()
                start = time.perf_counter()
                with _started([sys.executable, "-m", "streamlit", "run", str(FLOOR), "--server.headless", "true",
                               "--server.port", str(port), "--server.address", "127.0.0.1",
                               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                              env, port, tmp / "floor.log"):
                    _first_page(browser, f"http://127.0.0.1:{port}/", "[data-testid='stHeading']")
                    floor.samples.append(time.perf_counter() - start)
        finally:
            browser.close()
    return [Row("cold start", f"{script.name} → first page drawn (sign-in form)", value,
                "streamlit run bare page → drawn", floor)]
