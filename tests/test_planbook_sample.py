"""The sample plan book imports to exactly its expected.json (samples README §5 comparison rules)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.planbook_compare import differences
from tracker.ingest.planbook import PlanContext, dry_run_json, exit_code, read_plan_workbook

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "planbook"
SAMPLE = FIXTURES / "khilek-p02-sample.xlsx"


def khilek_context() -> PlanContext:
    return PlanContext.from_mapping(yaml.safe_load((ROOT / "plan" / "khilek.yaml").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((FIXTURES / "khilek-p02-sample.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def book():
    return read_plan_workbook(SAMPLE.read_bytes(), filename=SAMPLE.name, plan_context=khilek_context())


@pytest.fixture(scope="module")
def got(book) -> dict:
    return book.to_dict()


def _assert_same(expected, actual, what):
    diffs = differences(expected, actual, what)
    assert not diffs, "\n".join(diffs[:20])


def test_sample_is_accepted_with_no_error_or_warning(book):
    assert book.verdict == "accept"
    assert [p.code for p in book.problems if p.severity != "info"] == []


@pytest.mark.parametrize("key", ["organization", "plan", "level1_label", "years", "strategies", "totals"])
def test_sample_plan_meta_strategies_and_totals_match_expected(expected, got, key):
    _assert_same(expected[key], got[key], key)


def test_every_one_of_the_147_projects_matches_expected(expected, got):
    assert len(got["projects"]) == 147
    _assert_same(expected["projects"], got["projects"], "projects")


def test_coordination_projects_are_read_apart_and_match_expected(expected, got):
    _assert_same(expected["coordination_projects"], got["coordination_projects"], "coordination_projects")
    assert all(p["sheet"] != "ผ.02.2 ประสาน อบจ." for p in got["projects"])


def test_equipment_items_and_totals_match_expected(expected, got):
    _assert_same(expected["equipment"], got["equipment"], "equipment")


def test_p01_figures_match_expected(expected, got):
    _assert_same(expected["p01"], got["p01"], "p01")


def test_every_sheet_kind_layout_markers_and_totals_match_expected(expected, got):
    _assert_same(expected["sheets"], got["sheets"], "sheets")


def test_text_boxes_match_expected_and_the_note_is_attached_to_its_project(expected, got, book):
    key = lambda t: (t["sheet"], t["anchor_row"], t["anchor_col"])  # noqa: E731
    _assert_same(sorted(expected["textboxes"], key=key), sorted(got["textboxes"], key=key), "textboxes")
    note = next(p for p in book.problems if p.code == "textbox_note")
    assert (note.sheet, note.row) == ("ยุทธ1.2ผง.เคหะ", 18)
    assert "แก้ไข ครั้งที่ 1/2566" in note.message_th


def test_addition_after_the_marker_carries_its_revision_and_numbering_restarts(book):
    sheet = [p for p in book.projects if p.sheet == "ยุทธ1.1ผง.โยธา"]
    added = [p for p in sheet if p.revision == "เพิ่มเติม 1/2567"]
    assert [p.seq for p in added] == [1, 2, 3, 4, 5, 6]
    assert added[0].row == 44
    assert all(p.revision == "ทบทวน 1/2565" for p in sheet if p.row < 43)


def test_dash_is_zero_and_blank_is_null(book):
    p = next(p for p in book.projects if (p.sheet, p.row) == ("ยุทธ1.1ผง.โยธา", 16))
    assert p.budgets[2570] == 0            # " -   "
    p = next(p for p in book.projects if (p.sheet, p.row) == ("ยุทธ1.1ผง.โยธา", 17))
    assert p.budgets[2566] is None and p.budgets[2567] is None   # empty, spaces only


def test_dry_run_json_has_the_issue_shape_and_exit_code_zero(book):
    doc = dry_run_json(book)
    assert set(doc) == {"projects", "problems"}
    first = doc["projects"][0]
    assert list(first) == ["sheet", "row", "strategy", "tactic", "programme", "revision", "name", "objective",
                           "target", "kpi", "expected_result", "department", "budgets", "ordinance"]
    assert first["department"] == "ENG" and first["tactic"] == "1.1" and first["revision"] == "ทบทวน 1/2565"
    assert first["budgets"] == {"2566": 300000, "2567": 300000, "2568": 300000, "2569": 300000, "2570": 300000}
    assert all(set(p) == {"sheet", "row", "column", "value", "code", "message_th", "message_en"}
               for p in doc["problems"])
    json.dumps(doc, ensure_ascii=False)
    assert exit_code(book) == 0


def test_the_loaded_plan_gives_the_same_context_as_the_plan_file(plan):
    ctx = PlanContext.from_plan(plan)
    assert ctx == khilek_context()


def test_reading_without_a_plan_uses_the_typical_sao_divisions(expected):
    book = read_plan_workbook(SAMPLE.read_bytes(), filename=SAMPLE.name)
    assert [p.department.code for p in book.projects] == [p["department"]["code"] for p in expected["projects"]]
