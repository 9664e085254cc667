"""Pre-filled quarterly forms: what they list, what is filled in, how the XLSX guards the analyst, and that a
form comes back through the normal upload with no error; plausibility warnings of the upload."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.conftest import csv_text
from tracker import ingest
from tracker.cli import main
from tracker.ingest import forms

PROJECTS = csv_text("""
    รหัสโครงการ,ปีงบประมาณ,เป้าประสงค์,ชื่อโครงการ,หน่วยงานรับผิดชอบ,งบตามแผน,งบตามข้อบัญญัติ
    G1-P01,2569,1,ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3,กองช่าง,"1,250,000","1,180,000"
    G1-P02,2569,1,ขยายเขตประปาหมู่บ้าน,กองช่าง,500000,450000
    G3-P01,2569,3,อบรมอาสาสมัครดูแลผู้สูงอายุ,สำนักปลัด,80000,60000
    G3-P02,2569,3,ไฟส่องสว่างทางสาธารณะ,สำนักปลัด,300000,0
""")
PROGRESS_Q1 = csv_text("""
    รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม
    G1-P01,2569,1,อยู่ระหว่างดำเนินการ,25,"1,180,000","295,000"
    G1-P02,2569,1,ยังไม่ได้ดำเนินการ,0,0,0
""")
RESULTS = csv_text("""
    รหัสตัวชี้วัด,ปีงบประมาณ,ไตรมาส,ผลการดำเนินงาน
    G1-I01,2569,1,69
    G1-I02,2569,1,0.3
    G1-I02,2569,2,0.4
