"""The monitoring report as PDF (รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น), A4, Thai font embedded.

Pages, in order (:data:`LAYOUT`): cover; part 1 vision, missions and goals; part 2 the per-goal
follow-up tables (แบบที่ 2, goal scores, budget) on a landscape page; part 3 one page per goal
(indicators with target, actual and status; largest projects); part 4 charts; part 5 items needing
attention; the method as an appendix. Every page after the cover has the page number and the
data-as-of / pinned stamp in its footer. fpdf2 with HarfBuzz shaping; Thai lines break between words
(:mod:`tracker.thai`). Charts are kaleido PNGs of :mod:`tracker.report.figures` when a
browser is available, else drawn natively.
"""

from __future__ import annotations

import io
import logging

from fpdf import FPDF

from tracker import fmt
from tracker import status as S
from tracker import thai
from tracker.report import fonts
from tracker.report.content import Chart, Report
from tracker.tables import Table

log = logging.getLogger(__name__)

LAYOUT = ("cover", "plan", "results", "goal×N", "charts", "attention", "method")
FAMILY = "Sarabun"
MARGIN = 15
INK = (33, 37, 41)
MUTED = (100, 105, 110)
HEAD_FILL = (226, 234, 243)
TOTAL_FILL = (242, 242, 242)
STATUS_RGB = {k: tuple(int(v[i:i + 2], 16) for i in (1, 3, 5)) for k, v in {**S.COLOURS, **S.PROJECT_COLOURS}.items()}


