"""Joins goals with indicators, projects and budget (pandas) into the figures pages, reports and the
command line show (method v2).

The calculation method is written down in README.md ("How figures are computed") and on the
methodology page (วิธีคำนวณ); every figure comes from a function here or in :mod:`tracker.status`,
so every surface agrees by construction.

- :mod:`.inputs` — the tables figures are computed from, read once (:func:`~.inputs.load`), and the
  method's settings (thresholds, year end, completeness);
- :mod:`.indicators` — indicator scoring; :mod:`.projects` — projects and budget breakdowns;
  :mod:`.goals` — goal scores, quarters (complete or not, the opening one), the summary, history and
  what needs attention. All pure functions of loaded frames and of ``today``.

The functions below are the thin loaders pages and the command line call: ``(db, fiscal_year,
quarter)`` — the Buddhist-Era fiscal year and the quarter "as of" which figures are cumulated — in,
DataFrames (one row per indicator, goal, project, department, ...) out, except :func:`summary` (a
JSON-ready dict). ``today`` (keyword; default :func:`tracker.periods.today`, Bangkok) decides which
quarters have begun and which years are closed. Money is in baht, ratios are fractions (0.456, not
45.6), undefined figures are NaN (None in :func:`summary`).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from tracker import periods, store
from tracker.rollup import goals, indicators, inputs, projects, shared
from tracker.rollup.goals import ATTENTION_KINDS, worst_first
from tracker.rollup.indicators import filter_indicators
from tracker.rollup.inputs import DEFAULT_SETTINGS, Inputs, load, thresholds_of
from tracker.rollup.projects import (BUDGET, CHAIN, DIMENSIONS, PROJECT_COUNTS, UNFUNDED_MONEY, WHOLE_SUBDISTRICT,
                                     budget_sums, filter_projects, parse_villages, project_counts)


def _today(today: date | None) -> date:
    return today or periods.today()


def _data(db, fiscal_years: list[int] | None = None) -> Inputs:
    """The tables of ``fiscal_years`` (None: every year); inside a view (:func:`tracker.rollup.shared.view`)
    every year, read once for the view and shared (figures of a year only ever read that year's rows);
    its projects and progress a year at a time, when a figure first asks for that year."""
    if shared.active(db):
        return shared.inputs(db, lambda: load(db, read_year=shared.on_view(inputs.year_rows)))
    return load(db, fiscal_years)


def _with_history(db, fiscal_year: int, years_back: int = 1) -> Inputs:
    """The year asked for and the ``years_back`` before it (starting points come from the year before)."""
    return _data(db, list(range(fiscal_year - years_back, fiscal_year + 1)))


def indicator_table(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None,
                    today: date | None = None) -> pd.DataFrame:
    """One row per indicator as of ``quarter`` (:func:`tracker.rollup.indicators.indicator_table`)."""
    return indicators.indicator_table(_with_history(db, fiscal_year), fiscal_year, quarter, thresholds_of(thresholds),
                                      _today(today))


def indicator_history(db, *, thresholds: dict | None = None, today: date | None = None) -> pd.DataFrame:
    """Every indicator at every quarter with data in the plan period (:func:`tracker.rollup.indicators.indicator_history`)."""
    return indicators.indicator_history(_data(db), thresholds_of(thresholds), _today(today))


def indicator_values(db, code: str) -> pd.DataFrame:
    """Every reported value of one indicator with its batch (:func:`tracker.rollup.indicators.indicator_values`)."""
    return indicators.indicator_values(inputs.results(db, store.indicators(db)), store.batches(db), code)


def project_table(db, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """One row per project of the year as of ``quarter`` (:func:`tracker.rollup.projects.project_table`)."""
    return projects.project_table(_data(db, [fiscal_year]), fiscal_year, quarter)


def _projects_of(db, fiscal_year: int, quarter: int, goal: int | None = None) -> pd.DataFrame:
    proj = project_table(db, fiscal_year, quarter)
    return proj if goal is None else proj[proj["goal_no"] == goal]


def goal_projects(db, fiscal_year: int, quarter: int, goal: int) -> pd.DataFrame:
    """The rows of :func:`project_table` of one goal's projects (the goal page's table): a loader, so the
    UI keeps one copy for every session (a province's goal has about 8,000 projects) instead of one each."""
    return filter_projects(project_table(db, fiscal_year, quarter), goals=[goal])


def totals(db, fiscal_year: int, quarter: int) -> dict:
    """Project counts, budget and money rates over all goals (:func:`tracker.rollup.projects.totals`)."""
    return projects.totals(project_table(db, fiscal_year, quarter))


def missing_reports(db, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """Projects expected to report at ``quarter`` without a progress row for it (:func:`tracker.rollup.projects.missing_reports`)."""
    return projects.missing_reports(project_table(db, fiscal_year, quarter))


def not_funded(db, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """Projects of the year without an allocated budget (:func:`tracker.rollup.projects.not_funded`)."""
    return projects.not_funded(project_table(db, fiscal_year, quarter))


def welfare_split(db, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """Development and welfare transfers apart, plus the total (:func:`tracker.rollup.projects.welfare_split`)."""
    return projects.welfare_split(project_table(db, fiscal_year, quarter))


def budget_by_department(db, fiscal_year: int, quarter: int, *, goal: int | None = None) -> pd.DataFrame:
    """Budget per department, optionally of one goal's projects (:func:`tracker.rollup.projects.budget_by_department`)."""
    return projects.budget_by_department(_projects_of(db, fiscal_year, quarter, goal), store.departments(db))


def budget_by_village(db, fiscal_year: int, quarter: int, *, goal: int | None = None) -> pd.DataFrame:
    """Budget per village, split equally (:func:`tracker.rollup.projects.budget_by_village`)."""
    return projects.budget_by_village(_projects_of(db, fiscal_year, quarter, goal))


def budget_by(db, fiscal_year: int, quarter: int, dimension: str, *, goal: int | None = None,
              all_groups: bool = True) -> pd.DataFrame:
    """Projects and money per strategy, tactic, programme, goal, department or village, optionally of
    one goal's projects (:func:`tracker.rollup.projects.budget_by`)."""
    data = _data(db, [fiscal_year])
    proj = projects.project_table(data, fiscal_year, quarter)
    if goal is not None:
        proj = proj[proj["goal_no"] == goal]
    return projects.budget_by(proj, dimension, data, all_groups=all_groups and goal is None)


def coordination_projects(db) -> pd.DataFrame:
    """The ผ.02/2 projects (asked of the province or PAO), apart: never counted as the organization's own.
    ``code, strategy_no, tactic_code, programme_code, name_th, department_raw`` and the plan amount per
    year as ``amount_<year>`` columns."""
    return projects.coordination_table(store.planbook.projects(db), store.planbook.amounts(db))


def disbursement_by_quarter(db, fiscal_year: int, *, goal: int | None = None) -> pd.DataFrame:
    """Cumulative money by quarter against an even pace (:func:`tracker.rollup.projects.disbursement_by_quarter`)."""
    return projects.disbursement_by_quarter(_data(db, [fiscal_year]), fiscal_year, goal)


def projects_per_goal(db, fiscal_year: int) -> pd.DataFrame:
    """Projects and allocated budget per goal for the plan page."""
    return projects.projects_per_goal(_data(db, [fiscal_year]), fiscal_year)


def goal_summary(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None,
                 today: date | None = None) -> pd.DataFrame:
    """One row per goal, with the change on last year (:func:`tracker.rollup.goals.goal_summary`)."""
    return goals.goal_summary(_with_history(db, fiscal_year, 2), fiscal_year, quarter, thresholds_of(thresholds),
                              _today(today))


def period_state(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None,
                 today: date | None = None) -> dict:
    """Whether the quarter has begun and is complete (:func:`tracker.rollup.goals.quarter_state`)."""
    return goals.period_state(_with_history(db, fiscal_year), fiscal_year, quarter, thresholds_of(thresholds),
                              _today(today))


def opening_period(db, *, fiscal_year: int | None = None, thresholds: dict | None = None,
                   today: date | None = None) -> tuple[int, int]:
    """The quarter shown when none is chosen: the latest complete one (:func:`tracker.rollup.goals.opening_period`)."""
    return goals.opening_period(_data(db), thresholds_of(thresholds), _today(today), fiscal_year)


def summary(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None, today: date | None = None) -> dict:
    """The overview's figures and their texts as a JSON-ready dict (:func:`tracker.rollup.goals.summary`)."""
    return goals.summary(_with_history(db, fiscal_year, 2), fiscal_year, quarter, thresholds_of(thresholds),
                         _today(today))


def goal_score_history(db, *, thresholds: dict | None = None, today: date | None = None) -> pd.DataFrame:
    """Every goal's score at every quarter with data (:func:`tracker.rollup.goals.goal_score_history`)."""
    return goals.goal_score_history(_data(db), thresholds_of(thresholds), _today(today))


def attention_items(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None,
                    today: date | None = None) -> pd.DataFrame:
    """What needs attention as of ``quarter`` (:func:`tracker.rollup.goals.attention_items`)."""
    return goals.attention_items(_with_history(db, fiscal_year), fiscal_year, quarter, thresholds_of(thresholds),
                                 _today(today))


__all__ = [
    "Inputs", "load", "thresholds_of", "DEFAULT_SETTINGS", "PROJECT_COUNTS", "BUDGET", "CHAIN", "DIMENSIONS",
    "UNFUNDED_MONEY", "WHOLE_SUBDISTRICT", "ATTENTION_KINDS", "budget_by", "coordination_projects",
    "indicator_table", "indicator_history", "indicator_values",
    "filter_indicators", "project_table", "project_counts", "budget_sums", "totals", "missing_reports", "not_funded",
    "filter_projects", "goal_projects", "parse_villages", "welfare_split", "budget_by_department", "budget_by_village",
    "disbursement_by_quarter", "projects_per_goal", "goal_summary", "period_state", "opening_period", "summary",
    "goal_score_history", "attention_items", "worst_first",
]
