"""Sign-in gate, sign-out and per-page permission checks (the Streamlit side of ``tracker.auth``).

A signed-in session lives on the server (:mod:`tracker.auth.sessions`). The tab that signed in keeps
the session's id in ``st.session_state[SESSION_KEY]``; right after the sign-in its page exchanges a
one-time code for an HttpOnly cookie (the launcher's route, :mod:`tracker.ui.server`), so a reload, a
new tab or a bookmark finds the session again through ``st.context.cookies`` without the sign-in
form. Every run looks the session up: the role is read from the database each time, and a sign-out
(from any tab), an administrator's revocation, a disabled account or the expiry ends it at the next
page view. ``st.session_state["username"]`` is kept equal to the signed-in user name for
``frame.current_username()``.
"""

from __future__ import annotations

import time

import pandas as pd
import streamlit as st

from tracker import auth, settings
from tracker.auth import sessions
from tracker.ui import frame as ui
from tracker.ui import components, markup, navigation, server

SESSION_KEY = "auth"
FLASH_KEY = "auth_flash"
SHOW_SIGNIN_KEY = "auth_show_signin"
HANDOFF_KEY = "auth_handoff"          # the one-time code to exchange for the cookie on the next run
SIGNED_OUT_KEY = "auth_signed_out"    # signed out here: delete this browser's cookie on the next run
DEAD_TOKEN_KEY = "auth_dead_token"    # the cookie this tab connected with belongs to an ended session


def public_read() -> bool:
    return bool(settings.get("public_read"))


def _clear_session() -> None:
    for key in (SESSION_KEY, "username", HANDOFF_KEY):
        st.session_state.pop(key, None)


def _cookie_token() -> str | None:
    """The session cookie this tab connected with (the cookie of its page's first request)."""
    try:
        return st.context.cookies.get(sessions.COOKIE)
    except Exception:    # no browser (AppTest): the tab's own memory is all there is
        return None


def current_session() -> dict | None:
    """``{session_id, expires_at, user}`` of this tab's live session, or None.

    This tab's own session (it signed in here, or found it before) comes first; else the cookie's, so
    a reload, a new tab or a bookmark stays signed in. When a session this tab used has ended
    meanwhile (signed out in another tab, revoked, disabled, expired), the sign-in page says so.
    """
    sid = st.session_state.get(SESSION_KEY)
    token = _cookie_token()
    if token and token == st.session_state.get(DEAD_TOKEN_KEY):
        token = None
    if not sid and not token:
        return None
    with ui.db() as conn:
        found = sessions.lookup(conn, session_id=sid if isinstance(sid, str) else None, token=None if sid else token)
    if found is None:
        if sid:
            st.session_state[FLASH_KEY] = "auth.session_ended"
        _clear_session()
        if token:
            st.session_state[DEAD_TOKEN_KEY] = token   # the cookie this tab connected with is of no use
        return None
    st.session_state[SESSION_KEY] = found["session_id"]
    st.session_state["username"] = found["user"]["username"]
    return found


def current_user() -> dict | None:
    """``{username, role, display_name, is_demo}`` of the signed-in user, or None."""
    found = current_session()
    return found["user"] if found else None


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
    _cookie_exchange()
    found = current_session()
    if found:
        st.session_state.pop(SHOW_SIGNIN_KEY, None)
        _sidebar_user(found)
        return found["user"]
    if public_read() and not st.session_state.get(SHOW_SIGNIN_KEY):
        with st.sidebar:
            st.divider()
            st.caption(ui.t("auth.public_mode"))
            st.button(ui.t("auth.signin_button"), key="auth_show_signin_btn", icon=":material/login:",
                      on_click=lambda: st.session_state.update({SHOW_SIGNIN_KEY: True}))
        return None
    shown = st.navigation([p for items in pages.values() for p in items], position="hidden")
    signin_form(after=navigation.open_home if navigation.is_home(shown) else st.rerun)
    st.stop()


def _post(route: str, marker: str, body: dict | None = None) -> None:
    """A same-origin POST from the page to one of the launcher's routes (``st.html`` runs in the app's
    own document, not an iframe); ``<html data-…>`` gets the answer's status, for tests."""
    st.html(markup.post_script(server.base_path() + route, marker, body), unsafe_allow_javascript=True)


