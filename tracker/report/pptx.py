"""The meeting slides as a PowerPoint deck (16:9): the same slides as meeting mode, the same figures.

One slide per :attr:`Report.slides` entry. Charts are native PowerPoint charts (editable), tables
native tables; every run names the Thai font (latin and complex-script typefaces), and every slide
carries the data-as-of / pinned stamp and its number.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from tracker import fmt, thai
from tracker.report.content import TOP_PROJECTS_SLIDE, Chart, Report, Slide, Table
from tracker.report.fonts import OFFICE_FONT

W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
INK = RGBColor(0x21, 0x25, 0x29)
MUTED = RGBColor(0x64, 0x69, 0x6E)


_FONT_TAGS = tuple(qn(tag) for tag in ("a:solidFill", "a:latin", "a:ea", "a:cs"))


def run_font(run, size: float, bold: bool = False, colour: RGBColor = INK) -> None:
    """Size, weight, colour and the Thai font of a run, written straight into its ``a:rPr`` (python-pptx's
    font properties cost a schema lookup each: a deck of a thousand cells took seconds). Thai is a complex
    script: PowerPoint reads the ``cs`` typeface, so the font is named for Latin, East Asian and complex
    script alike."""
    rpr = run._r.get_or_add_rPr()
    rpr.set("sz", str(int(round(size * 100))))
    rpr.set("b", "1" if bold else "0")
    for child in [c for c in rpr if c.tag in _FONT_TAGS]:
        rpr.remove(child)
    fill = rpr.makeelement(qn("a:solidFill"), {})
    fill.append(fill.makeelement(qn("a:srgbClr"), {"val": str(colour)}))
    rpr.insert(0, fill)                 # the schema's order: fill, …, latin, ea, cs
    for tag in ("a:latin", "a:ea", "a:cs"):
        rpr.append(rpr.makeelement(qn(tag), {"typeface": OFFICE_FONT}))


def _text(slide, x, y, w, h, lines, size=20, bold=False, colour=INK, align=None):
    box = slide.shapes.add_textbox(x, y, w, h)
    tf = box.text_frame
    tf.word_wrap = True
    for i, line in enumerate([lines] if isinstance(lines, str) else lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if align is not None:
            p.alignment = align
        text, s, b = (line, size, bold) if isinstance(line, str) else line
        run_font(_run(p, text), s, b, colour)
    return box


def slide_text(text: str) -> str:
    """Text as PowerPoint and LibreOffice should lay it out: a Thai line breaks only between the segmenter's
    words (:func:`tracker.thai.locked_breaks`: word joiners inside a word, zero-width spaces between words;
    both programs' own Thai dictionaries split compounds such as "ข้อ|บัญญัติ", "สิ่ง|แวดล้อม"). The joiners go
    only between Thai characters (``markdown=True``), so numbers and codes stay exactly as written."""
    return thai.locked_breaks(text, markdown=True)


def _run(p, text):
    r = p.add_run()
    r.text = slide_text(text)
    return r


BODY_BOTTOM = H - Inches(0.8)    # above the period line and the stamp
SMALLEST = 10                     # points: a table steps down to this size to fit its room


def _layout(table: Table, texts, w, size: float, with_total: bool):
    """Column widths and row heights (EMU) of ``table`` at ``size``: no column narrower than its longest
    word, every row as tall as its cells wrapped between Thai words in the font LibreOffice draws
    (:mod:`tracker.report.pptx_kit`; LibreOffice never grows a row to fit its text)."""
    from tracker.report import fonts
    from tracker.report.pptx_kit import CELL_MARGIN_X, row_height

    header = list(table.header)
    floor = [Pt(max(fonts.widest_piece([h], size, True), fonts.widest_piece([r[j] for r in texts], size, True)) + 1)
             + 2 * CELL_MARGIN_X for j, h in enumerate(header)]
    widths = [int(v) for v in fonts.fit_widths([c.width for c in table.columns], floor, w)]
    heights = [row_height(r, widths, size, bold=i == 0 or (with_total and table.total is not None and i == len(texts)))
               for i, r in enumerate([header, *texts])]
    return widths, heights


def _table(slide, table: Table, x, y, w, *, size=14, rows=None, with_total=True, bottom=BODY_BOTTOM):
    """``table`` at (x, y), ``w`` wide, its rows measured; a table too tall for the room above ``bottom``
    steps down in size (to :data:`SMALLEST` points). Returns the shape (its height is the rows' sum)."""
    texts = rows if rows is not None else table.text_rows(with_total=with_total)
    widths, heights = _layout(table, texts, w, size, with_total)
    while sum(heights) > bottom - y and size > SMALLEST:
        size -= 1
        widths, heights = _layout(table, texts, w, size, with_total)
    shape = slide.shapes.add_table(len(texts) + 1, len(table.columns), x, y, w, Emu(sum(heights)))
    tbl = shape.table
    for j, width in enumerate(widths):
        tbl.columns[j].width = Emu(width)
    for i, h in enumerate(heights):
        tbl.rows[i].height = Emu(h)
    for i, row in enumerate([table.header, *texts]):
        for j, text in enumerate(row):
            c = tbl.cell(i, j)
            c.text = ""
            p = c.text_frame.paragraphs[0]
            run_font(_run(p, text), size, bold=i == 0 or (with_total and table.total is not None and i == len(texts)))
            c.margin_top = c.margin_bottom = Pt(2)
    return shape


def attention_pages(report: Report, *, size: float = 14) -> list[list]:
    """The attention list's rows cut into slides by their measured height (every row on one slide, in order)."""
    a = report.attention
    texts = a.text_rows()
    if not texts:
        return [[]]
    widths, heights = _layout(a, texts, W - 2 * MARGIN, size, False)
    room = BODY_BOTTOM - Inches(1.3) - heights[0]
    pages, part, used = [], [], 0
    for row, h in zip(texts, heights[1:]):
        if part and used + h > room:
            pages.append(part)
            part, used = [], 0
        part.append(row)
        used += h
    return [*pages, part]


def _chart(slide, chart: Chart, x, y, w, h, size=14):
    data = CategoryChartData()
    data.categories = [slide_text(c) for c in chart.categories]   # a long goal name wraps between words only
    for name, values, _ in chart.series:   # rounded as the formatter writes them (millions for money)
        data.add_series(name, chart.shown_values(values))
    kind = XL_CHART_TYPE.BAR_STACKED if chart.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    gframe = slide.shapes.add_chart(kind, x, y, w, h, data)
    ch = gframe.chart
    ch.has_legend = len(chart.series) > 1
    if ch.has_legend:
        ch.legend.position = XL_LEGEND_POSITION.TOP
        ch.legend.include_in_layout = False
        ch.legend.font.size = Pt(size)
        ch.legend.font.name = OFFICE_FONT
    ch.font.size = Pt(size)
    ch.font.name = OFFICE_FONT
    ch.has_title = True                 # the chart says its one unit ("(ล้านบาท)") where the slide does not
    para = ch.chart_title.text_frame.paragraphs[0]
    run_font(_run(para, chart.title), size, bold=True)
    ch.category_axis.reverse_order = True
    plot = ch.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = fmt.excel_format("money_million" if chart.kind == "money" else chart.kind)
    plot.data_labels.number_format_is_linked = False
    for (name, _, colour), series in zip(chart.series, plot.series):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(colour.lstrip("#"))
    return gframe


def _frame(prs, report: Report, slide: Slide, n: int, total: int):
    s = prs.slides.add_slide(prs.slide_layouts[6])
    if slide.kind != "title":
        _text(s, MARGIN, Inches(0.3), W - 2 * MARGIN, Inches(0.9), slide.title, 34, bold=True)
    _text(s, MARGIN, H - Inches(0.75), W - Inches(2.5), Inches(0.3), report.period_text, 12,
          bold=not report.period_state["complete"], colour=INK if not report.period_state["complete"] else MUTED)
    _text(s, MARGIN, H - Inches(0.5), W - Inches(2.5), Inches(0.4),
          f"{report.organization} · {report.fy_label} · {report.quarter_label} · {report.stamp}", 11, colour=MUTED)
    _text(s, W - Inches(2), H - Inches(0.5), Inches(1.5), Inches(0.4),
          report.t("meeting.slide_n", n=n, total=total), 12, colour=MUTED)
    return s


def goal_line(report: Report, g) -> str:
    """The goal's figures in one line (slides and the deck): score, status, coverage, projects, money."""
    tr, lang, c = report.t, report.lang, g.counts
    return (f"{tr('report.metric.score')} {g.score_text} · {g.status_label} · {g.coverage} · "
            f"{tr('report.metric.projects')} {fmt.figure('share', (c['funded'], c['in_plan']), lang=lang)} · "
            f"{tr('report.metric.completed')} {fmt.figure('count', c['completed'], lang=lang)} · "
            f"{tr('meeting.disbursed_of', rate=fmt.pct(g.disbursement_rate))}")


def _goal_slide(s, report: Report, g) -> None:
    tr = report.t
    _text(s, MARGIN, Inches(1.15), W - 2 * MARGIN, Inches(0.6), [(goal_line(report, g), 17, True)])
    _table(s, g.indicators.pick("name", "target", "expected", "actual", "status"), MARGIN, Inches(1.85),
           Inches(7.6), size=12)
    proj = g.projects.pick("name", "allocated", "status", limit=TOP_PROJECTS_SLIDE)
    _text(s, Inches(8.4), Inches(1.75), Inches(4.4), Inches(0.4), tr("report.top_projects", n=TOP_PROJECTS_SLIDE), 14,
          bold=True)
    top = Inches(2.2)
    if proj.rows:          # the chart goes below the table, however tall its wrapped rows made it
        shape = _table(s, proj, Inches(8.4), top, Inches(4.4), size=11, bottom=Inches(4.4))
        top = shape.top + shape.height + Inches(0.1)
    _chart(s, g.budget_chart, Inches(8.4), top, Inches(4.4), BODY_BOTTOM - top, size=11)


def render(report: Report) -> bytes:
    """The deck as bytes: one slide per entry of ``report.slides``."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    tr = report.t
    deck = []
    pages = {}
    for slide in report.slides:       # after the per-goal form 2 and budget, the same per strategy
        if slide.kind == "attention":  # the attention list on as many slides as its rows need, never cut
            for i, rows in enumerate(attention_pages(report)):
                deck.append(Slide("attention", slide.title if i == 0 else tr("pptx.continued", title=slide.title)))
                pages[len(deck) - 1] = rows
            continue
        deck.append(slide)
        extra = {"form2": report.form2_by_strategy, "budget": report.budget_by_strategy}.get(slide.kind)
        if extra is not None:
            deck.append(Slide(f"{slide.kind}_strategy", extra.title))
    total = len(deck)
    for n, slide in enumerate(deck, 1):
        s = _frame(prs, report, slide, n, total)
        if slide.kind == "title":
            _text(s, MARGIN, Inches(1.3), W - 2 * MARGIN, Inches(4.5), [
                (report.organization, 40, True), (report.report_title, 30, True), (report.plan_title, 24, False),
                (f"{report.fy_label} · {tr('report.as_of_quarter')} {report.quarter_label}", 24, False),
                (report.stamp, 18, False)])
        elif slide.kind == "goals":
            _text(s, MARGIN, Inches(1.2), W - 2 * MARGIN, Inches(0.9), f"“{report.vision}”", 20)
            rows = [[f"{g.number}. {g.short}", g.status_label, g.score_text, g.coverage] for g in report.goals]
            gt = report.goal_table
            _table(s, Table("g", "", [gt.columns[0], gt.columns[3], gt.columns[1], gt.columns[2]], [], report.lang),
                   MARGIN, Inches(2.3), W - 2 * MARGIN, size=18, rows=rows)
        elif slide.kind == "goal":
            _goal_slide(s, report, slide.goal)
        elif slide.kind == "budget":
            _chart(s, report.charts[0], MARGIN, Inches(1.2), Inches(7.2), Inches(5.6))
            b = report.budget.pick("goal", "allocated", "disbursed", "disbursement_rate")
            _table(s, b, Inches(7.9), Inches(1.4), Inches(4.9), size=12)
        elif slide.kind == "form2":
            _table(s, report.form2, MARGIN, Inches(1.3), W - 2 * MARGIN, size=13)
        elif slide.kind == "form2_strategy":
            _table(s, report.form2_by_strategy, MARGIN, Inches(1.3), W - 2 * MARGIN, size=13)
        elif slide.kind == "budget_strategy":
            _table(s, report.budget_by_strategy.pick("strategy", "planned", "allocated", "committed", "disbursed",
                                                     "disbursement_rate"), MARGIN, Inches(1.3), W - 2 * MARGIN, size=14)
        elif slide.kind == "attention":
            a = report.attention
            if not a.rows:
                _text(s, MARGIN, Inches(1.5), W - 2 * MARGIN, Inches(1), tr("report.attention.none"), 24)
            else:
                _table(s, a, MARGIN, Inches(1.3), W - 2 * MARGIN, size=14, rows=pages[n - 1], with_total=False)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
