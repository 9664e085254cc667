"""Accounts, sign-in and roles (บทบาท): who may see and who may change the official figures.

No identity provider is needed: accounts live in the ``users`` table, passwords are hashed with
argon2id (argon2-cffi's ``PasswordHasher``) and never stored, printed or audited in clear.

Roles and what they may do are declared once in :data:`PERMISSIONS`; pages and package functions
both check them through :func:`can` / :func:`require` / :func:`require_user`, so hiding a button is
never the only protection.

Every sign-in (success or failure), account change and sign-out is appended to ``audit_log``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from tracker import settings, store
from tracker.errors import TrackerError
from tracker.tables import neutralise_cell

ROLES = ("viewer", "analyst", "admin")

#: action -> roles allowed to do it. ``view`` covers every dashboard and report page.
PERMISSIONS: dict[str, frozenset[str]] = {
    "view": frozenset({"viewer", "analyst", "admin"}),
    "upload": frozenset({"analyst", "admin"}),
    "rollback": frozenset({"analyst", "admin"}),
    "snapshot": frozenset({"analyst", "admin"}),
    "lock": frozenset({"analyst", "admin"}),
    "unlock": frozenset({"admin"}),
    "manage_users": frozenset({"admin"}),
    "view_audit": frozenset({"admin"}),
    "settings": frozenset({"admin"}),
    "backup": frozenset({"admin"}),
}

#: Demo accounts: created only while demo data is loaded and the ``demo_accounts`` setting is on.
#: The passwords are public on purpose (shown on the sign-in page beside a warning).
DEMO_ACCOUNTS: tuple[dict, ...] = (
    {"username": "demo-viewer", "password": "demo-viewer-2569", "role": "viewer",
     "display_name": "ผู้บริหาร (สาธิต) / Executive (demo)"},
    {"username": "demo-analyst", "password": "demo-analyst-2569", "role": "analyst",
     "display_name": "นักวิเคราะห์ (สาธิต) / Analyst (demo)"},
    {"username": "demo-admin", "password": "demo-admin-2569", "role": "admin",
     "display_name": "ผู้ดูแลระบบ (สาธิต) / Administrator (demo)"},
)

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # hashing an enormous "password" is a cheap denial of service

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# verified against when the account does not exist, so a wrong name costs as long as a wrong password
_DUMMY_HASH = _hasher.hash("not-a-real-password-0")


# ---------------------------------------------------------------- errors


class AuthError(TrackerError):
    """A refused account or permission operation; ``key`` is an i18n key, ``values`` its placeholders."""


class PermissionDenied(AuthError):
    """The role may not do this action (``action`` is the action name, shown translated)."""

    def localized_values(self, lang: str) -> dict:
        from tracker.i18n import t

        values = dict(self.values)
        if "action" in values:
            values["action"] = action_label(values["action"], lang)
        if "role" in values:
            values["role"] = t(f"auth.role.{values['role']}", lang) if values["role"] in ROLES else values["role"]
        return values


# ---------------------------------------------------------------- roles


def can(role: str | None, action: str) -> bool:
    """True when ``role`` may do ``action``. Unknown actions are refused (fail closed)."""
    return role is not None and role in PERMISSIONS.get(action, frozenset())


def require(role: str | None, action: str) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` may do ``action``."""
    if not can(role, action):
        if role is None:
            raise PermissionDenied("auth.denied_signin", action=action)
        raise PermissionDenied("auth.denied_role", role=role, action=action)


def action_label(action: str, lang: str) -> str:
    from tracker.i18n import CATALOG, t

    key = f"auth.action.{action}"
    return t(key, lang) if key in CATALOG else action


def require_user(db, username: str, action: str) -> dict:
    """Look up ``username`` and require that its role may do ``action``; returns the user.

    For package functions called with a user name (imports, rollbacks, locks): a disabled or
    unknown account is refused like a role without the permission.
    """
    user = get_user(db, username)
    if user is None or user["disabled"]:
        raise PermissionDenied("auth.denied_unknown_user", username=username)
    require(user["role"], action)
    return user


#: Actors that are not accounts: the command line on the server (``cli:<os user>``) and the demo
#: loader (``system:demo``). Whoever runs them can already change the database file itself, so they
#: are trusted; every other actor of a write must be an active account whose role allows it.
TRUSTED_PREFIXES = ("cli:", "system:")


def authorize(db, actor: str, action: str) -> None:
    """The package-level check every write runs first (import, rollback, snapshot, lock).

    Pages check too, but this makes the rule hold whatever calls the function: a viewer's or an
    unknown name is refused with :class:`PermissionDenied`, never silently allowed.
    """
    if str(actor).startswith(TRUSTED_PREFIXES):
        return
    require_user(db, actor, action)


