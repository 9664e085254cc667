"""ประชุมสภา — council meeting mode: one idea per slide on the projector, previous / next, the
data-as-of and pinned-snapshot stamp on every slide; downloads of the same slides and report.
The slides are drawn by :mod:`tracker.ui.slides` (projector layout explained there)."""

import streamlit as st

from tracker.report import content, documents, snapshot
from tracker.ui import frame as ui
from tracker.ui import slides

ui.require_router()
st.set_page_config(initial_sidebar_state="collapsed")
slides.projector_style()
lang, (fy, q) = ui.lang(), ui.period()

with ui.db() as conn:
    snaps = snapshot.list_snapshots(conn)
snap = st.session_state.get("meeting_snapshot")
snap = snap if snap in set(snaps["name"]) else None
report = ui.load(documents.model, snap, fy, q, lang)
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
slides.draw(report, report.slides[i])

with gear.popover("", icon=":material/settings:", help=ui.t("meeting.settings"), key="settings"):
    st.selectbox(ui.t("report.page.source"), [None, *snaps["name"]], key="meeting_snapshot",
                 format_func=lambda s: ui.t("report.page.live") if s is None else s)
    for fmt_ in documents.FORMATS:
        st.download_button(
            ui.t(f"report.format.{fmt_}"), on_click="ignore", file_name=f"{content.file_stem(report)}.{fmt_}",
            data=lambda f=fmt_: documents.render_file(ui.db_path(), snap, fy, q, f, lang), key=f"dl_{fmt_}",
            mime=documents.MIME[fmt_], width="stretch")
