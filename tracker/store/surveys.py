"""Table ``satisfaction_results``: the satisfaction survey's figures (แบบที่ 3/2, 3/3) written by uploads of
kind ``satisfaction`` (:mod:`tracker.ingest.survey`), one row per figure, kept per fiscal year and round."""

from __future__ import annotations

import pandas as pd

from tracker.store.db import Database, frame

_COLUMNS = ("fiscal_year, round, survey_table, strategy_no, characteristic, item, respondents, very_satisfied, "
            "satisfied, not_satisfied, score, note, batch_id")


def survey(db: Database, fiscal_year: int, round_key: str) -> pd.DataFrame:
    """The survey rows of one fiscal year and round (``annual`` | ``half``), in the order they were uploaded
    (rowid): ``fiscal_year, round, survey_table`` (respondents | overall | strategy), ``strategy_no`` (0 = none),
    ``characteristic`` ('' = none), ``item, respondents, very_satisfied, satisfied, not_satisfied`` (percent
    0–100), ``score`` (out of 10), ``note, batch_id``. Empty when no survey of that round is loaded."""
    if not db["satisfaction_results"].exists():
        return pd.DataFrame(columns=[c.strip() for c in _COLUMNS.split(",")])
    return frame(db, f"SELECT {_COLUMNS} FROM satisfaction_results WHERE fiscal_year = ? AND round = ? "
                     "ORDER BY rowid", [int(fiscal_year), str(round_key)])


def rounds(db: Database) -> pd.DataFrame:
    """``fiscal_year, round, rows`` of every survey loaded."""
    return frame(db, "SELECT fiscal_year, round, count(*) AS rows FROM satisfaction_results "
                     "GROUP BY fiscal_year, round ORDER BY fiscal_year, round")


def overall_rows(db: Database, fiscal_years: list[int] | None = None) -> pd.DataFrame:
    """The form 3/2 rows (``survey_table = 'overall'``) of ``fiscal_years`` (None: every year), every round:
    the columns of :func:`survey`. What the satisfaction indicator's values are computed from."""
    if not db["satisfaction_results"].exists():
        return pd.DataFrame(columns=[c.strip() for c in _COLUMNS.split(",")])
    where, params = "", []
    if fiscal_years is not None:
        years = [int(y) for y in fiscal_years] or [-1]
        where, params = f" AND fiscal_year IN ({','.join('?' * len(years))})", years
    return frame(db, f"SELECT {_COLUMNS} FROM satisfaction_results WHERE survey_table = 'overall'{where} "
                     "ORDER BY fiscal_year, round, rowid", params)


def latest(db: Database) -> pd.DataFrame:
    """The rows of the latest survey loaded (the highest fiscal year; of it the annual round before the six-month
    one), columns of :func:`survey`; empty when none is."""
    last = frame(db, "SELECT fiscal_year, round FROM satisfaction_results GROUP BY fiscal_year, round "
                     "ORDER BY fiscal_year DESC, round = 'annual' DESC LIMIT 1")
    if last.empty:
        return survey(db, 0, "annual")
    return survey(db, int(last["fiscal_year"].iloc[0]), str(last["round"].iloc[0]))
