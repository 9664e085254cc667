"""Check a read file against the contract, collecting every problem at once.

:func:`check` returns the clean, typed rows (store column names + ``_row``) and a problem table
with the columns of :data:`PROBLEM_COLUMNS`. Errors block the whole file; warnings are shown but
don't block. Checks run on whole columns (pandas), so a 100,000-row file costs about as much as a
few column operations; only the problems themselves are formatted one by one.
"""

from __future__ import annotations

import re

import pandas as pd

from tracker import store
from tracker.i18n import t
from tracker.ingest import normalize as n
from tracker.ingest.contract import Kind, match_header
from tracker.ingest.read import ROW
from tracker.store import uploads

PROBLEM_COLUMNS = ["row", "column", "value", "code", "severity", "message_th", "message_en"]
WARNING_CODES = frozenset({"unknown_column", "disbursed_above_allocated", "disbursed_decreased",
                           "completed_below_100"})
#: every problem code, for the documentation and the tests
PROBLEM_CODES = (
    "file_too_large", "empty_file", "unsupported_format", "bad_encoding", "malformed_csv", "unreadable_xlsx",
    "unknown_kind", "missing_column", "duplicate_column", "unknown_column", "required_value", "not_a_number",
    "not_a_year", "year_outside_plan", "not_a_quarter", "quarter_out_of_range", "percent_out_of_range",
    "negative_amount", "bad_status", "bad_yes_no", "unknown_goal", "unknown_department", "unknown_village",
    "unknown_indicator", "unknown_project", "duplicate_key", "quarter_locked", "disbursed_above_allocated",
    "disbursed_decreased", "completed_below_100",
)


def _fmt_number(v) -> str:
    if v is None or pd.isna(v):
        return ""
    v = float(v)
    return f"{v:,.0f}" if v.is_integer() else f"{v:,.2f}"


def _fmt(values: pd.Series, mask: pd.Series) -> pd.Series:
    """Format numbers for messages only where a problem was found (not the whole column)."""
    return values[mask].map(_fmt_number).reindex(values.index)


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
            row = None if row is None or pd.isna(row) else int(row)
            column = None if column is None or pd.isna(column) else str(column)
            params = {k: v for k, v in r.items() if not (v is None or (not isinstance(v, str) and pd.isna(v)))}
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


def map_headers(headers: list[str], kind: Kind, problems: Problems) -> dict[str, str]:
    """Canonical column -> header as written. Unknown, duplicate and missing headers become problems."""
    mapping: dict[str, str] = {}
    for h in headers:
        c = match_header(kind.name, h)
        mangled = re.fullmatch(r"(.+)\.(\d+)", h)   # pandas renames a repeated header "value" to "value.1"
        if mangled and mangled.group(1) in headers:
            problems.file("duplicate_column", row=1, column=mangled.group(1), value=mangled.group(1))
            continue
        if c is None:
            problems.file("unknown_column", row=1, column=h, value=h)
        elif c in mapping:
            problems.file("duplicate_column", row=1, column=h, value=h)
        else:
            mapping[c] = h
    for c in kind.required:
        if c.name not in mapping:
            problems.file("missing_column", row=1, column=c.name, column_th=c.th)
    return mapping


def check(raw: pd.DataFrame, kind: Kind, *, plan, db) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate ``raw`` (text cells + ``_row``) as ``kind``: (clean rows, problem table)."""
    P = Problems()
    headers = [c for c in raw.columns if c != ROW]
    mapping = map_headers(headers, kind, P)
    rows = raw[ROW]
    clean = pd.DataFrame({ROW: rows})
    goals = ", ".join(map(str, sorted(plan.goals)))
    villages = f"{min(plan.villages)}–{max(plan.villages)}" if plan.villages else "-"
    example_dept = next(iter(plan.departments.values())).name.th if plan.departments else "-"

    for c in kind.columns:
        col = c.store_name
        if c.name not in mapping:
            clean[col] = 0 if c.type == "yes_no" else None
            continue
        header = mapping[c.name]
        s = raw[header].astype(str)
        if c.required:
            P.add("required_value", n.empty(s), rows, header, s)
        typ = c.type
        if typ in ("code", "indicator"):
            v = n.code(s)
            v = v.where(v != "")
            if typ == "indicator":
                P.add("unknown_indicator", v.notna() & ~v.isin(list(plan.indicators)), rows, header, s)
        elif typ == "text":
            v = n.text(s)
            v = v.where(v != "")
        elif typ == "year":
            v, bad = n.year(s)
            P.add("not_a_year", bad, rows, header, s)
            outside = (v.notna() & ((v < plan.first_fy) | (v > plan.last_fy))).fillna(False)
            P.add("year_outside_plan", outside, rows, header, v.astype(str), first=plan.first_fy, last=plan.last_fy)
        elif typ == "quarter":
            v, bad = n.quarter(s)
            P.add("not_a_quarter", bad, rows, header, s)
            P.add("quarter_out_of_range", (v.notna() & ((v < 1) | (v > 4))).fillna(False), rows, header, s)
        elif typ == "goal":
            v, bad, unknown = n.goal(s, plan.goals)
            P.add("unknown_goal", bad | unknown.fillna(False), rows, header, s, goals=goals)
        elif typ in ("money", "percent", "number"):
            v, bad = n.number(s, money=typ == "money", percent=typ == "percent")
            P.add("not_a_number", bad, rows, header, s)
            if typ == "money":
                P.add("negative_amount", v < 0, rows, header, s)
            if typ == "percent":
                P.add("percent_out_of_range", (v < 0) | (v > 100), rows, header, s)
        elif typ == "status":
            v, bad = n.status(s)
            P.add("bad_status", bad, rows, header, s)
        elif typ == "yes_no":
            v, bad = n.yes_no(s)
            P.add("bad_yes_no", bad, rows, header, s)
        elif typ == "department":
            v, bad = n.department(s, plan)
            P.add("unknown_department", bad, rows, header, s, example=example_dept)
        elif typ == "villages":
            v, bad = n.villages(s, plan.villages)
            P.add("unknown_village", bad, rows, header, s, villages=villages)
        elif typ == "indicators":
            v, bad = n.indicator_list(s, plan.indicators)
            P.add("unknown_indicator", bad, rows, header, s)
        else:  # pragma: no cover - contract and parsers are kept in step by the tests
            raise ValueError(f"unknown column type {typ}")
        clean[col] = v

    have_key = all(k in mapping for k in kind.key)
    if have_key:
        _check_duplicates(clean, kind, mapping, P)
    if kind.name == "project_progress" and have_key:
        _check_progress(clean, mapping, P, db)
    if kind.quarterly and "fiscal_year" in mapping and "quarter" in mapping:
        _check_locks(clean, mapping, P, db)
    return clean, P.frame()


def _key_text(clean: pd.DataFrame, cols) -> pd.Series:
    cols = list(cols)
    out = clean[cols[0]].astype(str)
    for c in cols[1:]:
        out = out + " / " + clean[c].astype(str)
    return out


def _check_duplicates(clean: pd.DataFrame, kind: Kind, mapping: dict, P: Problems) -> None:
    keys = list(kind.store_key)
    ok = clean[keys].notna().all(axis=1)
    sub = clean.loc[ok]
    dup = sub.duplicated(keys, keep="first")
    if not dup.any():
        return
    first = sub.groupby(keys, sort=False)[ROW].transform("first")
    P.add("duplicate_key", dup, sub[ROW], mapping[kind.key[0]], _key_text(sub, keys), first=first.astype(str))


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
    years = sorted({int(y) for y in clean["fiscal_year"].dropna()})
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
