"""Table ``sessions``: signed-in sessions kept on the server (rules in :mod:`tracker.auth.sessions`).

A row is one sign-in. The browser holds only a random token in an HttpOnly cookie; the table keeps
its SHA-256 (``token_sha``), so a copy of the database gives no usable cookie. ``id`` is another
random value, known only to the server (a browser tab's session state), that names the row before
the browser has taken its cookie. ``handoff_sha`` is the SHA-256 of a one-time code, valid until
``handoff_expires_at``, that the page exchanges for the cookie.
"""

from __future__ import annotations

import pandas as pd

from tracker.store.db import Database, first, frame

_COLUMNS = ("id, username, created_at, last_seen_at, expires_at, revoked_at, revoked_by, end_reason, "
            "token_sha IS NOT NULL AS has_cookie")


def add_session(db: Database, *, session_id: str, username: str, at: str, expires_at: str, handoff_sha: str,
                handoff_expires_at: str) -> None:
    db["sessions"].insert({"id": session_id, "username": username, "created_at": at, "last_seen_at": at,
                           "expires_at": expires_at, "handoff_sha": handoff_sha,
                           "handoff_expires_at": handoff_expires_at})


def redeem_handoff(db: Database, handoff_sha: str, token_sha: str, *, at: str) -> str | None:
    """Give the live session whose unexpired, unused code is ``handoff_sha`` the token ``token_sha``;
    the code is used up. Returns the session's id, or None (unknown, used, expired or ended)."""
    row = db.execute(
        "UPDATE sessions SET token_sha = ?, handoff_sha = NULL, handoff_expires_at = NULL "
        "WHERE handoff_sha = ? AND handoff_expires_at > ? AND token_sha IS NULL AND revoked_at IS NULL "
        "AND expires_at > ? RETURNING id", [token_sha, handoff_sha, at, at]).fetchone()
    return row[0] if row else None


def get_session(db: Database, *, session_id: str | None = None, token_sha: str | None = None) -> dict | None:
    """The session row by its id or by its token's hash (``id, username, created_at, last_seen_at,
    expires_at, revoked_at, revoked_by, end_reason, has_cookie``), or None."""
    if session_id:
        return first(db, f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", [session_id])
    if token_sha:
        return first(db, f"SELECT {_COLUMNS} FROM sessions WHERE token_sha = ?", [token_sha])
    return None


def touch(db: Database, session_id: str, *, at: str) -> None:
    db.execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", [at, session_id])


def end_session(db: Database, session_id: str, *, at: str, by: str, reason: str) -> bool:
    """Mark a live session ended; True if it was live."""
    cur = db.execute("UPDATE sessions SET revoked_at = ?, revoked_by = ?, end_reason = ?, handoff_sha = NULL "
                     "WHERE id = ? AND revoked_at IS NULL", [at, by, reason, session_id])
    return cur.rowcount > 0


def end_user_sessions(db: Database, username: str, *, at: str, by: str, reason: str) -> int:
    """Mark every live session of ``username`` ended; returns how many."""
    cur = db.execute("UPDATE sessions SET revoked_at = ?, revoked_by = ?, end_reason = ?, handoff_sha = NULL "
                     "WHERE username = ? AND revoked_at IS NULL", [at, by, reason, username])
    return cur.rowcount


def user_sessions(db: Database, username: str, *, limit: int = 50) -> pd.DataFrame:
    """The sessions of ``username``, newest first: ``id, username, created_at, last_seen_at, expires_at,
    revoked_at, revoked_by, end_reason, has_cookie``."""
    return frame(db, f"SELECT {_COLUMNS} FROM sessions WHERE username = ? ORDER BY created_at DESC, id LIMIT ?",
                 [username, int(limit)])


def delete_old(db: Database, *, before: str) -> int:
    """Forget sessions that ended or expired before ``before`` (the audit log keeps their story)."""
    cur = db.execute("DELETE FROM sessions WHERE coalesce(revoked_at, expires_at) < ? AND expires_at < ?",
                     [before, before])
    return cur.rowcount
