"""``python -m bench``: the benchmark, every figure beside its floor from the same run.

    .venv/bin/python -m bench                       # 1×, 10×, 50×: every part
    .venv/bin/python -m bench --province            # … and province size (≈ 20,000 projects a year)
    .venv/bin/python -m bench --scales province --parts pages,render,memory     # province size alone
    .venv/bin/python -m bench --scales 1 --parts pages --pages overview,goal --repeats 3
    .venv/bin/python -m bench --scales 1 --rows 2000 --repeats 1     # a quick look

Prints a Markdown table per part and scale as it goes, then all of them: median and min of the
repeats, the floor's median, and the ratio median / floor median. Asserts nothing. Absolute times
depend on the machine and what else runs on it; the ratio to the same-run floor is the figure to
compare between runs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
import warnings
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PARTS = ("upload", "pages", "render", "report", "memory", "signin", "start")
#: the parts that run on each scale's database
SCALED = set(PARTS) - {"upload"}


def _csv(text: str) -> list[str]:
    return [s.strip() for s in text.split(",") if s.strip()]


def parse(argv: list[str] | None) -> argparse.Namespace:
    from bench.pages import ALL_PAGES

    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", default="1,10,50",
                    help="data scales, comma-separated: numbers, or 'province' (default 1,10,50)")
    ap.add_argument("--province", action="store_true", help="also province size (scale 370, ≈ 20,000 projects a year)")
    ap.add_argument("--parts", default=",".join(PARTS), help=f"parts to run (default {','.join(PARTS)})")
    ap.add_argument("--pages", default=",".join(ALL_PAGES), help="pages to run (file names under pages/; default all)")
    ap.add_argument("--repeats", type=int, default=5, help="repeats of every measurement (default 5)")
    ap.add_argument("--rows", type=int, default=100_000, help="rows of the upload (default 100,000)")
    ap.add_argument("--no-xlsx", action="store_true", help="skip the XLSX upload")
    ap.add_argument("--formats", default="pdf,xlsx,pptx", help="report formats (default pdf,xlsx,pptx)")
    ap.add_argument("--sessions", type=int, default=10, help="sessions held for the memory part (default 10)")
    ap.add_argument("--memory-repeats", type=int, default=3, help="fresh processes per memory figure (default 3)")
    ap.add_argument("--data-dir", type=Path, help="keep the scaled databases here and reuse them in later runs")
    ap.add_argument("--json", type=Path, help="also write every row (with all samples) to this JSON file")
    args = ap.parse_args(argv)
    from bench.data import PROVINCE

    try:
        args.scales = [PROVINCE if s.lower() == "province" else int(s) for s in _csv(args.scales)]
    except ValueError:
        ap.error(f"--scales: numbers or 'province', not {args.scales!r}")
    args.parts = _csv(args.parts)
    args.pages = _csv(args.pages)
    args.formats = tuple(_csv(args.formats))
    unknown = set(args.parts) - set(PARTS) or set(args.pages) - set(ALL_PAGES)
    if unknown:
        ap.error(f"unknown: {', '.join(sorted(unknown))}")
    if args.repeats < 1:
        ap.error("--repeats must be at least 1")
    return args


def _load() -> str:
    """The load average over 1, 5 and 15 minutes (as ``uptime`` prints it)."""
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


def _quiet() -> None:
    """Streamlit's 'no runtime' notices and library warnings would bury the tables."""
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")


def _database(scale: int, folder: Path) -> tuple[Path, str]:
    from bench import data

    path = folder / f"scale-{scale}.db"
    if path.exists():
        return path, "reused"
    info = data.build(path, scale)
    return path, (f"{info['projects']:,} projects, {info['progress']:,} progress rows, {info['results']:,} "
                  f"indicator results over 5 years; loaded in {info['seconds']:.0f} s")


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    _quiet()
    os.environ.setdefault("TRACKER_BACKUP_DIR", tempfile.mkdtemp(prefix="bench-backups-"))
    from bench import data, memory, pages, render, report, signin, start, upload
    data.allow_large_uploads()
    from bench.timing import table

    scales = args.scales + ([data.PROVINCE] if args.province and data.PROVINCE not in args.scales else [])
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"# benchmark  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  cpus={os.cpu_count()}  "
          f"load={_load()}  repeats={args.repeats}", flush=True)
    all_rows = []

    def show(title: str, run, scale_name: str = "") -> None:
        """Run one part; print its table under a heading with its wall time and the load at its end."""
        start = time.perf_counter()
        rows = run()
        all_rows.extend((title, replace(r, part=f"{r.part} {scale_name}".strip())) for r in rows)
        print(f"\n## {title}  ({time.perf_counter() - start:.0f} s, load {_load()})\n\n{table(rows)}", flush=True)

    if "upload" in args.parts:
        show("upload", lambda: upload.run(args.rows, args.repeats, xlsx=not args.no_xlsx))
    for scale in scales:
        if not SCALED & set(args.parts):
            break
        db_path, info = _database(scale, folder)
        name = data.scale_name(scale)
        print(f"\n# data {name}: {info}", flush=True)
        if "pages" in args.parts:
            show(f"pages at {name}", lambda: pages.run(db_path, args.pages, args.repeats), name)
        if "render" in args.parts:
            show(f"browser render at {name}", lambda: render.run(db_path, args.pages, args.repeats), name)
        if "report" in args.parts:
            show(f"report at {name}", lambda: report.run(db_path, args.repeats, args.formats), name)
        if "memory" in args.parts:
            show(f"memory at {name}", lambda: memory.run(db_path, args.memory_repeats, args.sessions), name)
        if "signin" in args.parts:
            show(f"sign-in at {name}", lambda: signin.run(db_path, args.repeats), name)
        if "start" in args.parts:
            show(f"cold start at {name}", lambda: start.run(db_path, args.repeats), name)
    print(f"\n# all ({time.strftime('%H:%M UTC', time.gmtime())}, load at the end {_load()})\n")
    print(table([r for _, r in all_rows]))
    if args.json:
        args.json.write_text(json.dumps([{"section": s, **r.as_dict()} for s, r in all_rows], ensure_ascii=False,
                                        indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
