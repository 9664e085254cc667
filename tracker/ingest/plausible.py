"""Plausibility checks: values that read correctly but are probably wrong, reported as warnings.

An error stops a file; these do not, but the upload page lists them first and asks the analyst to tick
that they were checked before the Confirm button is offered. Each compares a value with what the store
already holds (the latest earlier quarter, the year's target):

- ``percent_too_small``: a value in percent of 1 or less (above 0) where the target or the previous value is
  above 1 — a ร้อยละ indicator, or project progress (its target is 100) — a cell typed ``20%`` that reached
  the file as ``0.2``;
- ``value_scale``: a value about 100 times (:data:`SCALE`-fold or more) above or below the previous value or
  the target — a misplaced decimal point, baht typed as thousands;
- ``progress_decreased``: cumulative progress (percent) or committed amount below the previous quarter's;
- ``sum_looks_cumulative``: a ``sum`` indicator whose value is about the year so far plus a little, from the
  third quarter on — the running total typed where the quarter's own figure belongs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tracker import fmt
from tracker.ingest.read import ROW
from tracker.store import forms as store_forms
from tracker.store import reads

SCALE = 50.0     #: "about 100×": a factor of 50 or more (a decimal point moved two places is 100)
#: the codes this module reports (all warnings)
CODES = ("percent_too_small", "value_scale", "progress_decreased", "sum_looks_cumulative")
PERCENT_UNITS = {"%", "ร้อยละ", "percent"}


def _previous(db, keys: pd.DataFrame, table: str) -> pd.DataFrame:
    """For each (code, fiscal_year, quarter) of ``keys``: the latest stored row before it (the same year for
    progress; any earlier quarter for indicators), aligned to ``keys``' index."""
    out = []
    for (fy, q), part in keys.groupby(["fiscal_year", "quarter"], sort=False):
        if table == "project_progress":
            before = store_forms.progress_before(db, int(fy), int(q)).set_index("project_code")
            code = "project_code"
        else:
            earlier = store_forms.results_before(db, int(fy), int(q))
            before = earlier.groupby("indicator_code").tail(1).set_index("indicator_code")
            ytd = earlier[earlier["fiscal_year"] == int(fy)].groupby("indicator_code")["value"]
            before = before.assign(ytd=ytd.sum(), n_ytd=ytd.size()).fillna({"n_ytd": 0})
            code = "indicator_code"
        got = before.reindex(part[code].astype(str))
        got.index = part.index
        out.append(got)
    return pd.concat(out).reindex(keys.index) if out else pd.DataFrame(index=keys.index)


def _scaled(a: pd.Series, b: pd.Series) -> pd.Series:
    """``a`` and ``b`` both non-zero and ``SCALE``-fold or more apart."""
    a, b = a.astype("float64").abs(), b.astype("float64").abs()
    ok = a.notna() & b.notna() & (a > 0) & (b > 0)
    ratio = (a / b.where(ok, 1.0)).where(ok, 1.0)
    return ok & ((ratio >= SCALE) | (ratio <= 1 / SCALE))


def _shown(values: pd.Series, mask: pd.Series) -> pd.Series:
    """``values`` as the messages write them (:func:`tracker.fmt.number`), formatted only where ``mask`` holds:
    a warning shows a handful of rows, and formatting every row of a 100,000-row file cost seconds."""
    mask = mask.fillna(False).astype(bool)
    return values[mask].map(fmt.number).reindex(values.index)


def check(clean: pd.DataFrame, kind: str, mapping: dict, problems, db, plan) -> None:
    """Add the plausibility warnings of ``clean`` (rows of ``kind`` whose key is complete) to ``problems``."""
    if kind == "indicator_results":
        _results(clean, mapping, problems, db, plan)
    elif kind == "project_progress":
        _progress(clean, mapping, problems, db)


def _keyed(clean: pd.DataFrame, code: str) -> pd.DataFrame:
    sub = clean.loc[clean[[code, "fiscal_year", "quarter"]].notna().all(axis=1)]
    return sub.astype({"fiscal_year": "int64", "quarter": "int64"})


def _results(clean: pd.DataFrame, mapping: dict, P, db, plan) -> None:
    if "value" not in mapping:
        return
    sub = _keyed(clean, "indicator_code")
    sub = sub.loc[sub["value"].notna() & sub["indicator_code"].isin(list(plan.indicators))]
    ranges = sub["indicator_code"].map(lambda c: plan.indicators[c].valid_range)
    inside = [lo <= v <= hi for v, (lo, hi) in zip(sub["value"], ranges)]
    sub = sub.loc[pd.Series(inside, index=sub.index, dtype=bool)]     # refused as implausible_value: no warning on top
    if sub.empty:
        return
    prev = _previous(db, sub[["indicator_code", "fiscal_year", "quarter"]], "indicator_results")
    targets = reads.targets(db).set_index(["indicator_code", "fiscal_year"])["target"]
    target = pd.Series([targets.get((c, y), np.nan) for c, y in zip(sub["indicator_code"], sub["fiscal_year"])],
                       index=sub.index, dtype="float64")
    ind = sub["indicator_code"].map(plan.indicators)
    percent = ind.map(lambda i: i.unit.en.strip().casefold() in PERCENT_UNITS or i.unit.th.strip() in PERCENT_UNITS)
    value, before = sub["value"].astype("float64"), prev["value"].astype("float64")
    header, rows = mapping["value"], sub[ROW]
    small = percent & (value > 0) & (value <= 1) & ((target > 1) | (before > 1))
    P.add("percent_too_small", small, rows, header, _shown(value, small), target=_shown(target, small),
          previous=_shown(before, small), times=_shown(value * 100, small))
    scale = ~small & (_scaled(value, before) | _scaled(value, target))
    P.add("value_scale", scale, rows, header, _shown(value, scale), target=_shown(target, scale),
          previous=_shown(before, scale))
    summed = ind.map(lambda i: i.aggregation == "sum")
    ytd, last = prev.get("ytd", pd.Series(np.nan, index=sub.index)).astype("float64"), before
    cumulative = (summed & ~scale & (sub["quarter"] >= 3) & (ytd > 0) & (value >= ytd * 0.98)
                  & (value <= ytd + 1.5 * last.abs()))
    P.add("sum_looks_cumulative", cumulative, rows, header, _shown(value, cumulative), ytd=_shown(ytd, cumulative),
          quarter=_shown(value - ytd, cumulative))


def _progress(clean: pd.DataFrame, mapping: dict, P, db) -> None:
    sub = _keyed(clean, "project_code")
    if sub.empty:
        return
    prev = _previous(db, sub[["project_code", "fiscal_year", "quarter"]], "project_progress")
    rows = sub[ROW]
    if "progress_pct" in mapping:
        pct, before = sub["progress_pct"].astype("float64"), prev["progress_pct"].astype("float64")
        small = (pct > 0) & (pct <= 1)       # progress runs to 100: 1 % or less is almost always 100× small
        P.add("percent_too_small", small, rows, mapping["progress_pct"], _shown(pct, small),
              target=fmt.number(100), previous=_shown(before, small), times=_shown(pct * 100, small))
        fell = ~small & pct.notna() & before.notna() & (pct < before - 1e-9)
        P.add("progress_decreased", fell, rows, mapping["progress_pct"], _shown(pct, fell),
              previous=_shown(before, fell))
    if "committed" in mapping:
        com, before = sub["committed"].astype("float64"), prev["committed"].astype("float64")
        fell = com.notna() & before.notna() & (com < before - 0.005)
        P.add("progress_decreased", fell, rows, mapping["committed"], _shown(com, fell),
              previous=_shown(before, fell))
