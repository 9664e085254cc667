"""Backups (สำรองข้อมูล) with SQLite's online backup API, safe while the app is in use.

``backup()`` copies a consistent snapshot of the database (readers and writers may continue)
into a timestamped file in the ``backup_dir`` setting and keeps the newest ``backups_keep``.
Restoring (with its checks of the file's schema) is :mod:`tracker.store.restore`.
Automatic backups are taken before each schema migration (:func:`tracker.store.schema.migrate`) and
before each rollback (the import pipeline calls :func:`backup_before`).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from tracker import settings
from tracker.errors import TrackerError
from tracker.store.auditlog import audit
from tracker.store.db import connect

PREFIX = "tracker-"
_NAME = re.compile(r"^tracker-\d{8}T\d{6}\d{6}Z-[a-z0-9-]+\.db$")


class BackupError(TrackerError):
    """A backup or restore that could not be done; ``key`` is an i18n key."""


def backup_dir() -> Path:
    return settings.path("backup_dir")


def _file_of(conn: sqlite3.Connection) -> str:
    """The main database file of a connection ('' for an in-memory database)."""
    for _, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or ""
    return ""


def _connection(db_or_path) -> tuple[sqlite3.Connection, bool]:
    """A sqlite3 connection for a Database, Connection or path; second item: close it afterwards."""
    if isinstance(db_or_path, (str, Path)):
        path = Path(db_or_path)
        if not path.exists():
            raise BackupError("backup.no_database", path=str(path))
        return sqlite3.connect(str(path), timeout=30), True
    conn = getattr(db_or_path, "conn", db_or_path)
    file = _file_of(conn)
    if file:  # a fresh connection, so an open transaction on the caller's one is not copied half-done
        return sqlite3.connect(file, timeout=30), True
    return conn, False


def _slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (reason or "manual").lower()).strip("-")[:40] or "manual"


def _copy(src: sqlite3.Connection, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        out = sqlite3.connect(str(tmp))
        try:
            src.backup(out, pages=1024, sleep=0.005)
            out.execute("PRAGMA journal_mode = DELETE")  # a backup file is one self-contained file
        finally:
            out.close()
        tmp.replace(dest)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)  # a half-written backup (disk full) must not look like a good one
        raise BackupError("backup.failed", detail=str(exc)) from exc


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_dest(db_or_conn, dest: str | Path, *, force: bool = False) -> None:
    """Raise :class:`BackupError` when ``dest`` is the database of ``db_or_conn`` (or its ``-wal``/``-shm``),
    or an existing file and not ``force``, or a folder."""
    conn = getattr(db_or_conn, "conn", db_or_conn)
    live = Path(_file_of(conn)) if _file_of(conn) else None
    target = Path(dest)
    if live is not None and any(_same_file(target, Path(str(live) + end)) for end in ("", "-wal", "-shm")):
        raise BackupError("backup.dest_is_database", path=str(target))
    if target.exists() and (not force or not target.is_file()):
        raise BackupError("backup.dest_exists", path=str(target))


def backup(db_or_path=None, dest: str | Path | None = None, *, reason: str = "manual", force: bool = False) -> Path:
    """Copy the database to ``dest`` or to a new timestamped file in ``backup_dir``; returns its path.

    ``db_or_path``: a sqlite-utils Database, a sqlite3 Connection or a file path (default: the
    ``db`` setting). Automatic backups (no ``dest``) are pruned to the ``backups_keep`` newest.
    ``dest`` is never the database itself (nor its ``-wal``/``-shm`` files), and an existing file is
    replaced only with ``force``.
    """
    src, close = _connection(settings.path("db") if db_or_path is None else db_or_path)
    try:
        if dest is not None:
            check_dest(src, dest, force=force)
        if dest is None:
            folder = backup_dir()
            folder.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
            target = folder / f"{PREFIX}{stamp}-{_slug(reason)}.db"
        else:
            target = Path(dest)
            target.parent.mkdir(parents=True, exist_ok=True)
        _copy(src, target)
    finally:
        if close:
            src.close()
    if dest is None:
        prune()
    return target


def list_backups(folder: str | Path | None = None) -> list[Path]:
    """Backup files in ``folder`` (default ``backup_dir``), newest first."""
    folder = Path(folder) if folder else backup_dir()
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if _NAME.match(p.name)), key=lambda p: p.name, reverse=True)


def prune(keep: int | None = None) -> list[Path]:
    """Delete all but the ``keep`` newest backups (default: the ``backups_keep`` setting)."""
    keep = settings.get("backups_keep") if keep is None else keep
    old = list_backups()[max(1, keep):]
    for p in old:
        p.unlink(missing_ok=True)
    return old


def backup_before(db, reason: str) -> Path | None:
    """Automatic backup before a risky change (migration, rollback); None for an in-memory database.

    Raises :class:`BackupError` if the copy fails (for example a full disk): the caller should
    then not go ahead with the change.
    """
    conn = getattr(db, "conn", db)
    if not _file_of(conn):
        return None
    return backup(db, reason=f"before-{reason}")
