"""Table ``meta`` (key → text): the data revision, the loaded plan's checksum, snapshot stamps.

Every write that changes figures bumps the *revision* inside its transaction; the UI uses it as its
cache key, so a write from any process (page or command line) makes the next read fresh.
"""

from __future__ import annotations

from tracker.store.db import Database, now_iso


def get_meta(db: Database, key: str, default: str | None = None) -> str | None:
    """The value of ``key``, or ``default`` (also on a database without tables yet)."""
    if not db["meta"].exists():
        return default
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return default if row is None else row[0]


def set_meta(db: Database, key: str, value: str) -> None:
    db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [key, value])


def revision(db: Database) -> int:
    """Data revision: increases with every committed change of figures (cache key for the UI)."""
    return int(get_meta(db, "revision", "0") or 0)


def bump_revision(db: Database) -> int:
    """Call inside the write transaction that changed figures."""
    rev = revision(db) + 1
    set_meta(db, "revision", str(rev))
    set_meta(db, "data_changed_at", now_iso())
    return rev
