"""Table ``quarter_locks``: the quarters approved by the council (rules in :mod:`tracker.locks`)."""

from __future__ import annotations

import pandas as pd

from tracker.store.db import Database, first, frame

_COLUMNS = "fiscal_year, quarter, locked_by, locked_at, note"


def lock_for(db: Database, fiscal_year: int, quarter: int) -> dict | None:
    """The lock row of the quarter (``fiscal_year, quarter, locked_by, locked_at, note``), or None if open."""
    return first(db, f"SELECT {_COLUMNS} FROM quarter_locks WHERE fiscal_year = ? AND quarter = ?",
                 [int(fiscal_year), int(quarter)])


def list_locks(db: Database) -> pd.DataFrame:
    """Every locked quarter, newest period first: ``fiscal_year, quarter, locked_by, locked_at, note``."""
    return frame(db, f"SELECT {_COLUMNS} FROM quarter_locks ORDER BY fiscal_year DESC, quarter DESC")


def add_lock(db: Database, fiscal_year: int, quarter: int, *, locked_by: str, at: str, note: str | None) -> None:
    db["quarter_locks"].insert({"fiscal_year": fiscal_year, "quarter": quarter, "locked_by": locked_by,
                                "locked_at": at, "note": note})


def remove_lock(db: Database, fiscal_year: int, quarter: int) -> None:
    db.execute("DELETE FROM quarter_locks WHERE fiscal_year = ? AND quarter = ?", [fiscal_year, quarter])
