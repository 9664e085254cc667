"""The reports for the default period, beside a raw floor: pandas reads the same fiscal year's projects and
progress rows from SQLite and writes them to one XLSX (what a report covers, with no figures computed, no
layout and no charts).

- the quarterly report (รายงานผลการติดตาม): its model, then each file format from the model;
- the official M&E report (#13, รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น) of the year's annual round:
  the block document, then DOCX, PDF, XLSX and PPTX from it (warm: Chromium running, the charts drawn);
- what a user waits for the first time: ``python -m tracker report`` in a fresh process (imports, Chromium
  start, plotly.js, the figures, the file) for the quarterly PDF and the M&E PDF.
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from bench.timing import Row, repeat
from tracker import periods, store
from tracker.plan import default_plan
from tracker.report import documents, me

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
        rows += me_report(db, fy, repeats, floor)
    finally:
        db.close()
    rows += cold(db_path, fy, q, min(repeats, 3), floor)
    return rows


def me_report(db, fy: int, repeats: int, floor) -> list[Row]:
    """The M&E report of the annual round of ``fy`` (Thai): the document, then each of its files."""
    rnd = me.parse("annual", fy)
    build = lambda: me.build(db, rnd, "th")  # noqa: E731
    rows = [Row("report", f"M&E report {fy} annual: document (Thai)", repeat(build, repeats), "raw year → XLSX",
                floor, budget=BUDGET)]
    doc = build()
    for fmt in me.FORMATS:
        try:
            me.render(doc, fmt)            # untimed once: Chromium started, the charts drawn
            timing = repeat(lambda: me.render(doc, fmt), repeats)
        except Exception as exc:          # e.g. no Chromium on this machine: say so, go on
            rows.append(Row("report", f"M&E {fmt.upper()}: not run ({type(exc).__name__})", _nan(),
                            "raw year → XLSX", floor))
            continue
        rows.append(Row("report", f"M&E {fmt.upper()} file from the document", timing, "raw year → XLSX", floor,
                        budget=BUDGET))
    return rows


def cold(db_path: Path, fy: int, q: int, repeats: int, floor) -> list[Row]:
    """``python -m tracker report`` in a fresh process, as a user first waits for it: the quarterly PDF and
    the M&E annual PDF (the command's whole wall time: start, imports, Chromium, figures, file)."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for what, extra in ((f"quarterly PDF {fy}-Q{q}, fresh process (CLI)", ["--quarter", str(q)]),
                            (f"M&E PDF {fy} annual, fresh process (CLI)", ["--round", "annual"])):
            cmd = [sys.executable, "-m", "tracker", "report", "--db", str(db_path), "--fy", str(fy), *extra,
                   "--format", "pdf", "-o", str(Path(tmp) / "report.pdf")]
            run = lambda: subprocess.run(cmd, env=env, cwd=root, capture_output=True, check=True)  # noqa: E731
            try:
                timing = repeat(run, repeats)
            except subprocess.CalledProcessError as exc:
                rows.append(Row("report", f"{what}: not run (exit {exc.returncode})", _nan(), "raw year → XLSX",
                                floor))
                continue
            rows.append(Row("report", what, timing, "raw year → XLSX", floor, budget=BUDGET))
    return rows


def _nan():
    from bench.timing import Timing

    return Timing()
