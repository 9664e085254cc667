"""Accounts (ผู้ใช้): create, change role, reset password, disable; and who may write (:func:`authorize`).

Every change is recorded in the audit log, before → after, by the admin (or ``cli:<name>``) doing it.
"""

from __future__ import annotations

import re

import pandas as pd

from tracker import store
from tracker.auth.passwords import check_password_policy, hash_password
from tracker.auth.roles import ROLES, AuthError, PermissionDenied, require

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")

#: Actors that are not accounts: the command line on the server (``cli:<name>``, see :func:`authorize`)
#: and the demo loader (``system:demo``).
CLI_PREFIX, SYSTEM_PREFIX = "cli:", "system:"


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
    return store.accounts.get_user(db, normalize_username(username))


def public_user(user: dict | None) -> dict | None:
    """Only what the UI needs about a user: never the hash."""
    if user is None:
        return None
    return {"username": user["username"], "role": user["role"], "display_name": user["display_name"],
            "is_demo": bool(user["is_demo"])}


def list_users(db) -> pd.DataFrame:
    """Every account without its password hash, admins first (:func:`tracker.store.accounts.list_users`)."""
    return store.accounts.list_users(db)


def has_users(db) -> bool:
    """True when at least one account may sign in."""
    return store.accounts.has_active_users(db)


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
    pw_hash = hash_password(password)
    with db.atomic():
        store.accounts.add_user(db, username=name, display_name=display, role=role, password_hash=pw_hash,
                                is_demo=is_demo, at=store.now_iso())
        store.audit(db, user=by, action="user_add", target=name,
                    detail={"role": role, "display_name": display, "is_demo": is_demo})
    return public_user(get_user(db, name))


def _existing(db, username: str) -> dict:
    user = get_user(db, username)
    if user is None:
        raise AuthError("users.not_found", username=normalize_username(username))
    return user


def _last_active_admin(db, user: dict) -> bool:
    return user["role"] == "admin" and not user["disabled"] and store.accounts.active_admins(db) <= 1


def set_role(db, username: str, role: str, *, by: str) -> dict:
    """Change an account's role (audited before → after). The last active admin keeps the role."""
    user = _existing(db, username)
    _check_role(role)
    if user["role"] == role:
        return public_user(user)
    if _last_active_admin(db, user):
        raise AuthError("users.last_admin")
    with db.atomic():
        store.accounts.set_role(db, user["username"], role)
        store.audit(db, user=by, action="user_set_role", target=user["username"],
                    detail={"before": user["role"], "after": role})
    return public_user(get_user(db, user["username"]))


def reset_password(db, username: str, password: str, *, by: str) -> None:
    """Set a new password; also clears failed sign-ins and any lockout. The password is not audited."""
    user = _existing(db, username)
    check_password_policy(password, user["username"])
    pw_hash = hash_password(password)
    with db.atomic():
        store.accounts.set_password(db, user["username"], pw_hash, at=store.now_iso())
        store.audit(db, user=by, action="user_reset_password", target=user["username"])


def set_disabled(db, username: str, disabled: bool = True, *, by: str) -> None:
    """Disable (or enable again) an account. A disabled account cannot sign in; its open sessions end."""
    user = _existing(db, username)
    if bool(user["disabled"]) == disabled:
        return
    if disabled and _last_active_admin(db, user):
        raise AuthError("users.last_admin")
    with db.atomic():
        store.accounts.set_disabled(db, user["username"], disabled)
        detail = {"before": {"disabled": bool(user["disabled"])}, "after": {"disabled": disabled}}
        if disabled:    # its sessions end in every browser, not only at their next check
            detail["sessions_ended"] = store.sessions.end_user_sessions(db, user["username"], at=store.now_iso(),
                                                                        by=by, reason="disabled")
        store.audit(db, user=by, action="user_disable" if disabled else "user_enable", target=user["username"],
                    detail=detail)


def require_user(db, username: str, action: str) -> dict:
    """Look up ``username`` and require that its role may do ``action``; returns the user.

    A disabled or unknown account is refused like a role without the permission.
    """
    user = get_user(db, username)
    if user is None or user["disabled"]:
        raise PermissionDenied("auth.denied_unknown_user", username=username)
    require(user["role"], action)
    return user


def authorize(db, actor: str, action: str) -> None:
    """The package-level check every write runs first (import, rollback, snapshot, lock, unlock).

    - ``system:…`` (the demo loader) is trusted;
    - ``cli:<os user>[/<note>]`` (the command line on the server): when the operating-system user is
      also an account, that account's role applies; any other is the server's operator, who could
      change the database file anyway, and is trusted (the note never grants a role);
    - any other actor must be an active account whose role allows ``action``.

    Refusals raise :class:`PermissionDenied`; nothing is ever silently allowed for a page's user.
    """
    actor = str(actor)
    if actor.startswith(SYSTEM_PREFIX):
        return
    if actor.startswith(CLI_PREFIX):
        name = actor[len(CLI_PREFIX):].split("/", 1)[0]
        if get_user(db, name) is None:
            return
        actor = name
    require_user(db, actor, action)
