"""Signed-in sessions (ช่วงการเข้าใช้งาน), kept on the server so that a reload, a new tab or a bookmark
stays signed in, and a sign-out, an administrator or a disabled account ends them everywhere.

The flow, with the browser holding only a random token in an HttpOnly cookie:

1. a successful sign-in calls :func:`start`: a session row (expiry ``session_minutes`` from now) and a
   one-time code valid :data:`HANDOFF_SECONDS`; the tab that signed in keeps the session's id (server
   memory, never sent to the browser);
2. the page posts the code to the launcher's route (:mod:`tracker.ui.server`), which calls
   :func:`redeem`: a fresh token whose SHA-256 is stored, set as the cookie; the code is used up;
3. every page view resolves the tab's session id, or the cookie's token, with :func:`lookup`: the
   user, read fresh from the accounts (a role change applies at once), or None when the session has
   ended, expired, or the account is disabled or gone.

Sign-in and sign-out, an administrator's revocation and an expiry noticed are written to the audit log.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pandas as pd

from tracker import settings, store
from tracker.auth.users import authorize, get_user, public_user

#: the cookie's name (its value is the token; HttpOnly, SameSite=Strict, path = the app's base path)
COOKIE = "tracker_session"
#: how long the one-time code may wait for its exchange
HANDOFF_SECONDS = 60
#: a session's ``last_seen_at`` is written at most this often (a write per page view is wasteful)
TOUCH_EVERY = timedelta(seconds=60)
#: ended or expired sessions are forgotten after this long (their story stays in the audit log)
KEEP_ENDED = timedelta(days=30)
#: why a session ended
END_REASONS = ("signout", "revoked", "disabled", "expired")


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)


def _sha(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Started:
    """A new session: its id (for the tab's own memory) and the one-time code the page exchanges."""

    session_id: str
    code: str
    expires_at: str


def start(db, username: str, *, now: datetime | None = None) -> Started:
    """A new session for ``username`` (an account that just signed in), expiring ``session_minutes`` from now."""
    now = _now(now)
    sid, code = secrets.token_urlsafe(24), secrets.token_urlsafe(32)
    expires = (now + timedelta(minutes=settings.get("session_minutes"))).isoformat()
    with db.atomic():
        store.sessions.delete_old(db, before=(now - KEEP_ENDED).isoformat())
        store.sessions.add_session(db, session_id=sid, username=username, at=now.isoformat(), expires_at=expires,
                                   handoff_sha=_sha(code),
                                   handoff_expires_at=(now + timedelta(seconds=HANDOFF_SECONDS)).isoformat())
    return Started(sid, code, expires)


def redeem(db, code: str, *, now: datetime | None = None) -> tuple[str, int] | None:
    """Exchange a one-time code for the session's cookie token: ``(token, seconds left)``, or None when
    the code is unknown, used, older than :data:`HANDOFF_SECONDS` or its session has ended."""
    if not code or len(code) > 200:
        return None
    now = _now(now)
    token = secrets.token_urlsafe(32)
    with db.atomic():
        sid = store.sessions.redeem_handoff(db, _sha(code), _sha(token), at=now.isoformat())
        if sid is None:
            return None
        row = store.sessions.get_session(db, session_id=sid)
    left = int((datetime.fromisoformat(row["expires_at"]) - now).total_seconds())
    return token, max(left, 1)


def lookup(db, *, session_id: str | None = None, token: str | None = None,
           now: datetime | None = None) -> dict | None:
    """The live session named by ``session_id`` (a tab's memory) or else by the cookie's ``token``:
    ``{session_id, expires_at, user: {username, role, display_name, is_demo}}``, or None.

    None when the session is unknown, ended, expired, or its account is disabled or gone. An expiry
    seen for the first time is recorded (the session ends, the audit log says so).
    """
    row = None
    if session_id:
        row = store.sessions.get_session(db, session_id=str(session_id))
    if row is None and token:
        row = store.sessions.get_session(db, token_sha=_sha(str(token)))
    if row is None or row["revoked_at"]:
        return None
    now = _now(now)
    if datetime.fromisoformat(row["expires_at"]) <= now:
        with db.atomic():
            if store.sessions.end_session(db, row["id"], at=now.isoformat(), by="system", reason="expired"):
                store.audit(db, user=row["username"], action="session_expired", target=row["username"],
                            detail={"started": row["created_at"]})
        return None
    user = get_user(db, row["username"])
    if user is None or user["disabled"]:
        return None
    if now - datetime.fromisoformat(row["last_seen_at"]) >= TOUCH_EVERY:
        with db.atomic():
            store.sessions.touch(db, row["id"], at=now.isoformat())
    return {"session_id": row["id"], "expires_at": row["expires_at"], "user": public_user(user)}


def sign_out(db, *, session_id: str | None = None, token: str | None = None) -> str | None:
    """End the session (named by id or cookie token) everywhere it is used; audited as a sign-out.
    Returns the user name, or None when there was no live session."""
    row = None
    if session_id:
        row = store.sessions.get_session(db, session_id=str(session_id))
    if row is None and token:
        row = store.sessions.get_session(db, token_sha=_sha(str(token)))
    if row is None:
        return None
    with db.atomic():
        if not store.sessions.end_session(db, row["id"], at=store.now_iso(), by=row["username"], reason="signout"):
            return None
        store.audit(db, user=row["username"], action="signout", target=row["username"])
    return row["username"]


def revoke(db, session_id: str, *, by: str) -> bool:
    """An administrator ends one session (audited); True if it was live."""
    authorize(db, by, "manage_users")
    row = store.sessions.get_session(db, session_id=str(session_id))
    if row is None:
        return False
    with db.atomic():
        if not store.sessions.end_session(db, row["id"], at=store.now_iso(), by=by, reason="revoked"):
            return False
        store.audit(db, user=by, action="session_revoke", target=row["username"],
                    detail={"started": row["created_at"]})
    return True


def revoke_user(db, username: str, *, by: str, reason: str = "revoked") -> int:
    """End every live session of ``username`` (an administrator, or the account disabled); audited when
    any was live. Returns how many ended. Runs inside the caller's transaction when there is one."""
    authorize(db, by, "manage_users")
    with db.atomic():
        n = store.sessions.end_user_sessions(db, username, at=store.now_iso(), by=by, reason=reason)
        if n:
            store.audit(db, user=by, action="session_revoke_all", target=username, detail={"sessions": n,
                                                                                          "reason": reason})
    return n


def sessions_of(db, username: str, *, now: datetime | None = None) -> pd.DataFrame:
    """The sessions of ``username``, newest first, with ``state``: ``active`` or the reason it ended
    (:data:`END_REASONS`; an expiry not yet noticed reads ``expired``)."""
    df = store.sessions.user_sessions(db, username)
    now = _now(now).isoformat()
    state = [r if isinstance(r, str) and r else ("expired" if e <= now else "active")
             for r, e in zip(df["end_reason"], df["expires_at"])]
    return df.assign(state=state)
