"""Commit a plan-book import in one transaction, with its receipt and audit row; it rolls back as one
batch (:func:`tracker.ingest.rollback`), like a quarterly upload."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker import store
from tracker.i18n import t
from tracker.ingest.commit import ImportRejected
from tracker.ingest.planimport.preview import KIND, PlanPreview, nothing_to_do_message
from tracker.ingest.planimport.state import compute
from tracker.store import planbook as store_plan
from tracker.store import uploads

#: values every row of the batch is stamped with, where the table has the column
_STAMPED = ("batch_id", "created_at", "created_by")


@dataclass(frozen=True)
class PlanReceipt:
    """What a plan import did. ``batch_id`` is None when there was nothing to do."""

    batch_id: int | None
    file_name: str
    sha256: str
    username: str
    created_at: str
    counts: dict = field(default_factory=dict)
    revisions: tuple[str, ...] = ()
    new_codes: int = 0
    is_demo: bool = False
    same_file_batch: int | None = None

    @property
    def nothing_to_do(self) -> bool:
        return self.batch_id is None

    def message(self, lang: str = "th") -> str:
        if self.nothing_to_do:
            return nothing_to_do_message(lang, self.same_file_batch)
        c = self.counts
        return t("planimport.receipt", lang, batch=self.batch_id, new=c["new"], changed=c["changed"],
                 unchanged=c["unchanged"], gone=c["gone"], coordination=c["coordination"])

    def __str__(self) -> str:
        if self.nothing_to_do:
            return f"{self.file_name}: {self.message('en')}"
        return (f"batch {self.batch_id}: plan book {self.file_name} by {self.username} at {self.created_at} — "
                f"{self.counts} revisions {list(self.revisions)} (sha256 {self.sha256[:12]}…)")


def commit_plan(db, preview: PlanPreview, *, user: str, is_demo: bool = False) -> PlanReceipt:
    """Write a plan import whole or not at all; returns the receipt.

    Raises :class:`tracker.ingest.ImportRejected` when the preview has errors or the store changed
    since it was made (then preview again). Only analysts and admins may import (``upload``).
    """
    from tracker import auth

    auth.authorize(db, user, "upload")
    if preview.has_errors:
        raise ImportRejected("planimport.has_errors", n=len(preview.errors))
    now = store.now_iso()
    with db.atomic():
        if store.revision(db) != preview.store_revision:
            raise ImportRejected("ingest.stale_preview")
        state = compute(db, preview.book, preview.plan, preview.choices)
        # a locked quarter's totals are made of its year's projects and plan amounts (#15)
        store.locks.require_years_open(db, {int(r["fiscal_year"]) for ch in state.changes
                                            if ch.table in ("projects", "plan_amounts")
                                            for r in (ch.before, ch.after) if r and r.get("fiscal_year")})
        if any(p.severity == "error" for p in state.problems):
            raise ImportRejected("planimport.has_errors", n=sum(p.severity == "error" for p in state.problems))
        counts = preview.counts
        base = dict(file_name=preview.file_name, sha256=preview.sha256, username=user, created_at=now,
                    counts=counts, revisions=tuple(r.label for r in state.new_revisions),
                    new_codes=len(state.new_codes), is_demo=is_demo, same_file_batch=preview.same_file_batch)
        if not state.changes:
            return PlanReceipt(batch_id=None, **base)
        book = preview.book
        batch_id = uploads.insert_batch(db, {
            "kind": KIND, "file_name": preview.file_name, "sha256": preview.sha256, "username": user,
            "created_at": now, "n_rows": counts["projects"] + counts["coordination"], "n_new": counts["new"],
            "n_changed": counts["changed"], "n_unchanged": counts["unchanged"],
            "n_warnings": counts["warnings"], "is_demo": int(is_demo),
            "periods": f"{book.plan.first_year}–{book.plan.last_year}" if book.plan.first_year else None})
        stamp = {"batch_id": batch_id, "created_at": now, "created_by": user}
        for ch in state.changes:
            if ch.after is not None:
                for k in _STAMPED:
                    if k in ch.after and (k == "batch_id" or ch.after[k] is None):
                        ch.after[k] = stamp[k]
        store_plan.apply(db, batch_id, state.changes)
        store_plan.issue_codes(db, state.new_codes, now)
        store.audit(db, user=user, action="import_plan", target=f"batch:{batch_id}",
                    detail={"file_name": preview.file_name, "sha256": preview.sha256, **counts,
                            "revisions": list(base["revisions"]), "new_codes": len(state.new_codes),
                            "is_demo": bool(is_demo)})
        store.bump_revision(db)
    return PlanReceipt(batch_id=batch_id, **base)
