"""The SQLite store (sqlite-utils): schema migrations, plan loading, queries returning DataFrames.

This is the only module that knows SQL and the database path. Writes run inside ``db.atomic()``;
every write that changes figures bumps the data *revision* (table ``meta``), which the UI uses as
its cache key, so a write from any process (page or command line) invalidates cached reads.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from sqlite_utils import Database, Migrations

from tracker import settings
from tracker.plan import Plan

BUSY_TIMEOUT_MS = 30_000

migrations = Migrations("tracker")


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE missions (mission_no INTEGER PRIMARY KEY, text_th TEXT NOT NULL, text_en TEXT NOT NULL);
        CREATE TABLE goals (
            goal_no INTEGER PRIMARY KEY, mission_no INTEGER REFERENCES missions(mission_no),
            text_th TEXT NOT NULL, text_en TEXT NOT NULL, short_th TEXT NOT NULL, short_en TEXT NOT NULL);
        CREATE TABLE departments (code TEXT PRIMARY KEY, name_th TEXT NOT NULL, name_en TEXT NOT NULL);
        CREATE TABLE villages (village_no INTEGER PRIMARY KEY, name_th TEXT, name_en TEXT);
        CREATE TABLE indicators (
            code TEXT PRIMARY KEY, goal_no INTEGER NOT NULL REFERENCES goals(goal_no),
            name_th TEXT NOT NULL, name_en TEXT NOT NULL, unit_th TEXT NOT NULL, unit_en TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('higher','lower')),
            aggregation TEXT NOT NULL CHECK (aggregation IN ('sum','latest','average')),
            frequency TEXT NOT NULL CHECK (frequency IN ('quarterly','annual')),
            baseline_value REAL, baseline_fy INTEGER,
            source_th TEXT, source_en TEXT, owner TEXT REFERENCES departments(code),
            definition_th TEXT, definition_en TEXT);
        CREATE TABLE indicator_targets (
            indicator_code TEXT NOT NULL REFERENCES indicators(code), fiscal_year INTEGER NOT NULL,
            target REAL NOT NULL, PRIMARY KEY (indicator_code, fiscal_year));
        CREATE TABLE import_batches (
            id INTEGER PRIMARY KEY, kind TEXT NOT NULL, file_name TEXT NOT NULL, sha256 TEXT NOT NULL,
            username TEXT NOT NULL, created_at TEXT NOT NULL,
            n_rows INTEGER NOT NULL DEFAULT 0, n_new INTEGER NOT NULL DEFAULT 0,
            n_changed INTEGER NOT NULL DEFAULT 0, n_unchanged INTEGER NOT NULL DEFAULT 0,
            n_warnings INTEGER NOT NULL DEFAULT 0, is_demo INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed','rolled_back')),
            rolled_back_at TEXT, rolled_back_by TEXT, periods TEXT);
        CREATE TABLE projects (
            project_code TEXT NOT NULL, fiscal_year INTEGER NOT NULL,
            goal_no INTEGER NOT NULL REFERENCES goals(goal_no),
            name_th TEXT NOT NULL, name_en TEXT, department TEXT NOT NULL REFERENCES departments(code),
            villages TEXT, budget_category TEXT,
            planned_budget REAL NOT NULL DEFAULT 0, allocated_budget REAL NOT NULL DEFAULT 0,
            funding_source TEXT, indicator_codes TEXT,
            is_welfare_transfer INTEGER NOT NULL DEFAULT 0, added_by_revision INTEGER NOT NULL DEFAULT 0,
            batch_id INTEGER REFERENCES import_batches(id),
            PRIMARY KEY (project_code, fiscal_year));
        CREATE TABLE project_progress (
            project_code TEXT NOT NULL, fiscal_year INTEGER NOT NULL,
            quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
            status TEXT NOT NULL CHECK (status IN ('not_started','in_progress','completed','cancelled')),
            progress_pct REAL, committed REAL NOT NULL DEFAULT 0, disbursed REAL NOT NULL DEFAULT 0,
            note TEXT, batch_id INTEGER REFERENCES import_batches(id),
            PRIMARY KEY (project_code, fiscal_year, quarter),
            FOREIGN KEY (project_code, fiscal_year) REFERENCES projects(project_code, fiscal_year));
        CREATE TABLE indicator_results (
            indicator_code TEXT NOT NULL REFERENCES indicators(code), fiscal_year INTEGER NOT NULL,
            quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4), value REAL NOT NULL, note TEXT,
            batch_id INTEGER REFERENCES import_batches(id),
            PRIMARY KEY (indicator_code, fiscal_year, quarter));
        -- one row per row a batch created or changed: enough to undo the batch exactly
        CREATE TABLE batch_changes (
            id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL REFERENCES import_batches(id),
            table_name TEXT NOT NULL, row_key TEXT NOT NULL, before TEXT, after TEXT NOT NULL);
        CREATE INDEX batch_changes_batch ON batch_changes(batch_id);
        CREATE INDEX batch_changes_key ON batch_changes(table_name, row_key);
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, username TEXT NOT NULL, action TEXT NOT NULL,
            target TEXT, detail TEXT);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TABLE users (
            username TEXT PRIMARY KEY, display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('viewer','analyst','admin')),
            password_hash TEXT NOT NULL, failed_count INTEGER NOT NULL DEFAULT 0, locked_until TEXT,
            disabled INTEGER NOT NULL DEFAULT 0, is_demo INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL, password_changed_at TEXT);
        CREATE TABLE quarter_locks (
            fiscal_year INTEGER NOT NULL, quarter INTEGER NOT NULL, locked_by TEXT NOT NULL,
            locked_at TEXT NOT NULL, note TEXT, PRIMARY KEY (fiscal_year, quarter));
        CREATE TABLE snapshots (
            name TEXT PRIMARY KEY, file TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
            last_batch_id INTEGER, revision INTEGER, note TEXT);
        CREATE INDEX progress_fy ON project_progress(fiscal_year, quarter);
        CREATE INDEX results_fy ON indicator_results(fiscal_year, quarter);
        CREATE INDEX projects_goal ON projects(fiscal_year, goal_no);
        """
    )


