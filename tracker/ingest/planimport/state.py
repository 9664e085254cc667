"""What importing a plan book would write: the book read, checked against the plan file and the store,
matched to the projects already known, turned into rows.

:func:`compute` reads the store and returns an :class:`ImportPlan`: the problems the store adds to
the reader's, the matches (matched / changed / new / no longer present), the stable code of every
project, the revision records to create and every row to write (:class:`tracker.store.planbook.RowChange`).
The preview shows it; the commit computes it again inside its transaction and writes it.

How the store keeps the plan (README "The plan workbook"):

- ``plan_projects``: every project the book lists, main (ผ.02) and coordination (ผ.02/2) apart;
  ``plan_amounts``: its amount per plan year (``plan``) and the book's ordinance column (``ordinance``);
- ``projects`` (what progress uploads and every figure use): one row per main project and fiscal year
  whose plan amount is > 0, under the stable code; the plan book sets the name, goal (the goal its
  strategy serves), department, planned budget and "added by revision"; the ``projects`` upload sets the
  rest (allocated budget, villages, categories, indicators);
- a year or a project that leaves the plan loses its ``projects`` row unless progress was reported for
  it (then the row stays, with a warning).
"""

from __future__ import annotations

import json
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from tracker.ingest.planbook import DepartmentMatcher, Division, PlanBookRead, PlanProject
from tracker.ingest.planbook.identity import PlanDiff, assign_codes, match_projects
from tracker.ingest.planbook.model import Annotation, Department
from tracker.ingest.planbook.problems import Problem, problem
from tracker.ingest.planbook.text import squash
from tracker.ingest.planimport.revisions import RevisionInfo, info_of, parse_date
from tracker.plan import Plan
from tracker.status import missing
from tracker.store import planbook as store_plan
from tracker.store.planbook import RowChange

WELFARE_PROGRAMME = "00410"     # แผนงานงบกลาง: its เบี้ยยังชีพ projects are welfare transfers
#: plan_projects columns compared to tell whether a row must be written (batch and revisions set apart)
_COMPARED = [c for c in store_plan.PROJECT_COLUMNS if c not in ("batch_id",)]


@dataclass
class Choices:
    """What the analyst says on top of the book.

    ``links``: incoming (sheet, row) -> a known code to link it to, or None to make it new;
    ``departments``: a department name as written -> division code (remembered as an alias);
    ``revision``: the revision this import records when the book names none (or its approval date);
    ``approvals``: revision label -> ISO approval date, for the revisions the book names (``"*"``: for
    every new revision without one).
    """

    links: dict[tuple[str, int], str | None] = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)
    revision: RevisionInfo | None = None
    approvals: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self.approvals = {label: parse_date(day) for label, day in self.approvals.items() if day}

    def key(self) -> tuple:
        return (tuple(sorted(self.links.items(), key=str)), tuple(sorted(self.departments.items())),
                self.revision, tuple(sorted(self.approvals.items())))


