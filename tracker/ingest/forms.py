"""Pre-filled quarterly forms: the year's funded projects and the plan's indicators, with their codes,
names, targets and units and what was last reported already filled in, so the analyst types only the
new figures and uploads the file back through the normal upload.

Three forms, one per upload kind (a CSV holds one table):

- ``projects`` (by fiscal year): the year's projects as stored (the plan-book import stores each book
  project of each plan year; the allocated budget is what the analyst types once the ordinance passes),
  every column to check or change; yes/no, goal and department cells are drop-down lists;
- ``project_progress``: one row per project of the fiscal year with an allocated budget (optionally one
  department's); the status, progress and cumulative committed / disbursed amounts of the latest
  earlier quarter of the same fiscal year are filled in (money is cumulative within a year, so nothing
  carries over from an earlier year: a project not reported yet this year is left blank);
- ``satisfaction`` (by fiscal year and survey round: ``quarter`` 4 = the annual survey, 2 = the six-month one):
  the survey's tables as the upload reads them — the respondents' groups, the points assessed of form 3/2 and
  its overall row, and for every strategy of the plan its points and overall row (form 3/3) — taken from the
  latest survey loaded (else the official forms' groups and points), the figures blank;
- ``indicator_results``: one row per indicator (optionally the department's own) with its unit, the
  year's target, how its quarters combine, whether to type the quarter's value or the value at the end
  of the quarter, the last value reported and, for summed indicators, the year so far. The value is left
  blank: a row left blank is not imported (:func:`tracker.ingest.validate.check`).

Key columns (code, year, quarter) and the reference columns are locked in the XLSX (sheet protection
without a password: the form guards against slips, not against its owner); the cells to type are
unlocked, have drop-down lists or number checks (Excel data validation) and number formats. Reference
columns are recognised on upload and ignored (:data:`tracker.ingest.contract.FORM_INFO`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from tracker import periods
from tracker.i18n import t
from tracker.ingest.contract import FORM_INFO, KINDS
from tracker.status import PROJECT_STATUSES, missing
from tracker.store import forms as store_forms
from tracker.store import reads
from tracker.tables import csv_bytes, neutralise_cell

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORM_KINDS = ("projects", "project_progress", "indicator_results")
#: the survey form: by fiscal year and round (the round's quarter, as the satisfaction indicator's)
SURVEY_FORM = "satisfaction"
SURVEY_ROUNDS = {4: "annual", 2: "half"}
FONT = "TH Sarabun New"
YEARLY = ("projects",)   #: forms of a fiscal year, not of a quarter
HEADER_ROW = 3          #: title on row 1, what to do on row 2, headers on row 3, data from row 4
_FIXED_TIME = datetime(2026, 1, 1)   # stable document properties


@dataclass(frozen=True)
class FormColumn:
    """A column of a form: ``key`` (the field of the form's rows), ``role`` (``key`` locked and uploaded,
    ``info`` locked and ignored on upload, ``input`` typed by the analyst), ``fmt`` (number format kind)."""

    key: str
    role: str
    fmt: str = "text"
    width: int = 14

    def header(self, kind: str, lang: str) -> str:
        """The header as the form writes it: the contract's Thai header for what is uploaded (the Thai
        header with the column's code after it in English), the catalog's words for reference columns."""
        if self.role == "info":
            return t(FORM_INFO[kind][self.key], lang)
        th = KINDS[kind].column(self.key).th
        return th if lang == "th" else f"{th} / {self.key}"


COLUMNS: dict[str, tuple[FormColumn, ...]] = {
    "projects": (
        FormColumn("project_code", "key", width=16), FormColumn("fiscal_year", "key", "int", 10),
        FormColumn("plan_strategy", "info", width=26), FormColumn("programme", "info", width=24),
        FormColumn("source", "info", width=22),
        FormColumn("goal", "input", "goal", 10), FormColumn("name_th", "input", width=42),
        FormColumn("department", "input", "department", 22), FormColumn("village", "input", width=10),
        FormColumn("budget_category", "input", width=22), FormColumn("planned_budget", "input", "money", 16),
        FormColumn("allocated_budget", "input", "money", 16), FormColumn("funding_source", "input", width=20),
        FormColumn("indicator_codes", "input", width=18), FormColumn("is_welfare_transfer", "input", "yes_no", 14),
        FormColumn("added_by_revision", "input", "yes_no", 12), FormColumn("name_en", "input", width=32),
    ),
    "project_progress": (
        FormColumn("project_code", "key", width=16), FormColumn("fiscal_year", "key", "int", 10),
        FormColumn("quarter", "key", "int", 8), FormColumn("name", "info", width=42),
        FormColumn("strategy", "info", width=26), FormColumn("programme", "info", width=24),
        FormColumn("department", "info", width=20), FormColumn("allocated", "info", "money", 16),
        FormColumn("prefilled_from", "info", width=18),
        FormColumn("status", "input", "status", 22), FormColumn("progress_pct", "input", "pct", 12),
        FormColumn("committed", "input", "money", 16), FormColumn("disbursed", "input", "money", 16),
        FormColumn("note", "input", width=30),
    ),
    "indicator_results": (
        FormColumn("indicator_code", "key", width=12), FormColumn("fiscal_year", "key", "int", 10),
        FormColumn("quarter", "key", "int", 8), FormColumn("name", "info", width=44),
        FormColumn("unit", "info", width=10), FormColumn("target", "info", "num", 12),
        FormColumn("aggregation", "info", width=12), FormColumn("how", "info", width=30),
        FormColumn("previous", "info", "num", 12), FormColumn("previous_period", "info", width=14),
        FormColumn("year_to_date", "info", "num", 14),
        FormColumn("value", "input", "num", 14), FormColumn("note", "input", width=30),
    ),
    "satisfaction": (
        FormColumn("fiscal_year", "key", "int", 10), FormColumn("round", "key", width=12),
        FormColumn("table", "key", width=16), FormColumn("strategy", "key", "int", 10),
        FormColumn("strategy_name", "info", width=28), FormColumn("group", "key", width=12),
        FormColumn("item", "key", width=56), FormColumn("what", "info", width=30),
        FormColumn("respondents", "input", "int", 12), FormColumn("very_satisfied", "input", "pct", 11),
        FormColumn("satisfied", "input", "pct", 11), FormColumn("not_satisfied", "input", "pct", 11),
        FormColumn("score", "input", "score", 11), FormColumn("note", "input", width=24),
    ),
}
NUMBER_FORMATS = {"int": "0", "goal": "0", "money": "#,##0.00", "pct": "0.##", "num": "#,##0.##", "score": "0.00"}


def _period(fy: int, q: int, lang: str) -> str:
    return f"{q}/{fy}" if lang == "th" else f"Q{q} FY{fy}"


def progress_rows(db, fiscal_year: int, quarter: int, *, lang: str = "th",
                  department: str | None = None) -> pd.DataFrame:
    """The rows of the progress form (columns :data:`COLUMNS` ``project_progress``; status as the words of
    the form, in ``lang``)."""
    projects = store_forms.funded_projects(db, fiscal_year, department)
    before = store_forms.progress_before(db, fiscal_year, quarter).set_index("project_code")
    code = projects["project_code"]
    had = code.isin(before.index)
    prev = before.reindex(code)
    prev.index = projects.index
    strategy = projects[f"strategy_{lang}"].where(projects[f"strategy_{lang}"].notna(),
                                                  projects["goal_no"].map(lambda g: t("plan.goal_n", lang, n=g)))
    status = prev["status"].where(had)
    return pd.DataFrame({
        "project_code": code, "fiscal_year": int(fiscal_year), "quarter": int(quarter),
        "name": projects["name_th"] if lang == "th" else projects["name_en"].fillna(projects["name_th"]),
        "strategy": strategy.fillna(""), "programme": projects[f"programme_{lang}"].fillna(""),
        "department": projects[f"department_{lang}"].fillna(projects["department"]),
        "allocated": projects["allocated_budget"].astype(float),
        "prefilled_from": [_period(fiscal_year, int(q), lang) if h else t("form.not_reported", lang)
                           for h, q in zip(had, prev["quarter"].fillna(0))],
        "status": status.map(lambda s: t(f"pstatus.{s}", lang), na_action="ignore"),
        "progress_pct": prev["progress_pct"].where(had).astype(float),
        "committed": prev["committed"].where(had).astype(float),
        "disbursed": prev["disbursed"].where(had).astype(float),
        "note": "",
    }).reset_index(drop=True)


def results_rows(db, fiscal_year: int, quarter: int, *, lang: str = "th",
                 department: str | None = None) -> pd.DataFrame:
    """The rows of the indicator form (columns :data:`COLUMNS` ``indicator_results``), the value blank."""
    inds = reads.indicators(db)
    if department:
        inds = inds[inds["owner"] == department]
    targets = reads.targets(db)
    target = targets[targets["fiscal_year"] == int(fiscal_year)].set_index("indicator_code")["target"]
    earlier = store_forms.results_before(db, fiscal_year, quarter)
    last = earlier.groupby("indicator_code").tail(1).set_index("indicator_code")
    this_year = earlier[earlier["fiscal_year"] == int(fiscal_year)].groupby("indicator_code")["value"].sum()
    code = inds["code"]
    prev = last.reindex(code)
    prev.index = inds.index
    summed = inds["aggregation"] == "sum"
    return pd.DataFrame({
        "indicator_code": code, "fiscal_year": int(fiscal_year), "quarter": int(quarter),
        "name": inds[f"name_{lang}"], "unit": inds[f"unit_{lang}"],
        "target": code.map(target).astype(float),
        "aggregation": inds["aggregation"].map(lambda a: t(f"aggregation.{a}", lang)),
        "how": inds["aggregation"].map(lambda a: t(f"form.how.{a}", lang)),
        "previous": prev["value"].astype(float),
        "previous_period": [_period(int(y), int(q), lang) if not missing(y) else t("form.not_reported", lang)
                            for y, q in zip(prev["fiscal_year"], prev["quarter"])],
        "year_to_date": code.map(this_year).where(summed).astype(float).where(~summed | (int(quarter) > 1)),
        "value": float("nan"), "note": "",
    }).reset_index(drop=True)


def projects_rows(db, fiscal_year: int, quarter: int | None = None, *, lang: str = "th",
                  department: str | None = None) -> pd.DataFrame:
    """The rows of the projects form (columns :data:`COLUMNS` ``projects``): the year's projects as stored,
    with where the plan book puts them; yes/no and departments as the form's words in ``lang``. ``quarter``
    is not used: projects and budgets are by fiscal year."""
    p = store_forms.year_projects(db, fiscal_year, department)
    yes, no = t("form.yes", lang), t("form.no", lang)

    def words(col: str) -> pd.Series:
        return p[col].map(lambda v: None if missing(v) else (yes if int(v) else no))

    strategy = p[f"strategy_{lang}"].where(p[f"strategy_{lang}"].notna(),
                                           p["goal_no"].map(lambda g: t("plan.goal_n", lang, n=g), na_action="ignore"))
    return pd.DataFrame({
        "project_code": p["project_code"], "fiscal_year": int(fiscal_year),
        "plan_strategy": strategy.fillna(""), "programme": p[f"programme_{lang}"].fillna(""),
        "source": p["in_book"].map(lambda b: t("form.source.plan" if b else "form.source.stored", lang)),
        "goal": p["goal_no"].astype("Int64"), "name_th": p["name_th"],
        "department": p[f"department_{lang}"].fillna(p["department"]),
        "village": p["villages"], "budget_category": p["budget_category"],
        "planned_budget": p["planned_budget"].astype(float), "allocated_budget": p["allocated_budget"].astype(float),
        "funding_source": p["funding_source"], "indicator_codes": p["indicator_codes"],
        "is_welfare_transfer": words("is_welfare_transfer"), "added_by_revision": words("added_by_revision"),
        "name_en": p["name_en"],
    }).reset_index(drop=True)


def survey_rows(db, fiscal_year: int, quarter: int, *, lang: str = "th", department: str | None = None) -> pd.DataFrame:
    """The rows of the survey form (columns :data:`COLUMNS` ``satisfaction``) of ``fiscal_year`` and the round of
    ``quarter`` (4 annual, 2 six-month): the groups and points of the latest survey loaded (else the official
    forms'), every strategy of the plan on form 3/3, the figures blank; words in ``lang`` (the upload reads
    both). ``department`` is not used: a survey is the whole organization's."""
    from tracker.ingest.survey import DEFAULT_GROUPS, DEFAULT_ITEMS, is_overall_item
    from tracker.store import planbook, surveys

    rnd = SURVEY_ROUNDS.get(int(quarter), "annual")
    last = surveys.latest(db)
    groups = {g: list(items) for g, items in DEFAULT_GROUPS.items()}
    items, per_strategy = list(DEFAULT_ITEMS), {}
    if len(last):
        people = last[(last["survey_table"] == "respondents") & ~last["item"].map(is_overall_item)]
        if len(people):
            groups = {g: people.loc[people["characteristic"] == g, "item"].tolist() for g in DEFAULT_GROUPS}
        overall = last[(last["survey_table"] == "overall") & ~last["item"].map(is_overall_item)]
        items = overall["item"].tolist() or items
        strat = last[(last["survey_table"] == "strategy") & ~last["item"].map(is_overall_item)]
        per_strategy = {int(n): part["item"].tolist() for n, part in strat.groupby("strategy_no")}
    overall_word = t("survey.overall_item", "th")     # the upload reads ภาพรวม in either language's form
    base = {"fiscal_year": int(fiscal_year), "round": t(f"me.round.kind.{rnd}", lang), "strategy": None,
            "strategy_name": "", "group": "", "note": ""}
    rows = []

    def add(table: str, item: str, what: str, **values) -> None:
        rows.append({**base, "table": t(f"survey.table.{table}", lang), "item": item,
                     "what": t(f"form.survey.what.{what}", lang), **values})

    for g, names in groups.items():
        for name in names:
            add("respondents", name, "people", group=t(f"survey.group.{g}", lang))
    for name in [*items, overall_word]:
        add("overall", name, "shares")
    strategies = planbook.strategies(db)
    for r in strategies.itertuples(index=False):
        for name in [*per_strategy.get(int(r.number), items), overall_word]:
            add("strategy", name, "score", strategy=int(r.number), strategy_name=getattr(r, f"short_{lang}") or "")
    out = pd.DataFrame(rows, columns=[c.key for c in COLUMNS[SURVEY_FORM] if c.role != "input"] + ["note"])
    for c in ("respondents", "very_satisfied", "satisfied", "not_satisfied", "score"):
        out[c] = float("nan")
    out["strategy"] = out["strategy"].astype("Int64")
    return out


