"""Totals a book states, against the projects read: each sheet's total rows, and ผ.01 (per
strategy × แผนงาน × year, per strategy, grand total; counts and money). A disagreement is an error
naming the sheet, the row, the column and both numbers: a misread never goes in silently.

Counting rule of the forms: a project counts in a year when its amount that year is > 0; the
5-year count is the sum of the yearly counts (project-years).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from openpyxl.utils import get_column_letter

from tracker import fmt
from tracker.ingest.planbook.detail import DetailRead
from tracker.ingest.planbook.model import P01, P01Row, PlanProject
from tracker.ingest.planbook.text import as_number
from tracker.ingest.planbook.problems import Problem, problem, words
from tracker.ingest.planbook.text import squash

TOLERANCE = 0.005


def count_and_sum(projects: Iterable[PlanProject], years: list[int], *, ordinance: bool = False
                  ) -> tuple[dict[int, int], dict[int, float | int]]:
    """Per year: how many projects have an amount > 0, and the money."""
    counts = {y: 0 for y in years}
    money: dict[int, float | int] = {y: 0 for y in years}
    for p in projects:
        amounts = p.ordinance if ordinance else p.budgets
        for y in years:
            v = amounts.get(y)
            if v:
                money[y] += v
                if v > 0:
                    counts[y] += 1
    return counts, {y: as_number(v) for y, v in money.items()}


def _differs(said, counted) -> bool:
    return said is not None and abs(float(said) - float(counted)) > TOLERANCE


def _money_args(said, counted) -> dict:
    return {"said": fmt.number(said), "counted": fmt.number(counted), "diff": fmt.number(abs(said - counted))}


def check_sheet_totals(read: DetailRead, years: list[int]) -> list[Problem]:
    """Each total (one row or two) against the projects it covers. A total covers the projects
    since the previous total; a last total that covers the whole sheet (a grand total under
    subtotals) is accepted too."""
    out = []
    name = read.facts.name
    cols = read.columns
    for seg in read.segments:
        t = seg.total
        candidates = [seg.projects] + ([seg.all_before] if len(seg.all_before) != len(seg.projects) else [])
        best = None
        for projects in candidates:
            problems = _segment_problems(name, t, projects, years, cols)
            if best is None or len(problems) < len(best):
                best = problems
            if not problems:
                break
        out += best
    return out


def _segment_problems(name, t, projects, years, cols) -> list[Problem]:
    out = []
    counts, money = count_and_sum(projects, years)
    if t.says_projects is not None and t.says_projects != len(projects):
        out.append(problem("sheet_total_count", sheet=name, row=t.rows[0], value=t.says_projects,
                           said=t.says_projects, counted=len(projects), in_year=("", "")))
    count_row = t.rows[0]
    money_row = t.rows[-1]
    for y in years:
        col = get_column_letter(cols.budgets[y]) if y in cols.budgets else None
        said = t.says_counts.get(y)
        if said is not None and int(said) != counts[y]:
            out.append(problem("sheet_total_count", sheet=name, row=count_row, column=col, value=said,
                               said=int(said), counted=counts[y],
                               in_year=words("planbook.word.in_year", year=y)))
        said = t.says_budgets.get(y)
        if _differs(said, money[y]):
            out.append(problem("sheet_total_money", sheet=name, row=money_row, column=col, value=said, year=y,
                               **_money_args(said, money[y])))
    return out


def check_equipment_totals(eq, years: list[int]) -> list[Problem]:
    if eq is None or eq.total_row is None:
        return []
    out = []
    for y in years:
        counted = as_number(sum(i.budgets.get(y) or 0 for i in eq.items))
        said = eq.totals.get(y)
        if _differs(said, counted):
            out.append(problem("sheet_total_money", sheet=eq.sheet, row=eq.total_row, value=said, year=y,
                               **_money_args(said, counted)))
    return out


def _key(programme: str | None) -> str:
    return squash(programme or "")


def check_p01(p01: P01, projects: list[PlanProject], coordination: list[PlanProject], years: list[int]
              ) -> list[Problem]:
    """ผ.01 against the detail sheets: every strategy × แผนงาน row, every strategy total, the grand
    total (counts and money per year and over the 5 years), and the ผ.02/2 block against the
    coordination projects."""
    out: list[Problem] = []
    by_row: dict[tuple, list[PlanProject]] = defaultdict(list)
    by_strategy: dict[int, list[PlanProject]] = defaultdict(list)
    for p in projects:
        by_row[(p.strategy, _key(p.programme))].append(p)
        by_strategy[p.strategy].append(p)
    seen = set()
    for row in p01.rows:
        key = (row.strategy, _key(row.programme))
        seen.add(key)
        what = words("planbook.word.strategy", n=row.strategy)
        what = (f"{what[0]} {row.programme}", f"{what[1]} {row.programme}")
        out += _compare(p01, row, by_row.get(key, []), years, what)
    for (s, prog), ps in by_row.items():
        if (s, prog) not in seen and p01.rows:
            what = words("planbook.word.strategy", n=s)
            name = ps[0].programme
            out.append(problem("p01_row_missing", sheet=p01.sheet, value=name,
                               what=(f"{what[0]} {name}", f"{what[1]} {name}")))
    for row in p01.strategy_totals:
        out += _compare(p01, row, by_strategy.get(row.strategy, []), years,
                        words("planbook.word.strategy", n=row.strategy))
    if p01.grand_total:
        out += _compare(p01, p01.grand_total, projects, years, words("planbook.word.grand_total"))
    by_coord: dict[int, list[PlanProject]] = defaultdict(list)
    for p in coordination:
        by_coord[p.strategy].append(p)
    for row in p01.extra_rows:
        ps = by_coord.get(row.strategy, []) if row.strategy is not None else coordination
        what = words("planbook.word.strategy", n=row.strategy) if row.strategy else words("planbook.word.grand_total")
        out += _compare(p01, row, ps, years, (f"ผ.02/2 {what[0]}", f"ผ.02/2 {what[1]}"))
    return out


def _compare(p01: P01, row: P01Row, projects: list[PlanProject], years: list[int], what) -> list[Problem]:
    out = []
    sheet, col = p01.sheet, p01.columns.get
    counts, money = count_and_sum(projects, years)
    for y in years:
        said = row.counts.get(y)
        if said is not None and int(said) != counts[y]:
            out.append(problem("p01_count", sheet=sheet, row=row.row, column=col(f"count_{y}"), value=said,
                               what=what, year=y, said=int(said), counted=counts[y]))
        said = row.budgets.get(y)
        if _differs(said, money[y]):
            out.append(problem("p01_money", sheet=sheet, row=row.row, column=col(f"budget_{y}"), value=said,
                               what=what, year=y, **_money_args(said, money[y])))
    five = words("planbook.word.five_years")
    if row.count_5y is not None and int(row.count_5y) != sum(counts.values()):
        out.append(problem("p01_count", sheet=sheet, row=row.row, column=col("count_5y"), value=row.count_5y,
                           what=what, year=five, said=int(row.count_5y), counted=sum(counts.values())))
    total = as_number(sum(money.values()))
    if _differs(row.budget_5y, total):
        out.append(problem("p01_money", sheet=sheet, row=row.row, column=col("budget_5y"), value=row.budget_5y,
                           what=what, year=five, **_money_args(row.budget_5y, total)))
    return out
