"""Read, check and compare an upload with the store: the :class:`Preview` shown before anything is written."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tracker import fmt, settings, store
from tracker.i18n import t
from tracker.ingest import html, mappings
from tracker.ingest.contract import KINDS, Kind, detect_kind
from tracker.ingest.read import ROW, SEPARATORS, read_bytes
from tracker.ingest.validate import PROBLEM_COLUMNS, Problems, check, join_columns
from tracker.status import missing
from tracker.store import uploads

STATUS = "_status"
NUMERIC = {"fiscal_year", "quarter", "goal_no", "planned_budget", "allocated_budget", "is_welfare_transfer",
           "added_by_revision", "progress_pct", "committed", "disbursed", "value",
           "strategy_no", "respondents", "very_satisfied", "satisfied", "not_satisfied", "score"}   # + the survey's
CHANGE_COLUMNS = ["row", "key", "column", "old", "new"]


@dataclass
class Preview:
    """What an upload would do. Nothing has been written when you hold one."""

    file_name: str
    sha256: str
    size: int
    kind: str | None = None
    format: str = ""
    encoding: str = ""
    separator: str = ""
    sheet: str = ""
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)      #: clean rows, store columns, ``_row``, ``_status``
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CHANGE_COLUMNS))  #: old -> new
    same_file_batch: int | None = None    #: an earlier committed batch of the very same file
    skipped_rows: list[int] = field(default_factory=list)   #: Excel rows left blank (nothing to report): not imported
    raw: pd.DataFrame | None = field(default=None, repr=False)   #: the cells as written (text + ``_row``)
    mapping: dict[str, str] = field(default_factory=dict)   #: contract column -> the file's own header
    mapping_name: str | None = None       #: the saved column mapping the file was read through
    headers: list[str] = field(default_factory=list)   #: the file's headers as written
    #: the data revision the preview was made from (:func:`tracker.store.revision`): commit refuses
    #: when the store has changed since, so it never writes over what the analyst did not see
    revision: int | None = None
    plan: object = field(default=None, repr=False)   #: the plan the file was checked against

    @property
    def errors(self) -> pd.DataFrame:
        return self.problems[self.problems["severity"] == "error"]

    @property
    def warnings(self) -> pd.DataFrame:
        return self.problems[self.problems["severity"] == "warning"]

    @property
    def has_errors(self) -> bool:
        return bool((self.problems["severity"] == "error").any())

    def _count(self, status: str) -> int:
        return int((self.rows[STATUS] == status).sum()) if STATUS in self.rows else 0

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_new(self) -> int:
        return self._count("new")

    @property
    def n_changed(self) -> int:
        return self._count("changed")

    @property
    def n_unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def counts(self) -> dict[str, int]:
        return {"rows": self.n_rows, "new": self.n_new, "changed": self.n_changed, "unchanged": self.n_unchanged,
                "errors": len(self.errors), "warnings": len(self.warnings)}

    @property
    def nothing_to_do(self) -> bool:
        return not self.has_errors and self.n_new == 0 and self.n_changed == 0

    @property
    def separator_name(self) -> str:
        return SEPARATORS.get(self.separator, self.separator)

    def summary(self, lang: str = "th") -> str:
        """One line for the command line and logs."""
        if self.has_errors:
            return t("ingest.has_errors", lang, n=len(self.errors))
        if self.nothing_to_do:
            return nothing_to_do_message(lang, self.same_file_batch)
        c = self.counts
        return (f"{self.kind}: {c['new']} new, {c['changed']} changed, {c['unchanged']} unchanged, "
                f"{c['warnings']} warnings")


def nothing_to_do_message(lang: str, same_file_batch: int | None) -> str:
    """"Nothing to change", and which earlier batch held the very same file."""
    msg = t("ingest.nothing_to_do", lang)
    if same_file_batch:
        msg += " — " + t("ingest.same_file", lang, batch=same_file_batch)
    return msg


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_problem(pv: Preview, code: str, **params) -> Preview:
    P = Problems()
    P.file(code, **params)
    pv.problems = P.frame()
    return pv


def prepare(db, data: bytes, file_name: str, *, kind: str | None = None, plan=None) -> Preview:
    """Read, normalise, check and diff an upload against the store. Never writes.

    ``kind`` is detected from the headers when not given. The result holds every problem found;
    ``preview.has_errors`` means the file can't be committed. Everything is read from one state of
    the store (one read transaction), whose revision the preview keeps (``preview.revision``).
    """
    with store.reading(db):
        return _prepare(db, data, file_name, kind=kind, plan=plan)


def _prepare(db, data: bytes, file_name: str, *, kind: str | None, plan) -> Preview:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    if plan is None:
        from tracker.plan import default_plan
        plan = default_plan()
    pv = Preview(file_name=file_name, sha256=sha256(data), size=len(data), kind=kind, plan=plan,
                 revision=store.revision(db))
    limit = settings.get("max_upload_mb")
    if len(data) > limit * 1024 * 1024:
        return _file_problem(pv, "file_too_large", size=f"{len(data) / 1024 / 1024:.1f}", limit=limit)
    if html.looks_like_html(data):     # a web report saved as .xls: its table, not "unknown column '<html>…'"
        table = html.to_csv(data)
        if table is None:
            return _file_problem(pv, "html_without_table")
        rr = read_bytes(table, kind=kind)
        rr.format, rr.encoding = "html", "html"
    else:
        rr = read_bytes(data, kind=kind)
    pv.format, pv.encoding, pv.separator, pv.sheet = rr.format, rr.encoding, rr.separator, rr.sheet
    if rr.problems:
        return _file_problem(pv, **rr.problems[0])
    raw = rr.frame
    headers = [c for c in raw.columns if c != ROW]
    if not headers:
        return _file_problem(pv, "empty_file")
    pv.headers, pv.raw = headers, raw
    saved = mappings.saved_for(db, headers)
    if saved is not None and pv.kind in (None, saved["kind"]):
        pv.kind, pv.mapping_name = saved["kind"], saved["name"]
    if pv.kind is None:
        pv.kind = detect_kind(headers)
        if pv.kind is None:
            return _file_problem(pv, "unknown_kind", row=int(raw.attrs.get("header_row", 1)))
    k = KINDS[pv.kind]
    if pv.mapping_name:
        clean, problems = check(mappings.translate_values(raw, saved), k, plan=plan, db=db, saved=saved["columns"])
    else:
        clean, problems = check(raw, k, plan=plan, db=db)
    pv.skipped_rows = list(clean.attrs.get("skipped_rows", []))
    pv.mapping = dict(clean.attrs.get("mapping", {}))
    if clean.empty:
        P = Problems()
        P.file("nothing_filled" if pv.skipped_rows else "empty_file")
        problems = pd.concat([P.frame(), problems], ignore_index=True) if len(problems) else P.frame()
    pv.problems = problems
    pv.rows = clean
    if not pv.has_errors and not clean.empty:
        status, changes, _ = diff(db, k, clean)
        pv.rows = clean.assign(**{STATUS: status})
        pv.changes = changes
        if k.name == "projects":     # a locked quarter's totals are made of the year's projects and budgets
            frozen = locked_year_rows(pv.rows, db)
            if len(frozen):
                P = Problems()
                for r in frozen.itertuples(index=False):
                    P.file("project_year_locked", row=int(r.row), column=_header(raw, "fiscal_year", k),
                           value=str(r.fiscal_year), periods=r.periods, locked_by=r.locked_by, rows=int(r.rows))
                pv.problems = pd.concat([P.frame(), pv.problems], ignore_index=True)
    pv.same_file_batch = uploads.same_file_batch(db, pv.sha256, pv.kind)
    return pv


def locked_year_rows(rows: pd.DataFrame, db) -> pd.DataFrame:
    """New or changed year-level rows (``projects``) of fiscal years with a locked quarter, one row per
    year: ``fiscal_year, periods, locked_by, row`` (the file's first such row), ``rows`` (how many)."""
    moving = rows.loc[rows[STATUS] != "unchanged", [ROW, "fiscal_year"]] if STATUS in rows else rows[[ROW, "fiscal_year"]]
    if moving.empty:
        return pd.DataFrame(columns=["fiscal_year", "periods", "locked_by", "row", "rows"])
    years = store.locks.year_locks(db, moving["fiscal_year"].dropna().astype(int).unique())
    per_year = moving.astype({"fiscal_year": "int64"}).groupby("fiscal_year", as_index=False).agg(
        row=(ROW, "min"), rows=(ROW, "size"))
    return years.merge(per_year, on="fiscal_year")


def _header(raw: pd.DataFrame, name: str, kind: Kind) -> str:
    """The header as written in the file for the canonical column ``name``."""
    from tracker.ingest.contract import match_header

    return next((h for h in raw.columns if h != ROW and match_header(kind.name, h) == name), name)


def _display(v) -> str:
    """A stored or new value as the preview shows it (old → new): codes and years as they are."""
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)) or missing(v):
        return fmt.number(v)
    return str(v)


