"""Issue #15 item 7: restore checks the schema against the application's and refuses anything else;
``backup --dest`` never overwrites the live database or an existing file without ``--force``."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from tracker import auth, store
from tracker.cli import main
from tracker.store import backup
from tracker.store import restore as restoring

from tests.conftest import dump


@pytest.fixture
def good_copy(db_file, tmp_path):
    return backup.backup(db_file, tmp_path / "good.db")


def _tamper(path, *sql):
    conn = sqlite3.connect(str(path))
    conn.executescript(";\n".join(sql))
    conn.commit()
    conn.close()
    return path


HOSTILE = {
    "a trigger doubling budgets": ("CREATE TRIGGER double AFTER INSERT ON projects BEGIN "
                                   "UPDATE projects SET allocated_budget = allocated_budget * 2; END",),
    "an editable audit log": ("DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"),
    "an extra view": ("CREATE VIEW v AS SELECT * FROM users",),
    "an extra table": ("CREATE TABLE evil (x)",),
    "a missing index": ("DROP INDEX progress_fy",),
    "an extra column": ("ALTER TABLE users ADD COLUMN backdoor TEXT",),
    "a password in clear": ("UPDATE users SET password_hash = 'secret' WHERE username = 'viewer'",),
    "an unknown migration": ("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                             "VALUES ('tracker', 'm999_evil', '2026-01-01')",),
}


@pytest.mark.parametrize("what", list(HOSTILE))
def test_restore_refuses_a_hostile_backup_and_changes_nothing(db_file, good_copy, what):
    _tamper(good_copy, *HOSTILE[what])
    before = dump(db_file)
    with pytest.raises(backup.BackupError) as err:
        restoring.restore(good_copy, db_path=db_file)
    assert err.value.key.startswith("backup.")
    assert err.value.message("th") and err.value.message("en")
    assert dump(db_file) == before


def test_restore_refuses_a_backup_with_an_admin_the_current_database_does_not_know(db_file, good_copy):
    conn = store.connect(good_copy)
    auth.create_user(conn, "mallory", password="correct-horse-1", role="admin", by="x")
    conn.close()
    with pytest.raises(backup.BackupError) as err:
        restoring.restore(good_copy, db_path=db_file)
    assert "mallory" in err.value.message("en") and "--accept-admins" in err.value.message("en")
    restoring.restore(good_copy, db_path=db_file, accept_admins=True)     # the operator says it is theirs
    assert auth.get_user(store.connect(db_file), "mallory")["role"] == "admin"


def test_a_good_backup_still_restores(db_file, good_copy):
    expected = dump(good_copy)
    restoring.restore(good_copy, db_path=db_file)
    assert dump(db_file)[: len(expected)] == expected[: len(expected)] or dump(db_file) == expected


def test_backup_dest_never_overwrites_the_live_database(db_file, capsys):
    before = dump(db_file)
    for force in ([], ["--force"]):
        assert main(["backup", "--dest", str(db_file), "--lang", "en", *force]) == 1
    assert dump(db_file) == before
    assert "database" in capsys.readouterr().err


def test_backup_dest_does_not_overwrite_a_file_without_force(db_file, tmp_path, capsys):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    assert main(["backup", "--dest", str(target), "--lang", "en"]) == 1
    assert target.read_text() == "keep me" and "--force" in capsys.readouterr().err
    assert main(["backup", "--dest", str(target), "--force"]) == 0
    assert target.read_bytes().startswith(b"SQLite format 3")


def test_backup_dest_into_a_new_file_works(db_file, tmp_path):
    assert main(["backup", "--dest", str(tmp_path / "usb" / "k.db")]) == 0
    assert dump(tmp_path / "usb" / "k.db") == dump(db_file)
    restoring.check_backup_file(tmp_path / "usb" / "k.db")