""")


def load(db, text: str, name: str) -> None:
    pv = ingest.prepare(db, text.encode("utf-8"), name)
    assert not pv.has_errors, pv.errors["message_en"].tolist()
    ingest.commit(db, pv, user="analyst")


@pytest.fixture
def filled(db):
    load(db, PROJECTS, "projects.csv")
    load(db, PROGRESS_Q1, "q1.csv")
    load(db, RESULTS, "results.csv")
    return db


def dump(db) -> list[str]:
    return list(db.conn.iterdump())


def sheet(data: bytes):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return wb, wb.worksheets[0]


def header_columns(ws) -> dict[str, int]:
    return {ws.cell(row=forms.HEADER_ROW, column=j).value: j for j in range(1, ws.max_column + 1)}


def test_progress_form_lists_the_funded_projects_with_last_quarters_figures(filled):
    df = forms.progress_rows(filled, 2569, 2)
    assert df["project_code"].tolist() == ["G1-P01", "G1-P02", "G3-P01"]         # G3-P02 has no allocated budget
    p1 = df.set_index("project_code").loc["G1-P01"]
    assert (p1["status"], p1["progress_pct"], p1["committed"], p1["disbursed"]) == (
        "อยู่ระหว่างดำเนินการ", 25, 1_180_000, 295_000)
    assert p1["prefilled_from"] == "1/2569" and p1["quarter"] == 2 and p1["allocated"] == 1_180_000
    never = df.set_index("project_code").loc["G3-P01"]                          # nothing reported yet: blank
    assert never[["status", "progress_pct", "committed", "disbursed"]].isna().all()
    assert never["prefilled_from"] == "ยังไม่เคยรายงาน" and never["department"] == "สำนักปลัด"


def test_a_first_quarter_form_is_blank_because_money_is_cumulative_within_a_year(filled):
    df = forms.progress_rows(filled, 2569, 1, lang="en")
    assert df["status"].isna().all() and df["disbursed"].isna().all()
    assert set(df["prefilled_from"]) == {"not reported yet"}


def test_department_form_lists_only_that_departments_projects_and_indicators(filled):
    assert forms.progress_rows(filled, 2569, 2, department="PAL")["project_code"].tolist() == ["G3-P01"]
    owners = forms.results_rows(filled, 2569, 2, department="ENG")
    assert len(owners) and owners["indicator_code"].str.startswith("G1").all()


def test_indicator_form_gives_unit_target_how_to_fill_and_the_last_value(filled, plan):
    df = forms.results_rows(filled, 2569, 3).set_index("indicator_code")
    assert len(df) == len(plan.indicators)
    i01, i02 = df.loc["G1-I01"], df.loc["G1-I02"]
    assert (i01["unit"], i01["target"], i01["previous"], i01["previous_period"]) == ("ร้อยละ", 85, 69, "1/2569")
    assert i01["how"] == "ค่า ณ สิ้นไตรมาสนี้"                    # latest: the value at the end of the quarter
    assert i02["how"] == "ผลเฉพาะไตรมาสนี้ (ไม่สะสม)" and i02["year_to_date"] == pytest.approx(0.7)
    assert df["value"].isna().all()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_untouched_progress_form_uploads_back_with_no_error_and_no_warning(filled, lang):
    for make, name in ((forms.form_xlsx, "form.xlsx"), (forms.form_csv, "form.csv")):
        pv = ingest.prepare(filled, make(filled, "project_progress", 2569, 2, lang=lang), name)
        assert pv.kind == "project_progress"
        assert pv.counts["errors"] == 0 and pv.counts["warnings"] == 0, pv.problems["message_en"].tolist()
        assert pv.n_new == 2 and pv.skipped_rows == [4 if name == "form.csv" else forms.HEADER_ROW + 3]
        row = pv.rows.set_index("project_code").loc["G1-P01"]
        assert (row["status"], row["progress_pct"], row["disbursed"]) == ("in_progress", 25, 295_000)


def test_xlsx_form_locks_keys_offers_status_list_and_formats_numbers(filled):
    wb, ws = sheet(forms.form_xlsx(filled, "project_progress", 2569, 2))
    assert ws.title == "ผลการดำเนินงานโครงการ" and ws.protection.sheet
    col = header_columns(ws)
    first = forms.HEADER_ROW + 1
    assert ws.cell(first, col["รหัสโครงการ"]).protection.locked
    assert ws.cell(first, col["งบที่ได้รับ (บาท)"]).protection.locked
    for header in ("สถานะ", "ความก้าวหน้า %", "ก่อหนี้ผูกพัน", "เบิกจ่ายสะสม", "หมายเหตุ"):
        assert not ws.cell(first, col[header]).protection.locked, header
    assert ws.cell(first, col["เบิกจ่ายสะสม"]).number_format == "#,##0.00"
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and "ดำเนินการแล้วเสร็จ" in lists[0].formula1
    status_letter = ws.cell(first, col["สถานะ"]).column_letter
    assert f"{status_letter}{first}" in str(lists[0].sqref)
    assert "2569" in ws["A1"].value and len(wb.sheetnames) == 2


def test_analyst_fills_the_progress_form_and_the_preview_reads_every_cell(filled):
    wb, ws = sheet(forms.form_xlsx(filled, "project_progress", 2569, 2))
    col = header_columns(ws)
    r = forms.HEADER_ROW + 1                                        # G1-P01
    ws.cell(r, col["ความก้าวหน้า %"]).value = 60
    ws.cell(r, col["เบิกจ่ายสะสม"]).value = "1,250,000"
    ws.cell(r + 1, col["สถานะ"]).value = "ดำเนินการแล้วเสร็จ"
    ws.cell(r + 1, col["ความก้าวหน้า %"]).value = "๑๐๐"
    ws.cell(r + 1, col["ก่อหนี้ผูกพัน"]).value = 450000
    ws.cell(r + 1, col["เบิกจ่ายสะสม"]).value = 450000
    buf = io.BytesIO()
    wb.save(buf)
    before = dump(filled)
    pv = ingest.prepare(filled, buf.getvalue(), "filled.xlsx")
    assert dump(filled) == before                                   # a preview writes nothing
    rows = pv.rows.set_index("project_code")
    assert rows.loc["G1-P02", "status"] == "completed" and rows.loc["G1-P02", "progress_pct"] == 100
    assert rows.loc["G1-P01", "disbursed"] == 1_250_000, pv.problems["message_en"].tolist()
    assert not pv.has_errors


def test_blank_indicator_form_is_refused_as_nothing_filled_and_filled_rows_alone_are_imported(filled):
    data = forms.form_xlsx(filled, "indicator_results", 2569, 2)
    pv = ingest.prepare(filled, data, "form.xlsx")
    assert pv.has_errors and pv.errors["code"].tolist() == ["nothing_filled"]
    wb, ws = sheet(data)
    col = header_columns(ws)
    codes = [ws.cell(r, 1).value for r in range(forms.HEADER_ROW + 1, ws.max_row + 1)]
    r01 = forms.HEADER_ROW + 1 + codes.index("G1-I01")
    ws.cell(r01, col["ผลการดำเนินงาน"]).value = 72
    ws.cell(r01, col["หมายเหตุ"]).value = "สำรวจ ธ.ค."
    buf = io.BytesIO()
    wb.save(buf)
    pv = ingest.prepare(filled, buf.getvalue(), "form.xlsx")
    assert pv.counts == {"rows": 1, "new": 1, "changed": 0, "unchanged": 0, "errors": 0, "warnings": 0}
    assert len(pv.skipped_rows) == len(codes) - 1 and r01 not in pv.skipped_rows
    ingest.commit(filled, pv, user="analyst")


# --- plausibility warnings ------------------------------------------------------------------------

def results(lines: str) -> bytes:
    return ("รหัสตัวชี้วัด,ปีงบประมาณ,ไตรมาส,ผลการดำเนินงาน\n" + lines).encode("utf-8")


@pytest.mark.parametrize("line, code", [
    ("G1-I01,2569,2,0.85", "percent_too_small"),       # ร้อยละ, target 85, last 69: 0.85 is 85 % read 100× small
    ("G1-I02,2569,3,40", "value_scale"),               # 100× the last value (7200 % of a percentage is refused, #15)
    ("G1-I02,2569,3,0.75", "sum_looks_cumulative"),    # summed indicator: 0.3 + 0.4 so far, 0.75 looks like a total
])
def test_implausible_indicator_values_are_warnings_naming_row_and_column(filled, line, code):
    pv = ingest.prepare(filled, results(line + "\n"), "r.csv")
    assert not pv.has_errors
    w = pv.warnings
    assert w["code"].tolist() == [code], pv.problems["message_en"].tolist()
    assert w["row"].tolist() == [2] and w["column"].tolist() == ["ผลการดำเนินงาน"]
    assert w["message_th"].iloc[0].startswith("แถว 2 คอลัมน์ 'ผลการดำเนินงาน'")


@pytest.mark.parametrize("line", ["G1-I01,2569,2,72", "G1-I02,2569,3,0.35", "G1-I01,2569,2,0"])
def test_plausible_indicator_values_get_no_warning(filled, line):
    assert ingest.prepare(filled, results(line + "\n"), "r.csv").warnings.empty


def test_a_percentage_of_7200_is_refused_not_only_warned(filled):
    pv = ingest.prepare(filled, results("G1-I01,2569,2,7200\n"), "r.csv")
    assert pv.problems["code"].tolist() == ["implausible_value"] and pv.has_errors


def test_progress_falling_or_read_100_times_too_small_is_warned(filled):
    text = csv_text("""
        รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม
        G1-P01,2569,2,อยู่ระหว่างดำเนินการ,0.4,"1,180,000","295,000"
        G1-P02,2569,2,อยู่ระหว่างดำเนินการ,10,0,0
    """)
    pv = ingest.prepare(filled, text.encode("utf-8"), "p.csv")
    assert pv.warnings["code"].tolist() == ["percent_too_small"] and not pv.has_errors
    text = text.replace(",0.4,", ",20,").replace('"1,180,000"', "900000")
    assert ingest.prepare(filled, text.encode("utf-8"), "p.csv").warnings["code"].tolist() == [
        "progress_decreased", "progress_decreased"]


def test_progress_warnings_name_their_figures_and_format_only_the_rows_they_warn_about(filled, monkeypatch):
    from tracker import fmt

    many = [f"ZZ-{i:03d},2569,1,โครงการ {i},กองช่าง,1000,1000" for i in range(400)]
    load(filled, PROJECTS.splitlines()[0] + "\n" + "\n".join(many) + "\n", "more.csv")
    lines = [f"ZZ-{i:03d},2569,2,อยู่ระหว่างดำเนินการ,{10 + i % 50},0,0" for i in range(400)]
    lines[123] = 'G1-P01,2569,2,อยู่ระหว่างดำเนินการ,0.4,"1,180,000","295,000"'
    text = "รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม\n" + "\n".join(lines) + "\n"
    calls = []
    number = fmt.number
    monkeypatch.setattr(fmt, "number", lambda *a, **k: calls.append(a) or number(*a, **k))
    pv = ingest.prepare(filled, text.encode("utf-8"), "p.csv", kind="project_progress")
    small = pv.warnings[pv.warnings["code"] == "percent_too_small"]
    assert not pv.has_errors and pv.n_rows == 400
    assert small["row"].tolist() == [125] and small["value"].tolist() == ["0.4"]
    assert "0.4" in small["message_en"].iloc[0] and "40" in small["message_en"].iloc[0]
    assert small["message_th"].iloc[0].startswith("แถว 125 คอลัมน์ 'ความก้าวหน้า %'")
    assert len(calls) < 40, len(calls)     # a handful of warnings, not every row of the file formatted


def test_cli_form_writes_the_three_forms_that_import_back(filled, db_file, tmp_path, capsys):
    assert main(["form", "--db", str(db_file), "--fy", "2569", "--quarter", "2", "--format", "xlsx",
                 "--format", "csv", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.glob("form-*"))
    assert written == ["form-indicator_results-2569-Q2.csv", "form-indicator_results-2569-Q2.xlsx",
                       "form-project_progress-2569-Q2.csv", "form-project_progress-2569-Q2.xlsx",
                       "form-projects-2569.csv", "form-projects-2569.xlsx"]
    for name in ("form-project_progress-2569-Q2.xlsx", "form-projects-2569.xlsx"):
        assert main(["import", "--db", str(db_file), "--dry-run", "--user", "analyst", str(tmp_path / name)]) == 0
        assert "errors: 0  warnings: 0" in capsys.readouterr().out
    assert main(["form", "--db", str(db_file), "--fy", "2569", "--quarter", "2", "--kind", "project_progress",
                 "--zip", "--out", str(tmp_path / "zip")]) == 0
    assert [p.name for p in (tmp_path / "zip").iterdir()] == ["form-project_progress-2569-Q2-departments.zip"]


# --- the preview of every row -----------------------------------------------------------------------

def test_row_preview_shows_each_cell_as_written_and_as_read_under_the_files_headers(filled):
    from tracker.ingest import present

    text = csv_text("""
        รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม
        G1-P01,๒๕๖๙,ไตรมาส 2,อยู่ระหว่างดำเนินการ,60,"1,180,000",฿472000
        G1-P01,2569,3,อยู่ระหว่างดำเนินการ,0.4,"1,180,000",472000
    """)
    pv = ingest.prepare(filled, text.encode("utf-8"), "p.csv")
    table = present.row_table(pv, "th")
    assert table["แถว"].tolist() == [2, 3]
    assert table["การนำเข้า"].tolist() == ["✚ เพิ่มใหม่", "✚ เพิ่มใหม่"]
    first = table.iloc[0]
    assert first["ปีงบประมาณ"] == "๒๕๖๙ → 2569" and first["ไตรมาส"] == "ไตรมาส 2 → 2"
    assert first["เบิกจ่ายสะสม"] == "฿472000 → 472,000" and first["ก่อหนี้ผูกพัน"] == "1,180,000"
    assert first["สถานะ"] == "อยู่ระหว่างดำเนินการ" and first["ปัญหาในแถว"] == ""
    assert table.iloc[1]["ปัญหาในแถว"].startswith("⚠ แถว 3 คอลัมน์ 'ความก้าวหน้า %'")
    en = present.row_table(pv, "en")
    assert en.iloc[0]["สถานะ"] == "อยู่ระหว่างดำเนินการ → In progress" and "Does" in en.columns


def test_changed_rows_name_columns_by_the_files_own_headers(filled):
    from tracker.ingest import present

    text = PROGRESS_Q1.replace('"295,000"', '"400,000"')
    pv = ingest.prepare(filled, text.encode("utf-8"), "q1b.csv")
    changes = present.change_table(pv.changes, "en", present.file_headers(pv))
    assert changes["Column"].tolist() == ["เบิกจ่ายสะสม"]
    assert changes[["Old", "New"]].values.tolist() == [["295,000", "400,000"]]


def test_rows_of_a_batch_are_written_in_words_not_codes(filled):
    from tracker.ingest import present
    from tracker.store import uploads

    batch = int(filled.execute("SELECT max(id) FROM import_batches WHERE kind = 'project_progress'").fetchone()[0])
    th = present.batch_rows_table(uploads.batch_changes(filled, batch), "th")
    values = " ".join(th["ค่า (เดิม → ใหม่)"])
    assert "สถานะ = อยู่ระหว่างดำเนินการ" in values and "in_progress" not in values
    assert th["ถ้าย้อนกลับ"].tolist() == ["แถวนี้ถูกลบออก"] * 2
    en = present.batch_rows_table(uploads.batch_changes(filled, batch), "en")
    assert "status = In progress" in " ".join(en["Values (old → new)"])


def test_header_problems_name_the_header_row_under_a_forms_title(filled):
    # the XLSX form (title on row 1, instructions on row 2, headers on row 3) with a column renamed
    wb, ws = sheet(forms.form_xlsx(filled, "project_progress", 2569, 2))
    col = header_columns(ws)["เบิกจ่ายสะสม"]
    ws.protection.sheet = False
    ws.cell(row=forms.HEADER_ROW, column=col, value="ยอดเบิกจ่ายรวม")
    buf = io.BytesIO()
    wb.save(buf)
    pv = ingest.prepare(filled, buf.getvalue(), "form.xlsx")
    problems = pv.problems.set_index("code")
    assert problems.loc["missing_column", "row"] == 3 and problems.loc["unknown_column", "row"] == 3
    assert problems.loc["unknown_column", "message_th"].startswith("แถว 3 คอลัมน์ 'ยอดเบิกจ่ายรวม'")
    # a CSV with a two-line title: the header is line 3 there too
    text = "แบบรายงานผลการดำเนินงานโครงการ\nอบต.ขี้เหล็ก\n" + PROGRESS_Q1.replace("เบิกจ่ายสะสม", "ยอดเบิกจ่ายรวม")
    pv = ingest.prepare(filled, text.encode(), "q1.csv")
    assert pv.problems.set_index("code").loc["missing_column", "row"] == 3
    assert pv.problems["row"].dropna().min() == 3


@pytest.mark.parametrize("lang", ["th", "en"])
def test_projects_form_lists_the_years_projects_with_yes_no_lists_and_uploads_back_unchanged(filled, lang):
    data = forms.form_xlsx(filled, "projects", 2569, 1, lang=lang)
    wb, ws = sheet(data)
    cols = header_columns(ws)
    codes = [ws.cell(row=r, column=1).value for r in range(forms.HEADER_ROW + 1, ws.max_row + 1)]
    assert codes == ["G1-P01", "G1-P02", "G3-P01", "G3-P02"]
    yes, no = ("ใช่", "ไม่ใช่") if lang == "th" else ("yes", "no")
    welfare = next(c for h, c in cols.items() if h.startswith("เบี้ยยังชีพ"))
    assert ws.cell(row=forms.HEADER_ROW + 1, column=welfare).value == no
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    letter = openpyxl.utils.get_column_letter(welfare)
    assert lists[f"{letter}{forms.HEADER_ROW + 1}"] == f'"{yes},{no}"'
    department = openpyxl.utils.get_column_letter(next(c for h, c in cols.items() if h.startswith("หน่วยงาน")))
    listed = lists[f"{department}{forms.HEADER_ROW + 1}"]                            # a range of the hidden sheet
    names = [c.value for c in wb["lists"][listed.split("!")[1].replace("$", "")] for c in c]
    assert ("กองช่าง" if lang == "th" else "Education, Religion and Culture Division") in names
    assert ws.cell(row=forms.HEADER_ROW + 1, column=1).protection.locked and ws.protection.sheet
    for payload, name in ((data, "projects.xlsx"), (forms.form_csv(filled, "projects", 2569, 1, lang=lang), "p.csv")):
        pv = ingest.prepare(filled, payload, name)
        assert pv.kind == "projects" and pv.counts["unchanged"] == 4, pv.problems["message_en"].tolist()
        assert pv.counts["errors"] == 0 and pv.counts["warnings"] == 0, pv.problems["message_en"].tolist()


def test_projects_form_typed_in_reads_yes_no_words_and_written_amounts(filled):
    wb, ws = sheet(forms.form_xlsx(filled, "projects", 2569, 1))
    cols = header_columns(ws)
    welfare = next(c for h, c in cols.items() if h.startswith("เบี้ยยังชีพ"))
    ws.protection.sheet = False
    ws.cell(row=forms.HEADER_ROW + 4, column=welfare, value="ใช่")                   # G3-P02
    ws.cell(row=forms.HEADER_ROW + 4, column=cols["งบตามข้อบัญญัติ"], value="๒๕๐,๐๐๐.-")
    buf = io.BytesIO()
    wb.save(buf)
    pv = ingest.prepare(filled, buf.getvalue(), "projects.xlsx")
    assert not pv.has_errors and pv.n_changed == 1, pv.problems["message_en"].tolist()
    row = pv.rows.set_index("project_code").loc["G3-P02"]
    assert row["is_welfare_transfer"] == 1 and row["allocated_budget"] == 250_000


def test_every_departments_form_comes_in_one_zip_of_workbooks_that_upload_back(filled):
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(forms.department_forms_zip(filled, "project_progress", 2569, 2)))
    names = sorted(z.namelist())
    assert names == ["form-project_progress-2569-Q2-ENG-กองช่าง.xlsx", "form-project_progress-2569-Q2-PAL-สำนักปลัด.xlsx"]
    eng = ingest.prepare(filled, z.read(names[0]), names[0])     # Q1 figures filled in: goes back as it is
    assert eng.kind == "project_progress" and not eng.has_errors and eng.n_new == 2, eng.problems["message_en"].tolist()
    pal = ingest.prepare(filled, z.read(names[1]), names[1])     # G3-P01 not reported yet: blank until typed
    assert pal.errors["code"].tolist() == ["nothing_filled"] and pal.skipped_rows == [4]
    assert forms.file_name("project_progress", 2569, 2, "zip") == "form-project_progress-2569-Q2-departments.zip"
    assert forms.file_name("projects", 2569, 2, "xlsx") == "form-projects-2569.xlsx"
