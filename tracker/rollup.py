"""Joins goals with indicators, projects and budget (pandas) into the summaries pages show.

The calculation method is written down in README.md ("How figures
are computed") and on the methodology page (วิธีคำนวณ); every figure shown comes from a function
here or in :mod:`tracker.status`. Pages, the command line (``python -m tracker summary``) and the
reports all call these functions, so they agree by construction.

Public functions take ``(db, fiscal_year, quarter)`` — the Buddhist-Era fiscal year and the quarter
"as of" which figures are cumulated — and return DataFrames (one row per indicator, goal, project,
department, ...), except :func:`summary`, which returns the JSON-ready dict. Money is in baht,
ratios are fractions (0.456, not 45.6), undefined figures are NaN (None in :func:`summary`).
"""

from __future__ import annotations

import math

import pandas as pd


from tracker import status as S
from tracker import store

PROJECT_COUNTS = ("in_plan", "funded", "completed", "in_progress", "not_started", "cancelled", "added")
BUDGET = ("planned", "allocated", "committed", "disbursed")
#: ``village_no`` used for projects that name no village (the whole subdistrict, ทั้งตำบล).
WHOLE_SUBDISTRICT = 0


def thresholds_of(thresholds: dict | None = None) -> dict[str, float]:
    """The status thresholds: ``thresholds`` if given, else the plan file's (on_track, at_risk,
    low_disbursement_share_of_pace)."""
    from tracker.plan import default_plan

    base = {**S.DEFAULT_THRESHOLDS, "low_disbursement_share_of_pace": 0.5}
    if thresholds is None:
        try:
            thresholds = default_plan().thresholds
        except Exception:  # no plan file readable: the documented defaults
            thresholds = {}
    return {**base, **thresholds}


def _f(x) -> float:
    return float(x) if x is not None and not (isinstance(x, float) and math.isnan(x)) else math.nan


def _rate(num: float, den: float) -> float:
    return num / den if den else math.nan


# ---------------------------------------------------------------- indicators

def _indicator_rows(inds: pd.DataFrame, targets: pd.DataFrame, results: pd.DataFrame, fy: int, q: int,
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
            "target": _f(target), "expected": _f(r["expected"]), "actual": _f(r["actual"]),
            "ratio": _f(r["ratio"]), "status": r["status"], "n_values": len(values),
            "last_quarter": last_q, "last_value": _f(values[last_q]) if values else math.nan,
        })
    cols = ["code", "goal_no", "fiscal_year", "quarter", "name_th", "name_en", "unit_th", "unit_en", "direction",
            "aggregation", "frequency", "owner", "target", "expected", "actual", "ratio", "status", "n_values",
            "last_quarter", "last_value"]
    out = pd.DataFrame(rows, columns=cols)
    out["last_quarter"] = out["last_quarter"].astype("Int64")
    for c in ("target", "expected", "actual", "ratio", "last_value"):
        out[c] = out[c].astype(float)
    return out


def indicator_table(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None) -> pd.DataFrame:
    """One row per indicator of the plan, as of ``quarter`` of ``fiscal_year``.

    Columns: ``code, goal_no, name_th/en, unit_th/en, direction, aggregation, frequency, owner,
    target, expected, actual, ratio, status, n_values`` (values reported for quarters ≤ q),
    ``last_quarter, last_value``. Method: :func:`tracker.status.evaluate_indicator`.
    """
    th = thresholds_of(thresholds)
    return _indicator_rows(store.indicators(db), store.targets(db), store.results(db, fiscal_year),
                           fiscal_year, quarter, th)


def indicator_history(db, *, thresholds: dict | None = None) -> pd.DataFrame:
    """:func:`indicator_table` for every (fiscal year, quarter) with data within the plan period
    (the years that have targets), stacked; plus a ``period`` label ``2569-Q2``."""
    th = thresholds_of(thresholds)
    inds, targets, results = store.indicators(db), store.targets(db), store.results(db)
    years = set(targets["fiscal_year"].astype(int))
    frames = [_indicator_rows(inds, targets, results, fy, q, th)
              for fy, q in store.periods_with_data(db) if fy in years]
    if not frames:
        return _indicator_rows(inds.iloc[0:0], targets, results, 0, 1, th).assign(period=pd.Series(dtype="str"))
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


