"""Sign-in gate, sign-out and per-page permission checks (the Streamlit side of ``tracker.auth``).

The session lives in ``st.session_state[SESSION_KEY]`` (user name and expiry only); the role is
read from the database on every run, so disabling an account or changing a role takes effect at
the next page view. ``st.session_state["username"]`` is kept equal to the signed-in user name for
``frame.current_username()``.
"""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from tracker import auth, settings
from tracker.ui import frame as ui
from tracker.ui import navigation

SESSION_KEY = "auth"
FLASH_KEY = "auth_flash"
SHOW_SIGNIN_KEY = "auth_show_signin"

def public_read() -> bool:
    return bool(settings.get("public_read"))


def _clear_session() -> None:
    for key in (SESSION_KEY, "username"):
        st.session_state.pop(key, None)


def current_user() -> dict | None:
    """``{username, role, display_name, is_demo}`` of the signed-in user, or None.

    Ends the session (and says so on the sign-in page) when it has expired or the account was
    disabled or removed meanwhile.
    """
    session = st.session_state.get(SESSION_KEY)
    if not session:
        return None
    with ui.db() as conn:
        user = auth.session_user(conn, session)
    if user is None:
        _clear_session()
        st.session_state[FLASH_KEY] = "auth.session_expired"
        return None
    st.session_state["username"] = user["username"]
    return user


def current_role() -> str | None:
    """The signed-in user's role; ``viewer`` for anyone in public read-only mode; else None."""
    user = current_user()
    if user:
        return user["role"]
    return "viewer" if public_read() else None


def allowed(action: str) -> bool:
    """May the current user do ``action``? (Use to hide buttons; the package checks again.)"""
    return auth.can(current_role(), action)


def require_action(action: str) -> dict | None:
    """First lines of a protected page: stop it with a clear message unless the role may do ``action``."""
    role = current_role()
    try:
        auth.require(role, action)
    except auth.PermissionDenied as exc:
        ui.refusal(exc)
        st.stop()
    return current_user()


def allowed_pages(pages: dict, role: str | None) -> dict:
    """``pages`` ({section: [st.Page]}) without the pages ``role`` may not see; empty sections dropped."""
    out = {}
    for section, items in pages.items():
        keep = [p for p in items if auth.can(role, navigation.action_of(p))]
        if keep:
            out[section] = keep
    return out


# ---------------------------------------------------------------- the gate


def gate(pages: dict) -> dict | None:
    """Let the run continue only for a signed-in user (or anyone in public read-only mode).

    Otherwise registers the pages hidden (so a deep link is kept and opens after sign-in, or
    says "not found" when the role may not see it), draws the sign-in form and stops the run.
    Returns the user (None in public mode).
    """
    with ui.db() as conn:
        try:
            auth.ensure_demo_accounts(conn)
        except auth.AuthError:  # another session created them at the same moment
            pass
    user = current_user()
    if user:
        st.session_state.pop(SHOW_SIGNIN_KEY, None)
        _sidebar_user(user)
        return user
    if public_read() and not st.session_state.get(SHOW_SIGNIN_KEY):
        with st.sidebar:
            st.divider()
            st.caption(ui.t("auth.public_mode"))
            st.button(ui.t("auth.signin_button"), key="auth_show_signin_btn", icon=":material/login:",
                      on_click=lambda: st.session_state.update({SHOW_SIGNIN_KEY: True}))
        return None
    st.navigation([p for items in pages.values() for p in items], position="hidden")
    signin_form()
    st.stop()


def _sign_out(username: str) -> None:
    with ui.db() as conn:
        auth.sign_out(conn, username)
    _clear_session()
    st.session_state[FLASH_KEY] = "auth.signed_out"


def _sidebar_user(user: dict) -> None:
    with st.sidebar:
        st.divider()
        # user-supplied text: st.text, never markdown/HTML
        st.text(ui.t("auth.signed_in_as", name=f"{user['display_name']} ({user['username']})"))
        st.text(ui.t("auth.role_label", role=ui.t(f"auth.role.{user['role']}")))
        expires = st.session_state.get(SESSION_KEY, {}).get("expires_at")
        if expires:
            st.caption(ui.t("auth.session_until", when=ui.when_label(expires)))
        st.button(ui.t("auth.signout"), key="auth_signout", icon=":material/logout:",
                  on_click=_sign_out, args=(user["username"],))


def signin_form() -> None:
    """The sign-in page: form, messages, and the loud demo-accounts warning in demo mode."""
    st.title(ui.t("auth.signin_title"))
    st.caption(ui.t("auth.signin_intro"))
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash:
        st.info(ui.t(flash), icon=":material/info:")
    with ui.db() as conn:
        demo = auth.active_demo_accounts(conn)
        any_users = auth.has_users(conn)
    if demo:
        st.error(ui.t("auth.demo_warning"), icon=":material/warning:")
        st.dataframe(pd.DataFrame([{ui.t("auth.demo_col_username"): a["username"],
                                    ui.t("auth.demo_col_password"): a["password"],
                                    ui.t("auth.demo_col_role"): ui.t(f"auth.role.{a['role']}")} for a in demo]),
                     hide_index=True)
    if not any_users:
        st.warning(ui.t("auth.no_users", command="python -m tracker users add admin --role admin"))
    with st.form("auth_signin", clear_on_submit=True, enter_to_submit=True):
        username = st.text_input(ui.t("auth.username"), max_chars=64, autocomplete="username")
        password = st.text_input(ui.t("auth.password"), type="password", max_chars=auth.MAX_PASSWORD_LENGTH,
                                 autocomplete="current-password")
        submitted = st.form_submit_button(ui.t("auth.submit"), type="primary", icon=":material/login:")
    if public_read():
        st.button(ui.t("auth.back_to_public"), key="auth_back_public",
                  on_click=lambda: st.session_state.pop(SHOW_SIGNIN_KEY, None))
    if not submitted:
        return
    with ui.db() as conn:
        result = auth.authenticate(conn, username, password)
    del password
    if result.ok:
        st.session_state[SESSION_KEY] = auth.new_session(result.user)
        st.session_state["username"] = result.user["username"]
        st.session_state.pop(SHOW_SIGNIN_KEY, None)
        st.rerun()
    if result.delay:
        time.sleep(result.delay)  # slows guessing down; only this browser session waits
    if result.reason == "locked":
        st.error(ui.t("auth.locked", until=ui.when_label(result.locked_until.isoformat())), icon=":material/lock:")
    else:
        st.error(ui.t("auth.bad_credentials"), icon=":material/error:")
        if result.attempts_left is not None and result.attempts_left <= 2:
            st.caption(ui.t("auth.attempts_left", n=result.attempts_left))
