"""The Excel workbook: sheets as designed, Thai headers, figures equal rollup.summary, inert formulas."""

import io

import openpyxl
import pytest

from tests.report_helpers import FY, Q, loaded
from tracker import fmt, rollup
from tracker.report import content, xlsx


@pytest.fixture
def book(db):
    loaded(db)
    with db.atomic():  # a user-typed project name that is a formula
        db.execute("UPDATE projects SET name_th = ? WHERE project_code = 'P2'", ['=HYPERLINK("http://x","คลิก")'])
    r = content.build(db, FY, Q, "th")
    return r, openpyxl.load_workbook(io.BytesIO(xlsx.render(r)))


def test_sheets_headers_and_layout(book):
    r, wb = book
    assert len(wb.sheetnames) == len(xlsx.SHEETS) == 7
    assert wb.sheetnames == ["ข้อมูลรายงาน", "เป้าประสงค์", "ตัวชี้วัด", "โครงการ", "สรุปงบประมาณ", "แบบที่ 2 ตามยุทธศาสตร์",
                             "งบประมาณตามยุทธศาสตร์"]
    ws = wb["เป้าประสงค์"]
    assert [c.value for c in ws[1]][:5] == ["เป้าประสงค์", "โครงการตามแผน", "ไม่ได้ตั้งงบประมาณ", "ได้รับงบประมาณ",
                                         "ดำเนินการแล้วเสร็จ"]
    assert ws.freeze_panes == "A2"
    assert ws["L1"].value == "งบตามข้อบัญญัติ (บาท)" and ws["L2"].number_format == "#,##0"     # whole baht
    assert ws["N1"].value == "คะแนน" and ws["N2"].number_format == "0.0%" and ws.column_dimensions["A"].width > 10


def test_figures_equal_summary(book):
    r, wb = book
    summary = r.summary
    ws = wb["เป้าประสงค์"]
    head = [c.value for c in ws[1]]
    for i, goal in enumerate(summary["goals"], 2):
        row = dict(zip(head, [c.value for c in ws[i]]))
        assert row["โครงการตามแผน"] == goal["projects"]["in_plan"]
        assert row["ดำเนินการแล้วเสร็จ"] == goal["projects"]["completed"]
        assert row["งบตามข้อบัญญัติ (บาท)"] == pytest.approx(goal["budget"]["allocated"])
        assert row["เบิกจ่าย (บาท)"] == pytest.approx(goal["budget"]["disbursed"])
        # the score rounded as shown (0.963 with 0.0% is "96.3%", the text of every other surface)
        assert row["คะแนน"] == fmt.shown_number("percent", goal["score"])
    total = dict(zip(head, [c.value for c in ws[len(summary["goals"]) + 2]]))
    assert total["เป้าประสงค์"] == "รวม" and total["ได้รับงบประมาณ"] == summary["totals"]["projects"]["funded"]
    ind = wb["ตัวชี้วัด"]
    ihead = [c.value for c in ind[1]]
    for i, item in enumerate(summary["indicators"], 2):
        row = dict(zip(ihead, [c.value for c in ind[i]]))
        assert row["รหัส"] == item["code"]
        assert row["ผลการดำเนินงาน"] == (pytest.approx(item["actual"]) if item["actual"] is not None else None)


def test_goal_thai_text_survives_exactly(book):
    r, wb = book
    names = [c.value for c in wb["เป้าประสงค์"]["A"][1:6]]
    assert names == [f"{g.number}. {g.short}" for g in r.goals]


def test_formula_injection_is_inert(book):
    _, wb = book
    ws = wb["โครงการ"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.value.startswith("'=") and c.data_type == "s" for c in cells)


def test_projects_and_money_are_grouped_by_strategy_too(book):
    """#10: แบบที่ 2 and the budget per strategy (the plan's level-1 name), adding up to the totals."""
    r, wb = book
    ws = wb["แบบที่ 2 ตามยุทธศาสตร์"]
    head = [c.value for c in ws[1]]
    assert head[0] == "ยุทธศาสตร์"
    rows = [dict(zip(head, [c.value for c in row])) for row in ws.iter_rows(min_row=2)]
    strategies = r.summary["strategies"]
    assert [row["ยุทธศาสตร์"] for row in rows[:-1]] == [f"{s['strategy']}. {s['name_th']}" for s in strategies]
    assert rows[-1]["ยุทธศาสตร์"] == "รวม"
    assert sum(row["ได้รับงบประมาณ"] for row in rows[:-1]) == rows[-1]["ได้รับงบประมาณ"] == r.summary["totals"]["projects"]["funded"]
    money = wb["งบประมาณตามยุทธศาสตร์"]
    head = [c.value for c in money[1]]
    rows = [dict(zip(head, [c.value for c in row])) for row in money.iter_rows(min_row=2)]
    alloc = next(h for h in head if h.startswith("งบตามข้อบัญญัติ"))
    assert sum(row[alloc] for row in rows[:-1]) == rows[-1][alloc] == r.summary["totals"]["budget"]["allocated"]


def test_indicator_counts_per_status_add_up_to_the_goals_indicators(book):
    """#11: the goal table had no "not due" column, so its counts did not add up to the indicators."""
    r, wb = book
    ws = wb["เป้าประสงค์"]
    head = [c.value for c in ws[1]]
    groups = [c for c in r.goal_table.columns if c.key.startswith("n_") and c.key != "n_indicators"]
    assert "ยังไม่ถึงกำหนดรายงาน" in [c.heading("th") for c in groups]
    for row in ws.iter_rows(min_row=2, max_row=1 + len(r.goals)):
        cells = dict(zip(head, [c.value for c in row]))
        assert sum(cells[c.heading("th")] for c in groups) == cells["ตัวชี้วัดทั้งหมด"], cells
