"""Normalising Thai Excel values, and one test per problem code; many problems are all reported."""

from __future__ import annotations

import pytest

from tests.conftest import csv_text
from tracker import ingest, store
from tracker.ingest import WARNING_CODES

PROJECTS = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    G1-P01,2569,1,ก่อสร้างถนน,กองช่าง,1250000,1000000
    G1-P02,2569,1,ขยายเขตประปา,ENG,500000,450000
""")
PROGRESS_HEAD = "project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed\n"
RESULTS_HEAD = "indicator_code,fiscal_year,quarter,value\n"
PROJECTS_HEAD = "project_code,fiscal_year,goal,name_th,department,village,planned_budget,allocated_budget," \
                "indicator_codes,is_welfare_transfer\n"


@pytest.fixture
def pdb(db):
    pv = ingest.prepare(db, PROJECTS.encode("utf-8-sig"), "p.csv")
    ingest.commit(db, pv, user="t")
    return db


def prep(db, text: str, encoding="utf-8-sig", kind=None):
    return ingest.prepare(db, text.encode(encoding), "f.csv", kind=kind)


# ------------------------------------------------------------------ normalising


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_thai_form_file_in_any_encoding_and_separator_gives_the_same_rows(pdb, encoding, sep):
    text = csv_text("""
        รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม,หมายเหตุ
        G1-P01,๒๕๖๙,ไตรมาสที่ ๑,อยู่ระหว่างดำเนินการ,๓๐,฿1'000'000,250000 บาท,งวดที่ 1
        G1-P02,2026,Q1,ยังไม่ได้ดำเนินการ,0,-,-,
    """).replace("'", "")
    if sep != ",":
        text = text.replace(",", sep)
    pv = prep(pdb, text, encoding)
    assert not pv.has_errors, pv.problems.to_string()
    rows = pv.rows.set_index("project_code")
    assert rows.loc["G1-P01", ["fiscal_year", "quarter", "status", "progress_pct", "committed", "disbursed"]].tolist() \
        == [2569, 1, "in_progress", 30.0, 1_000_000.0, 250_000.0]
    assert rows.loc["G1-P02", ["fiscal_year", "status", "committed", "disbursed"]].tolist() == \
        [2569, "not_started", 0.0, 0.0]
    assert rows.loc["G1-P01", "note"] == "งวดที่ 1"


@pytest.mark.parametrize("written, year", [("2569", 2569), ("2026", 2569), ("๒๕๖๙", 2569), ("พ.ศ. 2569", 2569),
                                           ("FY2569", 2569), ("2569.0", 2569)])
def test_years_in_buddhist_era_or_ce_are_stored_as_buddhist_era(db, written, year):
    pv = prep(db, RESULTS_HEAD + f"G1-I01,{written},2,1\n")
    assert not pv.has_errors and pv.rows.loc[0, "fiscal_year"] == year


@pytest.mark.parametrize("written", ["2", "Q2", "q2", "ไตรมาส 2", "ไตรมาสที่ 2", "ไตรมาสที่๒", " 2 "])
def test_quarters_written_any_usual_way(db, written):
    pv = prep(db, RESULTS_HEAD + f"G1-I01,2569,{written},1\n")
    assert not pv.has_errors and pv.rows.loc[0, "quarter"] == 2


@pytest.mark.parametrize("written, value", [("1,250,000", 1_250_000), ("฿1,250,000", 1_250_000),
                                            ("1250000 บาท", 1_250_000), ("๑,๒๕๐,๐๐๐", 1_250_000), ("-", 0),
                                            ("1 250 000.50", 1_250_000.5)])
def test_money_written_the_thai_excel_way(db, written, value):
    pv = prep(db, PROJECTS_HEAD + f'G1-P09,2569,1,ถนน,กองช่าง,,"{written}",0,,\n')
    assert not pv.has_errors, pv.problems.to_string()
    assert pv.rows.loc[0, "planned_budget"] == value


@pytest.mark.parametrize("written, flag", [("ใช่", 1), ("ไม่ใช่", 0), ("yes", 1), ("No", 0), ("1", 1), ("0", 0), ("", 0)])
def test_yes_no_in_thai_english_or_digits(db, written, flag):
    pv = prep(db, PROJECTS_HEAD + f"G1-P09,2569,1,ถนน,กองช่าง,,0,0,,{written}\n")
    assert not pv.has_errors and pv.rows.loc[0, "is_welfare_transfer"] == flag


def test_departments_villages_and_indicator_lists_are_normalised(db):
    pv = prep(db, PROJECTS_HEAD + 'G1-P09,2569,1,ถนน,  Engineering  Division ,"หมู่ที่ 3, หมู่ที่ 1",0,0,"g1-i01; G1-I02",\n'
                                  "g1-p10,2569,1,ถนน,FIN,๒,0,0,,\n")
    assert not pv.has_errors, pv.problems.to_string()
    r = pv.rows.set_index("project_code")
    assert r.loc["G1-P09", ["department", "villages", "indicator_codes"]].tolist() == ["ENG", "1;3", "G1-I01;G1-I02"]
    assert r.loc["G1-P10", ["department", "villages"]].tolist() == ["FIN", "2"]


def test_thai_statuses_of_the_official_form(pdb):
    words = ["ยังไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้วเสร็จ", "ยกเลิก"]
    text = PROGRESS_HEAD + "".join(f"G1-P01,2569,{q},{w},100,0,0\n" for q, w in enumerate(words, 1))
    pv = prep(pdb, text)
    assert pv.rows["status"].tolist() == ["not_started", "in_progress", "completed", "cancelled"]


# ------------------------------------------------------------------ one test per problem code

CASES = [
    # code, kind, text, row, column
    ("missing_column", RESULTS_HEAD.replace(",value", "") + "G1-I01,2569,2\n", 1, "value"),
    ("duplicate_column", "indicator_code,fiscal_year,quarter,value,ผลการดำเนินงาน\nG1-I01,2569,2,1,1\n", 1,
     "ผลการดำเนินงาน"),
    ("unknown_column", "indicator_code,fiscal_year,quarter,value,ผู้บันทึก\nG1-I01,2569,2,1,สมชาย\n", 1, "ผู้บันทึก"),
    ("required_value", RESULTS_HEAD + "G1-I01,2569,2,\n", 2, "value"),
    ("not_a_number", RESULTS_HEAD + "G1-I01,2569,2,สูง\n", 2, "value"),
    ("not_a_year", RESULTS_HEAD + "G1-I01,25690,2,1\n", 2, "fiscal_year"),
    ("year_outside_plan", RESULTS_HEAD + "G1-I01,2580,2,1\n", 2, "fiscal_year"),
    ("not_a_quarter", RESULTS_HEAD + "G1-I01,2569,ครึ่งปี,1\n", 2, "quarter"),
    ("quarter_out_of_range", RESULTS_HEAD + "G1-I01,2569,5,1\n", 2, "quarter"),
    ("percent_out_of_range", PROGRESS_HEAD + "G1-P01,2569,1,in_progress,120,0,0\n", 2, "progress_pct"),
    ("negative_amount", PROGRESS_HEAD + "G1-P01,2569,1,in_progress,10,-5,0\n", 2, "committed"),
    ("bad_status", PROGRESS_HEAD + "G1-P01,2569,1,รออนุมัติ,10,0,0\n", 2, "status"),
    ("bad_yes_no", PROJECTS_HEAD + "G1-P09,2569,1,ถนน,กองช่าง,,0,0,,บางส่วน\n", 2, "is_welfare_transfer"),
    ("unknown_goal", PROJECTS_HEAD + "G1-P09,2569,9,ถนน,กองช่าง,,0,0,,\n", 2, "goal"),
    ("unknown_department", PROJECTS_HEAD + "G1-P09,2569,1,ถนน,กองการประปา,,0,0,,\n", 2, "department"),
    ("unknown_village", PROJECTS_HEAD + "G1-P09,2569,1,ถนน,กองช่าง,1;99,0,0,,\n", 2, "village"),
    ("unknown_indicator", RESULTS_HEAD + "G9-I99,2569,2,1\n", 2, "indicator_code"),
    ("unknown_project", PROGRESS_HEAD + "G9-P99,2569,1,in_progress,10,0,0\n", 2, "project_code"),
    ("duplicate_key", RESULTS_HEAD + "G1-I01,2569,2,1\nG1-I01,2026,Q2,2\n", 3, "indicator_code"),
    ("disbursed_above_allocated", PROGRESS_HEAD + "G1-P01,2569,1,in_progress,10,0,1200000\n", 2, "disbursed"),
    ("disbursed_decreased", PROGRESS_HEAD + "G1-P01,2569,1,in_progress,10,0,500\nG1-P01,2569,2,in_progress,20,0,400\n",
     3, "disbursed"),
    ("completed_below_100", PROGRESS_HEAD + "G1-P01,2569,1,completed,90,0,0\n", 2, "progress_pct"),
]


@pytest.mark.parametrize("code, text, row, column", CASES, ids=[c[0] for c in CASES])
def test_each_problem_code_names_row_column_and_what_to_fix(pdb, code, text, row, column):
    pv = prep(pdb, text, "cp874")
    hit = pv.problems[pv.problems["code"] == code]
    assert len(hit) == 1, pv.problems[["row", "column", "code"]].to_string()
    p = hit.iloc[0]
    assert (p["row"], p["column"]) == (row, column)
    assert p["severity"] == ("warning" if code in WARNING_CODES else "error")
    assert f"แถว {row}" in p["message_th"] and f"Row {row}" in p["message_en"]
    assert "—" in p["message_th"] and "—" in p["message_en"]      # every message says what to do
    assert pv.has_errors == (code not in WARNING_CODES) or code == "unknown_project"


def test_quarter_message_reads_as_specified(db):
    pv = prep(db, "รหัสตัวชี้วัด,ปีงบประมาณ,ไตรมาส,ผลการดำเนินงาน\n" + "".join(f"G1-I0{i},2569,2,1\n" for i in range(1, 6)) + "G2-I01,2569,5,1\n")
    msg = pv.problems.set_index("code").loc["quarter_out_of_range", "message_th"]
    assert msg == "แถว 7 คอลัมน์ 'ไตรมาส': '5' ไม่ใช่ไตรมาส 1–4 — แก้เป็นเลข 1 ถึง 4"


def test_unknown_kind_when_headers_fit_nothing(db):
    pv = prep(db, "ชื่อ,ยอดขาย\nก,1\n")
    assert pv.problems["code"].tolist() == ["unknown_kind"] and pv.kind is None


def test_warnings_do_not_block_the_file(pdb):
    pv = prep(pdb, PROGRESS_HEAD.replace("\n", ",ผู้บันทึก\n") + "G1-P01,2569,1,completed,90,0,1200000,สมชาย\n")
    assert set(pv.problems["code"]) == {"unknown_column", "completed_below_100", "disbursed_above_allocated"}
    assert not pv.has_errors and pv.n_new == 1
    assert ingest.commit(pdb, pv, user="t").batch_id is not None


def test_disbursement_lower_than_the_stored_quarter_before_is_a_warning(pdb):
    ingest.commit(pdb, prep(pdb, PROGRESS_HEAD + "G1-P01,2569,1,in_progress,10,0,500\n"), user="t")
    pv = prep(pdb, PROGRESS_HEAD + "G1-P01,2569,2,in_progress,20,0,400\n")
    assert pv.problems["code"].tolist() == ["disbursed_decreased"]
    assert "(500)" in pv.problems.loc[0, "message_en"]


def test_a_file_with_many_problems_reports_them_all_in_row_order(pdb):
    text = csv_text("""
        project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed
        G1-P01,2569,1,in_progress,10,0,0
        G1-P01,2569,1,in_progress,10,0,0
        G9-P99,2569,1,in_progress,10,0,0
        G1-P02,abc,1,in_progress,10,0,0
        G1-P02,2569,7,in_progress,10,0,0
        G1-P02,2569,2,???,10,0,0
        G1-P02,2569,3,in_progress,101,0,0
        G1-P02,2569,4,in_progress,10,-1,x
        ,,,,,,
        ,2569,4,,,,
    """)
    pv = prep(pdb, text, "cp874")
    got = list(zip(pv.problems["row"], pv.problems["code"]))
    assert got == [(3, "duplicate_key"), (4, "unknown_project"), (5, "not_a_year"), (6, "quarter_out_of_range"),
                   (7, "bad_status"), (8, "percent_out_of_range"), (9, "negative_amount"), (9, "not_a_number"),
                   *[(11, "required_value")] * 5]   # the blank row 10 is skipped, not reported
    assert pv.has_errors and pv.n_new == 0


def test_problem_table_has_the_documented_columns(db):
    pv = prep(db, RESULTS_HEAD + "G1-I01,2569,9,1\n")
    assert list(pv.problems.columns) == ["row", "column", "value", "code", "severity", "message_th", "message_en"]
    assert pv.problems.loc[0, "value"] == "9"


def test_every_problem_code_has_thai_and_english_messages():
    from tracker.i18n import CATALOG

    for code in ingest.PROBLEM_CODES:
        assert f"ingest.problem.{code}" in CATALOG, code


def test_store_projects_unchanged_by_validation(pdb):
    before = store.projects(pdb)
    prep(pdb, PROJECTS_HEAD + "G1-P01,2569,1,แก้ชื่อ,กองช่าง,,0,0,,\n")
    assert store.projects(pdb).equals(before)


def test_the_same_header_twice_is_a_duplicate_column(db):
    pv = prep(db, "indicator_code,fiscal_year,quarter,value,value\nG1-I01,2569,2,1,2\n")
    dup = pv.problems[pv.problems["code"] == "duplicate_column"]
    assert dup["column"].tolist() == ["value"] and pv.has_errors


def test_downloaded_problem_csv_is_formula_safe_and_opens_in_thai_excel(db):
    from tracker.tables import csv_bytes

    pv = prep(db, RESULTS_HEAD + 'G1-I01,2569,2,"=HYPERLINK(""http://x"")"\n')
    data = csv_bytes(pv.problems)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
