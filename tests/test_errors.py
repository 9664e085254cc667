"""One error base: every refusal a user can see is a TrackerError, written in Thai and in English."""

from __future__ import annotations

import pytest

from tracker.auth import AuthError, PermissionDenied
from tracker.errors import TrackerError
from tracker.ingest import ImportRejected, RollbackRefused
from tracker.locks import LockError
from tracker.plan import PlanError
from tracker.report.snapshot import SnapshotError
from tracker.store.backup import BackupError

REFUSALS = [
    AuthError("users.last_admin"), PermissionDenied("auth.denied_role", role="viewer", action="upload"),
    LockError("locks.not_locked", period="2569-Q2"), BackupError("backup.no_file", path="x.db"),
    SnapshotError("snapshot.error.unknown", name="Q2"), ImportRejected("ingest.has_errors", n=2),
    RollbackRefused("history.refused.not_found", batch=9), PlanError("plan/x.yaml", ["goals: numbers must run 1..N"]),
]


@pytest.mark.parametrize("exc", REFUSALS, ids=lambda e: type(e).__name__)
def test_every_refusal_derives_from_the_one_base_and_reads_in_both_languages(exc):
    assert isinstance(exc, TrackerError)
    th, en = exc.message("th"), exc.message("en")
    assert th and en and th != en and str(exc) == en
    assert exc.code == exc.key.rsplit(".", 1)[-1]


def test_codes_inside_a_message_are_translated():
    exc = PermissionDenied("auth.denied_role", role="viewer", action="upload")
    assert "viewer" not in exc.message("th") and "upload" not in exc.message("th")


def test_a_lock_refusal_is_not_an_account_refusal():
    assert not isinstance(LockError("locks.reason_required"), AuthError)
