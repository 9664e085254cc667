"""Reports and meeting material (รายงานและการประชุมสภา): pinned snapshots, one report model, exports.

- :mod:`.snapshot` — pin the data as a named, read-only copy of the database for a meeting;
- :mod:`.content` — the language-aware, format-neutral report model built from :mod:`tracker.rollup`
  (meeting slides, PDF, XLSX and PPTX all render this one model, so they say the same thing);
- :mod:`.pdf`, :mod:`.xlsx`, :mod:`.pptx` — the three document formats;
- :mod:`.documents` — the report as a file in one of them (the pages' downloads and
  ``python -m tracker report`` call it);
- :mod:`.figures` — Plotly figures of the model's charts; :mod:`.thai` — Thai font and line breaking.

No module here imports Streamlit.
"""
