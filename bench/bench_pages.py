"""Benchmark: each page's script time, cold and warm, on the demo data (budget: under 0.3 s warm).

Run: ``.venv/bin/python bench/bench_pages.py [RUNS]``. Uses AppTest (the script run only, no browser),
signed in as an admin, on a temporary database with the demo data. Prints timings; asserts nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ["overview", "goal", "indicators", "projects", "budget", "plan", "method", "meeting", "reports",
         "upload", "history", "locks", "admin_users", "audit"]
BUDGET_S = 0.3


def main(runs: int = 5) -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["TRACKER_DB"] = str(tmp / "bench.db")
    os.environ["TRACKER_BACKUP_DIR"] = str(tmp / "backups")
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.testing.v1 import AppTest

    from tests.conftest import signed_in_session
    from tracker import demo, store

    db = store.open_db(os.environ["TRACKER_DB"])
    demo.load_demo(db)
    db.close()
    session = signed_in_session(os.environ["TRACKER_DB"], "admin")
    original = PagesManager.__init__

    def init(self, *a, **k):
        original(self, *a, **k)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    print(f"{'page':<12} {'cold s':>8} {'warm median s':>14} {'warm max s':>11}  budget {BUDGET_S}s")
    for name in PAGES:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        at.session_state["auth"] = session
        at.run()
        t0 = time.perf_counter()
        at.switch_page(str(ROOT / "pages" / f"{name}.py")).run()
        cold = time.perf_counter() - t0
        warm = []
        for _ in range(runs):
            t0 = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - t0)
        bad = " exception!" if at.exception else ""
        title = at.title[0].value if len(at.title) else "?"
        bad += f"  [{title[:40]}]"
        flag = "" if statistics.median(warm) <= BUDGET_S else "  <-- over budget"
        print(f"{name:<12} {cold:8.3f} {statistics.median(warm):14.3f} {max(warm):11.3f}{flag}{bad}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
