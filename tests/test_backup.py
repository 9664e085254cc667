"""Backups with SQLite's online backup API: identical restore, pruning, safety copies, failures."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import dump

from tracker import auth, ingest, store
from tracker.store import backup
from tracker.store import restore as restoring
from tracker.cli import main


@pytest.fixture
def filled(db, db_file):
    auth.create_user(db, "boss", password="correct-horse-1", role="admin", by="test")
    db["import_batches"].insert({"kind": "projects", "file_name": "q1 <b>.csv", "sha256": "abc",
                                 "username": "boss", "created_at": store.now_iso()})
    store.audit(db, user="boss", action="import", target="batch:1", detail={"file_name": "q1.csv"})
    return db


def test_backup_restores_to_an_identical_database(filled, db_file, tmp_path):
    original = dump(db_file)
    path = backup.backup(db_file, reason="manual")
    assert path.parent == tmp_path / "backups" and path.name.startswith("tracker-") and "manual" in path.name
    assert dump(path) == original
    # change everything that matters, then restore
    auth.set_role(filled, "boss", "admin", by="x")
    filled["import_batches"].insert({"kind": "projects", "file_name": "later.csv", "sha256": "d",
                                     "username": "boss", "created_at": store.now_iso()})
    filled.close()
    assert dump(db_file) != original
    safety = restoring.restore(path, db_path=db_file)
    assert dump(db_file) == original
    assert safety is not None and safety.exists() and "before-restore" in safety.name
    assert len(dump(safety)) == len(original) + 1  # the later batch is kept in the safety copy


def test_backup_is_consistent_while_a_write_is_in_progress(filled, db_file):
    before = dump(db_file)
    filled.execute("BEGIN")
    filled.execute("INSERT INTO meta(key, value) VALUES ('half', 'done')")
    path = backup.backup(filled, reason="busy")  # uncommitted work is not copied
    filled.execute("ROLLBACK")
    assert dump(path) == before


def test_restore_into_a_database_other_connections_use(filled, db_file):
    path = backup.backup(db_file)
    filled.execute("INSERT INTO meta(key, value) VALUES ('later', '1')")
    reader = store.connect(db_file)
    try:
        restoring.restore(path, db_path=db_file, user="cli:test")
        assert reader.execute("SELECT count(*) FROM meta WHERE key = 'later'").fetchone()[0] == 0
        assert store.audit_log(reader, action="restore").iloc[0]["username"] == "cli:test"
    finally:
        reader.close()


def test_old_backups_are_pruned_to_backups_keep(db_file, monkeypatch):
    monkeypatch.setenv("TRACKER_BACKUPS_KEEP", "3")
    made = [backup.backup(db_file, reason=f"n{i}") for i in range(5)]
    kept = backup.list_backups()
    assert kept == sorted(made[-3:], reverse=True)


@pytest.mark.parametrize("content, key", [
    (b"", "backup.not_sqlite"),
    (b"PK\x03\x04 not a database", "backup.not_sqlite"),
    (None, "backup.no_file"),
])
def test_restore_refuses_files_that_are_not_good_backups(db_file, tmp_path, content, key):
    bad = tmp_path / "bad.db"
    if content is not None:
        bad.write_bytes(content)
    original = dump(db_file)
    with pytest.raises(backup.BackupError) as err:
        restoring.restore(bad, db_path=db_file)
    assert err.value.key == key
    assert dump(db_file) == original


def test_restore_refuses_an_sqlite_file_of_another_application(db_file, tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(str(other)).execute("CREATE TABLE x (a)").connection.close()
    with pytest.raises(backup.BackupError) as err:
        restoring.restore(other, db_path=db_file)
    assert err.value.key == "backup.not_ours"


def test_a_failed_backup_leaves_no_partial_file(tmp_path):
    class FullDisk:
        def backup(self, *args, **kwargs):
            raise sqlite3.OperationalError("database or disk is full")

    dest = tmp_path / "b.db"
    with pytest.raises(backup.BackupError) as err:
        backup._copy(FullDisk(), dest)
    assert "disk is full" in err.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_migration_of_an_existing_database_takes_a_backup_first(db_file, monkeypatch):
    conn = store.connect(db_file)

    class Pending:
        name = "m999_test"

    monkeypatch.setattr(store.migrations, "pending", lambda db: [Pending()])
    monkeypatch.setattr(store.migrations, "apply", lambda db: None)
    assert store.migrate(conn) == ["m999_test"]
    names = [p.name for p in backup.list_backups()]
    assert len(names) == 1 and names[0].endswith("-before-migrate.db")
    conn.close()


def test_fresh_and_in_memory_databases_are_not_backed_up(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_BACKUP_DIR", str(tmp_path / "backups"))
    store.open_db(tmp_path / "new.db").close()
    mem = store.open_db(":memory:")
    assert backup.backup_before(mem, "rollback") is None
    mem.close()
    assert backup.list_backups() == []


def test_backup_and_restore_from_the_command_line(filled, db_file, tmp_path, capsys):
    dest = tmp_path / "copy.db"
    assert main(["backup", "--dest", str(dest)]) == 0
    assert dest.exists() and "copy.db" in capsys.readouterr().out
    assert main(["restore", str(dest)]) == 1  # needs --yes
    assert main(["restore", str(dest), "--yes"]) == 0
    db = store.connect(db_file)
    try:
        assert set(store.audit_log(db)["action"]) >= {"backup", "restore"}
    finally:
        db.close()


def test_a_rollback_takes_a_backup_first(db, db_file):
    demo = Path(__file__).resolve().parent.parent / "data" / "demo" / "2569" / "projects.csv"
    auth.create_user(db, "ana", password="correct-horse-1", role="analyst", by="test")
    _, receipt = ingest.import_file(db, demo, user="ana")
    before_rollback = dump(db_file)
    ingest.rollback(db, receipt.batch_id, user="ana")
    made = [p for p in backup.list_backups() if p.name.endswith("-before-rollback.db")]
    assert len(made) == 1 and dump(made[0]) == before_rollback
