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


@migrations()
def m002_plan_book(db: Database) -> None:
    """The plan's hierarchy and the plan book (#10): strategies, tactics and programmes from the plan file;
    projects as the plan book keeps them, with stable codes, amounts per plan year, revisions as
    records with what each changed; department aliases; ผ.02/2 projects and equipment kept apart."""
    db.executescript(
        """
        CREATE TABLE plan_strategies (
            number INTEGER PRIMARY KEY, goal_no INTEGER NOT NULL REFERENCES goals(goal_no),
            name_th TEXT NOT NULL, name_en TEXT NOT NULL, short_th TEXT NOT NULL, short_en TEXT NOT NULL);
        CREATE TABLE plan_tactics (
            code TEXT PRIMARY KEY, strategy_no INTEGER NOT NULL REFERENCES plan_strategies(number),
            name_th TEXT NOT NULL, name_en TEXT NOT NULL);
        CREATE TABLE plan_programmes (
            code TEXT PRIMARY KEY, area TEXT NOT NULL, name_th TEXT NOT NULL, name_en TEXT NOT NULL);
        -- a plan revision (ฉบับแรก / ทบทวน / เพิ่มเติม / เปลี่ยนแปลง / แก้ไข) as a record
        CREATE TABLE plan_revisions (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('first_edition','review','addition','change','correction')),
            number INTEGER NOT NULL DEFAULT 0, year INTEGER NOT NULL DEFAULT 0, label TEXT NOT NULL UNIQUE,
            approved_on TEXT, batch_id INTEGER REFERENCES import_batches(id), file_name TEXT, sha256 TEXT,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL);
        -- a project as the plan book keeps it; code is the product's stable code (never reused)
        CREATE TABLE plan_projects (
            code TEXT PRIMARY KEY, coordination INTEGER NOT NULL DEFAULT 0,
            strategy_no INTEGER NOT NULL, tactic_code TEXT, programme_code TEXT NOT NULL,
            name_th TEXT NOT NULL, objective TEXT, target TEXT, kpi TEXT, expected_result TEXT,
            department_raw TEXT, department TEXT REFERENCES departments(code), remark TEXT, rationale TEXT,
            notes TEXT, sheet TEXT, row INTEGER, last_row INTEGER, seq INTEGER, programme_no INTEGER,
            book_revision TEXT, first_revision_id INTEGER REFERENCES plan_revisions(id),
            last_revision_id INTEGER REFERENCES plan_revisions(id), active INTEGER NOT NULL DEFAULT 1,
            batch_id INTEGER REFERENCES import_batches(id));
        -- amounts per plan year: kind plan (งบประมาณตามแผน) or ordinance (the book's ข้อบัญญัติ/เทศบัญญัติ
        -- columns); amount NULL = a blank cell, 0 = a dash
        CREATE TABLE plan_amounts (
            project_code TEXT NOT NULL REFERENCES plan_projects(code), fiscal_year INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('plan','ordinance')), amount REAL,
            PRIMARY KEY (project_code, fiscal_year, kind));
        -- what each revision did to each project: added / changed (field, year, before -> after) / removed
        CREATE TABLE plan_project_changes (
            id INTEGER PRIMARY KEY, revision_id INTEGER NOT NULL REFERENCES plan_revisions(id),
            project_code TEXT NOT NULL, change TEXT NOT NULL CHECK (change IN ('added','changed','removed')),
            field TEXT, fiscal_year INTEGER, before TEXT, after TEXT);
        CREATE INDEX plan_project_changes_revision ON plan_project_changes(revision_id);
        -- every code ever given (kept when an import is rolled back, so a code is never reused)
        CREATE TABLE plan_codes_issued (code TEXT PRIMARY KEY, issued_at TEXT NOT NULL);
        -- department names as books and files write them -> division (seeded from the plan file,
        -- extended by analysts; shared with the quarterly upload's column mappings)
        CREATE TABLE department_aliases (
            alias TEXT PRIMARY KEY, written TEXT NOT NULL, department TEXT NOT NULL REFERENCES departments(code),
            source TEXT NOT NULL CHECK (source IN ('plan','user')), created_by TEXT, created_at TEXT);
        -- equipment (ครุภัณฑ์, form ผ.03): kept apart, never projects
        CREATE TABLE plan_equipment (
            item_key TEXT PRIMARY KEY, sheet TEXT, row INTEGER, seq INTEGER, programme TEXT, category TEXT,
            type TEXT, target TEXT, department_raw TEXT, department TEXT, budgets TEXT NOT NULL,
            batch_id INTEGER REFERENCES import_batches(id));
        CREATE INDEX plan_projects_strategy ON plan_projects(strategy_no, programme_code);
        """
    )


