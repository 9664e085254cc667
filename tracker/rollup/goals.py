"""Goals (เป้าประสงค์) and quarters: each goal's score, coverage and status with its projects and budget;
whether a quarter is complete and which one the app opens on; the summary the command line prints;
the history of scores; and what needs attention (method v2).

Pure functions of :class:`tracker.rollup.inputs.Inputs` and of ``today`` (Bangkok), which decides
which quarters have begun and which fiscal years are closed.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd

from tracker import fmt, periods
from tracker import status as S
from tracker.rollup import shared
from tracker.rollup.indicators import as_float, indicator_history, indicator_table
from tracker.rollup.inputs import Inputs
from tracker.rollup.projects import (BUDGET, CHAIN, DIMENSIONS, FIGURE_COLUMNS, PROJECT_COUNTS, UNFUNDED_MONEY, add_up,
                                     budget_by, budget_sums, columns_of, completeness, counts_of, latest_rows,
                                     money_rates, project_counts, project_table, rate, sums_of, top_by_budget)
from tracker.tables import value_rows

#: Figures of a future quarter that would only repeat an earlier quarter's data: shown as undefined.
NOT_YET = (*S.PROJECT_BUCKETS, "committed", "disbursed", *UNFUNDED_MONEY, "disbursement_rate", "commitment_rate",
           "completion_rate")


# ---------------------------------------------------------------- quarters

def _share_met(part: dict, reported: str, of: str, minimum: float) -> bool:
    return part[of] == 0 or S.coverage_met(part[reported], part[of], minimum)


def quarter_state(ind: pd.DataFrame, proj: pd.DataFrame, fiscal_year: int, quarter: int, th: dict,
                  today: date) -> dict:
    """Whether (fiscal_year, quarter) is complete, from its :func:`indicator_table` and :func:`project_table`.

    ``indicators``: ``reported`` (due indicators assessed: reported for the quarter) of ``due``;
    ``projects``: ``reported`` of ``expected`` (funded projects not completed or cancelled before
    it); each with its ``share`` (None when nothing is due). ``state``: ``future`` (the quarter has not
    begun), ``complete`` (both shares reach the plan's ``completeness`` settings, and something was due)
    or ``incomplete``. ``year_closed`` and ``year_end`` (Q4 of a closed year: year-end wording);
    ``text``: what pages and slides say about it, in Thai and English."""
    due, reported = int(ind["due"].sum()), int(ind["assessed"].sum())
    inds = {"reported": reported, "due": due, "share": reported / due if due else None}
    projs = completeness(proj)
    future = not periods.quarter_begun(fiscal_year, quarter, today)
    need = th["completeness"]
    complete = (not future and due + projs["expected"] > 0 and _share_met(inds, "reported", "due", need["indicators"])
                and _share_met(projs, "reported", "expected", need["projects"]))
    closed = periods.year_closed(fiscal_year, today)
    period = periods.Period(fiscal_year, quarter)
    state = {"fiscal_year": int(fiscal_year), "quarter": int(quarter), "period": str(period),
             "first_day": period.start.isoformat(), "last_day": period.end.isoformat(),
             "state": "future" if future else "complete" if complete else "incomplete", "complete": complete,
             "year_closed": closed, "year_end": closed and quarter == 4, "indicators": inds, "projects": projs}
    state["text"] = _both(lambda lang: period_text(state, lang))
    return state


def period_state(data: Inputs, fiscal_year: int, quarter: int, th: dict, today: date) -> dict:
    """:func:`quarter_state` of one quarter."""
    return quarter_state(indicator_table(data, fiscal_year, quarter, th, today),
                         project_table(data, fiscal_year, quarter), fiscal_year, quarter, th, today)


def candidate_periods(data: Inputs, today: date, fiscal_year: int | None = None) -> list[tuple[int, int]]:
    """Quarters that have begun, in the plan years, with any data: a progress row or an indicator value
    for the quarter, or (Q1 of) a year with projects. Ascending."""
    years = set(int(y) for y in data.targets["fiscal_year"])
    found = set(data.periods) | {(int(y), 1) for y in data.projects["fiscal_year"]}
    return sorted(p for p in found if p[0] in years and periods.quarter_begun(*p, today)
                  and (fiscal_year is None or p[0] == fiscal_year))


def opening_period(data: Inputs, th: dict, today: date, fiscal_year: int | None = None) -> tuple[int, int]:
    """The quarter shown when none is chosen (pages and command line alike; within ``fiscal_year``
    when given): the latest complete quarter; else the latest quarter with any data (shown as
    incomplete); else, with no data, the current quarter if it is in the plan period (Q1 of
    ``fiscal_year``, or of the first plan year before the plan, Q4 of the last after it)."""
    found = candidate_periods(data, today, fiscal_year)
    for p in reversed(found):
        if period_state(data, *p, th, today)["complete"]:
            return p
    if found:
        return found[-1]
    if fiscal_year is not None:
        return int(fiscal_year), 1
    years = sorted(set(int(y) for y in data.targets["fiscal_year"]))
    now = periods.Period.of(today)
    if not years or now.fiscal_year in years:
        return now.fiscal_year, now.quarter
    return (years[0], 1) if now.fiscal_year < years[0] else (years[-1], 4)


# ---------------------------------------------------------------- goals

def _evaluated(status: np.ndarray, score: np.ndarray, th: dict, year_end: bool) -> dict:
    scored = [{"status": st, "score": sc} for st, sc in zip(status, score)]
    return S.evaluate_goal(scored, thresholds=th, min_coverage=th["min_coverage"], year_end=th["year_end"],
                           closed=year_end)


def _goal_row(goal_no: int, status: np.ndarray, score: np.ndarray, proj: dict[str, np.ndarray], th: dict,
              year_end: bool, future: bool) -> dict:
    """A goal's row from its indicators' ``status`` and ``score`` and its projects' columns (arrays:
    :func:`tracker.rollup.projects.columns_of` with ``is_welfare_transfer``)."""
    g = _evaluated(status, score, th, year_end)
    row = {"goal_no": goal_no, "score": as_float(g["score"]), "percent": as_float(g["percent"]),
           "status": g["status"], "assessed": g["assessed"], "due": g["due"], "coverage": as_float(g["coverage"])}
    for s in S.STATUSES:
        row[f"n_{s}"] = int((status == s).sum())
    row["n_indicators"] = len(status)
    row.update(counts_of(proj))
    b = sums_of(proj)
    row.update(b)
    row.update(money_rates(b))
    row["completion_rate"] = rate(row["completed"], row["funded"])
    row["funding_rate"] = rate(row["funded"], row["in_plan"])
    welfare, funded = proj["is_welfare_transfer"], proj["funded"]
    row["welfare_projects"] = int(welfare.sum())
    row["welfare_allocated"] = add_up(proj["allocated_budget"][funded & welfare])
    row["welfare_disbursed"] = add_up(proj["disbursed"][funded & welfare])
    row["dev_allocated"] = add_up(proj["allocated_budget"][funded & ~welfare])
    row["dev_disbursed"] = add_up(proj["disbursed"][funded & ~welfare])
    if future:
        row.update({k: math.nan for k in NOT_YET})
        row.update(welfare_disbursed=math.nan, dev_disbursed=math.nan)
    return row


def _indicator_columns(data: Inputs, fy: int, q: int, th: dict, today: date) -> tuple[np.ndarray, ...]:
    ind = indicator_table(data, fy, q, th, today)
    return ind["goal_no"].to_numpy(), ind["status"].to_numpy(dtype=object), ind["score"].to_numpy(dtype=object)


def _goal_rows(data: Inputs, fy: int, q: int, th: dict, today: date) -> pd.DataFrame:
    ind_goal, status, score = _indicator_columns(data, fy, q, th, today)
    proj = project_table(data, fy, q)
    cols = columns_of(proj, (*FIGURE_COLUMNS, "is_welfare_transfer"))     # plain arrays: a goal's part is a mask
    proj_goal = proj["goal_no"].to_numpy()
    year_end = periods.year_closed(fy, today) and q == 4
    future = not periods.quarter_begun(fy, q, today)
    rows = []
    for g in data.goals.itertuples(index=False):
        mine, part = ind_goal == g.goal_no, proj_goal == g.goal_no
        row = _goal_row(int(g.goal_no), status[mine], score[mine], {c: v[part] for c, v in cols.items()}, th,
                        year_end, future)
        rows.append({"short_th": g.short_th, "short_en": g.short_en, **row})
    return pd.DataFrame(rows)


def goal_summary(data: Inputs, fiscal_year: int, quarter: int, th: dict, today: date) -> pd.DataFrame:
    """One row per goal as of ``quarter`` of ``fiscal_year`` (``data`` holds that year and the two before).

    Columns: ``goal_no, short_th, short_en``; ``score`` (mean score of the assessed indicators),
    ``percent`` (as shown), ``status``, ``assessed``, ``due``, ``coverage`` (assessed ÷ due);
    ``n_<status>`` for each indicator status and ``n_indicators``; the project counts of
    :func:`tracker.rollup.projects.project_counts`; the money of :func:`~tracker.rollup.projects.budget_sums`;
    ``disbursement_rate, commitment_rate``, ``completion_rate`` (completed ÷ funded), ``funding_rate``
    (funded ÷ in plan); welfare transfers apart (``welfare_projects, welfare_allocated,
    welfare_disbursed, dev_allocated, dev_disbursed``; also in the totals); the same quarter of the
    previous fiscal year: ``prev_score, prev_status``, and ``score_change`` (only when both statuses
    are judged: a change against "insufficient data" would mislead). In a future quarter the project
    buckets, money spent and rates are NaN (they would repeat an earlier quarter's data).
    """
    return shared.of(data, ("goal_summary", fiscal_year, quarter, shared.settings_key(th), today),
                     lambda: _goal_summary(data, fiscal_year, quarter, th, today))


#: what the change on last year reads of last year's projects and progress (not their whole project table)
_PREVIOUS_PROJECTS = ("project_code", "goal_no", "allocated_budget")
_PREVIOUS_PROGRESS = ("project_code", "quarter", "disbursed")


def _previous_rows(data: Inputs, fy: int, q: int, th: dict, today: date) -> pd.DataFrame:
    """``goal_no, score, status, disbursement_rate`` of :func:`_goal_rows` for (fy, q), computed the same way
    from the indicator table and only the project columns those figures need: no page shows last year's
    project table, and building it (its text columns read, placed in the plan) cost as much as this year's."""
    ind_goal, status, score = _indicator_columns(data, fy, q, th, today)
    p = data.of_year("projects", fy, _PREVIOUS_PROJECTS)
    latest = latest_rows(data.of_year("progress", fy, _PREVIOUS_PROGRESS), q)
    allocated = p["allocated_budget"].astype(float)
    funded = (allocated > 0).to_numpy(dtype=bool)
    disbursed = p["project_code"].map(latest["disbursed"]).astype(float).fillna(0.0).to_numpy(dtype=float)
    allocated, proj_goal = allocated.to_numpy(dtype=float), p["goal_no"].to_numpy()
    year_end = periods.year_closed(fy, today) and q == 4
    future = not periods.quarter_begun(fy, q, today)
    rows = []
    for goal_no in data.goals["goal_no"]:
        mine, part = ind_goal == goal_no, proj_goal == goal_no
        g = _evaluated(status[mine], score[mine], th, year_end)
        # as _goal_row: the funded projects' money over every project's allocation (sums_of, money_rates)
        spent = rate(add_up(disbursed[part][funded[part]]), add_up(allocated[part]))
        rows.append({"goal_no": int(goal_no), "score": as_float(g["score"]), "status": g["status"],
                     "disbursement_rate": math.nan if future else spent})
    return pd.DataFrame(rows)


def _goal_summary(data: Inputs, fiscal_year: int, quarter: int, th: dict, today: date) -> pd.DataFrame:
    out = _goal_rows(data, fiscal_year, quarter, th, today)
    prev = _previous_rows(data, fiscal_year - 1, quarter, th, today).set_index("goal_no")
    out["prev_score"] = out["goal_no"].map(prev["score"]).astype(float)
    out["prev_status"] = out["goal_no"].map(prev["status"])
    judged = out["status"].isin(S.JUDGED) & out["prev_status"].isin(S.JUDGED)
    out["score_change"] = (out["score"] - out["prev_score"]).where(judged).astype(float)
    out["prev_disbursement_rate"] = out["goal_no"].map(prev["disbursement_rate"]).astype(float)
    return out


def group_figures(projects: pd.DataFrame, dimension: str, data: Inputs, *, future: bool = False) -> list[dict]:
    """Per group of ``dimension`` (strategy, programme, …; :func:`tracker.rollup.projects.budget_by` with
    every group of the plan): ``{<dimension>, name_th, name_en, [goal], projects: {counts}, budget:
    {planned, ordinance, allocated, committed, disbursed}, disbursement_rate}``; None where undefined.
    In a quarter that has not begun (``future``) what would repeat an earlier quarter's data is None, as
    in the totals (:data:`NOT_YET`)."""
    key = DIMENSIONS[dimension]
    out = []
    counted = projects[[key, "funded", "status", "added_by_revision"]]   # a group's slice: only what it counts
    for r in budget_by(projects, dimension, data, all_groups=True).to_dict("records"):
        group = None if S.missing(r[key]) else r[key]     # projects under no strategy/programme: NaN from pandas
        part = counted[counted[key].isna()] if group is None else counted[counted[key] == group]
        item = {dimension: group, **{k: None if S.missing(r[k]) else r[k] for k in ("name_th", "name_en")}}
        if "goal_no" in r and dimension != "goal":
            item["goal"] = None if S.missing(r["goal_no"]) else int(r["goal_no"])
        item.update(projects={k: None if future and k in NOT_YET else v for k, v in project_counts(part).items()},
                    budget={k: None if future and k in NOT_YET else _none(float(r[k])) for k in CHAIN},
                    disbursement_rate=None if future else _none(float(r["disbursement_rate"])))
        out.append(item)
    return out



def goal_score_history(data: Inputs, th: dict, today: date) -> pd.DataFrame:
    """Score and status of every goal for every (fiscal year, quarter) with data in the plan period:
    ``goal_no, fiscal_year, quarter, period, score, status, assessed, due``. ``score`` is NaN unless
    the status is judged (a score with insufficient coverage is not drawn as a trend)."""
    return shared.of(data, ("goal_score_history", shared.settings_key(th), today),
                     lambda: _score_history(data, th, today))


def _score_history(data: Inputs, th: dict, today: date) -> pd.DataFrame:
    hist = indicator_history(data, th, today)
    groups: dict[tuple, list[dict]] = {}      # (fiscal year, quarter, goal) -> its indicators' status and score
    for fy, q, g, status, score in zip(hist["fiscal_year"], hist["quarter"], hist["goal_no"], hist["status"],
                                       hist["score"]):
        groups.setdefault((fy, q, g), []).append({"status": status, "score": score})
    rows = []
    for (fy, q, g), ind in sorted(groups.items(), key=lambda item: item[0]):
        res = S.evaluate_goal(ind, thresholds=th,
                              min_coverage=th["min_coverage"], year_end=th["year_end"],
                              closed=periods.year_closed(int(fy), today) and q == 4)
        score = res["score"] if res["status"] in S.JUDGED else None
        rows.append({"goal_no": int(g), "fiscal_year": int(fy), "quarter": int(q), "period": f"{fy}-Q{q}",
                     "score": as_float(score), "status": res["status"], "assessed": res["assessed"],
                     "due": res["due"]})
    out = pd.DataFrame(rows, columns=["goal_no", "fiscal_year", "quarter", "period", "score", "status", "assessed",
                                      "due"])
    out["score"] = out["score"].astype(float)
    return out


# ---------------------------------------------------------------- needs attention

ATTENTION_KINDS = ("off_track_indicator", "not_started_late", "low_disbursement")
ATTENTION_COLUMNS = ["kind", "goal_no", "code", "name_th", "name_en", "status", "measure", "value", "reference",
                     "actual", "expected", "unit_th", "unit_en"]


def worst_first(items: pd.DataFrame) -> pd.DataFrame:
    """Attention items (:func:`attention_items`) most serious first: off-track indicators, then funded
    projects not started late in the year, then low disbursement; within each, the furthest below its
    bar first (the lowest ratio or rate; an item without a figure after those with one)."""
    if items.empty:
        return items
    order = items.assign(_k=items["kind"].map({k: i for i, k in enumerate(ATTENTION_KINDS)}))
    return (order.sort_values(["_k", "value", "goal_no", "code"], na_position="last", kind="stable")
            .drop(columns="_k").reset_index(drop=True))


def attention_items(data: Inputs, fiscal_year: int, quarter: int, th: dict, today: date) -> pd.DataFrame:
    """What needs attention (ต้องติดตาม) as of ``quarter``, each item once:

    - ``off_track_indicator``: assessed indicators whose status is ``off_track`` or ``not_achieved``
      (``measure`` ``ratio``: ``value`` = achievement ratio, ``reference`` = the at-risk threshold, or at
      year end the "nearly" one; ``actual`` and ``expected`` in the indicator's unit);
    - ``not_started_late``: funded projects reported ``not_started`` at Q3 or Q4 (no ``measure``);
    - ``low_disbursement``: funded projects, not cancelled, that have reported, whose disbursement rate
      is below ``low_disbursement_share_of_pace`` × q ÷ 4 (``measure`` ``disbursement_rate``, ``reference``
      = that bar); a project already listed as not started late is not listed again.

    Nothing in a quarter that has not begun. Columns: :data:`ATTENTION_COLUMNS`.
    """
    return shared.of(data, ("attention_items", fiscal_year, quarter, shared.settings_key(th), today),
                     lambda: _attention_items(data, fiscal_year, quarter, th, today))


def _attention_items(data: Inputs, fiscal_year: int, quarter: int, th: dict, today: date) -> pd.DataFrame:
    if not periods.quarter_begun(fiscal_year, quarter, today):
        return _attention_frame([])
    ind = indicator_table(data, fiscal_year, quarter, th, today)
    year_end = periods.year_closed(fiscal_year, today) and quarter == 4
    bar_ind = th["year_end"]["nearly"] if year_end else th["at_risk"]
    off = ind[ind["status"].isin(S.FAILING)]
    parts = [pd.DataFrame({"kind": "off_track_indicator", "goal_no": off["goal_no"], "code": off["code"],
                           "name_th": off["name_th"], "name_en": off["name_en"], "status": off["status"],
                           "measure": "ratio", "value": off["ratio"], "reference": bar_ind, "actual": off["actual"],
                           "expected": off["expected"], "unit_th": off["unit_th"], "unit_en": off["unit_en"]})]
    proj = project_table(data, fiscal_year, quarter)
    funded = proj[proj["funded"]]
    late = funded[funded["status"] == "not_started"] if quarter >= 3 else funded.iloc[0:0]
    parts.append(_project_items(late, "not_started_late", None, math.nan))
    bar = th["low_disbursement_share_of_pace"] * quarter / 4
    low = funded[~funded["status"].isin(["cancelled", "not_reported"]) & (funded["disbursement_rate"] < bar)
                 & ~funded["project_code"].isin(late["project_code"])]
    parts.append(_project_items(low, "low_disbursement", "disbursement_rate", bar))
    return _attention_frame([p for p in parts if len(p)])


def _project_items(p: pd.DataFrame, kind: str, measure: str | None, reference: float) -> pd.DataFrame:
    return pd.DataFrame({"kind": kind, "goal_no": p["goal_no"], "code": p["project_code"], "name_th": p["name_th"],
                         "name_en": p["name_en"], "status": p["status"], "measure": measure,
                         "value": p["disbursement_rate"] if measure else math.nan, "reference": reference,
                         "actual": math.nan, "expected": math.nan, "unit_th": None, "unit_en": None})


def _attention_frame(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="float" if c in ("value", "reference", "actual", "expected")
                                          else "object") for c in ATTENTION_COLUMNS})
    out = pd.concat(parts, ignore_index=True)[ATTENTION_COLUMNS]
    out["goal_no"] = out["goal_no"].astype(int)
    for c in ("value", "reference", "actual", "expected"):
        out[c] = out[c].astype(float)
    out["_k"] = out["kind"].map({k: i for i, k in enumerate(ATTENTION_KINDS)})
    return out.sort_values(["_k", "goal_no", "code"]).drop(columns="_k").reset_index(drop=True)


