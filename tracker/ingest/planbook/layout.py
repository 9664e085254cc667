"""The layout of a sheet, found by rules: its kind from the first rows, the preamble lines by
pattern, the header by its labels and merged depth, and each column by its label."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from tracker.ingest.planbook.book import Grid
from tracker.ingest.planbook.text import (Heading, PeriodLine, find_heading, find_period, find_year, one_line,
                                          squash)

P02, P02_2, P01, EQUIPMENT, LINKAGE, EMPTY, UNKNOWN = "p02", "p02_2", "p01", "equipment", "linkage", "empty", "unknown"
FIRST_ROWS = 15   # the title lines of a sheet are within its first rows


def first_lines(grid: Grid, rows: int = FIRST_ROWS) -> list[tuple[int, str]]:
    """(row, text of the row's cells joined) for the non-empty rows among the first ``rows``."""
    out = []
    for r in range(1, min(grid.max_row, rows) + 1):
        texts = [s for _, s in grid.row_texts(r)]
        if texts:
            out.append((r, " ".join(" ".join(s.split()) for s in texts)))
    return out


def sheet_kind(grid: Grid) -> str:
    """The form a sheet holds, told from its first rows (never from its name)."""
    if not grid.cells:
        return EMPTY
    lines = [squash(t) for _, t in first_lines(grid)]
    head = lines[:4]
    if any("บัญชีสรุปโครงการพัฒนา" in s for s in head):
        return P01
    if any("รายละเอียดโครงการพัฒนา" in s for s in head):
        coord = any("ประสาน" in s and "จังหวัด" in s for s in lines)
        return P02_2 if coord else P02
    if any(s.startswith("บัญชีครุภัณฑ์") or "บัญชีครุภัณฑ์" in s for s in head):
        return EQUIPMENT
    if any(s.startswith("ความเชื่อมโยง") for s in head):
        return LINKAGE
    return UNKNOWN


# --- preamble ------------------------------------------------------------------------------------

_ORG_START = ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาล", "อบต.", "อบจ.", "ทต.", "ทม.", "ทน.")
_LINK_LINE = re.compile(r"^[ก-ฮ]\s*\.\s")
_NOT_LOCAL = ("ยุทธศาสตร์ชาติ", "แห่งชาติ", "จังหวัด", "กลุ่มจังหวัด")
ORG_TYPES = {"องค์การบริหารส่วนตำบล": "อบต.", "อบต.": "อบต.", "เทศบาล": "เทศบาล", "ทต.": "เทศบาล",
             "ทม.": "เทศบาล", "ทน.": "เทศบาล", "องค์การบริหารส่วนจังหวัด": "อบจ.", "อบจ.": "อบจ."}


@dataclass
class Preamble:
    rows: list[int] = field(default_factory=list)
    period: PeriodLine | None = None
    period_row: int | None = None
    organization: dict = field(default_factory=dict)
    coordination: str = ""
    links: list[str] = field(default_factory=list)
    strategy: Heading | None = None
    tactic: Heading | None = None
    programme: Heading | None = None


def parse_organization(text: str) -> dict:
    """``องค์การบริหารส่วนตำบลขี้เหล็ก  อำเภอเมืองอุบลราชธานี  จังหวัดอุบลราชธานี`` -> name,
    district, province, type."""
    text = one_line(text)
    m = re.match(r"^(.*?)\s*(อำเภอ\S*)?\s*(จังหวัด\S*)?\s*$", text)
    name, district, province = (m.group(1), m.group(2), m.group(3)) if m else (text, None, None)
    org_type = next((v for k, v in ORG_TYPES.items() if name.startswith(k)), None)
    out = {"name": name.strip()}
    if district:
        out["district"] = district
    if province:
        out["province"] = province
    if org_type:
        out["type"] = org_type
    return out


def local_heading(text: str) -> Heading | None:
    """A strategy / tactic / programme line of the organization's own plan (not a linkage line
    naming the national or provincial strategy)."""
    if _LINK_LINE.match(text):
        return None
    h = find_heading(text)
    if h and h.level == "strategy" and any(w in text for w in _NOT_LOCAL):
        return None
    return h


def parse_preamble(grid: Grid, last_row: int) -> Preamble:
    """The lines above the header, each recognised by its pattern wherever it is."""
    pre = Preamble()
    rows = [r for r in range(1, last_row + 1) if grid.row_texts(r)]
    pre.rows = [rows[0], rows[-1]] if rows else []
    for r in rows:
        text = " ".join(" ".join(s.split()) for _, s in grid.row_texts(r))
        sq = squash(text)
        if pre.period is None and (p := find_period(text)):
            pre.period, pre.period_row = p, r
        elif sq.startswith(_ORG_START) and not pre.organization:
            pre.organization = parse_organization(text)
        elif "ประสาน" in sq:
            pre.coordination = text
        elif _LINK_LINE.match(text):
            pre.links.append(text)
        elif h := local_heading(text):
            setattr(pre, h.level, getattr(pre, h.level) or h)
    return pre


# --- header --------------------------------------------------------------------------------------

SEQ_LABELS = {"ที่", "ลำดับที่", "ลำดับ", "ลำดับที่.", "ที่."}


def _is_seq_label(s: str) -> bool:
    return s in SEQ_LABELS


def header_rows(grid: Grid, second_label) -> list[int]:
    """Rows holding a ``ที่`` cell and a cell for which ``second_label(text)`` holds."""
    out = []
    for r in range(1, grid.max_row + 1):
        labels = [squash(v) for _, v in grid.row_values(r) if isinstance(v, str)]
        if any(_is_seq_label(s) for s in labels) and any(second_label(s) for s in labels):
            out.append(r)
    return out


def header_depth(grid: Grid, row: int) -> int:
    """The header's height: the tallest merge starting on its row (2 or 3 rows in real books);
    without merges, the rows below that hold years or (บาท) labels and no ที่ value."""
    depth = max((grid.height(row, c) for c in range(1, grid.max_col + 1)), default=1)
    if depth > 1:
        return depth
    r = row + 1
    while r <= grid.max_row and r - row < 3:
        labels = [squash(v) for _, v in grid.row_values(r)]
        if labels and all(find_year(v) or s.startswith("(") or s in ("บาท", "(บาท)") for s, (_, v) in
                          zip(labels, grid.row_values(r))):
            depth += 1
            r += 1
        else:
            break
    return depth


#: field -> how its header label begins (labels compared with all whitespace removed)
P02_FIELDS = {
    "seq": tuple(SEQ_LABELS),
    "name": ("โครงการ", "ชื่อโครงการ"),
    "objective": ("วัตถุประสงค์",),
    "target": ("เป้าหมาย",),
    "kpi": ("ตัวชี้วัด", "(KPI)", "KPI"),
    "expected_result": ("ผลที่คาดว่า", "ผลที่คาด"),
    "department": ("หน่วยงาน",),
    "remark": ("หมายเหตุ",),
    "rationale": ("เหตุผล",),
}
EQUIPMENT_FIELDS = {
    "seq": tuple(SEQ_LABELS),
    "programme": ("แผนงาน",),
    "category": ("หมวด",),
    "type": ("ประเภท",),
    "target": ("เป้าหมาย",),
    "department": ("หน่วยงาน",),
    "remark": ("หมายเหตุ",),
}
REQUIRED = {"p02": ("seq", "name"), "equipment": ("seq", "type")}
LABEL_TH = {"seq": "ที่", "name": "โครงการ", "type": "ประเภท"}


@dataclass
class Columns:
    fields: dict[str, int] = field(default_factory=dict)
    budgets: dict[int, int] = field(default_factory=dict)      #: year -> column
    ordinance: dict[int, int] = field(default_factory=dict)    #: year -> column
    unknown: list[tuple[int, str]] = field(default_factory=list)
    budget_label: str = "งบประมาณ"
    ordinance_label: str = ""

    def letters(self) -> dict[str, str]:
        out = {f: get_column_letter(c) for f, c in self.fields.items()}
        out.update({f"budget_{y}": get_column_letter(c) for y, c in self.budgets.items()})
        out.update({f"ordinance_{y}": get_column_letter(c) for y, c in self.ordinance.items()})
        return dict(sorted(out.items(), key=lambda kv: (len(kv[1]), kv[1])))

    @property
    def width(self) -> int:
        return len(self.fields) + len(self.budgets) + len(self.ordinance)


def _group_of(label: str) -> str | None:
    if "บัญญัติ" in label:          # เทศบัญญัติ / ข้อบัญญัติ: what the ordinance funded
        return "ordinance"
    if label.startswith("งบประมาณ") or label.startswith("ประมาณการ"):
        return "budgets"
    return None


def map_columns(grid: Grid, first: int, depth: int, field_labels: dict[str, tuple[str, ...]]) -> Columns:
    """Each column by its labels: text fields by how the top label begins; year columns under the
    งบประมาณ group (plan amounts) or the เทศบัญญัติ/ข้อบัญญัติ group (ordinance amounts). A group
    label not merged over its years still covers the year columns to its right."""
    cols = Columns()
    group = None
    for c in range(1, grid.max_col + 1):
        labels = [grid.merged_value(r, c) for r in range(first, first + depth)]
        top = squash(labels[0])
        if _group_of(top):
            group = _group_of(top)
            if group == "ordinance":
                cols.ordinance_label = one_line(labels[0])
        elif top:
            group = "budgets" if find_year(labels[0]) else None    # a bare year heads its column
        year = next((y for v in labels if (y := find_year(v))), None)
        shown = " / ".join(one_line(v) for v in dict.fromkeys(labels) if v is not None)
        if group and year:
            target = cols.ordinance if group == "ordinance" else cols.budgets
            if year in target:
                cols.unknown.append((c, shown))
            else:
                target[year] = c
            continue
        if not top or group:
            continue
        name = next((f for f, starts in field_labels.items() if top.startswith(starts)), None)
        if name == "seq" and top not in SEQ_LABELS:
            name = None
        if name and name not in cols.fields:
            cols.fields[name] = c
        else:
            cols.unknown.append((c, shown))
    return cols
