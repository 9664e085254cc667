"""Benchmarks (speed is measured here, never asserted in tests).

``python -m bench`` runs the whole benchmark (see :mod:`bench.__main__` and the README): each part is
timed beside a *floor* measured in the same run on the same machine, so the ratio stays meaningful when
the machine is busy:

- :mod:`bench.data` — the demo data scaled 1×, 10×, 50× (or province size) into a fresh database;
- :mod:`bench.pages` — every page's script (AppTest), warm and on a cache miss, against a bare Streamlit
  page with one cached Plotly chart;
- :mod:`bench.render` — every page drawn in Chromium, first visit and warm (F5), against the bare page
  served alongside;
- :mod:`bench.upload` — 100,000 progress rows as CSV and XLSX through the upload, against raw pandas +
  sqlite3 ``executemany``;
- :mod:`bench.report` — the report model and its files;
- :mod:`bench.memory` — ten signed-in sessions in one process, against ten sessions of the bare page.
- :mod:`bench.signin` — sign-in to the drawn overview in Chromium, against F5 of the signed-in overview;
- :mod:`bench.start` — cold start: ``scripts/start.sh`` to the first page drawn, against ``streamlit run`` of
  the bare page.

The older single-purpose scripts (``bench_planbook.py``, ``bench_report_engines.py``) still run alone.
"""
