"""Bad plan books: each is refused (or warned about) with every problem listed, naming the sheet,
row and column, and a Thai message saying what to fix."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from tests.planbook_books import read_written, small_spec
from tracker.i18n import CATALOG
from tracker.ingest.planbook import SEVERITY, PlanContext, dry_run_json, exit_code, read_plan_workbook
from tracker.ingest.planbook.write import WriteOptions, write_plan_workbook

ROAD = 0        # index of the first project of small_spec(): sheet ยุทธ1.1…, row 11
SHEET = "ยุทธ1.1ผง.อุตสาหกรรม"


def spoil(overrides, **opts):
    """Read the small book with some cells replaced: (written, book)."""
    return read_written(options=WriteOptions(overrides=overrides, **opts))


def codes(book, severity=None):
    return [p.code for p in book.problems if severity is None or p.severity == severity]


def only(book, code):
    found = [p for p in book.problems if p.code == code]
    assert found, f"{code} not in {codes(book)}"
    return found[0]


# --- files that are not .xlsx --------------------------------------------------------------------

@pytest.mark.parametrize("data, code", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old_xls"),
    (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "pdf_file"),
    ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>ที่</td></tr></table>'
     '</body></html>'.encode("utf-8"), "html_file"),
    ("\ufeffMIME-Version: 1.0\nContent-Type: multipart/related".encode("utf-8"), "html_file"),
    (b"just some text", "not_xlsx"),
])
def test_a_file_that_is_not_an_xlsx_is_refused_saying_how_to_save_it(data, code):
    book = read_plan_workbook(data, filename="แผน.xls")
    assert codes(book) == [code] and book.verdict == "reject" and exit_code(book) == 1
    p = book.problems[0]
    assert "แผน.xls" in p.message_th and ".xlsx" in p.message_th and ".xlsx" in p.message_en


def test_a_word_document_is_not_a_workbook():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert codes(read_plan_workbook(buf.getvalue(), filename="plan.docx")) == ["not_xlsx"]


def test_a_damaged_xlsx_is_refused_naming_the_file():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<not-xml")
    book = read_plan_workbook(buf.getvalue(), filename="damaged.xlsx")
    assert codes(book) == ["unreadable_workbook"] and "damaged.xlsx" in book.problems[0].message_th


def test_a_workbook_with_no_plan_sheet_is_refused():
    wb = openpyxl.Workbook()
    wb.active["A1"] = "รายชื่อผู้เข้าประชุม"
    buf = io.BytesIO()
    wb.save(buf)
    book = read_plan_workbook(buf.getvalue(), filename="x.xlsx")
    assert codes(book) == ["unknown_sheet", "no_project_sheets"] and book.verdict == "reject"


# --- layout problems -----------------------------------------------------------------------------

def test_no_header_found_is_an_error_for_that_sheet():
    written = write_plan_workbook(small_spec())
    header = written.rows[SHEET]["header"]
    _, book = spoil({(SHEET, f"A{header}"): "เลข"})
    p = only(book, "no_header")
    assert p.sheet == SHEET and p.severity == "error" and "ที่" in p.message_th


def test_years_that_disagree_with_the_title_are_refused():
    written = write_plan_workbook(small_spec())
    title = written.rows[SHEET]["title"]
    _, book = spoil({(SHEET, f"A{title}"): "แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)"})
    p = only(book, "years_disagree_with_title")
    assert (p.sheet, p.row) == (SHEET, written.rows[SHEET]["header"] + 1)
    assert "2561" in p.message_th and "2566, 2567, 2568, 2569, 2570" in p.message_th
    assert book.verdict == "reject"


def test_a_missing_year_column_is_an_error_not_a_guess():
    written = write_plan_workbook(small_spec())
    sheet, cell = SHEET, written.at(SHEET, "budget", written.rows[SHEET]["header"] + 1, 2568)
    _, book = spoil({(sheet, cell): 2571})
    assert "years_not_consecutive" in codes(book, "error")


def test_a_sheet_with_two_header_blocks_is_refused():
    written = write_plan_workbook(small_spec())
    below = written.rows[SHEET]["total"] + 3
    _, book = spoil({(SHEET, f"A{below}"): "ที่", (SHEET, f"B{below}"): "โครงการ"}, note_rows=True)
    p = only(book, "two_header_blocks")
    assert p.row == below and str(written.rows[SHEET]["header"]) in p.message_th


def test_no_year_columns_is_refused():
    written = write_plan_workbook(small_spec())
    row = written.rows[SHEET]["header"] + 1
    spoilt = {(SHEET, written.at(SHEET, "budget", row, y)): "(บาท)" for y in range(2566, 2571)}
    _, book = spoil(spoilt)
    assert "no_year_columns" in codes(book, "error")


def test_an_unknown_header_is_reported_and_its_column_not_imported():
    written = write_plan_workbook(small_spec(), WriteOptions(remark_column=True))
    header = written.rows[SHEET]["header"]
    cell = written.at(SHEET, "remark", header)
    _, book = spoil({(SHEET, cell): "ข้อสังเกตของสภา"}, remark_column=True)
    p = only(book, "unknown_column")
    assert p.column == cell.rstrip("0123456789") and p.value == "ข้อสังเกตของสภา" and p.severity == "warning"
    assert book.verdict == "accept"


def test_a_sheet_without_a_strategy_line_is_refused():
    written = write_plan_workbook(small_spec())
    _, book = spoil({(SHEET, f"A{written.rows[SHEET]['strategy']}"): None})
    assert only(book, "no_strategy").sheet == SHEET


def test_a_sheet_without_a_programme_line_is_refused():
    written = write_plan_workbook(small_spec())
    _, book = spoil({(SHEET, f"A{written.rows[SHEET]['programme']}"): None})
    assert only(book, "no_programme").sheet == SHEET


def test_a_sheet_named_for_another_tactic_is_read_by_its_preamble():
    _, book = read_written(options=WriteOptions(sheet_names={(1, "1.1", "แผนงานอุตสาหกรรมและการโยธา"): "ยุทธ9.9ผง.โยธา"}))
    p = only(book, "sheet_name_disagrees")
    assert p.sheet == "ยุทธ9.9ผง.โยธา" and "9.9" in p.message_th and "1.1" in p.message_th
    assert {x.tactic for x in book.projects if x.sheet == "ยุทธ9.9ผง.โยธา"} == {"1.1"}


def test_an_excel_copy_of_a_sheet_is_not_imported_twice():
    _, book = read_written(options=WriteOptions(copy_first_sheet=True))
    p = only(book, "duplicate_sheet_copy")
    assert p.sheet == f"{SHEET} (2)" and SHEET in p.message_th
    assert len(book.projects) == 7
    assert next(s for s in book.sheets if s.name == f"{SHEET} (2)").ignored


def test_a_formula_without_a_saved_result_is_reported():
    written = write_plan_workbook(small_spec(), WriteOptions(formulas=True))
    wb = openpyxl.load_workbook(io.BytesIO(written.data))     # openpyxl saves formulas without results
    buf = io.BytesIO()
    wb.save(buf)
    book = read_plan_workbook(buf.getvalue(), filename="resaved.xlsx")
    p = only(book, "formula_not_calculated")
    assert p.sheet == SHEET and p.row == written.rows[SHEET]["total"] and "Excel" in p.message_th
    assert [x.sheet for x in book.problems if x.code == "formula_not_calculated"].count(SHEET) == 1


def test_unknown_sheet_is_a_warning_and_the_rest_imports():
    written = write_plan_workbook(small_spec())
    wb = openpyxl.load_workbook(io.BytesIO(written.data))
    wb.create_sheet("บันทึก")["A1"] = "บันทึกการประชุม"
    buf = io.BytesIO()
    wb.save(buf)
    book = read_plan_workbook(buf.getvalue(), filename="x.xlsx")
    assert only(book, "unknown_sheet").sheet == "บันทึก"
    assert len(book.projects) == 7


# --- cells ---------------------------------------------------------------------------------------

def test_letter_o_in_an_amount_names_the_cell_and_refuses_the_book():
    written = write_plan_workbook(small_spec())
    sheet, cell = written.cell(ROAD, "budget", 2566)
    _, book = spoil({(sheet, cell): "1,2OO,OOO"})
    p = only(book, "money_letter_o")
    assert (p.sheet, f"{p.column}{p.row}", p.value) == (sheet, cell, "1,2OO,OOO")
    assert "O" in p.message_th and "0" in p.message_th
    assert book.verdict == "reject"


@pytest.mark.parametrize("written_as, code", [("ประมาณ 5 แสน", "money_not_a_number"), (-5000, "money_negative"),
                                               (1e308, "money_implausible"), ("999,999,999,999", "money_implausible")])
def test_an_amount_that_is_not_a_planned_amount_is_refused(written_as, code):
    written = write_plan_workbook(small_spec())
    sheet, cell = written.cell(ROAD, "budget", 2567)
    _, book = spoil({(sheet, cell): written_as})
    p = only(book, code)
    assert f"{p.column}{p.row}" == cell and p.severity == "error"


@pytest.mark.parametrize("written_as, value", [(" 1,632,820 ", 1632820), ("10,500,000.00", 10500000),
                                                ("1,250,000.-", 1250000), ("๑,๒๕๐,๐๐๐", 1250000), ("-", 0),
                                                (" -   ", 0), ("   ", None), ("487,512.50", 487512.5)])
def test_money_written_many_ways_reads_as_its_value(written_as, value):
    written = write_plan_workbook(small_spec())
    sheet, cell = written.cell(ROAD, "budget", 2568)
    spec = small_spec()
    spec.projects[ROAD].budgets[2568] = value     # keep the total row right
    _, book = read_written(spec, WriteOptions(overrides={(sheet, cell): written_as}))
    assert book.projects[ROAD].budgets[2568] == value
    assert book.verdict == "accept"


def test_numbers_skipped_or_repeated_are_warnings():
    written = write_plan_workbook(small_spec())
    sheet, cell = written.cell(1, "seq")
    _, book = spoil({(sheet, cell): 5})
    assert only(book, "number_skipped").row == written.where[1][1]
    _, book = spoil({(sheet, cell): 1})
    assert only(book, "number_repeated").severity == "warning"


def test_a_row_with_a_number_and_amounts_but_no_name_is_refused():
    written = write_plan_workbook(small_spec())
    sheet, cell = written.cell(1, "name")
    _, book = spoil({(sheet, cell): None})
    p = only(book, "project_without_name")
    assert p.row == written.where[1][1] and p.column == "B"


def test_amounts_on_a_row_without_number_or_name_are_refused():
    written = write_plan_workbook(small_spec())
    sheet, seq = written.cell(1, "seq")
    _, name = written.cell(1, "name")
    spoilt = {(sheet, seq): None, (sheet, name): None}
    spoilt.update({(sheet, written.cell(1, f)[1]): None for f in ("objective", "target", "kpi", "expected_result",
                                                                   "department")})
    _, book = spoil(spoilt)
    assert only(book, "amounts_without_project").row == written.where[1][1]


def test_a_project_without_a_number_is_imported_with_a_warning():
    written = write_plan_workbook(small_spec())
    sheet, cell = written.cell(1, "seq")
    _, book = spoil({(sheet, cell): None})
    assert only(book, "project_without_number").severity == "warning"
    assert len(book.projects) == 7 and book.verdict == "accept"


def test_stray_text_under_a_table_is_reported_not_imported():
    written = write_plan_workbook(small_spec())
    below = written.rows[SHEET]["total"] + 2
    _, book = spoil({(SHEET, f"B{below}"): "ข้อความที่ไม่ใช่โครงการ"}, note_rows=False)
    assert only(book, "unrecognised_row").row == below


# --- departments ---------------------------------------------------------------------------------

def test_an_unknown_division_stays_unmapped_and_is_reported_once():
    spec = small_spec()
    spec.projects[0].department = "กองยุทธศาสตร์และงบประมาณ"
    spec.projects[1].department = "กองยุทธศาสตร์และงบประมาณ"
    _, book = read_written(spec)
    assert [p.department.code for p in book.projects[:2]] == [None, None]
    p = only(book, "department_unmapped")
    assert codes(book).count("department_unmapped") == 1
    assert p.value == "กองยุทธศาสตร์และงบประมาณ" and p.severity == "warning" and book.verdict == "accept"


def test_office_aliases_map_a_name_the_seed_list_does_not_know():
    spec = small_spec()
    spec.projects[0].department = "กองยุทธศาสตร์และงบประมาณ"
    _, book = read_written(spec, aliases={"กองยุทธศาสตร์และงบประมาณ": "PAL"})
    assert book.projects[0].department.code == "PAL" and "department_unmapped" not in codes(book)


# --- totals --------------------------------------------------------------------------------------

def test_a_sheet_total_that_disagrees_names_the_sheet_row_and_both_numbers():
    written = write_plan_workbook(small_spec())
    total = written.rows[SHEET]["total"]
    cell = written.at(SHEET, "budget", total, 2566)
    _, book = spoil({(SHEET, cell): 700000})
    p = only(book, "sheet_total_money")
    assert (p.sheet, p.row, p.column) == (SHEET, total, cell.rstrip("0123456789"))
    assert "700,000" in p.message_th and "800,000" in p.message_th and "2566" in p.message_th
    assert book.verdict == "reject"


def test_a_total_count_that_disagrees_is_refused():
    written = write_plan_workbook(small_spec())
    total = written.rows[SHEET]["total"]
    _, book = spoil({(SHEET, f"A{total}"): "รวม  4  โครงการ"})
    p = only(book, "sheet_total_count")
    assert "4" in p.message_th and "3" in p.message_th


def test_p01_figures_that_disagree_with_the_detail_sheets_are_refused():
    _, book = spoil({("ผ.01", "C8"): 1})
    p = only(book, "p01_money")
    assert (p.sheet, p.row, p.column) == ("ผ.01", 8, "C")
    assert "800,000" in p.message_th and "ยุทธศาสตร์ที่ 1" in p.message_th


def test_a_p01_count_that_disagrees_is_refused():
    _, book = spoil({("ผ.01", "B8"): 9})
    assert only(book, "p01_count").column == "B"


def test_a_programme_missing_from_p01_is_refused():
    _, book = spoil({("ผ.01", "A8"): "1.1 แผนงานอื่น"})
    assert "p01_row_missing" in codes(book, "error")


def test_a_p01_without_its_header_is_refused():
    _, book = spoil({("ผ.01", "A5"): "รายการ"})
    assert "p01_no_header" in codes(book, "error")


def test_a_book_without_p01_is_read_with_a_warning():
    _, book = read_written(options=WriteOptions(p01=False))
    assert only(book, "p01_missing").severity == "warning" and book.verdict == "accept"


# --- against the loaded plan ---------------------------------------------------------------------

def test_a_book_of_another_organization_is_flagged_but_read_in_full():
    _, book = read_written(plan_context=PlanContext(organization="องค์การบริหารส่วนตำบลหนองขอน",
                                                    first_year=2566, last_year=2570))
    p = only(book, "other_organization")
    assert "หนองขอน" in p.message_th and "ขี้เหล็ก" in p.message_th
    assert len(book.projects) == 7 and book.verdict == "reject"
    assert dry_run_json(book)["projects"]


def test_a_short_name_of_the_same_organization_is_not_another_one():
    _, book = read_written(plan_context=PlanContext(organization="อบต.ขี้เหล็ก", first_year=2566, last_year=2570))
    assert "other_organization" not in codes(book)


def test_a_book_of_another_plan_period_is_flagged():
    _, book = read_written(plan_context=PlanContext(first_year=2571, last_year=2575))
    p = only(book, "other_plan_period")
    assert "2566–2570" in p.message_th and "2571–2575" in p.message_th


def test_a_strategy_the_plan_does_not_have_is_a_warning():
    _, book = read_written(plan_context=PlanContext(goal_texts={1: "เป้าประสงค์ที่ 1"}))
    assert only(book, "strategy_not_in_plan").values["strategy"] == 2


# --- every code --------------------------------------------------------------------------------

def test_every_problem_code_has_a_severity_and_a_thai_and_english_message():
    for code, severity in SEVERITY.items():
        th, en = CATALOG[f"planbook.problem.{code}"]
        assert severity in ("error", "warning", "info")
        assert th and en and th != en


def test_every_problem_lists_all_at_once():
    written = write_plan_workbook(small_spec())
    s1, c1 = written.cell(ROAD, "budget", 2566)
    s2, c2 = written.cell(4, "budget", 2567)
    _, book = spoil({(s1, c1): "abc", (s2, c2): "1,OOO"})
    assert {"money_not_a_number", "money_letter_o"} <= set(codes(book))
    assert {(p.sheet, f"{p.column}{p.row}") for p in book.problems if p.code.startswith("money")} == {(s1, c1),
                                                                                                      (s2, c2)}


def test_a_sheet_without_the_plan_title_line_is_checked_against_the_book_period():
    written = write_plan_workbook(small_spec())
    _, book = spoil({(SHEET, f"A{written.rows[SHEET]['title']}"): "แผนปฏิบัติการ"})
    assert only(book, "no_period_line").sheet == SHEET and book.verdict == "accept"
    assert len(book.projects) == 7


def test_a_sheet_of_another_period_than_the_rest_of_the_book_is_refused():
    written = write_plan_workbook(small_spec())
    _, book = spoil({(SHEET, f"A{written.rows[SHEET]['title']}"): "แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)"})
    assert (book.plan.first_year, book.plan.last_year) == (2566, 2570)
    p = only(book, "period_differs_between_sheets")
    assert p.sheet == SHEET and "2561–2565" in p.message_th and "2566–2570" in p.message_th


def test_a_table_without_a_total_row_is_read_with_a_warning():
    written = write_plan_workbook(small_spec())
    total = written.rows[SHEET]["total"]
    spoilt = {(SHEET, f"A{total}"): None}
    spoilt.update({(SHEET, written.at(SHEET, "budget", total, y)): None for y in range(2566, 2571)})
    _, book = spoil(spoilt)
    assert only(book, "no_total_row").sheet == SHEET and book.verdict == "accept"


def test_an_equipment_list_without_its_type_column_is_refused():
    _, book = spoil({("ผ.08 ครุภัณฑ์", "D5"): "ชนิด"})
    p = only(book, "missing_column")
    assert p.sheet == "ผ.08 ครุภัณฑ์" and "ประเภท" in p.message_th
    assert only(book, "unknown_column").value == "ชนิด"


def test_an_outside_agency_on_a_coordination_project_is_only_noted():
    _, book = read_written()
    p = only(book, "department_outside_agency")
    assert p.severity == "info" and p.value == "อบจ.อุบลราชธานี"
    assert book.coordination_projects[0].department.code is None


def test_a_refused_book_raises_one_tracker_error_carrying_every_problem():
    from tracker.errors import TrackerError

    written = write_plan_workbook(small_spec())
    sheet, cell = written.cell(ROAD, "budget", 2566)
    _, book = spoil({(sheet, cell): "1,2OO,OOO"})
    with pytest.raises(TrackerError) as caught:
        book.raise_if_rejected()
    exc = caught.value
    assert exc.code == "rejected" and "written.xlsx" in exc.message("th") and "ยังไม่มีการบันทึก" in exc.message("th")
    assert {p.code for p in exc.problems} >= {"money_letter_o", "sheet_total_money"}
    _, good = read_written()
    good.raise_if_rejected()


def test_a_copy_made_by_another_program_is_not_imported_twice_either():
    written = write_plan_workbook(small_spec())
    wb = openpyxl.load_workbook(io.BytesIO(written.data))
    wb.copy_worksheet(wb[SHEET])              # openpyxl/LibreOffice name it "… Copy"
    renamed = wb.copy_worksheet(wb[SHEET])
    renamed.title = "ยุทธ1.1 ทำงาน"           # no copy in the name, same projects
    buf = io.BytesIO()
    wb.save(buf)
    book = read_plan_workbook(buf.getvalue(), filename="copies.xlsx")
    assert codes(book).count("duplicate_sheet_copy") == 2
    assert len(book.projects) == 7
