"""The report as an Excel workbook: one sheet per table of the report model.

Sheets (:data:`SHEETS`): about the report, summary per goal (แบบที่ 2 with scores), indicators,
projects, budget; then แบบที่ 2 and budget per strategy when the plan has strategies. Thai headers, number formats, frozen header row, column widths. Text from user
data is formula-safe (:func:`tracker.tables.neutralise_cell`: a leading ``'`` before ``= + - @``,
tab or CR, and always stored as text, never as a formula).
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tracker import fmt
from tracker.report.content import Report
from tracker.tables import Table
from tracker.tables import neutralise_cell

SHEETS = ("about", "summary", "indicators", "projects", "budget", "form2_strategy", "budget_strategy")
FONT = "TH Sarabun New"
HEAD_FILL = PatternFill("solid", fgColor="E2EAF3")


def _text(ws, row: int, col: int, value):
    """Write a value; text is neutralised and forced to be a string cell."""
    c = ws.cell(row=row, column=col, value=neutralise_cell(value) if isinstance(value, str) else value)
    if isinstance(value, str):
        c.data_type = "s"
    return c


def _sheet(wb: Workbook, title: str, table: Table, extra: list[tuple[str, str]] | None = None) -> None:
    ws = wb.create_sheet(title[:31])
    cols = table.columns
    for j, label in enumerate(table.header, 1):
        c = _text(ws, 1, j, label)
        c.font = Font(name=FONT, bold=True, size=14)
        c.fill = HEAD_FILL
        c.alignment = Alignment(wrap_text=True, vertical="top")
    rows = list(table.rows) + ([table.total] if table.total else [])
    for i, raw in enumerate(rows, 2):
        for j, col in enumerate(cols, 1):
            v = raw.get(col.key)
            if col.numeric:
                # the number rounded as the formatter shows it, with a format of the same decimals:
                # Excel shows the same text as the pages and the PDF (and can still add the cells up)
                c = ws.cell(row=i, column=j, value=fmt.shown_number(col.kind, v))
                c.number_format = fmt.excel_format(col.kind, v)
            elif col.kind in ("status", "pstatus"):
                c = _text(ws, i, j, table.cell(col, v) if v else None)
            else:
                c = _text(ws, i, j, None if v is None else str(v))
            c.font = Font(name=FONT, size=14, bold=raw is table.total)
    for j, (col, label) in enumerate(zip(cols, table.header), 1):
        longest = max([len(label) * 0.9] + [len(str(r.get(col.key) or "")) for r in rows[:200]])
        ws.column_dimensions[get_column_letter(j)].width = max(10, min(60, longest * 1.1 + 2))
    ws.row_dimensions[1].height = 36
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions


def _about(wb: Workbook, report: Report) -> None:
    ws = wb.active
    ws.title = report.t("report.about")[:31]
    tr = report.t
    rows = [(tr("report.col.field"), tr("report.col.field_value")),
            (tr("report.title"), report.report_title), ("", report.organization), ("", report.plan_title),
            (tr("sidebar.fiscal_year"), report.fy_label), (tr("report.as_of_quarter"), report.quarter_label),
            (tr("report.period_covered"), report.covered), ("", report.period_text), ("", report.stamp)]
    if report.proposed_note:
        rows.append(("", report.proposed_note))
    for i, (a, b) in enumerate(rows, 1):
        for j, v in enumerate((a, b), 1):
            c = _text(ws, i, j, v)
            c.font = Font(name=FONT, size=14, bold=i == 1)
            if i == 1:
                c.fill = HEAD_FILL
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 100
    ws.freeze_panes = "A2"


def render(report: Report) -> bytes:
    """The workbook as bytes."""
    wb = Workbook()
    _about(wb, report)
    tr = report.t
    summary = Table("summary", report.form2.title, report.form2.columns + report.goal_table.columns[1:],
                    [{**f, **g} for f, g in zip(report.form2.rows, report.goal_table.rows)], report.lang,
                    report.form2.total)
    _sheet(wb, tr("report.col.goal"), summary)
    _sheet(wb, tr("plan.indicators"), report.indicators)
    _sheet(wb, tr("report.projects.title"), report.projects)
    _sheet(wb, tr("report.budget.title"), report.budget)
    if report.form2_by_strategy is not None:      # the same per strategy (the plan's level-1 name)
        level = report.form2_by_strategy.columns[0].heading(report.lang)
        _sheet(wb, tr("report.sheet.by", level=level), report.form2_by_strategy)
        _sheet(wb, tr("report.sheet.budget_by", level=level), report.budget_by_strategy)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
