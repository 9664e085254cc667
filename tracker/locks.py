"""Quarter locks (ล็อกไตรมาส): figures of a quarter approved by the council cannot change silently.

An analyst locks a quarter after the council approves it; the import pipeline then refuses any
row in that quarter (and any rollback touching it), naming the quarter and who locked it. Only
an admin may unlock, and must give a reason. Both are recorded in ``audit_log``.
"""

from __future__ import annotations

import pandas as pd

from tracker import auth, periods, store
from tracker.errors import TrackerError
from tracker.periods import Period


class LockError(TrackerError):
    """A refused lock or unlock (already locked, not locked, no reason...)."""


def _period(fiscal_year: int, quarter: int) -> Period:
    try:
        p = Period(int(fiscal_year), int(quarter))
    except (TypeError, ValueError):
        raise LockError("locks.bad_period", period=f"{fiscal_year}-Q{quarter}") from None
    if not periods.is_fiscal_year(p.fiscal_year):
        raise LockError("locks.bad_period", period=str(p))
    return p


def lock_for(db, fiscal_year: int, quarter: int) -> dict | None:
    """The lock of the quarter (``locked_by``, ``locked_at``, ``note``), or None if open."""
    return store.locks.lock_for(db, fiscal_year, quarter)


def list_locks(db) -> pd.DataFrame:
    """Every locked quarter, newest period first."""
    return store.locks.list_locks(db)


def lock_quarter(db, fiscal_year: int, quarter: int, *, user: str, note: str | None = None) -> dict:
    """Lock a quarter (analyst or admin). Raises :class:`LockError` if it is already locked."""
    p = _period(fiscal_year, quarter)
    auth.authorize(db, user, "lock")
    note = (note or "").strip()[:500] or None
    with db.atomic():
        existing = lock_for(db, p.fiscal_year, p.quarter)
        if existing:
            raise LockError("locks.already_locked", period=str(p), by=existing["locked_by"],
                            at=existing["locked_at"])
        store.locks.add_lock(db, p.fiscal_year, p.quarter, locked_by=user, at=store.now_iso(), note=note)
        store.audit(db, user=user, action="quarter_lock", target=str(p),
                    detail={"before": "open", "after": "locked", "note": note})
    return lock_for(db, p.fiscal_year, p.quarter)


def unlock_quarter(db, fiscal_year: int, quarter: int, *, user: str, reason: str) -> dict:
    """Unlock a quarter (admin only, with a reason); returns the lock that was removed."""
    p = _period(fiscal_year, quarter)
    auth.authorize(db, user, "unlock")
    reason = (reason or "").strip()
    if len(reason) < 3:
        raise LockError("locks.reason_required")
    with db.atomic():
        existing = lock_for(db, p.fiscal_year, p.quarter)
        if not existing:
            raise LockError("locks.not_locked", period=str(p))
        store.locks.remove_lock(db, p.fiscal_year, p.quarter)
        store.audit(db, user=user, action="quarter_unlock", target=str(p),
                    detail={"before": "locked", "after": "open", "reason": reason[:500],
                            "locked_by": existing["locked_by"], "locked_at": existing["locked_at"],
                            "note": existing["note"]})
    return existing