# ---------------------------------------------------------------- the summary (python -m tracker summary --json)

def _none(x):
    """A JSON number: None when missing or not finite (JSON has no infinity); ints stay ints."""
    if x is None or isinstance(x, bool):
        return x
    if S.missing(x) or not np.isfinite(x):
        return None
    return int(x) if isinstance(x, (int, np.integer)) else float(x)


def _both(build) -> dict:
    """``{"th": build("th"), "en": build("en")}``: a figure's texts in both languages."""
    return {lang: build(lang) for lang in ("th", "en")}


def period_text(state: dict, lang: str) -> str:
    """What a page or slide says about its quarter: complete, incomplete with the counts reported,
    or not begun."""
    from tracker.i18n import t

    label = periods.period_label(periods.Period(state["fiscal_year"], state["quarter"]), lang)
    if state["state"] == "future":
        return t("period.future", lang, period=label,
                 start=periods.date_label(date.fromisoformat(state["first_day"]), lang))
    i, p = state["indicators"], state["projects"]
    key = "period.complete" if state["complete"] else "period.incomplete"
    return t(key, lang, period=label, k=i["reported"], n=i["due"], m=p["reported"], p=p["expected"])


def goal_texts(r, lang: str) -> dict:
    """The texts of a goal row's figures, as every surface writes them."""
    return {"score": fmt.figure("percent", r["score"], lang=lang), "status": fmt.figure("status", r["status"], lang=lang),
            "coverage": fmt.figure("coverage", (r["assessed"], r["due"]) if r["due"] else None, lang=lang),
            "score_change": fmt.figure("points", r.get("score_change"), lang=lang),
            **{k: fmt.figure("money_baht", r[k], lang=lang) for k in BUDGET},
            **{f"{k}_million": fmt.figure("money_million", r[k], lang=lang) for k in BUDGET},
            **{k: fmt.figure("percent", r[k], lang=lang) for k in ("disbursement_rate", "completion_rate",
                                                                   "funding_rate")}}


