"""The SQLite store (sqlite-utils): the ONLY code that knows SQL, the database file or sqlite-utils.

Everything else asks it through functions that return DataFrames, dicts or plain values, and writes
through functions that callers run inside ``db.atomic()`` (one transaction: whole or nothing).

- :mod:`.db` — connections (WAL, busy timeout, ``BEGIN IMMEDIATE`` writes), :func:`reading` (one
  read transaction for reads that must agree), the time every row is stamped with;
- :mod:`.schema` — migrations (sqlite-utils ``Migrations``) and :func:`open_db`;
- :mod:`.meta` — the data revision (the UI's cache key) and other ``meta`` keys;
- :mod:`.plan` — the plan's tables loaded from the plan file;
- :mod:`.planbook` — the plan book: projects with stable codes, amounts per plan year, revisions,
  department aliases, equipment;
- :mod:`.reads` — the plan and the figures as documented DataFrames;
- :mod:`.uploads` — rows written by uploads, their receipts (``import_batches``) and
  ``batch_changes`` (what a rollback restores);
- :mod:`.accounts` — users, their roles, failed sign-ins;
- :mod:`.sessions` — signed-in sessions kept on the server (the browser holds only a token);
- :mod:`.locks` — quarters locked after council approval;
- :mod:`.narratives` — the M&E report's text written by analysts, per year and round;
- :mod:`.surveys` — the satisfaction surveys' figures (แบบที่ 3/2, 3/3), per year and round;
- :mod:`.auditlog` — the append-only audit trail;
- :mod:`.backup` — online backups; :mod:`.restore` — restoring one, after checking its schema;
- :mod:`.snapshots` — pinned read-only copies for meetings.

The common functions are importable from the package itself: ``store.connect(...)``,
``store.projects(db, 2569)``, ``store.audit(db, user=..., action=...)``.
"""

from tracker.store import (accounts, auditlog, backup, locks, narratives, planbook, restore, sessions, snapshots, surveys,
                          uploads)
from tracker.store.auditlog import audit, audit_log, audit_users_and_actions
from tracker.store.db import (BUSY_TIMEOUT_MS, SQLITE_ERRORS, Database, DatabaseProblem, connect, connect_read_only,
                              db_path, explain, now_iso, reading)
from tracker.store.meta import bump_revision, get_meta, revision, set_meta
from tracker.store.plan import load_plan
from tracker.store.reads import (batches, data_as_of, departments, goals, has_any_data, has_demo_data,
                                 has_real_data, implausible_values, indicators, last_batch_id, missions, periods_with_data,
                                 progress, progress_periods, project_years, projects, results, targets)
from tracker.store.schema import migrate, migrations, open_db

__all__ = [
    "accounts", "auditlog", "backup", "locks", "narratives", "planbook", "restore", "sessions", "snapshots",
    "surveys", "uploads", "BUSY_TIMEOUT_MS", "SQLITE_ERRORS", "DatabaseProblem", "explain", "Database", "connect",
    "connect_read_only", "db_path", "now_iso", "reading",
    "migrate", "migrations", "open_db", "load_plan",
    "get_meta", "set_meta", "revision", "bump_revision", "audit", "audit_log", "audit_users_and_actions",
    "goals", "missions", "departments", "indicators", "targets", "projects", "progress", "results", "batches",
    "project_years", "progress_periods",
    "has_demo_data", "has_real_data", "has_any_data", "implausible_values", "data_as_of", "last_batch_id", "periods_with_data",
]
