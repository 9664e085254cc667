"""Connections: one sqlite-utils ``Database`` per caller, WAL, foreign keys, a busy timeout.

Writes run inside :meth:`Database.atomic`, whose outermost level takes the write lock at once
(``BEGIN IMMEDIATE``); reads that must agree with each other run inside :func:`reading` (one read
transaction, so a write committed meanwhile is not half seen).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from sqlite_utils import Database as _SqliteUtilsDatabase

from tracker import settings
from tracker.errors import TrackerError

BUSY_TIMEOUT_MS = 30_000

#: what the database driver raises (callers outside the store catch this, never ``sqlite3`` itself)
SQLITE_ERRORS = (sqlite3.Error,)


class DatabaseProblem(TrackerError):
    """The database file cannot be used as it is (read-only, full disk, damaged, missing): the message
    says what happened and what to run."""


def explain(exc: BaseException, path=None) -> DatabaseProblem:
    """A driver error as a message for the operator: read-only, full, damaged, cannot open, busy."""
    text = str(exc).lower()
    where = str(path or db_path())
    if "readonly" in text or "read-only" in text:
        key = "db.read_only"
    elif "full" in text:
        key = "db.full"
    elif "malformed" in text or "not a database" in text or "encrypted" in text or "corrupt" in text:
        key = "db.corrupt"
    elif "unable to open" in text or "no such file" in text:
        key = "db.cannot_open"
    elif "locked" in text or "busy" in text:
        key = "db.busy"
    else:
        key = "db.error"
    return DatabaseProblem(key, path=where, detail=str(exc)[:200], backups=str(settings.path("backup_dir")))


class Database(_SqliteUtilsDatabase):
    """sqlite-utils Database whose outermost ``atomic()`` takes the write lock at once (BEGIN IMMEDIATE).

    With a deferred BEGIN, a transaction that reads and then writes while another process commits
    fails at once with "database is locked" (the busy timeout does not apply to that upgrade);
    BEGIN IMMEDIATE waits for the busy timeout instead, so concurrent writers are serialised.
    """

    @contextlib.contextmanager
    def atomic(self):
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            with super().atomic():
                yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")


def now_iso() -> str:
    """Current UTC time as ISO text (seconds): how every time is stored."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def db_path() -> Path:
    """The database file of the ``db`` setting."""
    return settings.path("db")


def _is_memory(path) -> bool:
    return str(path) == ":memory:"


def connect(path: str | Path | None = None, *, create: bool = True) -> Database:
    """Open the database with foreign keys on, WAL and a busy timeout.

    A new connection per call: sqlite3 connections are bound to their thread and Streamlit reruns
    run in different threads, so pages open one per run (cheap). ``path=":memory:"`` for tests.
    """
    path = db_path() if path is None else path
    if not _is_memory(path):
        p = Path(path)
        if not create and not p.exists():
            raise FileNotFoundError(p)
        p.parent.mkdir(parents=True, exist_ok=True)
    db = Database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000))
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if not _is_memory(path) and db.journal_mode != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def connect_read_only(path: str | Path, *, any_thread: bool = False) -> Database:
    """A read-only connection to a database file (any write raises ``sqlite3.OperationalError``).

    ``any_thread`` lets another thread use it (a lazy download button builds its file elsewhere)."""
    return Database(sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=not any_thread))


@contextlib.contextmanager
def reading(db: Database) -> Iterator[Database]:
    """Every read inside sees one state of the database (one read transaction).

    A page or report that reads several tables reads them inside this, so a batch committed in
    between is either wholly seen or not at all. Inside a write transaction it does nothing more.
    """
    if db.conn.in_transaction:
        yield db
        return
    db.conn.execute("BEGIN")
    try:
        db.conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()   # the snapshot starts here
        yield db
    finally:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")


#: rows turned into Python objects at a time by :func:`frame`
CHUNK_ROWS = 8192


def frame(db: Database, sql: str, params: list | tuple = ()) -> pd.DataFrame:
    """Run a SELECT and return a DataFrame (for the store's own read functions): the frame
    ``pandas.read_sql_query`` returns, the same values and dtypes, read :data:`CHUNK_ROWS` rows at a time.

    Reading every row at once holds a tuple and a Python object per cell of the whole result until the
    frame is built: at province size (230,000 progress rows) that is about 130 MB more than the frames
    themselves, and the allocator keeps most of it for the life of the server. In chunks, each chunk's
    objects are freed before the next one is read and their memory is used again. A column's dtype is
    what the whole result would get (:func:`_joined`)."""
    parts = list(pd.read_sql_query(sql, db.conn, params=list(params), chunksize=CHUNK_ROWS))
    if len(parts) == 1:
        return parts[0]
    whole = _joined(parts)
    return pd.read_sql_query(sql, db.conn, params=list(params)) if whole is None else whole


def _all_missing(part: pd.Series) -> bool:
    return part.dtype == object and bool(part.isna().all())


def _joined(parts: list[pd.DataFrame]) -> pd.DataFrame | None:
    """The chunks of one result as one frame, each column of the dtype pandas infers for the whole column:
    the chunks' own when they agree; numbers (int64, float64) and chunks of NULLs only -> float64 (NULL as
    NaN); text and chunks of NULLs only -> text. None for any other mix (the caller reads the whole)."""
    columns = []
    for i in range(parts[0].shape[1]):
        pieces = [p.iloc[:, i] for p in parts]
        kinds = {str(p.dtype) for p in pieces if not _all_missing(p)}
        if len(kinds) == 1 and all(p.dtype == pieces[0].dtype for p in pieces):
            pass
        elif kinds <= {"int64", "float64"} and kinds:
            pieces = [p.astype("float64") for p in pieces]
        elif kinds == {"str"}:
            pieces = [p.astype("str") for p in pieces]
        elif kinds:
            return None
        columns.append(pd.concat(pieces, ignore_index=True))
    out = pd.concat(columns, axis=1, ignore_index=True)
    out.columns = parts[0].columns
    return out


def rows(db: Database, sql: str, params: list | tuple = ()) -> list[dict]:
    """Run a SELECT and return its rows as dicts."""
    return list(db.query(sql, list(params)))


def first(db: Database, sql: str, params: list | tuple = ()) -> dict | None:
    """The first row of a SELECT as a dict, or None."""
    found = rows(db, sql, params)
    return found[0] if found else None


def in_list(values) -> tuple[str, list]:
    """``("?,?,?", [a, b, c])`` for ``... IN (...)``; ``NULL`` for an empty list (matches nothing)."""
    values = list(values)
    return ",".join("?" * len(values)) or "NULL", values
