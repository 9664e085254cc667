"""What a plan workbook says, as data: the result of :func:`read_plan_workbook`.

Amounts are ``{year: amount or None}`` with Buddhist-era int years: None is a blank cell, 0 a dash
(nothing planned that year). Rows are 1-based Excel rows. ``to_dict()`` gives the shape of the
sample's ``.expected.json`` (schema ``p02-expected/1``, described in the samples README §5).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.ingest.planbook.problems import ERROR, Problem

Amounts = dict[int, "float | int | None"]
COUNT_RULE = "per year: projects with an amount > 0 that year; 5-year count = sum of the yearly counts"


def amounts_dict(amounts: Amounts) -> dict[str, float | int | None]:
    return {str(y): v for y, v in sorted(amounts.items())}


@dataclass
class Department:
    """The responsible unit as written, and as one of the plan's divisions."""

    raw: str                      #: as written (lines kept)
    code: str | None = None       #: the lead division (first named); None when unknown
    codes: list[str] = field(default_factory=list)     #: every division named, lead first
    th: str | None = None         #: the lead division's Thai name in the plan
    sections: list[str] = field(default_factory=list)  #: งาน… lines (sections of the division)
    unmapped: list[str] = field(default_factory=list)  #: lines naming a unit the plan doesn't know

    def to_dict(self) -> dict:
        return {"raw": self.raw, "code": self.code, "codes": list(self.codes), "th": self.th}


@dataclass
class Annotation:
    text: str
    kind: str      #: amendment / transfer / duplicate / cofunding / note


@dataclass
class PlanProject:
    """One project of a ผ.02 (or ผ.02/2) sheet."""

    sheet: str
    row: int                       #: Excel row of its first line
    last_row: int                  #: last continuation row
    strategy: int | None
    goal: int | None
    tactic: str | None             #: code as written, Thai digits mapped ("1.1")
    programme: str | None          #: แผนงาน name
    programme_no: int | None       #: its number within the tactic on this sheet: (1), (2) …
    seq: int | None                #: ที่ as written (restarts after each marker)
    revision: str                  #: "ทบทวน 1/2565", "เพิ่มเติม 1/2567", "ฉบับแรก"
    name: str
    objective: str = ""
    target: str = ""
    kpi: str = ""
    expected_result: str = ""
    department: Department = field(default_factory=lambda: Department(""))
    budgets: Amounts = field(default_factory=dict)
    ordinance: Amounts = field(default_factory=dict)   #: เทศบัญญัติ/ข้อบัญญัติ amounts (17-column books)
    remark: str = ""               #: หมายเหตุ column
    rationale: str = ""            #: เหตุผลความจำเป็น column (2571–2575 books)
    annotations: list[Annotation] = field(default_factory=list)
    coordination: bool = False     #: a ผ.02/2 project (asked of the province / PAO)
    code: str | None = None        #: the product's stable code, once assigned (see identity.py)

    @property
    def key(self) -> tuple[str, int]:
        """Where it is in the book: (sheet, row). ``seq`` is not unique (it restarts)."""
        return (self.sheet, self.row)

    def to_dict(self) -> dict:
        d = {"sheet": self.sheet, "row": self.row, "rows": [self.row, self.last_row],
             "strategy": self.strategy, "goal": self.goal, "tactic": self.tactic, "plan": self.programme,
             "plan_no": self.programme_no, "seq": self.seq, "revision": self.revision, "name": self.name,
             "objective": self.objective, "target": self.target, "kpi": self.kpi,
             "expected_result": self.expected_result, "department": self.department.to_dict(),
             "budgets": amounts_dict(self.budgets),
             "annotations": [{"text": a.text, "kind": a.kind} for a in self.annotations]}
        if self.ordinance:
            d["ordinance"] = amounts_dict(self.ordinance)
        if self.remark:
            d["remark"] = self.remark
        if self.rationale:
            d["rationale"] = self.rationale
        return d


@dataclass
class EquipmentItem:
    """One line of the equipment list (ครุภัณฑ์, form ผ.03, often a sheet named ผ.08)."""

    sheet: str
    row: int
    seq: int | None
    programme: str
    category: str
    type: str
    target: str
    department: Department
    budgets: Amounts

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "seq": self.seq, "plan": self.programme,
                "category": self.category, "type": self.type, "target": self.target,
                "department": self.department.to_dict(), "budgets": amounts_dict(self.budgets)}


