"""The schema: sqlite-utils ``Migrations``, applied in order and recorded, so running them again does nothing.

A new table or column is a new function here decorated ``@migrations()`` (never an edit of an
applied one). An existing database is backed up before any migration runs.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Migrations

from tracker.plan import Plan
from tracker.store import backup
from tracker.store.db import Database, connect
from tracker.store.meta import get_meta
from tracker.store.plan import load_plan

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


def migrate(db: Database) -> list[str]:
    """Apply pending migrations; returns their names. Safe to run again (then returns []).

    An existing database is backed up first (:func:`tracker.store.backup.backup_before`).
    """
    pending = [m.name for m in migrations.pending(db)]
    if pending:
        if db.table_names():  # an existing database: keep a copy from before the change
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
