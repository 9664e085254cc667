"""The report (รายงานผลการติดตาม) for the default period: its model, then each file format, beside a raw
floor: pandas reads the same fiscal year's projects and progress rows from SQLite and writes them to
one XLSX (what the report covers, with no figures computed, no layout and no charts).
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pandas as pd

from bench.timing import Row, repeat
from tracker import periods, store
from tracker.plan import default_plan
from tracker.report import documents

BUDGET = "seconds"


def period(db_path: Path) -> tuple[int, int]:
    db = store.connect(db_path)
    try:
        return periods.default_period(store.periods_with_data(db), default_plan().first_fy)
    finally:
        db.close()


def raw_floor(db_path: Path, fy: int) -> None:
    conn = sqlite3.connect(db_path)
    try:
        frames = {t: pd.read_sql_query(f"SELECT * FROM {t} WHERE fiscal_year = ?", conn, params=[fy])
                  for t in ("projects", "project_progress", "indicator_results")}
    finally:
        conn.close()
    with pd.ExcelWriter(io.BytesIO()) as writer:
        for name, df in frames.items():
            df.to_excel(writer, sheet_name=name, index=False)


def run(db_path: Path, repeats: int, formats: tuple[str, ...] = documents.FORMATS) -> list[Row]:
    fy, q = period(db_path)
    floor = repeat(lambda: raw_floor(db_path, fy), repeats)
    db = store.connect(db_path)
    try:
        build = lambda: documents.model(db, None, fy, q, "th")  # noqa: E731
        rows = [Row("report", f"model {fy}-Q{q} (Thai)", repeat(build, repeats), "raw year → XLSX", floor,
                    budget=BUDGET)]
        model = build()
        for fmt in formats:
            try:
                timing = repeat(lambda: documents.write(model, fmt), repeats)
            except Exception as exc:      # e.g. no Chromium for the PDF on this machine: say so, go on
                rows.append(Row("report", f"{fmt.upper()} file: not run ({type(exc).__name__})", _nan(),
                                "raw year → XLSX", floor))
                continue
            rows.append(Row("report", f"{fmt.upper()} file from the model", timing, "raw year → XLSX", floor,
                            budget=BUDGET))
    finally:
        db.close()
    return rows


def _nan():
    from bench.timing import Timing

    return Timing()