def indicator_values(db, code: str) -> pd.DataFrame:
    """Every reported value of one indicator (all years) with its note and the batch it came from:
    ``fiscal_year, quarter, value, note, batch_id, file_name, username, created_at``."""
    res = store.results(db)
    res = res[res["indicator_code"] == code]
    b = store.batches(db)[["id", "file_name", "username", "created_at"]].rename(columns={"id": "batch_id"})
    out = res.merge(b, on="batch_id", how="left")
    cols = ["fiscal_year", "quarter", "value", "note", "batch_id", "file_name", "username", "created_at"]
    return out[cols].sort_values(["fiscal_year", "quarter"]).reset_index(drop=True)


# ---------------------------------------------------------------- projects

def _project_rows(p: pd.DataFrame, pr: pd.DataFrame, q: int) -> pd.DataFrame:
    pr = pr[pr["quarter"] <= q].sort_values(["project_code", "quarter"])
    latest = pr.groupby("project_code").tail(1).set_index("project_code")
    reported = set(pr.loc[pr["quarter"] == q, "project_code"])
    out = p.copy()
    code = out["project_code"]
    out["planned_budget"] = out["planned_budget"].astype(float)
    out["allocated_budget"] = out["allocated_budget"].astype(float)
    out["is_welfare_transfer"] = out["is_welfare_transfer"].astype(int).astype(bool)
    out["added_by_revision"] = out["added_by_revision"].astype(int).astype(bool)
    out["funded"] = out["allocated_budget"] > 0
    out["status"] = code.map(latest["status"]).fillna("not_started").astype(str)
    out["progress_pct"] = code.map(latest["progress_pct"]).astype(float)
    out["committed"] = code.map(latest["committed"]).astype(float).fillna(0.0)
    out["disbursed"] = code.map(latest["disbursed"]).astype(float).fillna(0.0)
    out["as_of_quarter"] = code.map(latest["quarter"]).astype("Int64")
    out["progress_note"] = code.map(latest["note"])
    out["progress_batch_id"] = code.map(latest["batch_id"]).astype("Int64")
    out["reported_this_quarter"] = code.isin(reported)
    alloc = out["allocated_budget"]
    out["disbursement_rate"] = (out["disbursed"] / alloc.where(alloc > 0)).astype(float)
    out["quarter"] = q
    return out.reset_index(drop=True)


