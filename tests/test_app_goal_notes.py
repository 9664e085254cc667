"""The goal page shows the M&E committee's problems and recommendations of the goal's strategies for the chosen
round (#13, issue item 3): as plain text, the six-month report's at Q2 and the annual report's at Q4."""

import pytest

from tests.dashboard_data import load_small_dataset
from tracker.report import me
from tracker.report.me import narrative as N

PAGE = "pages/goal.py"
HOSTILE = "<b>ถนนเสียหาย</b> **ด่วน** [ลิงก์](javascript:alert(1))\nบรรทัดที่สอง"


def visible(text: str) -> str:
    """The text as a reader sees it: without the word joiners and break hints of Thai line breaking."""
    return str(text).replace("\u2060", "").replace("\u200b", "").replace("\xa0", " ")


def texts(at) -> list[str]:
    return [visible(e.value) for kind in ("markdown", "caption", "info") for e in at.get(kind)]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_without_notes_the_page_says_where_they_are_written(app, db, lang):
    load_small_dataset(db)
    at = app(lang=lang, fy=2569, q=2, page=PAGE, query={"goal": "1"})
    assert not at.exception, at.exception
    want = "หน้ารายงานติดตามและประเมินผล" if lang == "th" else "M&E report page"
    assert any(want in s for s in texts(at))


def test_the_rounds_notes_of_the_goals_strategies_are_shown_as_plain_text(app, db):
    load_small_dataset(db)
    N.save(db, me.parse("half", 2569), "problems", HOSTILE, user="analyst", strategy_no=1)
    N.save(db, me.parse("half", 2569), "recommendations", "เร่งจัดซื้อจัดจ้าง", user="analyst", strategy_no=1)
    N.save(db, me.parse("annual", 2569), "problems", "ข้อความรอบประจำปี", user="analyst", strategy_no=1)
    at = app(lang="th", fy=2569, q=2, page=PAGE, query={"goal": "1"})
    assert not at.exception, at.exception
    shown = texts(at)
    assert any("รอบ 6 เดือน 2569" in s for s in shown)
    note = next(e for e in at.markdown if "ถนนเสียหาย" in visible(e.value))
    value = visible(note.value)
    assert not note.proto.allow_html and "ปัญหาและอุปสรรค" in value
    assert "\\<b\\>" in value or "&lt;b&gt;" in value          # the tag is text, never markup
    assert "\\*\\*" in value and "\\[" in value                # Markdown escaped too
    assert "บรรทัดที่สอง" in value
    assert any("เร่งจัดซื้อจัดจ้าง" in s for s in shown)
    assert not any("ข้อความรอบประจำปี" in s for s in shown)           # the annual report's text is Q4's
    at = app(lang="th", fy=2569, q=4, page=PAGE, query={"goal": "1"})
    assert any("ข้อความรอบประจำปี" in s for s in texts(at)) and not any("ถนนเสียหาย" in s for s in texts(at))
    at = app(lang="th", fy=2569, q=2, page=PAGE, query={"goal": "2"})   # goal 2: strategy 2's notes only
    assert not any("ถนนเสียหาย" in s for s in texts(at))


def test_for_period_picks_the_report_round_of_the_quarter(db):
    N.save(db, me.parse("quarter", 2569, 3), "impact", "ผลไตรมาส 3", user="analyst", strategy_no=2)
    rnd, notes = N.for_period(db, 2569, 3, (2, 1))
    assert rnd.key == "q3" and notes.to_dict("records") == [{"strategy_no": 2, "section": "impact",
                                                             "text": "ผลไตรมาส 3"}]
    assert N.for_period(db, 2569, 3, (1,))[0] is None
