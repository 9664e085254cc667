"""What a pre-filled quarterly form lists (:mod:`tracker.ingest.forms`): the year's funded projects with
where the plan book puts them, and what was last reported of them and of each indicator."""

from __future__ import annotations

import pandas as pd

from tracker.store.db import Database, frame


#: a project of the year with its department's names and where the plan book puts it (NULL when the book does
#: not list it)
_PLACED = ("d.name_th AS department_th, d.name_en AS department_en, pp.code IS NOT NULL AS in_book, pp.strategy_no, "
           "s.name_th AS strategy_th, s.name_en AS strategy_en, pp.tactic_code, pp.programme_code, "
           "g.name_th AS programme_th, g.name_en AS programme_en "
           "FROM projects p LEFT JOIN departments d ON d.code = p.department "
           "LEFT JOIN plan_projects pp ON pp.code = p.project_code "
           "LEFT JOIN plan_strategies s ON s.number = pp.strategy_no "
           "LEFT JOIN plan_programmes g ON g.code = pp.programme_code ")


def _year_projects(db: Database, columns: str, where: str, fiscal_year: int, department: str | None) -> pd.DataFrame:
    params = [int(fiscal_year)]
    if department:
        where += " AND p.department = ?"
        params.append(department)
    return frame(db, f"SELECT {columns}, {_PLACED} WHERE {where} "
                     "ORDER BY p.goal_no, pp.strategy_no, pp.programme_code, p.project_code", params)


def funded_projects(db: Database, fiscal_year: int, department: str | None = None) -> pd.DataFrame:
    """The projects of ``fiscal_year`` with an allocated budget (งบตามข้อบัญญัติ) above 0, optionally of one
    department: ``project_code, fiscal_year, goal_no, name_th, name_en, department, allocated_budget,
    department_th, department_en, in_book, strategy_no, strategy_th, strategy_en, tactic_code, programme_code,
    programme_th, programme_en`` (the last eight from the plan book; NULL for a project it does not list),
    by goal, strategy, programme and code."""
    return _year_projects(db, "p.project_code, p.fiscal_year, p.goal_no, p.name_th, p.name_en, p.department, "
                              "p.allocated_budget", "p.fiscal_year = ? AND p.allocated_budget > 0", fiscal_year,
                          department)


def funded_years(db: Database) -> list[int]:
    """Fiscal years with at least one project with an allocated budget above 0, ascending."""
    return [int(r[0]) for r in db.execute("SELECT DISTINCT fiscal_year FROM projects WHERE allocated_budget > 0 "
                                          "ORDER BY fiscal_year").fetchall()]


def progress_before(db: Database, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """Each project's latest progress row of ``fiscal_year`` before ``quarter`` (money is cumulative within
    the year, so an earlier year's figures never carry over): ``project_code, quarter, status,
    progress_pct, committed, disbursed``."""
    return frame(db, "SELECT project_code, quarter, status, progress_pct, committed, disbursed FROM project_progress p "
                     "WHERE fiscal_year = ? AND quarter = (SELECT max(quarter) FROM project_progress q "
                     "  WHERE q.project_code = p.project_code AND q.fiscal_year = p.fiscal_year AND q.quarter < ?) "
                     "ORDER BY project_code", [int(fiscal_year), int(quarter)])


def results_before(db: Database, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """Every indicator value reported before ``quarter`` of ``fiscal_year`` (earlier years included):
    ``indicator_code, fiscal_year, quarter, value``, oldest first."""
    return frame(db, "SELECT indicator_code, fiscal_year, quarter, value FROM indicator_results "
                     "WHERE fiscal_year < ? OR (fiscal_year = ? AND quarter < ?) "
                     "ORDER BY indicator_code, fiscal_year, quarter", [int(fiscal_year)] * 2 + [int(quarter)])


def year_projects(db: Database, fiscal_year: int, department: str | None = None) -> pd.DataFrame:
    """Every project of ``fiscal_year`` for the projects form (the plan-book import stores each book project
    of each plan year), optionally of one department: every column of ``projects`` but ``batch_id``, and the
    department and plan-book columns of :func:`funded_projects`; in the same order."""
    return _year_projects(db, "p.project_code, p.fiscal_year, p.goal_no, p.name_th, p.name_en, p.department, "
                              "p.villages, p.budget_category, p.planned_budget, p.allocated_budget, "
                              "p.funding_source, p.indicator_codes, p.is_welfare_transfer, p.added_by_revision",
                          "p.fiscal_year = ?", fiscal_year, department)
