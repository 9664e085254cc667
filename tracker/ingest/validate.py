"""Check a read file against the contract, collecting every problem at once.

:func:`check` returns the clean, typed rows (store column names + ``_row``) and a problem table
with the columns of :data:`PROBLEM_COLUMNS`. Errors block the whole file; warnings are shown but
don't block. Checks run on whole columns (pandas), so a 100,000-row file costs about as much as a
few column operations; only the problems themselves are formatted one by one.
"""

from __future__ import annotations

import re

import pandas as pd

from tracker import fmt, store
from tracker.i18n import t
from tracker.ingest import normalize as n
from tracker.ingest import plausible, survey
from tracker.ingest.contract import FORM_INFO, PROJECTS, Kind, header_key, match_header, schema_failures, value_codes
from tracker.ingest.read import ROW
from tracker.status import missing
from tracker.store import uploads

PROBLEM_COLUMNS = ["row", "column", "value", "code", "severity", "message_th", "message_en"]
PROJECTS_COLUMNS = PROJECTS.columns
WARNING_CODES = frozenset({"unknown_column", "disbursed_above_allocated", "disbursed_decreased",
                           "completed_below_100", "plan_book_value", *plausible.CODES, *survey.WARNING_CODES})
#: every problem code, for the documentation and the tests
PROBLEM_CODES = (
    "file_too_large", "empty_file", "unsupported_format", "bad_encoding", "malformed_csv", "unreadable_xlsx",
    "unknown_kind", "missing_column", "duplicate_column", "unknown_column", "required_value", "not_a_number",
    "not_a_year", "year_outside_plan", "not_a_quarter", "quarter_out_of_range", "percent_out_of_range",
    "negative_amount", "bad_status", "bad_yes_no", "unknown_goal", "unknown_department", "unknown_village",
    "unknown_indicator", "unknown_project", "duplicate_key", "quarter_locked", "number_format", "implausible_value",
    "bad_code", "bad_character", "too_many_rows", "too_many_columns", "project_year_locked", "disbursed_above_allocated",
    "disbursed_decreased", "completed_below_100", "plan_book_value", *plausible.CODES, "nothing_filled",
    "html_without_table", *survey.CODES,
)


def _fmt(values: pd.Series, mask: pd.Series) -> pd.Series:
    """Format numbers for messages only where a problem was found (not the whole column)."""
    return values[mask].map(fmt.number).reindex(values.index)


def join_columns(df: pd.DataFrame, cols) -> pd.Series:
    """``"G1-P01 / 2569 / 2"``: columns joined as text, vectorised (no row-wise apply)."""
    cols = list(cols)
    out = df[cols[0]].astype(str)
    for c in cols[1:]:
        out = out + " / " + df[c].astype(str)
    return out


class Problems:
    """Collects problems as small frames; :meth:`frame` formats the Thai and English messages."""

    def __init__(self) -> None:
        self._parts: list[pd.DataFrame] = []

    def add(self, code: str, mask: pd.Series, rows: pd.Series, column: str | None, values: pd.Series,
            **params) -> None:
        """One problem per row where ``mask`` is true; ``params`` are scalars or aligned Series."""
        mask = mask.fillna(False).astype(bool) if mask.dtype != bool else mask
        if not mask.any():
            return
        part = pd.DataFrame({"row": rows[mask].astype("Int64"), "column": column,
                             "value": values[mask].astype(str), "code": code})
        for k, v in params.items():
            part[k] = v[mask].astype(object) if isinstance(v, pd.Series) else v
        self._parts.append(part)

    def file(self, code: str, *, row: int | None = None, column: str | None = None, value: str = "",
             **params) -> None:
        self._parts.append(pd.DataFrame([{"row": row, "column": column, "value": value, "code": code, **params}]))

    def frame(self) -> pd.DataFrame:
        if not self._parts:
            return pd.DataFrame({c: pd.Series(dtype="Int64" if c == "row" else "str") for c in PROBLEM_COLUMNS})
        records = pd.concat([p.astype(object) for p in self._parts], ignore_index=True).to_dict("records")
        out = []
        for r in records:
            row, column = r.pop("row"), r.pop("column")
            row = None if missing(row) else int(row)
            column = None if missing(column) else str(column)
            params = {k: v for k, v in r.items() if not missing(v)}
            params.setdefault("value", "")
            code = params.pop("code")
            msgs = {}
            for lang in ("th", "en"):
                if row is not None and column is not None:
                    where = t("ingest.where.cell", lang, row=row, column=column)
                elif row is not None:
                    where = t("ingest.where.row", lang, row=row)
                elif column is not None:
                    where = t("ingest.where.column", lang, column=column)
                else:
                    where = t("ingest.where.file", lang)
                msgs[lang] = where + t(f"ingest.problem.{code}", lang, column=column or "", **params)
            out.append({"row": row, "column": column, "value": str(params["value"]), "code": code,
                        "severity": "warning" if code in WARNING_CODES else "error",
                        "message_th": msgs["th"], "message_en": msgs["en"]})
        df = pd.DataFrame(out, columns=PROBLEM_COLUMNS)
        df["row"] = df["row"].astype("Int64")
        return df.sort_values(["row"], na_position="first", kind="stable").reset_index(drop=True)


