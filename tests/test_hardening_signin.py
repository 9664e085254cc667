"""Issue #15 item 6: sign-in — an atomic failure counter (parallel guesses cannot pass the lockout), a
per-client throttle beside the per-account lockout, the same answer for real and unknown names, and
sign-in names sanitised before they reach the audit log."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest

from tracker import auth, store
from tracker.auth import passwords, signin

PW = "correct-horse-1"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _fresh_throttle():
    signin.reset_throttle()
    yield
    signin.reset_throttle()


@pytest.fixture
def counted(monkeypatch):
    """How many passwords were really checked (argon2 verifications)."""
    calls = []
    real = passwords.verify_password

    def verify(h, p):
        calls.append(p)
        return real(h, p)

    monkeypatch.setattr(passwords, "verify_password", verify)
    monkeypatch.setattr(signin, "verify_password", verify)
    return calls


def test_parallel_guesses_check_no_more_passwords_than_the_lockout_allows(db_file, db, counted, monkeypatch):
    monkeypatch.setenv("TRACKER_LOCKOUT_FAILURES", "5")
    auth.create_user(db, "kasem", password=PW, role="analyst", by="t")
    counted.clear()
    start = threading.Barrier(20)
    results = []

    def guess(i):
        conn = store.connect(db_file)
        try:
            start.wait()
            results.append(auth.authenticate(conn, "kasem", f"guess-{i:04d}-x", client=f"10.0.0.{i}"))
        finally:
            conn.close()

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert len(results) == 20 and not any(r.ok for r in results)
    assert len(counted) <= 5, f"{len(counted)} passwords checked"
    assert auth.authenticate(db, "kasem", PW, client="10.9.9.9").reason == "locked"


def test_one_client_guessing_many_names_is_throttled(db, monkeypatch):
    monkeypatch.setenv("TRACKER_LOCKOUT_FAILURES", "5")
    auth.create_user(db, "kasem", password=PW, role="analyst", by="t")
    for i in range(signin.CLIENT_FAILURES):
        auth.authenticate(db, f"name{i:03d}", "wrong-wrong-1", client="10.0.0.66", now=T0)
    throttled = auth.authenticate(db, "kasem", PW, client="10.0.0.66", now=T0)
    assert not throttled.ok and throttled.reason == "throttled" and throttled.delay > 0
    assert auth.authenticate(db, "kasem", PW, client="10.0.0.7", now=T0).ok      # another computer
    later = T0.replace(hour=T0.hour + 1)
    assert auth.authenticate(db, "kasem", PW, client="10.0.0.66", now=later).ok   # the window passed


def _answers(db, name, n=6):
    out = []
    for i in range(n):
        r = auth.authenticate(db, name, f"wrong-{i}-password", now=T0, client=f"c-{name}")
        out.append((r.ok, r.reason, r.delay, r.attempts_left, r.locked_until))
    return out


def test_real_and_unknown_names_get_the_same_answers_all_the_way_to_the_lockout(db, counted, monkeypatch):
    monkeypatch.setenv("TRACKER_LOCKOUT_FAILURES", "5")
    auth.create_user(db, "kasem", password=PW, role="analyst", by="t")
    counted.clear()
    real = _answers(db, "kasem")
    n_real = len(counted)
    unknown = _answers(db, "nobody")
    assert real == unknown
    assert real[-1][1] == "locked"
    assert len(counted) == 2 * n_real       # as many (as slow) password checks for an unknown name


@pytest.mark.parametrize("name", ["evil\n2026-01-01 admin signin ok", "<img src=x onerror=alert(1)>",
                                  "[click](http://evil.example)", "a\u202eb", "\x1b[31mred", "x" * 5000])
def test_sign_in_names_are_sanitised_before_the_audit_log(db, name):
    auth.authenticate(db, name, "wrong-wrong-1")
    row = store.audit_log(db, action="signin_failed").iloc[0]
    text = f"{row['username']} {row['target']} {row['detail']}"
    for bad in ("\n", "<", ">", "[", "](", "\u202e", "\x1b", "x" * 100):
        assert bad not in text, (bad, text)


def test_a_valid_unknown_name_is_still_recorded_as_typed(db):
    auth.authenticate(db, "Nobody.Here", "wrong-wrong-1")
    assert store.audit_log(db, action="signin_failed").iloc[0]["target"] == "nobody.here"
