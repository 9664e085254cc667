"""Demo accounts: exist only while the database holds demo data and nothing else, and the
``demo_accounts`` setting is on.

Their passwords are public on purpose (the sign-in page lists them under a red warning); they are
deleted as soon as the demo data is gone or the first real batch is committed, and every account a
demo account created or changed (role, password, enabling) is disabled then: a public password
must not leave an administrator behind.
"""

from __future__ import annotations

from tracker import settings, store
from tracker.auth.users import create_user, get_user

DEMO_ACCOUNTS: tuple[dict, ...] = (
    {"username": "demo-viewer", "password": "demo-viewer-2569", "role": "viewer",
     "display_name": "ผู้บริหาร (บัญชีสาธิต)"},
    {"username": "demo-analyst", "password": "demo-analyst-2569", "role": "analyst",
     "display_name": "นักวิเคราะห์ (บัญชีสาธิต)"},
    {"username": "demo-admin", "password": "demo-admin-2569", "role": "admin",
     "display_name": "ผู้ดูแลระบบ (บัญชีสาธิต)"},
)


def demo_accounts_wanted(db) -> bool:
    """True while the setting is on and the database holds demo data and no real batch."""
    return bool(settings.get("demo_accounts")) and store.has_demo_data(db) and not store.has_real_data(db)


def ensure_demo_accounts(db) -> list[str]:
    """Create the demo accounts if demo data is loaded and the setting is on; returns names created.

    When demo data is gone (or the setting is off), removes them instead (see :func:`remove_demo_accounts`).
    """
    if not demo_accounts_wanted(db):
        remove_demo_accounts(db)
        return []
    created = []
    if all(get_user(db, acc["username"]) is not None for acc in DEMO_ACCOUNTS):
        return created
    # one write transaction: browsers connecting at once after a start check and create in turn
    # (checked then created outside it, two of them created the same account: UNIQUE constraint failed)
    with db.atomic():
        for acc in DEMO_ACCOUNTS:
            if get_user(db, acc["username"]) is None:
                create_user(db, acc["username"], password=acc["password"], role=acc["role"],
                            display_name=acc["display_name"], by="system", is_demo=True)
                created.append(acc["username"])
    return created


def remove_demo_accounts(db) -> list[str]:
    """Delete every demo account and disable every account one of them created or changed; returns
    the names removed (each removal and each disabling audited)."""
    if not store.accounts.demo_usernames(db):
        return []
    with db.atomic():
        names = store.accounts.demo_usernames(db)
        actors = [a["username"] for a in DEMO_ACCOUNTS] + names
        now = store.now_iso()
        for made in store.accounts.accounts_changed_by(db, actors):
            if made not in names:
                store.accounts.set_disabled(db, made, True)
                ended = store.sessions.end_user_sessions(db, made, at=now, by="system", reason="disabled")
                store.audit(db, user="system", action="user_disable_demo_made", target=made,
                            detail={"reason": "created or changed by a demo account", "sessions_ended": ended})
        store.accounts.delete_demo_users(db)
        for n in names:     # a browser signed in with a public password is signed out at once
            ended = store.sessions.end_user_sessions(db, n, at=now, by="system", reason="disabled")
            store.audit(db, user="system", action="user_remove_demo", target=n, detail={"sessions_ended": ended})
    return names


def active_demo_accounts(db) -> list[dict]:
    """The demo accounts that exist now, with their public passwords (for the sign-in page warning)."""
    present = set(store.accounts.demo_usernames(db, active_only=True))
    return [a for a in DEMO_ACCOUNTS if a["username"] in present]
