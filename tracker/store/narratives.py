"""Table ``report_narratives``: the M&E report's text written by analysts, kept per fiscal year and
round (rules and sections in :mod:`tracker.report.narrative`)."""

from __future__ import annotations

import pandas as pd

from tracker.store.db import Database, first, frame

_COLUMNS = "fiscal_year, round, section, strategy_no, text, updated_at, updated_by"


def narratives(db: Database, fiscal_year: int, round_key: str) -> pd.DataFrame:
    """The texts of one report: ``fiscal_year, round, section, strategy_no`` (0 = the whole report)
    ``, text, updated_at, updated_by``, by section and strategy."""
    return frame(db, f"SELECT {_COLUMNS} FROM report_narratives WHERE fiscal_year = ? AND round = ? "
                     "ORDER BY section, strategy_no", [int(fiscal_year), str(round_key)])


def narrative(db: Database, fiscal_year: int, round_key: str, section: str, strategy_no: int) -> dict | None:
    """One text row, or None when nothing is written."""
    return first(db, f"SELECT {_COLUMNS} FROM report_narratives WHERE fiscal_year = ? AND round = ? "
                     "AND section = ? AND strategy_no = ?", [int(fiscal_year), str(round_key), section, int(strategy_no)])


def put_narrative(db: Database, row: dict) -> None:
    """Insert or replace one text row (all of :data:`_COLUMNS`)."""
    db["report_narratives"].upsert(row, pk=("fiscal_year", "round", "section", "strategy_no"))


def delete_narrative(db: Database, fiscal_year: int, round_key: str, section: str, strategy_no: int) -> None:
    db.execute("DELETE FROM report_narratives WHERE fiscal_year = ? AND round = ? AND section = ? AND strategy_no = ?",
               [int(fiscal_year), str(round_key), section, int(strategy_no)])


def delete_written_by(db: Database, fiscal_year: int, round_key: str, username: str) -> int:
    """Delete the texts of one report round still as ``username`` last wrote them (the demo's own texts: one an
    analyst edited since is theirs and stays); returns how many."""
    cur = db.execute("DELETE FROM report_narratives WHERE fiscal_year = ? AND round = ? AND updated_by = ?",
                     [int(fiscal_year), str(round_key), str(username)])
    return cur.rowcount