def map_headers(headers: list[str], kind: Kind, problems: Problems, saved: dict[str, str] | None = None,
                *, header_row: int = 1) -> dict[str, str]:
    """Canonical column -> header as written. Unknown, duplicate and missing headers become problems, placed
    on ``header_row`` (the header's row in the file: 3 under a form's title and instructions).

    ``saved`` (a saved column mapping, header -> column, "" = leave out) is followed first."""
    mapping: dict[str, str] = {}
    reference = form_reference_keys(kind.name)
    for h in headers:
        if saved is not None and h in saved:
            if not saved[h]:
                continue     # the mapping leaves this column out
            c = saved[h]
        else:
            c = match_header(kind.name, h)
        if c is None and header_key(h) in reference:
            continue     # a reference column of a pre-filled form: known, not imported

        mangled = re.fullmatch(r"(.+)\.(\d+)", h)   # pandas renames a repeated header "value" to "value.1"
        if mangled and mangled.group(1) in headers:
            problems.file("duplicate_column", row=header_row, column=mangled.group(1), value=mangled.group(1))
            continue
        if c is None:
            problems.file("unknown_column", row=header_row, column=h, value=h)
        elif c in mapping:
            problems.file("duplicate_column", row=header_row, column=h, value=h)
        else:
            mapping[c] = h
    for c in kind.required:
        if c.name not in mapping:
            problems.file("missing_column", row=header_row, column=c.name, column_th=c.th)
    return mapping


def form_reference_keys(kind: str) -> set[str]:
    """Header keys of the reference columns of ``kind``'s pre-filled form, in both languages."""
    return {header_key(t(key, lang)) for key in FORM_INFO.get(kind, {}).values() for lang in ("th", "en")}


def blank_rows(raw: pd.DataFrame, kind: Kind, mapping: dict[str, str]) -> pd.Series:
    """Lines of a pre-filled form (a file with the form's reference columns) the analyst left blank: every
    column to type empty. They are left out, not refused; the preview lists them. In any other file a
    row with a key and nothing else stays an error (``required_value``)."""
    inputs = [h for c, h in mapping.items() if c not in kind.key]
    reference = form_reference_keys(kind.name)
    is_form = any(header_key(h) in reference for h in raw.columns if h != ROW)
    if not is_form or not (kind.quarterly or kind.name == "satisfaction") or not inputs \
            or not all(k in mapping for k in kind.key):
        return pd.Series(False, index=raw.index)
    return raw[inputs].astype(str).apply(lambda s: s.str.strip() == "").all(axis=1)


_MONEY_DASH = re.compile(r"(?<=[\d๐-๙])\s*\.?-(?=\s*(?:บาท)?\s*$)")


