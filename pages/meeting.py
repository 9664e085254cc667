"""ประชุมสภา — council meeting mode: one idea per slide on the projector, previous / next, the
data-as-of and pinned-snapshot stamp on every slide; downloads of the same slides and report.

Projector layout: the page's CSS (static, below) sets the root font size from the viewport, so every
rem-sized thing (titles, numbers, tables, buttons, the chart's box) is 1.5× larger at 1920×1080 than
at 1280×720 and a slide fills the screen the same way at both. Tables are HTML (``st.table``) so
their type scales too; the one chart stretches to a box sized in rem."""

import pandas as pd
import streamlit as st

from tracker import fmt, store
from tracker import status as S
from tracker.report import cli as report_cli
from tracker.report import content, figures, snapshot
from tracker.ui import frame as ui

ui.require_router()
st.set_page_config(initial_sidebar_state="collapsed")
# Static CSS only (no data): scale type with the viewport (16 px at 1280×720, 24 px at 1920×1080; the
# smaller of width and height decides, so 4:3 screens fit too), keep the demo banner below the header.
st.html("""<style>
html{font-size:clamp(12px,min(1.25vw,2.2222vh),40px)}
.block-container{padding:4.1rem 3rem .25rem;max-width:100%}
[data-testid=stMainBlockContainer]{max-width:100%}
.block-container [data-testid=stAlertContainer]{padding:.45rem 1rem}
.block-container [data-testid=stAlertContainer] p{font-size:.9rem}
.st-key-prev button,.st-key-next button{min-height:3rem;font-size:1.2rem;font-weight:600;padding:0 1.2rem}
.st-key-prev button p,.st-key-next button p{font-size:1.2rem}
.st-key-slideno p{font-size:1.3rem;font-weight:700;text-align:center;margin:0;line-height:1.3}
.st-key-stamp p{font-size:.78rem;text-align:center;line-height:1.3}
.st-key-slide h1{font-size:2.1rem;padding:.2rem 0 .4rem}
.st-key-slide h2{font-size:1.9rem;padding:0 0 .3rem}
.st-key-slide [data-testid=stMetricLabel] p{font-size:1.1rem}
.st-key-slide [data-testid=stMetricValue]{font-size:2.3rem}
.st-key-slide [data-testid=stMetricDelta] p{font-size:1.05rem}
.st-key-slide [data-testid=stTable] table{font-size:1rem}
.st-key-slide [data-testid=stTable] th{font-size:.95rem}
.st-key-slide [data-testid=stTable] td,.st-key-slide [data-testid=stTable] th{padding:.25rem .6rem;line-height:1.3}
.st-key-slide [data-testid=stCaptionContainer] p{font-size:.9rem}
.st-key-cover{padding:4.5rem 0 0 2rem;border-left:.5rem solid #1f5f99;margin-top:2rem}
.st-key-cover h1{font-size:2.4rem;font-weight:600;color:#1f5f99}
.st-key-cover h2{font-size:2.7rem;line-height:1.3}
.st-key-cover p{font-size:1.6rem}
.st-key-vision p{font-size:1.5rem;font-style:italic;line-height:1.4}
[class*=st-key-card]{min-height:19rem !important;padding:1rem}
[class*=st-key-card] p{font-size:1.2rem;line-height:1.35}
[class*=st-key-card] [data-testid=stMetricLabel] p{font-size:1.05rem}
.st-key-goalscore [data-testid=stMetricValue]{font-size:3rem;line-height:1.1}
.st-key-slide [class*=st-key-status] p{font-size:1.4rem}
.st-key-status{margin-top:-.6rem}
[class*=st-key-score] [data-testid=stMetricValue],[class*=st-key-score] [data-testid=stMetricValue] p{font-size:3.2rem;line-height:1.2}
.st-key-chart{flex:0 0 26rem !important;height:26rem}
.st-key-chart>div{flex:1 1 0 !important;height:100% !important}
.st-key-chart [data-testid=stPlotlyChart],.st-key-chart .js-plotly-plot{height:100% !important}
.st-key-slide [data-testid=stProgress] p{font-size:1.05rem}
.st-key-settings button{min-height:3rem}
</style>""")
lang, (fy, q) = ui.lang(), ui.period()


@st.cache_data(show_spinner=False, max_entries=32)
def model(path: str, snap: str | None, rev: int, fy: int, q: int, lang: str) -> content.Report:
    conn = store.connect(path)
    src = snapshot.open_snapshot(conn, snap) if snap else conn
    try:
        return content.build(src, fy, q, lang)
    finally:
        src.conn.close()
        conn.close()


conn = ui.db()
snaps, rev = snapshot.list_snapshots(conn), store.revision(conn)
conn.close()
snap = st.session_state.get("meeting_snapshot")
snap = snap if snap in set(snaps["name"]) else None
report = model(ui.db_path(), snap, rev, fy, q, lang)
n = len(report.slides)
st.session_state["slide"] = min(max(int(st.session_state.get("slide", 0)), 0), n - 1)


def move(step: int) -> None:
    st.session_state["slide"] = min(max(st.session_state["slide"] + step, 0), n - 1)


i = st.session_state["slide"]
left, mid, gear, right = st.columns([1.4, 6.4, 0.6, 1.4], vertical_alignment="center")
left.button(ui.t("meeting.prev"), on_click=move, args=(-1,), disabled=i == 0, key="prev",
            icon=":material/arrow_back:", width="stretch")
