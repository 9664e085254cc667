"""ประวัติการนำเข้า — every import batch with its receipt; roll a batch back (with confirmation)."""

import streamlit as st

from tracker import auth, ingest, store
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

st.dataframe(present.batch_table(batches, lang, when=ui.when_label,
                                         who=lambda u: auth.actor_label(u, lang)), hide_index=True, width="stretch")

st.subheader(ui.t("history.rows"))
every = {int(r["id"]): present.batch_label(r, lang, when=ui.when_label) for r in batches.to_dict("records")}
# a new round after each rollback: nothing chosen and nothing ticked (a second click never undoes another batch)
round_ = st.session_state.get("rollback_round", 0)
batch_id = st.selectbox(ui.t("history.rows_pick"), list(every), format_func=every.get, index=None,
                        placeholder=ui.t("mapping.choose"),
                        key=f"rollback_pick_{round_}")
if batch_id is None:
    st.stop()
with ui.db() as conn:
    changes = store.uploads.batch_changes(conn, batch_id)
st.caption(ui.t("history.rows_count", batch=batch_id, n=len(changes)))
st.dataframe(present.batch_rows_table(changes, lang), hide_index=True, width="stretch")

if batches.set_index("id").loc[batch_id, "status"] != "committed":
    st.stop()
st.subheader(ui.t("history.rollback"))
with st.form(f"rollback_form_{round_}"):
    sure = st.checkbox(ui.t("history.rollback_confirm"), key=f"rollback_sure_{round_}")
    submitted = st.form_submit_button(ui.t("history.rollback_button"), type="primary", icon=":material/undo:")

if submitted:
    if not sure:
        st.warning(ui.t("history.confirm_needed"), icon=":material/warning:")
    else:
        # refused, or no backup (then no rollback): the reason is shown
        done, result = ui.write(ingest.rollback, batch_id, user=ui.current_username())
        if done:
            st.session_state["history_flash"] = result.message(lang)
            st.session_state["rollback_round"] = round_ + 1
            st.rerun()