def _money_dashes(raw: pd.DataFrame, kind: Kind, mapping: dict[str, str]) -> pd.DataFrame:
    """``1,250,000.-`` (how Thai documents close an amount) is 1,250,000: the closing ``.-`` or ``-`` after the
    digits goes (a lone ``-`` stays: it is zero). The preview still shows the cell as written."""
    heads = [mapping[c.name] for c in kind.columns if c.type == "money" and c.name in mapping]
    if not heads:
        return raw
    out = raw.copy()
    for h in heads:
        out[h] = n.by_unique(out[h].astype(str), lambda u: _MONEY_DASH.sub("", str(u)), "str")
    return out


def _departments_by_alias(cells: pd.Series, values: pd.Series, bad: pd.Series, plan, db
                          ) -> tuple[pd.Series, pd.Series]:
    """Departments as offices write them (``กองการศึกษาฯ``, ``สำนักงานปลัด``, ``กองช่าง`` with ``งานสาธารณูปโภค``
    on a second line): cells the plan's own names miss are matched through the plan's and the office's department
    aliases, as the plan-book import matches them (its DepartmentMatcher: the first division named leads)."""
    if not bad.any():
        return values, bad
    from tracker.ingest.planbook import DepartmentMatcher, Division
    from tracker.store import planbook as store_plan

    stored = store_plan.department_aliases(db) if db["department_aliases"].exists() else None
    aliases = {a: d.code for d in plan.departments.values() for a in d.aliases}
    if stored is not None and len(stored):
        aliases.update(zip(stored["written"], stored["department"]))
    matcher = DepartmentMatcher([Division(d.code, d.name.th) for d in plan.departments.values()], aliases)
    found = n.by_unique(cells[bad], lambda u: matcher.normalise(u).code)
    values = values.astype(object).copy()
    values[bad] = found
    return values, bad & values.isna()


def _read(typ: str, s: pd.Series, plan) -> tuple[pd.Series, list[tuple[str, pd.Series]]]:
    """Cells of a column of type ``typ`` as clean values (the Thai-Excel readings of
    :mod:`tracker.ingest.normalize`) and the cells that could not be read: ``[(problem code, mask)]``."""
    if typ == "text":
        v, bad = n.name(s)
        return v.where(v != ""), [("bad_character", bad)]
    if typ in ("code", "indicator"):
        v, bad = n.code(s)
        return v.where(v != ""), [("bad_code", bad)]
    if typ in ("money", "percent", "number"):
        v, bad, bad_format = n.number(s, money=typ == "money", percent=typ in ("percent", "number"), formats=True)
        return v, [("not_a_number", bad), ("number_format", bad_format)]
    readers = {"year": (n.year, "not_a_year"), "quarter": (n.quarter, "not_a_quarter"),
               "goal": (n.goal, "unknown_goal"), "status": (n.status, "bad_status"),
               "yes_no": (n.yes_no, "bad_yes_no"), "department": (lambda x: n.department(x, plan), "unknown_department"),
               "villages": (lambda x: n.villages(x, plan.villages), "unknown_village"),
               "indicators": (lambda x: n.indicator_list(x, plan.indicators), "unknown_indicator")}
    if typ not in readers:  # pragma: no cover - contract and parsers are kept in step by the tests
        raise ValueError(f"unknown column type {typ}")
    reader, code = readers[typ]
    v, bad = reader(s)
    return v, [(code, bad)]


