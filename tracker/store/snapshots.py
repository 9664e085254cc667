"""Table ``snapshots`` and the pinned copies themselves (read-only database files stamped in ``meta``).

The rules (names, who may pin, audit) are in :mod:`tracker.report.snapshot`; the copy is made with
:func:`tracker.store.backup.backup`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd

from tracker.store.db import Database, first, frame
from tracker.store.meta import get_meta, revision, set_meta
from tracker.store.reads import last_batch_id

#: the ``meta`` keys a pinned copy carries about itself
_STAMP = ("snapshot_name", "snapshot_created_at", "snapshot_created_by", "snapshot_last_batch_id")


def get(db: Database, name: str) -> dict | None:
    """The ``snapshots`` row for ``name``, or None."""
    return first(db, "SELECT * FROM snapshots WHERE name = ?", [name])


def add(db: Database, record: dict) -> None:
    """Record a pinned snapshot: ``name, file, created_at, created_by, last_batch_id, revision, note``."""
    db["snapshots"].insert(record)


def remove(db: Database, name: str) -> None:
    db.execute("DELETE FROM snapshots WHERE name = ?", [name])


def rows(db: Database) -> pd.DataFrame:
    """Every pinned snapshot, newest first: ``name, file, created_at, created_by, last_batch_id, revision, note``."""
    return frame(db, "SELECT * FROM snapshots ORDER BY created_at DESC, name")


def stamp_copy(path: Path, *, name: str, created_at: str, created_by: str) -> tuple[int | None, int]:
    """Write into the copy at ``path`` what it is (its ``meta`` keys ``snapshot_*``); make it one
    self-contained file. Returns the copy's (last committed batch, revision): exactly what was copied."""
    copy = Database(sqlite3.connect(str(path)))
    try:
        last_batch, rev = last_batch_id(copy), revision(copy)
        with copy.atomic():
            set_meta(copy, "snapshot_name", name)
            set_meta(copy, "snapshot_created_at", created_at)
            set_meta(copy, "snapshot_created_by", created_by)
            set_meta(copy, "snapshot_last_batch_id", "" if last_batch is None else str(last_batch))
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    return last_batch, rev


def stamp(db: Database) -> dict | None:
    """For a pinned copy: ``{name, created_at, created_by, last_batch_id}``; None for live data."""
    values = dict(zip(_STAMP, (get_meta(db, k) for k in _STAMP)))
    if not values["snapshot_name"]:
        return None
    batch = values["snapshot_last_batch_id"] or None
    return {"name": values["snapshot_name"], "created_at": values["snapshot_created_at"],
            "created_by": values["snapshot_created_by"], "last_batch_id": int(batch) if batch else None}
