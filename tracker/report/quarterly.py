"""The quarterly monitoring report (the reports and meeting pages' PDF) as a block
:class:`~tracker.report.blocks.Document`, printed by Chromium (:mod:`tracker.report.html_pdf`): the
Thai text layer is exact, so copying, searching and screen readers get the text as written.

Chapters, from the report model (:mod:`tracker.report.content`, so the PDF says what the slides, the
XLSX and the PPTX say): cover; part 1 vision, missions and goals; part 2 the follow-up tables
(แบบที่ 2 per goal and per strategy, goal scores, money per goal and per strategy) on landscape pages;
part 3 a landscape page per goal (its figures in one line, indicators with target, expected, actual and status,
largest projects); part 4 charts; part 5 items needing attention; the method as an appendix. Every page
carries the organization, period and data-as-of stamp, "หน้า n/N", and the demo marking while demo data
is loaded.
"""

from __future__ import annotations

from tracker import fmt
from tracker.report import blocks as B
from tracker.report.content import Report
from tracker.tables import Table


def block_table(table: Table, *, font_size: float | None = None, with_total: bool = True,
                caption: bool = True) -> B.Table:
    """A report-model table as a document table: every cell written by the one formatter, numbers
    kept beside their text (for a spreadsheet), numbers right-aligned, the total row last."""
    cols = tuple(B.Column(c.heading(table.lang), "right" if c.numeric else "left", c.width) for c in table.columns)
    raws = list(table.rows) + ([table.total] if with_total and table.total is not None else [])
    rows = tuple(tuple(B.number(c.kind, raw.get(c.key), table.lang) if c.numeric else table.cell(c, raw.get(c.key))
                       for c in table.columns) for raw in raws)
    return B.Table(cols, rows, caption=table.title if caption else "", font_size=font_size,
                   total_rows=1 if with_total and table.total is not None else 0)


def goal_line(report: Report, g) -> str:
    """A goal's figures in one line: score, status, coverage, projects funded of the plan, completed,
    money disbursed (ล้านบาท, named by its label) and the disbursement rate."""
    tr, lang, c = report.t, report.lang, g.counts
    return (f"{tr('report.metric.score')}: {g.score_text} · {g.status_label} · {g.coverage}"
            f" · {tr('report.metric.projects')}: {fmt.figure('share', (c['funded'], c['in_plan']), lang=lang)}"
            f" · {tr('report.metric.completed')}: {fmt.figure('count', c['completed'], lang=lang)}"
            f" · {tr('report.metric.disbursed')}: {fmt.figure('money_million', g.budget['disbursed'], lang=lang)}"
            f" ({fmt.pct(g.disbursement_rate)})")      # the label names the unit (ล้านบาท)


def _cover(report: Report) -> list[B.Block]:
    tr = report.t
    out: list[B.Block] = []
    if report.demo:
        out.append(B.Paragraph(tr("me.demo_mark"), style="center", bold=True))
    out += [B.Paragraph(report.organization, style="title"), B.Paragraph(report.place, style="center"),
            B.Paragraph(report.report_title, style="title"), B.Paragraph(report.plan_title, style="subtitle"),
            B.Paragraph(f"{report.fy_label} · {tr('report.as_of_quarter')} {report.quarter_label}", style="subtitle"),
            B.Paragraph(f"{tr('report.period_covered')} {report.covered}", style="center"),
            B.Paragraph(report.period_text, style="center"),
            B.Paragraph(tr("report.prepared_by"), style="center"), B.Paragraph(report.stamp, style="center")]
    if report.proposed_note:
        out.append(B.Paragraph(report.proposed_note, style="small"))
    return out + [B.PageBreak()]


def _plan(report: Report) -> list[B.Block]:
    tr = report.t
    out: list[B.Block] = [B.Heading(tr("report.section.plan"), 1), B.Paragraph(tr("plan.vision"), bold=True),
                          B.Paragraph(f"“{report.vision}”")]
    if report.missions:
        out += [B.Paragraph(tr("plan.missions"), bold=True), B.NumberedList(tuple(text for _, text in report.missions))]
    out.append(B.Paragraph(tr("plan.goals"), bold=True))
    for g in report.goals:
        out += [B.Paragraph(f"{tr('plan.goal_n', n=g.number)} ({g.short})", bold=True), B.Paragraph(g.text)]
    return out


def _results(report: Report) -> list[B.Block]:
    tr = report.t
    tables = [report.form2, report.goal_table, report.budget]
    tables += [t for t in (report.form2_by_strategy, report.budget_by_strategy) if t is not None]
    return [B.Landscape((B.Heading(tr("report.section.results"), 1), B.Paragraph(report.period_text, style="small"),
                         *[block_table(t, font_size=9) for t in tables]))]


def _goals(report: Report) -> list[B.Block]:
    """A landscape page per goal: its indicator table has nine columns, and a figure never wraps."""
    tr = report.t
    out: list[B.Block] = [B.Heading(tr("report.section.goals"), 1, page_break_before=True)]
    for i, g in enumerate(report.goals):
        out += [B.Heading(g.title, 2, page_break_before=i > 0), B.Paragraph(g.text, style="small"),
                B.Paragraph(goal_line(report, g), bold=True),
                B.Paragraph(tr("report.metric.expected_note"), style="small"),
                block_table(g.indicators, font_size=10), block_table(g.projects, font_size=10)]
    return [B.Landscape(tuple(out))]


def _charts(report: Report) -> list[B.Block]:
    from tracker.report import figures

    out: list[B.Block] = [B.Heading(report.t("report.section.charts"), 1, page_break_before=True)]
    for chart in report.charts:
        out.append(B.Figure(figures.figure(chart, report.lang), caption=chart.title, alt=chart.title,
                            width_mm=170, height_mm=min(220, 30 + 18 * len(chart.categories))))
    return out


def document(report: Report) -> B.Document:
    """The report model as the document the PDF prints."""
    tr = report.t
    attention: list[B.Block] = [B.Heading(tr("report.section.attention"), 1, page_break_before=True)]
    if report.attention.rows:     # seven columns of words: landscape
        attention.append(block_table(report.attention, font_size=10, caption=False))
    else:
        attention.append(B.Paragraph(tr("report.attention.none")))
    blocks: list[B.Block] = [*_cover(report), *_plan(report), *_results(report), *_goals(report), *_charts(report),
                             B.Landscape(tuple(attention))]
    blocks += [B.Heading(tr("report.section.method"), 1, page_break_before=True), B.NumberedList(tuple(report.method))]
    return B.Document(title=f"{report.report_title} {report.fy_label} {report.quarter_label}", blocks=blocks,
                      lang=report.lang, author=report.organization, header=tr("me.demo_mark") if report.demo else "",
                      footer=f"{report.organization} · {report.fy_label} {tr('report.as_of_quarter')} "
                             f"{report.quarter_label} · {report.stamp}")