def check(raw: pd.DataFrame, kind: Kind, *, plan, db, saved: dict[str, str] | None = None,
          header_row: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate ``raw`` (text cells + ``_row``) as ``kind``: (clean rows, problem table).

    Each cell is read the way Thai Excel writes it (unreadable cells are problems), then the clean
    rows are checked against the contract's schema (:func:`tracker.ingest.contract.schema`: required
    values, ranges, codes of the plan, the key unique in the file); then the checks against the store
    (unknown projects, falling cumulative money, locked quarters).
    """
    P = Problems()
    headers = [c for c in raw.columns if c != ROW]
    if header_row is None:
        header_row = int(raw.attrs.get("header_row", 1))
    mapping = map_headers(headers, kind, P, saved, header_row=header_row)
    blank = blank_rows(raw, kind, mapping)
    skipped = raw.loc[blank, ROW].astype(int).tolist()
    if skipped:
        raw = raw.loc[~blank].reset_index(drop=True)
    rows = raw[ROW]
    clean = pd.DataFrame({ROW: rows})
    unreadable: dict[str, list[tuple[str, pd.Series]]] = {}
    cells = _money_dashes(raw, kind, mapping)
    for c in kind.columns:
        if c.name in mapping:
            clean[c.store_name], unreadable[c.store_name] = _read(c.type, cells[mapping[c.name]].astype(str), plan)
        else:
            clean[c.store_name] = 0 if c.type == "yes_no" else None
    dept = next((c for c in kind.columns if c.type == "department" and c.name in mapping), None)
    if dept is not None:
        (code, bad), = unreadable[dept.store_name]
        clean[dept.store_name], still = _departments_by_alias(raw[mapping[dept.name]].astype(str),
                                                              clean[dept.store_name], bad, plan, db)
        unreadable[dept.store_name] = [(code, still)]
    if kind.name == "satisfaction":     # the survey's words (รอบ, ตาราง, …) to codes before the key is checked
        survey.normalise(raw, clean, mapping, P, plan)
    failures = schema_failures(kind.name, plan, clean)
    params = {"unknown_goal": {"goals": ", ".join(map(str, sorted(plan.goals)))},
              "year_outside_plan": {"first": plan.first_fy, "last": plan.last_fy},
              "unknown_department": {"example": next(iter(plan.departments.values())).name.th
                                     if plan.departments else "-"},
              "unknown_village": {"villages": f"{min(plan.villages)}–{max(plan.villages)}" if plan.villages else "-"}}

    def failed(col: str, code: str) -> pd.Series:
        hit = failures.loc[(failures["column"] == col) & (failures["code"] == code), "index"]
        return pd.Series(clean.index.isin(hit), index=clean.index)

    for c in kind.columns:    # problems column by column, in the contract's order
        if c.name not in mapping:
            continue
        col, header = c.store_name, mapping[c.name]
        s = raw[header].astype(str)
        if c.required:        # an unreadable cell is reported as such, not as missing
            lacking = failed(col, "required_value")
            if lacking.any():     # (only then: reading every cell again costs a pass over the column)
                P.add("required_value", lacking & n.empty(s), rows, header, s)
        for code, bad in unreadable[col]:
            P.add(code, bad, rows, header, s, **params.get(code, {}))
        for code in value_codes(c.type):
            if code == "implausible_value" and c.type == "number":
                continue      # each indicator's own range, below
            shown = clean[col].astype(str) if code == "year_outside_plan" else s
            extra = {"min": fmt.number(0), "max": fmt.number(uploads.MONEY_MAX), "what": header} \
                if code == "implausible_value" else params.get(code, {})
            P.add(code, failed(col, code), rows, header, shown, **extra)
    if kind.name == "indicator_results" and {"indicator_code", "value"} <= set(mapping):
        _check_indicator_ranges(clean, raw[mapping["value"]].astype(str), mapping, P, plan)
        survey.results_set_aside(clean, mapping, P, db, plan)

    if all(k in mapping for k in kind.key):
        if kind.name != "satisfaction":     # the survey names its repeats in words (ingest.survey.check)
            _check_duplicates(clean, kind, mapping, P, failures)
        if kind.name == "project_progress":
            _check_progress(clean, mapping, P, db)
        if kind.name == "projects":
            _plan_book_wins(clean, mapping, P, db)
        plausible.check(clean, kind.name, mapping, P, db, plan)
    if kind.quarterly and "fiscal_year" in mapping and "quarter" in mapping:
        _check_locks(clean, mapping, P, db)
    if kind.name == "satisfaction":
        survey.check(clean, mapping, P, db=db, plan=plan)
    clean.attrs["skipped_rows"] = skipped
    clean.attrs["mapping"] = mapping
    return clean, P.frame()


#: the columns of ``projects`` the plan book sets for a project it lists (README "The plan workbook")
PLAN_OWNED = ("goal_no", "name_th", "department", "planned_budget", "added_by_revision")


def _words(s: pd.Series) -> pd.Series:
    """Text compared word by word: a name the book writes on two lines is the name the file writes on one."""
    return s.astype(str).str.split().str.join(" ")


def _plan_book_wins(clean: pd.DataFrame, mapping: dict, P: Problems, db) -> None:
    """Rows of projects the plan book lists take the book's goal, name, department, planned budget and
    "added by revision" (shown as a warning where the file says otherwise); the file sets the rest."""
    from tracker.store import planbook as store_plan

    codes = clean["project_code"].dropna().astype(str).unique().tolist()
    if not codes or not db["plan_projects"].exists():
        return
    book = store_plan.plan_values(db, codes)
    if book.empty:
        return
    key = clean["project_code"].astype(str) + "|" + clean["fiscal_year"].astype("Int64").astype(str)
    known = set(book["project_code"])
    book = book.set_index(book["project_code"] + "|" + book["fiscal_year"].astype(int).astype(str))
    listed = clean["project_code"].astype(str).isin(known)
    for col in PLAN_OWNED:
        want = key.map(book[col]).where(listed)
        if col == "planned_budget":
            want = want.where(~listed | want.notna(), 0.0)     # a year the book plans nothing: 0
        want = want.where(listed)
        has = want.notna()
        if col in ("goal_no", "added_by_revision"):
            want = want.astype("Int64")
        header = next((mapping[c.name] for c in PROJECTS_COLUMNS if c.store_name == col and c.name in mapping), None)
        if header is not None:
            old = clean[col]
            differs = has & ~(old.astype(str) == want.astype(str)) & ~(pd.to_numeric(old, errors="coerce")
                                                                        .sub(pd.to_numeric(want, errors="coerce"))
                                                                        .abs().lt(0.005))
            if differs.any():     # a name the book writes on two lines is the same name (only these cells)
                differs[differs] = _words(old[differs]) != _words(want[differs])
            P.add("plan_book_value", differs, clean[ROW], header, old.astype(str), expected=want.astype(str))
        if has.any():
            dtype = clean[col].dtype
            clean[col] = clean[col].astype(object).mask(has, want.astype(object)).astype(dtype)


def _check_indicator_ranges(clean: pd.DataFrame, written: pd.Series, mapping: dict, P: Problems, plan) -> None:
    """Each value within its indicator's plausible range (the plan's ``range``; 0–100 for a percentage)."""
    wide = (-uploads.VALUE_MAX, uploads.VALUE_MAX)
    ranges = clean["indicator_code"].map(lambda c: plan.indicators[c].valid_range if c in plan.indicators else wide)
    lo = ranges.map(lambda r: r[0]).astype("float64")
    hi = ranges.map(lambda r: r[1]).astype("float64")
    v = clean["value"]
    out = v.notna() & ~((v >= lo) & (v <= hi))
    if out.any():
        P.add("implausible_value", out, clean[ROW], mapping["value"], written, min=_fmt(lo, out), max=_fmt(hi, out),
              what=clean["indicator_code"].astype(str))


def _check_duplicates(clean: pd.DataFrame, kind: Kind, mapping: dict, P: Problems, failures: pd.DataFrame) -> None:
    """The schema's key-uniqueness failures (every repeat of a complete key) with the row it repeats."""
    keys = list(kind.store_key)
    sub = clean.loc[clean[keys].notna().all(axis=1)]
    dup = pd.Series(sub.index.isin(failures.loc[failures["code"] == "duplicate_key", "index"]), index=sub.index)
    if not dup.any():
        return
    first = sub.groupby(keys, sort=False)[ROW].transform("first")
    P.add("duplicate_key", dup, sub[ROW], mapping[kind.key[0]], join_columns(sub, keys), first=first.astype(str))