# ---------------------------------------------------------------- passwords


def hash_password(password: str) -> str:
    """argon2id hash of ``password`` (the salt is inside the returned string)."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Constant-time check of ``password`` against an argon2 hash; never raises on a mismatch."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_password_policy(password: str, username: str = "") -> None:
    """Raise :class:`AuthError` if the password is too short, too long or equals the user name."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError("users.password_too_short", n=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AuthError("users.password_too_long", n=MAX_PASSWORD_LENGTH)
    if username and password.strip().lower() == username.lower():
        raise AuthError("users.password_is_username")


# ---------------------------------------------------------------- users


def normalize_username(username: str) -> str:
    return (username or "").strip().lower()


def _check_username(username: str) -> str:
    name = normalize_username(username)
    if not USERNAME_RE.fullmatch(name):
        raise AuthError("users.bad_username")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AuthError("users.bad_role", role=str(role), roles=", ".join(ROLES))
    return role


def get_user(db, username: str) -> dict | None:
    """The user row as a dict (including ``password_hash``), or None."""
    row = db.execute("SELECT * FROM users WHERE username = ?", [normalize_username(username)]).fetchone()
    if row is None:
        return None
    cols = [d[0] for d in db.execute("SELECT * FROM users LIMIT 0").description]
    return dict(zip(cols, row))


def public_user(user: dict | None) -> dict | None:
    """Only what the UI needs about a user: never the hash."""
    if user is None:
        return None
    return {"username": user["username"], "role": user["role"], "display_name": user["display_name"],
            "is_demo": bool(user["is_demo"])}


def list_users(db) -> pd.DataFrame:
    """Every account without its password hash, admins first."""
    return store.frame(db, "SELECT username, display_name, role, disabled, is_demo, failed_count, locked_until, "
                           "created_at, password_changed_at FROM users "
                           "ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'analyst' THEN 1 ELSE 2 END, username")


def create_user(db, username: str, *, password: str, role: str, display_name: str | None = None,
                by: str, is_demo: bool = False) -> dict:
    """Create an account; raises :class:`AuthError` if the name is taken or the input is invalid."""
    name = _check_username(username)
    _check_role(role)
    check_password_policy(password, name)
    display = (display_name or "").strip() or name
    if len(display) > 100:
        raise AuthError("users.display_name_too_long")
    if get_user(db, name) is not None:
        raise AuthError("users.exists", username=name)
    now = store.now_iso()
    pw_hash = hash_password(password)
    with db.atomic():
        db["users"].insert({"username": name, "display_name": display, "role": role, "password_hash": pw_hash,
                            "failed_count": 0, "locked_until": None, "disabled": 0, "is_demo": int(is_demo),
                            "created_at": now, "password_changed_at": now})
        store.audit(db, user=by, action="user_add", target=name,
                    detail={"role": role, "display_name": display, "is_demo": is_demo})
    return public_user(get_user(db, name))


def _existing(db, username: str) -> dict:
    user = get_user(db, username)
    if user is None:
        raise AuthError("users.not_found", username=normalize_username(username))
    return user


def _active_admins(db) -> int:
    return db.execute("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0").fetchone()[0]


def set_role(db, username: str, role: str, *, by: str) -> dict:
    """Change an account's role (audited before → after). The last active admin keeps the role."""
    user = _existing(db, username)
    _check_role(role)
    if user["role"] == role:
        return public_user(user)
    if user["role"] == "admin" and not user["disabled"] and _active_admins(db) <= 1:
        raise AuthError("users.last_admin")
    with db.atomic():
        db.execute("UPDATE users SET role = ? WHERE username = ?", [role, user["username"]])
        store.audit(db, user=by, action="user_set_role", target=user["username"],
                    detail={"before": user["role"], "after": role})
    return public_user(get_user(db, user["username"]))


def reset_password(db, username: str, password: str, *, by: str) -> None:
    """Set a new password; also clears failed sign-ins and any lockout. The password is not audited."""
    user = _existing(db, username)
    check_password_policy(password, user["username"])
    pw_hash = hash_password(password)
    with db.atomic():
        db.execute("UPDATE users SET password_hash = ?, password_changed_at = ?, failed_count = 0, "
                   "locked_until = NULL WHERE username = ?", [pw_hash, store.now_iso(), user["username"]])
        store.audit(db, user=by, action="user_reset_password", target=user["username"])


