"""Issue #15 "done when": a larger set of hostile files, generated. Each file, whatever it holds, is either
refused with messages that name the row and say what to fix (in Thai and English), changing nothing in the
database, or accepted and then every figure of the overview stays finite and the pages' summary is whole.

The files are made by hypothesis from the three quarterly kinds (projects, progress, indicator results):
cells replaced by hostile values (huge and non-finite numbers, decimal commas, formulas, control, bidi and
invisible characters, look-alike letters, Markdown and HTML, very long text), columns dropped, doubled or
added, other separators and encodings, truncated or prefixed bytes, and the same rows as an XLSX book.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import csv_text, dump
from tracker import ingest, rollup, store
from tracker.errors import TrackerError

pytestmark = pytest.mark.slow

BASE = {
    "projects": csv_text("""
        project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
        ZZ-101,2569,1,ก่อสร้างถนนคอนกรีต,กองช่าง,1250000,1000000
        ZZ-102,2569,3,เบี้ยยังชีพผู้สูงอายุ,สำนักปลัด,500000,450000
        ZZ-103,2569,5,อบรมคณะกรรมการชุมชน,สำนักปลัด,80000,75000
    """),
    "project_progress": csv_text("""
        project_code,fiscal_year,quarter,status,progress_pct,committed,disbursed
        ZZ-101,2569,1,in_progress,20,300000,250000
        ZZ-102,2569,1,in_progress,25,112500,112500
        ZZ-103,2569,1,not_started,0,0,0
    """),
    "indicator_results": csv_text("""
        indicator_code,fiscal_year,quarter,value
        G1-I02,2569,1,12
        G3-I01,2569,1,80
        G5-I01,2569,1,65
    """),
}

HOSTILE = [
    "1e308", "-1e308", "1e309", "inf", "-inf", "NaN", "nan", "-0", "0,5", "1.234,56", "1.234.567", "12,75",
    "١٢٣", "๑,๒๕๐", "1,250,000.-", "(1,000)", "20%", "0.2", "250%", "-5", "9" * 400, "1" + "0" * 30,
    "=1+1", '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3",
    "\u200b", "ZZ-\u200b101", "\u202eZZ-101", "ZZ\x00-101", "\x1b[31mred", "\t", "\r\n", "ZZ-1\u041e1",
    "ＺＺ-１０１", " ZZ-101 ", "zz-101", "", " ", "-", "—", "N/A", "ไม่มี", "[x](http://evil)",
    "![i](http://evil/x.png)", "<script>alert(1)</script>", "<b>หนา</b>", "ก" * 5000, "2569", "2026", "9999",
    "0", "5", "4", "ENG", "กองช่าง", "completed", "cancelled", "ไม่ทราบ", "in progress",
]

cell = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))


def _rows(kind: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(BASE[kind])))


@st.composite
def hostile_table(draw) -> tuple[str, list[list[str]]]:
    """A quarterly file's rows (header first) with some cells and columns made hostile."""
    kind = draw(st.sampled_from(sorted(BASE)))
    rows = _rows(kind)
    for _ in range(draw(st.integers(1, 6))):
        r = draw(st.integers(0 if draw(st.booleans()) else 1, len(rows) - 1))
        c = draw(st.integers(0, len(rows[0]) - 1))
        rows[r][c] = draw(cell)
    shape = draw(st.sampled_from(["as is", "drop column", "double column", "extra column", "ragged", "many rows"]))
    if shape == "drop column":
        c = draw(st.integers(0, len(rows[0]) - 1))
        rows = [row[:c] + row[c + 1:] for row in rows]
    elif shape == "double column":
        c = draw(st.integers(0, len(rows[0]) - 1))
        rows = [row + [row[c]] for row in rows]
    elif shape == "extra column":
        rows = [rows[0] + [draw(cell)]] + [row + [draw(cell)] for row in rows[1:]]
    elif shape == "ragged":
        rows = [row[: draw(st.integers(0, len(row)))] for row in rows]
    elif shape == "many rows":
        rows = rows + rows[1:] * draw(st.integers(1, 40))
    return kind, rows


