"""Pinned snapshots (ภาพข้อมูลสำหรับการประชุม): a named, consistent, read-only copy of the database.

A council meeting discusses the figures as they were when the snapshot was pinned, even if an
upload lands during the meeting. :func:`pin` copies the live database with SQLite's online backup
API (:func:`tracker.store.backup.backup`, readers and writers may continue) into the ``snapshot_dir``
setting, records a ``snapshots`` row and an audit row in the live database, and stamps the copy
itself (``meta`` keys ``snapshot_*``) so a report built from it can say what it shows.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from tracker import auth, settings, store
from tracker.errors import TrackerError
from tracker.ingest.normalize import bad_character

MAX_NAME = 80


class SnapshotError(TrackerError):
    """A snapshot action that could not be done; ``key`` is an i18n key (``snapshot.error.*``)."""


def snapshot_dir() -> Path:
    return settings.path("snapshot_dir")


def clean_name(name: str) -> str:
    """The name as stored: whitespace collapsed; refuses empty or over-long names."""
    if bad_character(str(name or "")):     # a bidi control or invisible character would disguise the name
        raise SnapshotError("snapshot.error.bad_character")
    text = " ".join(str(name or "").split())
    if not text:
        raise SnapshotError("snapshot.error.empty_name")
    if len(text) > MAX_NAME:
        raise SnapshotError("snapshot.error.long_name", limit=MAX_NAME)
    return text


def file_name(name: str, when: datetime) -> str:
    """A safe file name for a (possibly Thai) snapshot name: ASCII slug + short hash + UTC time."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:30] or "snapshot"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"snapshot-{when:%Y%m%dT%H%M%SZ}-{slug}-{digest}.db"


def get(db, name: str) -> dict | None:
    """The ``snapshots`` row for ``name``, or None."""
    return store.snapshots.get(db, clean_name(name))


def pin(db, name: str, *, user: str, note: str | None = None) -> dict:
    """Pin the current data of ``db`` as snapshot ``name``; returns its ``snapshots`` row.

    The copy is consistent (one read transaction); ``revision`` and ``last_batch_id`` are read
    from the copy, so they describe exactly what was copied.
    """
    auth.authorize(db, user, "snapshot")
    name = clean_name(name)
    if get(db, name):
        raise SnapshotError("snapshot.error.exists", name=name)
    when = datetime.now(timezone.utc).replace(microsecond=0)
    folder = snapshot_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file_name(name, when)
    try:
        store.backup.backup(db, dest=target)
    except store.backup.BackupError as exc:
        raise SnapshotError("snapshot.error.failed", detail=str(exc)) from exc
    try:
        last_batch, rev = store.snapshots.stamp_copy(target, name=name, created_at=when.isoformat(), created_by=user)
    except Exception:
        target.unlink(missing_ok=True)
        raise
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP)  # read-only: nothing should write to a pinned copy
    record = {"name": name, "file": target.name, "created_at": when.isoformat(), "created_by": user,
              "last_batch_id": last_batch, "revision": rev, "note": note}
    try:
        with db.atomic():
            store.snapshots.add(db, record)
            store.audit(db, user=user, action="snapshot", target=name,
                        detail={"file": target.name, "last_batch_id": last_batch, "revision": rev})
    except Exception:
        target.unlink(missing_ok=True)
        raise
    return record


def list_snapshots(db) -> pd.DataFrame:
    """Every pinned snapshot, newest first: ``name, file, created_at, created_by, last_batch_id,
    revision, note, exists`` (the file is still there)."""
    df = store.snapshots.rows(db)
    df["exists"] = [(snapshot_dir() / f).is_file() for f in df["file"]]
    return df


def path_of(db, name: str) -> Path:
    row = get(db, name)
    if row is None:
        raise SnapshotError("snapshot.error.unknown", name=name)
    path = snapshot_dir() / row["file"]
    if not path.is_file():
        raise SnapshotError("snapshot.error.missing_file", name=name, file=row["file"])
    return path


def open_snapshot(db, name: str):
    """A read-only connection to snapshot ``name`` (any write raises ``sqlite3.OperationalError``);
    usable from another thread (a lazy download builds its file there)."""
    return store.connect_read_only(path_of(db, name), any_thread=True)


def info(db) -> dict | None:
    """For a snapshot connection: ``{name, created_at, created_by, last_batch_id}``; None for live data."""
    return store.snapshots.stamp(db)


def delete(db, name: str, *, user: str) -> None:
    """Delete snapshot ``name`` (its file and its row); audited."""
    auth.authorize(db, user, "snapshot")
    row = get(db, name)
    if row is None:
        raise SnapshotError("snapshot.error.unknown", name=name)
    with db.atomic():
        store.snapshots.remove(db, row["name"])
        store.audit(db, user=user, action="snapshot_delete", target=row["name"], detail={"file": row["file"]})
    (snapshot_dir() / row["file"]).unlink(missing_ok=True)