ROWS = {"projects": projects_rows, "project_progress": progress_rows, "indicator_results": results_rows,
        SURVEY_FORM: survey_rows}


def form_frame(db, kind: str, fiscal_year: int, quarter: int, *, lang: str = "th",
               department: str | None = None) -> pd.DataFrame:
    """The form of ``kind`` as a table headed as the form heads it (what the CSV holds)."""
    if kind not in ROWS:
        raise ValueError(f"no form for {kind!r}; expected one of {', '.join(FORM_KINDS)}")
    rows = ROWS[kind](db, fiscal_year, quarter, lang=lang, department=department)
    return pd.DataFrame({c.header(kind, lang): rows[c.key] for c in COLUMNS[kind]})


def form_csv(db, kind: str, fiscal_year: int, quarter: int, *, lang: str = "th",
             department: str | None = None) -> bytes:
    """The form as CSV (UTF-8 with BOM, what Thai Excel opens): the header row, then one row per line."""
    return csv_bytes(form_frame(db, kind, fiscal_year, quarter, lang=lang, department=department))


def file_name(kind: str, fiscal_year: int, quarter: int, ext: str, department: str | None = None) -> str:
    """``form-project_progress-2570-Q1[-ENG].xlsx``; the projects form is by year: ``form-projects-2570.xlsx``;
    the ZIP of every department's form: ``form-project_progress-2570-Q1-departments.zip``."""
    period = (f"{fiscal_year}" if kind in YEARLY else f"{fiscal_year}-{SURVEY_ROUNDS[int(quarter)]}" if kind == SURVEY_FORM
              else f"{fiscal_year}-Q{quarter}")
    if ext == "zip":
        return f"form-{kind}-{period}-departments.zip"
    return f"form-{kind}-{period}{'-' + department if department else ''}.{ext}"


