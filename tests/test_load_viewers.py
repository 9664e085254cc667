"""Load (#15 "done when"): 20 viewers open the overview at once, again and again, while an analyst
commits batches that change the year's allocated budget; served on 127.0.0.1. No render may show an
error, and none may mix before and after a batch (a torn page): the headline card and the budget chart
(two queries) must show the same state.

Each batch flips project ZZ-101 between 1,000,000 and 8,000,000 baht allocated, the only project, so
the card "งบตามข้อบัญญัติ (ล้านบาท)" reads 1.00 or 8.00 and goal 1's bar on the chart "งบประมาณรายเป้าประสงค์"
is labelled 1.00 or 8.00: a page that read its total before a batch and its goals after it shows one of each.
"""

from __future__ import annotations

import threading
import time

import pytest

from tests.browser import CHROMIUM, FLAGS, TIMEOUT_MS, app_env, exceptions, new_tab, serve, wait_rendered
from tests.conftest import csv_text
from tracker import auth, ingest, store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWERS = 20
ROUNDS = 3
LOW = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    ZZ-101,2569,1,ก่อสร้างถนนคอนกรีตเสริมเหล็ก,ENG,9000000,1000000
""")
HIGH = LOW.replace("9000000,1000000", "9000000,8000000")
#: a quarter's report, so the app opens on FY 2569 Q1 (the latest period with data)
PROGRESS = csv_text("""
    project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed
    ZZ-101,2569,1,in_progress,10,0,0
""")
STATES = ("1.00", "8.00")      # the card and goal 1's bar, in ล้านบาท


def _commit(db, text: str, n: int):
    preview = ingest.prepare(db, text.encode(), f"upload-{n}.csv")
    assert not preview.has_errors, preview.problems.to_string()
    return ingest.commit(db, preview, user="ana")


class Analyst(threading.Thread):
    """Commits LOW and HIGH in turn until told to stop; counts its batches and keeps any failure."""

    def __init__(self, db_path):
        super().__init__(daemon=True)
        self.db_path, self.stop, self.batches, self.failure = db_path, threading.Event(), 0, None

    def run(self):
        db = store.connect(self.db_path)
        try:
            while not self.stop.is_set():
                _commit(db, HIGH if self.batches % 2 == 0 else LOW, self.batches)
                self.batches += 1
                self.stop.wait(0.2)      # pacing between batches, not a wait for a state
        except Exception as exc:  # noqa: BLE001 - reported by the test
            self.failure = exc
        finally:
            db.close()


#: the overview's budget-by-goal chart (a query of its own): its bars are labelled with their amounts in ล้านบาท
BUDGET_CHART = "งบประมาณรายเป้าประสงค์"
#: 20 tabs of one headless browser: none may be throttled as a background tab while the others are checked
LOAD_FLAGS = FLAGS + ["--disable-renderer-backgrounding", "--disable-background-timer-throttling",
                      "--disable-backgrounding-occluded-windows"]


#: a fresh overview's script run has finished (its four cards exist, so it started, and the app no longer
#: runs) and its budget chart is drawn with its bar labels
_DRAWN_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  const chart = [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
      .find(c => c.textContent.includes("%s"));
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
      && document.querySelectorAll("[data-testid='stMetric']").length >= 4
      && chart !== undefined && chart.querySelectorAll("text.bartext").length > 0;
}""" % BUDGET_CHART


def _drawn_figures(page) -> None:
    """Until the overview is drawn (:data:`_DRAWN_JS`), asked from here: Playwright's own waits run inside the
    tab on its animation frames, which a tab that is not in front never gets. The deadline only bounds a hang."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not page.evaluate(_DRAWN_JS):
        assert time.monotonic() < deadline, "the overview was not drawn"
        time.sleep(0.25)      # the polling interval of a wait on a state


_SHOWN_JS = """() => {
  const card = document.querySelectorAll("[data-testid='stMetric']")[2];
  const chart = [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
      .find(c => c.textContent.includes("%s"));
  // as a reader sees it: without the invisible marks that keep Thai words whole (tracker.thai.unlocked)
  const seen = (e) => e.textContent.replace(/[\u200b\u200c\u200d\u2060\ufeff]/g, "").trim();
  return [seen(card.querySelector("[data-testid='stMetricValue']")),
          [...chart.querySelectorAll("text.bartext")].map(seen)];
}""" % BUDGET_CHART


def _shown(page) -> tuple[str, list[str]]:
    """(the card "งบตามข้อบัญญัติ (ล้านบาท)", the amounts on the budget chart's bars) of a drawn overview."""
    kpi, bars = page.evaluate(_SHOWN_JS)
    return kpi, bars


def test_twenty_viewers_during_uploads_see_no_torn_page_and_no_error(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    tmp, env = app_env(tmp_path_factory, "load", TRACKER_PUBLIC_READ="1")
    db = store.connect(env["TRACKER_DB"])
    auth.create_user(db, "ana", password="analyst-pass-2569", role="analyst", by="test")
    _commit(db, LOW, 0)
    _commit(db, PROGRESS, 0)
    db.close()
    renders, torn, errors = 0, [], []
    with serve(env) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=LOAD_FLAGS)
        pages = [new_tab(browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH",
                                             timezone_id="Asia/Bangkok")) for _ in range(VIEWERS)]
        first = pages[0]
        analyst = Analyst(env["TRACKER_DB"])
        try:
            first.goto(url + "/")      # warm the server once before the crowd
            wait_rendered(first)
            analyst.start()
            for _ in range(ROUNDS):
                for p in pages:                    # all viewers ask at once ...
                    p.goto(url + "/", wait_until="commit")
                for i, p in enumerate(pages):      # ... and each render is checked when it is drawn
                    try:
                        _drawn_figures(p)
                    except Exception:
                        p.screenshot(path=str(tmp / f"viewer-{i}.png"), full_page=True)
                        raise AssertionError(f"viewer {i} of round {renders // VIEWERS + 1} was not drawn; it showed: "
                                             f"{' '.join(p.locator('body').inner_text().split())[-1500:]!r} "
                                             f"(screenshot {tmp}/viewer-{i}.png)") from None
                    errors += [(i, e) for e in exceptions(p)]
                    kpi, bars = _shown(p)
                    renders += 1
                    other = STATES[1 - STATES.index(kpi)] if kpi in STATES else None
                    if other is None or kpi not in bars or other in bars:
                        torn.append((i, kpi, bars))
        finally:
            analyst.stop.set()
            analyst.join(60)
            browser.close()
    assert analyst.failure is None, analyst.failure
    assert analyst.batches >= 2, "the analyst's batches did not land while the viewers read"
    assert not errors, errors[:3]
    assert not torn, f"{len(torn)} of {renders} renders mixed two revisions: {torn[:3]}"
    assert renders == VIEWERS * ROUNDS
