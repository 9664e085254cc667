"""The report as a model or a file, from live data or a pinned snapshot: what the pages and the
``report`` command call.

:func:`model` builds the report model (:func:`tracker.report.content.build`); :func:`write` writes a
model as PDF (Chromium, :mod:`tracker.report.quarterly`), XLSX or PPTX.
"""

from __future__ import annotations

from tracker import store
from tracker.report import content, snapshot

FORMATS = ("pdf", "xlsx", "pptx")
MIME = {"pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


def model(db, snapshot_name: str | None, fy: int, quarter: int, lang: str = "th") -> content.Report:
    """The report model for (fy, quarter) of the live data of ``db``, or of its pinned snapshot ``snapshot_name``."""
    if not snapshot_name:
        return content.build(db, fy, quarter, lang)
    source = snapshot.open_snapshot(db, snapshot_name)
    try:
        return content.build(source, fy, quarter, lang)
    finally:
        source.close()


def write(report: content.Report, fmt: str) -> bytes:
    """``report`` as a file of format ``fmt`` (one of :data:`FORMATS`), as bytes. The PDF is Chromium's
    print of :func:`tracker.report.quarterly.document` (exact Thai text layer); a browser that is missing,
    fails or overruns raises :class:`tracker.report.me.ReportFileError` (a message in the user's language).
    """
    if fmt == "pdf":
        from tracker.report import me, quarterly

        return me.render(quarterly.document(report), "pdf")
    if fmt == "xlsx":
        from tracker.report import xlsx

        return xlsx.render(report)
    if fmt == "pptx":
        from tracker.report import pptx

        return pptx.render(report)
    raise ValueError(f"unknown format {fmt!r}")


def render_file(db_path: str, snapshot_name: str | None, fy: int, quarter: int, fmt: str, lang: str = "th") -> bytes:
    """The report file on its own connection: safe to call from another thread (a lazy download button)."""
    db = store.connect(db_path)
    try:
        return write(model(db, snapshot_name, fy, quarter, lang), fmt)
    finally:
        db.close()
