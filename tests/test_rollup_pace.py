"""The money-by-quarter pace (rollup.disbursement_by_quarter), computed in one pass (issue #16), gives
exactly the figures of the project table built quarter by quarter."""

import math

import pandas as pd
import pytest

from tests.dashboard_data import load_small_dataset
from tracker import rollup
from tracker.rollup import projects
from tracker.rollup.inputs import Inputs, load


def _quarter_by_quarter(data: Inputs, fy: int, goal: int | None) -> pd.DataFrame:
    """The definition: every quarter's project table (as the pages' tables show it), summed."""
    p, pr = data.of_year("projects", fy), data.of_year("progress", fy)
    if goal is not None:
        p = p[p["goal_no"] == goal]
        pr = pr[pr["project_code"].isin(p["project_code"])]
    last = int(pr["quarter"].max()) if len(pr) else 0
    rows = []
    for q in range(1, 5):
        proj = projects._rows(p, pr, q)
        b = projects.budget_sums(proj)
        welfare = proj["is_welfare_transfer"] & proj["funded"]
        dev = ~proj["is_welfare_transfer"] & proj["funded"]
        has = q <= last
        rows.append({"quarter": q, "allocated": b["allocated"],
                     "committed": b["committed"] if has else math.nan,
                     "disbursed": b["disbursed"] if has else math.nan,
                     "dev_disbursed": float(proj.loc[dev, "disbursed"].sum()) if has else math.nan,
                     "welfare_disbursed": float(proj.loc[welfare, "disbursed"].sum()) if has else math.nan,
                     "disbursement_rate": projects.rate(b["disbursed"], b["allocated"]) if has else math.nan,
                     "pace_rate": q / 4, "even_pace": b["allocated"] * q / 4,
                     "reported": int((pr["quarter"] == q).sum())})
    return pd.DataFrame(rows)


def test_the_pace_of_every_year_and_goal_equals_the_quarterly_project_tables(db):
    load_small_dataset(db)
    data = load(db)
    years = sorted(set(int(y) for y in data.projects["fiscal_year"]))
    assert years
    for fy in years:
        for goal in (None, *sorted(set(int(g) for g in data.projects["goal_no"]))):
            pd.testing.assert_frame_equal(projects.disbursement_by_quarter(data, fy, goal),
                                          _quarter_by_quarter(data, fy, goal), check_exact=True, obj=f"{fy} {goal}")
    pd.testing.assert_frame_equal(rollup.disbursement_by_quarter(db, years[-1]),
                                  _quarter_by_quarter(data, years[-1], None), check_exact=True)


def _inputs(progress: list[tuple]) -> Inputs:
    proj = pd.DataFrame({"project_code": ["A", "B", "C", "W", "U"], "fiscal_year": 2569, "goal_no": 1,
                         "planned_budget": [100.0, 200.0, 300.0, 50.0, 80.0],
                         "allocated_budget": [100.0, 200.0, 300.0, 50.0, 0.0],
                         "is_welfare_transfer": [0, 0, 0, 1, 0], "added_by_revision": 0})
    pr = pd.DataFrame(progress, columns=["project_code", "quarter", "status", "committed", "disbursed"])
    pr["fiscal_year"] = 2569
    pr["progress_pct"], pr["note"], pr["batch_id"] = 0.0, None, 1
    empty = pd.DataFrame()
    return Inputs(goals=empty, departments=empty, indicators=empty, targets=empty, results=empty,
                  projects=proj, progress=pr)


@pytest.mark.parametrize("progress", [
    # a gap (B: Q1 then Q3), a latest row without money (C at Q2 after money at Q1), welfare, an unfunded
    # project reporting money, a row of a code outside the year's projects
    [("A", 1, "in_progress", 10.0, 5.0), ("A", 2, "in_progress", 20.0, 15.0), ("B", 1, "in_progress", 50.0, 40.0),
     ("B", 3, "completed", 200.0, 190.0), ("C", 1, "in_progress", 30.0, 30.0), ("C", 2, "in_progress", None, None),
     ("W", 2, "in_progress", 25.0, 25.0), ("U", 2, "in_progress", 9.0, 9.0), ("Z", 1, "in_progress", 1.0, 1.0)],
    [],                                                   # no progress at all
    [("A", 4, "completed", 100.0, 99.5)],                # only the last quarter
])
def test_the_pace_follows_each_projects_latest_row_as_the_project_table_does(progress):
    data = _inputs(progress)
    pd.testing.assert_frame_equal(projects.disbursement_by_quarter(data, 2569), _quarter_by_quarter(data, 2569, None),
                                  check_exact=True)