def _check_progress(clean: pd.DataFrame, mapping: dict, P: Problems, db) -> None:
    known = uploads.known_projects(db)
    keyed = clean[["project_code", "fiscal_year"]].notna().all(axis=1)
    m = clean[[ROW, "project_code", "fiscal_year"]].merge(
        known, on=["project_code", "fiscal_year"], how="left", indicator=True)
    m.index = clean.index
    missing = keyed & (m["_merge"] == "left_only")
    P.add("unknown_project", missing, clean[ROW], mapping["project_code"], clean["project_code"].astype(str),
          fy=clean["fiscal_year"].astype(str))
    if "status" in clean and "progress_pct" in clean:
        low = (clean["status"] == "completed") & (clean["progress_pct"] < 100)
        P.add("completed_below_100", low.fillna(False), clean[ROW], mapping.get("progress_pct", "progress_pct"),
              _fmt(clean["progress_pct"], low.fillna(False)))
    if "disbursed" not in mapping:
        return
    disb = clean["disbursed"]
    alloc = m["allocated_budget"].astype("float64")
    above = disb.notna() & alloc.notna() & (disb.fillna(0) > alloc.fillna(0)) & ~missing
    P.add("disbursed_above_allocated", above, clean[ROW], mapping["disbursed"], _fmt(disb, above),
          allocated=_fmt(alloc, above))
    # cumulative disbursement must not fall: compare with the quarter before (this file first, then the store)
    years = sorted({int(y) for y in clean["fiscal_year"].dropna().unique()})
    stored = uploads.progress_disbursed(db, years)
    keyed_q = clean[["project_code", "fiscal_year", "quarter"]].notna().all(axis=1)
    mine = clean.loc[keyed_q, ["project_code", "fiscal_year", "quarter", "disbursed"]]
    allq = pd.concat([stored, mine.astype({"quarter": "int64", "fiscal_year": "int64"})], ignore_index=True)
    allq = allq.drop_duplicates(["project_code", "fiscal_year", "quarter"], keep="last")
    prev = allq.assign(quarter=allq["quarter"] + 1).rename(columns={"disbursed": "previous"})
    probe = clean[["project_code", "fiscal_year", "quarter"]].astype({"quarter": "Int64", "fiscal_year": "Int64"})
    prev = prev.astype({"quarter": "Int64", "fiscal_year": "Int64"})
    pm = probe.merge(prev, on=["project_code", "fiscal_year", "quarter"], how="left")
    pm.index = clean.index
    prev_v = pm["previous"].astype("float64")
    fell = disb.notna() & prev_v.notna() & (disb.fillna(0) < prev_v.fillna(0) - 0.005)
    P.add("disbursed_decreased", fell, clean[ROW], mapping["disbursed"], _fmt(disb, fell),
          previous=_fmt(prev_v, fell))


