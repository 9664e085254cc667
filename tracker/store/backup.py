"""Backups (สำรองข้อมูล) with SQLite's online backup API, safe while the app is in use.

``backup()`` copies a consistent snapshot of the database (readers and writers may continue)
into a timestamped file in the ``backup_dir`` setting and keeps the newest ``backups_keep``.
``restore()`` first backs up the current database, then copies the backup over it.
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
_REQUIRED_TABLES = {"meta", "users", "audit_log", "quarter_locks"}


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


def backup(db_or_path=None, dest: str | Path | None = None, *, reason: str = "manual") -> Path:
    """Copy the database to ``dest`` or to a new timestamped file in ``backup_dir``; returns its path.

    ``db_or_path``: a sqlite-utils Database, a sqlite3 Connection or a file path (default: the
    ``db`` setting). Automatic backups (no ``dest``) are pruned to the ``backups_keep`` newest.
    """
    src, close = _connection(settings.path("db") if db_or_path is None else db_or_path)
    try:
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


def check_backup_file(path: str | Path) -> None:
    """Raise :class:`BackupError` unless ``path`` is an intact SQLite file of this application."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("backup.no_file", path=str(path))
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise BackupError("backup.not_sqlite", path=str(path))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise BackupError("backup.not_sqlite", path=str(path)) from exc
    finally:
        conn.close()
    if ok != "ok":
        raise BackupError("backup.corrupt", path=str(path), detail=ok)
    if not _REQUIRED_TABLES <= tables:
        raise BackupError("backup.not_ours", path=str(path))


def restore(path: str | Path, *, db_path: str | Path | None = None, user: str | None = None) -> Path | None:
    """Replace the database at ``db_path`` (default: the ``db`` setting) with the backup ``path``.

    Checks the backup first, then backs up the current database (returned, so a mistaken restore
    can itself be undone) and copies page by page with the online backup API. With ``user``, a
    ``restore`` row is appended to the restored database's audit log.
    """
    check_backup_file(path)
    target = Path(db_path) if db_path else settings.path("db")
    safety = backup(target, reason="before-restore") if target.exists() else None
    src = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    dst = sqlite3.connect(str(target), timeout=30)
    try:
        src.backup(dst)
    except sqlite3.Error as exc:
        raise BackupError("backup.failed", detail=str(exc)) from exc
    finally:
        src.close()
        dst.close()
    if user:
        db = connect(target)
        try:
            audit(db, user=user, action="restore", target=Path(path).name,
                  detail={"safety_backup": safety.name if safety else None})
        finally:
            db.close()
    return safety
