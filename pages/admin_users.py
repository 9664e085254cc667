"""ผู้ใช้ — administrators add accounts, change roles, reset passwords and disable accounts."""

import streamlit as st

from tracker import auth, settings
from tracker.auth import sessions
from tracker.ui import auth as ui_auth
from tracker.ui import frame as ui

ui.require_router()
me = ui_auth.require_action("manage_users")
lang = ui.lang()

st.title(ui.t("users.title"))
if flash := st.session_state.pop("users_flash", None):
    st.success(flash, icon=":material/check_circle:")


def role_label(role: str) -> str:
    return ui.t(f"auth.role.{role}")


def attempt(func, *args, done: str, **kwargs) -> None:
    """Run an account change as the signed-in admin (refusals are shown in the chosen language)."""
    if ui.write(func, *args, by=me["username"], **kwargs)[0]:
        st.session_state["users_flash"] = done
        st.rerun()  # redraw the list with the change


with ui.db() as conn:
    users = auth.list_users(conn)

st.subheader(ui.t("users.list"))
st.dataframe(users.assign(role=users["role"].map(role_label), display_name=[
                 ui_auth.display_name(u) for u in users.to_dict("records")],
                          disabled=users["disabled"].astype(bool), is_demo=users["is_demo"].astype(bool),
                          **{k: users[k].map(ui.when_label) for k in ("locked_until", "created_at",
                                                                      "password_changed_at")}),
             hide_index=True,
             column_config={"username": ui.t("auth.username"), "display_name": ui.t("users.display_name"),
                            "role": ui.t("users.role"), "disabled": ui.t("users.col_disabled"),
                            "is_demo": ui.t("users.col_demo"), "failed_count": ui.t("users.col_failed"),
                            "locked_until": ui.t("users.col_locked_until"), "created_at": ui.t("users.col_created"),
                            "password_changed_at": ui.t("users.col_password_changed")})

tab_add, tab_change, tab_sessions, tab_settings = st.tabs([ui.t("users.add"), ui.t("users.change"),
                                                          ui.t("users.sessions"), ui.t("users.settings")])
with tab_settings:
    st.caption(ui.t("users.settings_intro"))
    # in Thai each setting by its meaning; the server's variable names (TRACKER_…) are English, in the
    # English view and the README's settings table
    def shown(value, kind) -> str:
        """A setting's value as a reader reads it: yes/no for a switch, a dash for none."""
        if kind is bool:
            value = value if isinstance(value, bool) else value.strip().lower() in ("1", "true", "yes", "on")
            return ui.t("audit.yes" if value else "audit.no")
        return str(value) if str(value) else "—"

    st.dataframe([{"help": ui.t(f"setting.{s.name}"), "value": shown(settings.get(s.name), s.kind),
                   "default": shown(s.default, s.kind), "env": s.env} for s in settings.SETTINGS], hide_index=True,
                 column_order=["help", "value", "default"] + (["env"] if lang == "en" else []),
                 column_config={"env": ui.t("users.col_setting"), "value": ui.t("users.col_value"),
                                "default": ui.t("users.col_default"), "help": ui.t("users.col_help")})

with tab_add:
    with st.form("user_add", clear_on_submit=True):
        username = st.text_input(ui.t("users.username"), max_chars=32)
        display = st.text_input(ui.t("users.display_name"), max_chars=100)
        role = st.selectbox(ui.t("users.role"), auth.ROLES, format_func=role_label)
        pw1 = st.text_input(ui.t("users.password"), type="password", autocomplete="new-password")
        pw2 = st.text_input(ui.t("users.password_again"), type="password", autocomplete="new-password")
        if st.form_submit_button(ui.t("users.add"), icon=":material/person_add:", type="primary"):
            if pw1 != pw2:
                st.error(ui.t("users.passwords_differ"))
            else:
                attempt(auth.create_user, username, password=pw1, role=role, display_name=display,
                        done=ui.t("users.added", username=auth.normalize_username(username)))

with tab_change:
    names = list(users["username"])
    if names:
        who = st.selectbox(ui.t("users.pick"), names, key="users_pick")
        row = users.set_index("username").loc[who]
        with st.form("user_role"):
            new_role = st.selectbox(ui.t("users.role"), auth.ROLES, index=auth.ROLES.index(row["role"]),
                                    format_func=role_label)
            if st.form_submit_button(ui.t("users.set_role")):
                attempt(auth.set_role, who, new_role,
                        done=ui.t("users.role_set", username=who, role=role_label(new_role)))
        with st.form("user_password", clear_on_submit=True):
            pw1 = st.text_input(ui.t("users.password"), type="password", autocomplete="new-password")
            pw2 = st.text_input(ui.t("users.password_again"), type="password", autocomplete="new-password")
            if st.form_submit_button(ui.t("users.reset_password")):
                if pw1 != pw2:
                    st.error(ui.t("users.passwords_differ"))
                else:
                    attempt(auth.reset_password, who, pw1, done=ui.t("users.password_reset", username=who))
        if bool(row["disabled"]):
            if st.button(ui.t("users.enable"), key="users_enable"):
                attempt(auth.set_disabled, who, False, done=ui.t("users.enabled_done", username=who))
        elif st.button(ui.t("users.disable"), key="users_disable", type="secondary"):
            attempt(auth.set_disabled, who, True, done=ui.t("users.disabled_done", username=who))

with tab_sessions:
    st.caption(ui.t("users.sessions_intro"))
    who = st.selectbox(ui.t("users.pick"), list(users["username"]), key="sessions_pick")
    with ui.db() as conn:
        held = sessions.sessions_of(conn, who)
    when = {k: held[k].map(ui.when_label) for k in ("created_at", "last_seen_at", "expires_at", "revoked_at")}
    st.dataframe(held.assign(state=held["state"].map(lambda s: ui.t(f"users.session_state.{s}")), **when),
                 hide_index=True, column_order=["created_at", "last_seen_at", "expires_at", "state", "revoked_at"],
                 column_config={"created_at": ui.t("users.col_session_start"), "state": ui.t("users.col_session_state"),
                                "last_seen_at": ui.t("users.col_session_seen"), "revoked_at": ui.t("users.col_session_end"),
                                "expires_at": ui.t("users.col_session_expires")})
    live = held[held["state"] == "active"]
    if live.empty:
        st.info(ui.t("users.no_sessions"), icon=":material/info:")
    else:
        one = st.selectbox(ui.t("users.session_pick"), list(live["id"]), key="sessions_one", format_func=dict(
            zip(live["id"], [ui.t("users.session_label", start=a, seen=b)
                             for a, b in zip(when["created_at"][live.index], when["last_seen_at"][live.index])])).get)
        left, right = st.columns(2)
        if left.button(ui.t("users.revoke_session"), key="sessions_revoke", icon=":material/logout:"):
            attempt(sessions.revoke, one, done=ui.t("users.session_revoked", username=who))
        if right.button(ui.t("users.revoke_all", n=len(live)), key="sessions_revoke_all", icon=":material/block:"):
            attempt(sessions.revoke_user, who, done=ui.t("users.sessions_revoked", username=who, n=len(live)))
