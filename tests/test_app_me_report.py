"""The M&E report page (#13): year and round chosen, the committee's text written by analysts and
stored (audited), read-only for viewers, the four downloads offered (PDF, DOCX, XLSX, PPTX); Thai and
English."""

import pytest

from tests.dashboard_data import load_small_dataset
from tracker import store
from tracker.report import me
from tracker.report.me import narrative as N

PAGE = "pages/me_report.py"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_page_renders_without_and_with_data(app, db, lang):
    at = app(lang=lang, fy=2569, q=2, page=PAGE)
    assert not at.exception, at.exception
    load_small_dataset(db)
    at = app(lang=lang, fy=2569, q=2, page=PAGE)
    assert not at.exception, at.exception
    labels = [b.label for b in at.get("download_button")]
    assert len(labels) == 4
    assert all(any(kind in x for x in labels) for kind in ("PDF", "DOCX", "XLSX", "PPTX"))


def test_analyst_writes_the_problems_of_a_strategy_and_it_is_stored_for_that_round(app, db):
    load_small_dataset(db)
    at = app(lang="th", fy=2569, q=2, page=PAGE, user="analyst")
    assert not at.exception, at.exception
    at.segmented_control(key="me_kind").set_value("half").run()
    box = at.text_area(key="me_2569_half_problems_1")
    box.input("ถนนเสียหายจากน้ำท่วม ต้องปรับแผนงาน")         # a form: sent with the submit
    at.get("form_submit_button")[0].click().run()
    assert not at.exception, at.exception
    assert any("บันทึกแล้ว 1 ส่วน" in str(s.value) for s in at.success)
    assert N.load(db, me.parse("half", 2569)).text("problems", 1) == "ถนนเสียหายจากน้ำท่วม ต้องปรับแผนงาน"
    assert N.load(db, me.parse("annual", 2569)).text("problems", 1) is None
    log = store.audit_log(db, action="narrative_edit")
    assert list(log["username"]) == ["test-analyst"]


def test_viewers_read_the_text_but_cannot_edit_it(app, db):
    N.save(db, me.parse("annual", 2569), "committee_opinion", "เห็นชอบตามรายงาน", user="analyst")
    at = app(lang="th", fy=2569, q=2, page=PAGE, user="viewer")
    assert not at.exception, at.exception
    box = at.text_area(key="me_2569_annual_committee_opinion_0")
    assert box.value == "เห็นชอบตามรายงาน" and box.disabled
    assert at.get("form_submit_button")[0].proto.disabled
    assert any("ดูได้อย่างเดียว" in str(c.value) for c in at.caption)
