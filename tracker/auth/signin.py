"""Sign-in (เข้าสู่ระบบ) and lockout after repeated failures.

Every attempt (success or failure) is appended to the audit log. What follows a successful sign-in
(the session, its cookie, sign-out) is :mod:`tracker.auth.sessions`.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tracker import settings, store
from tracker.auth.passwords import MAX_PASSWORD_LENGTH, hash_password, needs_rehash, verify_nothing, verify_password
from tracker.auth.users import USERNAME_RE, get_user, normalize_username, public_user


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
    told apart, so names cannot be probed), ``locked`` (``locked_until`` says until when; an unknown
    name locks the same way) or ``throttled`` (too many failures from this computer; ``delay`` says
    how long to wait).
    """

    ok: bool
    reason: str
    user: dict | None = None
    delay: float = 0.0
    locked_until: datetime | None = None
    attempts_left: int | None = field(default=None)


#: Failed sign-ins from one client (browser address) within :data:`CLIENT_WINDOW` before every attempt
#: from it is refused until the window has passed: guessing many names from one computer is slowed
#: as guessing one account's password is.
CLIENT_FAILURES = 20
CLIENT_WINDOW = timedelta(minutes=15)
_MAX_TRACKED = 10_000


class _Throttle:
    """In-process counters: failures per client, and failures per unknown name (an unknown name is
    counted and "locked" like an account, so its answers cannot tell it apart from a real one)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.clients: dict[str, list[datetime]] = {}
        self.names: dict[str, tuple[int, datetime | None]] = {}

    def client_wait(self, client: str, now: datetime) -> float:
        with self.lock:
            recent = [t for t in self.clients.get(client, []) if now - t < CLIENT_WINDOW]
            self.clients[client] = recent
            if len(recent) < CLIENT_FAILURES:
                return 0.0
            return (recent[0] + CLIENT_WINDOW - now).total_seconds()

    def client_failed(self, client: str, now: datetime) -> None:
        with self.lock:
            if len(self.clients) > _MAX_TRACKED:
                self.clients.clear()
            self.clients.setdefault(client, []).append(now)

    def unknown_name(self, name: str, now: datetime, max_failures: int, minutes: int) -> tuple[int, datetime | None]:
        """Count a failure of an unknown name as :func:`tracker.store.accounts.reserve_attempt` counts
        an account's: (attempt number, locked until)."""
        with self.lock:
            if len(self.names) > _MAX_TRACKED:
                self.names.clear()
            count, until = self.names.get(name, (0, None))
            if until and until > now:
                return max_failures + 1, until
            count = 0 if until else count
            count += 1
            until = now + timedelta(minutes=minutes) if count >= max_failures else None
            self.names[name] = (0 if until else count, until)
            return count, until


_THROTTLE = _Throttle()


def reset_throttle() -> None:
    """Forget every client's and unknown name's failures (tests; a restart does the same)."""
    global _THROTTLE
    _THROTTLE = _Throttle()


def audit_name(typed: str) -> str:
    """A sign-in name as it may appear in the audit log: the normalised name when it is a valid user
    name, else a fixed word and a short digest (never the typed text: line breaks, Markdown, HTML,
    bidirectional or terminal control characters would be stored and shown to admins)."""
    name = normalize_username(typed)
    if USERNAME_RE.fullmatch(name):
        return name
    return "(invalid-name:" + hashlib.sha256(str(typed).encode("utf-8", "replace")).hexdigest()[:12] + ")"


def authenticate(db, username: str, password: str, *, now: datetime | None = None,
                 client: str | None = None) -> SignIn:
    """Check a name and password; count failures, lock after too many, audit the attempt.

    Every attempt first reserves itself on the account's counter (one ``UPDATE … SET failed_count =
    failed_count + 1 … RETURNING`` in one transaction), so parallel guesses check at most
    ``lockout_failures`` passwords before the account is locked for ``lockout_minutes``; while locked,
    even the right password is refused (and not checked). An unknown or disabled name goes through the
    same steps (an in-process counter, one dummy password check), so its answers and their timing are
    the same as a real name's. ``client`` (the browser's address) is throttled apart: after
    :data:`CLIENT_FAILURES` failures within :data:`CLIENT_WINDOW` every attempt from it is refused.
    Success resets the count and re-hashes the password if the hashing parameters have been raised.
    """
    now = _now(now)
    name = normalize_username(username)[:64]
    shown = audit_name(username)
    password = password or ""
    if len(password) > MAX_PASSWORD_LENGTH:
        password = password[:MAX_PASSWORD_LENGTH + 1]  # still fails: no stored password is that long
    max_failures = max(1, settings.get("lockout_failures"))
    minutes = settings.get("lockout_minutes")
    client = str(client or "-")[:80]

    wait = _THROTTLE.client_wait(client, now)
    if wait > 0:
        store.audit(db, user=shown, action="signin_failed", target=shown,
                    detail={"reason": "client_throttled", "client": audit_name(client.replace(":", "-"))})
        return SignIn(False, "throttled", delay=min(wait, 60.0))

    user = get_user(db, name) if USERNAME_RE.fullmatch(name) else None
    if user is not None and not user["disabled"]:
        with db.atomic():
            count, until_iso = store.accounts.reserve_attempt(db, name, now=now.isoformat(),
                                                              max_failures=max_failures,
                                                              locked_until=(now + timedelta(minutes=minutes)).isoformat())
        until = _parse(until_iso)
        ok = count <= max_failures and verify_password(user["password_hash"], password)
    else:
        count, until = _THROTTLE.unknown_name(name or shown, now, max_failures, minutes)
        verify_nothing(password) if count <= max_failures else None
        ok = False

    if ok:
        with db.atomic():
            new_hash = hash_password(password) if needs_rehash(user["password_hash"]) else None
            store.accounts.record_success(db, name, new_hash=new_hash)
            store.audit(db, user=name, action="signin", target=name, detail={"role": user["role"]})
        return SignIn(True, "ok", user=public_user(user))

    _THROTTLE.client_failed(client, now)
    reason = "bad_password" if user is not None and not user["disabled"] else \
        ("unknown_user" if user is None else "disabled")
    if count > max_failures:     # locked before this attempt: the password was not checked
        store.audit(db, user=shown, action="signin_failed", target=shown,
                    detail={"reason": "locked", "locked_until": until.isoformat() if until else None})
        return SignIn(False, "locked", locked_until=until, delay=failure_delay(max_failures))
    with db.atomic():
        store.audit(db, user=shown, action="signin_failed", target=shown,
                    detail={"reason": reason, "failed_count": count})
        if count >= max_failures:
            store.audit(db, user=shown, action="account_locked", target=shown,
                        detail={"locked_until": until.isoformat() if until else None, "failed_count": count})
    if count >= max_failures:
        return SignIn(False, "locked", locked_until=until, delay=failure_delay(count))
    return SignIn(False, "bad_credentials", delay=failure_delay(count), attempts_left=max_failures - count)

