"""Writes check the role in the package, whatever calls them (not only the pages)."""

import pytest

from tests.conftest import csv_text
from tracker import auth, ingest, locks
from tracker.report import snapshot

RESULTS = csv_text("""
    indicator_code,fiscal_year,quarter,value
    G1-I01,2569,1,80
""").encode("utf-8-sig")


@pytest.mark.parametrize("actor", ["viewer", "nobody-at-all"])
def test_a_viewer_or_unknown_name_cannot_import_roll_back_pin_or_lock(db, actor):
    preview = ingest.prepare(db, RESULTS, "r.csv")
    with pytest.raises(auth.PermissionDenied):
        ingest.commit(db, preview, user=actor)
    assert db["indicator_results"].count == 0
    receipt = ingest.commit(db, preview, user="analyst")
    with pytest.raises(auth.PermissionDenied):
        ingest.rollback(db, receipt.batch_id, user=actor)
    with pytest.raises(auth.PermissionDenied):
        snapshot.pin(db, "meeting", user=actor)
    with pytest.raises(auth.PermissionDenied):
        locks.lock_quarter(db, 2569, 1, user=actor)
    assert db["indicator_results"].count == 1 and db["snapshots"].count == 0 and db["quarter_locks"].count == 0


def test_a_disabled_analyst_cannot_import(db):
    auth.set_disabled(db, "analyst", True, by="admin")
    with pytest.raises(auth.PermissionDenied):
        ingest.commit(db, ingest.prepare(db, RESULTS, "r.csv"), user="analyst")


def test_the_command_line_and_the_demo_loader_are_trusted_actors(db):
    receipt = ingest.commit(db, ingest.prepare(db, RESULTS, "r.csv"), user="cli:somsak")
    assert receipt.username == "cli:somsak"
    ingest.rollback(db, receipt.batch_id, user="system:demo")


def test_an_analyst_may_not_unlock_only_an_admin(db):
    locks.lock_quarter(db, 2569, 1, user="analyst")
    with pytest.raises(auth.PermissionDenied):
        locks.unlock_quarter(db, 2569, 1, user="analyst", reason="แก้ไขตัวเลข")
    locks.unlock_quarter(db, 2569, 1, user="admin", reason="แก้ไขตัวเลข")
