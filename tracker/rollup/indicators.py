"""Indicator scoring (ตัวชี้วัด): each indicator's starting point, actual, expected, ratio, status and
score as of a quarter (method v2).

Pure functions of :class:`tracker.rollup.inputs.Inputs`; the rules are :mod:`tracker.status`. The
fiscal year before the one asked for must be loaded too: it gives the starting points.
"""

from __future__ import annotations

import dataclasses
import json
import math
from datetime import date

import pandas as pd

from tracker import periods
from tracker import status as S
from tracker.rollup import shared
from tracker.rollup.inputs import Inputs

COLUMNS = ["code", "goal_no", "fiscal_year", "quarter", "name_th", "name_en", "unit_th", "unit_en", "direction",
           "aggregation", "frequency", "owner", "target", "start", "share", "expected", "actual", "ratio", "percent",
           "status", "due", "assessed", "worse_than_start", "score", "n_values", "last_quarter", "last_value",
           "baseline_value", "baseline_fy"]
FLOATS = ("target", "start", "share", "expected", "actual", "ratio", "percent", "score", "last_value", "baseline_value")


def as_float(x) -> float:
    """A number, or NaN where there is none (the frames' way of saying "undefined")."""
    return math.nan if S.missing(x) else float(x)


def profile_of(text) -> tuple[float, ...] | None:
    """The stored profile (JSON list of four shares) as a tuple; None when the indicator has none."""
    if S.missing(text) or text in ("", None):
        return None
    return tuple(float(x) for x in json.loads(text))


class _Facts:
    """What every quarter's indicator rows are computed from, gathered in one pass over the tables:
    the plan's indicators (with their profiles parsed), each year's targets and each year's reported
    values (``{fiscal_year: {code: {quarter: value}}}``)."""

    def __init__(self, data: Inputs):
        self.indicators = [(i, profile_of(getattr(i, "profile", None)))
                           for i in data.indicators.itertuples(index=False)]
        self.targets: dict[int, dict] = {}
        tg = data.targets
        for code, fy, target in zip(tg["indicator_code"], tg["fiscal_year"], tg["target"]):
            self.targets.setdefault(int(fy), {})[code] = target
        self.values: dict[int, dict[str, dict[int, float]]] = {}
        res = data.results
        for code, fy, q, v in zip(res["indicator_code"], res["fiscal_year"].astype(int), res["quarter"].astype(int),
                                  res["value"].astype(float)):
            self.values.setdefault(fy, {}).setdefault(code, {})[q] = v


def _records(facts: _Facts, fy: int, q: int, th: dict, today: date) -> list[dict]:
    tg = facts.targets.get(fy, {})
    this_year, last_year = facts.values.get(fy, {}), facts.values.get(fy - 1, {})
    closed, future = periods.year_closed(fy, today), not periods.quarter_begun(fy, q, today)
    rows = []
    for i, profile in facts.indicators:
        values = this_year.get(i.code, {})
        target = tg.get(i.code)
        target = None if S.missing(target) else float(target)
        previous = S.indicator_actual(last_year.get(i.code, {}), i.aggregation, 4)
        start = S.starting_point(i.aggregation, fy, previous, i.baseline_value, i.baseline_fy)
        r = S.evaluate_indicator(values, target=target, direction=i.direction, aggregation=i.aggregation,
                                 frequency=i.frequency, q=q, thresholds=th, start=start, profile=profile,
                                 year_end=th.get("year_end"), closed=closed, future=future)
        upto = {k: v for k, v in values.items() if k <= q}
        last_q = max(upto) if upto else None
        rows.append({
            "code": i.code, "goal_no": int(i.goal_no), "fiscal_year": fy, "quarter": q,
            "name_th": i.name_th, "name_en": i.name_en, "unit_th": i.unit_th, "unit_en": i.unit_en,
            "direction": i.direction, "aggregation": i.aggregation, "frequency": i.frequency, "owner": i.owner,
            "target": as_float(target), "start": as_float(start),
            "share": as_float(None if i.frequency == "annual" else S.profile_share(profile, q)),
            "expected": as_float(r["expected"]), "actual": as_float(r["actual"]), "ratio": as_float(r["ratio"]),
            "percent": as_float(r["percent"]), "status": r["status"], "due": r["due"], "assessed": r["assessed"],
            "worse_than_start": r["worse_than_start"], "score": as_float(r["score"]), "n_values": len(upto),
            "last_quarter": last_q, "last_value": as_float(upto[last_q]) if upto else math.nan,
            "baseline_value": as_float(i.baseline_value), "baseline_fy": i.baseline_fy,
        })
    return rows


def _frame(rows: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["last_quarter"] = out["last_quarter"].astype("Int64")
    out["baseline_fy"] = out["baseline_fy"].astype("Int64")
    for c in FLOATS:
        out[c] = out[c].astype(float)
    for c in ("due", "assessed", "worse_than_start"):
        out[c] = out[c].astype(bool)
    return out


def _facts(data: Inputs) -> _Facts:
    return shared.of(data, ("indicator_facts",), lambda: _Facts(data))


def _rows(data: Inputs, fy: int, q: int, th: dict, today: date) -> pd.DataFrame:
    return _frame(_records(_facts(data), fy, q, th, today))


def indicator_table(data: Inputs, fiscal_year: int, quarter: int, th: dict, today: date) -> pd.DataFrame:
    """One row per indicator of the plan, as of ``quarter`` of ``fiscal_year`` (on date ``today``).

    Columns: ``code, goal_no, fiscal_year, quarter, name_th/en, unit_th/en, direction, aggregation,
    frequency, owner``; ``target``; ``start`` (S, level indicators); ``share`` (p(q), quarterly
    indicators); ``expected, actual, ratio``; ``percent`` (the ratio as shown); ``status``; ``due``,
    ``assessed``, ``worse_than_start``; ``score`` (what it adds to its goal); ``n_values`` (values
    reported for quarters ≤ q), ``last_quarter, last_value`` (the latest of them, shown for information
    when not assessed); ``baseline_value, baseline_fy``. Method: :func:`tracker.status.evaluate_indicator`.
    """
    return shared.of(data, ("indicator_table", fiscal_year, quarter, shared.settings_key(th), today),
                     lambda: _rows(data, fiscal_year, quarter, th, today))


def indicator_history(data: Inputs, th: dict, today: date) -> pd.DataFrame:
    """:func:`indicator_table` for every (fiscal year, quarter) with data within the plan period
    (the years that have targets), stacked; plus a ``period`` label ``2569-Q2``. One pass: the tables
    are gathered once and the rows of every quarter made into one frame."""
    return shared.of(data, ("indicator_history", shared.settings_key(th), today),
                     lambda: _history(data, th, today))


def _history(data: Inputs, th: dict, today: date) -> pd.DataFrame:
    years = set(data.targets["fiscal_year"].astype(int))
    wanted = [(fy, q) for fy, q in data.periods if fy in years]
    if not wanted:
        empty = dataclasses.replace(data, indicators=data.indicators.iloc[0:0])
        return _rows(empty, periods.FIRST_FY, 1, th, today).assign(period=pd.Series(dtype="str"))
    facts = _facts(data)
    out = _frame([r for fy, q in wanted for r in _records(facts, fy, q, th, today)])
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