class _PDF(FPDF):
    def __init__(self, report: Report, total_pages: int | None):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report, self.total_pages = report, total_pages
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=18)
        for style in fonts.FONT_FILES:
            self.add_font(FAMILY, style, str(fonts.font_file(style)))
        self.set_text_shaping(use_shaping_engine=True, script="thai", language="tha")
        self.set_title(report.report_title)
        self.set_author(report.organization)
        self.set_creator("tracker (python -m tracker report)")
        self.set_lang("th-TH" if report.lang == "th" else "en")

    def footer(self):
        if self.page_no() == 1:
            return
        self.set_y(-13)
        self.set_font(FAMILY, "", 9)
        self.set_text_color(*MUTED)
        r = self.report
        page = r.t("report.page_n", n=self.page_no(), total=self.total_pages or "")
        w = self.epw - self.get_string_width(page) - 4
        stamp = f"{r.organization} · {r.fy_label} {r.t('report.as_of_quarter')} {r.quarter_label} · {r.stamp}"
        lines = self.wrap(stamp, w)
        self.set_x(self.l_margin)
        self.cell(w, 4.2, lines[0] + (" …" if len(lines) > 1 else ""))
        self.cell(0, 4.2, page, align="R")
        self.set_text_color(*INK)

    # ------------------------------------------------------------ text helpers

    def wrap(self, text: str, width: float) -> list[str]:
        """Lines of ``text`` in the current font no wider than ``width`` mm: broken between Thai words
        (:func:`tracker.thai.wrap`), a word wider than the line cut between character clusters."""
        return thai.wrap(str(text), width, measure=self.get_string_width, hard=True)

    def font(self, size: float, bold: bool = False):
        self.set_font(FAMILY, "B" if bold else "", size)

    def para(self, text: str, size: float = 14, bold: bool = False, h: float | None = None, indent: float = 0,
             align: str = "L", colour=INK):
        """A wrapped paragraph with our Thai line breaking."""
        self.font(size, bold)
        self.set_text_color(*colour)
        h = h or size * 0.47
        for line in self.wrap(text, self.epw - indent):
            if self.will_page_break(h):
                self.add_page(orientation=self.cur_orientation)
            self.set_x(self.l_margin + indent)
            self.cell(self.epw - indent, h, line, align=align, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)

    def heading(self, text: str, size: float = 18):
        self.para(text, size, bold=True)
        y = self.get_y() + 0.5
        self.set_draw_color(0, 114, 178)
        self.set_line_width(0.5)
        self.line(self.l_margin, y, self.l_margin + self.epw, y)
        self.set_line_width(0.2)
        self.set_draw_color(0, 0, 0)
        self.ln(3)

    # ------------------------------------------------------------ tables

    def _widest_word(self, text: str) -> float:
        """Width of the widest unbreakable piece of ``text`` (:func:`tracker.thai.pieces`) in the current font."""
        return max((self.get_string_width(p) for p in thai.pieces(str(text))), default=0.0)

    def table(self, table: Table, size: float = 11, *, title: bool = True, with_total: bool = True):
        """Draw ``table`` full width: wrapped cells, header repeated on a page break, status as a
        coloured marker beside its words (never colour alone)."""
        if title:
            self.para(table.title, size + 2, bold=True)
            self.ln(1)
        if not table.rows:
            self.para(fmt.DASH, size)
            return
        total_w = sum(c.width for c in table.columns)
        widths = [self.epw * c.width / total_w for c in table.columns]
        lh = size * 0.42
        pad = 1.0 if size < 10.5 else 1.2
        # no column narrower than its widest word: header words (bold) and cell words (numbers, codes)
        self.font(size, True)
        minimum = [self._widest_word(h) for h in table.header]
        self.font(size, False)
        for raw in [*table.rows, *([table.total] if table.total is not None else [])]:
            for i, (txt, k) in enumerate(zip(self._cells(table, raw), self._status_keys(table, raw))):
                minimum[i] = max(minimum[i], self._widest_word(txt) + (3.2 if k else 0))
        widths = _fit_widths(widths, [m + 2 * pad + 0.5 for m in minimum])

        def draw(texts, bold, fill, status_keys):
            self.font(size, bold)
            lines = [self.wrap(txt, w - 2 * pad - (3.2 if k else 0))
                     for txt, w, k in zip(texts, widths, status_keys)]
            h = max(len(ls) for ls in lines) * lh + 2 * pad
            if self.will_page_break(h):
                self.add_page(orientation=self.cur_orientation)
                if not header_row:
                    draw_header()
            x0, y0 = self.l_margin, self.get_y()
            x = x0
            for col, w, ls, k in zip(table.columns, widths, lines, status_keys):
                if fill:
                    self.set_fill_color(*fill)
                self.rect(x, y0, w, h, style="DF" if fill else "D")
                tx = x + pad
                if k:
                    self.set_fill_color(*STATUS_RGB.get(k, (153, 153, 153)))
                    self.ellipse(tx, y0 + pad + lh / 2 - 1.2, 2.4, 2.4, style="F")
                    tx += 3.2
                align = "R" if col.numeric and not header_row else "L"
                for i, line in enumerate(ls):
                    self.set_xy(tx, y0 + pad + i * lh)
                    self.cell(x + w - pad - tx, lh, line, align=align)
                x += w
            self.set_xy(x0, y0 + h)

        def draw_header():
            nonlocal header_row
            header_row = True
            draw(table.header, True, HEAD_FILL, [None] * len(table.columns))
            header_row = False

        header_row = False
        self.set_draw_color(170, 170, 170)
        self.set_line_width(0.15)
        draw_header()
        for raw in table.rows:
            draw(self._cells(table, raw), False, None, self._status_keys(table, raw))
        if with_total and table.total is not None:
            draw(self._cells(table, table.total), True, TOTAL_FILL, [None] * len(table.columns))
        self.set_draw_color(0, 0, 0)
        self.ln(3)

    @staticmethod
    def _status_keys(table: Table, raw: dict) -> list[str | None]:
        return [raw.get(c.key) if c.kind in ("status", "pstatus") else None for c in table.columns]

    @staticmethod
    def _cells(table: Table, raw: dict) -> list[str]:
        """Formatted cells; statuses as words only (the font has no icon glyphs: a marker is drawn)."""
        out = []
        for c in table.columns:
            out.append(fmt.cell(c.kind, raw.get(c.key), table.lang, icon=False))
        return out

    # ------------------------------------------------------------ charts

    def chart(self, chart: Chart, png: bytes | None, height: float = 95):
        self.para(chart.title, 13, bold=True)
        if png:
            self.image(io.BytesIO(png), x=self.l_margin, w=self.epw)
            self.ln(3)
            return
        self.bar_chart(chart, height)

    def bar_chart(self, chart: Chart, height: float):
        """Native horizontal bar chart: one group per category, labelled values."""
        n_series = 1 if chart.stacked else len(chart.series)
        bar_h = 3.6
        group_h = max(n_series * bar_h + 3, 10)
        label_w = 64
        x0 = self.l_margin + label_w
        plot_w = self.epw - label_w - 28
        if chart.stacked:
            vmax = max([sum(vals) for vals in zip(*[s[1] for s in chart.series])] or [0])
        else:
            vmax = max([v for s in chart.series for v in s[1]] or [0])
        vmax = vmax or 1.0
        # legend
        self.font(10)
        x = self.l_margin
        for name, _, colour in chart.series:
            self.set_fill_color(*_rgb(colour))
            self.rect(x, self.get_y() + 1, 3, 3, style="F")
            self.set_xy(x + 4, self.get_y())
            self.cell(self.get_string_width(name) + 2, 5, name)
            x += self.get_string_width(name) + 10
        self.ln(7)
        need = group_h * len(chart.categories) + 4
        if self.will_page_break(need):
            self.add_page(orientation=self.cur_orientation)
        y = self.get_y()
        for i, cat in enumerate(chart.categories):
            gy = y + i * group_h
            self.font(9)
            lines = self.wrap(cat, label_w - 2)[:2]
            for j, line in enumerate(lines):
                self.set_xy(self.l_margin, gy + j * 4)
                self.cell(label_w - 2, 4, line)
            if chart.stacked:
                bx = x0
                for name, vals, colour in chart.series:
                    w = plot_w * vals[i] / vmax
                    if w > 0:
                        self.set_fill_color(*_rgb(colour))
                        self.rect(bx, gy, w, bar_h, style="F")
                    bx += w
                total = sum(s[1][i] for s in chart.series)
                self.set_xy(bx + 1, gy - 0.3)
                self.font(9)
                self.cell(26, bar_h, chart.value_text(total, self.report.lang))
            else:
                for k, (name, vals, colour) in enumerate(chart.series):
                    by = gy + k * bar_h
                    w = plot_w * vals[i] / vmax
                    self.set_fill_color(*_rgb(colour))
                    if w > 0:
                        self.rect(x0, by, w, bar_h - 0.6, style="F")
                    self.set_xy(x0 + w + 1, by - 0.4)
                    self.font(8)
                    self.cell(26, bar_h, chart.value_text(vals[i], self.report.lang))
        self.set_draw_color(150, 150, 150)
        self.line(x0, y - 1, x0, y + group_h * len(chart.categories))
        self.set_draw_color(0, 0, 0)
        self.set_y(y + group_h * len(chart.categories) + 4)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def chart_images(report: Report, mode: str = "auto") -> dict[str, bytes]:
    """PNG of each chart via kaleido (Debian chromium), or {} when ``mode="native"`` or export fails."""
    if mode == "native":
        return {}
    try:
        from tracker.report import figures

        return figures.to_png({c.key: figures.figure(c, report.lang) for c in report.charts})
    except Exception as exc:  # no browser, kaleido error: draw the charts natively instead
        if mode == "image":
            raise
        log.warning("chart image export failed, drawing native charts: %s", exc)
        return {}


