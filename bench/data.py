"""Benchmark data: the demo data set scaled ``k`` times, loaded through the upload pipeline.

Scale 1 is the demo data exactly (about 54 projects and 150 progress rows a year, fiscal years
2566–2570). Scale ``k`` adds ``k - 1`` copies of every project and its progress, codes suffixed
``-002`` … (names too), so each year has ``k`` times the projects with the same mix of kinds, budgets
and courses; indicator results stay as they are (the plan has the same indicators at any size).
"Province" size is about 20,000 projects a year (a province's ≈ 240 local governments): scale 370.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd

from tracker import demo, ingest, store

PROVINCE = 370
ACTOR = "system:bench"
#: the upload limit is for analysts' files; the benchmark's province-sized year is larger. Set for the
#: benchmark's own process (:func:`allow_large_uploads`), never on import: a test that imports this module
#: must not change the limit the app shows to every later test.
LARGE_UPLOADS = ("TRACKER_MAX_UPLOAD_MB", "2000")


def allow_large_uploads() -> None:
    """Lift the upload limit for this process (the benchmark's command and its scripts only)."""
    os.environ.setdefault(*LARGE_UPLOADS)


def scale_name(scale: int) -> str:
    return "province" if scale == PROVINCE else f"{scale}×"


def scaled(scale: int) -> dict[str, pd.DataFrame]:
    """The demo frames (``projects``, ``project_progress``, ``indicator_results``) scaled ``scale`` times."""
    base = demo.generate()
    if scale <= 1:
        return base
    out = dict(base)
    for kind in ("projects", "project_progress"):
        df = base[kind]
        copies = [df]
        for i in range(2, scale + 1):
            c = df.copy()
            c["project_code"] = c["project_code"] + f"-{i:03d}"
            if kind == "projects":
                c["name_th"] = c["name_th"] + f" ชุดที่ {i}"
                c["name_en"] = c["name_en"] + f" (set {i})"
            copies.append(c)
        out[kind] = pd.concat(copies, ignore_index=True)
    return out


def build(path: Path, scale: int) -> dict[str, int]:
    """A fresh database at ``path`` holding the data at ``scale``, loaded year by year through
    ``ingest.prepare`` / ``ingest.commit`` (the analysts' path). Returns row counts and the load time."""
    start = time.perf_counter()
    frames = scaled(scale)
    db = store.open_db(path)
    var, mb = LARGE_UPLOADS
    before = os.environ.get(var)
    os.environ.setdefault(var, mb)
    try:
        for fy in demo.YEARS:
            for kind in demo.FILES:
                df = frames[kind]
                part = df[df["fiscal_year"] == fy]
                if part.empty:
                    continue
                pv = ingest.prepare(db, demo.csv_bytes(part), f"{fy}-{kind}.csv", kind=kind)
                if pv.has_errors:
                    raise RuntimeError(f"scaled data {fy}/{kind}: {pv.errors['message_en'].head(5).tolist()}")
                ingest.commit(db, pv, user=ACTOR)
    finally:
        db.close()
        if before is None:
            os.environ.pop(var, None)
    return {"projects": len(frames["projects"]), "progress": len(frames["project_progress"]),
            "results": len(frames["indicator_results"]), "seconds": time.perf_counter() - start}
