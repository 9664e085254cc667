"""Pinned meeting snapshots: a consistent read-only copy that later uploads do not change."""

import sqlite3

import pytest

from tests.dashboard_data import load_small_dataset
from tracker import rollup, store
from tracker.report import content, snapshot


@pytest.fixture
def snapdir(tmp_path, monkeypatch):
    path = tmp_path / "snaps"
    monkeypatch.setenv("TRACKER_SNAPSHOT_DIR", str(path))
    return path


def test_snapshot_stays_unchanged_after_a_later_upload(db, snapdir):
    load_small_dataset(db)
    before = rollup.summary(db, 2569, 2)
    row = snapshot.pin(db, "ประชุมสภา สมัยสามัญที่ 2", user="analyst", note="ก่อนประชุม")
    assert row["last_batch_id"] == 1 and row["revision"] == store.revision(db)
    # a later upload: a new batch that changes a project's disbursement and an indicator value
    with db.atomic():
        db["import_batches"].insert({"id": 2, "kind": "progress", "file_name": "late.csv", "sha256": "1" * 64,
                                     "username": "analyst", "created_at": "2026-04-20T03:00:00+00:00"})
        db.execute("UPDATE project_progress SET disbursed = 900000, batch_id = 2 "
                   "WHERE project_code = 'P1' AND quarter = 2")
        db.execute("UPDATE indicator_results SET value = 10 WHERE indicator_code = 'G1-I01' AND quarter = 2 "
                   "AND fiscal_year = 2569")
        store.bump_revision(db)
    assert rollup.summary(db, 2569, 2) != before
    snap = snapshot.open_snapshot(db, "ประชุมสภา สมัยสามัญที่ 2")
    try:
        assert rollup.summary(snap, 2569, 2) == before
        info = snapshot.info(snap)
        assert info["name"] == "ประชุมสภา สมัยสามัญที่ 2" and info["last_batch_id"] == 1
        report = content.build(snap, 2569, 2, "th")
        assert "ประชุมสภา สมัยสามัญที่ 2" in report.stamp and "#1" in report.stamp
        with pytest.raises(sqlite3.OperationalError):
            snap.execute("DELETE FROM projects")
    finally:
        snap.conn.close()


def test_pin_is_listed_audited_and_deletable(db, snapdir):
    load_small_dataset(db)
    snapshot.pin(db, "Q2 meeting", user="admin")
    listed = snapshot.list_snapshots(db)
    assert list(listed["name"]) == ["Q2 meeting"] and bool(listed["exists"].iloc[0])
    actions = [r["action"] for r in db.query("SELECT action FROM audit_log")]
    assert "snapshot" in actions
    with pytest.raises(snapshot.SnapshotError) as exc:
        snapshot.pin(db, "  Q2   meeting ", user="admin")
    assert exc.value.key == "snapshot.error.exists"
    snapshot.delete(db, "Q2 meeting", user="admin")
    assert snapshot.list_snapshots(db).empty and not any(snapdir.iterdir())


@pytest.mark.parametrize("name, key", [("   ", "snapshot.error.empty_name"), ("x" * 81, "snapshot.error.long_name")])
def test_bad_names_are_refused_with_a_message(db, snapdir, name, key):
    with pytest.raises(snapshot.SnapshotError) as exc:
        snapshot.pin(db, name, user="admin")
    assert exc.value.key == key and exc.value.message("th")


def test_live_data_has_no_pinned_info(db):
    assert snapshot.info(db) is None
