"""Issue #15 items 1 and 2: numbers read strictly and within plausible bounds, percent cells, stored
numbers that can never take a page down, and the character policy for codes and names."""

from __future__ import annotations

import io
import json
import math

import openpyxl
import pytest

from tests.conftest import csv_text
from tracker import ingest, rollup, store
from tracker.ingest import normalize as n
from tracker.status import missing

PROJECTS = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    ZZ-101,2569,1,ก่อสร้างถนน,กองช่าง,1250000,1000000
    ZZ-102,2569,1,ขยายเขตประปา,ENG,500000,450000
""")
PROGRESS_HEAD = "project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed\n"
RESULTS_HEAD = "indicator_code,fiscal_year,quarter,value\n"
PROJECTS_HEAD = "project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget\n"


def prep(db, text: str, encoding="utf-8-sig"):
    return ingest.prepare(db, text.encode(encoding), "f.csv")


def codes(pv) -> list[str]:
    return pv.problems["code"].tolist()


@pytest.fixture
def pdb(db):
    ingest.commit(db, prep(db, PROJECTS), user="t")
    return db


# ------------------------------------------------------------------ number grammar


@pytest.mark.parametrize("written, value", [
    ("1,250,000", 1_250_000.0), ("1250000", 1_250_000.0), ("฿1,250,000", 1_250_000.0), ("1,234.56", 1234.56),
    ("0.5", 0.5), (".5", 0.5), ("(1,000)", -1000.0), ("๑,๒๕๐", 1250.0), ("1,250,000.-", 1_250_000.0),
    ("1250000 บาท", 1_250_000.0), ("1.25E+06", 1_250_000.0)])
def test_numbers_as_thai_excel_writes_them_are_read(written, value):
    import pandas as pd

    v, bad = n.number(pd.Series([written]), money=True)
    assert not bad.iloc[0] and v.iloc[0] == value


@pytest.mark.parametrize("written", ["0,5", "12,75", "1.234,56", "1.234.567", "1,2345", "1,234,56"])
def test_decimal_comma_and_european_thousands_are_refused_not_misread(pdb, written):
    pv = prep(pdb, RESULTS_HEAD + f'G1-I02,2569,1,"{written}"\n')
    assert pv.has_errors and codes(pv) == ["number_format"], pv.problems.to_string()
    msg_th, msg_en = pv.problems.loc[0, ["message_th", "message_en"]]
    assert written in msg_en and "1,234.56" in msg_en and "0.5" in msg_en      # says how to write it
    assert "1,234.56" in msg_th


@pytest.mark.parametrize("written", ["nan", "inf", "-inf", "Infinity", "1e999"])
def test_not_finite_numbers_are_refused(pdb, written):
    pv = prep(pdb, RESULTS_HEAD + f"G1-I02,2569,1,{written}\n")
    assert pv.has_errors and set(codes(pv)) <= {"not_a_number", "implausible_value"}, pv.problems.to_string()


def test_an_indicator_value_of_1e308_is_refused_with_the_plausible_range(pdb):
    pv = prep(pdb, RESULTS_HEAD + "G1-I02,2569,1,1e308\n")
    assert codes(pv) == ["implausible_value"]
    assert "G1-I02" in pv.problems.loc[0, "message_en"]


def test_a_percent_indicator_above_100_is_refused(pdb):
    pv = prep(pdb, RESULTS_HEAD + "G1-I01,2569,1,850\nG1-I01,2569,2,85\n")
    assert codes(pv) == ["implausible_value"] and pv.problems.loc[0, "row"] == 2


def test_a_budget_of_1e308_is_refused(db):
    pv = prep(db, PROJECTS_HEAD + "ZZ-101,2569,1,ถนน,ENG,1e308,1e308\n")
    assert pv.has_errors and set(codes(pv)) == {"implausible_value"}


def test_the_plan_file_can_set_an_indicators_range(db, plan):
    import dataclasses

    ind = dataclasses.replace(plan.indicators["G1-I02"], valid_range=(0.0, 5.0))
    custom = dataclasses.replace(plan, indicators={**plan.indicators, "G1-I02": ind})
    pv = ingest.prepare(db, (RESULTS_HEAD + "G1-I02,2569,1,6\n").encode(), "f.csv", plan=custom)
    assert codes(pv) == ["implausible_value"]


# ------------------------------------------------------------------ percent cells in XLSX


def _xlsx(rows: list[list], percent_cols: set[int] = frozenset(), number_format: str = "0%") -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if c.column - 1 in percent_cols:
                c.number_format = number_format
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_an_xlsx_cell_shown_as_60_percent_is_read_as_60_percent(pdb):
    data = _xlsx([PROGRESS_HEAD.strip().split(","), ["ZZ-101", 2569, 1, "in_progress", 0.6, 0, 0]], {4})
    pv = ingest.prepare(pdb, data, "p.xlsx")
    assert not pv.has_errors, pv.problems.to_string()
    assert pv.rows.loc[0, "progress_pct"] == 60.0


@pytest.mark.parametrize("number_format, cell, stored", [
    ("0%", 0.2, 20.0),                      # typed "20%" in Excel: the file holds 0.2 (built-in format 9)
    ("0.00%", 0.125, 12.5),                 # built-in format 10
    ("0.0%", 0.075, 7.5),                   # a custom format
    ("#,##0.0%;[Red]-#,##0.0%", 0.6, 60.0),
    ('0"%"', 45, 45.0),                     # a percent sign written as text: Excel shows 45 as "45%"
    ("0\\%", 45, 45.0),
    ("General", 45, 45.0),
])
def test_a_percent_formatted_xlsx_cell_is_stored_as_the_percent_excel_shows(pdb, number_format, cell, stored):
    data = _xlsx([PROGRESS_HEAD.strip().split(","), ["ZZ-101", 2569, 1, "in_progress", cell, 0, 0]], {4},
                 number_format)
    pv = ingest.prepare(pdb, data, "progress.xlsx")
    assert not pv.has_errors, pv.problems.to_string()
    ingest.commit(pdb, pv, user="t")
    row = pdb.execute("SELECT progress_pct FROM project_progress WHERE project_code = 'ZZ-101' "
                      "AND fiscal_year = 2569 AND quarter = 1").fetchone()
    assert row[0] == pytest.approx(stored)


def test_an_xlsx_percent_cell_of_a_percent_indicator_is_read_as_percent(pdb):
    data = _xlsx([RESULTS_HEAD.strip().split(","), ["G1-I01", 2569, 1, 0.855]], {3})
    pv = ingest.prepare(pdb, data, "r.xlsx")
    assert not pv.has_errors and pv.rows.loc[0, "value"] == pytest.approx(85.5)


# ------------------------------------------------------------------ stored numbers never take a page down


def _poison(db, value=1e308):
    """A bad number already in the store (from before these checks, or a file restored)."""
    ingest.commit(db, prep(db, PROJECTS), user="t")
    with db.atomic():
        db.execute("UPDATE projects SET allocated_budget = ?, planned_budget = ?",
                   [value, value])
        db.execute("INSERT INTO indicator_results (indicator_code, fiscal_year, quarter, value) "
                   "VALUES ('G1-I02', 2569, 1, ?)", [value])
        store.bump_revision(db)


def test_a_stored_1e308_budget_and_value_give_finite_totals_and_are_listed(db):
    _poison(db)
    tot = rollup.totals(db, 2569, 4)
    assert all(math.isfinite(v) for v in tot["budget"].values() if not missing(v))     # ordinance: no book, NaN
    goals = rollup.goal_summary(db, 2569, 4)
    assert goals["allocated"].map(math.isfinite).all()
    bad = store.implausible_values(db)
    assert {("projects", "allocated_budget"), ("indicator_results", "value")} <= \
        set(zip(bad["table_name"], bad["column"]))


def test_summary_and_report_work_with_a_stored_1e308(db_file, db, capsys):
    from tracker.cli import main

    _poison(db)
    assert main(["summary", "--fy", "2569", "--quarter", "4", "--json"]) == 0
    out = json.loads(capsys.readouterr().out, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))
    assert out["totals"]
    assert main(["summary", "--fy", "2569", "--quarter", "4"]) == 0
    assert main(["report", "--fy", "2569", "--quarter", "4", "--format", "xlsx", "-o", str(db_file.parent / "r.xlsx")]) == 0


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/goal.py", "pages/indicators.py", "pages/budget.py",
                                  "pages/projects.py", "pages/meeting.py"])
def test_a_page_meeting_a_stored_1e308_says_so_and_does_not_crash(app, db, page):
    _poison(db)
    at = app(lang="en", fy=2569, q=4, page=page)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "ZZ-101" in warnings and "G1-I02" in warnings


# ------------------------------------------------------------------ characters in codes and names


def test_a_cyrillic_look_alike_code_is_refused_not_a_second_project(db):
    pv = prep(db, PROJECTS_HEAD + "ZZ-101,2569,1,ถนน,ENG,10,10\nZZ-1\u041e1,2569,1,ถนน,ENG,10,10\n")
    assert codes(pv) == ["bad_code"] and pv.problems.loc[0, "row"] == 3
    assert pv.problems.loc[0, "column"] == "project_code"


@pytest.mark.parametrize("char", ["\u200b", "\u200e", "\u202e", "\u2066", "\x07", "\x1b", "\ufeff", "\u00ad"])
def test_invisible_bidi_and_control_characters_in_a_code_are_refused(db, char):
    pv = prep(db, PROJECTS_HEAD + f"ZZ-1{char}01,2569,1,ถนน,ENG,10,10\n")
    assert codes(pv) == ["bad_code"], pv.problems.to_string()


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\x07", "\x1b", "\u200e"])
def test_bidi_and_control_characters_in_a_name_are_refused_with_row_and_column(db, char):
    pv = prep(db, PROJECTS_HEAD + f"ZZ-101,2569,1,ถนน{char}ดี,ENG,10,10\n")
    assert codes(pv) == ["bad_character"]
    assert pv.problems.loc[0, ["row", "column"]].tolist() == [2, "name_th"]


def test_full_width_codes_are_normalised_and_thai_names_keep_their_vowels(db):
    pv = prep(db, PROJECTS_HEAD + " ＺＺ－１０１ ,2569,1,  ทำถนน ,ENG,10,10\n")
    assert not pv.has_errors, pv.problems.to_string()
    assert pv.rows.loc[0, "project_code"] == "ZZ-101"
    assert pv.rows.loc[0, "name_th"] == "ทำถนน"         # SARA AM kept (NFKC would split it)


def test_a_file_mixing_utf8_and_cp874_is_refused_as_bad_encoding(db):
    head = PROJECTS_HEAD.encode()
    data = head + "ZZ-101,2569,1,ศาลาวัด,ENG,10,10\n".encode("utf-8") + \
        "ZZ-102,2569,1,ขยายเขตประปา,ENG,10,10\n".encode("cp874")
    pv = ingest.prepare(db, data, "mixed.csv")
    assert codes(pv) == ["bad_encoding"]


def test_a_cp874_file_is_still_read(db):
    pv = ingest.prepare(db, (PROJECTS_HEAD + "ZZ-101,2569,1,เธอเนติเก่ง,ENG,10,10\n").encode("cp874"), "f.csv")
    assert not pv.has_errors and pv.rows.loc[0, "name_th"] == "เธอเนติเก่ง"


def test_every_problem_code_is_in_the_readme_table():
    from tracker.ingest import PROBLEM_CODES
    from tracker.settings import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [c for c in PROBLEM_CODES if f"| `{c}` |" not in readme] == []
