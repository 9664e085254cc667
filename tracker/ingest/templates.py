"""Blank upload templates: CSV with BOM (opens correctly in Thai Excel) and XLSX with notes.

The CSV holds only the header row (canonical English names). The XLSX has the data sheet (named
after the kind in Thai, header row with a Thai/English note on each header cell) and a notes
sheet listing every column with its Thai header, whether it is required, what it means, whether its
figure is the quarter's own or cumulative (in the words of the pre-filled forms) and an example row. The example row is on the notes sheet on purpose: a template uploaded unchanged
then adds nothing instead of a made-up project. Copies are kept under ``data/templates/``.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pandas as pd

from tracker.i18n import t
from tracker.ingest.contract import KINDS, Kind
from tracker.settings import ROOT
from tracker.tables import csv_bytes

TEMPLATE_DIR = ROOT / "data" / "templates"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FIXED_TIME = datetime(2026, 1, 1)   # stable document properties


def template_csv(kind: str) -> bytes:
    """Header-only CSV, UTF-8 with BOM, CRLF line ends (what Excel writes)."""
    return csv_bytes(pd.DataFrame(columns=[c.name for c in KINDS[kind].columns]))


#: whether a column's figure is the quarter's own or cumulative, in the words of the pre-filled forms
PERIOD = {"planned_budget": "year", "allocated_budget": "year", "progress_pct": "progress", "committed": "money",
          "disbursed": "money", "value": "value"}


def period_note(column: str, lang: str) -> str:
    """Whether ``column`` holds the quarter's own figure or a cumulative one ("" when neither applies)."""
    if column not in PERIOD:
        return ""
    words = {a: t(f"aggregation.{a}", lang) for a in ("sum", "latest", "average")}
    how = {f"how_{a}": t(f"form.how.{a}", lang) for a in ("sum", "latest", "average")}
    return t(f"ingest.template.period.{PERIOD[column]}", lang, **words, **how)


def _note(c) -> str:
    req = t("ingest.template.yes" if c.required else "ingest.template.no", "th")
    req_en = t("ingest.template.yes" if c.required else "ingest.template.no", "en")
    th, en = period_note(c.name, "th"), period_note(c.name, "en")
    return (f"{c.th} — {t(f'ingest.col.{c.name}', 'th')} ({req}){' — ' + th if th else ''}\n"
            f"{c.name} — {t(f'ingest.col.{c.name}', 'en')} ({req_en}){' — ' + en if en else ''}")


def template_xlsx(kind: str) -> bytes:
    """The XLSX template of ``kind`` (see the module docstring)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    k: Kind = KINDS[kind]
    wb = Workbook()
    wb.properties.creator = "tracker"
    wb.properties.created = _FIXED_TIME
    ws = wb.active
    ws.title = t(f"ingest.kind.{kind}", "th")[:31]
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for i, c in enumerate(k.columns, start=1):
        cell = ws.cell(row=1, column=i, value=c.name)
        cell.font, cell.fill = bold, fill
        cell.comment = Comment(_note(c), "tracker", width=320, height=110)
        ws.column_dimensions[cell.column_letter].width = max(14, len(c.name) + 4)
    ws.freeze_panes = "A2"

    notes = wb.create_sheet(t("ingest.template.notes_sheet", "th") + " (" + t("ingest.template.notes_sheet", "en") + ")")
    notes.append([t("ingest.template.help", "th") + (" " + t("ingest.template.period_help", "th") if k.quarterly else "")])
    notes.append([t("ingest.template.help", "en") + (" " + t("ingest.template.period_help", "en") if k.quarterly else "")])
    notes.append([])
    heads = [t("ingest.template.column", "th") + " / " + t("ingest.template.column", "en"),
             t("ingest.template.header_th", "th") + " / " + t("ingest.template.header_th", "en"),
             t("ingest.template.required", "th") + " / " + t("ingest.template.required", "en"),
             "คำอธิบาย", "Description",
             t("ingest.template.example", "th") + " / " + t("ingest.template.example", "en"),
             t("ingest.template.period", "th"), t("ingest.template.period", "en")]
    notes.append(heads)
    for cell in notes[4]:
        cell.font = bold
    for c in k.columns:
        req = "ingest.template.yes" if c.required else "ingest.template.no"
        notes.append([c.name, c.th, f"{t(req, 'th')} / {t(req, 'en')}", t(f"ingest.col.{c.name}", "th"),
                      t(f"ingest.col.{c.name}", "en"), c.example, period_note(c.name, "th"), period_note(c.name, "en")])
    notes.append([])
    notes.append([t("ingest.template.example_row", "th") + " / " + t("ingest.template.example_row", "en")])
    notes.append([c.name for c in k.columns])
    notes.append([c.example for c in k.columns])
    for col, width in zip("ABCDEFGH", (22, 30, 22, 48, 48, 28, 48, 48)):
        notes.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_templates(folder: str | Path | None = None) -> list[Path]:
    """Write ``<kind>.csv`` and ``<kind>.xlsx`` for every kind into ``folder`` (default data/templates)."""
    folder = Path(folder) if folder else TEMPLATE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for kind in KINDS:
        for ext, make in (("csv", template_csv), ("xlsx", template_xlsx)):
            p = folder / f"{kind}.{ext}"
            p.write_bytes(make(kind))
            out.append(p)
    return out
