"""The report model's rows (#16): the project and indicator lists every surface renders (slides, PDF,
XLSX, PPTX) carry the project and indicator tables' values unchanged, read a column at a time."""

from __future__ import annotations

import math

import pytest

from tests.dashboard_data import PROJECTS, load_small_dataset
from tracker import rollup, store
from tracker.report import content


@pytest.fixture
def data(db):
    load_small_dataset(db)
    db.execute("UPDATE projects SET name_en = NULL WHERE project_code = 'P2'")   # the English report names it in Thai
    db.conn.commit()
    return db


def _same(a, b) -> bool:
    return type(a) is type(b) and (a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b)))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_reports_project_rows_are_the_project_tables_values(data, lang):
    report = content.build(data, 2569, 2, lang)
    proj = rollup.project_table(data, 2569, 2)
    depts = {r.code: getattr(r, f"name_{lang}") for r in store.departments(data).itertuples()}
    assert [r["code"] for r in report.projects.rows] == list(proj["project_code"]) == [p["project_code"] for p in PROJECTS]
    for row, r in zip(report.projects.rows, proj.itertuples()):
        english = lang == "en" and isinstance(r.name_en, str) and r.name_en
        assert row["name"] == (r.name_en if english else r.name_th)
        assert _same(row["goal_no"], int(r.goal_no))
        for key, col in (("planned", "planned_budget"), ("allocated", "allocated_budget"), ("committed", "committed"),
                         ("disbursed", "disbursed"), ("disbursement_rate", "disbursement_rate"), ("status", "status"),
                         ("progress_pct", "progress_pct")):
            assert _same(row[key], getattr(r, col)), (r.project_code, key)
    by_code = {r["code"]: r for r in report.projects.rows}
    assert by_code["P2"]["name"] == "โครงการซ่อมท่อระบายน้ำ"          # no English name: the Thai one
    assert [r["department"] for r in report.projects.rows] == [depts[p["department"]] for p in PROJECTS]
    assert math.isnan(by_code["P5"]["progress_pct"]) and by_code["P5"]["status"] == "not_reported"
    # each goal's largest projects: funded ones only, by allocated budget
    assert [r["code"] for r in report.goals[0].projects.rows] == ["P1", "P2"]
    assert [r["code"] for r in report.goals[2].projects.rows] == ["P4", "P5", "P6"]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_reports_indicator_rows_are_the_indicator_tables_values(data, lang):
    report = content.build(data, 2569, 2, lang)
    ind = rollup.indicator_table(data, 2569, 2)
    assert len(report.indicators.rows) == len(ind)
    for row, r in zip(report.indicators.rows, ind.itertuples()):
        assert row["code"] == r.code and _same(row["goal_no"], int(r.goal_no))
        assert row["name"] == getattr(r, f"name_{lang}") and row["unit"] == getattr(r, f"unit_{lang}")
        for key in ("start", "target", "expected", "actual", "ratio", "status"):
            assert _same(row[key], getattr(r, key)), (r.code, key)
    for g in report.goals:
        assert [r["code"] for r in g.indicators.rows] == list(ind.loc[ind["goal_no"] == g.number, "code"])
