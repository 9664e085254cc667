"""The pages part of the benchmark alone, on the demo data (1×): each page's script warm and on a cache
miss, beside the bare page (see :mod:`bench.pages`).

Run: ``.venv/bin/python bench/bench_pages.py [RUNS]``; the whole benchmark is ``python -m bench``.
Asserts nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.__main__ import main  # noqa: E402

if __name__ == "__main__":
    runs = sys.argv[1] if len(sys.argv) > 1 else "5"
    sys.exit(main(["--parts", "pages", "--scales", "1", "--repeats", runs]))
