"""Books of other shapes: every layout variant the reader must handle, written by our own writer
and read back to exactly what was written (README comparison rules)."""

from __future__ import annotations

import pytest

from tests.planbook_books import YEARS, read_written, small_spec
from tests.planbook_compare import norm_text
from tracker.ingest.planbook.write import WriteOptions

VARIANTS = {
    "12 columns, 3-row header": {},
    "17 columns with เทศบัญญัติ": dict(columns=17),
    "17 columns with ข้อบัญญัติ": dict(columns=17, ordinance_label="ข้อบัญญัติ"),
    "2-row header": dict(header_depth=2),
    "Thai digits everywhere": dict(thai_digits=True),
    "2571–2575 labels, in-band headings, เหตุผลความจำเป็น": dict(style="2571", rationale_column=True),
    "continuation rows": dict(continuation_rows=True),
    "two-row totals": dict(total_style="two"),
    "stubs to row 400": dict(stubs_to=400),
    "merged department cells": dict(merge_departments=True),
    "money written many ways": dict(money_forms="mixed"),
    "formula totals with cached results": dict(formulas=True),
    "หมายเหตุ column": dict(remark_column=True),
    "note lines under the tables": dict(note_rows=True),
    "everything at once": dict(columns=17, header_depth=2, thai_digits=True, continuation_rows=True, total_style="two",
                               stubs_to=400, merge_departments=True, money_forms="mixed", formulas=True,
                               remark_column=True, note_rows=True),
    "everything at once, 2571 style": dict(style="2571", columns=17, header_depth=2, thai_digits=True,
                                           continuation_rows=True, total_style="two", stubs_to=400,
                                           merge_departments=True, money_forms="mixed", formulas=True,
                                           rationale_column=True, note_rows=True),
}


def _spec_for(opts):
    spec = small_spec()
    if opts.get("columns") == 17:
        for p in spec.projects + spec.coordination:
            p.ordinance = {y: (round(v * 0.9, 2) if v else v) for y, v in p.budgets.items()}
    if opts.get("style") == "2571":
        for s in spec.strategies:
            s.tactics = {k: v.replace("กลยุทธ์", "แนวทางการพัฒนา") for k, v in s.tactics.items()}
        for p in spec.projects:
            p.rationale = f"เหตุผลของ{p.name}"
    if opts.get("remark_column"):
        for p in spec.projects:
            p.remark = "ใช้งบอุดหนุน"
    return spec


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_book_reads_back_to_what_was_written(name):
    opts = VARIANTS[name]
    spec = _spec_for(opts)
    written, book = read_written(spec, WriteOptions(**opts))
    assert [p.code for p in book.problems if p.severity != "info"] == [], [p.message_en for p in book.problems]
    assert book.verdict == "accept"
    assert len(book.projects) == len(spec.projects)
    got = {norm_text(p.name): p for p in book.projects}
    for i, sp in enumerate(spec.projects):
        p = got[norm_text(sp.name)]
        assert (p.sheet, p.row, p.last_row) == written.where[i]
        for f in ("objective", "target", "kpi", "expected_result", "remark", "rationale"):
            assert norm_text(getattr(p, f)) == norm_text(getattr(sp, f)), f
        assert norm_text(p.department.raw) == norm_text(sp.department)
        assert p.budgets == dict(sp.budgets)
        assert p.ordinance == (dict(sp.ordinance) if opts.get("columns") == 17 else {})
        assert (p.strategy, p.tactic, p.programme) == (sp.strategy, sp.tactic, sp.programme)
        assert p.revision == (sp.revision or "ทบทวน 1/2565")
    assert [p.name for p in book.coordination_projects] == [p.name for p in spec.coordination]
    assert len(book.equipment.items) == len(spec.equipment)


def test_seventeen_column_book_maps_both_year_groups_by_label():
    _, book = read_written(_spec_for({"columns": 17}), WriteOptions(columns=17))
    facts = next(s for s in book.sheets if s.kind == "p02")
    assert facts.layout == "17-col"
    assert [facts.columns[f"budget_{y}"] for y in YEARS] == ["E", "F", "G", "H", "I"]
    assert [facts.columns[f"ordinance_{y}"] for y in YEARS] == ["M", "N", "O", "P", "Q"]
    assert facts.columns["department"] == "L"


@pytest.mark.parametrize("depth", [2, 3])
def test_header_depth_is_the_height_of_its_merged_cells(depth):
    _, book = read_written(options=WriteOptions(header_depth=depth))
    facts = next(s for s in book.sheets if s.kind == "p02")
    assert len(facts.header_rows) == depth