@dataclass
class ImportPlan:
    changes: list[RowChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    main: PlanDiff = field(default_factory=PlanDiff)
    coordination: PlanDiff = field(default_factory=PlanDiff)
    codes: dict[tuple[str, int], str] = field(default_factory=dict)      #: every incoming project's code
    new_codes: list[str] = field(default_factory=list)
    new_revisions: list[RevisionInfo] = field(default_factory=list)
    import_revision: str | None = None
    unknown_departments: list[str] = field(default_factory=list)
    kept_rows: list[tuple[str, int]] = field(default_factory=list)
    equipment: dict[str, int] = field(default_factory=lambda: {"new": 0, "changed": 0, "gone": 0, "unchanged": 0})
    year_rows: dict[str, int] = field(default_factory=lambda: {"new": 0, "changed": 0, "removed": 0})
    known_projects: int = 0

    @property
    def nothing_to_do(self) -> bool:
        return not self.changes


# --- the store's projects as the reader's objects ---------------------------------------------------

def _amounts_by_code(am: pd.DataFrame) -> dict[str, dict[str, dict[int, float | None]]]:
    out: dict[str, dict[str, dict[int, float | None]]] = {}
    for r in am.itertuples(index=False):
        amount = None if missing(r.amount) else _num(r.amount)
        out.setdefault(r.project_code, {}).setdefault(r.kind, {})[int(r.fiscal_year)] = amount
    return out


def _num(x) -> float | int:
    x = round(float(x), 2)
    return int(x) if x.is_integer() else x


def _text(v) -> str:
    return "" if missing(v) else str(v)


def known_projects(pp: pd.DataFrame, am: pd.DataFrame, plan: Plan) -> list[PlanProject]:
    """The projects in the store as :class:`PlanProject` (with ``code``), programmes by their plan name."""
    amounts = _amounts_by_code(am)
    out = []
    for r in pp.to_dict("records"):
        prog = plan.programmes.get(r["programme_code"])
        a = amounts.get(r["code"], {})
        out.append(PlanProject(
            sheet=_text(r["sheet"]), row=int(r["row"] or 0), last_row=int(r["last_row"] or 0),
            strategy=int(r["strategy_no"]), goal=None, tactic=_text(r["tactic_code"]) or None,
            programme=prog.name.th if prog else r["programme_code"], programme_no=r["programme_no"],
            seq=r["seq"], revision=_text(r["book_revision"]), name=r["name_th"], objective=_text(r["objective"]),
            target=_text(r["target"]), kpi=_text(r["kpi"]), expected_result=_text(r["expected_result"]),
            department=Department(_text(r["department_raw"]), None if missing(r["department"]) else r["department"]),
            budgets=a.get("plan", {}), ordinance=a.get("ordinance", {}), remark=_text(r["remark"]),
            rationale=_text(r["rationale"]), coordination=bool(r["coordination"]), code=r["code"]))
    return out


# --- the computation ---------------------------------------------------------------------------------

def compute(db, book: PlanBookRead, plan: Plan, choices: Choices | None = None) -> ImportPlan:
    """Everything importing ``book`` would do to the store, and every problem (reads only)."""
    return _Compute(db, book, plan, choices or Choices()).run()


class _Compute:
    def __init__(self, db, book: PlanBookRead, plan: Plan, choices: Choices):
        self.db, self.book, self.plan, self.choices = db, book, plan, choices
        self.out = ImportPlan()
        self.asked: set[str] = set()     #: department names the reader did not know (asked of the analyst)

    # the book's projects, with the analyst's department answers and the plan's programme names
    def _incoming(self, projects: list[PlanProject], aliases: Mapping[str, str]) -> list[PlanProject]:
        matcher = DepartmentMatcher([Division(d.code, d.name.th) for d in self.plan.departments.values()], aliases)
        out = []
        for p in projects:
            dept = p.department
            if dept.code is None and dept.raw:
                if not p.coordination:
                    self.asked.add((dept.unmapped or [dept.raw])[0])
                again = matcher.normalise(dept.raw)
                dept = again if again.code else dept
            code = self.plan.programme_by_name(p.programme or "")
            programme = self.plan.programmes[code].name.th if code else p.programme
            out.append(replace(p, department=dept, programme=programme, annotations=list(p.annotations)))
        return out

    def run(self) -> ImportPlan:
        out, book, plan = self.out, self.book, self.plan
        stored_aliases = store_plan.department_aliases(self.db)
        aliases = {**dict(zip(stored_aliases["written"], stored_aliases["department"])), **self.choices.departments}
        main = self._incoming(book.projects, aliases)
        coordination = self._incoming(book.coordination_projects, aliases)
        self._check(main, coordination)
        pp, am = store_plan.projects(self.db), store_plan.amounts(self.db)
        known = known_projects(pp, am, plan)
        out.known_projects = int(pp["active"].sum()) if len(pp) else 0
        known_main = [k for k in known if not k.coordination]
        known_coord = [k for k in known if k.coordination]
        codes = {k.code for k in known}
        for key, code in self.choices.links.items():
            if code is not None and code not in codes:
                out.problems.append(problem("import_link_unknown", sheet=key[0], row=key[1], value=code))
        out.main = match_projects(known_main, main, links=self.choices.links)
        out.coordination = match_projects(known_coord, coordination, links=self.choices.links)
        # a project no longer in the book was already gone: not "no longer present" again
        inactive = set(pp.loc[pp["active"] == 0, "code"]) if len(pp) else set()
        for d in (out.main, out.coordination):
            d.gone = [k for k in d.gone if k.code not in inactive]
        self._codes(known)
        if any(p.severity == "error" for p in [*book.problems, *out.problems]):
            return out
        revisions = self._revisions()
        if revisions is None:
            return out
        rows = _Rows(self, pp, am, revisions, inactive)
        out.changes = rows.build(main, coordination)
        return out

    def _check(self, main: list[PlanProject], coordination: list[PlanProject]) -> None:
        """Every project must have a strategy, tactic and programme the plan file knows; a main
        project's department must be known (the analyst is asked once per name)."""
        plan, out = self.plan, self.out
        seen: set[tuple] = set()

        def once(code: str, p: PlanProject, value, **values):
            if (code, value) not in seen:
                seen.add((code, value))
                out.problems.append(problem(code, sheet=p.sheet, row=p.row, value=value, **values))

        for p in [*main, *coordination]:
            if p.strategy not in plan.strategies:
                once("import_strategy_unknown", p, p.strategy)
            elif p.tactic and p.tactic not in plan.strategies[p.strategy].tactics:
                once("import_tactic_unknown", p, p.tactic)
            if not plan.programme_by_name(p.programme or ""):
                once("import_programme_unknown", p, p.programme or "")
        for p in main:
            if p.department.code is None:
                name = (p.department.unmapped or [p.department.raw or "—"])[0]
                if name not in out.unknown_departments:
                    out.unknown_departments.append(name)
                once("import_department_unknown", p, name)

    def _codes(self, known: list[PlanProject]) -> None:
        out = self.out
        taken = set(store_plan.codes_issued(self.db)) | {k.code for k in known}
        for d, prefix in ((out.main, "P"), (out.coordination, "C")):
            for m in d.matches:
                out.codes[m.incoming.key] = m.code
            as_p = {"P" + c[1:] for c in taken if c.startswith(prefix)}
            fresh = assign_codes(d.new, as_p)
            for key, code in fresh.items():
                out.codes[key] = prefix + code[1:]
                out.new_codes.append(prefix + code[1:])

    def _revisions(self) -> dict[str, int] | None:
        """label -> id of every revision a row may name (known ones and those this import records);
        None when the import changes the plan but no revision says under which (then a problem)."""
        out, book, ch = self.out, self.book, self.choices
        stored = store_plan.revisions(self.db)
        ids = dict(zip(stored["label"], stored["id"].astype(int)))
        labels = [lb for lb in [book.plan.base_revision, *book.plan.revisions_in_book] if lb]
        new = [info_of(lb) for lb in dict.fromkeys(labels) if lb not in ids]
        if ch.revision and ch.revision.label not in ids and all(r.label != ch.revision.label for r in new):
            new.append(ch.revision)
        new = [replace(r, approved_on=ch.approvals.get(r.label) or
                       (ch.revision.approved_on if ch.revision and ch.revision.label == r.label else None)
                       or ch.approvals.get("*")) for r in new]
        out.new_revisions = new
        if ch.revision:
            out.import_revision = ch.revision.label
        elif new:
            out.import_revision = max(new, key=lambda r: r.order).label
        next_id = store_plan.next_id(self.db, "plan_revisions")
        for i, r in enumerate(new):
            ids[r.label] = next_id + i
        main, coord = out.main, out.coordination
        old_section_new = [p for p in [*main.new, *coord.new] if p.revision not in {r.label for r in new}]
        changes = main.changed or coord.changed or main.gone or coord.gone or old_section_new
        if changes and out.import_revision is None:
            out.problems.append(problem("import_revision_needed", n=len(main.changed) + len(coord.changed),
                                        added=len(old_section_new), gone=len(main.gone) + len(coord.gone)))
            return None
        return ids


class _Rows:
    """The rows an import writes (as :class:`RowChange`, compared with what is stored)."""

    def __init__(self, c: _Compute, pp: pd.DataFrame, am: pd.DataFrame, revision_ids: dict[str, int],
                 inactive: set[str]):
        self.c, self.plan, self.out = c, c.plan, c.out
        self.pp = {r["code"]: _py(r) for r in pp.to_dict("records")}
        self.am = am
        self.ids = revision_ids
        self.inactive = inactive
        self.changes: list[RowChange] = []
        self.change_rows: list[dict] = []
        self.first: dict[str, int | None] = {}       #: code -> its first revision, as written

    def build(self, main: list[PlanProject], coordination: list[PlanProject]) -> list[RowChange]:
        out = self.out
        for r in out.new_revisions:
            self.changes.append(RowChange("plan_revisions", None, {
                "id": self.ids[r.label], "kind": r.kind, "number": r.number, "year": r.year, "label": r.label,
                "approved_on": r.approved_on, "batch_id": None, "file_name": self.c.book.filename,
                "sha256": self.c.book.sha256, "created_at": None, "created_by": None}))
        for d in (out.main, out.coordination):
            self._projects(d)
        self._amounts([*main, *coordination])
        self._year_rows(main)
        next_id = store_plan.next_id(self.c.db, "plan_project_changes")
        for i, row in enumerate(self.change_rows):
            self.changes.append(RowChange("plan_project_changes", None, {"id": next_id + i, **row}))
        self._aliases()
        self._equipment()
        return self.changes

    # plan_projects and the revision records of what changed
    def _row(self, p: PlanProject, code: str, first: int | None, last: int | None, active: int = 1) -> dict:
        plan = self.plan
        return {"code": code, "coordination": int(p.coordination), "strategy_no": p.strategy,
                "tactic_code": p.tactic, "programme_code": plan.programme_by_name(p.programme or ""),
                "name_th": p.name, "objective": p.objective, "target": p.target, "kpi": p.kpi,
                "expected_result": p.expected_result, "department_raw": p.department.raw,
                "department": p.department.code, "remark": p.remark, "rationale": p.rationale,
                "notes": json.dumps([{"text": a.text, "kind": a.kind} for a in p.annotations], ensure_ascii=False)
                if p.annotations else None,
                "sheet": p.sheet, "row": p.row, "last_row": p.last_row, "seq": p.seq, "programme_no": p.programme_no,
                "book_revision": p.revision, "first_revision_id": first, "last_revision_id": last,
                "active": active, "batch_id": None}

    def _put(self, code: str, row: dict) -> None:
        self.first[code] = row["first_revision_id"]
        before = self.pp.get(code)
        if before is not None:
            same = all(_same(before.get(c), row.get(c)) for c in _COMPARED)
            if same:
                return
            before = {c: before.get(c) for c in store_plan.PROJECT_COLUMNS}
        self.changes.append(RowChange("plan_projects", before, row))

    def _record(self, revision: int, code: str, change: str, field_name=None, year=None, before=None, after=None):
        self.change_rows.append({"revision_id": revision, "project_code": code, "change": change,
                                 "field": field_name, "fiscal_year": year,
                                 "before": None if before is None else json.dumps(before, ensure_ascii=False),
                                 "after": None if after is None else json.dumps(after, ensure_ascii=False)})

    def _projects(self, d: PlanDiff) -> None:
        out = self.out
        imp = self.ids.get(out.import_revision) if out.import_revision else None
        new_labels = {r.label for r in out.new_revisions}
        for p in d.new:
            code = out.codes[p.key]
            rev = self.ids[p.revision] if p.revision in new_labels else imp
            self._put(code, self._row(p, code, rev, rev))
            self._record(rev, code, "added", after=p.name)
        for m in d.matches:
            stored = self.pp[m.code]
            first, last = stored["first_revision_id"], stored["last_revision_id"]
            revived = m.code in self.inactive
            if m.changes or revived:
                last = imp
            if revived:
                self._record(imp, m.code, "added", after=m.incoming.name)
            for ch in m.changes:
                self._record(imp, m.code, "changed", ch.field, ch.year, ch.before, ch.after)
            self._put(m.code, self._row(m.incoming, m.code, first, last))
        for k in d.gone:
            stored = dict(self.pp[k.code])
            row = {c: stored.get(c) for c in store_plan.PROJECT_COLUMNS}
            row.update(active=0, last_revision_id=imp, batch_id=None)
            self._put(k.code, row)
            self._record(imp, k.code, "removed", before=k.name)

    # amounts per plan year
    def _amounts(self, projects: list[PlanProject]) -> None:
        codes = {self.out.codes[p.key]: p for p in projects}
        stored = {(r["project_code"], int(r["fiscal_year"]), r["kind"]): _py(r)
                  for r in self.am[self.am["project_code"].isin(list(codes))].to_dict("records")}
        want: dict[tuple, float | None] = {}
        for code, p in codes.items():
            for kind, amounts in (("plan", p.budgets), ("ordinance", p.ordinance)):
                for y, v in amounts.items():
                    want[(code, int(y), kind)] = v
        for key, v in want.items():
            row = {"project_code": key[0], "fiscal_year": key[1], "kind": key[2], "amount": v}
            old = stored.get(key)
            if old is None:
                self.changes.append(RowChange("plan_amounts", None, row))
            elif not _same(old["amount"], v):
                self.changes.append(RowChange("plan_amounts", old, row))
        for key, old in stored.items():
            if key not in want:
                self.changes.append(RowChange("plan_amounts", old, None))

    # the projects table: one row per main project and fiscal year with a plan amount > 0
    def _year_rows(self, main: list[PlanProject]) -> None:
        plan, out = self.plan, self.out
        active = {out.codes[p.key]: p for p in main}
        gone = [k.code for k in out.main.gone]
        codes = [*active, *gone]
        existing = store_plan.rows_of(self.c.db, "projects", "project_code", codes)
        rows = {(r["project_code"], int(r["fiscal_year"])): _py(r) for r in existing.to_dict("records")}
        reported = store_plan.progress_reported(self.c.db, codes)
        stored_revisions = store_plan.revisions(self.c.db)
        kinds = dict(zip(stored_revisions["id"].astype(int), stored_revisions["kind"]))
        kinds.update({self.ids[r.label]: r.kind for r in out.new_revisions})
        want: dict[tuple, dict] = {}
        for code, p in active.items():
            first = self.first.get(code, (self.pp.get(code) or {}).get("first_revision_id"))
            for y in plan.fiscal_years:
                amount = p.budgets.get(y)
                if amount is None or amount <= 0:
                    continue
                want[(code, y)] = {"goal_no": plan.strategies[p.strategy].goal, "name_th": p.name,
                                   "department": p.department.code, "planned_budget": float(amount),
                                   "added_by_revision": int(kinds.get(first) == "addition")}
        for key, values in want.items():
            old = rows.get(key)
            if old is None:
                p = active[key[0]]
                welfare = self._programme(p) == WELFARE_PROGRAMME and "เบี้ยยังชีพ" in p.name
                after = {"project_code": key[0], "fiscal_year": key[1], "name_en": None, "villages": None,
                         "budget_category": None, "allocated_budget": 0.0, "funding_source": None,
                         "indicator_codes": None, "is_welfare_transfer": int(welfare), **values, "batch_id": None}
                self.changes.append(RowChange("projects", None, after))
                out.year_rows["new"] += 1
            elif not all(_same(old[c], v) for c, v in values.items()):
                self.changes.append(RowChange("projects", dict(old), {**old, **values, "batch_id": None}))
                out.year_rows["changed"] += 1
        for key, old in rows.items():
            if key in want:
                continue
            if key in reported:
                out.kept_rows.append(key)
                if not _same(old["planned_budget"], 0):
                    self.changes.append(RowChange("projects", dict(old), {**old, "planned_budget": 0.0,
                                                                          "batch_id": None}))
                continue
            self.changes.append(RowChange("projects", dict(old), None))
            out.year_rows["removed"] += 1
        for code, y in out.kept_rows:
            p = active.get(code)
            self.out.problems.append(problem("import_progress_kept", sheet=p.sheet if p else None,
                                             row=p.row if p else None, value=code, year=y))

    def _programme(self, p: PlanProject) -> str | None:
        return self.plan.programme_by_name(p.programme or "")

    # what the analyst answered: remembered as department aliases
    def _aliases(self) -> None:
        stored = store_plan.department_aliases(self.c.db).set_index("alias")
        for written, code in self.c.choices.departments.items():
            if written not in self.c.asked:
                continue
            row = store_plan.user_alias(written, code, user="", at="")
            row["created_by"] = row["created_at"] = None
            before = _py(stored.loc[row["alias"]].to_dict()) if row["alias"] in stored.index else None
            if before is not None:
                before["alias"] = row["alias"]
                if before["department"] == code:
                    continue
            self.changes.append(RowChange("department_aliases", before, row))

    # equipment (ครุภัณฑ์): kept apart, by content
    def _equipment(self) -> None:
        eq = self.c.book.equipment
        stored = {r["item_key"]: _py(r) for r in store_plan.equipment(self.c.db).to_dict("records")}
        seen: dict[str, int] = {}
        want = {}
        for item in (eq.items if eq else []):
            base = squash(f"{item.programme}|{item.type}|{item.target}")
            seen[base] = seen.get(base, 0) + 1
            key = f"{base}#{seen[base]}"
            want[key] = {"item_key": key, "sheet": item.sheet, "row": item.row, "seq": item.seq,
                         "programme": item.programme, "category": item.category, "type": item.type,
                         "target": item.target, "department_raw": item.department.raw,
                         "department": item.department.code,
                         "budgets": json.dumps({str(y): v for y, v in sorted(item.budgets.items())}),
                         "batch_id": None}
        counts = self.out.equipment
        for key, row in want.items():
            old = stored.get(key)
            if old is None:
                counts["new"] += 1
                self.changes.append(RowChange("plan_equipment", None, row))
            elif not all(_same(old.get(c), row[c]) for c in row if c != "batch_id"):
                counts["changed"] += 1
                self.changes.append(RowChange("plan_equipment", old, row))
            else:
                counts["unchanged"] += 1
        if eq is None:
            return      # a book without an equipment sheet leaves the stored list as it is
        for key, old in stored.items():
            if key not in want:
                counts["gone"] += 1
                self.changes.append(RowChange("plan_equipment", old, None))


def _same(a, b) -> bool:
    if missing(a) and missing(b):
        return True
    if missing(a) or missing(b):
        return False
    if isinstance(a, numbers.Number) and isinstance(b, numbers.Number):
        return abs(float(a) - float(b)) < 0.005
    return str(a) == str(b)


def _py(row: dict) -> dict:
    """A stored row with Python values (numpy scalars unboxed, NaN as None): JSON and SQL take it."""
    return {k: None if missing(v) else (v.item() if hasattr(v, "item") else v) for k, v in row.items()}


__all__ = ["compute", "Choices", "ImportPlan", "known_projects", "Annotation"]
