"""Table ``audit_log``: append-only (triggers refuse UPDATE and DELETE) record of who did what and when."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pandas as pd

from tracker.store.db import Database, frame, now_iso


def audit(db: Database, *, user: str, action: str, target: str | None = None, detail: dict | None = None) -> None:
    """Append one row to the audit log (call inside the transaction of the action it records)."""
    db["audit_log"].insert({"at": now_iso(), "username": user, "action": action, "target": target,
                            "detail": json.dumps(detail, ensure_ascii=False, default=str) if detail else None})


def audit_log(db: Database, *, since: str | None = None, until: str | None = None, user: str | None = None,
              action: str | None = None, text: str | None = None, limit: int = 5000) -> pd.DataFrame:
    """Audit rows ``id, at, username, action, target, detail``, newest first, filtered.

    ``since`` (inclusive) and ``until`` are ISO texts in UTC: a date-only ``until`` includes that
    whole day; a date-time ``until`` is exclusive (pages pass local midnights converted to UTC).
    ``text`` is searched literally in the target and the detail.
    """
    where, params = [], []
    if since:
        where.append("at >= ?")
        params.append(str(since))
    if until:
        where.append("at < ?")
        until = str(until)
        params.append((datetime.fromisoformat(until) + timedelta(days=1)).date().isoformat() if len(until) == 10
                      else until)
    if user:
        where.append("username = ?")
        params.append(user)
    if action:
        where.append("action = ?")
        params.append(action)
    if text:
        where.append("(coalesce(target,'') || ' ' || coalesce(detail,'')) LIKE ? ESCAPE '\\'")
        params.append("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    sql = "SELECT id, at, username, action, target, detail FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    return frame(db, sql, [*params, int(limit)])


def audit_users_and_actions(db: Database) -> tuple[list[str], list[str]]:
    """The user names and the actions that appear in the log (for the page's filters)."""
    users = [r[0] for r in db.execute("SELECT DISTINCT username FROM audit_log ORDER BY 1").fetchall()]
    actions = [r[0] for r in db.execute("SELECT DISTINCT action FROM audit_log ORDER BY 1").fetchall()]
    return users, actions