def test_2571_book_names_its_levels_and_switches_strategy_tactic_programme_in_band():
    spec = _spec_for({"style": "2571"})
    _, book = read_written(spec, WriteOptions(style="2571", rationale_column=True))
    assert book.plan.level1_label == "ประเด็นการพัฒนาท้องถิ่น"
    assert book.plan.level2_label == "แนวทางการพัฒนา"
    sheet = next(s for s in book.sheets if s.kind == "p02" and s.strategy == 1)
    assert [h["level"] for h in sheet.headings][:2] == ["tactic", "programme"]
    assert {p.tactic for p in book.projects if p.strategy == 1} == {"1.1", "1.2"}
    assert [s.number for s in book.strategies] == [1, 2]
    assert [t.code for t in book.strategies[0].tactics] == ["1.1", "1.2"]


def test_continuation_rows_are_appended_to_the_project_above_keeping_line_breaks():
    written, book = read_written(options=WriteOptions(continuation_rows=True))
    p = book.projects[0]
    assert p.last_row == p.row + 1
    assert p.objective == "1. เพื่อการคมนาคม\n2. เพื่อลดฝุ่น"
    assert p.target == "ถนนกว้าง 4 ม.\nยาว 200 ม."
    assert book.projects[1].row == p.last_row + 1


def test_a_merged_department_cell_applies_to_every_project_it_spans():
    _, book = read_written(options=WriteOptions(merge_departments=True))
    sheet = [p for p in book.projects if p.tactic == "2.1"]
    assert [p.department.code for p in sheet] == ["PAL", "PAL", "EDU"]
    assert [p.department.raw for p in sheet[:2]] == ["สำนักปลัด อบต.", "สำนักปลัด อบต."]


def test_stubs_down_to_row_400_are_ignored_and_counted():
    _, book = read_written(options=WriteOptions(stubs_to=400))
    facts = next(s for s in book.sheets if s.kind == "p02")
    assert facts.max_row >= 399 and facts.stub_rows > 0
    assert len(book.projects) == 7


def test_two_row_totals_are_read_as_counts_and_money():
    _, book = read_written(options=WriteOptions(total_style="two", formulas=True))
    facts = next(s for s in book.sheets if s.kind == "p02" and s.tactic == "2.1")
    summary = facts.summaries[-1]
    assert summary.style == "two" and len(summary.rows) == 2
    assert summary.says_counts == {2566: 2, 2567: 2, 2568: 1, 2569: 2, 2570: 1}
    assert summary.says_budgets[2566] == 1270000
    assert summary.formula_columns == ["E", "F", "G", "H", "I"]


def test_thai_digit_book_reads_years_codes_money_and_markers():
    _, book = read_written(options=WriteOptions(thai_digits=True))
    assert (book.plan.first_year, book.plan.last_year) == (2566, 2570)
    assert book.plan.revisions_in_book == ["ทบทวน 1/2565", "เพิ่มเติม 1/2567"]
    assert book.projects[0].budgets[2569] == 487512.5
    assert book.projects[0].tactic == "1.1"


def test_first_edition_book_labels_its_projects_ฉบับแรก():
    _, book = read_written(small_spec(revision=None))
    assert book.plan.base_revision == "ฉบับแรก"
    assert book.projects[0].revision == "ฉบับแรก"


def test_header_labels_with_other_spacing_and_line_breaks_and_year_forms_map_by_label():
    from tracker.ingest.planbook.write import write_plan_workbook

    written = write_plan_workbook(small_spec())
    sheet = "ยุทธ1.1ผง.อุตสาหกรรม"
    h = written.rows[sheet]["header"]
    relabel = {"seq": "ลำดับ\nที่", "name": "โครง การ", "objective": "วัตถุ\nประสงค์",
               "kpi": "ตัวชี้วัด (KPI)", "expected_result": "ผลที่คาด ว่าจะได้รับ",
               "department": "หน่วยงาน\nรับผิดชอบ\nหลัก"}
    overrides = {(sheet, written.at(sheet, f, h)): label for f, label in relabel.items()}
    for y, form in zip(YEARS, ["พ.ศ. 2566", "๒๕๖๗", "2568\n(บาท)", "ปี 2569", 2570]):
        overrides[(sheet, written.at(sheet, "budget", h + 1, y))] = form
    _, book = read_written(options=WriteOptions(overrides=overrides))
    assert book.verdict == "accept", [p.message_en for p in book.problems]
    facts = next(s for s in book.sheets if s.name == sheet)
    assert set(facts.columns) >= {"seq", "name", "objective", "target", "kpi", "expected_result", "department",
                                  *(f"budget_{y}" for y in YEARS)}
    assert book.projects[0].department.code == "ENG"
