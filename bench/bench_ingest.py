"""The upload part of the benchmark alone: N progress rows (CSV, and XLSX with ``--xlsx``) through the
upload pipeline beside raw pandas + sqlite3, with repeats (see :mod:`bench.upload`).

Run: ``.venv/bin/python bench/bench_ingest.py [ROWS] [--xlsx] [--repeats N]``; the whole benchmark is
``python -m bench``. Asserts nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.__main__ import main  # noqa: E402

if __name__ == "__main__":
    args = sys.argv[1:]
    rows = [a for a in args if a.isdigit() and (args.index(a) == 0 or args[args.index(a) - 1] != "--repeats")]
    rest = [a for a in args if a not in rows and a != "--xlsx"]
    sys.exit(main(["--parts", "upload", "--rows", rows[0] if rows else "100000",
                   *([] if "--xlsx" in args else ["--no-xlsx"]), *rest]))