def _same(a: pd.Series, b: pd.Series, numeric: bool) -> pd.Series:
    if numeric:
        a = pd.to_numeric(a, errors="coerce").astype("float64")
        b = pd.to_numeric(b, errors="coerce").astype("float64")
        return (a.isna() & b.isna()) | np.isclose(a.fillna(0), b.fillna(0), rtol=0, atol=1e-9) & a.notna() & b.notna()
    ao, bo = a.astype(object), b.astype(object)
    na_a, na_b = a.isna(), b.isna()
    return (na_a & na_b) | (~na_a & ~na_b & (ao.astype(str) == bo.astype(str)))


def stored_beside(db, kind: Kind, clean: pd.DataFrame) -> pd.DataFrame:
    """``clean`` with the stored rows of the same keys beside it: the new values under the store
    column names, the stored ones under ``<name>__old`` (``batch_id__old`` too), ``_exists`` telling
    whether a stored row matched; the index is ``clean``'s."""
    table, key = kind.table, list(kind.store_key)
    years = sorted({int(y) for y in clean["fiscal_year"].dropna().unique()})
    old = uploads.existing_rows(db, table, years)
    old = old.rename(columns={c: f"{c}__old" for c in old.columns if c not in key})
    old["_exists"] = True
    left = clean.copy()
    for k in key:
        if k in NUMERIC:
            left[k] = left[k].astype("int64")
            old[k] = old[k].astype("int64")
        else:
            left[k] = left[k].astype(str)
            old[k] = old[k].astype(str)
    merged = left.merge(old, on=key, how="left", validate="one_to_one")
    merged.index = clean.index
    return merged


