"""Benchmark: the official M&E report (#13) of the demo data set, annual 2569 and 6-month 2570.

Run: ``.venv/bin/python bench/bench_me_report.py [RUNS]``. Loads the demo data into a temporary
database once, then for each round: building the block document (every figure from the rollup), the
PDF (Chromium, first one cold: the browser starts and loads plotly.js) and the DOCX; prints seconds
and pages. Asserts nothing (budget: "reports in seconds").
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker import store  # noqa: E402
from tracker.demo import load_demo  # noqa: E402
from bench.timing import clock  # noqa: E402
from tracker.report import me  # noqa: E402


def main(runs: int = 3) -> None:
    import pypdf

    with tempfile.TemporaryDirectory() as tmp:
        db = store.open_db(Path(tmp) / "bench.db")
        secs, _ = clock(lambda: load_demo(db))
        print(f"demo data loaded in {secs:.1f} s")
        for kind, fy in (("annual", 2569), ("half", 2570)):
            rnd = me.parse(kind, fy)
            times = {"build": [], "pdf": [], "docx": []}
            for i in range(runs):
                secs, doc = clock(lambda: me.build(db, rnd, "th"))
                times["build"].append(secs)
                secs, pdf = clock(lambda: me.render(doc, "pdf"))
                times["pdf"].append(secs)
                secs, _ = clock(lambda: me.render(doc, "docx"))
                times["docx"].append(secs)
                if i == 0:
                    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
                    print(f"{rnd.label('en')}: {pages} PDF pages; first run build {times['build'][0]:.2f} s, "
                          f"PDF {times['pdf'][0]:.2f} s, DOCX {times['docx'][0]:.2f} s")
            if runs > 1:
                print("  warm median: " + ", ".join(f"{k} {statistics.median(v[1:]):.2f} s" for k, v in times.items()))
        db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