def set_disabled(db, username: str, disabled: bool = True, *, by: str) -> None:
    """Disable (or enable again) an account. A disabled account cannot sign in; its open sessions end."""
    user = _existing(db, username)
    if bool(user["disabled"]) == disabled:
        return
    if disabled and user["role"] == "admin" and _active_admins(db) <= 1:
        raise AuthError("users.last_admin")
    with db.atomic():
        db.execute("UPDATE users SET disabled = ? WHERE username = ?", [int(disabled), user["username"]])
        store.audit(db, user=by, action="user_disable" if disabled else "user_enable", target=user["username"],
                    detail={"before": {"disabled": bool(user["disabled"])}, "after": {"disabled": disabled}})


def disable_user(db, username: str, *, by: str) -> None:
    set_disabled(db, username, True, by=by)


def has_users(db) -> bool:
    return db.execute("SELECT 1 FROM users WHERE disabled = 0 LIMIT 1").fetchone() is not None


# ---------------------------------------------------------------- sign-in


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0)


def _parse(iso: str | None) -> datetime | None:
    if not iso:
        return None
    dt = datetime.fromisoformat(iso)
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def failure_delay(failed_count: int) -> float:
    """Seconds the sign-in form waits after the ``failed_count``-th failure in a row: 0, 1, 2, 4, 8 (max)."""
    if failed_count <= 1:
        return 0.0
    return float(min(2 ** (failed_count - 2), 8))


@dataclass
class SignIn:
    """Outcome of :func:`authenticate`.

    ``reason``: ``ok``, ``bad_credentials`` (wrong name or password, or a disabled account: not
    told apart, so names cannot be probed) or ``locked`` (``locked_until`` says until when).
    """

    ok: bool
    reason: str
    user: dict | None = None
    delay: float = 0.0
    locked_until: datetime | None = None
    attempts_left: int | None = field(default=None)


def authenticate(db, username: str, password: str, *, now: datetime | None = None) -> SignIn:
    """Check a name and password; count failures, lock after too many, audit the attempt.

    After ``lockout_failures`` failures in a row the account is locked for ``lockout_minutes``;
    while locked, even the right password is refused (and not checked). Success resets the count
    and re-hashes the password if the hashing parameters have been raised since.
    """
    now = _now(now)
    name = normalize_username(username)[:64]
    password = password or ""
    if len(password) > MAX_PASSWORD_LENGTH:
        password = password[:MAX_PASSWORD_LENGTH + 1]  # still fails: no stored password is that long
    user = get_user(db, name) if name else None
    max_failures = max(1, settings.get("lockout_failures"))

    if user is None or user["disabled"]:
        verify_password(_DUMMY_HASH, password)  # same cost as a real check
        store.audit(db, user=name or "-", action="signin_failed", target=name or None,
                    detail={"reason": "unknown_user" if user is None else "disabled"})
        return SignIn(False, "bad_credentials", delay=failure_delay(2))

    locked_until = _parse(user["locked_until"])
    if locked_until and locked_until > now:
        store.audit(db, user=name, action="signin_failed", target=name,
                    detail={"reason": "locked", "locked_until": user["locked_until"]})
        return SignIn(False, "locked", locked_until=locked_until, delay=failure_delay(max_failures))

    if not verify_password(user["password_hash"], password):
        count = int(user["failed_count"] or 0) + 1
        with db.atomic():
            if count >= max_failures:
                until = now + timedelta(minutes=settings.get("lockout_minutes"))
                db.execute("UPDATE users SET failed_count = 0, locked_until = ? WHERE username = ?",
                           [until.isoformat(), name])
                store.audit(db, user=name, action="signin_failed", target=name,
                            detail={"reason": "bad_password", "failed_count": count})
                store.audit(db, user=name, action="account_locked", target=name,
                            detail={"locked_until": until.isoformat(), "failed_count": count})
                return SignIn(False, "locked", locked_until=until, delay=failure_delay(count))
            db.execute("UPDATE users SET failed_count = ?, locked_until = NULL WHERE username = ?", [count, name])
            store.audit(db, user=name, action="signin_failed", target=name,
                        detail={"reason": "bad_password", "failed_count": count})
        return SignIn(False, "bad_credentials", delay=failure_delay(count), attempts_left=max_failures - count)

    with db.atomic():
        updates, params = ["failed_count = 0", "locked_until = NULL"], []
        try:
            if _hasher.check_needs_rehash(user["password_hash"]):
                updates.append("password_hash = ?")
                params.append(hash_password(password))
        except InvalidHashError:
            pass
        db.execute(f"UPDATE users SET {', '.join(updates)} WHERE username = ?", [*params, name])
        store.audit(db, user=name, action="signin", target=name, detail={"role": user["role"]})
    return SignIn(True, "ok", user=public_user(user))


def sign_out(db, username: str) -> None:
    """Record a sign-out (the session itself lives in the UI)."""
    store.audit(db, user=username, action="signout", target=username)


# ---------------------------------------------------------------- sessions


