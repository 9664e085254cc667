"""Goals (เป้าประสงค์): each goal's score and status with its projects and budget, the summary the
command line prints, the history of scores, and what needs attention.

Pure functions of :class:`tracker.rollup.inputs.Inputs`.
"""

from __future__ import annotations

import math

import pandas as pd

from tracker import status as S
from tracker.rollup.indicators import as_float, indicator_history, indicator_table
from tracker.rollup.inputs import Inputs
from tracker.rollup.projects import (BUDGET, CHAIN, DIMENSIONS, PROJECT_COUNTS, budget_by, budget_sums, project_counts,
                                     project_table, rate, totals)


def _goal_row(goal_no: int, ind: pd.DataFrame, proj: pd.DataFrame, th: dict) -> dict:
    score = S.goal_score(zip(ind["ratio"], ind["status"]))
    row = {"goal_no": goal_no, "score": as_float(score), "status": S.score_status(score, th)}
    for s in S.STATUSES:
        row[f"n_{s}"] = int((ind["status"] == s).sum())
    row["n_indicators"] = len(ind)
    row.update(project_counts(proj))
    row.update(budget_sums(proj))
    row["disbursement_rate"] = rate(row["disbursed"], row["allocated"])
    row["commitment_rate"] = rate(row["committed"], row["allocated"])
    row["completion_rate"] = rate(row["completed"], row["funded"])
    row["funding_rate"] = rate(row["funded"], row["in_plan"])
    welfare = proj[proj["is_welfare_transfer"]]
    dev = proj[~proj["is_welfare_transfer"]]
    row["welfare_projects"] = len(welfare)
    row["welfare_allocated"] = float(welfare["allocated_budget"].sum())
    row["welfare_disbursed"] = float(welfare["disbursed"].sum())
    row["dev_allocated"] = float(dev["allocated_budget"].sum())
    row["dev_disbursed"] = float(dev["disbursed"].sum())
    return row


def _goal_rows(data: Inputs, fy: int, q: int, th: dict) -> pd.DataFrame:
    ind = indicator_table(data, fy, q, th)
    proj = project_table(data, fy, q)
    rows = []
    for g in data.goals.itertuples(index=False):
        row = _goal_row(int(g.goal_no), ind[ind["goal_no"] == g.goal_no], proj[proj["goal_no"] == g.goal_no], th)
        rows.append({"short_th": g.short_th, "short_en": g.short_en, **row})
    return pd.DataFrame(rows)


def goal_summary(data: Inputs, fiscal_year: int, quarter: int, th: dict) -> pd.DataFrame:
    """One row per goal as of ``quarter`` of ``fiscal_year`` (``data`` holds that year and the one before).

    Columns: ``goal_no, short_th, short_en, score, status``; ``n_<status>`` for each indicator status
    and ``n_indicators``; the project counts of :func:`tracker.rollup.projects.project_counts`; the
    budget of :func:`tracker.rollup.projects.budget_sums`; ``disbursement_rate`` (disbursed ÷
    allocated), ``commitment_rate``, ``completion_rate`` (completed ÷ funded), ``funding_rate`` (funded
    ÷ in plan); welfare transfers apart (``welfare_projects, welfare_allocated, welfare_disbursed``,
    ``dev_allocated, dev_disbursed``; they are also included in the totals); and the change against the
    same quarter of the previous fiscal year: ``prev_score, score_change, prev_disbursement_rate``.
    """
    out = _goal_rows(data, fiscal_year, quarter, th)
    prev = _goal_rows(data, fiscal_year - 1, quarter, th).set_index("goal_no")
    out["prev_score"] = out["goal_no"].map(prev["score"]).astype(float)
    out["score_change"] = out["score"] - out["prev_score"]
    out["prev_disbursement_rate"] = out["goal_no"].map(prev["disbursement_rate"]).astype(float)
    return out


def _none(x):
    return None if S.missing(x) else x


def group_figures(projects: pd.DataFrame, dimension: str, data: Inputs) -> list[dict]:
    """Per group of ``dimension`` (strategy, programme, …; :func:`tracker.rollup.projects.budget_by` with
    every group of the plan): ``{<dimension>, name_th, name_en, [goal], projects: {counts}, budget:
    {planned, ordinance, allocated, committed, disbursed}, disbursement_rate}``; None where undefined."""
    key = DIMENSIONS[dimension]
    out = []
    for r in budget_by(projects, dimension, data, all_groups=True).to_dict("records"):
        group = None if S.missing(r[key]) else r[key]     # projects under no strategy/programme: NaN from pandas
        part = projects[projects[key].isna()] if group is None else projects[projects[key] == group]
        item = {dimension: group, "name_th": _none(r["name_th"]), "name_en": _none(r["name_en"])}
        if "goal_no" in r and dimension != "goal":
            item["goal"] = None if S.missing(r["goal_no"]) else int(r["goal_no"])
        item.update(projects=project_counts(part), budget={k: _none(float(r[k])) for k in CHAIN},
                    disbursement_rate=_none(float(r["disbursement_rate"])))
        out.append(item)
    return out


