"""Benchmark: reading the sample plan book (147 projects, 21 sheets), the parts of it, and importing it
into a fresh store (preview, then the one-transaction commit; re-importing it).

Run: ``.venv/bin/python bench/bench_planbook.py [REPEATS]``. Prints the median of the repeats;
asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.ingest.planbook import PlanContext, dry_run_json, read_plan_workbook  # noqa: E402
from tracker.ingest.planbook import book as workbook  # noqa: E402
from tracker.ingest.planbook.identity import assign_codes, match_projects  # noqa: E402
from tracker.ingest.planbook.write import WriteOptions, write_plan_workbook  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "planbook" / "khilek-p02-sample.xlsx"


def median_seconds(func, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(repeats: int = 7) -> None:
    data = SAMPLE.read_bytes()
    ctx = PlanContext.from_mapping(yaml.safe_load((ROOT / "plan" / "khilek.yaml").read_text(encoding="utf-8")))
    read = lambda: read_plan_workbook(data, filename=SAMPLE.name, plan_context=ctx)  # noqa: E731
    book = read()
    known = book.projects
    codes = assign_codes(known)
    for p in known:
        p.code = codes[p.key]
    rows = [
        ("read_plan_workbook (whole sample)", read),
        ("  of which openpyxl load (cells)", lambda: workbook.load_grids(data)),
        ("  of which text boxes (zip + XML)", lambda: workbook.read_textboxes(data)),
        ("dry_run_json", lambda: dry_run_json(book)),
        ("match_projects (147 vs 147)", lambda: match_projects(known, read().projects)),
        ("write_plan_workbook (small book)", lambda: write_plan_workbook(_spec(), WriteOptions(columns=17))),
    ]
    print(f"sample: {SAMPLE.name}, {len(book.projects)} projects, {len(book.sheets)} sheets; "
          f"median of {repeats} runs")
    for name, func in rows:
        print(f"{name:40s} {median_seconds(func, repeats) * 1000:8.1f} ms")
    for name, seconds in import_times(data, repeats):
        print(f"{name:40s} {seconds * 1000:8.1f} ms")


def import_times(data: bytes, repeats: int) -> list[tuple[str, float]]:
    """The import as the page and ``import-plan`` do it, each run into a fresh database: preview (read,
    check against the plan file and the store, match), commit (one transaction), and the same book
    again (nothing to change)."""
    from tracker import store
    from tracker.ingest import planimport
    from tracker.plan import default_plan

    plan = default_plan()
    times: dict[str, list[float]] = {"import: prepare_plan (empty store)": [], "import: commit_plan (147 new)": [],
                                     "import: whole again (nothing changes)": []}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            db = store.open_db(f"{tmp}/bench.db", plan)
            start = time.perf_counter()
            preview = planimport.prepare_plan(db, data, SAMPLE.name, plan=plan)
            times["import: prepare_plan (empty store)"].append(time.perf_counter() - start)
            start = time.perf_counter()
            planimport.commit_plan(db, preview, user="cli:bench")
            times["import: commit_plan (147 new)"].append(time.perf_counter() - start)
            start = time.perf_counter()
            again = planimport.prepare_plan(db, data, SAMPLE.name, plan=plan)
            assert again.nothing_to_do
            times["import: whole again (nothing changes)"].append(time.perf_counter() - start)
            db.close()
    return [(name, statistics.median(ts)) for name, ts in times.items()]


def _spec():
    sys.path.insert(0, str(ROOT))
    from tests.planbook_books import small_spec

    return small_spec()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
