"""Projects (โครงการ) and budget (งบประมาณ): each project's state as of a quarter, the counts of the
official form (แบบที่ 2), and budget breakdowns by department, village and quarter.

Pure functions of :class:`tracker.rollup.inputs.Inputs` or of a :func:`project_table`. Money is in
baht, ratios are fractions, undefined figures NaN.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from tracker import status as S
from tracker.rollup import shared
from tracker.rollup.inputs import Inputs

PROJECT_COUNTS = ("in_plan", "funded", "not_funded", *S.PROJECT_BUCKETS, "added")
BUDGET = ("planned", "allocated", "committed", "disbursed")
#: the chain the executive asks for: plan amount of the year -> the book's ordinance amount -> allocated
#: (after transfers) -> committed -> disbursed
CHAIN = ("planned", "ordinance", "allocated", "committed", "disbursed")
#: what projects can be grouped by (:func:`budget_by`) -> the project-table column holding the key
DIMENSIONS = {"goal": "goal_no", "strategy": "strategy_no", "tactic": "tactic_code", "programme": "programme_code",
              "department": "department", "village": "village_no"}
#: Money reported against projects without an allocated budget: an anomaly, shown apart, in no other sum.
UNFUNDED_MONEY = ("unfunded_committed", "unfunded_disbursed")
#: ``village_no`` used for projects that name no village (the whole subdistrict, ทั้งตำบล).
WHOLE_SUBDISTRICT = 0


def rate(num: float, den: float) -> float:
    """``num ÷ den``; NaN when ``den`` is 0 (a rate of nothing is undefined, not 0 %)."""
    return num / den if den else math.nan


def parse_villages(text) -> list[int]:
    """The stored village list ``"1;3"`` -> ``[1, 3]``; empty or missing -> ``[]`` (the whole subdistrict)."""
    if S.missing(text):
        return []
    return sorted({int(v) for v in str(text).replace(",", ";").split(";") if v.strip().isdigit()})


def latest_rows(pr: pd.DataFrame, q: int) -> pd.DataFrame:
    """Each project's latest progress row with quarter ≤ q (index: project_code) of one year's progress rows."""
    rows = pr[pr["quarter"] <= q].sort_values(["project_code", "quarter"])
    return rows.groupby("project_code").tail(1).set_index("project_code")


def _rows(p: pd.DataFrame, pr: pd.DataFrame, q: int) -> pd.DataFrame:
    latest, before = latest_rows(pr, q), latest_rows(pr, q - 1)
    out = p.copy(deep=False)      # copy-on-write: the new and changed columns are this table's own
    code = out["project_code"]
    out["planned_budget"] = out["planned_budget"].astype(float)
    out["allocated_budget"] = out["allocated_budget"].astype(float)
    out["is_welfare_transfer"] = out["is_welfare_transfer"].astype(int).astype(bool)
    out["added_by_revision"] = out["added_by_revision"].astype(int).astype(bool)
    out["funded"] = out["allocated_budget"] > 0
    out["reported_status"] = code.map(latest["status"]).astype(object)
    status = out["reported_status"].where(out["reported_status"].notna(), "not_reported")
    out["status"] = status.where(out["funded"], "not_funded").astype(str)
    out["progress_pct"] = code.map(latest["progress_pct"]).astype(float)
    out["committed"] = code.map(latest["committed"]).astype(float).fillna(0.0)
    out["disbursed"] = code.map(latest["disbursed"]).astype(float).fillna(0.0)
    as_of = code.map(latest["quarter"])
    out["as_of_quarter"] = as_of.astype("Int64")
    out["progress_note"] = code.map(latest["note"])
    out["progress_batch_id"] = code.map(latest["batch_id"]).astype("Int64")
    # a row for quarter q itself is the latest row up to q (one row per project and quarter): no set of
    # codes to box and look up (a text column's isin took a third of this function)
    out["reported_this_quarter"] = (as_of == q).to_numpy(dtype=bool)
    done_before = code.map(before["status"]).isin(["completed", "cancelled"])
    out["expected_to_report"] = out["funded"] & ~done_before
    alloc = out["allocated_budget"]
    out["disbursement_rate"] = (out["disbursed"] / alloc.where(alloc > 0)).astype(float)
    out["quarter"] = q
    return out.reset_index(drop=True)


def with_plan(p: pd.DataFrame, data: Inputs, fiscal_year: int) -> pd.DataFrame:
    """The projects of a year with their place in the plan: ``strategy_no``, ``tactic_code``,
    ``programme_code`` (from the plan book; a project only uploaded takes the one strategy serving
    its goal when there is exactly one, tactic and programme unknown), ``ordinance`` (the book's
    ordinance amount for the year; NaN when the book has none) and ``added_by_revision`` from the
    revision records (the project's first revision is an addition) for every project the book lists."""
    out = p.copy(deep=False)      # copy-on-write: the year's rows are not changed
    pp = data.plan_projects
    if len(pp):
        pp = pp[pp["coordination"] == 0].set_index("code")
    code = out["project_code"]
    one = data.strategies.groupby("goal_no")["number"].agg(lambda n: n.iloc[0] if len(n) == 1 else None) \
        if len(data.strategies) else pd.Series(dtype=object)
    by_goal = out["goal_no"].map(one)
    if len(pp):
        listed = code.isin(pp.index)
        out["strategy_no"] = code.map(pp["strategy_no"]).where(listed, by_goal)
        out["tactic_code"] = code.map(pp["tactic_code"])
        out["programme_code"] = code.map(pp["programme_code"])
        from_records = code.map(pp["first_revision_kind"]).eq("addition")
        out["added_by_revision"] = from_records.where(listed, out["added_by_revision"].astype(int).astype(bool))
    else:
        out["strategy_no"], out["tactic_code"], out["programme_code"] = by_goal, None, None
    out["strategy_no"] = pd.to_numeric(out["strategy_no"], errors="coerce").astype("Int64")
    ordi = data.ordinance
    if len(ordi):
        ordi = ordi[ordi["fiscal_year"] == fiscal_year].set_index("project_code")["amount"]
        out["ordinance"] = code.map(ordi).astype(float)
    else:
        out["ordinance"] = math.nan
    return out


def project_table(data: Inputs, fiscal_year: int, quarter: int) -> pd.DataFrame:
    """One row per project in the plan for ``fiscal_year`` with its state as of ``quarter``.

    Adds to the project columns: its place in the plan (:func:`with_plan`: ``strategy_no``,
    ``tactic_code``, ``programme_code``, ``ordinance``); ``funded`` (allocated budget > 0); ``status`` —
    ``not_funded`` for a project without an allocated budget, else the status of its latest progress row
    with quarter ≤ q, ``not_reported`` if it has none; ``reported_status`` (that row's status, also for
    unfunded projects); ``progress_pct``, ``committed`` and ``disbursed`` (latest cumulative values, 0 if
    none), ``as_of_quarter`` (quarter of that row), ``reported_this_quarter`` (a progress row for exactly
    q), ``expected_to_report`` (funded, and not completed or cancelled as of q − 1), ``disbursement_rate``
    (disbursed ÷ allocated; NaN when not funded); ``department_th``, ``department_en`` (the department's
    name, ส่วนราชการ, for pages: the code when the plan does not name it).
    """
    return shared.of(data, ("project_table", fiscal_year, quarter), lambda: _table(data, fiscal_year, quarter))


def _table(data: Inputs, fiscal_year: int, quarter: int) -> pd.DataFrame:
    out = _rows(with_plan(data.of_year("projects", fiscal_year), data, fiscal_year),
                data.of_year("progress", fiscal_year), quarter)
    names = data.departments.set_index("code")
    for lang in ("th", "en"):
        out[f"department_{lang}"] = out["department"].map(names[f"name_{lang}"]).fillna(out["department"])
    return out


#: the project-table columns :func:`counts_of` (:func:`project_counts`) reads
COUNT_COLUMNS = ("funded", "status", "added_by_revision")
#: the project-table columns :func:`sums_of` (:func:`budget_sums`) reads
SUM_COLUMNS = ("funded", "planned_budget", "allocated_budget", "committed", "disbursed", "ordinance")
#: both: what a goal's counts and sums are computed from
FIGURE_COLUMNS = (*COUNT_COLUMNS, *SUM_COLUMNS[1:])


_KINDS = {"funded": bool, "status": object, "added_by_revision": bool, "is_welfare_transfer": bool}


def columns_of(projects: pd.DataFrame, names=FIGURE_COLUMNS) -> dict[str, np.ndarray]:
    """Columns ``names`` (default :data:`FIGURE_COLUMNS`) of a :func:`project_table` (or a slice) as plain
    arrays, for :func:`counts_of` / :func:`sums_of` on parts of it (``{column: array[mask]}``) without
    copying a frame per part; a column the frame lacks (``ordinance``) is left out."""
    return {c: projects[c].to_numpy(dtype=_KINDS.get(c, float)) for c in names if c in projects}


def add_up(values: np.ndarray) -> float:
    """``Series.sum()`` of float values exactly as pandas adds them (missing values as 0, numpy's sum)."""
    return float(np.where(np.isnan(values), 0.0, values).sum())


def counts_of(cols: dict[str, np.ndarray]) -> dict[str, int]:
    """:func:`project_counts` of :func:`columns_of` arrays."""
    funded = cols["funded"]
    status = cols["status"][funded]
    n, n_funded = len(funded), int(funded.sum())
    counts = {"in_plan": n, "funded": n_funded, "not_funded": n - n_funded}
    for s in S.PROJECT_BUCKETS:
        counts[s] = int((status == s).sum())
    counts["added"] = int(cols["added_by_revision"].sum())
    return counts


def sums_of(cols: dict[str, np.ndarray]) -> dict[str, float]:
    """:func:`budget_sums` of :func:`columns_of` arrays."""
    funded = cols["funded"]
    ordinance = cols.get("ordinance")
    if ordinance is None or not (~np.isnan(ordinance)).any():      # as pandas' sum(min_count=1)
        ordinance = math.nan
    else:
        ordinance = add_up(ordinance)
    committed, disbursed = cols["committed"], cols["disbursed"]
    return {"planned": add_up(cols["planned_budget"]), "allocated": add_up(cols["allocated_budget"]),
            "committed": add_up(committed[funded]), "disbursed": add_up(disbursed[funded]),
            "unfunded_committed": add_up(committed[~funded]), "unfunded_disbursed": add_up(disbursed[~funded]),
            "ordinance": ordinance}


def project_counts(projects: pd.DataFrame) -> dict[str, int]:
    """``in_plan, funded, not_funded``, the five buckets of funded projects (completed, in progress, not
    started, cancelled, not reported: they add up to funded) and ``added`` of a :func:`project_table` slice."""
    return counts_of(columns_of(projects, COUNT_COLUMNS))


def budget_sums(projects: pd.DataFrame) -> dict[str, float]:
    """``planned, allocated`` (all projects), ``ordinance`` (the plan book's ordinance amounts; NaN when
    none of the projects has one), ``committed, disbursed`` (funded projects) and ``unfunded_committed,
    unfunded_disbursed`` (money reported against projects without a budget: an anomaly kept apart) of a
    :func:`project_table` slice, in baht."""
    return sums_of(columns_of(projects, SUM_COLUMNS))


def money_rates(b: dict) -> dict[str, float]:
    """``disbursement_rate`` and ``commitment_rate`` of :func:`budget_sums`: funded projects' money ÷
    their allocated budget (NaN when nothing is allocated)."""
    return {"disbursement_rate": rate(b["disbursed"], b["allocated"]),
            "commitment_rate": rate(b["committed"], b["allocated"])}


def totals(projects: pd.DataFrame) -> dict:
    """Project counts, budget and money rates over all the projects of a :func:`project_table` (not
    by adding goal rows), so that the goals can be checked to reconcile with it."""
    b = budget_sums(projects)
    return {"projects": project_counts(projects), "budget": b, **money_rates(b)}


def missing_reports(projects: pd.DataFrame) -> pd.DataFrame:
    """Projects expected to report at the table's quarter (funded, not completed or cancelled before
    it) that have no progress row for it."""
    return projects[projects["expected_to_report"] & ~projects["reported_this_quarter"]].reset_index(drop=True)


def not_funded(projects: pd.DataFrame) -> pd.DataFrame:
    """Projects of the plan without an allocated budget (listed apart, never in the form-2 buckets)."""
    return projects[~projects["funded"]].reset_index(drop=True)


def top_by_budget(projects: pd.DataFrame, n: int) -> pd.DataFrame:
    """The ``n`` funded projects with the largest allocated budget (ties: planned budget, then code)."""
    funded = projects[projects["funded"]]
    return funded.sort_values(["allocated_budget", "planned_budget", "project_code"],
                              ascending=[False, False, True]).head(n).reset_index(drop=True)


def completeness(projects: pd.DataFrame) -> dict:
    """The projects' share of a quarter's completeness: ``expected`` (expected to report),
    ``reported`` (of those, with a row for the quarter) and ``share`` (None when none is expected)."""
    expected = int(projects["expected_to_report"].sum())
    reported = int((projects["expected_to_report"] & projects["reported_this_quarter"]).sum())
    return {"reported": reported, "expected": expected, "share": reported / expected if expected else None}


def filter_projects(projects: pd.DataFrame, *, goals=None, departments=None, villages=None, statuses=None,
                    strategies=None, tactics=None, programmes=None, text: str = "") -> pd.DataFrame:
    """Rows of a :func:`project_table` matching every filter given (lists; empty or None = all).

    ``villages`` matches projects naming any of them (0 = the whole subdistrict); ``text`` is a
    case-insensitive search in the code and both names."""
    m = pd.Series(True, index=projects.index)
    if goals:
        m &= projects["goal_no"].isin(list(goals))
    if strategies:
        m &= projects["strategy_no"].isin(list(strategies)).fillna(False).astype(bool)
    if tactics:
        m &= projects["tactic_code"].isin(list(tactics))
    if programmes:
        m &= projects["programme_code"].isin(list(programmes))
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


def welfare_split(projects: pd.DataFrame) -> pd.DataFrame:
    """Development projects and welfare transfers (เบี้ยยังชีพ, งบกลาง) apart, plus the total:
    ``kind`` (development | welfare | total), ``projects, funded`` and the budget columns,
    ``disbursement_rate``."""
    welfare = projects["is_welfare_transfer"]
    rows = []
    for kind, part in (("development", projects[~welfare]), ("welfare", projects[welfare]), ("total", projects)):
        b = budget_sums(part)
        rows.append({"kind": kind, "projects": len(part), "funded": int(part["funded"].sum()), **b,
                     "disbursement_rate": money_rates(b)["disbursement_rate"]})
    return pd.DataFrame(rows)


def _budget_frame(proj: pd.DataFrame, key: str) -> pd.DataFrame:
    """Group a (possibly weighted) project frame by ``key``: counts and budget sums (committed and
    disbursed of funded projects, as :func:`budget_sums`; ``ordinance`` NaN for a group none of whose
    projects has a book ordinance amount)."""
    def col(name):
        return proj[name].to_numpy(dtype=float)

    w = col("weight") if "weight" in proj else 1.0
    funded = proj["funded"].to_numpy(dtype=bool)
    ordinance = col("ordinance") * w if "ordinance" in proj else np.full(len(proj), np.nan)
    # a new frame of only what is summed (a copy of the project columns would take every one)
    p = pd.DataFrame({key: proj[key].array, "projects": np.ones(len(proj), dtype="int64"),
                      "funded": funded.astype("int64"), "planned": col("planned_budget") * w,
                      "allocated": col("allocated_budget") * w, "committed": col("committed") * w * funded.astype(float),
                      "disbursed": col("disbursed") * w * funded.astype(float), "ordinance": ordinance})
    g = p.groupby(key, sort=True)
    out = g[["projects", "funded", "planned", "allocated", "committed", "disbursed"]].sum().reset_index()
    out["ordinance"] = g["ordinance"].sum(min_count=1).astype(float).to_numpy()
    out["disbursement_rate"] = (out["disbursed"] / out["allocated"].where(out["allocated"] > 0)).astype(float)
    return out


def _names(data: Inputs, dimension: str) -> pd.DataFrame:
    """``key, name_th, name_en`` of every group of a dimension the plan knows, in the plan's order."""
    if dimension == "goal":
        return data.goals[["goal_no", "short_th", "short_en"]].rename(columns={"short_th": "name_th",
                                                                               "short_en": "name_en"})
    if dimension == "strategy":
        s = data.strategies
        return s[["number", "short_th", "short_en", "goal_no"]].rename(
            columns={"number": "strategy_no", "short_th": "name_th", "short_en": "name_en"}) if len(s) else pd.DataFrame(
            columns=["strategy_no", "name_th", "name_en", "goal_no"])
    if dimension == "tactic":
        t = data.tactics
        return t.rename(columns={"code": "tactic_code"})[["tactic_code", "name_th", "name_en", "strategy_no"]] \
            if len(t) else pd.DataFrame(columns=["tactic_code", "name_th", "name_en", "strategy_no"])
    if dimension == "programme":
        g = data.programmes
        return g.rename(columns={"code": "programme_code"})[["programme_code", "name_th", "name_en"]] \
            if len(g) else pd.DataFrame(columns=["programme_code", "name_th", "name_en"])
    if dimension == "department":
        return data.departments.rename(columns={"code": "department"})[["department", "name_th", "name_en"]]
    raise ValueError(dimension)


def budget_by(projects: pd.DataFrame, dimension: str, data: Inputs, *, all_groups: bool = False) -> pd.DataFrame:
    """Projects and money of a :func:`project_table` slice per group of ``dimension`` (goal, strategy,
    tactic, programme, department or village): the key column (:data:`DIMENSIONS`), ``name_th,
    name_en``, ``projects, funded`` and the chain ``planned, ordinance, allocated, committed,
    disbursed``, ``disbursement_rate``. With ``all_groups`` every group the plan knows appears (0 when
    it has none); projects outside every group (a key unknown) are one row with the key missing, so
    the groups always add up to the whole.
    """
    key = DIMENSIONS[dimension]
    if dimension == "village":
        return budget_by_village(projects)
    # only the columns the sums read (a project table has ~40, and a copy or a grouping takes every one)
    proj = projects[[c for c in (key, "weight", "funded", "ordinance", "planned_budget", "allocated_budget",
                                 "committed", "disbursed") if c in projects]].copy()
    missing_key = proj[key].isna()
    proj[key] = proj[key].astype(object).where(~missing_key, "—")
    out = _budget_frame(proj, key) if len(proj) else pd.DataFrame(
        columns=[key, "projects", "funded", "planned", "allocated", "committed", "disbursed", "ordinance",
                 "disbursement_rate"])
    names = _names(data, dimension)
    if key == "strategy_no" and len(out):
        out[key] = out[key].map(lambda v: v if v == "—" else int(v))
    merged = names.merge(out, on=key, how="right" if not all_groups else "outer")
    if all_groups:
        order = {k: i for i, k in enumerate(names[key])}
        merged = merged.assign(_o=merged[key].map(order).fillna(len(order))).sort_values("_o").drop(columns="_o")
        for c in ("projects", "funded", "planned", "allocated", "committed", "disbursed"):
            merged[c] = merged[c].fillna(0)
    merged[["projects", "funded"]] = merged[["projects", "funded"]].astype(int)
    merged[key] = merged[key].where(merged[key] != "—", None)
    extra = [c for c in ("goal_no", "strategy_no") if c in names.columns and c != key]
    return merged[[key, "name_th", "name_en", *extra, "projects", "funded", *CHAIN, "disbursement_rate"]] \
        .reset_index(drop=True)


def budget_by_department(projects: pd.DataFrame, departments: pd.DataFrame) -> pd.DataFrame:
    """Per department (ส่วนราชการ) with projects: ``department, name_th, name_en, projects, funded,
    planned, allocated, committed, disbursed, disbursement_rate``."""
    out = _budget_frame(projects, "department")
    out = out.merge(departments.rename(columns={"code": "department"}), on="department", how="left")
    return out[["department", "name_th", "name_en", "projects", "funded", *BUDGET, "disbursement_rate"]]


def budget_by_village(projects: pd.DataFrame) -> pd.DataFrame:
    """Per village (หมู่ที่): ``village_no, projects`` (projects that name the village), ``funded`` and the
    budget columns. A project that names n villages adds 1/n of its money to each (split equally), so
    the village totals add up to the overall totals; a project naming none goes to ``village_no`` 0
    (ทั้งตำบล, the whole subdistrict)."""
    proj = projects[["villages", "funded", *(c for c in ("ordinance", "planned_budget", "allocated_budget",
                                                          "committed", "disbursed") if c in projects)]].copy()
    proj["village_no"] = proj["villages"].map(lambda v: parse_villages(v) or [WHOLE_SUBDISTRICT])
    proj["weight"] = 1.0 / proj["village_no"].map(len).astype(float)
    proj = proj.explode("village_no")
    proj["village_no"] = proj["village_no"].astype(int)
    out = _budget_frame(proj, "village_no")
    return out[["village_no", "projects", "funded", *BUDGET, "ordinance", "disbursement_rate"]]


def disbursement_by_quarter(data: Inputs, fiscal_year: int, goal: int | None = None) -> pd.DataFrame:
    """Cumulative money of funded projects by quarter 1–4 of ``fiscal_year`` against an even pace.

    Columns: ``quarter, allocated, committed, disbursed, dev_disbursed, welfare_disbursed,
    disbursement_rate, pace_rate`` (q/4), ``even_pace`` (allocated × q/4), ``reported`` (progress rows
    for that quarter). Committed and disbursed are NaN after the last quarter with any progress row,
    so a chart does not draw a flat line into the future.
    """
    p, pr = data.of_year("projects", fiscal_year), data.of_year("progress", fiscal_year)
    if goal is not None:
        p = p[p["goal_no"] == goal]
        pr = pr[pr["project_code"].isin(p["project_code"])]
    last = int(pr["quarter"].max()) if len(pr) else 0
    money = _money_by_quarter(p, pr)
    allocated = p["allocated_budget"].astype(float)
    funded = allocated > 0
    welfare = p["is_welfare_transfer"].astype(int).astype(bool)
    total_allocated = float(allocated.sum())
    rows = []
    for q in range(1, 5):
        committed, disbursed = money[("committed", q)], money[("disbursed", q)]
        has = q <= last
        spent = float(disbursed[funded].sum())
        rows.append({"quarter": q, "allocated": total_allocated,
                     "committed": float(committed[funded].sum()) if has else math.nan,
                     "disbursed": spent if has else math.nan,
                     "dev_disbursed": float(disbursed[funded & ~welfare].sum()) if has else math.nan,
                     "welfare_disbursed": float(disbursed[funded & welfare].sum()) if has else math.nan,
                     "disbursement_rate": rate(spent, total_allocated) if has else math.nan,
                     "pace_rate": q / 4, "even_pace": total_allocated * q / 4,
                     "reported": int((pr["quarter"] == q).sum())})
    return pd.DataFrame(rows)


def _money_by_quarter(p: pd.DataFrame, pr: pd.DataFrame) -> dict[tuple[str, int], pd.Series]:
    """Each project's committed and disbursed money as of quarters 1–4 in one pass, as the project
    table has them (:func:`_rows`): the values of its latest progress row with quarter ≤ q, a missing
    value or no row at all 0. ``{(column, q): values}``, aligned with ``p``'s rows."""
    code = p["project_code"]
    cols = ["committed", "disbursed"]
    rows = pr[["project_code", "quarter", *cols]].sort_values(["project_code", "quarter"], kind="stable")
    rows = rows.drop_duplicates(["project_code", "quarter"], keep="last")     # as latest_rows: the last one sorted
    rows[cols] = rows[cols].astype(float).fillna(0.0)                          # the latest row decides, even empty
    out = {}
    for col in cols:
        wide = rows.pivot(index="project_code", columns="quarter", values=col)
        quarters = sorted(set(wide.columns) | {1, 2, 3, 4})
        wide = wide.reindex(columns=quarters).ffill(axis=1)                   # a quarter without a row: the one before
        for q in range(1, 5):
            out[(col, q)] = code.map(wide[q]).astype(float).fillna(0.0) if len(wide) else \
                pd.Series(0.0, index=p.index)
    return out


def projects_per_goal(data: Inputs, fiscal_year: int) -> pd.DataFrame:
    """Per goal for one fiscal year: ``goal_no``, ``projects`` (rows in the plan for the year),
    ``funded`` (of them, with an allocated budget) and ``allocated`` (sum of allocated budget). Every
    goal of the plan appears, with 0 when it has none."""
    p = data.of_year("projects", fiscal_year).assign(
        is_funded=lambda d: (d["allocated_budget"].astype(float) > 0).astype(int))
    agg = p.groupby("goal_no").agg(projects=("project_code", "count"), funded=("is_funded", "sum"),
                                   allocated=("allocated_budget", "sum"))
    out = data.goals[["goal_no"]].merge(agg, left_on="goal_no", right_index=True, how="left")
    out["projects"] = out["projects"].fillna(0).astype(int)
    out["funded"] = out["funded"].fillna(0).astype(int)
    out["allocated"] = out["allocated"].fillna(0.0).astype(float)
    return out.reset_index(drop=True)


def coordination_table(plan_projects: pd.DataFrame, amounts: pd.DataFrame) -> pd.DataFrame:
    """The plan book's ผ.02/2 projects (still in the plan) with their plan amount per year as
    ``amount_<year>`` columns: shown apart, never among the organization's own projects."""
    cols = ["code", "strategy_no", "tactic_code", "programme_code", "name_th", "department_raw"]
    pp = plan_projects[(plan_projects["coordination"] == 1) & (plan_projects["active"] == 1)][cols] \
        if len(plan_projects) else pd.DataFrame(columns=cols)
    a = amounts[(amounts["kind"] == "plan") & amounts["project_code"].isin(pp["code"])]
    wide = a.pivot(index="project_code", columns="fiscal_year", values="amount") if len(a) \
        else pd.DataFrame()
    for y in wide.columns:
        pp[f"amount_{int(y)}"] = pp["code"].map(wide[y]).astype(float)
    return pp.reset_index(drop=True)
