"""The warm report browser: shared by threads, bounded by timeouts, never leaves a process behind."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from tracker.report import chromium as C

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module", autouse=True)
def _need_chromium():
    try:
        C.browser_path()
    except C.BrowserUnavailable as exc:
        pytest.skip(str(exc))


def process_tree(pid: int) -> set[int]:
    """``pid`` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = set(), [pid]
    while todo:
        p = todo.pop()
        tree.add(p)
        todo += children.get(p, [])
    return tree


def alive(pids: set[int]) -> set[int]:
    """Those of ``pids`` that still exist, zombies included (a zombie is a process nobody reaped)."""
    return {p for p in pids if Path(f"/proc/{p}").exists()}


def wait_until(condition, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.05)


async def _title(tab: C.Tab) -> str:
    await tab.set_content("<title>ก</title><p>x</p>")
    return await tab.evaluate("document.title")


def test_two_jobs_at_once_run_in_one_browser():
    browser = C.Chromium()
    try:
        results, errors = [], []

        def work():
            try:
                results.append(browser.run(_title, timeout=60))
            except Exception as exc:  # reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(3)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert not errors and results == ["ก"] * 3
        assert browser.launches == 1
    finally:
        browser.shutdown()


def test_a_job_over_its_time_is_stopped_and_the_next_one_works():
    browser = C.Chromium()
    try:
        async def never(tab: C.Tab):
            await tab.evaluate("new Promise(() => {})")

        with pytest.raises(C.RenderTimeout):
            browser.run(never, timeout=2)
        assert browser.run(_title, timeout=60) == "ก"
    finally:
        browser.shutdown()


def test_script_errors_in_the_page_are_reported():
    browser = C.Chromium()
    try:
        async def bad(tab: C.Tab):
            await tab.evaluate("Plotly.newPlot()")

        with pytest.raises(C.PageError, match="Plotly"):
            browser.run(bad, timeout=60)
    finally:
        browser.shutdown()


def test_an_idle_browser_exits_and_leaves_no_process():
    browser = C.Chromium(idle_seconds=0.5)
    try:
        assert browser.run(_title, timeout=60) == "ก"
        pids = process_tree(browser.pid)
        assert len(pids) >= 3             # launcher, chromium and its helpers
        wait_until(lambda: not alive(pids))
        assert browser.pid is None
        assert browser.run(_title, timeout=60) == "ก"   # and starts again on demand
        assert browser.launches == 2
    finally:
        browser.shutdown()


def test_a_killed_app_process_takes_its_browser_with_it():
    code = textwrap.dedent("""
        import sys
        from tracker.report import chromium as C
        b = C.shared()
        async def job(tab):
            await tab.set_content("<p>x</p>")
        b.run(job, timeout=60)
        print(b.pid, flush=True)
        sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        pids = process_tree(int(proc.stdout.readline()))
        assert len(pids) >= 3
    finally:
        proc.kill()
        proc.wait()
    wait_until(lambda: not alive(pids))


def test_missing_browser_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(C.BrowserUnavailable, match="chromium"):
        C.browser_path()


def test_prestart_readies_the_browser_without_waiting_and_a_job_then_uses_it():
    """``prestart`` returns at once (a command builds its document meanwhile); the job after it runs in
    the tab it made, in the same browser (one launch, the tab set up once)."""
    made = []

    async def setup(tab):
        made.append(await tab.evaluate("1 + 1"))

    async def job(tab):
        return await tab.evaluate("2 + 2")

    browser = C.Chromium(idle_seconds=60)
    try:
        browser.prestart("t", setup)
        assert browser.run_in("t", setup, job, timeout=60) == 4
        assert made == [2] and browser.launches == 1
    finally:
        browser.shutdown()
