"""Meeting mode's slides on the projector (the Streamlit side of the report model's slides).

Projector layout: :func:`projector_style` (static CSS, no data) sets the root font size from the
viewport (16 px at 1280×720, 24 px at 1920×1080; the smaller of width and height decides, so 4:3
screens fit too), so every rem-sized thing (titles, numbers, tables, buttons, the chart's box) scales
and a slide fills the screen the same way at both; it also keeps the demo banner below the header.
Tables are HTML (``st.table``) so their type scales too; the one chart stretches to a box sized in rem.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from tracker import fmt, thai
from tracker import status as S
from tracker.report import content, figures
from tracker.tables import Table
from tracker.ui import frame as ui
from tracker.ui import markup

MAX_ROWS = 8   # table rows of a goal's lists on one slide (the rest is in the report)
#: A paged list's height on one slide, in single-line rows: the slide below its title holds about 16
#: (the type scales with the screen, so the same at 1280×720 and 1920×1080); a row whose text wraps
#: costs more (:func:`row_cost`), so a slide of short rows holds more of them and none is left half empty.
SLIDE_ROW_BUDGET = 14.5
#: display cells of a paged table's columns before their text wraps (measured on the projector layout)
WRAP_CELLS = {"name": 52, "measure": 40, "kind": 20, "goal": 24}


def row_cost(row: dict, cells: Callable[[str], int] = thai.cells) -> float:
    """Height of a table row in single-line rows: 1, and 0.75 for each extra line its longest text needs
    (``cells``: a text's width in display cells)."""
    lines = max([1, *(-(-cells(str(row.get(k) or "")) // n) for k, n in WRAP_CELLS.items())])
    return 1 + 0.75 * (lines - 1)


def spans(rows: list[dict], budget: float = SLIDE_ROW_BUDGET) -> list[tuple[int, int]]:
    """(start, end) of the rows each slide shows: as many as fit ``budget`` (:func:`row_cost`), at least one."""
    out, start, used = [], 0, 0.0
    cells = functools.cache(thai.cells)     # a list repeats its kinds and measures: each text measured once
    for i, row in enumerate(rows):
        cost = row_cost(row, cells)
        if i > start and used + cost > budget:
            out.append((start, i))
            start, used = i, 0.0
        used += cost
    return [*out, (start, len(rows))] if rows else [(0, 0)]


@dataclass(frozen=True)
class Page:
    """One screen of the meeting: a slide of the report model, or part ``part`` of ``parts`` of a slide
    whose list is longer than one screen (the attention list, form 2): never cut, paged; ``span`` is the
    rows it shows."""

    slide: content.Slide
    part: int = 1
    parts: int = 1
    span: tuple[int, int] | None = None

    @property
    def title(self) -> str:
        return self.slide.title + (f" ({self.part}/{self.parts})" if self.parts > 1 else "")


def _paged_table(report: content.Report, slide: content.Slide) -> Table | None:
    if slide.kind == "form2":
        return report.form2
    if slide.kind == "attention":
        return report.attention
    return None


#: each shared report model's screens (:func:`deck`), kept as long as the model is (id -> screens)
_DECKS: dict[int, list[Page]] = {}


def deck(report: content.Report) -> list[Page]:
    """The meeting's screens: the report's slides, a long list spread over as many as it needs (each
    filled to the slide's height, :func:`spans`). Worked out once per model: every session shares the
    cached model (:func:`tracker.ui.frame.load`), and measuring a province's list of what needs attention
    (thousands of rows) on every rerun cost more than drawing the slide."""
    key = id(report)
    pages = _DECKS.get(key)
    if pages is None:
        pages = _DECKS[key] = _deck(report)
        weakref.finalize(report, _DECKS.pop, key, None)     # forgotten with the model (a new revision's)
    return list(pages)


def _deck(report: content.Report) -> list[Page]:
    out = []
    for slide in report.slides:
        t = _paged_table(report, slide)
        if t is None:
            out.append(Page(slide))
            continue
        parts = spans(t.rows)
        out += [Page(slide, k, len(parts), span) for k, span in enumerate(parts, start=1)]
    return out


def projector_style() -> None:
    """The page's static CSS (a literal: no data, no user text)."""
    st.html("""<style>
    html{font-size:clamp(12px,min(1.25vw,2.2222vh),40px)}
    .block-container{padding:4.1rem 3rem .25rem;max-width:100%}
    [data-testid=stMainBlockContainer]{max-width:100%}
    .block-container [data-testid=stAlertContainer]{padding:.45rem 1rem}
    .block-container [data-testid=stAlertContainer] p{font-size:.9rem}
    .st-key-prev button,.st-key-next button{min-height:3rem;font-size:1.2rem;font-weight:600;padding:0 1.2rem}
    .st-key-prev button p,.st-key-next button p{font-size:1.2rem}
    .st-key-slideno p{font-size:1.3rem;font-weight:700;text-align:center;margin:0;line-height:1.3}
    .st-key-stamp p{font-size:.95rem;text-align:center;line-height:1.3;color:#1f2328}
    .st-key-kbd{display:none}
    .st-key-fullscreen button,.st-key-settings button{min-height:3rem}
    .st-key-slide h1{font-size:2.1rem;padding:.2rem 0 .4rem}
    .st-key-slide h2{font-size:1.9rem;padding:0 0 .3rem}
    .st-key-slide [data-testid=stMetricLabel] p{font-size:1.1rem}
    .st-key-slide [data-testid=stMetricValue]{font-size:2.3rem}
    .st-key-slide [data-testid=stMetricDelta] p{font-size:1.05rem}
    .st-key-slide [data-testid=stTable] table{font-size:1rem}
    .st-key-slide [data-testid=stTable] th{font-size:.95rem}
    .st-key-slide [data-testid=stTable] td,.st-key-slide [data-testid=stTable] th{padding:.2rem .6rem;line-height:1.25}
    .st-key-slide [data-testid=stCaptionContainer] p{font-size:.9rem}
    .st-key-cover{padding:4.5rem 0 0 2rem;border-left:.5rem solid #1f5f99;margin-top:2rem}
    .st-key-cover h1{font-size:2.4rem;font-weight:600;color:#1f5f99}
    .st-key-cover h2{font-size:2.7rem;line-height:1.3}
    .st-key-cover p{font-size:1.6rem}
    .st-key-vision p{font-size:1.5rem;font-style:italic;line-height:1.4}
    [class*=st-key-card]{min-height:19rem !important;padding:1rem}
    [class*=st-key-card] p{font-size:1.2rem;line-height:1.35}
    [class*=st-key-card] [data-testid=stMetricLabel] p{font-size:1.05rem}
    .st-key-goalscore [data-testid=stMetricValue]{font-size:2.4rem;line-height:1.1}
    .st-key-goalcov{margin-top:-.9rem}
    .st-key-slide [class*=st-key-status] p{font-size:1.4rem}
    .st-key-status{margin-top:-.6rem}
    [class*=st-key-score] [data-testid=stMetricValue],[class*=st-key-score] [data-testid=stMetricValue] p{font-size:3.2rem;line-height:1.2}
    .st-key-chart{flex:0 0 26rem !important;height:26rem}
    .st-key-chart>div{flex:1 1 0 !important;height:100% !important}
    .st-key-chart [data-testid=stPlotlyChart],.st-key-chart .js-plotly-plot{height:100% !important}
    .st-key-slide [data-testid=stProgress] p{font-size:1.05rem}
    .st-key-settings button{min-height:3rem}
</style>""")


def fullscreen_script() -> None:
    """The full-screen button (``key="fullscreen"``) toggles the browser's full screen, and the two
    icon-only buttons (full screen, settings) are named in the reader's language
    (:func:`tracker.ui.markup.fullscreen_script`)."""
    st.html(markup.fullscreen_script({"fullscreen": ui.t("meeting.fullscreen"), "settings": ui.t("meeting.settings")}),
            unsafe_allow_javascript=True)


def table(t: Table, limit: int = MAX_ROWS, part: int = 1, *, millions: bool = False,
          span: tuple[int, int] | None = None) -> None:
    """An HTML table (its type scales with the screen), numbers right-aligned, the total row bold.

    Shows rows ``limit`` at a time: part ``part`` (1-based); the total row on the last part. A list cut
    short (a goal's top rows) says how many more the report has. ``millions``: money in ล้านบาท as the
    slide's title says (the headings name the amount without a unit), so a slide shows one money unit."""
    start, end = span or ((part - 1) * limit, part * limit)     # a paged list: the rows of its page
    shown = t.rows[start:end]
    last = end >= len(t.rows)
    rows = [*shown, *([t.total] if t.total is not None and last else [])]

    def heading(c) -> str:
        return ui.t(f"money.{c.key}") if millions and c.kind == "money" else c.heading(t.lang)

    def cell(c, value) -> str:
        if millions and c.kind == "money":
            return fmt.figure("money_million", value, lang=t.lang)
        return t.cell(c, value)

    # every cell and heading breaks only between Thai words ("งบตามข้อ|บัญญัติ" was cut by the browser)
    header = [ui.words(heading(c)) for c in t.columns]
    df = pd.DataFrame([[ui.words(cell(c, r.get(c.key))) for c in t.columns] for r in rows], columns=header)
    numeric = [h for c, h in zip(t.columns, header) if c.numeric]
    sty = df.style.hide(axis="index").set_properties(subset=numeric, **{"text-align": "right !important"})
    if t.total is not None:
        sty = sty.set_properties(subset=pd.IndexSlice[df.index[-1:], :], **{"font-weight": "700"})
    st.table(sty)
    if part == 1 and len(t.rows) > limit and t.key not in ("form2", "attention"):
        st.caption(ui.t("meeting.more_items", n=len(t.rows) - limit))


def status_line(status: str, label: str, key: str) -> None:
    """The status in large coloured words with its icon (never colour alone)."""
    st.container(key=key).markdown(f"**:{S.BADGE_COLOURS.get(status, 'gray')}[{label}]**")


def _cover(report: content.Report) -> None:
    with st.container(key="cover"):
        st.title(report.organization)
        st.header(report.report_title)
        st.markdown(f"{report.plan_title} · {report.fy_label}")
        st.markdown(f"{ui.t('report.as_of_quarter')} **{report.quarter_label}**")


def _goals(report: content.Report) -> None:
    st.container(key="vision").markdown(f"“{ui.words(report.vision)}”")
    for col, g in zip(st.columns(len(report.goals)), report.goals):
        with col.container(border=True, key=f"card{g.number}"):
            st.markdown(f"**{ui.t('plan.goal_n', n=g.number)}**  \n{ui.words(g.short)}")
            st.container(key=f"score{g.number}").metric(ui.t("report.metric.score"), g.score_text)
            status_line(g.status, g.status_label, f"status{g.number}")
            st.caption(g.coverage)


def _goal(report: content.Report, g: content.GoalSection) -> None:
    c = g.counts
    cols = st.columns([1.3, 1, 1, 1.4])
    lang = report.lang
    with cols[0]:
        st.container(key="goalscore").metric(ui.t("report.metric.score"), g.score_text)
        status_line(g.status, g.status_label, "status")
        st.container(key="goalcov").caption(g.coverage)
    cols[1].metric(ui.t("report.metric.projects"), fmt.figure("share", (c["funded"], c["in_plan"]), lang=lang))
    cols[2].metric(ui.t("report.metric.completed"), fmt.figure("count", c["completed"], lang=lang))
    with cols[3]:
        st.metric(ui.t("report.metric.disbursed"), fmt.figure("money_million", g.budget["disbursed"], lang=lang))
        st.progress(min(g.disbursement_rate or 0.0, 1.0), ui.t("meeting.disbursed_of", rate=fmt.pct(g.disbursement_rate)))
    a, b = st.columns([3, 2], gap="medium")
    with a:
        # what is expected by this quarter, not the full-year target (that is in the report): the slide
        # compares like with like, and fits a 720-pixel-high screen
        table(g.indicators.pick("name", "expected", "actual", "status"), limit=6)
    with b:
        table(g.projects.pick("name", "allocated", "status", limit=content.TOP_PROJECTS_SLIDE))


def _budget(report: content.Report) -> None:
    a, b = st.columns([3, 2], gap="medium")
    with a.container(key="chart"):
        fig = figures.figure(report.charts[0], report.lang, font_size=18).update_layout(
            height=None, autosize=True, margin_r=120)
        st.plotly_chart(fig, height="stretch", theme=None,
                        config={"displayModeBar": False, "staticPlot": True, "responsive": True})
    with b:
        table(report.budget.pick("goal", "allocated", "disbursed", "disbursement_rate"), millions=True)


def _attention(report: content.Report, span: tuple[int, int] | None) -> None:
    if not report.attention.rows:
        st.success(ui.t("report.attention.none"))
    else:
        table(report.attention.pick("kind", "name", "measure", "value", "reference"), span=span)


def period_banner(report: content.Report) -> None:
    """Every slide says whether its quarter is complete, incomplete (with what reported) or not begun."""
    state = report.period_state
    if state["state"] == "future":
        st.info(ui.plain(report.period_text), icon=":material/event_upcoming:")
    elif not state["complete"]:
        st.warning(ui.plain(report.period_text), icon=":material/hourglass_top:")


def draw(report: content.Report, page: Page) -> None:
    """One screen of the meeting (:func:`deck`) on the projector."""
    slide = page.slide
    with st.container(key="slide"):
        if slide.kind == "title":
            _cover(report)
            period_banner(report)
            return
        title = page.title
        if slide.kind == "budget":      # one money unit on the slide, named in its title (chart and table)
            title += f" ({fmt.money_unit('money_million', report.lang)})"
        st.header(ui.words(title), anchor=False)
        period_banner(report)
        if slide.kind == "goals":
            _goals(report)
        elif slide.kind == "goal":
            _goal(report, slide.goal)
        elif slide.kind == "budget":
            _budget(report)
        elif slide.kind == "form2":
            table(report.form2, span=page.span)
        elif slide.kind == "attention":
            _attention(report, page.span)