def locked_quarters(clean: pd.DataFrame, db) -> pd.DataFrame:
    """The locked quarters the rows fall in, one row each: ``fiscal_year, quarter, row`` (the first
    row of the file in it), ``rows`` (how many), ``locked_by``. Empty when no row is in a locked quarter."""
    cols = ["fiscal_year", "quarter", "row", "rows", "locked_by"]
    locks = store.locks.list_locks(db)
    if locks.empty:
        return pd.DataFrame(columns=cols)
    sub = clean.loc[clean["fiscal_year"].notna() & clean["quarter"].notna(), [ROW, "fiscal_year", "quarter"]]
    sub = sub.astype({"fiscal_year": "int64", "quarter": "int64"})
    hit = sub.merge(locks, on=["fiscal_year", "quarter"])
    return hit.groupby(["fiscal_year", "quarter"], as_index=False).agg(
        row=(ROW, "min"), rows=(ROW, "size"), locked_by=("locked_by", "first"))[cols]


def _check_locks(clean: pd.DataFrame, mapping: dict, P: Problems, db) -> None:
    for r in locked_quarters(clean, db).itertuples(index=False):
        P.file("quarter_locked", row=int(r.row), column=mapping["quarter"],
               value=f"{r.fiscal_year}-Q{r.quarter}", locked_by=r.locked_by, rows=int(r.rows))