@dataclass
class Equipment:
    sheet: str
    items: list[EquipmentItem] = field(default_factory=list)
    total_row: int | None = None
    totals: Amounts = field(default_factory=dict)
    form: str = "ผ.03"     #: the form code its text box names; old books name the sheet ผ.08

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "form": self.form, "items": [i.to_dict() for i in self.items],
                "total_row": self.total_row, "totals": amounts_dict(self.totals)}


@dataclass
class P01Row:
    """A row of figures of the ผ.01 summary: per year, the count of projects and the money."""

    row: int
    strategy: int | None
    programme: str | None           #: None on strategy totals and the grand total
    counts: Amounts
    budgets: Amounts
    count_5y: float | int | None
    budget_5y: float | int | None

    def to_dict(self) -> dict:
        d = {"row": self.row, "counts": amounts_dict(self.counts), "budgets": amounts_dict(self.budgets),
             "count_5y": self.count_5y, "budget_5y": self.budget_5y}
        if self.strategy is not None:
            d["strategy"] = self.strategy
        if self.programme is not None:
            d["plan"] = self.programme
        return d


@dataclass
class P01:
    sheet: str
    header_rows: list[int]
    rows: list[P01Row] = field(default_factory=list)               #: strategy × แผนงาน
    strategy_totals: list[P01Row] = field(default_factory=list)
    grand_total: P01Row | None = None
    extra_title_row: int | None = None                             #: the ผ.02/2 block under it
    extra_rows: list[P01Row] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)          #: count_2566 / budget_2566 / …_5y -> letter

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "header_rows": self.header_rows, "count_rule": COUNT_RULE,
                "rows": [r.to_dict() for r in self.rows],
                "strategy_totals": [r.to_dict() for r in self.strategy_totals],
                "grand_total": self.grand_total.to_dict() if self.grand_total else None,
                "extra_block": {"title_row": self.extra_title_row, "rows": [r.to_dict() for r in self.extra_rows],
                                "note": "coordination projects; not part of the main totals"}
                if self.extra_title_row else None}


@dataclass
class TotalRows:
    """A sheet's total: one row (``รวม 34 โครงการ`` + amounts) or two (``รวมจำนวนโครงการ`` /
    ``รวมงบประมาณ``)."""

    style: str                                   #: "one" or "two"
    rows: list[int]
    text: str = ""
    says_projects: int | None = None
    says_counts: Amounts = field(default_factory=dict)
    says_budgets: Amounts = field(default_factory=dict)
    formula_columns: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {"style": self.style, "rows": self.rows}
        if self.style == "one":
            d.update(text=self.text, says_projects=self.says_projects)
        else:
            d["says_counts"] = amounts_dict(self.says_counts)
        d["says_budgets"] = amounts_dict(self.says_budgets)
        d["formula_columns"] = self.formula_columns
        return d


@dataclass
class SheetFacts:
    """What the reader learned about one sheet: its kind, layout and the figures it states."""

    name: str
    kind: str            #: p02 / p02_2 / p01 / equipment / linkage / empty / unknown
    ignored: bool = False
    ignored_reason: str = ""
    layout: str = ""                                 #: "12-col", "17-col", …
    columns: dict[str, str] = field(default_factory=dict)    #: field -> column letter
    preamble_rows: list[int] = field(default_factory=list)   #: [first, last]
    header_rows: list[int] = field(default_factory=list)
    data_rows: list[int] = field(default_factory=list)       #: [first, last]
    strategy: int | None = None
    tactic: str | None = None
    programme: str | None = None
    programme_no: int | None = None
    base_revision: str | None = None
    period: tuple[int, int] | None = None
    markers: list[dict] = field(default_factory=list)        #: row, column, text, label
    headings: list[dict] = field(default_factory=list)       #: in-band: row, level, text
    summaries: list[TotalRows] = field(default_factory=list)
    stub_rows: int = 0
    max_row: int = 0
    totals: dict | None = None                               #: projects, counts, budgets read
    strategy_rows: list[dict] = field(default_factory=list)  #: linkage sheet: strategy -> rows
    copy_of: str | None = None

    def to_dict(self) -> dict:
        d: dict = {"name": self.name, "kind": self.kind}
        if self.kind in ("p02", "p02_2"):
            d.update(layout=self.layout, columns=self.columns, preamble_rows=self.preamble_rows,
                     header_rows=self.header_rows, data_rows=self.data_rows, strategy=self.strategy,
                     tactic=self.tactic, plan=self.programme, plan_no=self.programme_no,
                     base_revision=self.base_revision, markers=self.markers, headings=self.headings,
                     subtotals=[s.to_dict() for s in self.summaries[:-1]],
                     summary=self.summaries[-1].to_dict() if self.summaries else None,
                     stub_rows=self.stub_rows, max_row=self.max_row, totals=self.totals)
        elif self.header_rows:
            d["header_rows"] = self.header_rows
        if self.strategy_rows:
            d["strategy_rows"] = self.strategy_rows
        if self.ignored:
            d.update(ignored=True, ignored_reason=self.ignored_reason)
        if self.copy_of:
            d["copy_of"] = self.copy_of
        return d


