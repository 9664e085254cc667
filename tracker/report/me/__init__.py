"""The official M&E report (รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น): one block document
(:mod:`.build`) rendered as a PDF to publish (:mod:`tracker.report.html_pdf`, exact Thai text layer),
a DOCX to edit (:mod:`tracker.report.docx_kit`), an XLSX of all its tables (:mod:`tracker.report.xlsx_kit`)
and the council slides as PPTX (:mod:`tracker.report.pptx_kit`); rounds (:mod:`.rounds`) and the
analysts' narrative (:mod:`.narrative`).
"""

from __future__ import annotations

from tracker import store
from tracker.errors import TrackerError
from tracker.report.me.build import build
from tracker.report.me.rounds import KINDS, Round, RoundError, parse

FORMATS = ("pdf", "docx", "xlsx", "pptx")
MIME = {"pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


class ReportFileError(TrackerError):
    """The report file could not be made (no browser for the PDF and charts, or it timed out)."""


def render(doc, fmt: str) -> bytes:
    """A built document as ``pdf``, ``docx``, ``xlsx`` or ``pptx`` bytes. A browser that is missing, fails or overruns
    raises :class:`ReportFileError` (a message in the user's language), never a bare engine error."""
    from tracker.report.chromium import BrowserUnavailable, PageError, RenderTimeout

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    try:
        if fmt == "pdf":
            from tracker.report.html_pdf import render_pdf
            return render_pdf(doc)
        if fmt == "xlsx":
            from tracker.report.xlsx_kit import render_xlsx
            return render_xlsx(doc)
        if fmt == "pptx":
            from tracker.report.pptx_kit import render_pptx
            return render_pptx(doc)
        from tracker.report.docx_kit import render_docx
        return render_docx(doc)
    except BrowserUnavailable as exc:
        raise ReportFileError("me.file.no_browser", detail=str(exc)) from exc
    except RenderTimeout as exc:
        raise ReportFileError("me.file.timeout") from exc
    except PageError as exc:
        raise ReportFileError("me.file.failed", detail=str(exc)) from exc


def file_name(rnd: Round, fmt: str, lang: str) -> str:
    """``khilek-me-report-2569-annual-th.pdf``."""
    return f"khilek-me-report-{rnd.fiscal_year}-{rnd.key}-{lang}.{fmt}"


def render_file(db_path: str, rnd: Round, fmt: str, lang: str = "th") -> bytes:
    """The report file on its own connection: safe from another thread (a lazy download button)."""
    db = store.connect(db_path)
    try:
        return render(build(db, rnd, lang), fmt)
    finally:
        db.close()


__all__ = ["build", "render", "ReportFileError", "render_file", "file_name", "Round", "RoundError", "parse", "KINDS", "FORMATS",
           "MIME"]
