"""Table ``quarter_locks``: the quarters approved by the council (rules in :mod:`tracker.locks`)."""

from __future__ import annotations

import pandas as pd

from tracker.errors import TrackerError
from tracker.store.db import Database, first, frame, in_list

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


class YearLocked(TrackerError):
    """A change to what a locked quarter's figures are made of (the year's projects and budgets)."""


def year_locks(db: Database, fiscal_years) -> pd.DataFrame:
    """The fiscal years among ``fiscal_years`` that have a locked quarter: ``fiscal_year``, ``periods``
    (``2569-Q1, 2569-Q2``), ``locked_by`` (who locked the first). Empty when none is locked."""
    years = sorted({int(y) for y in fiscal_years})
    marks, params = in_list(years)
    return frame(db, "SELECT fiscal_year, group_concat(fiscal_year || '-Q' || quarter, ', ') AS periods, "
                     "min(locked_by) AS locked_by FROM (SELECT * FROM quarter_locks "
                     f"WHERE fiscal_year IN ({marks}) ORDER BY quarter) GROUP BY fiscal_year ORDER BY fiscal_year",
                 params)


def require_years_open(db: Database, fiscal_years) -> None:
    """Raise :class:`YearLocked` when any of ``fiscal_years`` has a locked quarter.

    The one check for writes of year-level figures (projects, budgets, plan amounts): an approved
    quarter's totals are made of them, so they are frozen while any quarter of the year is locked.
    Call it inside the write transaction (``with db.atomic(): require_years_open(db, years); ...``)."""
    found = year_locks(db, fiscal_years)
    if len(found):
        r = found.iloc[0]
        raise YearLocked("locks.year_locked", fy=int(r["fiscal_year"]), periods=r["periods"], locked_by=r["locked_by"])
