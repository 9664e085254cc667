"""CLI: ``users add|list|set-role|reset-password|disable|enable``, ``backup``, ``restore``, ``lock``, ``unlock``.

Passwords are never taken from the command line (it ends up in shell history and ``ps``): they are
asked for twice at a terminal, or read from the first line of standard input when it is not one
(``printf '%s\\n' "$PW" | python -m tracker users add somchai --role analyst``).
Changes are recorded in the audit log as ``cli:<operating-system user>``.
"""

from __future__ import annotations

import getpass
import sys

from tracker import auth, backup, locks, store
from tracker.cli import add_db_option
from tracker.errors import TrackerError
from tracker.i18n import both
from tracker.periods import Period


def _actor() -> str:
    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):
        return "cli:unknown"


def _msg(exc) -> str:
    """Thai and English text of an AuthError, LockError or BackupError."""
    return f"{exc.message('th')} / {exc.message('en')}"


def _err(text: str) -> int:
    print(text, file=sys.stderr)
    return 1


def read_password(prompt: str = "Password / รหัสผ่าน: ") -> str:
    """A new password: typed twice without echo at a terminal, else the first line of stdin."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        again = getpass.getpass("Again / อีกครั้ง: ")
        if first != again:
            raise auth.AuthError("users.passwords_differ")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def _db(args):
    return store.open_db(args.db)


def cmd_users_add(args) -> int:
    db = _db(args)
    try:
        user = auth.create_user(db, args.username, password=read_password(), role=args.role,
                                display_name=args.display_name, by=_actor())
    except TrackerError as exc:
        return _err(_msg(exc))
    print(f"{user['username']}: {user['role']} ({user['display_name']})")
    return 0


def cmd_users_list(args) -> int:
    df = auth.list_users(_db(args))
    if df.empty:
        print(both("auth.no_users", command="python -m tracker users add admin --role admin"))
        return 0
    for r in df.itertuples(index=False):
        flags = [f for f, on in (("disabled", r.disabled), ("demo", r.is_demo), ("locked", bool(r.locked_until)))
                 if on]
        print(f"{r.username:<24} {r.role:<8} {r.display_name}" + (f"  [{', '.join(flags)}]" if flags else ""))
    return 0


def _change(func, *args_, done: str, **kwargs) -> int:
    try:
        func(*args_, by=_actor(), **kwargs)
    except TrackerError as exc:
        return _err(_msg(exc))
    print(done)
    return 0


def cmd_users_set_role(args) -> int:
    return _change(auth.set_role, _db(args), args.username, args.role, done=f"{args.username}: {args.role}")


def cmd_users_reset_password(args) -> int:
    db = _db(args)
    try:
        password = read_password("New password / รหัสผ่านใหม่: ")
    except TrackerError as exc:
        return _err(_msg(exc))
    return _change(auth.reset_password, db, args.username, password,
                   done=both("users.password_reset", username=args.username))


def cmd_users_disable(args) -> int:
    return _change(auth.set_disabled, _db(args), args.username, True,
                   done=both("users.disabled_done", username=args.username))


def cmd_users_enable(args) -> int:
    return _change(auth.set_disabled, _db(args), args.username, False,
                   done=both("users.enabled_done", username=args.username))


def cmd_backup(args) -> int:
    db = store.open_db(args.db)
    try:
        store.audit(db, user=_actor(), action="backup", target=args.dest or "backup_dir")
        path = backup.backup(db, args.dest, reason="manual")
    except backup.BackupError as exc:
        return _err(_msg(exc))
    finally:
        db.close()
    print(both("backup.done", path=str(path)))
    return 0


def cmd_restore(args) -> int:
    if not args.yes:
        return _err(both("backup.confirm_restore"))
    try:
        safety = backup.restore(args.path, db_path=args.db, user=_actor())
    except backup.BackupError as exc:
        return _err(_msg(exc))
    print(both("backup.restored", path=args.path, safety=str(safety) if safety else "-"))
    return 0


def _period(args) -> Period:
    text = args.period if args.quarter is None else f"{args.period}-Q{args.quarter}"
    return Period.parse(text)


def cmd_lock(args) -> int:
    try:
        p = _period(args)
    except ValueError as exc:
        return _err(str(exc))
    db = _db(args)
    try:
        locks.lock_quarter(db, p.fiscal_year, p.quarter, user=args.user, note=args.note)
    except TrackerError as exc:
        return _err(_msg(exc))
    print(both("locks.locked_done", period=str(p)))
    return 0


def cmd_unlock(args) -> int:
    try:
        p = _period(args)
    except ValueError as exc:
        return _err(str(exc))
    db = _db(args)
    try:
        locks.unlock_quarter(db, p.fiscal_year, p.quarter, user=args.user, reason=args.reason)
    except TrackerError as exc:
        return _err(_msg(exc))
    print(both("locks.unlocked_done", period=str(p)))
    return 0


def cmd_locks(args) -> int:
    df = locks.list_locks(_db(args))
    for r in df.itertuples(index=False):
        print(f"{r.fiscal_year}-Q{r.quarter}  {r.locked_by:<20} {r.locked_at}  {r.note or ''}")
    return 0


def register(sub) -> None:
    users = sub.add_parser("users", help="manage accounts (passwords are asked for, never arguments)")
    usub = users.add_subparsers(dest="users_command", metavar="ACTION")
    users.set_defaults(func=lambda a: (users.print_help(), 2)[1])

    p = usub.add_parser("add", help="add an account; the password is read from a prompt or stdin")
    p.add_argument("username")
    p.add_argument("--role", choices=auth.ROLES, required=True)
    p.add_argument("--display-name", default=None, help="name shown in the app (Thai is fine)")
    add_db_option(p)
    p.set_defaults(func=cmd_users_add)

    p = usub.add_parser("list", help="list accounts (never shows passwords)")
    add_db_option(p)
    p.set_defaults(func=cmd_users_list)

    p = usub.add_parser("set-role", help="change an account's role")
    p.add_argument("username")
    p.add_argument("role", choices=auth.ROLES)
    add_db_option(p)
    p.set_defaults(func=cmd_users_set_role)

    p = usub.add_parser("reset-password", help="set a new password (prompt or stdin); also unlocks the account")
    p.add_argument("username")
    add_db_option(p)
    p.set_defaults(func=cmd_users_reset_password)

    p = usub.add_parser("disable", help="disable an account (it can no longer sign in)")
    p.add_argument("username")
    add_db_option(p)
    p.set_defaults(func=cmd_users_disable)

    p = usub.add_parser("enable", help="enable a disabled account again")
    p.add_argument("username")
    add_db_option(p)
    p.set_defaults(func=cmd_users_enable)

    p = sub.add_parser("backup", help="back up the database with SQLite's online backup API (safe while in use)")
    p.add_argument("--dest", default=None, help="file to write (default: a timestamped file in TRACKER_BACKUP_DIR)")
    add_db_option(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the database with a backup (the current one is backed up first)")
    p.add_argument("path", help="backup file to restore")
    p.add_argument("--yes", action="store_true", help="confirm: all current data is replaced")
    add_db_option(p)
    p.set_defaults(func=cmd_restore)

    for name, func, helptext in (("lock", cmd_lock, "lock a council-approved quarter (analyst or admin)"),
                                 ("unlock", cmd_unlock, "unlock a quarter (admin, with --reason)")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("period", help="fiscal year and quarter, e.g. 2569-Q2 (or 2569 2)")
        p.add_argument("quarter", nargs="?", type=int, default=None)
        p.add_argument("--user", required=True, help="the account doing it (its role is checked)")
        if name == "lock":
            p.add_argument("--note", default=None, help="e.g. council resolution number and date")
        else:
            p.add_argument("--reason", required=True, help="why the approved figures must change")
        add_db_option(p)
        p.set_defaults(func=func)

    p = sub.add_parser("locks", help="list locked quarters")
    add_db_option(p)
    p.set_defaults(func=cmd_locks)
