"""Passwords: argon2id hashes (argon2-cffi's ``PasswordHasher``), the policy, constant-time checks.

Passwords are never stored, printed or audited in clear. The hashing parameters are argon2-cffi's
current recommendation; :func:`use_hasher` replaces them (the test suite uses a cheap hasher so that
a test is not dominated by deliberate slowness; production never calls it).
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from tracker.auth.roles import AuthError

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024  # hashing an enormous "password" is a cheap denial of service

_state: dict = {"hasher": PasswordHasher(), "dummy": None}


def use_hasher(hasher: PasswordHasher) -> None:
    """Hash and verify with ``hasher`` from now on (existing hashes still verify)."""
    _state.update(hasher=hasher, dummy=None)


def hasher() -> PasswordHasher:
    """The hasher in use."""
    return _state["hasher"]


def hash_password(password: str) -> str:
    """argon2id hash of ``password`` (the salt is inside the returned string)."""
    return hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Constant-time check of ``password`` against an argon2 hash; never raises on a mismatch."""
    try:
        return hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def verify_nothing(password: str) -> None:
    """Spend as long as a real check (for an unknown or disabled account), so names cannot be probed."""
    if _state["dummy"] is None:
        _state["dummy"] = hash_password("not-a-real-password-0")
    verify_password(_state["dummy"], password)


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with other (older, weaker) parameters than the hasher's."""
    try:
        return hasher().check_needs_rehash(password_hash)
    except InvalidHashError:
        return False


def check_password_policy(password: str, username: str = "") -> None:
    """Raise :class:`AuthError` if the password is too short, too long or equals the user name."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError("users.password_too_short", n=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AuthError("users.password_too_long", n=MAX_PASSWORD_LENGTH)
    if username and password.strip().lower() == username.lower():
        raise AuthError("users.password_is_username")
