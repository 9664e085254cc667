"""Demo data (ข้อมูลตัวอย่าง): a deterministic, INVENTED data set for อบต.ขี้เหล็ก, never its real data.

- :mod:`.catalogue` — the catalogue of invented projects (``catalogue.yaml``: data, not code);
- :mod:`.generate` — the generator and the files under ``data/demo/`` (``python -m tracker.demo``
  regenerates them; a test checks the committed files equal a fresh generation);
- :mod:`.load` — loading them through the import pipeline as demo batches (``python -m tracker demo``).
"""

from tracker.demo.generate import (DEFAULT_SEED, DEMO_DIR, FILES, FULL_YEARS, PARTIAL_YEAR, PROGRESS_COLUMNS,
                                   PROJECT_COLUMNS, RESULT_COLUMNS, YEARS, csv_bytes, generate, write_demo_files)
from tracker.demo.load import demo_files, load_demo

__all__ = ["generate", "write_demo_files", "csv_bytes", "demo_files", "load_demo", "DEMO_DIR", "DEFAULT_SEED",
           "YEARS", "FULL_YEARS", "PARTIAL_YEAR", "FILES", "PROJECT_COLUMNS", "PROGRESS_COLUMNS", "RESULT_COLUMNS"]
