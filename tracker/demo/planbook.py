"""The demo plan book (แผนพัฒนาท้องถิ่น แบบ ผ.01 / ผ.02): the demo projects written as the office keeps
its plan, so the demo loads through the plan-book import as an office's plan does.

One book for the plan period (2566–2570), written by the project's own writer
(:func:`tracker.ingest.planbook.write.write_plan_workbook`, the same layout rules the reader handles):
a sheet per strategy.tactic × แผนงาน, the projects of the first edition first, then those each year's
plan revision added (เพิ่มเติม 1/<year>) under their marker. A project planned in several years is one
project with an amount in each of them.

The quarterly files name projects by the code the import gives each one (``P1.1-1-001``: tactic 1.1,
the sheet's first แผนงาน, the first project), worked out here the way the import does
(:func:`tracker.ingest.planbook.identity.assign_codes` on the book as read).
"""

from __future__ import annotations

from tracker.ingest.planbook import read_plan_workbook
from tracker.ingest.planbook.bookspec import BookSpec, ProjectSpec, StrategySpec, WriteOptions
from tracker.ingest.planbook.identity import assign_codes
from tracker.ingest.planbook.text import FIRST_EDITION
from tracker.ingest.planbook.write import write_plan_workbook
from tracker.plan import Plan

BOOK_FILE = "plan-book.xlsx"
#: the council's approval of each revision the demo book names (ISO dates; asked for on import otherwise)
FIRST_APPROVED = "2021-06-30"


def addition_label(fy: int) -> str:
    """The revision that added a project during fiscal year ``fy``: ``"เพิ่มเติม 1/2568"``."""
    return f"เพิ่มเติม 1/{fy}"


def approvals(years) -> dict[str, str]:
    """Revision label -> approval date: the first edition, and each year's addition (approved in January)."""
    return {FIRST_EDITION: FIRST_APPROVED, **{addition_label(fy): f"{fy - 543}-01-15" for fy in years}}


def _objective(row: dict) -> str:
    if row["_kind"] == "welfare":
        return "เพื่อจ่ายเบี้ยยังชีพแก่ผู้มีสิทธิ์ครบทุกเดือน"
    return f"เพื่อดำเนินการ{row['name_th']}"


def _target(row: dict) -> str:
    if row["_kind"] == "welfare":
        return "ผู้มีสิทธิ์ทุกคนในตำบล"
    villages = [v for v in row["village"].split(";") if v]
    return f"หมู่ที่ {', '.join(villages)}" if villages else "ทั้ง 12 หมู่บ้าน"


def book_spec(projects: list[dict], plan: Plan) -> tuple[BookSpec, dict[tuple[int, str], int]]:
    """The plan book of the generator's project rows (all years, with their private ``_tactic``,
    ``_programme`` and ``_kind``), and where each row went: ``(fiscal_year, project_code)`` -> index
    in ``BookSpec.projects``.

    Rows of different years with the same strategy, tactic, แผนงาน, name and revision are one project
    of the book (its amount per year); the order is the book's: by tactic and แผนงาน, first-edition projects before
    additions, in the order the generator drew them.
    """
    index: dict[tuple, int] = {}
    specs: list[ProjectSpec] = []
    where: dict[tuple[int, str], int] = {}
    seen: list[tuple[int, tuple]] = []
    for row in projects:
        goal = int(row["goal"])
        strategy = next(s.number for s in plan.strategies.values() if s.goal == goal)
        revision = addition_label(row["fiscal_year"]) if row["added_by_revision"] == "yes" else None
        programme = plan.programmes[row["_programme"]].name.th
        key = (strategy, row["_tactic"], programme, row["name_th"], revision)
        # the same works drawn twice in one year are two projects of the book
        key += (sum(1 for fy, k in seen if fy == row["fiscal_year"] and k == key),)
        seen.append((row["fiscal_year"], key[:-1]))
        if key not in index:
            index[key] = len(specs)
            kpi = "\n".join(plan.indicators[c].name.th for c in row["indicator_codes"].split(";") if c)
            specs.append(ProjectSpec(strategy, row["_tactic"], programme, row["name_th"], _objective(row),
                                     _target(row), kpi, plan.goals[goal].text.th, row["department"],
                                     budgets={fy: 0 for fy in plan.fiscal_years}, revision=revision))
        i = index[key]
        specs[i].budgets[row["fiscal_year"]] = row["planned_budget"]
        where[(row["fiscal_year"], row["project_code"])] = i
    order = sorted(range(len(specs)), key=lambda i: (specs[i].strategy, specs[i].tactic,
                                                      specs[i].programme, specs[i].revision is not None))
    moved = {old: new for new, old in enumerate(order)}
    strategies = [StrategySpec(s.number, s.name.th, tactics={c: t.name.th for c, t in s.tactics.items()})
                  for s in plan.strategies.values()]
    org = plan.organization
    spec = BookSpec(strategies, [specs[i] for i in order], organization=org["name_th"],
                    district=org.get("district_th", ""), province=org.get("province_th", ""),
                    first_year=plan.first_fy, last_year=plan.last_fy, revision=None)
    return spec, {k: moved[i] for k, i in where.items()}


def write_book(spec: BookSpec) -> tuple[bytes, dict[int, str]]:
    """The book's bytes, and the code the plan import gives each project (index in ``spec.projects``).

    The codes are worked out from the book as the reader reads it, numbered as the import numbers
    the projects of a book into an empty store; the demo loader checks the store agrees.
    """
    written = write_plan_workbook(spec, WriteOptions(columns=12, form_textboxes=True))
    read = read_plan_workbook(written.data, filename=BOOK_FILE)
    codes = assign_codes(read.projects)
    return written.data, {i: codes[(sheet, row)] for i, (sheet, row, _last) in written.where.items()}


__all__ = ["BOOK_FILE", "book_spec", "write_book", "approvals", "addition_label", "FIRST_APPROVED"]
