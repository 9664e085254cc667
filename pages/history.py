"""ประวัติการนำเข้า — every import batch with its receipt; roll a batch back (with confirmation)."""

import streamlit as st

from tracker import ingest, store
from tracker.ingest import present
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui

ui.require_router()
ui_auth.require_action("rollback")
lang = ui.lang()

st.title(ui.t("history.title"))
if flash := st.session_state.pop("history_flash", None):
    st.success(flash, icon=":material/undo:")

with ui.db() as conn:
    batches = store.batches(conn)

if batches.empty:
    st.info(ui.t("history.empty"), icon=":material/history:")
    st.stop()

st.dataframe(present.batch_table(batches, lang, when=ui.when_label), hide_index=True, width="stretch")

st.subheader(ui.t("history.rollback"))
committed = batches[batches["status"] == "committed"]
if committed.empty:
    st.info(ui.t("history.nothing_to_roll_back"), icon=":material/info:")
    st.stop()
labels = {int(r["id"]): present.batch_label(r, lang, when=ui.when_label) for r in committed.to_dict("records")}
with st.form("rollback_form"):
    batch_id = st.selectbox(ui.t("history.rollback_pick"), list(labels), format_func=labels.get, key="rollback_pick")
    sure = st.checkbox(ui.t("history.rollback_confirm"), key="rollback_sure")
    submitted = st.form_submit_button(ui.t("history.rollback_button"), type="primary", icon=":material/undo:")

if submitted:
    if not sure:
        st.warning(ui.t("history.confirm_needed"), icon=":material/warning:")
    else:
        # refused, or no backup (then no rollback): the reason is shown
        done, result = ui.write(ingest.rollback, batch_id, user=ui.current_username())
        if done:
            st.session_state["history_flash"] = result.message(lang)
            st.rerun()
