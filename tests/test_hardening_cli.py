"""Issue #15 items 8 and 10 on the command line: the audit records the operating-system user (``--user``
is a note), unlocking asks for the admin's password, no traceback for a broken plan file or a
read-only, corrupt or full database, and no terminal escape codes from cells reach the terminal."""

from __future__ import annotations

import io
import pwd
import os
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import TEST_PASSWORD, csv_text
from tracker import auth, locks, store
from tracker.cli import main
from tracker.settings import ROOT

OS_USER = pwd.getpwuid(os.geteuid()).pw_name
RESULTS = csv_text("""
    indicator_code,fiscal_year,quarter,value
    G1-I01,2569,1,70
""")


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _stdin(monkeypatch, text):
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_the_audit_records_the_operating_system_user_and_user_only_as_a_note(db_file, db, capsys, monkeypatch):
    auth.create_user(db, "demo-admin", password="demo-admin-2569", role="admin", by="t")
    monkeypatch.setenv("TRACKER_USER", "someone-else")
    monkeypatch.setenv("LOGNAME", "mayor")
    monkeypatch.setenv("USER", "mayor")
    assert run(capsys, "lock", "2569-Q2", "--user", "demo-admin")[0] == 0
    row = store.audit_log(db, action="quarter_lock").iloc[0]
    assert row["username"] == f"cli:{OS_USER}/demo-admin"
    assert locks.lock_for(db, 2569, 2)["locked_by"] == f"cli:{OS_USER}/demo-admin"
    assert run(capsys, "lock", "2569-Q3")[0] == 0
    assert store.audit_log(db, action="quarter_lock").iloc[0]["username"] == f"cli:{OS_USER}/someone-else"


def test_a_note_cannot_smuggle_text_into_the_audit(db_file, db, capsys):
    assert run(capsys, "lock", "2569-Q2", "--user", "x\n[evil](http://e)\x1b[2J")[0] == 0
    name = store.audit_log(db, action="quarter_lock").iloc[0]["username"]
    assert all(c not in name for c in "\n[]()\x1b")


def test_unlocking_on_the_command_line_asks_for_the_admins_password(db_file, db, capsys, monkeypatch):
    locks.lock_quarter(db, 2569, 2, user="analyst")
    _stdin(monkeypatch, "wrong-password-1\n")
    code, _, err = run(capsys, "unlock", "2569-Q2", "--user", "admin", "--reason", "council changed it", "--lang", "en")
    assert code == 1 and "password" in err.lower()
    assert locks.lock_for(db, 2569, 2) is not None
    _stdin(monkeypatch, TEST_PASSWORD + "\n")
    code, _, err = run(capsys, "unlock", "2569-Q2", "--user", "analyst", "--reason", "council changed it", "--lang", "en")
    assert code == 1 and locks.lock_for(db, 2569, 2) is not None             # an analyst is not an admin
    code, _, err = run(capsys, "unlock", "2569-Q2", "--reason", "council changed it", "--lang", "en")
    assert code == 1 and "--user" in err                                      # which admin?
    _stdin(monkeypatch, TEST_PASSWORD + "\n")
    assert run(capsys, "unlock", "2569-Q2", "--user", "admin", "--reason", "council changed it")[0] == 0
    assert locks.lock_for(db, 2569, 2) is None
    row = store.audit_log(db, action="quarter_unlock").iloc[0]
    assert row["username"] == f"cli:{OS_USER}/admin"


def test_an_operating_system_user_with_an_account_keeps_its_role(db_file, db, capsys, monkeypatch, tmp_path):
    from tracker.cli import common

    monkeypatch.setattr(common, "os_user", lambda: "viewer")
    f = tmp_path / "r.csv"
    f.write_text(RESULTS, encoding="utf-8")
    code, _, err = run(capsys, "import", str(f), "--lang", "en")
    assert code == 1 and "may not" in err


# ------------------------------------------------------------------ operators' messages (item 10)


def _cli(*argv, env=None, stdin=""):
    e = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "tracker", *argv], cwd=ROOT, env=e, capture_output=True,
                          text=True, input=stdin, timeout=300)


def test_a_corrupt_database_gives_a_message_and_what_to_run_not_a_traceback(tmp_path):
    bad = tmp_path / "tracker.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    r = _cli("summary", "--db", str(bad), "--lang", "en", env={"TRACKER_BACKUP_DIR": str(tmp_path / "b")})
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "damaged" in r.stderr and "python -m tracker restore" in r.stderr


def test_a_broken_plan_file_gives_a_message_not_a_traceback(tmp_path, db_file):
    plan = tmp_path / "plan.yaml"
    plan.write_text("goals: [\n  - {number: 1, th: 'x'\n", encoding="utf-8")
    r = _cli("summary", "--lang", "en", env={"TRACKER_PLAN": str(plan), "TRACKER_DB": str(db_file)})
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert str(plan) in r.stderr and "TRACKER_PLAN" in r.stderr
    plan.write_text("goals: 5\n", encoding="utf-8")                   # valid YAML, wrong shape
    r = _cli("summary", "--lang", "en", env={"TRACKER_PLAN": str(plan), "TRACKER_DB": str(db_file)})
    assert r.returncode == 1 and "Traceback" not in r.stderr and str(plan) in r.stderr


@pytest.mark.parametrize("error, words", [("attempt to write a readonly database", "read-only"),
                                          ("database or disk is full", "full")])
def test_a_read_only_or_full_database_on_the_command_line_says_what_to_do(db_file, tmp_path, capsys, monkeypatch,
                                                                            error, words):
    from tracker.store import uploads

    def fail(*a, **k):
        raise sqlite3.OperationalError(error)

    monkeypatch.setattr(uploads, "insert_batch", fail)
    f = tmp_path / "r.csv"
    f.write_text(RESULTS, encoding="utf-8")
    code, _, err = run(capsys, "import", str(f), "--lang", "en")
    assert code == 1 and words in err


def test_escape_codes_from_cells_never_reach_the_terminal(db_file, tmp_path, capsys):
    f = tmp_path / "evil\x1b]0;owned\x07.csv"
    f.write_text("indicator_code,fiscal_year,quarter,value,note\n"
                 "G1-I01,2569,1,\x1b[2J\x1b[31mseventy\x1b[0m,\x1b]8;;http://e\x07x\n", encoding="utf-8")
    code, out, err = run(capsys, "import", str(f), "--lang", "en")
    assert code == 1
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "seventy" in out                        # the text itself is still shown
