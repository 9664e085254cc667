"""Benchmark: reading the sample plan book (147 projects, 21 sheets), and the parts of it.

Run: ``.venv/bin/python bench/bench_planbook.py [REPEATS]``. Prints the median of the repeats;
asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
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


def _spec():
    sys.path.insert(0, str(ROOT))
    from tests.planbook_books import small_spec

    return small_spec()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
