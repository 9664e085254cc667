"""Server-side sessions: a one-time code for the cookie, lookups by the tab's id or the cookie's token,
sign-out everywhere, revocation by an administrator and by disabling, expiry; all audited."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tracker import auth, settings, store
from tracker.auth import sessions

T0 = datetime.now(timezone.utc).replace(microsecond=0)   # lookups without now= use the clock


def actions(db) -> list[str]:
    return list(store.audit_log(db)["action"])


def test_a_session_is_found_by_its_id_and_after_the_exchange_by_its_cookie_token(db):
    started = sessions.start(db, "somchai", now=T0)
    assert sessions.lookup(db, session_id=started.session_id, now=T0)["user"]["username"] == "somchai"
    token, seconds = sessions.redeem(db, started.code, now=T0 + timedelta(seconds=5))
    assert seconds == settings.get("session_minutes") * 60 - 5
    found = sessions.lookup(db, token=token, now=T0 + timedelta(minutes=1))
    assert found["session_id"] == started.session_id and found["user"]["role"] == "analyst"


def test_only_hashes_are_stored(db):
    started = sessions.start(db, "somchai", now=T0)
    token, _ = sessions.redeem(db, started.code, now=T0)
    dump = "\n".join(db.conn.iterdump())
    assert token not in dump and started.code not in dump


@pytest.mark.parametrize("delay, again", [(timedelta(seconds=61), False), (timedelta(seconds=1), True)])
def test_the_one_time_code_works_once_and_only_for_a_minute(db, delay, again):
    started = sessions.start(db, "somchai", now=T0)
    first = sessions.redeem(db, started.code, now=T0 + delay)
    assert (first is not None) is again
    assert sessions.redeem(db, started.code, now=T0 + delay) is None       # used up, or expired
    assert sessions.redeem(db, "not-a-code", now=T0) is None


def test_sign_out_ends_the_session_for_every_tab_and_is_audited(db):
    started = sessions.start(db, "somchai", now=T0)
    token, _ = sessions.redeem(db, started.code, now=T0)
    assert sessions.sign_out(db, token=token) == "somchai"
    assert sessions.lookup(db, session_id=started.session_id) is None
    assert sessions.lookup(db, token=token) is None
    assert sessions.sign_out(db, session_id=started.session_id) is None    # already ended: nothing more
    assert actions(db).count("signout") == 1


def test_an_expired_session_ends_and_the_audit_log_says_so_once(db):
    started = sessions.start(db, "somchai", now=T0)
    later = T0 + timedelta(minutes=settings.get("session_minutes"))
    assert sessions.lookup(db, session_id=started.session_id, now=later - timedelta(seconds=1))
    assert sessions.lookup(db, session_id=started.session_id, now=later) is None
    assert sessions.lookup(db, session_id=started.session_id, now=later) is None
    assert actions(db).count("session_expired") == 1
    assert sessions.sessions_of(db, "somchai")["state"].tolist() == ["expired"]


def test_session_expiry_follows_the_setting(db, monkeypatch):
    monkeypatch.setenv("TRACKER_SESSION_MINUTES", "5")
    started = sessions.start(db, "somchai", now=T0)
    assert sessions.lookup(db, session_id=started.session_id, now=T0 + timedelta(minutes=4))
    assert sessions.lookup(db, session_id=started.session_id, now=T0 + timedelta(minutes=5)) is None


def test_an_admin_ends_one_session_or_all_and_an_analyst_may_not(db):
    a = sessions.start(db, "somchai", now=T0)
    b = sessions.start(db, "somchai", now=T0)
    with pytest.raises(auth.PermissionDenied):
        sessions.revoke(db, a.session_id, by="analyst")
    assert sessions.revoke(db, a.session_id, by="admin")
    assert sessions.lookup(db, session_id=a.session_id) is None and sessions.lookup(db, session_id=b.session_id)
    assert sessions.revoke_user(db, "somchai", by="admin") == 1
    assert sessions.lookup(db, session_id=b.session_id) is None
    assert {"session_revoke", "session_revoke_all"} <= set(actions(db))
    assert sorted(sessions.sessions_of(db, "somchai")["state"]) == ["revoked", "revoked"]


def test_disabling_an_account_ends_its_sessions_and_a_role_change_applies_at_once(db):
    started = sessions.start(db, "somchai", now=T0)
    auth.set_role(db, "somchai", "viewer", by="admin")
    assert sessions.lookup(db, session_id=started.session_id)["user"]["role"] == "viewer"
    auth.set_disabled(db, "somchai", True, by="admin")
    assert sessions.lookup(db, session_id=started.session_id) is None
    auth.set_disabled(db, "somchai", False, by="admin")
    assert sessions.lookup(db, session_id=started.session_id) is None        # enabling does not revive it
    assert sessions.sessions_of(db, "somchai")["state"].tolist() == ["disabled"]


def test_a_code_of_an_ended_session_gives_no_cookie(db):
    started = sessions.start(db, "somchai", now=T0)
    sessions.sign_out(db, session_id=started.session_id)
    assert sessions.redeem(db, started.code) is None


def test_removed_demo_accounts_take_their_sessions_with_them(db):
    db["import_batches"].insert({"kind": "projects", "file_name": "demo.csv", "sha256": "x", "username": "system",
                                 "created_at": store.now_iso(), "is_demo": 1})
    auth.ensure_demo_accounts(db)
    sessions.start(db, "demo-viewer")
    db.execute("DELETE FROM import_batches")
    auth.ensure_demo_accounts(db)          # demo data gone: the accounts go, and their sessions
    assert sessions.sessions_of(db, "demo-viewer").empty


def test_last_seen_is_written_at_most_once_a_minute(db):
    started = sessions.start(db, "somchai", now=T0)
    sessions.lookup(db, session_id=started.session_id, now=T0 + timedelta(seconds=30))
    assert sessions.sessions_of(db, "somchai")["last_seen_at"][0] == T0.isoformat()
    sessions.lookup(db, session_id=started.session_id, now=T0 + timedelta(seconds=90))
    assert sessions.sessions_of(db, "somchai")["last_seen_at"][0] == (T0 + timedelta(seconds=90)).isoformat()


def test_every_setting_is_explained_in_both_languages():
    from tracker.i18n import CATALOG

    for s in settings.SETTINGS:
        th, en = CATALOG[f"setting.{s.name}"]
        assert th and en, s.name


def test_admin_lists_a_users_sessions_and_ends_them_on_the_users_page(app, db_file):
    from tests.conftest import ROOT, signed_in_session

    other = signed_in_session(db_file, "viewer")
    at = app(user="admin", page=str(ROOT / "pages/admin_users.py"))
    at.selectbox(key="sessions_pick").set_value("test-viewer").run()
    assert not at.exception
    at.button(key="sessions_revoke_all").click().run()
    assert not at.exception and at.success
    db = store.connect(db_file)
    try:
        assert sessions.lookup(db, session_id=other) is None
        assert "session_revoke_all" in actions(db)
    finally:
        db.close()


def test_the_command_line_ends_every_session_of_an_account(db_file, capsys):
    from tracker.cli import main
    from tracker.cli.common import os_user

    db = store.connect(db_file)
    try:
        a, b = sessions.start(db, "somchai"), sessions.start(db, "somchai")
    finally:
        db.close()
    assert main(["users", "sign-out", "somchai", "--user", "admin", "--lang", "en"]) == 0
    assert "2 sessions of somchai ended" in capsys.readouterr().out
    db = store.connect(db_file)
    try:
        assert sessions.lookup(db, session_id=a.session_id) is None and sessions.lookup(db, session_id=b.session_id) is None
        assert "session_revoke_all" in actions(db)
        # the operating-system user acts (#15); --user is only a note beside it in the audit
        log = store.audit_log(db)
        assert log.loc[log["action"] == "session_revoke_all", "username"].tolist() == [f"cli:{os_user()}/admin"]
    finally:
        db.close()