@dataclass
class Tactic:
    code: str
    name: str


@dataclass
class Strategy:
    number: int
    name: str
    goal: int | None = None
    goal_text: str | None = None
    tactics: list[Tactic] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"number": self.number, "name": self.name, "goal": self.goal, "goal_text": self.goal_text,
                "tactics": [{"code": t.code, "name": t.name} for t in self.tactics]}


@dataclass
class PlanMeta:
    title: str | None = None
    first_year: int | None = None
    last_year: int | None = None
    base_revision: str | None = None
    revisions_in_book: list[str] = field(default_factory=list)
    level1_label: str | None = None          #: ยุทธศาสตร์ / ประเด็นการพัฒนาท้องถิ่น
    level2_label: str | None = None          #: กลยุทธ์ / แนวทางการพัฒนา
    organization: dict = field(default_factory=dict)   #: name, short, district, province, type

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1)) if self.first_year and self.last_year else []


@dataclass
class TextNote:
    """A text box, classified, and the project row it sits next to (if any)."""

    sheet: str
    anchor_row: int
    anchor_col: str
    text: str
    kind: str                 #: form_index / amendment / transfer / duplicate / cofunding / note
    attached_to_row: int | None = None

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "anchor_row": self.anchor_row, "anchor_col": self.anchor_col,
                "text": self.text, "kind": self.kind, "attached_to_row": self.attached_to_row}


@dataclass
class PlanBookRead:
    """Everything read from one plan workbook, and every problem found. Nothing is written."""

    filename: str
    sha256: str
    plan: PlanMeta = field(default_factory=PlanMeta)
    strategies: list[Strategy] = field(default_factory=list)
    sheets: list[SheetFacts] = field(default_factory=list)
    projects: list[PlanProject] = field(default_factory=list)
    coordination_projects: list[PlanProject] = field(default_factory=list)
    equipment: Equipment | None = None
    p01: P01 | None = None
    textboxes: list[TextNote] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    def raise_if_rejected(self) -> None:
        """Raise :class:`PlanBookRejected` (a TrackerError) when an error refuses the book."""
        from tracker.ingest.planbook.problems import PlanBookRejected

        if self.has_errors:
            raise PlanBookRejected(self.filename, self.problems)

    @property
    def verdict(self) -> str:
        """"accept" when the book can be imported, "reject" when a problem refuses it."""
        return "reject" if self.has_errors else "accept"

    def totals(self) -> dict:
        """The main projects' totals (ผ.02/2 and equipment are not in them): projects, per-year
        counts (amount > 0 that year), project-years, per-year money and the 5-year money."""
        from tracker.ingest.planbook.reconcile import count_and_sum

        counts, budgets = count_and_sum(self.projects, self.plan.years)
        return {"projects": len(self.projects), "counts": amounts_dict(counts),
                "project_years": sum(counts.values()), "budgets": amounts_dict(budgets),
                "budget_5y": sum(v for v in budgets.values() if v)}

    def to_dict(self) -> dict:
        """The shape of the samples' ``.expected.json``."""
        return {
            "schema": "p02-expected/1", "file": self.filename, "verdict": self.verdict,
            "organization": self.plan.organization,
            "plan": {"title": self.plan.title, "first_year": self.plan.first_year,
                     "last_year": self.plan.last_year, "base_revision": self.plan.base_revision,
                     "revisions_in_book": self.plan.revisions_in_book},
            "level1_label": self.plan.level1_label, "level2_label": self.plan.level2_label,
            "years": self.plan.years,
            "strategies": [s.to_dict() for s in self.strategies],
            "totals": self.totals(),
            "sheets": [s.to_dict() for s in self.sheets],
            "projects": [p.to_dict() for p in self.projects],
            "coordination_projects": [p.to_dict() for p in self.coordination_projects],
            "equipment": self.equipment.to_dict() if self.equipment else None,
            "p01": self.p01.to_dict() if self.p01 else None,
            "textboxes": [t.to_dict() for t in self.textboxes],
            "problems": [p.to_dict() for p in self.problems],
        }
