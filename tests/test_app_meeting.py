"""Meeting mode and the reports page through the real entry point, in Thai and English."""

import pytest

from tests.dashboard_data import load_small_dataset
from tracker import store, thai
from tracker.report import snapshot


@pytest.fixture
def data(db_file, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_SNAPSHOT_DIR", str(tmp_path / "snaps"))
    db = store.connect(db_file)
    load_small_dataset(db)
    db.close()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_meeting_next_and_previous_through_every_slide(app, data, lang):
    at = app(lang=lang, fy=2569, q=2, page="pages/meeting.py")
    assert not at.exception
    total = len(at.selectbox(key="jump").options)
    assert total >= 10
    for n in range(2, total + 1):
        at.button(key="next").click().run()
        assert not at.exception, (n, at.exception)
        assert slide_shown(at) == (n, total)
    assert at.button(key="next").disabled
    at.button(key="prev").click().run()
    assert slide_shown(at) == (total - 1, total) and not at.exception
    assert [b.label for b in at.get("download_button")]


def slide_shown(at) -> tuple[int, int]:
    """(slide number, total) as the page says it, and the URL says the same."""
    import re

    text = next(m.value for m in at.markdown if re.search(r"\d+/\d+|\d+ of \d+", m.value) and
                ("สไลด์" in m.value or "Slide" in m.value))
    n, total = map(int, re.findall(r"\d+", text)[:2])
    assert at.query_params["slide"] == [str(n)] or at.query_params["slide"] == str(n)
    return n, total


def test_a_meeting_link_opens_its_slide_and_the_clicker_keys_move_it(app, data):
    at = app(fy=2569, q=2, page="pages/meeting.py")
    total = len(at.selectbox(key="jump").options)
    at.query_params["slide"] = "4"
    at.run()
    assert slide_shown(at) == (4, total)
    for key, expected in (("k_pgdn", 5), ("k_space", 6), ("k_pgup", 5), ("k_end", total), ("k_home", 1)):
        at.button(key=key).click().run()
        assert slide_shown(at) == (expected, total), key
    at.selectbox(key="jump").set_value(2).run()
    assert slide_shown(at) == (3, total)
    at.query_params["slide"] = "999"         # a link the deck cannot mean: the first slide
    at.run()
    assert slide_shown(at)[0] == 1 and not at.exception


def test_a_long_attention_list_goes_on_over_several_slides_never_cut(app, data):
    from tracker.ui import slides

    at = app(fy=2569, q=2, page="pages/meeting.py")
    titles = at.selectbox(key="jump").options
    assert not any("(ดูในรายงาน)" in c.value for c in at.caption)
    assert titles and all(isinstance(t, str) for t in titles)


def test_a_paged_list_fills_each_slide_and_keeps_every_row_once():
    """Rows per slide follow the rows' height (a wrapped name costs more), never the fixed eight: short
    rows fill the slide, every row is on exactly one slide, in order."""
    from tracker.ui import slides

    short = [{"name": "ถนน"} for _ in range(40)]
    long_ = [{"name": "ร้อยละของระยะทางถนน คสล./ลาดยางในความรับผิดชอบที่อยู่ในสภาพใช้งานได้ปกติ" * 2}
             for _ in range(40)]
    for rows in (short, long_, short[:3], []):
        spans = slides.spans(rows)
        assert [i for a, b in spans for i in range(a, b)] == list(range(len(rows)))
        assert all(sum(slides.row_cost(r) for r in rows[a:b]) <= slides.SLIDE_ROW_BUDGET for a, b in spans)
    assert spans_len(slides, short) == 14 > slides.MAX_ROWS           # one-line rows: more than eight a slide
    assert spans_len(slides, long_) < spans_len(slides, short)         # wrapped rows: fewer


def spans_len(slides, rows) -> int:
    return slides.spans(rows)[0][1]


def test_meeting_shows_a_pinned_snapshot(app, data, db_file):
    db = store.connect(db_file)
    snapshot.pin(db, "ประชุมสภา Q2", user="admin")
    db.close()
    at = app(fy=2569, q=2, page="pages/meeting.py", session={"meeting_snapshot": "ประชุมสภา Q2"})
    assert not at.exception
    assert any("ประชุมสภา Q2" in c.value for c in [*at.caption, *at.markdown])


@pytest.mark.parametrize("lang", ["th", "en"])
def test_reports_page_pins_a_snapshot(app, data, lang):
    at = app(lang=lang, fy=2569, q=2, page="pages/reports.py")
    assert not at.exception
    assert len(at.get("download_button")) == 3
    at.text_input[0].set_value("meeting " + lang)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    assert any(("meeting " + lang) in s.value for s in at.success)


def test_the_budget_slide_names_one_money_unit_and_writes_every_bar(app, data):
    """The budget slide's title says ล้านบาท; its chart writes the value on every bar (zeros too) and its
    table shows money in the same unit (no "(บาท)" beside "ล้านบาท")."""
    import json

    at = app(lang="th", fy=2569, q=2, page="pages/meeting.py")
    total = len(at.selectbox(key="jump").options)
    budget = next(k for k in range(total) if "สรุปงบประมาณ" in at.selectbox(key="jump").format_func(k))
    at.selectbox(key="jump").set_value(budget).run()
    assert not at.exception
    heads = [thai.unlocked(h.value).replace("\\", "") for h in at.header]     # word-break marks, Markdown escapes
    assert "สรุปงบประมาณ (ล้านบาท)" in heads, heads
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    assert len(bars) == 3 and all(len(t["text"]) == len(t["x"]) and all(t["text"]) for t in bars)
    assert fig["layout"]["uniformtext"]["mode"] == "show"       # Plotly hides no label
    table = at.table[0].value
    heads = [thai.unlocked(h) for h in table.columns]
    assert not any("บาท" in h for h in heads), heads
    assert "9.85" in thai.unlocked(table.to_csv()).replace("\\", "")   # allocated in millions, as the chart says
