"""The XLSX engine: every table of a block :class:`~tracker.report.blocks.Document` as a sheet (openpyxl).

The first sheet lists the tables (sheet, section, caption); each table follows on its own sheet with
its caption above the header row, the header frozen and filtered. A cell that shows figures
(:attr:`~tracker.report.blocks.Cell.numbers`) is written as numbers rounded as shown
(:func:`tracker.fmt.shown_number`) with the number format that shows the same text
(:func:`tracker.fmt.excel_format`), so Excel shows what the PDF and DOCX print and can still add the
cells up; a cell that shows several figures ("3 (25.0%)") becomes one spreadsheet column per figure,
named by the column's ``parts``. Every text cell is formula-safe (:func:`tracker.tables.neutralise_cell`)
and stored as text, never as a formula. The document's header (the demo marking) is the first line of
every sheet and the printed header of every page. Font: TH Sarabun New (fontconfig maps it to Laksaman).
"""

from __future__ import annotations

import io
import math
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tracker import fmt
from tracker.i18n import t
from tracker.report import blocks as B
from tracker.report.fonts import OFFICE_FONT
from tracker.status import missing
from tracker.tables import neutralise_cell

SIZE = 14
ROW_HEIGHT = 24                   # points per line: 14-point Thai with its marks above and below
HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
DEMO_RED = "B3261E"
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _put(ws, row: int, col: int, value, *, bold: bool = False, colour: str | None = None):
    """Write ``value``: text formula-safe and typed as text; numbers as they are."""
    if isinstance(value, str):
        c = ws.cell(row=row, column=col, value=neutralise_cell(value))
        c.data_type = "s"
    else:
        c = ws.cell(row=row, column=col, value=value)
    c.font = Font(name=OFFICE_FONT, size=SIZE, bold=bold, color=colour)
    return c


def _cell(value) -> B.Cell:
    return value if isinstance(value, B.Cell) else B.Cell(str(value))


def _widths(table: B.Table) -> list[int]:
    """How many spreadsheet columns each table column takes: one per figure its cells show."""
    return [max([1] + [len(_cell(row[j]).numbers) for row in table.rows]) for j in range(len(table.columns))]


def _headers(table: B.Table, widths: list[int]) -> list[str]:
    out = []
    for col, n in zip(table.columns, widths):
        if n == 1:
            out.append(col.title)
        else:
            parts = list(col.parts) + [str(i) for i in range(len(col.parts) + 1, n + 1)]
            out += [f"{col.title} ({p})" for p in parts[:n]]
    return out


def _values(cell: B.Cell, n: int) -> list:
    """The spreadsheet values of one table cell over its ``n`` columns: numbers rounded as shown, or
    the text (a dash for a missing figure)."""
    if not cell.numbers:
        return [cell.text] + [""] * (n - 1)
    out = []
    for kind, value in cell.numbers:
        out.append(fmt.DASH if missing(value) else (fmt.shown_number(kind, value), fmt.excel_format(kind, value)))
    return out + [""] * (n - len(out))


def _mark(ws, doc: B.Document) -> int:
    """The demo marking on the sheet's first line and its printed header; the next free row."""
    if not doc.header:
        return 1
    _put(ws, 1, 1, doc.header, bold=True, colour=DEMO_RED)
    ws.row_dimensions[1].height = ROW_HEIGHT
    ws.oddHeader.center.text = doc.header
    ws.evenHeader.center.text = doc.header
    return 2


def _table_sheet(ws, doc: B.Document, table: B.Table) -> None:
    top = _mark(ws, doc)
    if table.caption:
        _put(ws, top, 1, table.caption, bold=True)
        ws.row_dimensions[top].height = ROW_HEIGHT
        top += 1
    head = top
    widths = _widths(table)
    headers = _headers(table, widths)
    for j, title in enumerate(headers, 1):
        c = _put(ws, head, j, title, bold=True)
        c.fill = HEAD_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    first_total = len(table.rows) - table.total_rows
    longest = [len(h) * 0.8 for h in headers]
    for i, row in enumerate(table.rows):
        r = head + 1 + i
        j = 1
        for col, n, raw in zip(table.columns, widths, row):
            cell = _cell(raw)
            bold = cell.bold or i >= first_total
            for value in _values(cell, n):
                if isinstance(value, tuple):
                    c = _put(ws, r, j, value[0], bold=bold)
                    c.number_format = value[1]
                    shown = len(cell.text) / max(1, len(cell.numbers))
                else:
                    c = _put(ws, r, j, value, bold=bold)
                    shown = len(value)
                c.alignment = Alignment(horizontal="right" if col.align == "right" else None, wrap_text=True,
                                        vertical="top")
                if i >= first_total:
                    c.fill = TOTAL_FILL
                longest[j - 1] = max(longest[j - 1], shown)
                j += 1
    widths = [max(8, min(60, n * 1.1 + 2)) for n in longest]
    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    for r in range(head, head + len(table.rows) + 1):     # Thai needs taller rows; wrapped cells more lines
        lines = max(math.ceil(len(str(c.value or "")) * 1.1 / widths[c.column - 1]) for c in ws[r])
        ws.row_dimensions[r].height = ROW_HEIGHT * max(1, lines)
    _print_setup(ws)
    ws.freeze_panes = ws.cell(row=head + 1, column=1)
    if table.rows:
        ws.auto_filter.ref = f"A{head}:{get_column_letter(len(headers))}{head + len(table.rows)}"


def _print_setup(ws) -> None:
    """Printed landscape, as wide as one page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def sheet_name(n: int, lang: str) -> str:
    """``ตาราง 3`` / ``Table 3``: short, unique and allowed by Excel (31 characters, no ``[]:*?/\\``)."""
    return _SHEET_BAD.sub(" ", t("xlsx.sheet_n", lang, n=n))[:31]


def tables(doc: B.Document) -> list[tuple[str, B.Table]]:
    """Every table of the document in reading order (a figure's table after it), with the title of
    the section it is in (the nearest heading above it)."""
    out, section = [], ""
    for b in doc.walk():
        if isinstance(b, B.Heading):
            section = b.text
        elif isinstance(b, B.Table):
            out.append((section, b))
        elif isinstance(b, B.Figure) and b.table is not None:
            out.append((section, b.table))
    return out


def render_xlsx(doc: B.Document) -> bytes:
    """The document's tables as a workbook: a contents sheet, then one sheet per table."""
    wb = Workbook()
    first = wb.active
    first.title = _SHEET_BAD.sub(" ", t("xlsx.contents", doc.lang))[:31]
    top = _mark(first, doc)
    _put(first, top, 1, doc.title, bold=True)
    if doc.footer:
        _put(first, top + 1, 1, doc.footer)
    head = top + 3
    for j, key in enumerate(("xlsx.col.sheet", "xlsx.col.section", "xlsx.col.table"), 1):
        _put(first, head, j, t(key, doc.lang), bold=True).fill = HEAD_FILL
    for n, (section, table) in enumerate(tables(doc), 1):
        name = sheet_name(n, doc.lang)
        _table_sheet(wb.create_sheet(name), doc, table)
        link = _put(first, head + n, 1, name)
        link.hyperlink = f"#'{name}'!A1"
        _put(first, head + n, 2, section)
        _put(first, head + n, 3, table.caption)
    for col, width in zip("ABC", (12, 50, 90)):
        first.column_dimensions[col].width = width
    first.freeze_panes = first.cell(row=head + 1, column=1)
    for r in range(1, first.max_row + 1):
        first.row_dimensions[r].height = ROW_HEIGHT
    _print_setup(first)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
