"""Sign-in (เข้าสู่ระบบ) and lockout after repeated failures.

Every attempt (success or failure) is appended to the audit log. What follows a successful sign-in
(the session, its cookie, sign-out) is :mod:`tracker.auth.sessions`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tracker import settings, store
from tracker.auth.passwords import MAX_PASSWORD_LENGTH, hash_password, needs_rehash, verify_nothing, verify_password
from tracker.auth.users import get_user, normalize_username, public_user


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
        verify_nothing(password)  # same cost as a real check
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
            failed = {"reason": "bad_password", "failed_count": count}
            if count >= max_failures:
                until = now + timedelta(minutes=settings.get("lockout_minutes"))
                store.accounts.record_failure(db, name, count, locked_until=until.isoformat())
                store.audit(db, user=name, action="signin_failed", target=name, detail=failed)
                store.audit(db, user=name, action="account_locked", target=name,
                            detail={"locked_until": until.isoformat(), "failed_count": count})
                return SignIn(False, "locked", locked_until=until, delay=failure_delay(count))
            store.accounts.record_failure(db, name, count)
            store.audit(db, user=name, action="signin_failed", target=name, detail=failed)
        return SignIn(False, "bad_credentials", delay=failure_delay(count), attempts_left=max_failures - count)

    with db.atomic():
        new_hash = hash_password(password) if needs_rehash(user["password_hash"]) else None
        store.accounts.record_success(db, name, new_hash=new_hash)
        store.audit(db, user=name, action="signin", target=name, detail={"role": user["role"]})
    return SignIn(True, "ok", user=public_user(user))
