"""The data contract: the three upload kinds, their columns, Thai header aliases and keys.

Canonical column names are English snake_case; the Thai names (and a few spellings seen in
real files) are accepted as headers too. Headers are matched ignoring case, spaces,
punctuation, a trailing "บาท" and Thai digits, so ``ความก้าวหน้า (%)`` matches ``ความก้าวหน้า %``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from tracker.periods import THAI_DIGITS
from tracker.status import PROJECT_STATUSES
from tracker.store.uploads import MONEY_MAX, VALUE_MAX


@dataclass(frozen=True)
class Column:
    name: str            #: canonical header
    th: str              #: the Thai header of the official form
    type: str            #: code, year, quarter, goal, text, money, percent, number, status, yes_no, department,
    #:                      villages, indicators, indicator
    required: bool = True
    store: str = ""      #: column in the store table (default: same name)
    aliases: tuple[str, ...] = ()
    example: str = ""

    @property
    def store_name(self) -> str:
        return self.store or self.name


@dataclass(frozen=True)
class Kind:
    name: str
    table: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]         #: canonical names of the key columns
    quarterly: bool

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def required(self) -> list[Column]:
        return [c for c in self.columns if c.required]

    @property
    def store_key(self) -> tuple[str, ...]:
        return tuple(self.column(k).store_name for k in self.key)


_CODE = Column("project_code", "รหัสโครงการ", "code", example="G1-P01")
_FY = Column("fiscal_year", "ปีงบประมาณ", "year", aliases=("ปีงบ", "ปี พ.ศ.", "fy"), example="2569")
_Q = Column("quarter", "ไตรมาส", "quarter", aliases=("ไตรมาสที่", "q"), example="2")
_NOTE = Column("note", "หมายเหตุ", "text", required=False, example="รอส่งมอบงวดที่ 2")

PROJECTS = Kind("projects", "projects", (
    _CODE, _FY,
    Column("goal", "เป้าประสงค์", "goal", store="goal_no", aliases=("เป้าประสงค์ที่", "goal_no"), example="1"),
    Column("name_th", "ชื่อโครงการ", "text", aliases=("โครงการ",), example="ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3"),
    Column("name_en", "ชื่อโครงการภาษาอังกฤษ", "text", required=False, aliases=("ชื่อโครงการ (อังกฤษ)",),
           example="Concrete road, village 3"),
    Column("department", "หน่วยงานรับผิดชอบ", "department", aliases=("หน่วยงาน", "ส่วนราชการ"), example="กองช่าง"),
    Column("village", "หมู่ที่", "villages", required=False, store="villages", aliases=("หมู่บ้าน", "villages"),
           example="1;3"),
    Column("budget_category", "ประเภทงบ", "text", required=False, aliases=("หมวดงบ", "งบ"), example="ค่าที่ดินและสิ่งก่อสร้าง"),
    Column("planned_budget", "งบตามแผน", "money", aliases=("งบประมาณตามแผน",), example="1250000"),
    Column("allocated_budget", "งบตามข้อบัญญัติ", "money",
           aliases=("งบประมาณตามข้อบัญญัติ", "งบที่ได้รับ", "งบตามเทศบัญญัติ", "งบประมาณตามเทศบัญญัติ"),
           example="1180000"),
    Column("funding_source", "แหล่งเงิน", "text", required=False, aliases=("แหล่งงบประมาณ",), example="เงินอุดหนุนทั่วไป"),
    Column("indicator_codes", "ตัวชี้วัดที่เกี่ยวข้อง", "indicators", required=False, aliases=("ตัวชี้วัด",),
           example="G1-I01;G1-I02"),
    Column("is_welfare_transfer", "เบี้ยยังชีพ/เงินโอน", "yes_no", required=False, aliases=("เงินโอน", "เบี้ยยังชีพ"),
           example="ไม่ใช่"),
    Column("added_by_revision", "เพิ่มเติม", "yes_no", required=False, aliases=("แผนเพิ่มเติม",), example="ไม่ใช่"),
), key=("project_code", "fiscal_year"), quarterly=False)

PROGRESS = Kind("project_progress", "project_progress", (
    _CODE, _FY, _Q,
    Column("status", "สถานะ", "status", aliases=("สถานะโครงการ",), example="อยู่ระหว่างดำเนินการ"),
    Column("progress_pct", "ความก้าวหน้า %", "percent",
           aliases=("ความก้าวหน้า", "ร้อยละความก้าวหน้า", "physical_progress_pct"), example="60"),
    Column("committed", "ก่อหนี้ผูกพัน", "money", aliases=("committed_amount", "ก่อหนี้ผูกพันสะสม"), example="1180000"),
    Column("disbursed", "เบิกจ่ายสะสม", "money", aliases=("disbursed_amount", "เบิกจ่าย", "เบิกจ่ายแล้ว"),
           example="472000"),
    _NOTE,
), key=("project_code", "fiscal_year", "quarter"), quarterly=True)

RESULTS = Kind("indicator_results", "indicator_results", (
    Column("indicator_code", "รหัสตัวชี้วัด", "indicator", aliases=("ตัวชี้วัด",), example="G1-I01"),
    _FY, _Q,
    Column("value", "ผลการดำเนินงาน", "number", aliases=("ผล", "ค่าที่วัดได้"), example="85"),
    Column("note", "หมายเหตุ", "text", required=False, example="ค่า ณ 31 มี.ค. 2569"),
), key=("indicator_code", "fiscal_year", "quarter"), quarterly=True)

#: Satisfaction survey results (แบบที่ 3/2, 3/3) as the office tabulates them: one long table, a row per
#: figure, its ``table`` column naming which of the report's three tables the row belongs to (respondents by
#: sex / age / education / occupation; per item the shares very satisfied / satisfied / not satisfied; per
#: strategy a score out of 10). The rules between columns (which columns each table needs, shares adding up to
#: 100, a score out of 10) are in :mod:`tracker.ingest.survey`.
SURVEY = Kind("satisfaction", "satisfaction_results", (
    _FY,
    Column("round", "รอบ", "text", aliases=("รอบรายงาน", "รอบการประเมิน"), example="ประจำปี"),
    Column("table", "ตาราง", "text", store="survey_table", aliases=("แบบ", "แบบประเมิน"), example="แบบที่ 3/2"),
    Column("strategy", "ยุทธศาสตร์ที่", "text", required=False, store="strategy_no", aliases=("ยุทธศาสตร์",),
           example="1"),
    Column("group", "ลักษณะผู้ตอบ", "text", required=False, store="characteristic",
           aliases=("ข้อมูลทั่วไป", "ลักษณะ"), example="เพศ"),
    Column("item", "รายการ", "text", aliases=("ประเด็น", "หัวข้อ", "ข้อ"), example="การเปิดโอกาสให้ประชาชนมีส่วนร่วม"),
    Column("respondents", "จำนวนผู้ตอบ", "number", required=False, aliases=("จำนวน", "จำนวนคน", "ผู้ตอบ"),
           example="230"),
    Column("very_satisfied", "พอใจมาก", "percent", required=False, aliases=("ร้อยละพอใจมาก",), example="35.4"),
    Column("satisfied", "พอใจ", "percent", required=False, aliases=("ร้อยละพอใจ",), example="52.2"),
    Column("not_satisfied", "ไม่พอใจ", "percent", required=False, aliases=("ร้อยละไม่พอใจ",), example="12.4"),
    Column("score", "คะแนน", "number", required=False, aliases=("คะแนนเต็ม 10", "คะแนนเฉลี่ย", "คะแนน (เต็ม 10)"),
           example="7.85"),
    _NOTE,
), key=("fiscal_year", "round", "table", "strategy", "group", "item"), quarterly=False)

KINDS: dict[str, Kind] = {k.name: k for k in (PROJECTS, PROGRESS, RESULTS, SURVEY)}

#: sheet names / titles that name a kind (an XLSX sheet named like this is read for that kind)
KIND_TITLES = {
    "projects": ("projects", "โครงการและงบประมาณ", "โครงการ"),
    "project_progress": ("project_progress", "ผลการดำเนินงานโครงการ", "ผลการดำเนินงาน", "progress"),
    "indicator_results": ("indicator_results", "ผลตัวชี้วัด", "results"),
    "satisfaction": ("satisfaction", "ผลสำรวจความพึงพอใจ", "ความพึงพอใจ", "survey"),
}

_PUNCT = re.compile(r"[\s_\-().%/\[\]:*\"'.,#]+")


def header_key(header: str) -> str:
    """Matching key of a header: no case, spaces, punctuation, BOM or trailing 'บาท'."""
    h = str(header).replace("\ufeff", "").translate(THAI_DIGITS).casefold()
    h = _PUNCT.sub("", h)
    return h.removesuffix("บาท")


def _aliases(kind: Kind) -> dict[str, str]:
    out = {}
    for c in kind.columns:
        for name in (c.name, c.th, *c.aliases):
            out.setdefault(header_key(name), c.name)
    return out


ALIASES = {k: _aliases(kind) for k, kind in KINDS.items()}


def match_header(kind: str, header: str) -> str | None:
    """Canonical column for a header as written, or None when unknown.

    Also accepts combined headers such as ``รหัสโครงการ / project_code`` or ``ไตรมาส (quarter)``.
    """
    table = ALIASES[kind]
    key = header_key(header)
    if key in table:
        return table[key]
    for part in re.split(r"[/\n()|]+", str(header)):
        if part.strip() and header_key(part) in table:
            return table[header_key(part)]
    return None


def detect_kind(headers: list[str]) -> str | None:
    """The kind whose required columns the headers cover best; None when nothing fits."""
    best, best_score = None, (0, 0.0, 0)
    for name, kind in KINDS.items():
        found = {match_header(name, h) for h in headers} - {None}
        req = [c.name for c in kind.required]
        n_req = sum(c in found for c in req)
        score = (int(n_req == len(req)), n_req / len(req), len(found))
        if score > best_score:
            best, best_score = name, score
    # need at least the key columns of the best kind to call it
    # (a key column the kind does not require, such as the survey's strategy, may be absent)
    if best is None or not all(k in {match_header(best, h) for h in headers}
                               for k in KINDS[best].key if KINDS[best].column(k).required):
        return None
    return best


def kind_of_sheet(sheet_name: str) -> str | None:
    key = header_key(sheet_name)
    for kind, titles in KIND_TITLES.items():
        if key in {header_key(t) for t in titles}:
            return kind
    return None


#: problem codes of the schema's own checks (pandera names them ``not_nullable`` and
#: ``multiple_fields_uniqueness``); every other check is named by its problem code
SCHEMA_CODES = {"not_nullable": "required_value", "multiple_fields_uniqueness": "duplicate_key"}


#: What a clean value of each column type must be: (problem code, pandera check, its arguments from
#: the plan). The one list of value rules: the schema is built from it and problems are named by it.
_RULES: dict[str, tuple[tuple[str, str, object], ...]] = {
    "year": (("year_outside_plan", "in_range", lambda plan: (plan.first_fy, plan.last_fy)),),
    "quarter": (("quarter_out_of_range", "in_range", lambda plan: (1, 4)),),
    "money": (("negative_amount", "ge", lambda plan: (0,)), ("implausible_value", "le", lambda plan: (MONEY_MAX,))),
    # each indicator's own range (the plan's) is checked apart; this is the bound no value may pass
    "number": (("implausible_value", "in_range", lambda plan: (-VALUE_MAX, VALUE_MAX)),),
    "percent": (("percent_out_of_range", "in_range", lambda plan: (0, 100)),),
    "goal": (("unknown_goal", "isin", lambda plan: (sorted(plan.goals),)),),
    "indicator": (("unknown_indicator", "isin", lambda plan: (sorted(plan.indicators),)),),
    "department": (("unknown_department", "isin", lambda plan: (sorted(plan.departments),)),),
    "status": (("bad_status", "isin", lambda plan: (list(PROJECT_STATUSES),)),),
    "yes_no": (("bad_yes_no", "isin", lambda plan: ([0, 1],)),),
}


def value_codes(column_type: str) -> tuple[str, ...]:
    """The problem codes of the value checks of a column type, in the order they are reported."""
    return tuple(code for code, _, _ in _RULES.get(column_type, ()))


def schema(kind: str, plan):
    """The pandera schema of the clean rows of ``kind`` (store column names, typed values), from the contract.

    The rules live here once: :func:`tracker.ingest.validate.check` turns its failures into the problems
    the user sees (required values, ranges, codes of the plan, the key unique in the file), and
    :func:`tracker.ingest.commit.commit` runs it again as the last guard before writing, so a bug in a
    normaliser can never put a quarter 5, a negative amount or an unknown status in the store. Reading
    what analysts type (Thai digits, Buddhist-Era years, baht signs, Thai status words) is the
    normalisers' part (:mod:`tracker.ingest.normalize`).
    """
    import pandera.pandas as pa

    k = KINDS[kind]

    def checks(column_type: str) -> list:
        return [getattr(pa.Check, check)(*args(plan), error=code) for code, check, args in _RULES.get(column_type, ())]

    columns = {c.store_name: pa.Column(checks=checks(c.type), nullable=not c.required or c.type == "yes_no")
               for c in k.columns}
    return pa.DataFrameSchema(columns, unique=list(k.store_key), report_duplicates="exclude_first", strict=False,
                              name=kind)


def schema_failures(kind: str, plan, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows that break :func:`schema`: ``index`` (of ``rows``), ``column`` (store name), ``code`` (the
    problem code), one row per failing cell. Empty when every row passes."""
    import pandera.errors

    try:
        schema(kind, plan).validate(rows, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        fc = exc.failure_cases
        fc = fc[fc["index"].notna()]
        return pd.DataFrame({"index": fc["index"].astype(int).to_numpy(), "column": fc["column"].to_numpy(),
                             "code": fc["check"].map(lambda c: SCHEMA_CODES.get(c, c)).to_numpy()})
    return pd.DataFrame({"index": pd.Series(dtype=int), "column": pd.Series(dtype=str), "code": pd.Series(dtype=str)})


#: Reference columns of the pre-filled quarterly forms (:mod:`tracker.ingest.forms`): form field -> catalog
#: key of its header. A form sent back carries them; the upload recognises them (in Thai and English) and
#: leaves them out without a warning.
FORM_INFO: dict[str, dict[str, str]] = {
    "projects": {f: f"form.col.{f}" for f in ("plan_strategy", "programme", "source")},
    "project_progress": {f: f"form.col.{f}" for f in ("name", "strategy", "programme", "department", "allocated",
                                                       "prefilled_from")},
    "indicator_results": {f: f"form.col.{f}" for f in ("name", "unit", "target", "aggregation", "how", "previous",
                                                        "previous_period", "year_to_date")},
    "satisfaction": {f: f"form.col.{f}" for f in ("strategy_name", "what")},
}
