"""Browser test of the issue's scenario: the 2570 Q1 form typed and saved by LibreOffice is uploaded on the page;
every row shows as read, the 100×-small warning must be ticked, Confirm lands the ten rows and the receipt is
the last word."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.browser import app_env, exceptions, launch, serve, tracker_cli, wait_rendered
from tests.libreoffice import save_as

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp, env = app_env(tmp_path_factory, "browser_forms")
    lines = ["รหัสโครงการ,ปีงบประมาณ,เป้าประสงค์,ชื่อโครงการ,หน่วยงานรับผิดชอบ,งบตามแผน,งบตามข้อบัญญัติ"]
    lines += [f"G1-P{i:02d},2570,1,ก่อสร้างถนน หมู่ที่ {i % 9 + 1},กองช่าง,2500000,2400000" for i in range(1, 13)]
    projects = tmp / "projects.csv"
    projects.write_bytes(("\n".join(lines) + "\n").encode("utf-8-sig"))
    tracker_cli("import", str(projects), "--user", "setup", env=env)
    tracker_cli("form", "--fy", "2570", "--quarter", "1", "--kind", "project_progress", "--out", str(tmp), env=env)
    from tests import browser_auth

    browser_auth.prepare(env)
    with serve(env) as url:
        yield url, tmp


def test_libreoffice_form_upload_shows_rows_as_read_and_confirms_after_the_warning_is_ticked(server, tmp_path):
    from playwright.sync_api import sync_playwright

    from tests import browser_auth

    url, tmp = server
    wb = openpyxl.load_workbook(tmp / "form-project_progress-2570-Q1.xlsx")
    ws = wb.worksheets[0]
    col = {ws.cell(3, j).value: j for j in range(1, ws.max_column + 1)}
    for r in range(4, 14):
        ws.cell(r, col["สถานะ"]).value = "อยู่ระหว่างดำเนินการ"
        ws.cell(r, col["ความก้าวหน้า %"]).value = 20 if r > 4 else 0.2         # one 20% read as 0.2
        ws.cell(r, col["ก่อหนี้ผูกพัน"]).value = "๒,๔๐๐,๐๐๐"
        ws.cell(r, col["เบิกจ่ายสะสม"]).value = 480000
    typed = tmp_path / "แบบรายงาน-ไตรมาส1.xlsx"
    wb.save(typed)
    saved = save_as(typed, "xlsx", tmp_path)
    with sync_playwright() as pw:
        browser, page = launch(pw)
        main = browser_auth.upload_file(page, url, saved)
        main.get_by_text("ทุกแถวตามที่อ่านได้").first.wait_for(state="visible")
        wait_rendered(page)
        text = main.inner_text()
        # the tables are drawn on a canvas: their cells are the AppTest's part (tests/test_app_upload.py)
        assert "ตรวจคำเตือน 1 รายการก่อนยืนยัน" in text and "แถวที่เว้นว่างไว้ ไม่นำเข้า: 14, 15" in text
        assert not exceptions(page)
        confirm = main.get_by_role("button", name="ยืนยันนำเข้า")
        assert confirm.is_disabled()
        main.get_by_text("ตรวจคำเตือนแล้ว ยืนยันว่าค่าถูกต้อง").click()
        wait_rendered(page)
        main.get_by_role("button", name="ยืนยันนำเข้า").click()
        main.get_by_text("นำเข้าชุดที่ 2 แล้ว: เพิ่ม 10 แถว").first.wait_for(state="visible")
        wait_rendered(page)
        assert "ไม่มีอะไรเปลี่ยน" not in main.inner_text()
        assert not exceptions(page)
        browser.close()