def form_xlsx(db, kind: str, fiscal_year: int, quarter: int, *, lang: str = "th", department: str | None = None,
              org: str = "") -> bytes:
    """The form as an Excel workbook: the form sheet (named after the kind, so the upload reads it) and a
    sheet of instructions (see the module docstring)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = ROWS[kind](db, fiscal_year, quarter, lang=lang, department=department)
    cols = COLUMNS[kind]
    wb = Workbook()
    wb.properties.creator = "tracker"
    wb.properties.created = _FIXED_TIME
    ws = wb.active
    ws.title = t(f"ingest.kind.{kind}", "th")[:31]
    normal, bold = Font(name=FONT, size=14), Font(name=FONT, size=14, bold=True)
    locked_fill, head_fill = PatternFill("solid", fgColor="E7E6E6"), PatternFill("solid", fgColor="DDEBF7")
    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    n_rows, last_col = len(rows), get_column_letter(len(cols))
    period = periods.quarter_label(quarter, lang, fiscal_year)
    title = t(f"form.title.{kind}", lang, quarter=period, fy=periods.fy_label(fiscal_year, lang),
              round=t(f"me.round.kind.{SURVEY_ROUNDS.get(int(quarter), 'annual')}", lang))
    ws.cell(row=1, column=1, value=neutralise_cell(title + (f" — {org}" if org else ""))).font = Font(
        name=FONT, size=16, bold=True)
    ws.cell(row=2, column=1, value=t(f"form.instructions.{kind}", lang)).font = normal
    ws.merge_cells(f"A1:{last_col}1")
    ws.merge_cells(f"A2:{last_col}2")
    ws.row_dimensions[2].height = 42
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    for j, c in enumerate(cols, start=1):
        cell = ws.cell(row=HEADER_ROW, column=j, value=c.header(kind, lang))
        cell.font, cell.fill, cell.border = bold, head_fill, border
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(j)].width = c.width
    ws.row_dimensions[HEADER_ROW].height = 40
    for i, rec in enumerate(rows.itertuples(index=False), start=HEADER_ROW + 1):
        for j, c in enumerate(cols, start=1):
            v = getattr(rec, c.key)
            if missing(v) or v == "":
                v = None
            elif isinstance(v, str):
                v = neutralise_cell(v)
            cell = ws.cell(row=i, column=j, value=v)
            if isinstance(v, str):
                cell.data_type = "s"
            cell.font, cell.border = normal, border
            if c.fmt in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[c.fmt]
            if c.role == "input":
                cell.protection = Protection(locked=False)
            else:
                cell.fill = locked_fill
            if c.key in ("name", "name_th"):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    first, last = HEADER_ROW + 1, HEADER_ROW + max(n_rows, 1)
    lists = {"goal": [str(g) for g in reads.goals(db)["goal_no"]],
             "department": reads.departments(db)[f"name_{lang}"].tolist()} if kind == "projects" else {}
    _validations(ws, kind, cols, lang, first, last, DataValidation, lists)
    ws.freeze_panes = ws.cell(row=first, column=4)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{HEADER_ROW + n_rows}"
    ws.protection.sheet = True
    for allowed in ("formatCells", "formatColumns", "formatRows", "autoFilter", "sort"):
        setattr(ws.protection, allowed, False)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _notes_sheet(wb, kind, lang, normal, bold)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def department_forms_zip(db, kind: str, fiscal_year: int, quarter: int, *, lang: str = "th", org: str = "") -> bytes:
    """Every department's own form of ``kind`` in one ZIP, one workbook per department that has lines
    (``form-project_progress-2570-Q1-ENG-กองช่าง.xlsx``): what the planning analyst sends to each division and
    each division sends back as it is (the upload reads one sheet per file, so per-department workbooks,
    not sheets of one workbook, are what comes back without copying)."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for d in reads.departments(db).itertuples(index=False):
            if ROWS[kind](db, fiscal_year, quarter, lang=lang, department=d.code).empty:
                continue
            name = file_name(kind, fiscal_year, quarter, "xlsx", d.code)
            info = zipfile.ZipInfo(name.removesuffix(".xlsx") + f"-{_safe(getattr(d, f'name_{lang}'))}.xlsx",
                                   date_time=_FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, form_xlsx(db, kind, fiscal_year, quarter, lang=lang, department=d.code, org=org))
    return buf.getvalue()


