"""Restore a backup: only a file this application wrote, checked before anything is replaced.

A backup is SQLite, intact, and has exactly the application's schema for the migrations it records
(tables and their columns, indexes, triggers, views; nothing more, nothing less): a file with a
trigger that changes budgets, an audit log whose append-only triggers are gone or an extra table is
refused with a message. Accounts are checked too: every password is an argon2 hash, and an admin
account the current database does not know is refused unless the operator accepts it
(``restore --accept-admins``). The current database is backed up before it is replaced.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tracker import settings
from tracker.store.auditlog import audit
from tracker.store.backup import BackupError, backup
from tracker.store.db import Database, connect
from tracker.store.schema import migrations


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], object]:
    """The schema as comparable facts: tables -> their columns, indexes -> (table, columns, unique),
    triggers and views -> their SQL with whitespace collapsed."""
    out: dict[tuple[str, str], object] = {}
    for typ, name, tbl, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall():
        if typ == "table":
            out[(typ, name)] = tuple((r[1], (r[2] or "").upper(), r[3], r[5])
                                     for r in conn.execute(f"PRAGMA table_info({_quote(name)})"))
        elif typ == "index":
            cols = tuple(r[2] for r in conn.execute(f"PRAGMA index_info({_quote(name)})"))
            out[(typ, name)] = (tbl, cols, " UNIQUE " in f" {(sql or '').upper()} ")
        else:
            out[(typ, name)] = re.sub(r"\s+", " ", sql or "").strip()
    return out


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _reference(applied: list[str]) -> dict[tuple[str, str], object]:
    """The application's schema after the migrations ``applied`` (which must be the first ones of ours)."""
    ours = [m.name for m in migrations._migrations]
    if applied != ours[: len(applied)]:
        raise ValueError("migrations")
    ref = Database(sqlite3.connect(":memory:"))
    try:
        rest = ours[len(applied):]
        migrations.apply(ref, stop_before=rest[0]) if rest else migrations.apply(ref)
        return _objects(ref.conn)
    finally:
        ref.close()


def check_backup_file(path: str | Path, *, current: str | Path | None = None, accept_admins: bool = False) -> None:
    """Raise :class:`BackupError` unless ``path`` is an intact SQLite file of this application.

    ``current``: the database the file would replace; admins of the file unknown there are refused
    unless ``accept_admins``."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("backup.no_file", path=str(path))
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise BackupError("backup.not_sqlite", path=str(path))
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise BackupError("backup.corrupt", path=str(path), detail=ok)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"meta", "users", "audit_log", "quarter_locks", migrations.migrations_table} <= names:
            raise BackupError("backup.not_ours", path=str(path))
        applied = [r[0] for r in conn.execute(f"SELECT name FROM {migrations.migrations_table} "
                                              "WHERE migration_set = ? ORDER BY rowid", [migrations.name])]
        try:
            expected = _reference(applied)
        except ValueError:
            raise BackupError("backup.other_version", path=str(path)) from None
        found = _objects(conn)
        differs = sorted({k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k)})
        if differs:
            raise BackupError("backup.schema_differs", path=str(path),
                              objects=", ".join(f"{t} {n}" for t, n in differs[:6]))
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BackupError("backup.corrupt", path=str(path), detail="foreign keys")
        bad_hash = [r[0] for r in conn.execute("SELECT username FROM users WHERE password_hash NOT LIKE '$argon2%'")]
        if bad_hash:
            raise BackupError("backup.bad_accounts", path=str(path), names=", ".join(bad_hash[:5]))
        admins = [r[0] for r in conn.execute("SELECT username FROM users WHERE role = 'admin' AND disabled = 0")]
    except sqlite3.Error as exc:
        raise BackupError("backup.not_sqlite", path=str(path)) from exc
    finally:
        conn.close()
    if current is not None and Path(current).exists() and not accept_admins:
        now = sqlite3.connect(f"file:{Path(current)}?mode=ro", uri=True)
        try:
            known = {r[0] for r in now.execute("SELECT username FROM users WHERE role = 'admin'")}
        except sqlite3.Error:
            known = set()
        finally:
            now.close()
        new = [a for a in admins if a not in known]
        if new:
            raise BackupError("backup.new_admins", path=str(path), names=", ".join(new[:5]))


def restore(path: str | Path, *, db_path: str | Path | None = None, user: str | None = None,
            accept_admins: bool = False) -> Path | None:
    """Replace the database at ``db_path`` (default: the ``db`` setting) with the backup ``path``.

    Checks the backup first (:func:`check_backup_file`), then backs up the current database (returned,
    so a mistaken restore can itself be undone) and copies page by page with the online backup API.
    With ``user``, a ``restore`` row is appended to the restored database's audit log.
    """
    target = Path(db_path) if db_path else settings.path("db")
    check_backup_file(path, current=target, accept_admins=accept_admins)
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
                  detail={"safety_backup": safety.name if safety else None, "accepted_admins": accept_admins})
        finally:
            db.close()
    return safety
