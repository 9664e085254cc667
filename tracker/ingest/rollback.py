"""Undo a committed batch: restore exactly the rows from before it, remove the rows it created.

Refused (nothing written) when a later committed batch changed the same rows, when a later
batch holds progress of projects this batch created, or when a row is in a locked quarter;
the message names the batch or quarter in the way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tracker import store
from tracker.errors import TrackerError
from tracker.i18n import t
from tracker.store import uploads


class RollbackRefused(TrackerError):
    """The batch can't be rolled back; ``message(lang)`` says why and what to do."""


@dataclass(frozen=True)
class RollbackResult:
    batch_id: int
    restored: int
    removed: int

    def message(self, lang: str = "th") -> str:
        return t("history.rolled_back", lang, batch=self.batch_id, restored=self.restored, removed=self.removed)

    def __str__(self) -> str:
        return self.message("en")


#: tables whose rows make a year's budget totals: a locked quarter freezes them for its whole year
_BUDGET_TABLES = ("projects", "plan_amounts")


def _budget_years(changes) -> list[int]:
    """The fiscal years of the budget rows a batch created, changed or deleted (before or after)."""
    years = set()
    for ch in changes:
        if ch["table_name"] in _BUDGET_TABLES:
            for side in (ch["before"], ch["after"]):
                row = json.loads(side) if side else None
                if row and row.get("fiscal_year") is not None:
                    years.add(int(row["fiscal_year"]))
    return sorted(years)


def _demo_texts(db, b: dict, changes) -> int:
    """A demo survey batch takes the demo's report texts of its rounds with it (#13): the texts of each round it
    loaded that are still as its actor (``system:demo``) wrote them; a text an analyst edited since stays.
    Returns how many were removed (0 for any other batch)."""
    if not b["is_demo"] or b["kind"] != "satisfaction":
        return 0
    rounds = set()
    for ch in changes:
        row = json.loads(ch["after"] or ch["before"])
        rounds.add((int(row["fiscal_year"]), str(row["round"])))
    return sum(store.narratives.delete_written_by(db, fy, rnd, b["username"]) for fy, rnd in sorted(rounds))


def rollback(db, batch_id: int, *, user: str) -> RollbackResult:
    """Roll back batch ``batch_id`` in one transaction, recorded in the batch and the audit log.

    A backup of the database file is taken first (:func:`tracker.store.backup.backup_before`); if it
    fails (:class:`tracker.store.backup.BackupError`) nothing is rolled back.
    """
    from tracker import auth

    auth.authorize(db, user, "rollback")
    b = uploads.batch(db, batch_id)
    if b is None:
        raise RollbackRefused("history.refused.not_found", batch=batch_id)
    if b["status"] != "committed":
        raise RollbackRefused("history.refused.already_rolled_back", batch=batch_id)
    store.backup.backup_before(db, "rollback")
    with db.atomic():
        b = uploads.batch(db, batch_id)
        if b is None:
            raise RollbackRefused("history.refused.not_found", batch=batch_id)
        if b["status"] != "committed":
            raise RollbackRefused("history.refused.already_rolled_back", batch=batch_id)
        later = uploads.later_batch_touching(db, batch_id)
        if later:
            raise RollbackRefused("history.refused.later_batch", batch=batch_id, later=later["id"], file=later["file_name"])
        changes = uploads.batch_changes(db, batch_id)
        locks = {(int(r.fiscal_year), int(r.quarter)): r.locked_by
                 for r in store.locks.list_locks(db).itertuples(index=False)}
        frozen = store.locks.year_locks(db, _budget_years(changes))
        if len(frozen):     # the year's budgets are part of its approved quarters' figures
            r = frozen.iloc[0]
            raise RollbackRefused("history.refused.year_locked", batch=batch_id, fy=int(r["fiscal_year"]),
                                  periods=r["periods"], locked_by=r["locked_by"])
        deletes: dict[str, list[tuple]] = {}
        restores: dict[str, list[dict]] = {}
        for ch in changes:
            # after is null for a row the batch deleted (a plan import drops a year no longer planned)
            table, after = ch["table_name"], json.loads(ch["after"])
            row = after if after is not None else json.loads(ch["before"])
            period = (row.get("fiscal_year"), row.get("quarter"))
            if "quarter" in row and period in locks:
                raise RollbackRefused("history.refused.quarter_locked", batch=batch_id, period=f"{period[0]}-Q{period[1]}",
                                      locked_by=locks[period])
            if ch["before"] is None:
                deletes.setdefault(table, []).append(tuple(after[k] for k in uploads.TABLE_KEYS[table]))
            else:
                restores.setdefault(table, []).append(json.loads(ch["before"]))
        if deletes.get("projects"):
            dep = uploads.progress_batch_for_projects(db, deletes["projects"])
            if dep:
                raise RollbackRefused("history.refused.dependent_rows", batch=batch_id, later=dep["id"], file=dep["file_name"])
        uploads.defer_foreign_keys(db)    # rows of related tables come back and go in any order
        for table, rows in restores.items():
            for cols in dict.fromkeys(tuple(r) for r in rows):     # rows of one table may differ in columns
                same = [r for r in rows if tuple(r) == cols]
                uploads.upsert_rows(db, table, list(cols), [tuple(r[c] for c in cols) for r in same])
        for table, keys in deletes.items():
            uploads.delete_rows(db, table, keys)
        texts = _demo_texts(db, b, changes)
        now = store.now_iso()
        uploads.mark_rolled_back(db, batch_id, user=user, at=now)
        restored = sum(map(len, restores.values()))
        removed = sum(map(len, deletes.values()))
        store.audit(db, user=user, action="rollback", target=f"batch:{batch_id}",
                    detail={"kind": b["kind"], "file_name": b["file_name"], "restored": restored,
                            "removed": removed, **({"texts_removed": texts} if texts else {})})
        store.bump_revision(db)
    return RollbackResult(batch_id, restored, removed)
