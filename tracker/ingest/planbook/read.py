"""Read a plan workbook as the office keeps it: one pure function, nothing written.

    book = read_plan_workbook(data, filename="plan.xlsx", plan_context=PlanContext.from_plan(plan))
    if book.has_errors: show book.problems (every one, with sheet, row, column, Thai message)
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from tracker.ingest.planbook import book as wb
from tracker.ingest.planbook.departments import DepartmentMatcher, Division
from tracker.ingest.planbook.detail import DetailRead, check_years, read_detail_sheet
from tracker.ingest.planbook.layout import EMPTY, EQUIPMENT, LINKAGE, P01, P02, P02_2, UNKNOWN, sheet_kind
from tracker.ingest.planbook.model import (Annotation, PlanBookRead, SheetFacts, Strategy, Tactic,
                                           TextNote, amounts_dict)
from tracker.ingest.planbook.problems import Problem, problem, words
from tracker.ingest.planbook.reconcile import check_equipment_totals, check_p01, check_sheet_totals, count_and_sum
from tracker.ingest.planbook.summary import read_equipment, read_linkage, read_p01
from tracker.ingest.planbook.text import find_revision, one_line, squash

#: The divisions of a typical SAO (DOMAIN §3.6), used when no plan is given.
DEFAULT_DIVISIONS = (Division("PAL", "สำนักปลัด"), Division("FIN", "กองคลัง"), Division("ENG", "กองช่าง"),
                     Division("EDU", "กองการศึกษา ศาสนาและวัฒนธรรม"), Division("WEL", "กองสวัสดิการสังคม"),
                     Division("HEA", "กองสาธารณสุขและสิ่งแวดล้อม"))


@dataclass(frozen=True)
class PlanContext:
    """What the product already knows of the plan: the book is checked against it.

    ``goal_of_strategy``: strategy number -> goal it serves (missing: strategy n serves goal n,
    as in Khilek's plan). ``goal_texts``: goal number -> its text.
    """

    organization: str | None = None
    first_year: int | None = None
    last_year: int | None = None
    divisions: tuple[Division, ...] = DEFAULT_DIVISIONS
    goal_of_strategy: Mapping[int, int] = field(default_factory=dict)
    goal_texts: Mapping[int, str] = field(default_factory=dict)

    def goal_of(self, strategy: int | None) -> int | None:
        return None if strategy is None else self.goal_of_strategy.get(strategy, strategy)

    @classmethod
    def from_mapping(cls, raw: Mapping) -> PlanContext:
        """From the plan file's data (plan/khilek.yaml as loaded by a YAML parser)."""
        period = raw.get("plan_period") or {}
        return cls(organization=(raw.get("organization") or {}).get("name_th"),
                   first_year=period.get("first_fy"), last_year=period.get("last_fy"),
                   divisions=tuple(Division(d["code"], d["th"]) for d in raw.get("departments") or ()) or DEFAULT_DIVISIONS,
                   goal_of_strategy={int(s["number"]): int(s["goal"]) for s in raw.get("strategies") or ()
                                     if "goal" in s},
                   goal_texts={int(g["number"]): g["th"] for g in raw.get("goals") or ()})

    @classmethod
    def from_plan(cls, plan) -> PlanContext:
        """From a loaded plan object (``tracker.plan.Plan``: organization, first_fy, last_fy,
        departments, goals)."""
        return cls(organization=plan.organization.get("name_th"), first_year=plan.first_fy, last_year=plan.last_fy,
                   divisions=tuple(Division(d.code, d.name.th) for d in plan.departments.values()) or DEFAULT_DIVISIONS,
                   goal_of_strategy=dict(getattr(plan, "goal_of_strategy", None) or {}),
                   goal_texts={n: g.text.th for n, g in plan.goals.items()})


_FILE_PROBLEM = {"xls": "old_xls", "pdf": "pdf_file", "html": "html_file", "zip": "not_xlsx", "other": "not_xlsx"}
_COPY = re.compile(r"^(.*?)\s*(?:\(\d+\)|copy(?:\s*\d+)?|สำเนา\S*)\s*$", re.IGNORECASE)
_SHORT = (("องค์การบริหารส่วนตำบล", "อบต."), ("องค์การบริหารส่วนจังหวัด", "อบจ."), ("เทศบาลตำบล", "ทต."),
          ("เทศบาลเมือง", "ทม."), ("เทศบาลนคร", "ทน."))


def read_plan_workbook(data: bytes, *, filename: str, plan_context: PlanContext | None = None,
                       aliases: Mapping[str, str] | None = None) -> PlanBookRead:
    """Everything a plan workbook says, and every problem in it, checked before anything is written.

    ``aliases``: department names as the office writes them -> division code (laid over the seed
    list). A book that can't be opened comes back with only a file problem; a book of another
    organization or period is read in full and flagged.
    """
    ctx = plan_context or PlanContext()
    out = PlanBookRead(filename=filename, sha256=hashlib.sha256(data).hexdigest())
    kind = wb.sniff(data)
    if kind != "xlsx":
        out.problems.append(problem(_FILE_PROBLEM[kind], filename=filename))
        return out
    try:
        grids = wb.load_grids(data)
    except Exception as exc:  # noqa: BLE001 - any failure to parse the package is the user's file
        out.problems.append(problem("unreadable_workbook", filename=filename, detail=type(exc).__name__))
        return out
    try:
        boxes = wb.read_textboxes(data)
    except Exception:  # noqa: BLE001 - a damaged drawing loses its notes, never the import
        boxes = []
    matcher = DepartmentMatcher(ctx.divisions, aliases)
    _Book(out, grids, boxes, matcher, ctx).run()
    return out


class _Book:
    def __init__(self, out: PlanBookRead, grids, boxes, matcher: DepartmentMatcher, ctx: PlanContext):
        self.out, self.grids, self.boxes, self.matcher, self.ctx = out, grids, boxes, matcher, ctx
        self.details: list[DetailRead] = []
        self.linkage: dict[int, dict] = {}

    def run(self):
        out = self.out
        later = []
        for grid in self.grids:
            kind = sheet_kind(grid)
            if kind in (P02, P02_2):
                d = read_detail_sheet(grid, kind, self.matcher, self.ctx.goal_of)
                self.details.append(d)
                out.sheets.append(d.facts)
            elif kind == LINKAGE:
                facts, self.linkage = read_linkage(grid)
                out.sheets.append(facts)
            elif kind in (P01, EQUIPMENT):
                later.append((len(out.sheets), kind, grid))
                out.sheets.append(SheetFacts(grid.name, kind))
            elif kind == EMPTY:
                out.sheets.append(SheetFacts(grid.name, EMPTY, ignored=True, ignored_reason="empty"))
            else:
                out.sheets.append(SheetFacts(grid.name, UNKNOWN, ignored=True, ignored_reason="form not recognised"))
                out.problems.append(problem("unknown_sheet", sheet=grid.name))
        if not any(d.facts.kind == P02 for d in self.details):
            out.problems.append(problem("no_project_sheets", filename=out.filename))
        self._meta()
        self._copies()
        years = out.plan.years
        for d in self.details:
            if d.facts.copy_of:
                continue
            out.problems += d.problems
            if d.facts.period is None and d.columns and d.columns.budgets and out.plan.first_year:
                out.problems += check_years(list(d.columns.budgets), _Period(out.plan.first_year, out.plan.last_year), sheet=d.facts.name,
                                            row=d.facts.header_rows[0] + 1, group=d.columns.budget_label)
            elif d.facts.period and out.plan.first_year and d.facts.period != (out.plan.first_year, out.plan.last_year):
                out.problems.append(problem("period_differs_between_sheets", sheet=d.facts.name,
                                            found="–".join(map(str, d.facts.period)),
                                            expected=f"{out.plan.first_year}–{out.plan.last_year}"))
            (out.coordination_projects if d.facts.kind == P02_2 else out.projects).extend(d.projects)
            if years and d.columns and set(years) <= set(d.columns.budgets):
                counts, money = count_and_sum(d.projects, years)
                d.facts.totals = {"projects": len(d.projects), "counts": amounts_dict(counts),
                                  "budgets": amounts_dict(money)}
                out.problems += check_sheet_totals(d, years)
        for index, kind, grid in later:
            period = _Period(out.plan.first_year, out.plan.last_year) if out.plan.first_year else None
            if kind == P01:
                out.p01, facts, problems = read_p01(grid, period)
            else:
                out.equipment, facts, problems = read_equipment(grid, self.matcher, period)
                if years:
                    problems += check_equipment_totals(out.equipment, years)
            out.sheets[index] = facts
            out.problems += problems
        if out.projects and years:
            if out.p01 is None:
                out.problems.append(problem("p01_missing"))
            else:
                out.problems += check_p01(out.p01, out.projects, out.coordination_projects, years)
        self._strategies()
        self._context()
        self._textboxes()
        self._departments()

    def _meta(self):
        plan = self.out.plan
        mains = [d for d in self.details if d.preamble.period] or self.details
        # the book's period is the one most sheets print (one mistyped title does not move it)
        votes = Counter((d.preamble.period.first, d.preamble.period.last) for d in mains if d.preamble.period)
        if votes:
            period = votes.most_common(1)[0][0]
            mains = [d for d in mains if (d.preamble.period.first, d.preamble.period.last) == period]
        first = next((d for d in mains if d.facts.kind == P02), mains[0] if mains else None)
        if first is None:
            return
        pre = first.preamble
        if pre.period:
            plan.title, plan.first_year, plan.last_year = pre.period.text, pre.period.first, pre.period.last
            plan.base_revision = pre.period.revision.label
        for d in self.details:
            for label in d.revisions:
                if label not in plan.revisions_in_book:
                    plan.revisions_in_book.append(label)
        org = dict(pre.organization)
        for long, short in _SHORT:
            if org.get("name", "").startswith(long):
                org["short"] = short + org["name"][len(long):]
        plan.organization = org
        levels = [lv for d in self.details for lv in d.levels]
        plan.level1_label = next((s.label for s, _ in levels if s), None)
        plan.level2_label = next((t.label for _, t in levels if t), None)

    def _copies(self):
        """A copy of a sheet covering the same strategy, tactic and แผนงาน as another is not imported
        twice: one named as Excel and LibreOffice name copies (``… (2)``, ``… Copy``, ``สำเนา``), or
        one listing exactly the same projects."""
        def key(d):
            f = d.facts
            return (f.kind, f.strategy, f.tactic, squash(f.programme)) if f.strategy else None

        def content(d):
            return [(squash(p.name), tuple(sorted(p.budgets.items()))) for p in d.projects]

        originals: dict[tuple, DetailRead] = {}
        for d in self.details:
            if key(d) and not _COPY.match(d.facts.name):
                originals.setdefault(key(d), d)
        for d in self.details:
            orig = originals.get(key(d)) if key(d) else None
            if orig is None or orig is d:
                continue
            if _COPY.match(d.facts.name) or content(d) == content(orig):
                d.facts.copy_of = orig.facts.name
                d.facts.ignored, d.facts.ignored_reason = True, f"copy of '{orig.facts.name}'"
                self.out.problems.append(problem("duplicate_sheet_copy", sheet=d.facts.name,
                                                 original=orig.facts.name))

    def _strategies(self):
        found: dict[int, Strategy] = {}
        for d in self.details:
            if d.facts.copy_of:
                continue
            for s, t in d.levels:
                st = found.setdefault(s.number, Strategy(s.number, s.name, self.ctx.goal_of(s.number)))
                if t and all(x.code != t.code for x in st.tactics):
                    st.tactics.append(Tactic(t.code, t.name))
        for n, st in found.items():
            link = self.linkage.get(n, {})
            st.goal_text = link.get("goal_text") or self.ctx.goal_texts.get(st.goal)
            for code, name in link.get("tactics", ()):
                if all(x.code != code for x in st.tactics):
                    st.tactics.append(Tactic(code, name))
            st.tactics.sort(key=lambda t: tuple(int(x) for x in re.findall(r"\d+", t.code)))
        self.out.strategies = [found[n] for n in sorted(found)]
        if self.ctx.goal_texts:
            for st in self.out.strategies:
                if st.goal not in self.ctx.goal_texts:
                    self.out.problems.append(problem("strategy_not_in_plan", strategy=st.number))

    def _context(self):
        out, ctx = self.out, self.ctx
        plan = out.plan
        name = plan.organization.get("name")
        if ctx.organization and name and _core(name) != _core(ctx.organization):
            out.problems.append(problem("other_organization", value=name, found=name, expected=ctx.organization))
        if ctx.first_year and plan.first_year and (plan.first_year, plan.last_year) != (ctx.first_year, ctx.last_year):
            out.problems.append(problem("other_plan_period", value=plan.title,
                                        found=f"{plan.first_year}–{plan.last_year}",
                                        expected=f"{ctx.first_year}–{ctx.last_year}"))

    def _textboxes(self):
        projects = [*self.out.projects, *self.out.coordination_projects]
        for box in self.boxes:
            note = TextNote(box.sheet, box.anchor_row, box.anchor_col, box.text, textbox_kind(box.text))
            if note.kind != "form_index":
                owner = next((p for p in projects if p.sheet == box.sheet and p.row <= box.anchor_row <= p.last_row),
                             None)
                if owner:
                    note.attached_to_row = owner.row
                    owner.annotations.append(Annotation(box.text, note.kind))
                attached = words("planbook.word.attached", row=owner.row) if owner else ("", "")
                self.out.problems.append(problem("textbox_note", sheet=box.sheet, row=box.anchor_row,
                                                 column=box.anchor_col, value=one_line(box.text), attached=attached))
            self.out.textboxes.append(note)
        eq = self.out.equipment
        if eq:
            code = next((squash(b.text).removeprefix("แบบ") for b in self.boxes
                         if b.sheet == eq.sheet and textbox_kind(b.text) == "form_index"), "ผ.03")
            legacy = re.search(r"ผ\.?\s*(\d+)", eq.sheet)
            eq.form = code if not legacy or f"ผ.{legacy.group(1)}" == code else \
                f"{code} (legacy sheet name ผ.{legacy.group(1)})"

    def _departments(self):
        """Each unknown department name is reported once (where it first occurs)."""
        seen = set()
        for p in [*self.out.projects, *self.out.coordination_projects]:
            for name in p.department.unmapped:
                if name in seen:
                    continue
                seen.add(name)
                code = "department_outside_agency" if p.coordination and self.matcher.is_outside_agency(name) \
                    else "department_unmapped"
                self.out.problems.append(problem(code, sheet=p.sheet, row=p.row, value=name,
                                                 column=self._dept_column(p.sheet)))

    def _dept_column(self, sheet: str) -> str | None:
        return next((f.columns.get("department") for f in self.out.sheets if f.name == sheet), None)


class _Period(NamedTuple):
    first: int
    last: int


def _core(name: str) -> str:
    """The distinctive part of an organization's name: ``องค์การบริหารส่วนตำบลขี้เหล็ก`` and
    ``อบต.ขี้เหล็ก`` are both ``ขี้เหล็ก`` (of the same type)."""
    s = squash(name)
    for long, short in _SHORT:
        if s.startswith(long):
            return short + s[len(long):]
    return s


def textbox_kind(text: str) -> str:
    """form_index ("แบบ ผ.02"), amendment ("แก้ไข ครั้งที่ 2/2568"), transfer ("ย้ายไป…"),
    duplicate ("ซ้ำลำดับที่ 4"), cofunding (สมทบ / อุดหนุน) or note."""
    s = squash(text)
    if re.match(r"^แบบผ\.?\d", s):
        return "form_index"
    if find_revision(text):
        return "amendment"
    if "ย้าย" in s or "โอน" in s:
        return "transfer"
    if "ซ้ำ" in s:
        return "duplicate"
    if "สมทบ" in s or "อุดหนุน" in s or "ร่วมกับ" in s:
        return "cofunding"
    return "note"


__all__ = ["read_plan_workbook", "PlanContext", "DEFAULT_DIVISIONS", "textbox_kind", "Problem"]
