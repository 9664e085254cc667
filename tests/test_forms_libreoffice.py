"""The issue's scenario with files LibreOffice wrote: the pre-filled form for 2570 Q1 is downloaded, progress
of ten projects is typed (20%, Thai digits, money written with a dash), the workbook is saved by LibreOffice
Calc as XLSX and as CSV, and uploaded: the preview shows the ten rows as read, nothing 100× off goes silent."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.conftest import csv_text
from tests.libreoffice import save_as
from tracker import ingest
from tracker.ingest import forms, present

pytestmark = pytest.mark.slow

N = 12


def projects_2570() -> str:
    lines = ["รหัสโครงการ,ปีงบประมาณ,เป้าประสงค์,ชื่อโครงการ,หน่วยงานรับผิดชอบ,งบตามแผน,งบตามข้อบัญญัติ"]
    lines += [f"G1-P{i:02d},2570,1,ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {i % 9 + 1},กองช่าง,2500000,2400000"
              for i in range(1, N + 1)]
    return csv_text("\n".join(lines))


@pytest.fixture
def typed_form(db, tmp_path):
    pv = ingest.prepare(db, projects_2570().encode(), "projects-2570.csv")
    ingest.commit(db, pv, user="analyst")
    wb = openpyxl.load_workbook(io.BytesIO(forms.form_xlsx(db, "project_progress", 2570, 1)))
    ws = wb.worksheets[0]
    col = {ws.cell(forms.HEADER_ROW, j).value: j for j in range(1, ws.max_column + 1)}
    for r in range(forms.HEADER_ROW + 1, forms.HEADER_ROW + 11):          # ten of the twelve projects
        ws.cell(r, col["สถานะ"]).value = "อยู่ระหว่างดำเนินการ"
        pct = ws.cell(r, col["ความก้าวหน้า %"])
        pct.value, pct.number_format = 0.2, "0%"                          # what typing 20% leaves in the cell
        # Thai digits, and baht closed with a dash, typed as text
        ws.cell(r, col["ก่อหนี้ผูกพัน"]).value = "๒,๔๐๐,๐๐๐" if r % 2 else "1,250,000.-"
        ws.cell(r, col["เบิกจ่ายสะสม"]).value = 480000
    path = tmp_path / "แบบรายงาน-2570-Q1.xlsx"
    wb.save(path)
    return db, path


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_form_typed_and_saved_by_libreoffice_shows_the_ten_rows_and_no_silent_100x_error(typed_form, tmp_path,
                                                                                      fmt):
    db, path = typed_form
    saved = save_as(path, fmt, tmp_path)
    before = list(db.conn.iterdump())
    pv = ingest.prepare(db, saved.read_bytes(), saved.name)
    assert list(db.conn.iterdump()) == before
    assert pv.kind == "project_progress" and not pv.has_errors, pv.errors["message_en"].tolist()
    assert pv.n_new == 10 and len(pv.skipped_rows) == N - 10
    rows = pv.rows
    assert sorted(set(rows["committed"])) == [1_250_000, 2_400_000] and rows["disbursed"].eq(480_000).all()
    assert rows["status"].eq("in_progress").all()
    # 20% is read as 20 (not 0.2): no value 100× off, and so nothing to warn about
    assert rows["progress_pct"].eq(20).all() and pv.warnings.empty, pv.warnings["message_en"].tolist()
    table = present.row_table(pv, "th")
    assert len(table) == 10 and table["ก่อหนี้ผูกพัน"].iloc[1] == "๒,๔๐๐,๐๐๐ → 2,400,000"
    assert table["ก่อหนี้ผูกพัน"].iloc[0] == "1,250,000.- → 1,250,000"
    assert table["ความก้าวหน้า %"].iloc[0] in ("20% → 20", "20 → 20")     # XLSX keeps the format, CSV the text
