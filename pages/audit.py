"""บันทึกการใช้งาน — the append-only audit trail: filter it and download it as CSV (admins)."""

from datetime import datetime, time, timedelta, timezone

import streamlit as st

from tracker import auth, periods, store, tables
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui

ui.require_router()
ui_auth.require_action("view_audit")

st.title(ui.t("audit.title"))
st.caption(ui.t("audit.intro"))

with ui.db() as conn:
    users, actions = store.audit_users_and_actions(conn)

ALL = "__all__"
c1, c2, c3, c4 = st.columns(4)
today = datetime.now(ui.BANGKOK).date()
# Streamlit's picker writes Christian-era dates only (its formats are day/month/year orders, no era):
# day first as Thai readers write it, and the chosen day in Buddhist Era right under each picker
since = c1.date_input(ui.t("audit.since"), value=today - timedelta(days=90), key="audit_since", format="DD/MM/YYYY")
until = c2.date_input(ui.t("audit.until"), value=today, key="audit_until", format="DD/MM/YYYY")
if ui.lang() == "th":
    for box, day in ((c1, since), (c2, until)):
        if day:
            box.markdown("**" + ui.t("audit.picked_be", date=periods.date_label(day, "th")) + "**")


def utc_midnight(day) -> str:
    """Start of a local (Bangkok) day as UTC ISO text, the form the audit log is stored in."""
    return datetime.combine(day, time.min, ui.BANGKOK).astimezone(timezone.utc).isoformat()


who = c3.selectbox(ui.t("audit.user"), [ALL, *users], key="audit_user",
                   format_func=lambda v: ui.t("audit.all") if v == ALL else auth.actor_label(v, ui.lang()))
what = c4.selectbox(ui.t("audit.action"), [ALL, *actions], key="audit_action",
                    format_func=lambda v: ui.t("audit.all") if v == ALL else auth.audit_action_label(v, ui.lang()))
text = st.text_input(ui.t("audit.text"), key="audit_text", max_chars=200)

with ui.db() as conn:
    log = store.audit_log(conn, since=utc_midnight(since) if since else None,
                         until=utc_midnight(until + timedelta(days=1)) if until else None,
                         user=None if who == ALL else who, action=None if what == ALL else what,
                         text=text.strip() or None)

# the date pickers write Christian-era dates: the range is said again in the reader's calendar (พ.ศ. in Thai)
shown_range = ui.t("audit.range", since=periods.date_label(since, ui.lang()) if since else "—",
                   until=periods.date_label(until, ui.lang()) if until else "—")
st.caption(shown_range + " · " + ui.t("audit.count", n=len(log)))
# user-supplied text (names, notes, file names) is shown only in the table: never as HTML
# (the CSV keeps the log's own form: codes, JSON and UTC times, for checking)
lang = ui.lang()
st.dataframe(log.assign(at=log["at"].map(ui.when_label), username=log["username"].map(lambda u: auth.actor_label(u, lang)),
                        action=log["action"].map(lambda a: auth.audit_action_label(a, lang)),
                        target=log["target"].map(lambda x: auth.target_text(x, lang)),
                        detail=log["detail"].map(lambda d: auth.detail_text(d, lang))), hide_index=True,
             column_config={"id": None, "at": ui.t("audit.col_at"), "username": ui.t("audit.col_user"),
                            "action": ui.t("audit.col_action"), "target": ui.t("audit.col_target"),
                            "detail": ui.t("audit.col_detail")})
st.download_button(ui.t("audit.export"), data=tables.csv_bytes(log), file_name="audit_log.csv",
                   mime="text/csv", icon=":material/download:")