def _csv(rows, sep=",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _xlsx(rows) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append([_excel_cell(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _excel_cell(v: str):
    """A cell as Excel would hold what the analyst typed: numbers as numbers, the rest as text (openpyxl
    stores text starting with '=' as a formula, which is what a hostile book holds)."""
    try:
        f = float(v)
    except ValueError:
        return "".join(ch for ch in v if ch in "\t\n\r" or ch >= " ")   # XML cannot hold control characters
    return f if abs(f) < float("inf") else v


@st.composite
def hostile_file(draw) -> tuple[str, bytes]:
    kind, rows = draw(hostile_table())
    form = draw(st.sampled_from(["csv", "csv", "csv;", "tsv", "xlsx", "truncated", "prefixed", "junk"]))
    if form == "xlsx":
        return "hostile.xlsx", _xlsx(rows)
    sep = {"csv;": ";", "tsv": "\t"}.get(form, ",")
    text = _csv(rows, sep)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp874", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    if form == "truncated":
        data = data[: draw(st.integers(0, len(data)))]
    elif form == "prefixed":
        data = draw(st.binary(min_size=1, max_size=64)) + data
    elif form == "junk":
        data = draw(st.binary(max_size=2048))
    return "hostile.tsv" if form == "tsv" else "hostile.csv", data


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory, template_db):
    """One database with the three kinds committed (FY2569 Q1), copied for each generated file."""
    path = tmp_path_factory.mktemp("hostile") / "base.db"
    shutil.copyfile(template_db, path)
    db = store.connect(path)
    for kind in ("projects", "project_progress", "indicator_results"):
        pv = ingest.prepare(db, BASE[kind].encode(), f"{kind}.csv")
        assert not pv.has_errors, pv.problems.to_string()
        ingest.commit(db, pv, user="analyst")
    db.close()
    return path


def _whole_summary(db) -> None:
    """Every figure of the opening period and of FY2569 Q1 is finite: strict JSON refuses inf and NaN."""
    fy, q = rollup.opening_period(db)
    for period in {(fy, q), (2569, 1)}:
        json.dumps(rollup.summary(db, *period), allow_nan=False, ensure_ascii=False)


def test_the_files_the_hostile_ones_are_made_from_are_accepted(filled_db, tmp_path):
    path = tmp_path / "t.db"
    shutil.copyfile(filled_db, path)
    db = store.connect(path)
    for kind, text in BASE.items():
        for name, data in (("f.csv", text.encode()), ("f.xlsx", _xlsx(_rows(kind)))):
            pv = ingest.prepare(db, data, name)
            assert pv.kind == kind and not pv.has_errors, pv.problems.to_string()
    db.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_file())
def test_a_hostile_file_is_refused_with_a_message_and_changes_nothing_or_keeps_every_figure_finite(
        filled_db, tmp_path, hostile):
    name, data = hostile
    path = tmp_path / "copy.db"
    shutil.copyfile(filled_db, path)
    db = store.connect(path)
    try:
        before = dump(path)
        try:
            pv = ingest.prepare(db, data, name)
        except TrackerError as exc:          # refused as a whole, with a message in both languages
            assert exc.message("th") and exc.message("en")
            assert dump(path) == before
            return
        assert dump(path) == before, "a preview wrote to the database"
        if pv.has_errors:
            errors = pv.errors
            assert (errors["message_th"].str.len() > 0).all() and (errors["message_en"].str.len() > 0).all()
            with pytest.raises(ingest.ImportRejected):
                ingest.commit(db, pv, user="analyst")
            assert dump(path) == before, "a refused file changed the database"
            return
        ingest.commit(db, pv, user="analyst")
        _whole_summary(db)
    finally:
        db.close()
    # a committed file leaves a database every reader can still open
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()


def test_a_book_with_a_header_written_twice_is_refused_like_a_csv_file(filled_db, tmp_path):
    """Found by the generated files: a repeated header in an XLSX book crashed the check (a CSV file's
    repeat was already refused)."""
    rows = _rows("indicator_results")
    rows = [row + [row[0]] for row in rows]
    path = tmp_path / "t.db"
    shutil.copyfile(filled_db, path)
    db = store.connect(path)
    try:
        for name, data in (("f.xlsx", _xlsx(rows)), ("f.csv", _csv(rows).encode())):
            pv = ingest.prepare(db, data, name)
            assert pv.has_errors and "duplicate_column" in set(pv.errors["code"]), (name, pv.problems.to_string())
    finally:
        db.close()


@pytest.mark.parametrize("kind, column, written", [
    ("project_progress", "progress_pct", "1e308"),          # the plausibility warning formatted it and crashed
    ("projects", "goal", "99999999999999999999"),           # more digits than an integer column holds
    ("project_progress", "quarter", "12345678901"),
])
def test_absurd_numbers_found_by_the_generated_files_are_refused_not_crashed_on(filled_db, tmp_path, kind, column,
                                                                               written):
    rows = _rows(kind)
    rows[1][rows[0].index(column)] = written
    path = tmp_path / "t.db"
    shutil.copyfile(filled_db, path)
    db = store.connect(path)
    try:
        before = dump(path)
        pv = ingest.prepare(db, _csv(rows).encode(), "f.csv")
        assert pv.has_errors and set(pv.errors["row"]) == {2}, pv.problems.to_string()
        assert dump(path) == before
    finally:
        db.close()