def _render(report: Report, images: dict[str, bytes], total: int | None) -> _PDF:
    pdf = _PDF(report, total)
    tr = report.t
    # cover
    pdf.add_page()
    pdf.set_y(55)
    pdf.para(report.organization, 24, bold=True, align="C", h=12)
    pdf.para(report.place, 16, align="C", h=8)
    pdf.ln(14)
    pdf.para(report.report_title, 22, bold=True, align="C", h=11)
    pdf.para(f"{report.plan_title}", 18, align="C", h=9)
    pdf.ln(8)
    pdf.para(f"{report.fy_label} · {tr('report.as_of_quarter')} {report.quarter_label}", 16, align="C", h=8)
    pdf.para(f"{tr('report.period_covered')} {report.covered}", 16, align="C", h=8)
    pdf.para(report.period_text, 13, align="C", h=7)
    pdf.ln(20)
    pdf.para(tr("report.prepared_by"), 14, align="C", h=7)
    pdf.para(report.stamp, 12, align="C", h=6, colour=MUTED)
    if report.proposed_note:
        pdf.set_y(245)
        pdf.para(report.proposed_note, 10, h=5, colour=MUTED)
    # part 1: vision, missions, goals
    pdf.add_page()
    pdf.heading(tr("report.section.plan"))
    pdf.para(tr("plan.vision"), 15, bold=True)
    pdf.para(f"“{report.vision}”", 14, indent=6)
    pdf.ln(3)
    pdf.para(tr("plan.missions"), 15, bold=True)
    for n, text in report.missions:
        pdf.para(f"{n}. {text}", 13, indent=6)
    pdf.ln(3)
    pdf.para(tr("plan.goals"), 15, bold=True)
    for g in report.goals:
        pdf.para(f"{tr('plan.goal_n', n=g.number)} ({g.short})", 13, bold=True, indent=6)
        pdf.para(g.text, 13, indent=12)
    # part 2: the follow-up tables, landscape
    pdf.add_page(orientation="L")
    pdf.heading(tr("report.section.results"))
    pdf.para(report.period_text, 11, colour=MUTED)
    pdf.table(report.form2, 9.5)
    pdf.table(report.goal_table, 9.5)
    pdf.table(report.budget, 9.5)
    # part 3: one page per goal
    for i, g in enumerate(report.goals):
        pdf.add_page(orientation="P")
        if i == 0:
            pdf.heading(tr("report.section.goals"))
        pdf.para(g.title, 16, bold=True)
        pdf.para(g.text, 12, colour=MUTED)
        pdf.ln(2)
        c, lang = g.counts, report.lang
        pdf.para(f"{tr('report.metric.score')}: {g.score_text} · {fmt.status(g.status, lang, icon=False)}"
                 f" · {g.coverage}"
                 f" · {tr('report.metric.projects')}: {fmt.figure('share', (c['funded'], c['in_plan']), lang=lang)}"
                 f" · {tr('report.metric.completed')}: {fmt.figure('count', c['completed'], lang=lang)}"
                 f" · {tr('report.metric.disbursed')}: {fmt.figure('money_million', g.budget['disbursed'], lang=lang)}"
                 f" ({fmt.pct(g.disbursement_rate)})", 12, bold=True)
        pdf.para(tr("report.metric.expected_note"), 10, colour=MUTED)
        pdf.ln(2)
        pdf.table(g.indicators, 10.5)
        pdf.table(g.projects, 10.5)
    # part 4: charts
    pdf.add_page(orientation="P")
    pdf.heading(tr("report.section.charts"))
    for chart in report.charts:
        pdf.chart(chart, images.get(chart.key))
    # part 5: attention
    pdf.add_page()
    pdf.heading(tr("report.section.attention"))
    if report.attention.rows:
        pdf.table(report.attention, 10.5, title=False)
    else:
        pdf.para(tr("report.attention.none"), 13)
    # appendix: method
    pdf.add_page()
    pdf.heading(tr("report.section.method"))
    for i, text in enumerate(report.method, 1):
        pdf.para(f"{i}. {text}", 13, indent=0)
        pdf.ln(1.5)
    return pdf


def render(report: Report, *, charts: str = "auto") -> bytes:
    """The PDF as bytes. ``charts``: ``auto`` (images if possible), ``image`` (must), ``native``.

    Rendered twice: the first pass counts the pages for the "page n of N" footer."""
    images = chart_images(report, charts)
    total = _render(report, images, None).pages_count
    pdf = _render(report, images, total)
    return bytes(pdf.output())


def _fit_widths(widths: list[float], minimum: list[float]) -> list[float]:
    """Column widths widened to ``minimum`` (a header word must not be split), the room taken from
    columns wider than their minimum in proportion to their slack; unchanged if there is no room."""
    deficit = sum(max(0.0, m - w) for w, m in zip(widths, minimum))
    slack = [max(0.0, w - m) for w, m in zip(widths, minimum)]
    if deficit <= 0 or sum(slack) < deficit:
        return widths
    share = deficit / sum(slack)
    return [m if w < m else w - s * share for w, m, s in zip(widths, minimum, slack)]

