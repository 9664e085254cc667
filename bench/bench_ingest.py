"""Benchmark: 100,000 project-progress rows through raw pandas+sqlite vs the upload pipeline.

Run: ``.venv/bin/python bench/bench_ingest.py [ROWS] [--xlsx]``. Prints timings; asserts nothing.
"""

from __future__ import annotations

import io
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker import ingest, store  # noqa: E402


def files(n_rows: int) -> tuple[bytes, bytes]:
    n_proj = max(n_rows // 4, 1)
    p = ["project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget"]
    p += [f"P{i:06d},2569,{i % 5 + 1},โครงการ {i},กองช่าง,\"1,000,000\",900000" for i in range(n_proj)]
    g = ["รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม,หมายเหตุ"]
    g += [f"P{i:06d},2569,ไตรมาส {q},อยู่ระหว่างดำเนินการ,{q * 20},\"500,000\",\"{q * 100_000:,}\",หมายเหตุ {i}"
          for i in range(n_proj) for q in (1, 2, 3, 4)]
    return ("\n".join(p) + "\n").encode("utf-8-sig"), ("\n".join(g) + "\n").encode("cp874")


def raw_baseline(data: bytes, path: Path) -> float:
    """What plain pandas + sqlite3 take for the same bytes: read, strip commas, executemany."""
    t0 = time.perf_counter()
    df = pd.read_csv(io.BytesIO(data), encoding="cp874", dtype=str)
    df.columns = ["project_code", "fiscal_year", "quarter", "status", "progress_pct", "committed", "disbursed", "note"]
    for c in ("committed", "disbursed", "progress_pct"):
        df[c] = pd.to_numeric(df[c].str.replace(",", ""))
    df["quarter"] = df["quarter"].str.extract(r"(\d)")[0].astype(int)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE p (project_code TEXT, fiscal_year INT, quarter INT, status TEXT, progress_pct REAL, "
                 "committed REAL, disbursed REAL, note TEXT, PRIMARY KEY (project_code, fiscal_year, quarter))")
    with conn:
        conn.executemany("INSERT INTO p VALUES (?,?,?,?,?,?,?,?)", df.astype(object).to_numpy().tolist())
    conn.close()
    return time.perf_counter() - t0


def main(n_rows: int = 100_000) -> None:
    projects, progress = files(n_rows)
    with tempfile.TemporaryDirectory() as tmp:
        base = raw_baseline(progress, Path(tmp) / "raw.db")
        db = store.open_db(Path(tmp) / "t.db")
        ingest.commit(db, ingest.prepare(db, projects, "projects.csv"), user="cli:bench")
        t0 = time.perf_counter()
        pv = ingest.prepare(db, progress, "progress.csv")
        t1 = time.perf_counter()
        assert not pv.has_errors, pv.errors.head()
        r = ingest.commit(db, pv, user="cli:bench")
        t2 = time.perf_counter()
        pv2 = ingest.prepare(db, progress, "progress.csv")
        t3 = time.perf_counter()
        ingest.rollback(db, r.batch_id, user="cli:bench")
        t4 = time.perf_counter()
    print(f"rows: {pv.n_rows:,} ({len(progress) / 1e6:.1f} MB, cp874, Thai headers and statuses)")
    print(f"raw pandas + sqlite3 executemany : {base:6.2f} s")
    print(f"pipeline prepare (read+check+diff): {t1 - t0:6.2f} s")
    print(f"pipeline commit                   : {t2 - t1:6.2f} s")
    print(f"pipeline total (prepare+commit)   : {t2 - t0:6.2f} s  = {(t2 - t0) / base:.1f}x raw")
    print(f"re-upload preview (all unchanged) : {t3 - t2:6.2f} s  (nothing_to_do={pv2.nothing_to_do})")
    print(f"rollback of the batch             : {t4 - t3:6.2f} s")
    if "--xlsx" in sys.argv:
        from tracker.ingest.read import read_bytes

        buf = io.BytesIO()
        pd.read_csv(io.BytesIO(progress), encoding="cp874", dtype=str).to_excel(buf, index=False)
        t5 = time.perf_counter()
        pd.read_excel(io.BytesIO(buf.getvalue()), dtype=str)
        t6 = time.perf_counter()
        read_bytes(buf.getvalue())
        t7 = time.perf_counter()
        print(f"xlsx: pandas read_excel {t6 - t5:6.2f} s, our reader {t7 - t6:6.2f} s (openpyxl read-only)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 100_000)
