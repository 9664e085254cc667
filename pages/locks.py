"""ล็อกไตรมาส — an analyst locks a council-approved quarter; an admin unlocks it with a reason."""

import streamlit as st

from tracker import locks, periods
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui

ui.require_router()
user = ui_auth.require_action("lock")
lang = ui.lang()
fy, q = ui.period()

st.title(ui.t("locks.title"))
st.caption(ui.t("locks.intro"))
if flash := st.session_state.pop("locks_flash", None):
    st.success(flash, icon=":material/check_circle:")


def period_label(fiscal_year: int, quarter: int) -> str:
    return f"{periods.fy_label(fiscal_year, lang)} · {periods.quarter_label(quarter, lang, fiscal_year)}"


with ui.db() as conn:
    current = locks.list_locks(conn)

st.subheader(ui.t("locks.current"))
if current.empty:
    st.info(ui.t("locks.none"), icon=":material/lock_open:")
else:
    table = current.assign(
        period=[period_label(a, b) for a, b in zip(current["fiscal_year"], current["quarter"])],
        locked_at=current["locked_at"].map(ui.when_label))
    st.dataframe(table[["period", "locked_by", "locked_at", "note"]], hide_index=True,
                 column_config={"period": ui.t("locks.col_period"), "locked_by": ui.t("locks.col_by"),
                                "locked_at": ui.t("locks.col_at"), "note": ui.t("locks.col_note")})


def run(action, done_key: str, **kwargs) -> None:
    """Call a lock function; show the refusal in the chosen language instead of a traceback."""
    if ui.write(action, fy, q, user=user["username"], **kwargs)[0]:
        st.session_state["locks_flash"] = ui.t(done_key, period=period_label(fy, q))
        st.rerun()  # redraw the list with the change


st.subheader(ui.t("locks.lock"))
with st.form("lock_quarter", clear_on_submit=True):
    st.text(f"{ui.t('locks.period')}: {period_label(fy, q)}")
    note = st.text_input(ui.t("locks.note"), max_chars=500)
    if st.form_submit_button(ui.t("locks.lock_button"), icon=":material/lock:", type="primary"):
        run(locks.lock_quarter, "locks.locked_done", note=note)

st.subheader(ui.t("locks.unlock"))
if ui_auth.allowed("unlock"):
    with st.form("unlock_quarter", clear_on_submit=True):
        st.text(f"{ui.t('locks.period')}: {period_label(fy, q)}")
        reason = st.text_input(ui.t("locks.reason"), max_chars=500)
        if st.form_submit_button(ui.t("locks.unlock_button"), icon=":material/lock_open:"):
            run(locks.unlock_quarter, "locks.unlocked_done", reason=reason)
else:
    st.caption(ui.t("locks.only_admin_unlocks"))