def project_table(db, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """One row per project in the plan for ``fiscal_year`` with its state as of ``quarter``.

    Adds to the project columns: ``funded`` (allocated budget > 0), ``status`` (of the latest progress
    row with quarter ≤ q; ``not_started`` if none), ``progress_pct``, ``committed`` and ``disbursed``
    (latest cumulative values, 0 if none), ``as_of_quarter`` (quarter of that row),
    ``reported_this_quarter`` (a progress row for exactly q exists), ``disbursement_rate``.
    """
    return _project_rows(store.projects(db, fiscal_year), store.progress(db, fiscal_year), quarter)


def project_counts(projects: pd.DataFrame) -> dict[str, int]:
    """``in_plan, funded, completed, in_progress, not_started, cancelled, added`` of a
    :func:`project_table` slice. Status buckets count funded projects only, so they add up to funded."""
    funded = projects[projects["funded"]]
    counts = {"in_plan": len(projects), "funded": len(funded)}
    for s in S.PROJECT_STATUSES:
        counts[s] = int((funded["status"] == s).sum())
    counts["added"] = int(projects["added_by_revision"].sum())
    return counts


def budget_sums(projects: pd.DataFrame) -> dict[str, float]:
    """``planned, allocated, committed, disbursed`` (baht) of a :func:`project_table` slice."""
    return {"planned": float(projects["planned_budget"].sum()), "allocated": float(projects["allocated_budget"].sum()),
            "committed": float(projects["committed"].sum()), "disbursed": float(projects["disbursed"].sum())}


def _goal_row(goal_no: int, ind: pd.DataFrame, proj: pd.DataFrame, th: dict) -> dict:
    score = S.goal_score(zip(ind["ratio"], ind["status"]))
    row = {"goal_no": goal_no, "score": _f(score), "status": S.score_status(score, th)}
    for s in S.STATUSES:
        row[f"n_{s}"] = int((ind["status"] == s).sum())
    row["n_indicators"] = len(ind)
    row.update(project_counts(proj))
    row.update(budget_sums(proj))
    row["disbursement_rate"] = _rate(row["disbursed"], row["allocated"])
    row["commitment_rate"] = _rate(row["committed"], row["allocated"])
    row["completion_rate"] = _rate(row["completed"], row["funded"])
    row["funding_rate"] = _rate(row["funded"], row["in_plan"])
    welfare = proj[proj["is_welfare_transfer"]]
    dev = proj[~proj["is_welfare_transfer"]]
    row["welfare_projects"] = len(welfare)
    row["welfare_allocated"] = float(welfare["allocated_budget"].sum())
    row["welfare_disbursed"] = float(welfare["disbursed"].sum())
    row["dev_allocated"] = float(dev["allocated_budget"].sum())
    row["dev_disbursed"] = float(dev["disbursed"].sum())
    return row


def _goal_rows(db, fy: int, q: int, th: dict) -> pd.DataFrame:
    goals = store.goals(db)
    ind = indicator_table(db, fy, q, thresholds=th)
    proj = project_table(db, fy, q)
    rows = []
    for g in goals.itertuples(index=False):
        row = _goal_row(int(g.goal_no), ind[ind["goal_no"] == g.goal_no], proj[proj["goal_no"] == g.goal_no], th)
        rows.append({"short_th": g.short_th, "short_en": g.short_en, **row})
    return pd.DataFrame(rows)


def goal_summary(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None) -> pd.DataFrame:
    """One row per goal (เป้าประสงค์) as of ``quarter`` of ``fiscal_year``.

    Columns: ``goal_no, short_th, short_en, score, status``; ``n_<status>`` for each indicator status
    and ``n_indicators``; the project counts of :func:`project_counts`; the budget of
    :func:`budget_sums`; ``disbursement_rate`` (disbursed ÷ allocated), ``commitment_rate``,
    ``completion_rate`` (completed ÷ funded), ``funding_rate`` (funded ÷ in plan); welfare transfers
    apart (``welfare_projects, welfare_allocated, welfare_disbursed``, ``dev_allocated, dev_disbursed``;
    they are also included in the totals); and the change against the same quarter of the previous
    fiscal year: ``prev_score, score_change, prev_disbursement_rate``.
    """
    th = thresholds_of(thresholds)
    out = _goal_rows(db, fiscal_year, quarter, th)
    prev = _goal_rows(db, fiscal_year - 1, quarter, th).set_index("goal_no")
    out["prev_score"] = out["goal_no"].map(prev["score"]).astype(float)
    out["score_change"] = out["score"] - out["prev_score"]
    out["prev_disbursement_rate"] = out["goal_no"].map(prev["disbursement_rate"]).astype(float)
    return out


def totals(db, fiscal_year: int, quarter: int) -> dict:
    """Project counts and budget over all goals, computed from all projects (not by adding goal
    rows), so that a test can check that the goals reconcile with it."""
    proj = project_table(db, fiscal_year, quarter)
    return {"projects": project_counts(proj), "budget": budget_sums(proj)}


def _none(x):
    if x is None:
        return None
    try:
        return None if math.isnan(x) else x
    except TypeError:
        return x


def summary(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None) -> dict:
    """The figures of the overview as a JSON-ready dict (``python -m tracker summary --json``).

    ``{fiscal_year, quarter, goals: [{goal, score, status, indicators: {status: count}, projects: {...},
    budget: {...}}], indicators: [{code, goal, actual, expected, ratio, status}], totals: {projects,
    budget}}``. Numbers are unrounded; None where undefined. Built from :func:`goal_summary`,
    :func:`indicator_table` and :func:`totals`, the functions the pages use.
    """
    gs = goal_summary(db, fiscal_year, quarter, thresholds=thresholds)
    ind = indicator_table(db, fiscal_year, quarter, thresholds=thresholds)
    goals = [{
        "goal": int(r["goal_no"]), "score": _none(float(r["score"])), "status": r["status"],
        "indicators": {s: int(r[f"n_{s}"]) for s in S.STATUSES},
        "projects": {k: int(r[k]) for k in PROJECT_COUNTS},
        "budget": {k: float(r[k]) for k in BUDGET},
    } for _, r in gs.iterrows()]
    indicators = [{"code": r["code"], "goal": int(r["goal_no"]), "actual": _none(r["actual"]),
                   "expected": _none(r["expected"]), "ratio": _none(r["ratio"]), "status": r["status"]}
                  for _, r in ind.iterrows()]
    return {"fiscal_year": int(fiscal_year), "quarter": int(quarter), "goals": goals, "indicators": indicators,
            "totals": totals(db, fiscal_year, quarter)}


def goal_score_history(db, *, thresholds: dict | None = None) -> pd.DataFrame:
    """Score and status of every goal for every (fiscal year, quarter) with data in the plan period:
    ``goal_no, fiscal_year, quarter, period, score, status``."""
    th = thresholds_of(thresholds)
    hist = indicator_history(db, thresholds=th)
    rows = []
    for (fy, q, g), ind in hist.groupby(["fiscal_year", "quarter", "goal_no"], sort=True):
        score = S.goal_score(zip(ind["ratio"], ind["status"]))
        rows.append({"goal_no": int(g), "fiscal_year": int(fy), "quarter": int(q), "period": f"{fy}-Q{q}",
                     "score": _f(score), "status": S.score_status(score, th)})
    out = pd.DataFrame(rows, columns=["goal_no", "fiscal_year", "quarter", "period", "score", "status"])
    out["score"] = out["score"].astype(float)
    return out


# ---------------------------------------------------------------- attention

ATTENTION_KINDS = ("off_track_indicator", "not_started_late", "low_disbursement")


def attention_items(db, fiscal_year: int, quarter: int, *, thresholds: dict | None = None) -> pd.DataFrame:
    """What needs attention (ต้องติดตาม) as of ``quarter``, one row per item:

    - ``off_track_indicator``: indicators with status off_track (``value`` = ratio);
    - ``not_started_late``: funded projects still not started at Q3 or Q4;
    - ``low_disbursement``: funded, not cancelled projects whose disbursement rate is below
      ``low_disbursement_share_of_pace`` × the even pace q/4 (``value`` = rate, ``reference`` = that bar).

    Columns: ``kind, goal_no, code, name_th, name_en, value, reference``.
    """
    th = thresholds_of(thresholds)
    cols = ["kind", "goal_no", "code", "name_th", "name_en", "value", "reference"]
    ind = indicator_table(db, fiscal_year, quarter, thresholds=th)
    off = ind[ind["status"] == "off_track"]
    parts = [pd.DataFrame({"kind": "off_track_indicator", "goal_no": off["goal_no"], "code": off["code"],
                           "name_th": off["name_th"], "name_en": off["name_en"], "value": off["ratio"],
                           "reference": th["at_risk"]})]
    proj = project_table(db, fiscal_year, quarter)
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
        return pd.DataFrame({c: pd.Series(dtype="float" if c in ("value", "reference") else "object") for c in cols})
    out = pd.concat(parts, ignore_index=True)[cols]
    out["goal_no"] = out["goal_no"].astype(int)
    out["value"] = out["value"].astype(float)
    out["reference"] = out["reference"].astype(float)
    out["_k"] = out["kind"].map({k: i for i, k in enumerate(ATTENTION_KINDS)})
    return out.sort_values(["_k", "goal_no", "code"]).drop(columns="_k").reset_index(drop=True)


def missing_reports(db, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """Completeness: funded projects with no progress row for exactly ``quarter`` (rows of
    :func:`project_table`)."""
    proj = project_table(db, fiscal_year, quarter)
    return proj[proj["funded"] & ~proj["reported_this_quarter"]].reset_index(drop=True)


def filter_projects(projects: pd.DataFrame, *, goals=None, departments=None, villages=None, statuses=None,
                    text: str = "") -> pd.DataFrame:
    """Rows of a :func:`project_table` matching every filter given (lists; empty or None = all).

    ``villages`` matches projects naming any of them (0 = the whole subdistrict); ``text`` is a
    case-insensitive search in the code and both names."""
    m = pd.Series(True, index=projects.index)
    if goals:
        m &= projects["goal_no"].isin(list(goals))
    if departments:
        m &= projects["department"].isin(list(departments))
    if statuses:
        m &= projects["status"].isin(list(statuses))
    if villages:
        want = set(villages)
        m &= projects["villages"].map(lambda v: bool(want & set(parse_villages(v) or [WHOLE_SUBDISTRICT])))
    if text and text.strip():
        needle = text.strip().casefold()
        hay = (projects["project_code"].astype(str) + " " + projects["name_th"].fillna("").astype(str) + " "
               + projects["name_en"].fillna("").astype(str)).str.casefold()
        m &= hay.str.contains(needle, regex=False)
    return projects[m].reset_index(drop=True)


def welfare_split(db, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """Development projects and welfare transfers (เบี้ยยังชีพ, งบกลาง) apart, plus the total:
    ``kind`` (development | welfare | total), ``projects, funded`` and the budget columns,
    ``disbursement_rate``."""
    proj = project_table(db, fiscal_year, quarter)
    rows = []
    for kind, part in (("development", proj[~proj["is_welfare_transfer"]]), ("welfare", proj[proj["is_welfare_transfer"]]),
                       ("total", proj)):
        b = budget_sums(part)
        rows.append({"kind": kind, "projects": len(part), "funded": int(part["funded"].sum()), **b,
                     "disbursement_rate": _rate(b["disbursed"], b["allocated"])})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- budget breakdowns

def _budget_frame(proj: pd.DataFrame, key: str) -> pd.DataFrame:
    """Group a (possibly weighted) project frame by ``key``: counts and budget sums."""
    w = proj["weight"] if "weight" in proj else 1.0
    p = proj.assign(planned=proj["planned_budget"] * w, allocated=proj["allocated_budget"] * w,
                    committed=proj["committed"] * w, disbursed=proj["disbursed"] * w, n=1,
                    n_funded=proj["funded"].astype(int))
    out = p.groupby(key, sort=True).agg(projects=("n", "sum"), funded=("n_funded", "sum"), planned=("planned", "sum"),
                                        allocated=("allocated", "sum"), committed=("committed", "sum"),
                                        disbursed=("disbursed", "sum")).reset_index()
    out["disbursement_rate"] = (out["disbursed"] / out["allocated"].where(out["allocated"] > 0)).astype(float)
    return out


def _projects_of(db, fy: int, q: int, goal: int | None) -> pd.DataFrame:
    proj = project_table(db, fy, q)
    return proj if goal is None else proj[proj["goal_no"] == goal]


def budget_by_department(db, fiscal_year: int, quarter: int, *, goal: int | None = None) -> pd.DataFrame:
    """Per department (ส่วนราชการ) with projects: ``department, name_th, name_en, projects, funded,
    planned, allocated, committed, disbursed, disbursement_rate``; optionally one goal's projects."""
    proj = _projects_of(db, fiscal_year, quarter, goal)
    out = _budget_frame(proj, "department")
    names = store.departments(db).rename(columns={"code": "department"})
    out = out.merge(names, on="department", how="left")
    return out[["department", "name_th", "name_en", "projects", "funded", *BUDGET, "disbursement_rate"]]


def parse_villages(text) -> list[int]:
    """``"1;3"`` -> ``[1, 3]``; empty or missing -> ``[]`` (the whole subdistrict)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return []
    return sorted({int(v) for v in str(text).replace(",", ";").split(";") if v.strip().isdigit()})


def budget_by_village(db, fiscal_year: int, quarter: int, *, goal: int | None = None) -> pd.DataFrame:
    """Per village (หมู่ที่): ``village_no, projects`` (projects that name the village), ``funded`` and the
    budget columns. A project that names n villages adds 1/n of its money to each (split equally), so
    the village totals add up to the overall totals; a project naming none goes to ``village_no`` 0
    (ทั้งตำบล, the whole subdistrict)."""
    proj = _projects_of(db, fiscal_year, quarter, goal).copy()
    proj["village_no"] = proj["villages"].map(lambda v: parse_villages(v) or [WHOLE_SUBDISTRICT])
    proj["weight"] = 1.0 / proj["village_no"].map(len).astype(float)
    proj = proj.explode("village_no")
    proj["village_no"] = proj["village_no"].astype(int)
    out = _budget_frame(proj, "village_no")
    return out[["village_no", "projects", "funded", *BUDGET, "disbursement_rate"]]


def disbursement_by_quarter(db, fiscal_year: int, *, goal: int | None = None) -> pd.DataFrame:
    """Cumulative money by quarter 1–4 of ``fiscal_year`` against an even pace.

    Columns: ``quarter, allocated, committed, disbursed, dev_disbursed, welfare_disbursed,
    disbursement_rate, pace_rate`` (q/4), ``even_pace`` (allocated × q/4), ``reported`` (progress rows
    for that quarter). Committed and disbursed are NaN after the last quarter with any progress row,
    so a chart does not draw a flat line into the future.
    """
    p, pr = store.projects(db, fiscal_year), store.progress(db, fiscal_year)
    if goal is not None:
        p = p[p["goal_no"] == goal]
        pr = pr[pr["project_code"].isin(p["project_code"])]
    last = int(pr["quarter"].max()) if len(pr) else 0
    rows = []
    for q in range(1, 5):
        proj = _project_rows(p, pr, q)
        b = budget_sums(proj)
        welfare = proj["is_welfare_transfer"]
        has = q <= last
        rows.append({"quarter": q, "allocated": b["allocated"],
                     "committed": b["committed"] if has else math.nan,
                     "disbursed": b["disbursed"] if has else math.nan,
                     "dev_disbursed": float(proj.loc[~welfare, "disbursed"].sum()) if has else math.nan,
                     "welfare_disbursed": float(proj.loc[welfare, "disbursed"].sum()) if has else math.nan,
                     "disbursement_rate": _rate(b["disbursed"], b["allocated"]) if has else math.nan,
                     "pace_rate": q / 4, "even_pace": b["allocated"] * q / 4,
                     "reported": int((pr["quarter"] == q).sum())})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- kept for the plan page

def projects_per_goal(db, fiscal_year: int) -> pd.DataFrame:
    """Per goal for one fiscal year: ``goal_no``, ``projects`` (rows in the plan for the year) and
    ``allocated`` (sum of allocated budget). Every goal of the plan appears, with 0 when it has none."""
    goals = store.goals(db)[["goal_no"]]
    p = store.projects(db, fiscal_year)
    agg = p.groupby("goal_no").agg(projects=("project_code", "count"), allocated=("allocated_budget", "sum"))
    out = goals.merge(agg, left_on="goal_no", right_index=True, how="left")
    out["projects"] = out["projects"].fillna(0).astype(int)
    out["allocated"] = out["allocated"].fillna(0.0).astype(float)
    return out.reset_index(drop=True)
