"""Roles (บทบาท) and what each may do, declared once in :data:`PERMISSIONS`.

Pages and package functions both check them (:func:`can`, :func:`require`, and for writes
:func:`tracker.auth.users.authorize`), so hiding a button is never the only protection.
"""

from __future__ import annotations

from tracker.errors import TrackerError
from tracker.i18n import CATALOG, t

ROLES = ("viewer", "analyst", "admin")

#: action -> roles allowed to do it. ``view`` covers every dashboard and report page.
PERMISSIONS: dict[str, frozenset[str]] = {
    "view": frozenset({"viewer", "analyst", "admin"}),
    "upload": frozenset({"analyst", "admin"}),
    "rollback": frozenset({"analyst", "admin"}),
    "snapshot": frozenset({"analyst", "admin"}),
    "narrative": frozenset({"analyst", "admin"}),
    "lock": frozenset({"analyst", "admin"}),
    "unlock": frozenset({"admin"}),
    "manage_users": frozenset({"admin"}),
    "view_audit": frozenset({"admin"}),
    "settings": frozenset({"admin"}),
    "backup": frozenset({"admin"}),
}


class AuthError(TrackerError):
    """A refused account operation (bad name, weak password, last admin...)."""


class PermissionDenied(AuthError):
    """The role may not do this action; ``action`` and ``role`` are shown translated."""

    def localized_values(self, lang: str) -> dict:
        values = dict(self.values)
        if "action" in values:
            values["action"] = action_label(values["action"], lang)
        if values.get("role") in ROLES:
            values["role"] = role_label(values["role"], lang)
        return values


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
    """The action's name in ``lang`` (the code itself when the catalog has none)."""
    key = f"auth.action.{action}"
    return t(key, lang) if key in CATALOG else action


def audit_action_label(action: str, lang: str) -> str:
    """What an audit-log entry records, in ``lang`` (``import`` → "นำเข้าข้อมูลรายไตรมาส"); the code itself
    for an action the catalog does not know (a newer version's), never an error."""
    key = f"audit.action.{action}"
    return t(key, lang) if key in CATALOG else action


def role_label(role: str, lang: str) -> str:
    return t(f"auth.role.{role}", lang)