def _cookie_exchange() -> None:
    """After a sign-in here: exchange its one-time code for the session cookie; after a sign-out here:
    delete this browser's cookie. Needs the launcher's routes (``streamlit run app.py``); without them
    the session lasts as long as the tab."""
    code = st.session_state.pop(HANDOFF_KEY, None)
    signed_out = st.session_state.pop(SIGNED_OUT_KEY, False)
    if not server.INSTALLED or not (code or signed_out):
        return
    with st.sidebar:
        if signed_out:
            _post(server.SIGNOUT_ROUTE, "authSignout")
        if code:
            _post(server.SESSION_ROUTE, "authSession", {"code": code})


def _sign_out() -> None:
    with ui.db() as conn:
        sessions.sign_out(conn, session_id=st.session_state.get(SESSION_KEY))
    _clear_session()
    st.session_state[SIGNED_OUT_KEY] = True
    st.session_state[FLASH_KEY] = "auth.signed_out"


#: how often an open tab asks whether its session still lives (signed out in another tab, revoked by an
#: administrator, account disabled, expired): the tab then shows the sign-in form without a click
SESSION_CHECK_SECONDS = 30


@st.fragment(run_every=SESSION_CHECK_SECONDS)
def _session_watch() -> None:
    """Every :data:`SESSION_CHECK_SECONDS`, even in an idle tab: when this tab's session has ended, rerun
    the app (the gate then draws the sign-in form and says why). Draws nothing; a live session costs
    one read by primary key (and at most one ``last_seen_at`` write a minute)."""
    sid = st.session_state.get(SESSION_KEY)
    if not sid:
        return
    with ui.db() as conn:
        alive = sessions.lookup(conn, session_id=sid) is not None
    if not alive:
        st.rerun()


def _sidebar_user(found: dict) -> None:
    user = found["user"]
    with st.sidebar:
        _session_watch()
        # compact, to keep the sidebar within a 1366×768 screen: who (user-supplied text: st.text, never
        # markdown/HTML), then role and session end in one line, then the sign-out button
        with st.container(key="auth_user", gap="small"):
            name = display_name(user)
            who = name if name == user["username"] else f"{name} ({user['username']})"
            st.text(who + " · " + ui.t(f"auth.role.{user['role']}"))
            st.caption(ui.t("auth.session_until", when=ui.when_label(found["expires_at"])))
            st.button(ui.t("auth.signout"), key="auth_signout", icon=":material/logout:", on_click=_sign_out,
                      width="stretch")


def display_name(user: dict) -> str:
    """The name to show: a demo account's in the chosen language, else the name its administrator gave."""
    if user.get("is_demo"):
        return ui.t(f"auth.demo_name.{user['role']}")
    return str(user["display_name"])


def client_address() -> str:
    """The browser's address, for the per-client sign-in throttle. Behind a reverse proxy on this
    computer (the peer is a loopback address) the proxy's ``X-Real-IP`` / ``X-Forwarded-For`` names
    the browser; from anywhere else those headers are not trusted (anyone could send them)."""
    peer = st.context.ip_address or "-"
    if peer in ("127.0.0.1", "::1", "localhost") or peer.startswith("127."):
        headers = st.context.headers
        forwarded = headers.get("X-Real-IP") or (headers.get("X-Forwarded-For") or "").split(",")[0].strip()
        return forwarded or peer
    return peer


def signin_form(after=st.rerun) -> None:
    """The sign-in page: form, messages, and the loud demo-accounts warning in demo mode.

    ``after`` runs after a good sign-in (a rerun of the page asked for; from the root, straight to the
    overview, which saves the root's own run)."""
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
        components.preload_charts()    # the overview comes next: its chart code loads while the user types
        return
    with ui.db() as conn:
        result = auth.authenticate(conn, username, password, client=client_address())
    del password
    if result.ok:
        with ui.db() as conn:
            started = sessions.start(conn, result.user["username"])
        st.session_state[SESSION_KEY] = started.session_id
        st.session_state[HANDOFF_KEY] = started.code
        st.session_state["username"] = result.user["username"]
        st.session_state.pop(SHOW_SIGNIN_KEY, None)
        after()
    if result.delay:
        time.sleep(result.delay)  # slows guessing down; only this browser session waits
    if result.reason == "throttled":
        st.error(ui.t("auth.throttled", minutes=max(1, round(result.delay / 60))), icon=":material/lock:")
    elif result.reason == "locked":
        st.error(ui.t("auth.locked", until=ui.when_label(result.locked_until.isoformat())), icon=":material/lock:")
    else:
        st.error(ui.t("auth.bad_credentials"), icon=":material/error:")
        if result.attempts_left is not None and result.attempts_left <= 2:
            st.caption(ui.t("auth.attempts_left", n=result.attempts_left))
