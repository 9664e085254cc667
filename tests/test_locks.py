"""Quarter locks: analysts lock, only admins unlock (with a reason); a locked quarter refuses uploads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker import auth, ingest, locks, store
from tracker.cli import main

ROOT = Path(__file__).resolve().parent.parent
PW = "correct-horse-1"


@pytest.fixture
def people(db):
    for name, role in (("viewer1", "viewer"), ("ana", "analyst"), ("boss", "admin")):
        auth.create_user(db, name, password=PW, role=role, by="test")
    return db


def test_analyst_locks_a_quarter_and_it_is_audited(people):
    db = people
    row = locks.lock_quarter(db, 2569, 2, user="ana", note="มติสภา ครั้งที่ 3/2569")
    assert row["locked_by"] == "ana" and locks.lock_for(db, 2569, 2) is not None and locks.lock_for(db, 2569, 1) is None
    audit = store.audit_log(db, action="quarter_lock").iloc[0]
    assert audit["username"] == "ana" and audit["target"] == "2569-Q2"
    assert json.loads(audit["detail"])["after"] == "locked"
    assert list(locks.list_locks(db)["quarter"]) == [2]


def test_locking_twice_says_who_locked_it(people):
    locks.lock_quarter(people, 2569, 2, user="ana")
    with pytest.raises(locks.LockError) as err:
        locks.lock_quarter(people, 2569, 2, user="boss")
    assert "ana" in err.value.message("th") and "ana" in err.value.message("en")


@pytest.mark.parametrize("who", ["viewer1", "nobody"])
def test_a_viewer_or_unknown_user_cannot_lock(people, who):
    with pytest.raises(auth.PermissionDenied):
        locks.lock_quarter(people, 2569, 2, user=who)
    assert locks.list_locks(people).empty


def test_only_an_admin_with_a_reason_can_unlock(people):
    db = people
    locks.lock_quarter(db, 2569, 2, user="ana")
    with pytest.raises(auth.PermissionDenied):
        locks.unlock_quarter(db, 2569, 2, user="ana", reason="typo in Q2")
    with pytest.raises(locks.LockError) as err:
        locks.unlock_quarter(db, 2569, 2, user="boss", reason="  ")
    assert err.value.key == "locks.reason_required"
    assert locks.lock_for(db, 2569, 2) is not None
    locks.unlock_quarter(db, 2569, 2, user="boss", reason="council corrected figure 3")
    assert locks.lock_for(db, 2569, 2) is None
    detail = json.loads(store.audit_log(db, action="quarter_unlock").iloc[0]["detail"])
    assert detail["reason"] == "council corrected figure 3" and detail["locked_by"] == "ana"
    with pytest.raises(locks.LockError) as err:
        locks.unlock_quarter(db, 2569, 2, user="boss", reason="again")
    assert err.value.key == "locks.not_locked"


@pytest.mark.parametrize("fy, q", [(2569, 5), (2569, 0), (1999, 1), ("x", 1)])
def test_bad_periods_are_refused(people, fy, q):
    with pytest.raises(locks.LockError):
        locks.lock_quarter(people, fy, q, user="ana")


def test_lock_and_unlock_from_the_command_line(people, db_file, capsys, monkeypatch):
    import io
    import sys

    assert main(["lock", "2569-Q3", "--user", "ana", "--note", "approved"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(PW + "\n"))
    assert main(["unlock", "2569", "3", "--user", "ana", "--reason", "x y z", "--lang", "en"]) == 1
    assert "not an admin" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(PW + "\n"))
    assert main(["unlock", "2569", "3", "--user", "boss", "--reason", "re-opened by council"]) == 0
    assert main(["lock", "2569-Q9", "--user", "ana"]) == 1


def _figures(db) -> list:
    return [list(db.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall())
            for t in ("projects", "project_progress", "indicator_results", "import_batches", "batch_changes")]


def test_a_locked_quarter_rejects_an_upload_and_nothing_changes(people, tmp_path):
    db = people
    demo = ROOT / "data" / "demo" / "2569"
    preview, receipt = ingest.import_file(db, demo / "projects.csv", user="ana")
    assert receipt is not None and not preview.has_errors
    locks.lock_quarter(db, 2569, 2, user="ana", note="approved")
    before = _figures(db)
    rejected = False
    try:
        preview, receipt = ingest.import_file(db, demo / "project_progress.csv", user="ana")
        rejected = receipt is None and preview.has_errors
        text = preview.errors.to_string() if rejected else ""
    except ingest.ImportRejected as exc:
        rejected, text = True, str(exc)
    assert rejected
    assert "2569" in text and "ana" in text
    assert _figures(db) == before


def test_who_changed_a_figure_and_from_which_file_is_in_the_audit_trail(people):
    db = people
    demo = ROOT / "data" / "demo" / "2569"
    _, receipt = ingest.import_file(db, demo / "projects.csv", user="ana")
    row = store.audit_log(db, action="import").iloc[0]
    detail = json.loads(row["detail"])
    assert row["username"] == "ana" and detail["file_name"] == "projects.csv" and detail["sha256"]
    ingest.rollback(db, receipt.batch_id, user="boss")
    assert store.audit_log(db, action="rollback").iloc[0]["username"] == "boss"


def test_a_rollback_touching_a_locked_quarter_is_refused(people):
    db = people
    demo = ROOT / "data" / "demo" / "2569"
    ingest.import_file(db, demo / "projects.csv", user="ana")
    _, receipt = ingest.import_file(db, demo / "project_progress.csv", user="ana")
    locks.lock_quarter(db, 2569, 1, user="ana")
    before = _figures(db)
    with pytest.raises(ingest.RollbackRefused) as err:
        ingest.rollback(db, receipt.batch_id, user="boss")
    assert "ana" in err.value.message("en")
    assert _figures(db) == before
