"""What the plan-book writer writes: the book's content (:class:`BookSpec`) and its layout
switches (:class:`WriteOptions`), and what it returns (:class:`WrittenBook`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from xlsxwriter.utility import xl_rowcol_to_cell

from tracker.ingest.planbook.text import FIRST_EDITION

TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

@dataclass
class ProjectSpec:
    strategy: int
    tactic: str                    #: "1.1"
    programme: str                 #: "แผนงานเคหะและชุมชน"
    name: str
    objective: str = ""
    target: str = ""
    kpi: str = ""
    expected_result: str = ""
    department: str = ""
    budgets: Mapping[int, float | int | None] = field(default_factory=dict)
    ordinance: Mapping[int, float | int | None] = field(default_factory=dict)
    revision: str | None = None    #: None: the book's base revision; else e.g. "เพิ่มเติม 1/2567"
    remark: str = ""
    rationale: str = ""
    note: str | None = None        #: a text box next to the project's row


@dataclass
class EquipmentSpec:
    programme: str
    category: str
    type: str
    target: str
    department: str
    budgets: Mapping[int, float | int | None]


@dataclass
class StrategySpec:
    number: int
    name: str                      #: "ยุทธศาสตร์การพัฒนาด้าน…" (or the issue's text, 2571 style)
    goal_text: str = ""
    tactics: Mapping[str, str] = field(default_factory=dict)   #: code -> name ("กลยุทธ์…")


@dataclass
class BookSpec:
    strategies: list[StrategySpec]
    projects: list[ProjectSpec]
    coordination: list[ProjectSpec] = field(default_factory=list)
    equipment: list[EquipmentSpec] = field(default_factory=list)
    organization: str = "องค์การบริหารส่วนตำบลขี้เหล็ก"
    district: str = "อำเภอเมืองอุบลราชธานี"
    province: str = "จังหวัดอุบลราชธานี"
    first_year: int = 2566
    last_year: int = 2570
    revision: str | None = "ทบทวน 1/2565"      #: None: the first edition (ฉบับแรก)

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))


@dataclass
class WriteOptions:
    columns: int = 12                 #: 12, or 17 with a เทศบัญญัติ year group
    header_depth: int = 3             #: 3 (years, then (บาท)) or 2 (years with (บาท) in the cell)
    thai_digits: bool = False         #: every number written in Thai digits (money as text)
    style: str = "2566"               #: "2571": ประเด็นการพัฒนาท้องถิ่น / แนวทางการพัฒนา, one sheet per
                                      #: strategy with in-band tactic and แผนงาน headings
    continuation_rows: bool = False   #: multi-line text typed over several rows instead of wrapped
    total_style: str = "one"          #: "one" (รวม n โครงการ) or "two" (รวมจำนวนโครงการ / รวมงบประมาณ)
    stubs_to: int | None = None       #: empty bordered rows (some with a number) down to this row
    merge_departments: bool = False   #: equal departments of neighbouring projects in one merged cell
    money_forms: str = "number"       #: "number", or "mixed": text, #,##0, accounting, ".-", dashes
    formulas: bool = False            #: totals as SUM/COUNTIF formulas with their cached results
    remark_column: bool = False       #: a หมายเหตุ column
    rationale_column: bool = False    #: a เหตุผลความจำเป็น column (2571–2575 books)
    ordinance_label: str = "เทศบัญญัติ"
    p01: bool = True
    linkage: bool = True
    form_textboxes: bool = True       #: "แบบ ผ.02" boxes at the top right
    note_rows: bool = False           #: a "หมายเหตุ : …" line under each table
    copy_first_sheet: bool = False    #: add Excel's "… (2)" copy of the first detail sheet
    sheet_names: Mapping[tuple, str] = field(default_factory=dict)   #: (strategy, tactic, programme) -> name
    overrides: Mapping[tuple[str, str], object] = field(default_factory=dict)  #: (sheet, "F20") -> raw value


@dataclass
class WrittenBook:
    data: bytes
    sheets: list[str]
    #: index in BookSpec.projects (or "c<i>" for coordination) -> (sheet, first row, last row)
    where: dict = field(default_factory=dict)

    #: sheet -> landmark ("title", "strategy", "programme", "header", "total") -> 1-based row
    rows: dict = field(default_factory=dict)
    _cols: dict = field(default_factory=dict)

    def cell(self, index, field_name: str, year: int | None = None) -> tuple[str, str]:
        """(sheet, "F20"): where the writer put a project's field (``budget``/``ordinance`` with a
        year), for tests that spoil one cell through ``WriteOptions.overrides``."""
        sheet, row, _ = self.where[index]
        return sheet, self.at(sheet, field_name, row, year)

    def at(self, sheet: str, field_name: str, row: int, year: int | None = None) -> str:
        """The cell ("F20") of a column of a detail sheet on a 1-based row."""
        col = self._cols[sheet][f"{field_name}_{year}" if year else field_name]
        return xl_rowcol_to_cell(row - 1, col)


def styled_digits(text: str, opts: WriteOptions) -> str:
    """Digits as the book writes them: Thai digits when ``opts.thai_digits``."""
    return str(text).translate(TO_THAI) if opts.thai_digits else str(text)


def revision_text(label: str | None) -> str:
    """ "เพิ่มเติม 1/2567" -> "เพิ่มเติม ครั้งที่ 1/2567"."""
    if not label or label == FIRST_EDITION:
        return ""
    kind, num = label.split(" ", 1)
    return f"{kind} ครั้งที่ {num}"
