"""Accounts, sign-in and roles (บทบาท): who may see and who may change the official figures.

No identity provider is needed: accounts live in the store (:mod:`tracker.store.accounts`),
passwords are hashed with argon2id and never stored, printed or audited in clear.

- :mod:`.roles` — the roles and the one permission table (:data:`PERMISSIONS`), :func:`can`, :func:`require`;
- :mod:`.passwords` — hashing, verification, the password policy;
- :mod:`.users` — create, change role, reset password, disable; :func:`authorize`, the check every
  write in the package runs;
- :mod:`.signin` — sign-in with lockout;
- :mod:`.sessions` — signed-in sessions kept on the server (cookie token, sign-out everywhere, revocation);
- :mod:`.demo_accounts` — the public demo accounts that exist only while demo data is loaded.

No Streamlit here: the sign-in form is :mod:`tracker.ui.auth`.
"""

from tracker.auth import sessions
from tracker.auth.demo_accounts import (DEMO_ACCOUNTS, active_demo_accounts, demo_accounts_wanted,
                                        ensure_demo_accounts, remove_demo_accounts)
from tracker.auth.passwords import (MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, check_password_policy, hash_password,
                                    verify_password)
from tracker.auth.audit_text import actor_label, detail_text, target_text
from tracker.auth.roles import PERMISSIONS, ROLES, AuthError, PermissionDenied, action_label, audit_action_label, can, require, role_label
from tracker.auth.signin import SignIn, authenticate, failure_delay
from tracker.auth.users import (USERNAME_RE, authorize, create_user, get_user, has_users, list_users,
                                normalize_username, public_user, require_user, reset_password, set_disabled,
                                set_role)

__all__ = [
    "sessions", "actor_label", "detail_text", "target_text",
    "ROLES", "PERMISSIONS", "AuthError", "PermissionDenied", "can", "require", "action_label", "role_label",
    "MIN_PASSWORD_LENGTH", "MAX_PASSWORD_LENGTH", "hash_password", "verify_password", "check_password_policy",
    "USERNAME_RE", "normalize_username", "get_user", "public_user", "list_users", "has_users", "create_user",
    "set_role", "reset_password", "set_disabled", "require_user", "authorize",
    "SignIn", "authenticate", "failure_delay",
    "DEMO_ACCOUNTS", "demo_accounts_wanted", "ensure_demo_accounts", "remove_demo_accounts", "active_demo_accounts",
]