def _safe(name: str) -> str:
    """A department's name as part of a file name: no path or reserved characters, spaces as ``-``."""
    return re.sub(r"[\\/:*?\"<>|\s]+", "-", str(name)).strip("-.")[:60]


def _validations(ws, kind: str, cols, lang: str, first: int, last: int, DataValidation,
                 lists: dict[str, list[str]]) -> None:
    """Drop-down lists of statuses, yes/no, goals and departments, 0–100 for progress, 0 or more for money
    (Excel data validation)."""
    from openpyxl.utils import get_column_letter

    letter = {c.key: get_column_letter(j) for j, c in enumerate(cols, start=1)}

    def add(dv, key):
        dv.error, dv.errorTitle = t(f"form.check.{dv.type}", lang), t("form.check.title", lang)
        dv.showErrorMessage = True
        dv.add(f"{letter[key]}{first}:{letter[key]}{last}")
        ws.add_data_validation(dv)

    if kind == "projects":
        yes_no = f'"{t("form.yes", lang)},{t("form.no", lang)}"'
        for key in ("is_welfare_transfer", "added_by_revision"):
            add(DataValidation(type="list", formula1=yes_no, allow_blank=True), key)
        for key in ("planned_budget", "allocated_budget"):
            add(DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True), key)
        # goals and departments are listed on a hidden sheet: a department's name may hold a comma, and an
        # inline list is limited to 255 characters
        hidden = ws.parent.create_sheet("lists")
        hidden.sheet_state = "hidden"
        for j, key in enumerate(("goal", "department"), start=1):
            words = lists.get(key, [])
            if not words:
                continue
            for i, w in enumerate(words, start=1):
                hidden.cell(row=i, column=j, value=neutralise_cell(w)).data_type = "s"
            col = get_column_letter(j)
            add(DataValidation(type="list", formula1=f"lists!${col}$1:${col}${len(words)}", allow_blank=False), key)
    elif kind == "project_progress":
        words = ",".join(t(f"pstatus.{s}", lang) for s in PROJECT_STATUSES)
        add(DataValidation(type="list", formula1=f'"{words}"', allow_blank=False), "status")
        add(DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True),
            "progress_pct")
        for key in ("committed", "disbursed"):
            add(DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True), key)
    elif kind == SURVEY_FORM:
        add(DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True), "respondents")
        for key in ("very_satisfied", "satisfied", "not_satisfied"):
            add(DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True), key)
        add(DataValidation(type="decimal", operator="between", formula1="0", formula2="10", allow_blank=True), "score")
    else:
        add(DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True), "value")


def _notes_sheet(wb, kind: str, lang: str, normal, bold) -> None:
    """What each column is and how to send the form back, in the form's language."""
    ws = wb.create_sheet(t("ingest.template.notes_sheet", lang)[:31])
    ws.append([t("form.notes.heading", lang)])
    for key in ("form.notes.locked", "form.notes.blank", "form.notes.upload"):
        ws.append([t(key, lang)])
    ws.append([])
    ws.append([t("ingest.template.column", lang), t("form.notes.what", lang)])
    for c in COLUMNS[kind]:
        what = (t("form.notes.reference", lang) if c.role == "info"
                else t(f"ingest.col.{c.key}", lang))
        ws.append([c.header(kind, lang), what])
    for row in ws.iter_rows():
        for cell in row:
            cell.font = bold if cell.row in (1, 6) else normal
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 34, 90
