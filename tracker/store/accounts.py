"""Table ``users``: accounts, their role, password hash, failed sign-ins and lockout.

Plain reads and writes; the rules (who may do what, password policy, lockout) are in
:mod:`tracker.auth`. Names are stored normalised (lower case) by the caller.
"""

from __future__ import annotations

import pandas as pd

from tracker.store.db import Database, first, frame


def get_user(db: Database, username: str) -> dict | None:
    """The user row as a dict (including ``password_hash``), or None."""
    return first(db, "SELECT * FROM users WHERE username = ?", [username])


def list_users(db: Database) -> pd.DataFrame:
    """Every account without its password hash, admins first: ``username, display_name, role, disabled,
    is_demo, failed_count, locked_until, created_at, password_changed_at``."""
    return frame(db, "SELECT username, display_name, role, disabled, is_demo, failed_count, locked_until, "
                     "created_at, password_changed_at FROM users "
                     "ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'analyst' THEN 1 ELSE 2 END, username")


def add_user(db: Database, *, username: str, display_name: str, role: str, password_hash: str, is_demo: bool,
             at: str) -> None:
    db["users"].insert({"username": username, "display_name": display_name, "role": role,
                        "password_hash": password_hash, "failed_count": 0, "locked_until": None, "disabled": 0,
                        "is_demo": int(is_demo), "created_at": at, "password_changed_at": at})


def set_role(db: Database, username: str, role: str) -> None:
    db.execute("UPDATE users SET role = ? WHERE username = ?", [role, username])


def set_password(db: Database, username: str, password_hash: str, *, at: str) -> None:
    """A new password hash; also clears failed sign-ins and any lockout."""
    db.execute("UPDATE users SET password_hash = ?, password_changed_at = ?, failed_count = 0, "
               "locked_until = NULL WHERE username = ?", [password_hash, at, username])


def set_disabled(db: Database, username: str, disabled: bool) -> None:
    db.execute("UPDATE users SET disabled = ? WHERE username = ?", [int(disabled), username])


def active_admins(db: Database) -> int:
    return db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0").fetchone()[0]


def has_active_users(db: Database) -> bool:
    return db.execute("SELECT 1 FROM users WHERE disabled = 0 LIMIT 1").fetchone() is not None


def record_failure(db: Database, username: str, failed_count: int, *, locked_until: str | None = None) -> None:
    """Failed sign-ins in a row; with ``locked_until`` the account is locked (and the count restarts)."""
    if locked_until:
        db.execute("UPDATE users SET failed_count = 0, locked_until = ? WHERE username = ?", [locked_until, username])
    else:
        db.execute("UPDATE users SET failed_count = ?, locked_until = NULL WHERE username = ?",
                   [failed_count, username])


def reserve_attempt(db: Database, username: str, *, now: str, max_failures: int,
                    locked_until: str) -> tuple[int, str | None]:
    """Count a sign-in attempt before its password is checked (call inside ``db.atomic()``): returns
    (this attempt's number, locked until). A number above ``max_failures`` means the account is locked
    and the password must not be checked; reaching ``max_failures`` locks it until ``locked_until``.
    :func:`record_success` sets the count back to 0. One ``UPDATE … RETURNING`` per attempt, so parallel
    attempts each get their own number."""
    row = db.execute(
        "UPDATE users SET "
        "failed_count = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1 ELSE failed_count + 1 END, "
        "locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL ELSE locked_until END "
        "WHERE username = ? RETURNING failed_count, locked_until", [now, now, username]).fetchone()
    count, until = int(row[0]), row[1]
    if until is not None:        # still locked: this attempt is past the limit whatever the count says
        return max(count, max_failures + 1), until
    if count >= max_failures:
        db.execute("UPDATE users SET locked_until = ? WHERE username = ?", [locked_until, username])
        return count, locked_until
    return count, None


def record_success(db: Database, username: str, *, new_hash: str | None = None) -> None:
    """A successful sign-in: failures cleared; ``new_hash`` replaces the hash (parameters raised)."""
    if new_hash:
        db.execute("UPDATE users SET failed_count = 0, locked_until = NULL, password_hash = ? WHERE username = ?",
                   [new_hash, username])
    else:
        db.execute("UPDATE users SET failed_count = 0, locked_until = NULL WHERE username = ?", [username])


def demo_usernames(db: Database, *, active_only: bool = False) -> list[str]:
    """Names of the demo accounts (``is_demo = 1``), optionally only those not disabled."""
    sql = "SELECT username FROM users WHERE is_demo = 1" + (" AND disabled = 0" if active_only else "")
    return [r[0] for r in db.execute(sql + " ORDER BY username").fetchall()]


def delete_demo_users(db: Database) -> None:
    db.execute("DELETE FROM users WHERE is_demo = 1")


def accounts_changed_by(db: Database, actors: list[str]) -> list[str]:
    """Active accounts that one of ``actors`` (plain or ``cli:`` names) created, re-roled, re-enabled or
    gave a new password, by the audit log."""
    names = [*actors, *(f"cli:{a}" for a in actors)]
    marks = ",".join("?" * len(names))
    return [r[0] for r in db.execute(
        f"SELECT DISTINCT a.target FROM audit_log a JOIN users u ON u.username = a.target AND u.disabled = 0 "
        f"WHERE a.username IN ({marks}) AND a.action IN ('user_add', 'user_set_role', 'user_reset_password', "
        f"'user_enable') ORDER BY a.target", names).fetchall()]
