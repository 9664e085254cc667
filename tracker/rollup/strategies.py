"""Strategies (ยุทธศาสตร์): the figures of the official M&E report, per strategy and in total.

The report (รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น) is organised by strategy: a project's
strategy and programme (แผนงาน) are those :func:`tracker.rollup.projects.project_table` gives (the plan
book's, else the one strategy serving its goal; a project of no strategy counts in the total only).

Pure functions of a :func:`tracker.rollup.projects.project_table` frame (:func:`with_capital`). Every
denominator is named in the column's docstring; a rate of nothing is NaN (shown as a dash), never 0 %.
"""

from __future__ import annotations

import pandas as pd

from tracker import status as S
from tracker.rollup.projects import budget_sums, rate

#: project statuses of the quarterly form (แบบที่ 2), in the form's order: the five buckets of funded
#: projects of method v2 (a funded project that has never reported is "not reported", not "not
#: started"), which add up to the funded count; shares are of funded projects
FORM2_STATUSES = S.PROJECT_BUCKETS
#: words of ``budget_category`` that mark capital spending (งบลงทุน and its two categories)
CAPITAL_WORDS = ("ลงทุน", "ครุภัณฑ์", "ที่ดินและสิ่งก่อสร้าง", "capital", "investment")
#: ``strategy_no`` of the total row
TOTAL = 0


def is_capital(category) -> bool:
    """True when a project's budget category is capital (งบลงทุน: ค่าครุภัณฑ์, ค่าที่ดินและสิ่งก่อสร้าง)."""
    if not isinstance(category, str):
        return False
    text = category.casefold()
    return any(w in text for w in CAPITAL_WORDS)


def with_capital(projects: pd.DataFrame) -> pd.DataFrame:
    """A :func:`tracker.rollup.projects.project_table` (which places each project in its strategy and
    programme) with ``is_capital`` (:func:`is_capital` of its budget category)."""
    cats = projects["budget_category"] if "budget_category" in projects else pd.Series(None, index=projects.index)
    return projects.assign(is_capital=cats.map(is_capital).astype(bool))


def _row(part: pd.DataFrame) -> dict:
    funded = part[part["funded"]]
    row = {"in_plan": len(part), "funded": len(funded), "funding_rate": rate(len(funded), len(part))}
    for s in FORM2_STATUSES:
        n = int((funded["status"] == s).sum())
        row[s] = n
        row[f"{s}_share"] = rate(n, len(funded))
    row["added"] = int(part["added_by_revision"].sum())
    b = budget_sums(part)
    row.update(b)
    row["commitment_rate"] = rate(b["committed"], b["allocated"])
    row["disbursement_rate"] = rate(b["disbursed"], b["allocated"])
    cap = part[part["is_capital"]]
    row["capital_allocated"] = float(cap["allocated_budget"].sum())
    row["capital_disbursed"] = float(cap["disbursed"].sum())
    row["capital_disbursement_rate"] = rate(row["capital_disbursed"], row["capital_allocated"])
    return row


#: columns of the report's tables (strategy, funding source, project list) that a quarter not begun has no
#: figure for: they would only repeat an earlier quarter's data (as ``summary --json`` leaves them null,
#: :data:`tracker.rollup.goals.NOT_YET`); counts and money of the plan and the ordinance stay
NOT_BEGUN = frozenset({*FORM2_STATUSES, *(f"{s}_share" for s in FORM2_STATUSES), "committed", "disbursed",
                       "commitment_rate", "disbursement_rate", "capital_disbursed", "capital_disbursement_rate",
                       "status", "progress_note"})