def diff(db, kind: Kind, clean: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    """Compare clean rows with the store: (status per row, long table of changes, the merged frame
    of :func:`stored_beside`)."""
    key = list(kind.store_key)
    cols = uploads.TABLE_COLUMNS[kind.table]
    merged = stored_beside(db, kind, clean)
    exists = merged["_exists"].fillna(False).astype(bool)
    changed = pd.Series(False, index=clean.index)
    keytext = None      # "G1-P01 / 2569 / 2", built only when a stored row differs (not for a file of new rows)
    parts = []
    for c in cols:
        if c in key or not exists.any():
            continue
        differs = exists & ~_same(merged[c], merged[f"{c}__old"], c in NUMERIC)
        if differs.any():
            changed |= differs
            if keytext is None:
                keytext = join_columns(merged, key)
            parts.append(pd.DataFrame({"row": merged.loc[differs, ROW], "key": keytext[differs], "column": c,
                                       "old": merged.loc[differs, f"{c}__old"].map(_display),
                                       "new": merged.loc[differs, c].map(_display)}))
    status = pd.Series(np.where(~exists, "new", np.where(changed, "changed", "unchanged")), index=clean.index)
    changes = (pd.concat(parts, ignore_index=True).sort_values(["row", "column"], kind="stable")
               .reset_index(drop=True) if parts else pd.DataFrame(columns=CHANGE_COLUMNS))
    return status, changes, merged
