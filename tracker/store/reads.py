"""Reads of the plan and the figures, each returning a documented DataFrame (or a small value).

Column names are the tables' own (see :mod:`tracker.store.schema`); rows come in a stable order.
``fiscal_year`` selects one Buddhist-Era fiscal year or several (a list; None: every year).
"""

from __future__ import annotations

import pandas as pd

from tracker.store.db import Database, frame, in_list
from tracker.store.uploads import BOUNDS, TABLE_KEYS


def _of_year(fiscal_year) -> tuple[str, list]:
    if fiscal_year is None:
        return "", []
    years = [int(y) for y in fiscal_year] if isinstance(fiscal_year, (list, tuple, set, range)) else [int(fiscal_year)]
    marks, params = in_list(years)
    return f"WHERE fiscal_year IN ({marks})", params


def screen(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """``df`` (rows of ``table``) with every number outside its plausible range (:data:`BOUNDS`: not
    finite, 1e308, a negative budget) made missing, so no figure is computed from it and no sum can
    overflow; :func:`implausible_values` lists them for the pages' warning."""
    for col, (lo, hi) in BOUNDS[table].items():
        if col in df and len(df):
            v = pd.to_numeric(df[col], errors="coerce")
            df[col] = v.where(v.between(lo, hi))
    return df


def implausible_values(db: Database) -> pd.DataFrame:
    """Stored numbers outside their plausible range: ``table_name, code, fiscal_year, quarter, column,
    value, batch_id`` (``quarter`` empty for projects). Empty when every stored number is plausible."""
    parts, params = [], []
    for table, cols in BOUNDS.items():
        code, quarter = TABLE_KEYS[table][0], "quarter" if "quarter" in TABLE_KEYS[table] else "NULL"
        for col, (lo, hi) in cols.items():
            parts.append(f"SELECT '{table}' AS table_name, {code} AS code, fiscal_year, {quarter} AS quarter, "
                         f"'{col}' AS column, {col} AS value, batch_id FROM {table} "
                         f"WHERE {col} IS NOT NULL AND NOT ({col} BETWEEN ? AND ?)")
            params += [lo, hi]
    return frame(db, " UNION ALL ".join(parts) + " ORDER BY 1, 2, 3, 4 LIMIT 1000", params)


def goals(db: Database) -> pd.DataFrame:
    """``goal_no, mission_no, text_th/en, short_th/en, mission_th/en`` by goal number."""
    return frame(db, "SELECT g.*, m.text_th AS mission_th, m.text_en AS mission_en FROM goals g "
                     "LEFT JOIN missions m USING (mission_no) ORDER BY goal_no")


def missions(db: Database) -> pd.DataFrame:
    """``mission_no, text_th, text_en`` by number."""
    return frame(db, "SELECT * FROM missions ORDER BY mission_no")


def departments(db: Database) -> pd.DataFrame:
    """``code, name_th, name_en`` by code."""
    return frame(db, "SELECT * FROM departments ORDER BY code")


def indicators(db: Database) -> pd.DataFrame:
    """Every indicator of the plan: ``code, goal_no, name_th/en, unit_th/en, direction, aggregation,
    frequency, baseline_value, baseline_fy, source_th/en, owner, definition_th/en, profile`` (JSON list of
    four quarterly shares, or None), ``measured_by`` (``survey`` or None) by code."""
    return frame(db, "SELECT * FROM indicators ORDER BY code")


def targets(db: Database) -> pd.DataFrame:
    """``indicator_code, fiscal_year, target``."""
    return frame(db, "SELECT * FROM indicator_targets ORDER BY indicator_code, fiscal_year")


def _columns(columns: tuple[str, ...] | None) -> str:
    return "*" if columns is None else ", ".join(columns)


def projects(db: Database, fiscal_year: int | list[int] | None = None,
             columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Projects (one row per code and fiscal year) with every column of the ``projects`` upload and
    ``batch_id``, by year, goal and code; only ``columns`` (names of the table's columns) when given."""
    where, params = _of_year(fiscal_year)
    return screen(frame(db, f"SELECT {_columns(columns)} FROM projects {where} ORDER BY fiscal_year, goal_no, "
                            "project_code", params), "projects")


def progress(db: Database, fiscal_year: int | list[int] | None = None,
             columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Quarterly progress rows: ``project_code, fiscal_year, quarter, status, progress_pct, committed,
    disbursed, note, batch_id`` (money cumulative), by year, project and quarter; only ``columns`` when given."""
    where, params = _of_year(fiscal_year)
    return screen(frame(db, f"SELECT {_columns(columns)} FROM project_progress {where} ORDER BY fiscal_year, "
                            "project_code, quarter", params), "project_progress")


def project_years(db: Database) -> pd.DataFrame:
    """``fiscal_year`` of every year with projects, ascending (one row per year)."""
    return frame(db, "SELECT DISTINCT fiscal_year FROM projects ORDER BY fiscal_year")


def progress_periods(db: Database) -> pd.DataFrame:
    """``fiscal_year, quarter`` of every quarter with progress rows, ascending (one row per quarter)."""
    return frame(db, "SELECT DISTINCT fiscal_year, quarter FROM project_progress ORDER BY fiscal_year, quarter")


def results(db: Database, fiscal_year: int | list[int] | None = None) -> pd.DataFrame:
    """Indicator values: ``indicator_code, fiscal_year, quarter, value, note, batch_id``."""
    where, params = _of_year(fiscal_year)
    return screen(frame(db, f"SELECT * FROM indicator_results {where} ORDER BY indicator_code, fiscal_year, quarter",
                        params), "indicator_results")


def batches(db: Database) -> pd.DataFrame:
    """Every import batch with its receipt (``import_batches``), newest first."""
    return frame(db, "SELECT * FROM import_batches ORDER BY id DESC")


def has_demo_data(db: Database) -> bool:
    """True while any committed demo batch is loaded (the app then shows the demo banner)."""
    row = db.execute("SELECT 1 FROM import_batches WHERE is_demo = 1 AND status = 'committed' LIMIT 1").fetchone()
    return row is not None


def has_real_data(db: Database) -> bool:
    """True once any committed batch is not demo data (demo accounts are then never made)."""
    row = db.execute("SELECT 1 FROM import_batches WHERE is_demo = 0 AND status = 'committed' LIMIT 1").fetchone()
    return row is not None


def has_any_data(db: Database) -> bool:
    """True when any project or indicator value is stored."""
    return db.execute("SELECT 1 FROM projects LIMIT 1").fetchone() is not None or \
        db.execute("SELECT 1 FROM indicator_results LIMIT 1").fetchone() is not None


def data_as_of(db: Database) -> str | None:
    """Time (UTC ISO) of the latest committed batch, or None when no data was imported."""
    row = db.execute("SELECT max(created_at) FROM import_batches WHERE status = 'committed'").fetchone()
    return row[0] if row else None


def last_batch_id(db: Database) -> int | None:
    """The id of the latest committed batch, or None."""
    row = db.execute("SELECT max(id) FROM import_batches WHERE status = 'committed'").fetchone()
    return row[0] if row else None


def periods_with_data(db: Database) -> list[tuple[int, int]]:
    """(fiscal_year, quarter) pairs that have any progress or indicator result, ascending."""
    rows = db.execute(
        "SELECT fiscal_year, quarter FROM project_progress UNION "
        "SELECT fiscal_year, quarter FROM indicator_results ORDER BY 1, 2").fetchall()
    return [(int(a), int(b)) for a, b in rows]
