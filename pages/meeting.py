"""ประชุมสภา — council meeting mode: one idea per slide on the projector, previous / next, the
data-as-of and pinned-snapshot stamp on every slide; downloads of the same slides and report."""

import pandas as pd
import streamlit as st

from tracker import fmt, store
from tracker.report import cli as report_cli
from tracker.report import content, figures, snapshot
from tracker.ui import frame as ui

ui.require_router()
st.set_page_config(initial_sidebar_state="collapsed")
st.html("<style>.block-container{padding-top:2.2rem;padding-bottom:0}"
        "[data-testid=stMainBlockContainer]{max-width:100%}</style>")  # static CSS only: fit 1280×720
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
left, mid, right = st.columns([1, 8, 1], vertical_alignment="center")
left.button(ui.t("meeting.prev"), on_click=move, args=(-1,), disabled=i == 0, key="prev", icon=":material/arrow_back:")
right.button(ui.t("meeting.next"), on_click=move, args=(1,), disabled=i == n - 1, key="next",
             icon=":material/arrow_forward:", icon_position="right")
mid.caption(f"**{ui.t('meeting.slide_n', n=i + 1, total=n)}** · {report.organization} · {report.fy_label} · "
            f"{report.quarter_label} · {report.stamp}")
slide = report.slides[i]


def table(t: content.Table, height: int | str = "content") -> None:
    size = {"text": "large", "status": "medium", "pstatus": "medium"}  # numbers narrow: every column visible
    st.dataframe(pd.DataFrame(t.text_rows(), columns=t.header), hide_index=True, width="stretch", height=height,
                 column_config={c.label: st.column_config.TextColumn(width=size.get(c.kind, "small"))
                                for c in t.columns})


if slide.kind == "title":
    st.title(report.organization)
    st.header(report.report_title)
    st.subheader(f"{report.plan_title} · {report.fy_label}")
    st.subheader(f"{ui.t('report.as_of_quarter')} {report.quarter_label}")
    st.caption(report.stamp)
elif slide.kind == "goals":
    st.header(slide.title)
    st.markdown(f"#### “{report.vision}”")
    for col, g in zip(st.columns(len(report.goals)), report.goals):
        with col.container(border=True):
            st.markdown(f"**{ui.t('plan.goal_n', n=g.number)}**  \n{g.short}")
            st.metric(ui.t("report.metric.score"), fmt.pct(g.score))
            st.markdown(g.status_label)
elif slide.kind == "goal":
    g = slide.goal
    st.header(slide.title)
    c = g.counts
    cols = st.columns(4)
    cols[0].metric(ui.t("report.metric.score"), fmt.pct(g.score), g.status_label, delta_color="off",
                   delta_arrow="off")
    cols[1].metric(ui.t("report.metric.projects"), f"{c['funded']}/{c['in_plan']}")
    cols[2].metric(ui.t("report.metric.completed"), f"{c['completed']}")
    cols[3].metric(ui.t("report.metric.disbursed"), fmt.money(g.budget["disbursed"], lang),
                   fmt.pct(g.disbursement_rate), delta_color="off", delta_arrow="off")
    a, b = st.columns([3, 2])
    with a:
        table(g.indicators.pick("name", "target", "actual", "status"))
    with b:
        table(g.projects.pick("name", "allocated", "status", limit=content.TOP_PROJECTS_SLIDE), height=180)
        st.progress(min(g.disbursement_rate or 0.0, 1.0),
                    ui.t("meeting.disbursed_of", rate=fmt.pct(g.disbursement_rate)))
elif slide.kind == "budget":
    st.header(slide.title)
    a, b = st.columns([3, 2])
    a.plotly_chart(figures.figure(report.charts[0], lang, height=390), config={"displayModeBar": False})
    with b:
        table(report.budget.pick("goal", "allocated", "disbursed", "disbursement_rate"))
elif slide.kind == "form2":
    st.header(slide.title)
    table(report.form2)
elif slide.kind == "attention":
    st.header(slide.title)
    rows = report.attention.rows
    if not rows:
        st.success(ui.t("report.attention.none"))
    else:
        table(report.attention.pick("kind", "goal_no", "name", "value", limit=8), height=350)
        if len(rows) > 8:
            st.caption(ui.t("meeting.more_items", n=len(rows) - 8))

with st.expander(ui.t("meeting.settings")):
    st.selectbox(ui.t("report.page.source"), [None, *snaps["name"]], key="meeting_snapshot",
                 format_func=lambda s: ui.t("report.page.live") if s is None else s)
    for col, fmt_ in zip(st.columns(3), report_cli.FORMATS):
        col.download_button(
            ui.t(f"report.format.{fmt_}"), on_click="ignore", file_name=f"{content.file_stem(report)}.{fmt_}",
            data=lambda f=fmt_: report_cli.render_file(ui.db_path(), snap, fy, q, f, lang), key=f"dl_{fmt_}",
            mime=report_cli.MIME[fmt_])
