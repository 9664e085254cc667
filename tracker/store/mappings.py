"""Saved column mappings (``column_mappings``): a file layout's own headers -> an upload kind's columns, and
the value words it uses. Written by :mod:`tracker.ingest.mappings` inside its transaction (with the audit)."""

from __future__ import annotations

import json

import pandas as pd

from tracker.store.db import Database, first, frame


def _decoded(row: dict | None) -> dict | None:
    if row is None:
        return None
    return {**row, "columns": json.loads(row["columns"]), "value_words": json.loads(row["value_words"])}


def mappings(db: Database) -> pd.DataFrame:
    """Every saved mapping: ``id, name, kind, signature, columns, value_words`` (JSON text), ``created_by,
    created_at, updated_by, updated_at``, by name."""
    return frame(db, "SELECT * FROM column_mappings ORDER BY name")


def by_signature(db: Database, signature: str) -> dict | None:
    """The mapping saved for a layout (``columns`` and ``value_words`` decoded), or None."""
    return _decoded(first(db, "SELECT * FROM column_mappings WHERE signature = ?", [signature]))


def by_id(db: Database, mapping_id: int) -> dict | None:
    return _decoded(first(db, "SELECT * FROM column_mappings WHERE id = ?", [int(mapping_id)]))


def save(db: Database, record: dict) -> int:
    """Insert or replace (same layout) a mapping; ``columns`` and ``value_words`` as dicts. Returns its id.
    Call inside ``db.atomic()``."""
    row = {**record, "columns": json.dumps(record["columns"], ensure_ascii=False),
           "value_words": json.dumps(record.get("value_words") or {}, ensure_ascii=False)}
    old = first(db, "SELECT id, created_by, created_at FROM column_mappings WHERE signature = ? OR name = ?",
                [row["signature"], row["name"]])
    if old:
        db.execute("DELETE FROM column_mappings WHERE signature = ? OR name = ?", [row["signature"], row["name"]])
        row = {**row, "id": old["id"], "created_by": old["created_by"], "created_at": old["created_at"]}
    cols = list(row)
    cur = db.execute(f"INSERT INTO column_mappings ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     [row[c] for c in cols])
    return int(row.get("id") or cur.lastrowid)


def update(db: Database, mapping_id: int, *, name: str, columns: dict, value_words: dict, updated_by: str,
           updated_at: str) -> None:
    """Change a mapping in place (its name, which contract column each header feeds, its value words); the
    layout (``signature``) and who made it stay. Call inside ``db.atomic()``."""
    db.execute("UPDATE column_mappings SET name = ?, columns = ?, value_words = ?, updated_by = ?, updated_at = ? "
               "WHERE id = ?", [name, json.dumps(columns, ensure_ascii=False),
                                json.dumps(value_words or {}, ensure_ascii=False), updated_by, updated_at,
                                int(mapping_id)])


def name_taken(db: Database, name: str, *, other_than: int) -> bool:
    """Is ``name`` the name of another mapping than ``other_than``?"""
    return first(db, "SELECT id FROM column_mappings WHERE name = ? AND id != ?", [name, int(other_than)]) is not None


def delete(db: Database, mapping_id: int) -> None:
    """Remove a mapping (inside ``db.atomic()``)."""
    db.execute("DELETE FROM column_mappings WHERE id = ?", [int(mapping_id)])


def save_department_alias(db: Database, row: dict) -> None:
    """Add or replace an office's department alias (a ``department_aliases`` row; inside ``db.atomic()``)."""
    cols = list(row)
    db.execute(f"INSERT OR REPLACE INTO department_aliases ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
               [row[c] for c in cols])
