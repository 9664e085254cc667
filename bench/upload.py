"""The upload of N progress rows (default 100,000; cp874 CSV with Thai headers and statuses, and the
same rows as XLSX) through ``ingest.prepare`` + ``ingest.commit``, beside the raw floor: pandas reads
the same bytes, strips the thousands separators, and sqlite3 ``executemany`` inserts them in one
transaction (``read_csv`` for the CSV, ``read_excel`` with python-calamine for the XLSX).

Each repeat commits into a fresh copy of a database that already holds the projects (N / 4 of them,
four quarters each), so every row is new, as in a first upload of the year.
"""

from __future__ import annotations

import io
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

import pandas as pd

from bench.timing import Row, Timing
from tracker import ingest, store

ACTOR = "cli:bench"       # the command line's identity: an operator that is not an account is trusted
PROGRESS_COLUMNS = ["project_code", "fiscal_year", "quarter", "status", "progress_pct", "committed", "disbursed",
                    "note"]
BUDGET = "≤ 3× raw"


def files(n_rows: int) -> tuple[bytes, bytes]:
    """(projects CSV, progress CSV) for ``n_rows`` progress rows, written the ways analysts' files come."""
    n_proj = max(n_rows // 4, 1)
    p = ["project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget"]
    p += [f"P{i:06d},2569,{i % 5 + 1},โครงการ {i},กองช่าง,\"1,000,000\",900000" for i in range(n_proj)]
    g = ["รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม,หมายเหตุ"]
    g += [f"P{i:06d},2569,ไตรมาส {q},อยู่ระหว่างดำเนินการ,{q * 20},\"500,000\",\"{q * 100_000:,}\",หมายเหตุ {i}"
          for i in range(n_proj) for q in (1, 2, 3, 4)][:n_rows]
    return ("\n".join(p) + "\n").encode("utf-8-sig"), ("\n".join(g) + "\n").encode("cp874")


def xlsx_of(progress_csv: bytes) -> bytes:
    """The same rows as an XLSX workbook (text cells as typed, as Excel saves a pasted table)."""
    buf = io.BytesIO()
    pd.read_csv(io.BytesIO(progress_csv), encoding="cp874", dtype=str).to_excel(buf, index=False)
    return buf.getvalue()


def _raw(df: pd.DataFrame, path: Path) -> None:
    df.columns = PROGRESS_COLUMNS
    for c in ("committed", "disbursed", "progress_pct"):
        df[c] = pd.to_numeric(df[c].str.replace(",", ""))
    df["quarter"] = df["quarter"].str.extract(r"(\d)")[0].astype(int)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE p (project_code TEXT, fiscal_year INT, quarter INT, status TEXT, progress_pct REAL, "
                 "committed REAL, disbursed REAL, note TEXT, PRIMARY KEY (project_code, fiscal_year, quarter))")
    with conn:
        conn.executemany("INSERT INTO p VALUES (?,?,?,?,?,?,?,?)", df.astype(object).to_numpy().tolist())
    conn.close()


def raw_csv(data: bytes, path: Path) -> None:
    """The floor for a CSV: pandas ``read_csv`` + sqlite3 ``executemany``."""
    _raw(pd.read_csv(io.BytesIO(data), encoding="cp874", dtype=str), path)


def raw_xlsx(data: bytes, path: Path) -> None:
    """The floor for an XLSX: pandas ``read_excel`` with its fastest reader (python-calamine, which the upload
    uses too) + sqlite3 ``executemany``."""
    _raw(pd.read_excel(io.BytesIO(data), dtype=str, engine="calamine"), path)


def _template(folder: Path, projects: bytes) -> Path:
    path = folder / "template.db"
    db = store.open_db(path)
    pv = ingest.prepare(db, projects, "projects.csv", kind="projects")
    if pv.has_errors:
        raise RuntimeError(pv.errors["message_en"].head().tolist())
    ingest.commit(db, pv, user=ACTOR)
    db.close()      # the last connection checkpoints the WAL: the file alone is the database
    return path


def run(n_rows: int, repeats: int, *, xlsx: bool = True) -> list[Row]:
    """Rows: CSV upload (and its prepare / commit), XLSX upload, each beside its raw floor."""
    projects, progress = files(n_rows)
    book = xlsx_of(progress) if xlsx else b""
    total, prep, comm, floor = Timing(), Timing(), Timing(), Timing()
    xtotal, xfloor = Timing(), Timing()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        template = _template(tmp, projects)
        for i in range(repeats):
            start = time.perf_counter()
            raw_csv(progress, tmp / f"raw{i}.db")
            floor.samples.append(time.perf_counter() - start)
            p, c = _pipeline(template, tmp / f"csv{i}.db", progress, "progress.csv")
            prep.samples.append(p)
            comm.samples.append(c)
            total.samples.append(p + c)
            if xlsx:
                start = time.perf_counter()
                raw_xlsx(book, tmp / f"rawx{i}.db")
                xfloor.samples.append(time.perf_counter() - start)
                p, c = _pipeline(template, tmp / f"xlsx{i}.db", book, "progress.xlsx")
                xtotal.samples.append(p + c)
    n = f"{n_rows:,} rows"
    rows = [Row("upload", f"CSV {n}: prepare + commit", total, "read_csv + executemany", floor, budget=BUDGET),
            Row("upload", "  of which prepare (read, check, diff)", prep, "read_csv + executemany", floor),
            Row("upload", "  of which commit", comm, "read_csv + executemany", floor)]
    if xlsx:
        rows.append(Row("upload", f"XLSX {n}: prepare + commit", xtotal, "read_excel (calamine) + executemany", xfloor,
                        budget=BUDGET))
    return rows


def _pipeline(template: Path, path: Path, data: bytes, name: str) -> tuple[float, float]:
    shutil.copyfile(template, path)
    db = store.connect(path)
    try:
        start = time.perf_counter()
        pv = ingest.prepare(db, data, name, kind="project_progress")
        mid = time.perf_counter()
        if pv.has_errors:
            raise RuntimeError(pv.errors["message_en"].head().tolist())
        receipt = ingest.commit(db, pv, user=ACTOR)
        end = time.perf_counter()
        assert receipt.n_new == pv.n_rows, receipt
    finally:
        db.close()
    return mid - start, end - mid
