"""The plan book in the store: strategies, tactics and programmes (from the plan file), the projects
as the plan book keeps them (``plan_projects``, stable codes), their amounts per plan year
(``plan_amounts``), revisions as records (``plan_revisions``) with what each changed
(``plan_project_changes``), the codes ever given, department aliases and equipment.

Reads return documented DataFrames; :func:`apply` writes a plan import's rows and records each in
``batch_changes`` (before and after) so the import rolls back as one batch.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tracker.store.db import Database, frame, in_list
from tracker.store.plan import alias_key
from tracker.store.uploads import TABLE_KEYS, delete_rows, insert_changes, row_key, to_json

#: plan_projects columns (the store's own names)
PROJECT_COLUMNS = ("code", "coordination", "strategy_no", "tactic_code", "programme_code", "name_th", "objective",
                   "target", "kpi", "expected_result", "department_raw", "department", "remark", "rationale",
                   "notes", "sheet", "row", "last_row", "seq", "programme_no", "book_revision",
                   "first_revision_id", "last_revision_id", "active", "batch_id")


def strategies(db: Database) -> pd.DataFrame:
    """``number, goal_no, name_th/en, short_th/en`` by number."""
    return frame(db, "SELECT * FROM plan_strategies ORDER BY number")


def tactics(db: Database) -> pd.DataFrame:
    """``code, strategy_no, name_th/en`` in strategy, then code order."""
    return frame(db, "SELECT * FROM plan_tactics ORDER BY strategy_no, code")


def programmes(db: Database) -> pd.DataFrame:
    """``code, area, name_th/en`` by code (the standard แผนงาน list)."""
    return frame(db, "SELECT * FROM plan_programmes ORDER BY code")


def projects(db: Database) -> pd.DataFrame:
    """Every project a plan book brought (active or no longer in the plan), with the kind of its first
    revision (``first_revision_kind``) and the label of its last (``last_revision_label``), by code."""
    return frame(db, "SELECT p.*, f.kind AS first_revision_kind, f.label AS first_revision_label, "
                     "l.label AS last_revision_label FROM plan_projects p "
                     "LEFT JOIN plan_revisions f ON f.id = p.first_revision_id "
                     "LEFT JOIN plan_revisions l ON l.id = p.last_revision_id ORDER BY p.code")


def amounts(db: Database) -> pd.DataFrame:
    """``project_code, fiscal_year, kind`` (plan | ordinance) ``, amount`` (NULL = blank cell)."""
    return frame(db, "SELECT * FROM plan_amounts ORDER BY project_code, kind, fiscal_year")


def revisions(db: Database) -> pd.DataFrame:
    """Every revision record, oldest first, with how many projects it ``added``, ``changed`` and
    ``removed`` and the import batch that recorded it (``batch_status``)."""
    return frame(db, "SELECT r.*, b.status AS batch_status, b.is_demo, "
                     "(SELECT count(DISTINCT project_code) FROM plan_project_changes c WHERE c.revision_id = r.id "
                     "   AND c.change = 'added') AS added, "
                     "(SELECT count(DISTINCT project_code) FROM plan_project_changes c WHERE c.revision_id = r.id "
                     "   AND c.change = 'changed') AS changed, "
                     "(SELECT count(DISTINCT project_code) FROM plan_project_changes c WHERE c.revision_id = r.id "
                     "   AND c.change = 'removed') AS removed "
                     "FROM plan_revisions r LEFT JOIN import_batches b ON b.id = r.batch_id ORDER BY r.id")


def revision_changes(db: Database, revision_id: int | None = None) -> pd.DataFrame:
    """What revisions did: ``id, revision_id, label, project_code, name_th, coordination, change, field,
    fiscal_year, before, after`` (before/after as JSON text), in the order recorded."""
    where, params = ("WHERE c.revision_id = ?", [revision_id]) if revision_id is not None else ("", [])
    return frame(db, "SELECT c.id, c.revision_id, r.label, c.project_code, p.name_th, p.coordination, c.change, "
                     "c.field, c.fiscal_year, c.before, c.after FROM plan_project_changes c "
                     "JOIN plan_revisions r ON r.id = c.revision_id "
                     f"LEFT JOIN plan_projects p ON p.code = c.project_code {where} ORDER BY c.id", params)


def department_aliases(db: Database) -> pd.DataFrame:
    """``alias, written, department, source`` (plan | user), ``created_by, created_at``."""
    return frame(db, "SELECT * FROM department_aliases ORDER BY department, written")


def codes_issued(db: Database) -> list[str]:
    """Every project code ever given."""
    return [r[0] for r in db.execute("SELECT code FROM plan_codes_issued").fetchall()]


def equipment(db: Database) -> pd.DataFrame:
    """Equipment items (ครุภัณฑ์) of the plan book: ``item_key, sheet, row, seq, programme, category, type,
    target, department_raw, department, budgets`` (JSON ``{"2566": amount, …}``)."""
    return frame(db, "SELECT * FROM plan_equipment ORDER BY sheet, row")


def next_id(db: Database, table: str) -> int:
    """The next free ``id`` of ``plan_revisions`` or ``plan_project_changes`` (inside the write)."""
    assert table in ("plan_revisions", "plan_project_changes")
    return int(db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def rows_of(db: Database, table: str, where_column: str, values) -> pd.DataFrame:
    """Every row of ``table`` (a table plan imports write, or ``projects``) whose ``where_column`` is in ``values``."""
    assert table in TABLE_KEYS
    marks, params = in_list(values)
    return frame(db, f"SELECT * FROM {table} WHERE {where_column} IN ({marks})", params)


def progress_reported(db: Database, codes) -> set[tuple[str, int]]:
    """(project_code, fiscal_year) pairs of these codes that have any progress row."""
    marks, params = in_list(codes)
    rows = db.execute(f"SELECT DISTINCT project_code, fiscal_year FROM project_progress "
                      f"WHERE project_code IN ({marks})", params).fetchall()
    return {(r[0], int(r[1])) for r in rows}


@dataclass(frozen=True)
class RowChange:
    """One row a plan import writes: ``before`` None = created, ``after`` None = deleted."""

    table: str
    before: dict | None
    after: dict | None

    @property
    def key(self) -> tuple:
        row = self.after if self.after is not None else self.before
        return tuple(row[k] for k in TABLE_KEYS[self.table])


def apply(db: Database, batch_id: int, changes: list[RowChange]) -> None:
    """Write ``changes`` (upserts and deletes, parents first) and record each in ``batch_changes``.
    Call inside ``db.atomic()``."""
    for ch in changes:
        if ch.after is None:
            delete_rows(db, ch.table, [ch.key])
            continue
        cols = list(ch.after)
        key = TABLE_KEYS[ch.table]
        sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in key)
        db.execute(f"INSERT INTO {ch.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                   f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {sets}", [ch.after[c] for c in cols])
    insert_changes(db, [(batch_id, ch.table, row_key(ch.key), None if ch.before is None else to_json(ch.before),
                         "null" if ch.after is None else to_json(ch.after)) for ch in changes])


def issue_codes(db: Database, codes, at: str) -> None:
    """Record codes as given (never rolled back: a code once shown is never given again)."""
    db.conn.executemany("INSERT OR IGNORE INTO plan_codes_issued (code, issued_at) VALUES (?, ?)",
                        [(c, at) for c in codes])


def user_alias(written: str, department: str, *, user: str, at: str) -> dict:
    """A ``department_aliases`` row for an analyst's answer."""
    return {"alias": alias_key(written), "written": written, "department": department, "source": "user",
            "created_by": user, "created_at": at}


def plan_values(db: Database, codes) -> pd.DataFrame:
    """What the plan book says of these (main, active) projects per plan year, for the columns it owns
    in ``projects``: ``project_code, fiscal_year, goal_no, name_th, department, planned_budget``
    (0 where the book plans nothing that year), ``added_by_revision``."""
    marks, params = in_list(codes)
    return frame(db, "SELECT p.code AS project_code, a.fiscal_year, s.goal_no, p.name_th, p.department, "
                     "coalesce(a.amount, 0) AS planned_budget, (f.kind = 'addition') AS added_by_revision "
                     "FROM plan_projects p JOIN plan_strategies s ON s.number = p.strategy_no "
                     "JOIN plan_amounts a ON a.project_code = p.code AND a.kind = 'plan' "
                     "LEFT JOIN plan_revisions f ON f.id = p.first_revision_id "
                     f"WHERE p.coordination = 0 AND p.active = 1 AND p.code IN ({marks})", params)
