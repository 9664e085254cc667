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
ui.stored_value_warning()

with ui.db() as conn:
    snaps = snapshot.list_snapshots(conn)
snap = st.session_state.get("meeting_snapshot")
snap = snap if snap in set(snaps["name"]) else None
report = ui.load(documents.model, snap, fy, q, lang)
deck = slides.deck(report)
n = len(deck)
# the slide lives in the URL (?slide=3, from 1), so F5, a clicker's "start show" key or a shared link
# keeps it; a visit without it resumes where this tab was
asked = str(st.query_params.get("slide", st.session_state.get("meeting_slide", 1)))
i = int(asked) - 1 if asked.isdigit() and 1 <= int(asked) <= n else 0
st.query_params["slide"] = str(i + 1)
st.session_state["meeting_slide"] = i + 1


def go(k: int) -> None:
    st.query_params["slide"] = str(min(max(k, 0), n - 1) + 1)


left, mid, full, gear, right = st.columns([1.4, 5.8, 0.6, 0.6, 1.4], vertical_alignment="center")
left.button(ui.t("meeting.prev"), on_click=go, args=(i - 1,), disabled=i == 0, key="prev", shortcut="Left",
            icon=":material/arrow_back:", width="stretch")
right.button(ui.t("meeting.next"), on_click=go, args=(i + 1,), disabled=i == n - 1, key="next", shortcut="Right",
             icon=":material/arrow_forward:", icon_position="right", width="stretch", type="primary")
with st.container(key="kbd"):   # a clicker's keys (hidden buttons: one key each; typing in a field is ignored)
    for key, keys, to in (("k_pgdn", "PageDown", i + 1), ("k_space", "Space", i + 1), ("k_pgup", "PageUp", i - 1),
                          ("k_home", "Home", 0), ("k_end", "End", n - 1)):
        st.button(ui.t("meeting.next" if to > i else "meeting.prev"), key=key, shortcut=keys, on_click=go, args=(to,))
mid.container(key="slideno").markdown(ui.t("meeting.slide_n", n=i + 1, total=n))
mid.container(key="stamp").markdown(f"**{report.fy_label} · {report.quarter_label}** · "
                                    f"{ui.plain(report.stamp)}")     # the stamp holds the snapshot's name
full.button("", key="fullscreen", icon=":material/fullscreen:", help=ui.t("meeting.fullscreen_help"),
            width="stretch")
slides.fullscreen_script()
slides.draw(report, deck[i])

with gear.popover("", icon=":material/settings:", help=ui.t("meeting.settings"), key="settings"):
    st.session_state["jump"] = i
    st.selectbox(ui.t("meeting.jump"), range(n), key="jump", format_func=lambda k: f"{k + 1}. {deck[k].title}",
                 on_change=lambda: go(st.session_state["jump"]))
    st.selectbox(ui.t("report.page.source"), [None, *snaps["name"]], key="meeting_snapshot",
                 format_func=lambda s: ui.t("report.page.live") if s is None else s)
    for fmt_ in documents.FORMATS:
        st.download_button(
            ui.t(f"report.format.{fmt_}"), on_click="ignore", file_name=f"{content.file_stem(report)}.{fmt_}",
            data=lambda f=fmt_: documents.render_file(ui.db_path(), snap, fy, q, f, lang), key=f"dl_{fmt_}",
            mime=documents.MIME[fmt_], width="stretch")