def new_session(user: dict, *, now: datetime | None = None) -> dict:
    """Session record kept in the UI after a successful sign-in; expires after ``session_minutes``."""
    now = _now(now)
    return {"username": user["username"], "signed_in_at": now.isoformat(),
            "expires_at": (now + timedelta(minutes=settings.get("session_minutes"))).isoformat()}


def session_expired(session: dict | None, *, now: datetime | None = None) -> bool:
    """True when the session is missing, malformed or past its expiry time."""
    try:
        return _parse(session["expires_at"]) <= _now(now)
    except (TypeError, KeyError, ValueError):
        return True


def session_user(db, session: dict | None, *, now: datetime | None = None) -> dict | None:
    """The signed-in user of ``session`` read fresh from the database, or None.

    The role comes from the database on every call, so a role change or disabling takes effect
    at the next page view, not at the next sign-in.
    """
    if session_expired(session, now=now):
        return None
    user = get_user(db, session.get("username", ""))
    if user is None or user["disabled"]:
        return None
    return public_user(user)


# ---------------------------------------------------------------- demo accounts


def demo_accounts_wanted(db) -> bool:
    return bool(settings.get("demo_accounts")) and store.has_demo_data(db)


def ensure_demo_accounts(db) -> list[str]:
    """Create the demo accounts if demo data is loaded and the setting is on; returns names created.

    When demo data is gone (or the setting is off), removes them instead (see :func:`remove_demo_accounts`).
    """
    if not demo_accounts_wanted(db):
        remove_demo_accounts(db)
        return []
    created = []
    for acc in DEMO_ACCOUNTS:
        if get_user(db, acc["username"]) is None:
            create_user(db, acc["username"], password=acc["password"], role=acc["role"],
                        display_name=acc["display_name"], by="system", is_demo=True)
            created.append(acc["username"])
    return created


def remove_demo_accounts(db) -> list[str]:
    """Delete every demo account (``is_demo = 1``); returns the names removed."""
    names = [r[0] for r in db.execute("SELECT username FROM users WHERE is_demo = 1").fetchall()]
    if names:
        with db.atomic():
            db.execute("DELETE FROM users WHERE is_demo = 1")
            for n in names:
                store.audit(db, user="system", action="user_remove_demo", target=n)
    return names


def active_demo_accounts(db) -> list[dict]:
    """The demo accounts that exist now, with their public passwords (for the sign-in page warning)."""
    present = {r[0] for r in db.execute("SELECT username FROM users WHERE is_demo = 1 AND disabled = 0").fetchall()}
    return [a for a in DEMO_ACCOUNTS if a["username"] in present]


# ---------------------------------------------------------------- audit trail (reads, export)

AUDIT_ACTIONS = ("signin", "signin_failed", "account_locked", "signout", "user_add", "user_set_role",
                 "user_reset_password", "user_disable", "user_enable", "user_remove_demo", "import", "rollback",
                 "snapshot", "quarter_lock", "quarter_unlock", "backup", "restore")


def audit_log(db, *, since: str | None = None, until: str | None = None, user: str | None = None,
              action: str | None = None, text: str | None = None, limit: int = 5000) -> pd.DataFrame:
    """Audit rows, newest first, filtered.

    ``since`` (inclusive) and ``until`` are ISO texts in UTC: a date-only ``until`` includes that
    whole day; a date-time ``until`` is exclusive (pages pass local midnights converted to UTC).
    """
    where, params = [], []
    if since:
        where.append("at >= ?")
        params.append(str(since))
    if until:
        where.append("at < ?")
        until = str(until)
        params.append((datetime.fromisoformat(until) + timedelta(days=1)).date().isoformat() if len(until) == 10
                      else until)
    if user:
        where.append("username = ?")
        params.append(user)
    if action:
        where.append("action = ?")
        params.append(action)
    if text:
        where.append("(coalesce(target,'') || ' ' || coalesce(detail,'')) LIKE ? ESCAPE '\\'")
        params.append("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    sql = "SELECT id, at, username, action, target, detail FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    return store.frame(db, sql, [*params, int(limit)])


def audit_users_and_actions(db) -> tuple[list[str], list[str]]:
    users = [r[0] for r in db.execute("SELECT DISTINCT username FROM audit_log ORDER BY 1").fetchall()]
    actions = [r[0] for r in db.execute("SELECT DISTINCT action FROM audit_log ORDER BY 1").fetchall()]
    return users, actions


def _missing(v) -> bool:
    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (Excel opens Thai correctly), every text cell formula-safe."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralise_cell(str(c)) for c in df.columns])
    for row in df.itertuples(index=False):
        writer.writerow(["" if _missing(v) else neutralise_cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