@migrations()
def m003_sessions(db: Database) -> None:
    """Signed-in sessions kept on the server (see :mod:`tracker.store.sessions`)."""
    db.executescript(
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY, token_sha TEXT UNIQUE,
            username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
            created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL, expires_at TEXT NOT NULL,
            revoked_at TEXT, revoked_by TEXT, end_reason TEXT,
            handoff_sha TEXT UNIQUE, handoff_expires_at TEXT);
        CREATE INDEX sessions_user ON sessions(username, created_at);
        """
    )


@migrations()
def m004_report_narratives(db: Database) -> None:
    """The M&E report's narrative (#13): per fiscal year, round (annual / half / q1–q4), section and
    strategy (0 = the whole report), the text analysts wrote, with who and when (every change is
    also in the audit log)."""
    db.executescript(
        """
        CREATE TABLE report_narratives (
            fiscal_year INTEGER NOT NULL, round TEXT NOT NULL, section TEXT NOT NULL,
            strategy_no INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,
            updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
            PRIMARY KEY (fiscal_year, round, section, strategy_no));
        """
    )


@migrations()
def m005_column_mappings(db: Database) -> None:
    """Saved column mappings (#12): a file layout's own headers mapped once to an upload kind's columns, with
    the value words it uses, applied to the next file with the same headers."""
    db.executescript(
        """
        CREATE TABLE column_mappings (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('projects','project_progress','indicator_results')),
            signature TEXT NOT NULL UNIQUE,          -- the layout: its header keys, sorted, joined by |
            columns TEXT NOT NULL,                   -- JSON {header as written: contract column}
            value_words TEXT NOT NULL DEFAULT '{}',  -- JSON {contract column: {word as written: value}}
            created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT, updated_at TEXT);
        """
    )


@migrations()
def m006_indicator_profile(db: Database) -> None:
    """Method v2: an indicator's quarterly profile (JSON list of four shares; NULL = linear)."""
    db["indicators"].add_column("profile", str)


@migrations()
def m007_satisfaction_surveys(db: Database) -> None:
    """Satisfaction survey results (#13, แบบที่ 3/2 and 3/3), uploaded as batches like the other kinds: per fiscal
    year and round (annual / half) one row per figure of the survey's tables — respondents by characteristic
    (sex, age, education, occupation), the shares very satisfied / satisfied / not satisfied per item (overall),
    a score out of 10 per strategy and item. ``strategy_no`` 0 and ``characteristic`` '' where a table has none
    (so the key has no NULL). Saved column mappings may now name this kind too."""
    db.executescript(
        """
        CREATE TABLE satisfaction_results (
            fiscal_year INTEGER NOT NULL, round TEXT NOT NULL CHECK (round IN ('annual','half')),
            survey_table TEXT NOT NULL CHECK (survey_table IN ('respondents','overall','strategy')),
            strategy_no INTEGER NOT NULL DEFAULT 0, characteristic TEXT NOT NULL DEFAULT '', item TEXT NOT NULL,
            respondents REAL CHECK (respondents >= 0),
            very_satisfied REAL CHECK (very_satisfied BETWEEN 0 AND 100),
            satisfied REAL CHECK (satisfied BETWEEN 0 AND 100),
            not_satisfied REAL CHECK (not_satisfied BETWEEN 0 AND 100),
            score REAL CHECK (score BETWEEN 0 AND 10), note TEXT,
            batch_id INTEGER REFERENCES import_batches(id),
            PRIMARY KEY (fiscal_year, round, survey_table, strategy_no, characteristic, item));
        CREATE TABLE column_mappings_new (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('projects','project_progress','indicator_results','satisfaction')),
            signature TEXT NOT NULL UNIQUE, columns TEXT NOT NULL, value_words TEXT NOT NULL DEFAULT '{}',
            created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT, updated_at TEXT);
        INSERT INTO column_mappings_new SELECT id, name, kind, signature, columns, value_words, created_by, created_at,
            updated_by, updated_at FROM column_mappings;
        DROP TABLE column_mappings;
        ALTER TABLE column_mappings_new RENAME TO column_mappings;
        """
    )


@migrations()
def m008_indicator_measured_by(db: Database) -> None:
    """#13: the plan's ``measured_by`` of an indicator (``survey`` = its value is the satisfaction survey's overall
    share; NULL = uploaded). Filled when the plan is loaded again (the plan file's hash changed with the key)."""
    db["indicators"].add_column("measured_by", str)


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
    applied = migrate(db)
    plan = plan or default_plan()
    if applied or get_meta(db, "plan_sha256") != plan.sha256:   # a new table may hold plan data
        load_plan(db, plan)
    return db
