"""Accounts, sign-in, lockout, sessions, roles, demo accounts, audit trail and the users CLI."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from tracker import auth, store, tables
from tracker.cli import main

PW = "correct-horse-1"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def mem():
    db = store.open_db(":memory:")
    yield db
    db.close()


def audit_rows(db, action=None):
    df = store.audit_log(db, action=action)
    return df.to_dict("records")


def add(db, name="somchai", role="analyst", password=PW, **kw):
    return auth.create_user(db, name, password=password, role=role, by="test-admin", **kw)


# ---------------------------------------------------------------- passwords


def test_passwords_are_stored_as_argon2id_hashes_never_in_clear(mem):
    add(mem)
    h = auth.get_user(mem, "somchai")["password_hash"]
    assert h.startswith("$argon2id$")
    assert PW not in h
    assert auth.verify_password(h, PW)
    assert not auth.verify_password(h, PW + "x")
    assert not auth.verify_password("not-a-hash", PW)


def test_password_never_appears_in_the_audit_log(mem):
    add(mem)
    auth.authenticate(mem, "somchai", "wrong-password-9", now=T0)
    auth.authenticate(mem, "somchai", PW, now=T0)
    auth.reset_password(mem, "somchai", "another-password-2", by="test-admin")
    dump = "\n".join(mem.conn.iterdump())
    assert PW not in dump and "wrong-password-9" not in dump and "another-password-2" not in dump


@pytest.mark.parametrize("name, password, role, key", [
    ("a", PW, "viewer", "users.bad_username"),
    ("has space", PW, "viewer", "users.bad_username"),
    ("<script>", PW, "viewer", "users.bad_username"),
    ("somsri", "short", "viewer", "users.password_too_short"),
    ("somsri", "somsri", "viewer", "users.password_too_short"),
    ("somsri-long", "somsri-long", "viewer", "users.password_is_username"),
    ("somsri", "x" * 2000, "viewer", "users.password_too_long"),
    ("somsri", PW, "superuser", "users.bad_role"),
])
def test_invalid_new_accounts_are_refused_with_a_message_key(mem, name, password, role, key):
    with pytest.raises(auth.AuthError) as err:
        auth.create_user(mem, name, password=password, role=role, by="t")
    assert err.value.key == key
    assert err.value.message("th") and err.value.message("en")


def test_user_names_are_case_insensitive_and_unique(mem):
    add(mem, "Somchai")
    with pytest.raises(auth.AuthError) as err:
        add(mem, "SOMCHAI")
    assert err.value.key == "users.exists"
    assert auth.authenticate(mem, " SomChai ", PW, now=T0).ok


# ---------------------------------------------------------------- sign-in and lockout


def test_successful_and_failed_sign_ins_are_audited(mem):
    add(mem)
    assert auth.authenticate(mem, "somchai", PW, now=T0).ok
    bad = auth.authenticate(mem, "somchai", "nope-nope-nope", now=T0)
    assert not bad.ok and bad.reason == "bad_credentials"
    assert [r["action"] for r in audit_rows(mem)][:2] == ["signin_failed", "signin"]
    failed = audit_rows(mem, "signin_failed")[0]
    assert failed["username"] == "somchai" and json.loads(failed["detail"])["reason"] == "bad_password"


def test_unknown_user_and_wrong_password_look_the_same(mem):
    add(mem)
    unknown = auth.authenticate(mem, "nobody", PW, now=T0)
    wrong = auth.authenticate(mem, "somchai", "wrong-wrong-1", now=T0)
    assert unknown.reason == wrong.reason == "bad_credentials"
    assert json.loads(audit_rows(mem, "signin_failed")[-1]["detail"])["reason"] == "unknown_user"


def test_repeated_failures_slow_down_then_lock_the_account(mem, monkeypatch):
    monkeypatch.setenv("TRACKER_LOCKOUT_FAILURES", "5")
    monkeypatch.setenv("TRACKER_LOCKOUT_MINUTES", "15")
    add(mem)
    delays = []
    for i in range(4):
        r = auth.authenticate(mem, "somchai", f"wrong-{i}-password", now=T0)
        assert r.reason == "bad_credentials"
        delays.append(r.delay)
    assert delays == sorted(delays) and delays[-1] > delays[0]
    r = auth.authenticate(mem, "somchai", "wrong-5-password", now=T0)
    assert r.reason == "locked" and r.locked_until == T0 + timedelta(minutes=15)
    assert audit_rows(mem, "account_locked")
    # while locked, even the right password is refused
    assert auth.authenticate(mem, "somchai", PW, now=T0 + timedelta(minutes=14)).reason == "locked"
    # after the lockout time, the right password works and the counter is reset
    assert auth.authenticate(mem, "somchai", PW, now=T0 + timedelta(minutes=16)).ok
    assert auth.get_user(mem, "somchai")["failed_count"] == 0


def test_reset_password_unlocks_a_locked_account(mem, monkeypatch):
    monkeypatch.setenv("TRACKER_LOCKOUT_FAILURES", "2")
    add(mem)
    for _ in range(2):
        auth.authenticate(mem, "somchai", "wrong-wrong-1")
    assert auth.authenticate(mem, "somchai", PW).reason == "locked"
    auth.reset_password(mem, "somchai", "brand-new-pass-1", by="admin")
    assert auth.authenticate(mem, "somchai", "brand-new-pass-1").ok
    assert audit_rows(mem, "user_reset_password")[0]["username"] == "admin"


def test_disabled_account_cannot_sign_in_and_its_session_ends(mem):
    add(mem, "boss", role="admin")
    add(mem)
    sid = auth.sessions.start(mem, "somchai", now=T0).session_id
    assert auth.sessions.lookup(mem, session_id=sid, now=T0 + timedelta(minutes=1))["user"]["role"] == "analyst"
    auth.set_disabled(mem, "somchai", True, by="boss")
    assert auth.authenticate(mem, "somchai", PW).reason == "bad_credentials"
    assert auth.sessions.lookup(mem, session_id=sid, now=T0 + timedelta(minutes=1)) is None
    auth.set_disabled(mem, "somchai", False, by="boss")
    assert auth.authenticate(mem, "somchai", PW).ok


def test_role_is_read_fresh_so_a_demotion_applies_at_once(mem):
    add(mem, "boss", role="admin")
    add(mem)
    sid = auth.sessions.start(mem, "somchai", now=T0).session_id
    auth.set_role(mem, "somchai", "viewer", by="boss")
    assert auth.sessions.lookup(mem, session_id=sid, now=T0)["user"]["role"] == "viewer"
    row = audit_rows(mem, "user_set_role")[0]
    assert json.loads(row["detail"]) == {"before": "analyst", "after": "viewer"} and row["username"] == "boss"


def test_the_last_active_admin_cannot_be_demoted_or_disabled(mem):
    add(mem, "boss", role="admin")
    for change in (lambda: auth.set_role(mem, "boss", "analyst", by="boss"),
                   lambda: auth.set_disabled(mem, "boss", True, by="boss")):
        with pytest.raises(auth.AuthError) as err:
            change()
        assert err.value.key == "users.last_admin"


def test_password_hash_is_upgraded_on_sign_in_when_parameters_change(mem, monkeypatch):
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    add(mem)
    mem.execute("UPDATE users SET password_hash = ? WHERE username = 'somchai'", [weak.hash(PW)])
    assert auth.authenticate(mem, "somchai", PW).ok
    assert not auth.passwords.needs_rehash(auth.get_user(mem, "somchai")["password_hash"])


# ---------------------------------------------------------------- roles


MATRIX = {
    "viewer": {"view"},
    "analyst": {"view", "upload", "rollback", "snapshot", "lock", "narrative"},
    "admin": set(auth.PERMISSIONS),
}


@pytest.mark.parametrize("role", [*auth.ROLES, None])
@pytest.mark.parametrize("action", sorted(auth.PERMISSIONS))
def test_permission_table(role, action):
    expected = role is not None and action in MATRIX[role]
    assert auth.can(role, action) is expected
    if expected:
        auth.require(role, action)
    else:
        with pytest.raises(auth.PermissionDenied) as err:
            auth.require(role, action)
        assert err.value.message("th") != err.value.message("en")


def test_unknown_action_is_refused_for_everyone():
    assert not any(auth.can(r, "drop_database") for r in auth.ROLES)


def test_require_user_checks_the_role_of_a_named_account(mem):
    add(mem, "viewer1", role="viewer")
    add(mem, "ana", role="analyst")
    assert auth.require_user(mem, "ana", "upload")["role"] == "analyst"
    with pytest.raises(auth.PermissionDenied):
        auth.require_user(mem, "viewer1", "upload")
    with pytest.raises(auth.PermissionDenied):
        auth.require_user(mem, "local-user", "upload")


# ---------------------------------------------------------------- demo accounts


def _add_demo_batch(db, status="committed"):
    return db["import_batches"].insert({"kind": "projects", "file_name": "demo.csv", "sha256": "x",
                                        "username": "system", "created_at": store.now_iso(), "is_demo": 1,
                                        "status": status}).last_pk


def test_demo_accounts_exist_only_while_demo_data_is_loaded(mem, monkeypatch):
    monkeypatch.setenv("TRACKER_DEMO_ACCOUNTS", "1")
    assert auth.ensure_demo_accounts(mem) == []
    batch = _add_demo_batch(mem)
    created = auth.ensure_demo_accounts(mem)
    assert created == ["demo-viewer", "demo-analyst", "demo-admin"]
    assert auth.ensure_demo_accounts(mem) == []  # idempotent
    for acc in auth.DEMO_ACCOUNTS:
        assert auth.authenticate(mem, acc["username"], acc["password"]).user["role"] == acc["role"]
    assert [a["username"] for a in auth.active_demo_accounts(mem)] == created
    mem.execute("UPDATE import_batches SET status = 'rolled_back' WHERE id = ?", [batch])
    auth.ensure_demo_accounts(mem)
    assert auth.list_users(mem).empty and auth.active_demo_accounts(mem) == []


def test_demo_accounts_setting_off_creates_none(mem, monkeypatch):
    monkeypatch.setenv("TRACKER_DEMO_ACCOUNTS", "0")
    _add_demo_batch(mem)
    assert auth.ensure_demo_accounts(mem) == [] and auth.list_users(mem).empty


# ---------------------------------------------------------------- audit trail


def test_audit_log_is_append_only(mem):
    add(mem)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        mem.execute("UPDATE audit_log SET username = 'someone-else'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        mem.execute("DELETE FROM audit_log")


def test_audit_log_filters_by_user_action_and_text(mem):
    add(mem, "boss", role="admin")
    add(mem)
    auth.authenticate(mem, "somchai", PW)
    auth.set_role(mem, "somchai", "viewer", by="boss")
    assert {r["action"] for r in audit_rows(mem)} == {"user_add", "signin", "user_set_role"}
    assert len(store.audit_log(mem, user="boss")) == 1  # the role change; user_add was by test-admin
    assert len(store.audit_log(mem, action="signin")) == 1
    assert len(store.audit_log(mem, text="viewer")) == 1
    assert len(store.audit_log(mem, text="%")) == 0  # LIKE wildcards are literal
    today = datetime.now(timezone.utc).date().isoformat()
    assert len(store.audit_log(mem, since=today, until=today)) == 4
    assert len(store.audit_log(mem, until="2000-01-01")) == 0


def test_csv_export_has_a_bom_and_neutralises_formulas():
    import pandas as pd

    df = pd.DataFrame({"target": ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "ปกติ", None],
                       "n": [1, 2, 3, 4, 5, 6]})
    data = tables.csv_bytes(df)
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+1" in text and "'-2" in text and "'@SUM" in text and "ปกติ" in text
    assert "\n=" not in text.replace("\r", "") and ",=" not in text


# ---------------------------------------------------------------- command line


def run_cli(monkeypatch, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(list(argv))


def test_users_cli_reads_passwords_from_stdin_never_from_arguments(db_file, monkeypatch, capsys):
    assert run_cli(monkeypatch, "users", "add", "Boss", "--role", "admin", "--display-name", "หัวหน้า",
                   stdin=PW + "\n") == 0
    assert run_cli(monkeypatch, "users", "add", "ana", "--role", "analyst", stdin="short\n") == 1
    assert "10" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run_cli(monkeypatch, "users", "add", "ana", "--role", "analyst", "--password", PW)
    assert run_cli(monkeypatch, "users", "add", "ana", "--role", "analyst", stdin=PW + "\n") == 0
    assert run_cli(monkeypatch, "users", "set-role", "ana", "viewer") == 0
    assert run_cli(monkeypatch, "users", "reset-password", "ana", stdin="new-password-99\n") == 0
    assert run_cli(monkeypatch, "users", "disable", "ana") == 0
    capsys.readouterr()
    assert run_cli(monkeypatch, "users", "list") == 0
    out = capsys.readouterr().out
    assert "boss" in out and "หัวหน้า" in out and "ana" in out and "disabled" in out
    assert PW not in out and "$argon2" not in out
    db = store.connect(db_file)
    try:
        actions = [r["action"] for r in audit_rows(db)]
        assert {"user_add", "user_set_role", "user_reset_password", "user_disable"} <= set(actions)
        assert store.audit_log(db)["username"].str.startswith("cli:").all()
        assert auth.authenticate(db, "ana", "new-password-99").reason == "bad_credentials"  # disabled
    finally:
        db.close()
    assert run_cli(monkeypatch, "users", "set-role", "admin", "viewer") == 0  # the fixture's test admin
    assert run_cli(monkeypatch, "users", "set-role", "boss", "viewer") == 1  # last admin


@pytest.mark.parametrize("actor, th, en", [
    ("system", "ระบบ", "the system"),
    ("system:demo", "ระบบ (ข้อมูลสาธิต)", "the system (demo data)"),
    ("cli:somchai/ปิดงบ", "somchai (คำสั่งบนเครื่องแม่ข่าย)", "somchai (command line on the server)"),
    ("somchai", "somchai", "somchai"),
])
def test_the_audit_log_names_the_program_itself_in_the_readers_words(actor, th, en):
    from tracker import auth

    assert (auth.actor_label(actor, "th"), auth.actor_label(actor, "en")) == (th, en)


@pytest.mark.parametrize("target, th", [
    ("batch:9", "ชุดนำเข้าที่ 9"),
    ("2569-Q2", "ปีงบประมาณ 2569 ไตรมาส 2"),
    ("2570/half/recommendations/5", "รอบ 6 เดือน 2570 · ข้อเสนอแนะ · ยุทธศาสตร์ที่ 5"),
    ("2570/q2/problems", "ไตรมาส 2/2570 · ปัญหาและอุปสรรค"),
    ("somchai", "somchai"),
])
def test_an_audit_target_reads_as_what_was_changed(target, th):
    from tracker import auth

    assert auth.target_text(target, "th") == th


def test_an_audit_detail_reads_as_labelled_values_not_json():
    from tracker import auth

    detail = ('{"kind": "project_progress", "file_name": "q1.csv", "new": 1200, "is_demo": false,'
              ' "locked_until": "2026-12-01T15:47:29+00:00", "before": {"disabled": false}, "reason": "bad_password"}')
    assert auth.detail_text(detail, "th") == (
        "ชนิดข้อมูล: ผลการดำเนินงานโครงการ · ชื่อไฟล์: q1.csv · เพิ่มใหม่: 1,200 · ข้อมูลสาธิต: ไม่ใช่"
        " · ระงับถึง: 1 ธ.ค. 2569 22:47 · ก่อน: ระงับบัญชี: ไม่ใช่ · เหตุผล: รหัสผ่านไม่ถูกต้อง")
    assert "bad_password" not in auth.detail_text(detail, "en") and "2026-12-01T" not in auth.detail_text(detail, "en")
    assert auth.detail_text("not json", "th") == "not json" and auth.detail_text(None, "th") == ""
    assert auth.detail_text('{"new_key_of_a_later_version": 1}', "th") == "new_key_of_a_later_version: 1"
