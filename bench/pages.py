"""Page scripts through AppTest (the script run only, no browser): warm and on a cache miss, each
run interleaved with the same run of the floor page, so both see the same load on the machine.

- *warm*: the page rerun with everything cached (a viewer clicking around);
- *miss*: the first viewer after an upload: cached reads and figures dropped first (what
  ``ui.after_write`` and new data do), then the page run;
- *miss CPU*: the CPU seconds of those miss runs (on a busy machine, what the page itself costs).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.timing import Row, Timing

ROOT = Path(__file__).resolve().parent.parent
FLOOR = Path(__file__).with_name("floor_page.py")
#: every page of the app, by file name (stem); the benchmark runs them in this order
ALL_PAGES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))


def _legacy_pages_off() -> None:
    """As in a server after the first ``st.navigation`` call (see tests/conftest.py)."""
    from streamlit.runtime.pages_manager import PagesManager

    if getattr(PagesManager.__init__, "_bench", False):
        return
    original = PagesManager.__init__

    def init(self, *a, **k):
        original(self, *a, **k)
        PagesManager.uses_pages_directory = False

    init._bench = True
    PagesManager.__init__ = init


def drop_caches() -> None:
    """What the first viewer after an upload finds: no cached reads, no cached figures."""
    import streamlit as st

    from tracker.ui import frame

    from tracker.rollup import shared

    st.cache_data.clear()
    shared.clear()                          # the rollup's tables of the revision (tracker.rollup.shared)
    for name in ("_cached_figure", "_cached_call"):        # figures are cached as resources, keyed on their data
        cached = getattr(frame, name, None)
        if cached is not None and hasattr(cached, "clear"):
            cached.clear()


def _timed(at, cpu: list[float] | None = None) -> float:
    """Wall seconds of one run; its CPU seconds (this process, the script's thread included) into ``cpu``."""
    start, start_cpu = time.perf_counter(), time.process_time()
    at.run()
    if cpu is not None:
        cpu.append(time.process_time() - start_cpu)
    return time.perf_counter() - start


def run(db_path: Path, pages: list[str], repeats: int) -> list[Row]:
    """Rows ``page miss`` and ``page warm`` per page, beside the floor page's miss and warm."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tests.conftest import signed_in_session

    os.environ["TRACKER_DB"] = str(db_path)
    _legacy_pages_off()
    session = signed_in_session(str(db_path), "admin")
    floor = AppTest.from_file(str(FLOOR), default_timeout=120)
    floor.run()
    rows: list[Row] = []
    for name in pages:
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        at.session_state["auth"] = session
        at.run()
        at.switch_page(str(ROOT / "pages" / f"{name}.py")).run()
        miss, warm, fmiss, fwarm = Timing(), Timing(), Timing(), Timing()
        miss_cpu, fmiss_cpu = Timing(), Timing()
        for _ in range(repeats):
            drop_caches()                       # both miss: the floor's chart and the page's reads and figures
            fmiss.samples.append(_timed(floor, fmiss_cpu.samples))
            miss.samples.append(_timed(at, miss_cpu.samples))
            fwarm.samples.append(_timed(floor))
            warm.samples.append(_timed(at))
        label = name + (" (exception!)" if at.exception else "")
        rows.append(Row("page miss", label, miss, "bare page miss", fmiss,
                        budget="≤ 0.5 s at 1×, ≤ 1 s at 50×"))
        rows.append(Row("page warm", label, warm, "bare page warm", fwarm,
                        budget="≤ 0.3 s at 50×, ≤ 0.5 s province"))
        # CPU seconds of the same miss runs: on a machine others are using, what the page itself costs
        rows.append(Row("page miss CPU", label, miss_cpu, "bare page miss CPU", fmiss_cpu))
    return rows