right.button(ui.t("meeting.next"), on_click=move, args=(1,), disabled=i == n - 1, key="next",
             icon=":material/arrow_forward:", icon_position="right", width="stretch", type="primary")
mid.container(key="slideno").markdown(ui.t("meeting.slide_n", n=i + 1, total=n))
mid.container(key="stamp").caption(f"{report.organization} · {report.fy_label} · {report.quarter_label} · "
                                   f"{report.stamp}")
slide = report.slides[i]

MAX_ROWS = 8   # table rows on one slide (the rest: "and n more", see the report)


def cell(col: content.Column, value) -> str:
    """As the report writes it, but money in whole baht (the header says บาท): easier to read on a screen."""
    if col.kind == "money" and value is not None and not pd.isna(value):
        return f"{float(value):,.0f}"
    return content.cell(col.kind, value, report.lang)


def table(t: content.Table, limit: int = MAX_ROWS) -> None:
    """An HTML table (its type scales with the screen), numbers right-aligned, the total row bold."""
    rows = [[ui.plain(cell(c, r.get(c.key))) for c in t.columns] for r in t.rows[:limit]]
    if t.total is not None:
        rows.append([ui.plain(cell(c, t.total.get(c.key))) for c in t.columns])
    df = pd.DataFrame(rows, columns=t.header)
    numeric = [c.label for c in t.columns if c.kind in ("int", "money", "pct", "num", "score")]
    sty = df.style.hide(axis="index").set_properties(subset=numeric, **{"text-align": "right !important"})
    if t.total is not None:
        sty = sty.set_properties(subset=pd.IndexSlice[df.index[-1:], :], **{"font-weight": "700"})
    st.table(sty)
    if len(t.rows) > limit:
        st.caption(ui.t("meeting.more_items", n=len(t.rows) - limit))


def status_line(status: str, label: str, key: str) -> None:
    """The status in large coloured words with its icon (never colour alone)."""
    st.container(key=key).markdown(f"**:{S.BADGE_COLOURS.get(status, 'gray')}[{label}]**")


with st.container(key="slide"):
    if slide.kind == "title":
        with st.container(key="cover"):
            st.title(report.organization)
            st.header(report.report_title)
            st.markdown(f"{report.plan_title} · {report.fy_label}")
            st.markdown(f"{ui.t('report.as_of_quarter')} **{report.quarter_label}**")
    elif slide.kind == "goals":
        st.header(slide.title)
        st.container(key="vision").markdown(f"“{report.vision}”")
        for col, g in zip(st.columns(len(report.goals)), report.goals):
            with col.container(border=True, key=f"card{g.number}"):
                st.markdown(f"**{ui.t('plan.goal_n', n=g.number)}**  \n{g.short}")
                st.container(key=f"score{g.number}").metric(ui.t("report.metric.score"), fmt.pct(g.score))
                status_line(g.status, g.status_label, f"status{g.number}")
    elif slide.kind == "goal":
        g = slide.goal
        st.header(slide.title)
        c = g.counts
        cols = st.columns([1.3, 1, 1, 1.4])
        with cols[0]:
            st.container(key="goalscore").metric(ui.t("report.metric.score"), fmt.pct(g.score))
            status_line(g.status, g.status_label, "status")
        cols[1].metric(ui.t("report.metric.projects"), f"{c['funded']}/{c['in_plan']}")
        cols[2].metric(ui.t("report.metric.completed"), f"{c['completed']}")
        with cols[3]:
            st.metric(ui.t("report.metric.disbursed"), fmt.money(g.budget["disbursed"], lang))
            st.progress(min(g.disbursement_rate or 0.0, 1.0),
                        ui.t("meeting.disbursed_of", rate=fmt.pct(g.disbursement_rate)))
        a, b = st.columns([3, 2], gap="medium")
        with a:
            table(g.indicators.pick("name", "target", "actual", "status"), limit=6)
        with b:
            table(g.projects.pick("name", "allocated", "status", limit=content.TOP_PROJECTS_SLIDE))
    elif slide.kind == "budget":
        st.header(slide.title)
        a, b = st.columns([3, 2], gap="medium")
        with a.container(key="chart"):
            fig = figures.figure(report.charts[0], lang, font_size=18).update_layout(height=None, autosize=True, margin_r=120)
            st.plotly_chart(fig, height="stretch", theme=None,
                            config={"displayModeBar": False, "staticPlot": True, "responsive": True})
        with b:
            table(report.budget.pick("goal", "allocated", "disbursed", "disbursement_rate"))
    elif slide.kind == "form2":
        st.header(slide.title)
        table(report.form2)
    elif slide.kind == "attention":
        st.header(slide.title)
        if not report.attention.rows:
            st.success(ui.t("report.attention.none"))
        else:
            table(report.attention.pick("kind", "goal_no", "name", "value"))

with gear.popover("", icon=":material/settings:", help=ui.t("meeting.settings"), key="settings"):
    st.selectbox(ui.t("report.page.source"), [None, *snaps["name"]], key="meeting_snapshot",
                 format_func=lambda s: ui.t("report.page.live") if s is None else s)
    for fmt_ in report_cli.FORMATS:
        st.download_button(
            ui.t(f"report.format.{fmt_}"), on_click="ignore", file_name=f"{content.file_stem(report)}.{fmt_}",
            data=lambda f=fmt_: report_cli.render_file(ui.db_path(), snap, fy, q, f, lang), key=f"dl_{fmt_}",
            mime=report_cli.MIME[fmt_], width="stretch")
