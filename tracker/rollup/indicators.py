"""Indicator scoring (ตัวชี้วัด): each indicator's actual, expected, ratio and status as of a quarter.

Pure functions of :class:`tracker.rollup.inputs.Inputs`; the method is :mod:`tracker.status`.
"""

from __future__ import annotations

import math

import pandas as pd

from tracker import status as S
from tracker.rollup.inputs import Inputs

COLUMNS = ["code", "goal_no", "fiscal_year", "quarter", "name_th", "name_en", "unit_th", "unit_en", "direction",
           "aggregation", "frequency", "owner", "target", "expected", "actual", "ratio", "status", "n_values",
           "last_quarter", "last_value"]


def as_float(x) -> float:
    """A number, or NaN where there is none (the frames' way of saying "undefined")."""
    return math.nan if S.missing(x) else float(x)


def _rows(inds: pd.DataFrame, targets: pd.DataFrame, results: pd.DataFrame, fy: int, q: int,
          th: dict) -> pd.DataFrame:
    tg = targets[targets["fiscal_year"] == fy].set_index("indicator_code")["target"]
    res = results[(results["fiscal_year"] == fy) & (results["quarter"] <= q)]
    by_code = {c: dict(zip(g["quarter"].astype(int), g["value"].astype(float))) for c, g in res.groupby("indicator_code")}
    rows = []
    for i in inds.itertuples(index=False):
        values = by_code.get(i.code, {})
        target = tg.get(i.code)
        r = S.evaluate_indicator(values, target=None if target is None else float(target), direction=i.direction,
                                 aggregation=i.aggregation, frequency=i.frequency, q=q, thresholds=th)
        last_q = max(values) if values else None
        rows.append({
            "code": i.code, "goal_no": int(i.goal_no), "fiscal_year": fy, "quarter": q,
            "name_th": i.name_th, "name_en": i.name_en, "unit_th": i.unit_th, "unit_en": i.unit_en,
            "direction": i.direction, "aggregation": i.aggregation, "frequency": i.frequency, "owner": i.owner,
            "target": as_float(target), "expected": as_float(r["expected"]), "actual": as_float(r["actual"]),
            "ratio": as_float(r["ratio"]), "status": r["status"], "n_values": len(values),
            "last_quarter": last_q, "last_value": as_float(values[last_q]) if values else math.nan,
        })
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["last_quarter"] = out["last_quarter"].astype("Int64")
    for c in ("target", "expected", "actual", "ratio", "last_value"):
        out[c] = out[c].astype(float)
    return out


def indicator_table(data: Inputs, fiscal_year: int, quarter: int, th: dict) -> pd.DataFrame:
    """One row per indicator of the plan, as of ``quarter`` of ``fiscal_year``.

    Columns: ``code, goal_no, name_th/en, unit_th/en, direction, aggregation, frequency, owner,
    target, expected, actual, ratio, status, n_values`` (values reported for quarters ≤ q),
    ``last_quarter, last_value``. Method: :func:`tracker.status.evaluate_indicator`.
    """
    return _rows(data.indicators, data.targets, data.results, fiscal_year, quarter, th)


def indicator_history(data: Inputs, th: dict) -> pd.DataFrame:
    """:func:`indicator_table` for every (fiscal year, quarter) with data within the plan period
    (the years that have targets), stacked; plus a ``period`` label ``2569-Q2``."""
    years = set(data.targets["fiscal_year"].astype(int))
    frames = [_rows(data.indicators, data.targets, data.results, fy, q, th) for fy, q in data.periods if fy in years]
    if not frames:
        return _rows(data.indicators.iloc[0:0], data.targets, data.results, 0, 1, th).assign(
            period=pd.Series(dtype="str"))
    out = pd.concat(frames, ignore_index=True)
    out["period"] = out["fiscal_year"].astype(str) + "-Q" + out["quarter"].astype(str)
    return out


def filter_indicators(indicators: pd.DataFrame, *, goals=None, statuses=None) -> pd.DataFrame:
    """Rows of an :func:`indicator_table` in ``goals`` and with ``statuses`` (empty or None = all)."""
    m = pd.Series(True, index=indicators.index)
    if goals:
        m &= indicators["goal_no"].isin(list(goals))
    if statuses:
        m &= indicators["status"].isin(list(statuses))
    return indicators[m].reset_index(drop=True)


def indicator_values(results: pd.DataFrame, batches: pd.DataFrame, code: str) -> pd.DataFrame:
    """Every reported value of one indicator (all years) with its note and the batch it came from:
    ``fiscal_year, quarter, value, note, batch_id, file_name, username, created_at``."""
    res = results[results["indicator_code"] == code]
    b = batches[["id", "file_name", "username", "created_at"]].rename(columns={"id": "batch_id"})
    out = res.merge(b, on="batch_id", how="left")
    cols = ["fiscal_year", "quarter", "value", "note", "batch_id", "file_name", "username", "created_at"]
    return out[cols].sort_values(["fiscal_year", "quarter"]).reset_index(drop=True)
