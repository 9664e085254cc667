"""Reports and meeting material (รายงานและการประชุมสภา): pinned snapshots, one report model, exports.

- :mod:`.snapshot` — pin the data as a named, read-only copy of the database for a meeting;
- :mod:`.content` — the language-aware, format-neutral quarterly report model built from :mod:`tracker.rollup`
  (meeting slides, PDF, XLSX and PPTX all render this one model, so they say the same thing);
  :mod:`.quarterly` turns it into a block document for the PDF; :mod:`.xlsx`, :mod:`.pptx` — its workbook
  and deck; :mod:`.documents` — the report as a file (the pages' downloads and ``python -m tracker report``);
- :mod:`.blocks` — the block document; its engines :mod:`.html_pdf` (Chromium print, exact Thai text layer,
  via :mod:`.chromium`), :mod:`.docx_kit`, :mod:`.xlsx_kit` (every table) and :mod:`.pptx_kit` (slides);
- :mod:`.me` — the official M&E report, one block document in all four formats;
- :mod:`.figures` — Plotly figures of the model's charts; :mod:`.fonts` — the Thai font named in files.

No module here imports Streamlit.
"""