def indicator_texts(r, lang: str) -> dict:
    unit = r[f"unit_{lang}"]
    texts = {k: fmt.figure("value", r[k], lang=lang) for k in ("target", "start", "expected", "actual", "last_value")}
    texts.update(actual_with_unit=fmt.figure("value", r["actual"], lang=lang, unit=unit),
                 ratio=fmt.figure("percent", r["ratio"], lang=lang), status=fmt.figure("status", r["status"], lang=lang))
    return texts


def summary(data: Inputs, fiscal_year: int, quarter: int, th: dict, today: date) -> dict:
    """Every figure of the overview as a JSON-ready dict (``python -m tracker summary --json``):
    raw numbers (unrounded; None where undefined) and, under ``text``, each one as the formatter
    writes it in Thai and English. Keys are documented in README.md ("summary --json")."""
    fy, q = int(fiscal_year), int(quarter)
    gs = goal_summary(data, fy, q, th, today)
    ind = indicator_table(data, fy, q, th, today)
    proj = project_table(data, fy, q)
    state = quarter_state(ind, proj, fy, q, th, today)
    future = state["state"] == "future"
    goals = [{
        "goal": int(r["goal_no"]), "score": _none(r["score"]), "status": r["status"],
        "coverage": {"assessed": int(r["assessed"]), "due": int(r["due"]), "share": _none(r["coverage"])},
        "indicators": {s: int(r[f"n_{s}"]) for s in S.STATUSES},
        "projects": {k: _none(r[k]) if k in NOT_YET else int(r[k]) for k in PROJECT_COUNTS},
        "budget": {k: _none(r[k]) for k in (*CHAIN, *UNFUNDED_MONEY)},
        **{k: _none(r[k]) for k in ("disbursement_rate", "commitment_rate", "completion_rate", "funding_rate",
                                     "prev_score", "score_change")},
        "prev_status": r["prev_status"],
        "text": _both(lambda lang, r=r: goal_texts(r, lang)),
    } for _, r in gs.iterrows()]
    indicators = [{
        "code": r["code"], "goal": int(r["goal_no"]),
        **{k: _none(r[k]) for k in ("target", "start", "share", "expected", "actual", "ratio", "percent", "score",
                                    "last_value")},
        "last_quarter": None if pd.isna(r["last_quarter"]) else int(r["last_quarter"]),
        "status": r["status"], "due": bool(r["due"]), "assessed": bool(r["assessed"]),
        "worse_than_start": bool(r["worse_than_start"]),
        "text": _both(lambda lang, r=r: indicator_texts(r, lang)),
    } for _, r in ind.iterrows()]
    b = budget_sums(proj)
    counts = project_counts(proj)
    tot = {"projects": {k: None if future and k in NOT_YET else v for k, v in counts.items()},
           "budget": {k: None if future and k in NOT_YET else _none(v) for k, v in b.items()},
           **{k: None if future else _none(v) for k, v in money_rates(b).items()},
           "completion_rate": None if future else _none(rate(counts["completed"], counts["funded"])),
           "funding_rate": _none(rate(counts["funded"], counts["in_plan"]))}
    tot["text"] = _both(lambda lang: {
        **{k: fmt.figure("money_baht", tot["budget"][k], lang=lang) for k in BUDGET},
        **{f"{k}_million": fmt.figure("money_million", tot["budget"][k], lang=lang) for k in BUDGET},
        **{k: fmt.figure("percent", tot[k], lang=lang) for k in ("disbursement_rate", "completion_rate",
                                                                 "funding_rate")}})
    unfunded = proj[~proj["funded"]]
    att = attention_items(data, fy, q, th, today)
    return {
        "method": "v2", "fiscal_year": fy, "quarter": q, "today": today.isoformat(),
        "period": state,
        "settings": th, "goals": goals, "indicators": indicators, "totals": tot,
        "strategies": group_figures(proj, "strategy", data, future=future),
        "programmes": group_figures(proj, "programme", data, future=future),
        "not_funded": [{"code": code, "goal": int(goal), "planned": _none(float(planned)),
                        "reported_status": None if S.missing(reported) else reported,
                        "committed": _none(float(committed)), "disbursed": _none(float(disbursed))}
                       for code, goal, planned, reported, committed, disbursed
                       in value_rows(unfunded, "project_code", "goal_no", "planned_budget", "reported_status",
                                     "committed", "disbursed")],
        "not_reported": [] if future else sorted(proj.loc[proj["status"] == "not_reported", "project_code"]),
        "missing_reports": [] if future else sorted(proj.loc[proj["expected_to_report"]
                                                             & ~proj["reported_this_quarter"], "project_code"]),
        "top_by_budget": list(top_by_budget(proj, 5)["project_code"]),
        "attention": [{"kind": kind, "goal": int(goal), "code": code, "status": status, "measure": measure,
                       "value": _none(value), "reference": _none(reference), "actual": _none(actual),
                       "expected": _none(expected)}
                      for kind, goal, code, status, measure, value, reference, actual, expected
                      in value_rows(att, "kind", "goal_no", "code", "status", "measure", "value", "reference",
                                    "actual", "expected")],
    }
