"""รายงาน — download the monitoring report (PDF / Excel / PowerPoint) for the chosen period, from
the current data or a pinned snapshot; pin a snapshot for a meeting (analysts and administrators)."""

import streamlit as st

from tracker import store
from tracker.report import documents
from tracker.report import snapshot
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui

ui.require_router()
ui.page_header("report.page.title")
st.write(ui.t("report.page.intro"))
fy, q = ui.period()

with ui.db() as conn:
    snaps = snapshot.list_snapshots(conn)
    has_data = (fy, q) in store.periods_with_data(conn)

a, b = st.columns(2)
lang = a.segmented_control(ui.t("report.page.language"), ["th", "en"], default=ui.lang(), key="report_lang",
                           format_func=lambda v: {"th": "ไทย", "en": "English"}[v], required=True)
snap = b.selectbox(ui.t("report.page.source"), [None, *snaps["name"]], key="report_snapshot",
                   format_func=lambda s: ui.t("report.page.live") if s is None else s)
if not has_data and snap is None:
    st.info(ui.t("report.page.no_data"), icon=":material/info:")

stem = f"khilek-report-{fy}-Q{q}-{lang}" + ("-pinned" if snap else "")
for col, fmt_ in zip(st.columns(3), documents.FORMATS):
    col.download_button(
        ui.t(f"report.format.{fmt_}"), file_name=f"{stem}.{fmt_}", mime=documents.MIME[fmt_], on_click="ignore",
        data=lambda f=fmt_: documents.render_file(ui.db_path(), snap, fy, q, f, lang), key=f"report_dl_{fmt_}",
        icon=":material/download:", width="stretch")

st.subheader(ui.t("snapshot.title"))
st.caption(ui.t("snapshot.help"))
if ui_auth.allowed("snapshot"):
    with st.form("pin", clear_on_submit=True):
        name = st.text_input(ui.t("snapshot.name"), placeholder=ui.t("snapshot.name_default", date=f"{fy}-Q{q}"))
        note = st.text_input(ui.t("snapshot.note"))
        if st.form_submit_button(ui.t("snapshot.pin"), icon=":material/push_pin:"):
            done, row = ui.write(snapshot.pin, name or ui.t("snapshot.name_default", date=f"{fy}-Q{q}"),
                                 user=ui.current_username(), note=note or None)
            if done:
                st.success(ui.t("snapshot.pinned", name=row["name"]), icon=":material/push_pin:")
                with ui.db() as conn:
                    snaps = snapshot.list_snapshots(conn)
else:
    st.caption(ui.t("snapshot.not_allowed"))

if snaps.empty:
    st.caption(ui.t("snapshot.none"))
else:
    shown = snaps.assign(created_at=snaps["created_at"].map(ui.when_label))
    st.dataframe(shown[["name", "created_at", "created_by", "last_batch_id"]], hide_index=True, width="stretch",
                 column_config={"name": ui.t("snapshot.col.name"), "created_at": ui.t("snapshot.col.created_at"),
                                "created_by": ui.t("snapshot.col.created_by"),
                                "last_batch_id": ui.t("snapshot.col.batch")})
