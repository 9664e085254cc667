"""Joins goals with indicators, projects and budget (pandas) into the summaries pages show.

The calculation method is written down in README.md ("How figures are computed") and on the
methodology page; every figure shown comes from a function here or in ``tracker.status``.
"""

from __future__ import annotations

import pandas as pd
from sqlite_utils import Database

from tracker import store


def projects_per_goal(db: Database, fiscal_year: int) -> pd.DataFrame:
    """Per goal for one fiscal year: ``goal_no``, ``projects`` (rows in the plan for the year) and
    ``allocated`` (sum of allocated budget). Every goal of the plan appears, with 0 when it has none."""
    goals = store.goals(db)[["goal_no"]]
    p = store.projects(db, fiscal_year)
    agg = p.groupby("goal_no").agg(projects=("project_code", "count"), allocated=("allocated_budget", "sum"))
    out = goals.merge(agg, left_on="goal_no", right_index=True, how="left")
    out["projects"] = out["projects"].fillna(0).astype(int)
    out["allocated"] = out["allocated"].fillna(0.0).astype(float)
    return out.reset_index(drop=True)