# ---------------------------------------------------------------- connection

def now_iso() -> str:
    """Current UTC time as ISO text (seconds)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def db_path() -> Path:
    return settings.path("db")


class _Database(Database):
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


def connect(path: str | Path | None = None, *, create: bool = True) -> Database:
    """Open the database with foreign keys on, WAL and a busy timeout.

    A new connection per call: sqlite3 connections are bound to their thread and Streamlit reruns
    run in different threads, so pages open one per run (cheap). ``path=":memory:"`` for tests.
    """
    path = db_path() if path is None else path
    if str(path) != ":memory:":
        p = Path(path)
        if not create and not p.exists():
            raise FileNotFoundError(p)
        p.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    db = _Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:" and db.journal_mode != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    return db


def migrate(db: Database) -> list[str]:
    """Apply pending migrations; returns their names. Safe to run again (then returns []).

    An existing database is backed up first (``tracker.backup.backup_before``).
    """
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        if db.table_names():  # an existing database: keep a copy from before the change
            from tracker import backup

            backup.backup_before(db, "migrate")
        migrations.apply(db)
    return pending


def open_db(path: str | Path | None = None, plan: Plan | None = None) -> Database:
    """Connect, migrate and make sure the plan is loaded: what every entry point calls."""
    from tracker.plan import default_plan

    db = connect(path)
    migrate(db)
    plan = plan or default_plan()
    if get_meta(db, "plan_sha256") != plan.sha256:
        load_plan(db, plan)
    return db


# ---------------------------------------------------------------- meta, revision

def get_meta(db: Database, key: str, default: str | None = None) -> str | None:
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


# ---------------------------------------------------------------- plan

def load_plan(db: Database, plan: Plan) -> None:
    """Load (or reload) the plan into its tables. Idempotent: running it twice changes nothing.

    Indicators or targets removed from the plan file are deleted unless results refer to them
    (then the foreign key refuses and the error names the indicator).
    """
    with db.atomic():
        db["missions"].upsert_all(
            [{"mission_no": n, "text_th": t.th, "text_en": t.en} for n, t in plan.missions.items()], pk="mission_no")
        db["goals"].upsert_all([
            {"goal_no": g.number, "mission_no": g.mission, "text_th": g.text.th, "text_en": g.text.en,
             "short_th": g.short.th, "short_en": g.short.en} for g in plan.goals.values()], pk="goal_no")
        db["departments"].upsert_all(
            [{"code": d.code, "name_th": d.name.th, "name_en": d.name.en} for d in plan.departments.values()],
            pk="code")
        db["villages"].upsert_all([
            {"village_no": v.number, "name_th": v.name.th if v.name else None, "name_en": v.name.en if v.name else None}
            for v in plan.villages.values()], pk="village_no")
        db["indicators"].upsert_all([
            {"code": i.code, "goal_no": i.goal, "name_th": i.name.th, "name_en": i.name.en, "unit_th": i.unit.th,
             "unit_en": i.unit.en, "direction": i.direction, "aggregation": i.aggregation, "frequency": i.frequency,
             "baseline_value": i.baseline_value, "baseline_fy": i.baseline_fy, "source_th": i.source.th,
             "source_en": i.source.en, "owner": i.owner, "definition_th": i.definition.th,
             "definition_en": i.definition.en} for i in plan.indicators.values()], pk="code")
        db.execute("DELETE FROM indicator_targets")
        db["indicator_targets"].insert_all([
            {"indicator_code": i.code, "fiscal_year": fy, "target": t}
            for i in plan.indicators.values() for fy, t in sorted(i.targets.items())])
        codes = list(plan.indicators)
        db.execute(f"DELETE FROM indicators WHERE code NOT IN ({','.join('?' * len(codes))})", codes)
        set_meta(db, "plan_sha256", plan.sha256)
        set_meta(db, "plan_file", plan.source_path)
        bump_revision(db)


# ---------------------------------------------------------------- audit

def audit(db: Database, *, user: str, action: str, target: str | None = None, detail: dict | None = None) -> None:
    """Append one row to the audit log (call inside the transaction of the action it records)."""
    db["audit_log"].insert({"at": now_iso(), "username": user, "action": action, "target": target,
                            "detail": json.dumps(detail, ensure_ascii=False, default=str) if detail else None})


# ---------------------------------------------------------------- reads (DataFrames)

def frame(db: Database, sql: str, params: list | tuple = ()) -> pd.DataFrame:
    """Run a SELECT and return a DataFrame."""
    return pd.read_sql_query(sql, db.conn, params=list(params))


def goals(db: Database) -> pd.DataFrame:
    return frame(db, "SELECT g.*, m.text_th AS mission_th, m.text_en AS mission_en FROM goals g "
                     "LEFT JOIN missions m USING (mission_no) ORDER BY goal_no")


def missions_df(db: Database) -> pd.DataFrame:
    return frame(db, "SELECT * FROM missions ORDER BY mission_no")


def departments(db: Database) -> pd.DataFrame:
    return frame(db, "SELECT * FROM departments ORDER BY code")


def indicators(db: Database) -> pd.DataFrame:
    return frame(db, "SELECT * FROM indicators ORDER BY code")


def targets(db: Database) -> pd.DataFrame:
    return frame(db, "SELECT * FROM indicator_targets ORDER BY indicator_code, fiscal_year")


def projects(db: Database, fiscal_year: int | None = None) -> pd.DataFrame:
    where, params = ("WHERE fiscal_year = ?", [fiscal_year]) if fiscal_year else ("", [])
    return frame(db, f"SELECT * FROM projects {where} ORDER BY fiscal_year, goal_no, project_code", params)


def progress(db: Database, fiscal_year: int | None = None) -> pd.DataFrame:
    where, params = ("WHERE fiscal_year = ?", [fiscal_year]) if fiscal_year else ("", [])
    return frame(db, f"SELECT * FROM project_progress {where} ORDER BY fiscal_year, project_code, quarter", params)


def results(db: Database, fiscal_year: int | None = None) -> pd.DataFrame:
    where, params = ("WHERE fiscal_year = ?", [fiscal_year]) if fiscal_year else ("", [])
    return frame(db, f"SELECT * FROM indicator_results {where} ORDER BY indicator_code, fiscal_year, quarter",
                 params)


def batches(db: Database) -> pd.DataFrame:
    return frame(db, "SELECT * FROM import_batches ORDER BY id DESC")


def has_demo_data(db: Database) -> bool:
    """True while any committed demo batch is loaded (the app then shows the demo banner)."""
    row = db.execute("SELECT 1 FROM import_batches WHERE is_demo = 1 AND status = 'committed' LIMIT 1").fetchone()
    return row is not None


def has_any_data(db: Database) -> bool:
    return db.execute("SELECT 1 FROM projects LIMIT 1").fetchone() is not None or \
        db.execute("SELECT 1 FROM indicator_results LIMIT 1").fetchone() is not None


def data_as_of(db: Database) -> str | None:
    """Time (UTC ISO) of the latest committed batch, or None when no data was imported."""
    row = db.execute("SELECT max(created_at) FROM import_batches WHERE status = 'committed'").fetchone()
    return row[0] if row else None


def periods_with_data(db: Database) -> list[tuple[int, int]]:
    """(fiscal_year, quarter) pairs that have any progress or indicator result, ascending."""
    rows = db.execute(
        "SELECT fiscal_year, quarter FROM project_progress UNION "
        "SELECT fiscal_year, quarter FROM indicator_results ORDER BY 1, 2").fetchall()
    return [(int(a), int(b)) for a, b in rows]


def fiscal_years_with_projects(db: Database) -> list[int]:
    return [int(r[0]) for r in db.execute("SELECT DISTINCT fiscal_year FROM projects ORDER BY 1").fetchall()]


def latest_period(db: Database) -> tuple[int, int] | None:
    """The latest (fiscal_year, quarter) with data: the default selection of the app."""
    p = periods_with_data(db)
    return p[-1] if p else None