def summary(data: Inputs, fiscal_year: int, quarter: int, th: dict) -> dict:
    """The figures of the overview as a JSON-ready dict (``python -m tracker summary --json``).

    ``{fiscal_year, quarter, goals: [{goal, score, status, indicators: {status: count}, projects: {...},
    budget: {...}}], strategies: [...], programmes: [...] (:func:`group_figures`), indicators: [{code,
    goal, actual, expected, ratio, status}], totals: {projects, budget}}``. Numbers are unrounded; None
    where undefined. Built from :func:`goal_summary`, :func:`tracker.rollup.indicators.indicator_table`,
    :func:`tracker.rollup.projects.budget_by` and the totals of all projects, as the pages.
    """
    gs = goal_summary(data, fiscal_year, quarter, th)
    ind = indicator_table(data, fiscal_year, quarter, th)
    goals = [{
        "goal": int(r["goal_no"]), "score": _none(float(r["score"])), "status": r["status"],
        "indicators": {s: int(r[f"n_{s}"]) for s in S.STATUSES},
        "projects": {k: int(r[k]) for k in PROJECT_COUNTS},
        "budget": {k: _none(float(r[k])) for k in CHAIN},
    } for _, r in gs.iterrows()]
    indicators = [{"code": r["code"], "goal": int(r["goal_no"]), "actual": _none(r["actual"]),
                   "expected": _none(r["expected"]), "ratio": _none(r["ratio"]), "status": r["status"]}
                  for _, r in ind.iterrows()]
    proj = project_table(data, fiscal_year, quarter)
    tot = totals(proj)
    tot["budget"] = {k: _none(v) for k, v in tot["budget"].items()}
    return {"fiscal_year": int(fiscal_year), "quarter": int(quarter), "goals": goals,
            "strategies": group_figures(proj, "strategy", data), "programmes": group_figures(proj, "programme", data),
            "indicators": indicators, "totals": tot}


def goal_score_history(data: Inputs, th: dict) -> pd.DataFrame:
    """Score and status of every goal for every (fiscal year, quarter) with data in the plan period:
    ``goal_no, fiscal_year, quarter, period, score, status``."""
    hist = indicator_history(data, th)
    rows = []
    for (fy, q, g), ind in hist.groupby(["fiscal_year", "quarter", "goal_no"], sort=True):
        score = S.goal_score(zip(ind["ratio"], ind["status"]))
        rows.append({"goal_no": int(g), "fiscal_year": int(fy), "quarter": int(q), "period": f"{fy}-Q{q}",
                     "score": as_float(score), "status": S.score_status(score, th)})
    out = pd.DataFrame(rows, columns=["goal_no", "fiscal_year", "quarter", "period", "score", "status"])
    out["score"] = out["score"].astype(float)
    return out


ATTENTION_KINDS = ("off_track_indicator", "not_started_late", "low_disbursement")
ATTENTION_COLUMNS = ["kind", "goal_no", "code", "name_th", "name_en", "value", "reference"]


def worst_first(items: pd.DataFrame) -> pd.DataFrame:
    """Attention items (:func:`attention_items`) most serious first: off-track indicators, then funded
    projects not started late in the year, then low disbursement; within each, the furthest below its
    bar first (the lowest ratio or rate; an item without a figure after those with one)."""
    if items.empty:
        return items
    order = items.assign(_k=items["kind"].map({k: i for i, k in enumerate(ATTENTION_KINDS)}))
    return (order.sort_values(["_k", "value", "goal_no", "code"], na_position="last", kind="stable")
            .drop(columns="_k").reset_index(drop=True))


def attention_items(data: Inputs, fiscal_year: int, quarter: int, th: dict) -> pd.DataFrame:
    """What needs attention (ต้องติดตาม) as of ``quarter``, one row per item:

    - ``off_track_indicator``: indicators with status off_track (``value`` = ratio);
    - ``not_started_late``: funded projects still not started at Q3 or Q4;
    - ``low_disbursement``: funded, not cancelled projects whose disbursement rate is below
      ``low_disbursement_share_of_pace`` × the even pace q/4 (``value`` = rate, ``reference`` = that bar).

    Columns: ``kind, goal_no, code, name_th, name_en, value, reference``.
    """
    ind = indicator_table(data, fiscal_year, quarter, th)
    off = ind[ind["status"] == "off_track"]
    parts = [pd.DataFrame({"kind": "off_track_indicator", "goal_no": off["goal_no"], "code": off["code"],
                           "name_th": off["name_th"], "name_en": off["name_en"], "value": off["ratio"],
                           "reference": th["at_risk"]})]
    proj = project_table(data, fiscal_year, quarter)
    funded = proj[proj["funded"]]
    if quarter >= 3:
        late = funded[funded["status"] == "not_started"]
        parts.append(pd.DataFrame({"kind": "not_started_late", "goal_no": late["goal_no"],
                                   "code": late["project_code"], "name_th": late["name_th"],
                                   "name_en": late["name_en"], "value": math.nan, "reference": math.nan}))
    bar = th["low_disbursement_share_of_pace"] * quarter / 4
    low = funded[(funded["status"] != "cancelled") & (funded["disbursement_rate"] < bar)]
    parts.append(pd.DataFrame({"kind": "low_disbursement", "goal_no": low["goal_no"], "code": low["project_code"],
                               "name_th": low["name_th"], "name_en": low["name_en"],
                               "value": low["disbursement_rate"], "reference": bar}))
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="float" if c in ("value", "reference") else "object")
                             for c in ATTENTION_COLUMNS})
    out = pd.concat(parts, ignore_index=True)[ATTENTION_COLUMNS]
    out["goal_no"] = out["goal_no"].astype(int)
    out["value"] = out["value"].astype(float)
    out["reference"] = out["reference"].astype(float)
    out["_k"] = out["kind"].map({k: i for i, k in enumerate(ATTENTION_KINDS)})
    return out.sort_values(["_k", "goal_no", "code"]).drop(columns="_k").reset_index(drop=True)
