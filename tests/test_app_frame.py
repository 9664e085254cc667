"""The frame and the plan page render in both languages, with and without data."""

import pytest

from tracker.plan import default_plan

PLAN = default_plan()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_plan_page_renders_goals_in_both_languages(app, lang):
    at = app(lang=lang, page="pages/plan.py")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown) + " ".join(m.value for m in at.title)
    for g in PLAN.goals.values():
        assert g.text.get(lang) in " ".join(str(e.value) for e in at.main.get("markdown")) or \
            g.text.get(lang) in text or any(g.text.get(lang) in str(x.value) for x in at.main.get("text"))
    assert PLAN.vision.get(lang) in text
    assert len(at.dataframe) == len(PLAN.goals)


def test_sidebar_offers_every_plan_year_and_four_quarters(app):
    at = app()
    fy_box, q_box = at.sidebar.selectbox
    assert list(fy_box.options) == [f"ปีงบประมาณ {y}" for y in PLAN.fiscal_years]
    assert len(q_box.options) == 4


def test_english_fiscal_year_label_gives_ce_months(app):
    at = app(lang="en")
    assert "FY2569 (Oct 2025 – Sep 2026)" in at.sidebar.selectbox[0].options


def test_a_link_with_language_year_and_quarter_opens_that_view(app):
    at = app(lang="th", query={"lang": "en", "fy": "2568", "q": "3"})
    assert not at.exception
    assert at.session_state["lang"] == "en" and at.session_state["fy"] == 2568 and at.session_state["q"] == 3
    assert at.sidebar.selectbox[0].value == 2568
    assert at.query_params["fy"] == "2568" and at.query_params["q"] == "3" and at.query_params["lang"] == "en"


def test_a_change_of_period_or_language_is_written_to_the_url(app):
    at = app(fy=2569, q=2)
    assert (at.query_params["fy"], at.query_params["q"], at.query_params["lang"]) == ("2569", "2", "th")
    at.sidebar.selectbox[1].set_value(4).run()
    at.sidebar.selectbox[0].set_value(2568).run()
    assert (at.query_params["fy"], at.query_params["q"]) == ("2568", "4")
    assert at.session_state["fy"] == 2568 and at.session_state["q"] == 4
    at.switch_page("pages/plan.py").run()        # Streamlit clears the query string on a page switch
    assert (at.query_params["fy"], at.query_params["q"]) == ("2568", "4") and not at.exception


def test_a_url_value_the_app_cannot_mean_falls_back(app):
    at = app(fy=2569, q=2, query={"fy": "1999", "q": "7", "lang": "xx"})
    assert not at.exception
    assert (at.session_state["fy"], at.session_state["q"], at.session_state["lang"]) == (2569, 2, "th")
    assert at.query_params["fy"] == "2569"


def test_the_opening_quarter_is_worked_out_only_for_a_tab_that_names_no_period(app, monkeypatch):
    """The opening quarter reads every year's figures (2 s at province size): a tab that already shows a
    period (its state or its URL) does not pay for it on a rerun after new data, a new tab still opens on it."""
    from tracker import rollup, store
    from tracker.rollup import shared
    from tracker.ui import frame

    opening = rollup.opening_period
    calls = []

    def counted(db, **kw):
        calls.append(1)
        return opening(db, **kw)

    counted.__module__, counted.__qualname__ = opening.__module__, opening.__qualname__
    monkeypatch.setattr(rollup, "opening_period", counted)
    fresh = app()                                     # a new tab: no period in its state or URL
    db = store.connect(frame.db_path())
    try:
        assert calls and (fresh.session_state["fy"], fresh.session_state["q"]) == opening(db)
    finally:
        db.close()
    calls.clear()
    frame.after_write()                               # new data: every cached read dropped
    shared.clear()
    fresh.run()
    assert not fresh.exception and calls == []
    linked = app(query={"fy": "2568", "q": "3"})      # a link naming the period
    assert not linked.exception and calls == [] and linked.session_state["q"] == 3



def test_a_figure_is_built_once_per_content_of_its_inputs():
    """ui.figure keys a figure on its inputs' content (not Streamlit's per-cell hashing of frames): equal
    frames share one figure, a changed value, dtype or index builds a new one."""
    import pandas as pd

    from tracker.ui import frame

    built = []

    def builder(df, lang):
        built.append((df.copy(), lang))
        return object()

    frame._cached_figure.clear()
    df = pd.DataFrame({"goal_no": [1, 2], "name": ["ก", "ข"], "score": [0.5, 0.75]})
    first = frame.figure(builder, df, "th")
    assert frame.figure(builder, df.copy(), "th") is first and len(built) == 1      # same content: kept
    assert frame.figure(builder, df, "en") is not first                              # another language
    changed = df.assign(score=[0.5, 0.76])
    later = [frame.figure(builder, changed, "th"), frame.figure(builder, df.astype({"goal_no": float}), "th"),
             frame.figure(builder, df.set_axis([5, 6]), "th")]
    assert len(built) == 5 and len({id(f) for f in later}) == 3


def test_after_a_page_run_text_buffers_come_from_the_system_allocator(app):
    """The frames of a cache miss are built and dropped by the megabyte: once a page has run, pandas' text
    buffers (Arrow) come from the system allocator, not a pool that keeps what was freed."""
    import pyarrow as pa

    assert not app().exception
    assert pa.default_memory_pool().backend_name == "system"


_UNMAPS = """
import ctypes, logging, platform, sys
logging.disable(logging.WARNING)
import numpy as np
libc = ctypes.CDLL(None)
if platform.libc_ver()[0] != "glibc" or not hasattr(libc, "mallinfo2"):
    print("not glibc"); sys.exit(0)
class MallInfo2(ctypes.Structure):
    _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                                               "uordblks", "fordblks", "keepcost")]
libc.mallinfo2.restype = MallInfo2
if sys.argv[1] == "app":
    from tracker.ui import frame
    frame._allocators()
big = np.ones(8 << 20, dtype=np.uint8)   # glibc's own rule: freeing it raises the threshold to 8 MiB
del big
before = libc.mallinfo2().hblkhd
array = np.ones(1 << 20, dtype=np.uint8)
print("mapped" if libc.mallinfo2().hblkhd >= before + (1 << 20) else "heap")
"""


def test_the_server_maps_every_large_array_on_its_own_so_freeing_it_gives_it_back():
    """glibc raises its mmap threshold after a large free, so later arrays come from the heap, which keeps
    what was freed in its middle; the server (:func:`tracker.ui.frame._allocators`, run before the first
    read) keeps the threshold at 128 KiB: an array of 1 MiB after one of 8 MiB was freed is a mapping of its own."""
    import subprocess
    import sys

    from tracker import settings

    def run(mode: str) -> str:
        return subprocess.run([sys.executable, "-c", _UNMAPS, mode], cwd=settings.ROOT, capture_output=True,
                              text=True, check=True).stdout.strip().splitlines()[-1]

    app = run("app")
    if app == "not glibc":
        return
    assert app == "mapped"
    assert run("plain") == "heap"           # the test can tell: without it, glibc's rule puts it in the heap
