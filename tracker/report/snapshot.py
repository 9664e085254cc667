"""Pinned snapshots (ภาพข้อมูลสำหรับการประชุม): a named, consistent, read-only copy of the database.

A council meeting discusses the figures as they were when the snapshot was pinned, even if an
upload lands during the meeting. :func:`pin` copies the live database with SQLite's online backup
API (:func:`tracker.backup.backup`, readers and writers may continue) into the ``snapshot_dir``
setting, records a ``snapshots`` row and an audit row in the live database, and stamps the copy
itself (``meta`` keys ``snapshot_*``) so a report built from it can say what it shows.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import stat
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from sqlite_utils import Database

from tracker import backup, settings, store
from tracker.errors import TrackerError

MAX_NAME = 80


class SnapshotError(TrackerError):
    """A snapshot action that could not be done; ``key`` is an i18n key (``snapshot.error.*``)."""


def snapshot_dir() -> Path:
    return settings.path("snapshot_dir")


def clean_name(name: str) -> str:
    """The name as stored: whitespace collapsed; refuses empty or over-long names."""
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


def get(db: Database, name: str) -> dict | None:
    """The ``snapshots`` row for ``name``, or None."""
    rows = list(db.query("SELECT * FROM snapshots WHERE name = ?", [clean_name(name)]))
    return rows[0] if rows else None


def pin(db: Database, name: str, *, user: str, note: str | None = None) -> dict:
    """Pin the current data of ``db`` as snapshot ``name``; returns its ``snapshots`` row.

    The copy is consistent (one read transaction); ``revision`` and ``last_batch_id`` are read
    from the copy, so they describe exactly what was copied.
    """
    from tracker import auth

    auth.authorize(db, user, "snapshot")
    name = clean_name(name)
    if get(db, name):
        raise SnapshotError("snapshot.error.exists", name=name)
    when = datetime.now(timezone.utc).replace(microsecond=0)
    folder = snapshot_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file_name(name, when)
    try:
        backup.backup(db, dest=target)
    except backup.BackupError as exc:
        raise SnapshotError("snapshot.error.failed", detail=str(exc)) from exc
    copy = Database(sqlite3.connect(str(target)))
    try:
        row = copy.execute("SELECT max(id) FROM import_batches WHERE status = 'committed'").fetchone()
        last_batch = row[0] if row else None
        rev = store.revision(copy)
        with copy.atomic():
            store.set_meta(copy, "snapshot_name", name)
            store.set_meta(copy, "snapshot_created_at", when.isoformat())
            store.set_meta(copy, "snapshot_created_by", user)
            store.set_meta(copy, "snapshot_last_batch_id", "" if last_batch is None else str(last_batch))
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP)  # read-only: nothing should write to a pinned copy
    record = {"name": name, "file": target.name, "created_at": when.isoformat(), "created_by": user,
              "last_batch_id": last_batch, "revision": rev, "note": note}
    try:
        with db.atomic():
            db["snapshots"].insert(record)
            store.audit(db, user=user, action="snapshot", target=name,
                        detail={"file": target.name, "last_batch_id": last_batch, "revision": rev})
    except Exception:
        target.unlink(missing_ok=True)
        raise
    return record


def list_snapshots(db: Database) -> pd.DataFrame:
    """Every pinned snapshot, newest first: ``name, file, created_at, created_by, last_batch_id,
    revision, note, exists`` (the file is still there)."""
    df = store.frame(db, "SELECT * FROM snapshots ORDER BY created_at DESC, name")
    df["exists"] = [(snapshot_dir() / f).is_file() for f in df["file"]]
    return df


def path_of(db: Database, name: str) -> Path:
    row = get(db, name)
    if row is None:
        raise SnapshotError("snapshot.error.unknown", name=name)
    path = snapshot_dir() / row["file"]
    if not path.is_file():
        raise SnapshotError("snapshot.error.missing_file", name=name, file=row["file"])
    return path


def open_snapshot(db: Database, name: str) -> Database:
    """A read-only connection to snapshot ``name`` (any write raises ``sqlite3.OperationalError``)."""
    path = path_of(db, name)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return Database(conn)


def info(db: Database) -> dict | None:
    """For a snapshot connection: ``{name, created_at, created_by, last_batch_id}``; None for live data."""
    name = store.get_meta(db, "snapshot_name")
    if not name:
        return None
    batch = store.get_meta(db, "snapshot_last_batch_id") or None
    return {"name": name, "created_at": store.get_meta(db, "snapshot_created_at"),
            "created_by": store.get_meta(db, "snapshot_created_by"),
            "last_batch_id": int(batch) if batch else None}


def delete(db: Database, name: str, *, user: str) -> None:
    """Delete snapshot ``name`` (its file and its row); audited."""
    from tracker import auth

    auth.authorize(db, user, "snapshot")
    row = get(db, name)
    if row is None:
        raise SnapshotError("snapshot.error.unknown", name=name)
    with db.atomic():
        db.execute("DELETE FROM snapshots WHERE name = ?", [row["name"]])
        store.audit(db, user=user, action="snapshot_delete", target=row["name"], detail={"file": row["file"]})
    (snapshot_dir() / row["file"]).unlink(missing_ok=True)
