"""Commit a checked upload in one transaction and keep its receipt.

Everything lands in one ``db.atomic()``: the rows, the ``import_batches`` receipt, one
``batch_changes`` row per created/changed row (the full row before and after, as JSON, so a
rollback restores exactly), an audit-log row and the data revision bump. Any failure leaves the
database as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tracker import store
from tracker.errors import TrackerError
from tracker.i18n import t
from tracker.ingest.contract import KINDS, schema_failures
from tracker.ingest.preview import STATUS, Preview, diff, locked_year_rows, nothing_to_do_message, stored_beside
from tracker.ingest.read import ROW
from tracker.ingest.validate import locked_quarters
from tracker.plan import default_plan
from tracker.status import missing
from tracker.store import uploads


class ImportRejected(TrackerError):
    """The preview has errors, went stale or holds a row of a locked quarter; nothing was written."""


@dataclass(frozen=True)
class Receipt:
    """What a commit did. ``batch_id`` is None when there was nothing to do."""

    batch_id: int | None
    kind: str
    file_name: str
    sha256: str
    username: str
    created_at: str
    n_rows: int
    n_new: int
    n_changed: int
    n_unchanged: int
    n_warnings: int
    is_demo: bool = False
    same_file_batch: int | None = None
    revision: int | None = None     #: the data revision this commit made (None: nothing was written)

    @property
    def nothing_to_do(self) -> bool:
        return self.batch_id is None

    def message(self, lang: str = "th") -> str:
        if self.nothing_to_do:
            return nothing_to_do_message(lang, self.same_file_batch)
        return t("ingest.receipt", lang, batch=self.batch_id, new=self.n_new, changed=self.n_changed,
                 unchanged=self.n_unchanged)

    def __str__(self) -> str:
        if self.nothing_to_do:
            return f"{self.file_name}: {self.message('en')}"
        return (f"batch {self.batch_id}: {self.kind} from {self.file_name} by {self.username} at {self.created_at} — "
                f"{self.n_new} new, {self.n_changed} changed, {self.n_unchanged} unchanged, "
                f"{self.n_warnings} warnings (sha256 {self.sha256[:12]}…)")


def _py(v):
    """A value sqlite3 and json accept: Python scalars, None for missing."""
    if missing(v):
        return None
    return v.item() if hasattr(v, "item") else v    # a numpy scalar


def _columns(df: pd.DataFrame, cols) -> list[list]:
    """Each column as a list of Python scalars (None for missing), built once: the rows written
    and the receipts' JSON both read them."""
    lists = []
    for c in cols:
        col = df[c]
        if col.dtype == object:
            lists.append([_py(v) for v in col.tolist()])
        else:   # numeric / str / Int64: astype(object) gives Python scalars
            lists.append(col.astype(object).where(col.notna(), None).tolist())
    return lists


def _guard(clean: pd.DataFrame, kind: str, plan) -> None:
    """Last check before writing: the rows still pass the contract's schema (the same rules that
    listed the problems; a normaliser's bug or a changed preview is caught here)."""
    failures = schema_failures(kind, plan, clean)
    if len(failures):
        detail = "; ".join(f"{r.column}: {r.code} (row {clean.loc[r.index, ROW]})"
                           for r in failures.head(5).itertuples(index=False))
        raise ImportRejected("ingest.internal_check", detail=detail)


def _periods(rows: pd.DataFrame, quarterly: bool) -> str:
    if quarterly:
        pairs = rows[["fiscal_year", "quarter"]].drop_duplicates().sort_values(["fiscal_year", "quarter"])
        return ",".join(f"{int(a)}-Q{int(b)}" for a, b in pairs.itertuples(index=False))
    return ",".join(str(int(y)) for y in sorted(rows["fiscal_year"].unique()))


