"""What an upload writes and a rollback undoes: the data tables, ``import_batches`` (the receipts)
and ``batch_changes`` (every row a batch created or changed, before and after, as JSON).

Writes are plain ``executemany`` statements; callers run them inside ``db.atomic()``
(:mod:`tracker.ingest.commit`, :mod:`tracker.ingest.rollback`).
"""

from __future__ import annotations

import json

import pandas as pd

from tracker.store.db import Database, first, frame, in_list
from tracker.store.db import rows as select_rows

#: the data columns of each upload table (batch_id is added on write)
TABLE_COLUMNS = {
    "projects": ("project_code", "fiscal_year", "goal_no", "name_th", "name_en", "department", "villages",
                 "budget_category", "planned_budget", "allocated_budget", "funding_source", "indicator_codes",
                 "is_welfare_transfer", "added_by_revision"),
    "project_progress": ("project_code", "fiscal_year", "quarter", "status", "progress_pct", "committed",
                         "disbursed", "note"),
    "indicator_results": ("indicator_code", "fiscal_year", "quarter", "value", "note"),
    "satisfaction_results": ("fiscal_year", "round", "survey_table", "strategy_no", "characteristic", "item",
                             "respondents", "very_satisfied", "satisfied", "not_satisfied", "score", "note"),
}
#: Largest plausible amount of money in one cell (baht): 100,000 million, far above any local
#: government's whole budget, far below where sums of many rows could overflow.
MONEY_MAX = 1e11
#: Largest plausible indicator value in absolute terms (an indicator's own range, from the plan, is narrower).
VALUE_MAX = 1e9
#: The plausible range of every stored number: what an upload may write (the contract's checks use it)
#: and what a read trusts (:func:`tracker.store.reads.screen`); anything else is a bad stored value.
BOUNDS: dict[str, dict[str, tuple[float, float]]] = {
    "projects": {"planned_budget": (0.0, MONEY_MAX), "allocated_budget": (0.0, MONEY_MAX)},
    "project_progress": {"progress_pct": (0.0, 100.0), "committed": (0.0, MONEY_MAX), "disbursed": (0.0, MONEY_MAX)},
    "indicator_results": {"value": (-VALUE_MAX, VALUE_MAX)},
}
TABLE_KEYS = {
    "projects": ("project_code", "fiscal_year"),
    "project_progress": ("project_code", "fiscal_year", "quarter"),
    "indicator_results": ("indicator_code", "fiscal_year", "quarter"),
    "satisfaction_results": ("fiscal_year", "round", "survey_table", "strategy_no", "characteristic", "item"),
    # written by a plan-book import (tracker.store.planbook)
    "plan_revisions": ("id",),
    "plan_projects": ("code",),
    "plan_amounts": ("project_code", "fiscal_year", "kind"),
    "plan_project_changes": ("id",),
    "department_aliases": ("alias",),
    "plan_equipment": ("item_key",),
}


def known_projects(db: Database) -> pd.DataFrame:
    return frame(db, "SELECT project_code, fiscal_year, allocated_budget FROM projects")


def progress_disbursed(db: Database, years: list[int]) -> pd.DataFrame:
    marks, params = in_list(years)
    return frame(db, "SELECT project_code, fiscal_year, quarter, disbursed FROM project_progress "
                           f"WHERE fiscal_year IN ({marks})", params)


def existing_rows(db: Database, table: str, years: list[int]) -> pd.DataFrame:
    """Every stored row of ``table`` in the given fiscal years (all columns, incl. batch_id)."""
    marks, params = in_list(years)
    cols = ", ".join((*TABLE_COLUMNS[table], "batch_id"))
    return frame(db, f"SELECT {cols} FROM {table} WHERE fiscal_year IN ({marks})", params)


def same_file_batch(db: Database, sha256: str, kind: str) -> int | None:
    row = db.execute("SELECT max(id) FROM import_batches WHERE sha256 = ? AND kind = ? AND status = 'committed'",
                     [sha256, kind]).fetchone()
    return row[0] if row and row[0] is not None else None


def insert_batch(db: Database, record: dict) -> int:
    cols = list(record)
    cur = db.execute(f"INSERT INTO import_batches ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     [record[c] for c in cols])
    return int(cur.lastrowid)


def upsert_rows(db: Database, table: str, columns: list[str], rows: list[tuple]) -> None:
    """INSERT … ON CONFLICT(key) DO UPDATE for every row (one executemany)."""
    key = TABLE_KEYS[table]
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           f"ON CONFLICT({', '.join(key)}) DO UPDATE SET {sets}")
    db.conn.executemany(sql, rows)