def not_begun(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (a :func:`strategy_table`, :func:`funding_sources` or :func:`project_list`) as of a quarter
    that has not begun: the columns of :data:`NOT_BEGUN` undefined (NaN, shown as a dash)."""
    return frame.assign(**{c: pd.Series(float("nan"), index=frame.index, dtype=object if c in ("status", "progress_note")
                                        else float) for c in frame.columns if c in NOT_BEGUN})


def strategy_table(projects: pd.DataFrame, strategies: pd.DataFrame) -> pd.DataFrame:
    """One row per strategy of the plan (in order, with zeros when it has no project) and a total row
    (``strategy_no`` 0, computed over all projects, not by adding the rows) of a :func:`with_capital`
    project table.

    Columns: ``strategy_no``; ``in_plan`` (projects in the plan for the year), ``funded`` (allocated
    budget > 0), ``funding_rate`` = funded ÷ in_plan; per แบบที่ 2 status ``completed, in_progress,
    not_started, cancelled, not_reported`` (funded projects) and ``<status>_share`` = that count ÷ funded; ``added``
    (added by a plan revision); money ``planned, allocated, committed, disbursed`` (baht),
    ``commitment_rate`` and ``disbursement_rate`` (÷ allocated); ``capital_allocated,
    capital_disbursed, capital_disbursement_rate`` (งบลงทุน only)."""
    rows = [{"strategy_no": int(n), **_row(projects[projects["strategy_no"] == n])}
            for n in strategies.sort_values("number")["number"]]
    rows.append({"strategy_no": TOTAL, **_row(projects)})
    return pd.DataFrame(rows)


def funding_sources(projects: pd.DataFrame) -> pd.DataFrame:
    """Money by funding source (แหล่งเงิน) of a :func:`with_capital` project table, largest allocation
    first, then a total row (``source`` None = not stated, ``is_total`` True for the total).

    Columns: ``source, is_total, projects, funded, allocated, committed, disbursed, disbursement_rate``
    (disbursed ÷ allocated)."""
    src = projects["funding_source"].where(projects["funding_source"].notna() &
                                           (projects["funding_source"].astype(str).str.strip() != ""), None)
    rows = []
    for name in src.dropna().unique().tolist() + ([None] if src.isna().any() else []):
        part = projects[src.isna()] if name is None else projects[src == name]
        rows.append(_money_row(part, name, False))
    rows.sort(key=lambda r: -r["allocated"])
    rows.append(_money_row(projects, None, True))
    return pd.DataFrame(rows, columns=["source", "is_total", "projects", "funded", "allocated", "committed",
                                       "disbursed", "disbursement_rate"])


def _money_row(part: pd.DataFrame, name, total: bool) -> dict:
    b = budget_sums(part)
    return {"source": name, "is_total": total, "projects": len(part), "funded": int(part["funded"].sum()),
            "allocated": b["allocated"], "committed": b["committed"], "disbursed": b["disbursed"],
            "disbursement_rate": rate(b["disbursed"], b["allocated"])}


def project_list(projects: pd.DataFrame) -> pd.DataFrame:
    """A project table in the order of the report's full list: strategy, programme (unknown last),
    project code."""
    out = projects.assign(_p=projects["programme_code"].fillna("~"), _s=projects["strategy_no"].fillna(TOTAL))
    return out.sort_values(["_s", "_p", "project_code"]).drop(columns=["_p", "_s"]).reset_index(drop=True)


def plan_years(tables: dict[int, pd.DataFrame], strategies: pd.DataFrame) -> pd.DataFrame:
    """Projects in the plan and funded per strategy and plan year: ``strategy_no`` (0 = total),
    ``fiscal_year, in_plan, funded, funding_rate`` (funded ÷ in_plan of that strategy and year), from
    the :func:`tracker.rollup.projects.project_table` of each year (``tables``: year -> table)."""
    rows = []
    for fy, proj in sorted(tables.items()):
        for n in [*strategies.sort_values("number")["number"], TOTAL]:
            part = proj if n == TOTAL else proj[proj["strategy_no"] == n]
            funded = int(part["funded"].sum())
            rows.append({"strategy_no": int(n), "fiscal_year": int(fy), "in_plan": len(part), "funded": funded,
                         "funding_rate": rate(funded, len(part))})
    return pd.DataFrame(rows, columns=["strategy_no", "fiscal_year", "in_plan", "funded", "funding_rate"])