def commit(db, preview: Preview, *, user: str, is_demo: bool = False) -> Receipt:
    """Write a preview whole or not at all; returns the receipt.

    Raises :class:`ImportRejected` when the preview has errors, or when the store changed since
    the preview (rows, or a quarter lock) so that the preview no longer tells the truth.
    """
    from tracker import auth

    auth.authorize(db, user, "upload")
    if preview.has_errors or preview.kind is None:
        n = len(preview.errors)
        raise ImportRejected("ingest.has_errors", n=n)
    kind = KINDS[preview.kind]
    table = kind.table
    cols = list(uploads.TABLE_COLUMNS[table])
    clean = preview.rows.drop(columns=[STATUS], errors="ignore")
    _guard(clean, kind.name, preview.plan or default_plan())
    now = store.now_iso()
    with db.atomic():
        now_rev = store.revision(db)
        if preview.revision is not None and now_rev != preview.revision:
            raise ImportRejected("ingest.stale_preview", seen=preview.revision, now=now_rev)
        if preview.revision is not None and STATUS in preview.rows:
            # the store is as the preview saw it (same revision), so its statuses hold: no second diff
            status, merged = preview.rows[STATUS], None
        else:
            status, _, merged = diff(db, kind, clean)
            if status.astype(str).tolist() != (preview.rows[STATUS].astype(str).tolist()
                                               if STATUS in preview.rows else None):
                raise ImportRejected("ingest.stale_preview")
        if kind.quarterly:
            for r in locked_quarters(clean, db).itertuples(index=False):
                raise ImportRejected("ingest.problem.quarter_locked", value=f"{r.fiscal_year}-Q{r.quarter}",
                                     locked_by=r.locked_by, rows=int(r.rows))
        elif kind.name == "satisfaction":     # the survey sets the satisfaction indicator's result of a quarter
            from tracker.ingest.survey import locked_rounds

            for r in locked_rounds(clean, db, preview.plan or default_plan()).itertuples(index=False):
                raise ImportRejected("ingest.problem.quarter_locked", value=f"{r.fiscal_year}-Q{r.quarter}",
                                     locked_by=r.locked_by, rows=int(r.rows))
        elif kind.name == "projects":     # a locked quarter's totals are made of the year's projects and budgets
            for r in locked_year_rows(clean.assign(**{STATUS: status}), db).itertuples(index=False):
                raise ImportRejected("ingest.problem.project_year_locked", value=str(r.fiscal_year),
                                     periods=r.periods, locked_by=r.locked_by, rows=int(r.rows))
        n_new, n_changed = int((status == "new").sum()), int((status == "changed").sum())
        base = dict(kind=kind.name, file_name=preview.file_name, sha256=preview.sha256, username=user,
                    created_at=now, n_rows=len(clean), n_new=n_new, n_changed=n_changed,
                    n_unchanged=int((status == "unchanged").sum()), n_warnings=len(preview.warnings),
                    is_demo=is_demo)
        if n_new + n_changed == 0:
            return Receipt(batch_id=None, same_file_batch=preview.same_file_batch, **base)
        batch_id = uploads.insert_batch(db, {**base, "is_demo": int(is_demo),
                                             "periods": _periods(clean, kind.quarterly)})
        moving = (status != "unchanged").to_numpy()
        if merged is not None:
            write = merged.loc[moving]
        elif (status == "changed").any():      # the stored values a rollback puts back
            write = stored_beside(db, kind, clean.loc[moving])
        else:                                  # all new: nothing stored to keep
            write = clean.loc[moving].assign(_exists=False)
        names = [*cols, "batch_id"]
        new_cols = [*_columns(write, cols), [batch_id] * len(write)]
        uploads.upsert_rows(db, table, names, list(zip(*new_cols)))
        keys, afters = uploads.change_texts(table, names, new_cols)
        befores = [None] * len(write)
        exists = write["_exists"].fillna(False).astype(bool).to_numpy()
        if exists.any():      # the stored rows these replace, for a rollback to put back
            was = write.loc[exists]
            old_cols = _columns(was, [c if c in kind.store_key else f"{c}__old" for c in names])
            for i, text in zip(exists.nonzero()[0], uploads.change_texts(table, names, old_cols)[1]):
                befores[i] = text
        changes = list(zip([batch_id] * len(write), [table] * len(write), keys, befores, afters))
        uploads.insert_changes(db, changes)
        store.audit(db, user=user, action="import", target=f"batch:{batch_id}",
                    detail={"kind": kind.name, "file_name": preview.file_name, "sha256": preview.sha256,
                            "new": n_new, "changed": n_changed, "is_demo": bool(is_demo)})
        if not is_demo:     # the first real batch ends demo mode: public passwords must stop working now
            auth.remove_demo_accounts(db)
        revision = store.bump_revision(db)
    return Receipt(batch_id=batch_id, same_file_batch=preview.same_file_batch, revision=revision, **base)


__all__ = ["commit", "Receipt", "ImportRejected", "ROW"]