def delete_rows(db: Database, table: str, keys: list[tuple]) -> None:
    where = " AND ".join(f"{c} = ?" for c in TABLE_KEYS[table])
    db.conn.executemany(f"DELETE FROM {table} WHERE {where}", keys)


def insert_changes(db: Database, rows: list[tuple]) -> None:
    """rows: (batch_id, table_name, row_key, before, after); ``after`` is ``"null"`` for a row the
    batch deleted (a rollback puts ``before`` back)."""
    db.conn.executemany("INSERT INTO batch_changes (batch_id, table_name, row_key, before, after) "
                        "VALUES (?, ?, ?, ?, ?)", rows)


def batch(db: Database, batch_id: int) -> dict | None:
    """The receipt of batch ``batch_id`` (its ``import_batches`` row), or None."""
    return first(db, "SELECT * FROM import_batches WHERE id = ?", [batch_id])


def batch_changes(db: Database, batch_id: int) -> list[dict]:
    """``table_name, row_key, before, after`` of every row the batch created or changed, in order."""
    return select_rows(db, "SELECT table_name, row_key, before, after FROM batch_changes WHERE batch_id = ? "
                    "ORDER BY id", [batch_id])


def later_batch_touching(db: Database, batch_id: int) -> dict | None:
    """The earliest committed batch after ``batch_id`` that changed one of its rows."""
    return first(db, "SELECT b.id, b.file_name FROM batch_changes mine "
                     "JOIN batch_changes later ON later.table_name = mine.table_name AND later.row_key = mine.row_key "
                     "     AND later.batch_id > mine.batch_id "
                     "JOIN import_batches b ON b.id = later.batch_id AND b.status = 'committed' "
                     "WHERE mine.batch_id = ? ORDER BY b.id LIMIT 1", [batch_id])


def progress_batch_for_projects(db: Database, keys: list[tuple]) -> dict | None:
    """A committed batch holding progress rows of any of these (project_code, fiscal_year)."""
    for i in range(0, len(keys), 400):
        chunk = keys[i:i + 400]
        where = " OR ".join("(p.project_code = ? AND p.fiscal_year = ?)" for _ in chunk)
        params = [v for k in chunk for v in k]
        found = first(db, "SELECT b.id, b.file_name FROM project_progress p JOIN import_batches b "
                          f"ON b.id = p.batch_id WHERE {where} ORDER BY b.id LIMIT 1", params)
        if found:
            return found
    return None


def defer_foreign_keys(db: Database) -> None:
    """Check foreign keys at COMMIT instead of per statement, for this transaction (a rollback restores
    and removes rows of several related tables in one go)."""
    db.execute("PRAGMA defer_foreign_keys = ON")


def mark_rolled_back(db: Database, batch_id: int, *, user: str, at: str) -> None:
    db.execute("UPDATE import_batches SET status = 'rolled_back', rolled_back_at = ?, rolled_back_by = ? "
               "WHERE id = ?", [at, user, batch_id])


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def row_key(values) -> str:
    """The key of a row as JSON text, e.g. ``["G1-P01", 2569, 2]`` (how batch_changes finds a row)."""
    return _ENCODE(list(values))


def to_json(record: dict) -> str:
    return _ENCODE(record)


def _encoded(values: list) -> list[str]:
    """Each value as JSON text, every distinct value encoded once (a column repeats its years,
    statuses and codes)."""
    seen: dict = {}
    out = []
    for v in values:
        k = (v.__class__, v)       # 1, 1.0 and True are equal keys but not the same JSON
        try:
            out.append(seen[k])
        except KeyError:
            out.append(seen.setdefault(k, _ENCODE(v)))
        except TypeError:          # an unhashable value: encode it as it is
            out.append(_ENCODE(v))
    return out


def change_texts(table: str, names: list[str], columns: list[list]) -> tuple[list[str], list[str]]:
    """``(row_key, row as JSON)`` of every row given as columns of Python values (``columns[i]`` holds
    ``names[i]``): the same text as :func:`row_key` and :func:`to_json` of each row, built from each
    column's encoded values in one template fill per row (100,000 rows: no million encoder calls)."""
    parts = [_encoded(col) for col in columns]
    fill = "{" + ", ".join(_ENCODE(n).replace("%", "%%") + ": %s" for n in names) + "}"
    rows = [fill % r for r in zip(*parts)]
    key = [parts[names.index(k)] for k in TABLE_KEYS[table]]
    keys = [("[" + ", ".join(["%s"] * len(key)) + "]") % r for r in zip(*key)]
    return keys, rows
