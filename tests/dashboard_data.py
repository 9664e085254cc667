"""A small, hand-computable data set for the dashboard tests (rollup, CLI, pages).

Fiscal year 2569, figures as of Q2 unless stated. Every expected figure in tests/test_rollup.py is
worked out by hand from the rows below (see the comments there).
"""

from __future__ import annotations

BATCH = {"id": 1, "kind": "results", "file_name": "ผลตัวชี้วัด-2569Q2.csv", "sha256": "0" * 64,
         "username": "analyst", "created_at": "2026-04-05T03:00:00+00:00", "n_rows": 11}


def _p(code, goal, name, dept, villages, planned, allocated, welfare=0, added=0, fy=2569):
    return {"project_code": code, "fiscal_year": fy, "goal_no": goal, "name_th": f"โครงการ{name}",
            "name_en": f"Project {name}", "department": dept, "villages": villages,
            "budget_category": "investment", "planned_budget": planned, "allocated_budget": allocated,
            "funding_source": "own", "indicator_codes": "", "is_welfare_transfer": welfare,
            "added_by_revision": added, "batch_id": None}


PROJECTS = [
    _p("P1", 1, "ถนน คสล. หมู่ 1–3", "ENG", "1;3", 1_000_000, 900_000),
    _p("P2", 1, "ซ่อมท่อระบายน้ำ", "ENG", "2", 500_000, 500_000),
    _p("P3", 1, "ไฟส่องสว่าง", "PAL", "", 300_000, 0, added=1),          # in plan, not funded
    _p("P4", 3, "เบี้ยยังชีพผู้สูงอายุ", "WEL", "1;2;3;4", 8_000_000, 8_200_000, welfare=1),
    _p("P5", 3, "เบี้ยความพิการ", "WEL", "2", 200_000, 150_000, welfare=1),  # funded, no progress
    _p("P6", 3, "อบรมเด็กเล็ก", "EDU", "3", 100_000, 100_000),              # cancelled in Q1
]


def _g(code, q, status, pct, committed, disbursed, fy=2569):
    return {"project_code": code, "fiscal_year": fy, "quarter": q, "status": status, "progress_pct": pct,
            "committed": committed, "disbursed": disbursed, "note": f"รายงาน Q{q}", "batch_id": None}


PROGRESS = [
    _g("P1", 1, "in_progress", 20, 500_000, 100_000),
    _g("P1", 2, "in_progress", 60, 800_000, 450_000),
    _g("P2", 1, "completed", 100, 480_000, 480_000),                 # no Q2 row: still completed
    _g("P4", 1, "in_progress", 25, 8_200_000, 2_050_000),
    _g("P4", 2, "in_progress", 50, 8_200_000, 4_100_000),
    _g("P6", 1, "cancelled", 0, 0, 0),
]


def _r(code, q, value, fy=2569):
    return {"indicator_code": code, "fiscal_year": fy, "quarter": q, "value": value, "note": f"note {code} Q{q}",
            "batch_id": 1}


RESULTS = [
    _r("G1-I01", 1, 80), _r("G1-I01", 2, 84),          # latest 84 vs 85 -> 0.988 at risk
    _r("G1-I02", 1, 0.3), _r("G1-I02", 2, 0.3),        # sum 0.6 vs 1.5×2/4 = 0.75 -> 0.8 at risk
    _r("G1-I05", 1, 94), _r("G1-I05", 2, 98),          # average 96 vs 95 -> 1.0105 on track
    _r("G3-I01", 1, 100), _r("G3-I01", 2, 100),        # average 100 vs 100 -> 1.0 on track
    _r("G3-I02", 1, 1),                                # sum 1 vs 6×2/4 = 3 -> 0.333 off track (Q2 missing)
    _r("G1-I01", 2, 82, fy=2568),                      # previous year: 82 vs 82 -> goal 1 score 1.0
]


def load_small_dataset(db) -> None:
    """Insert the data set (and bump the data revision, as an import would)."""
    from tracker import store

    with db.atomic():
        db["import_batches"].insert(BATCH)
        db["projects"].insert_all(PROJECTS)
        db["project_progress"].insert_all(PROGRESS)
        db["indicator_results"].insert_all(RESULTS)
        store.bump_revision(db)
