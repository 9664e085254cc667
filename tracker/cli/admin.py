"""``users add|list|set-role|reset-password|disable|enable|sign-out``, ``backup``, ``restore``, ``lock``, ``unlock``, ``locks``.

Passwords are never taken from the command line (it ends up in shell history and ``ps``): they are
asked for twice at a terminal, or read from the first line of standard input when it is not one
(``printf '%s\\n' "$PW" | python -m tracker users add somchai --role analyst``).
"""

from __future__ import annotations

import getpass
import sys

from tracker import auth, locks, periods, store
from tracker.cli.common import actor, opened, print_rows
from tracker.i18n import t
from tracker.periods import Period
from tracker.store.backup import BackupError


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


def cmd_users_add(args) -> int:
    password = read_password()
    with opened(args) as db:
        user = auth.create_user(db, args.username, password=password, role=args.role,
                                display_name=args.display_name, by=actor(args))
    print(f"{user['username']}: {user['role']} ({user['display_name']})")
    return 0


def cmd_users_list(args) -> int:
    with opened(args) as db:
        df = auth.list_users(db)

    def line(r) -> str:
        flags = [f for f, on in (("disabled", r.disabled), ("demo", r.is_demo), ("locked", bool(r.locked_until)))
                 if on]
        return f"{r.username:<24} {r.role:<8} {r.display_name}" + (f"  [{', '.join(flags)}]" if flags else "")

    return print_rows(df, args.lang, "auth.no_users", line, command="python -m tracker users add admin --role admin")


def cmd_users_set_role(args) -> int:
    with opened(args) as db:
        auth.set_role(db, args.username, args.role, by=actor(args))
    print(t("users.role_set", args.lang, username=args.username, role=auth.role_label(args.role, args.lang)))
    return 0


def cmd_users_reset_password(args) -> int:
    password = read_password("New password / รหัสผ่านใหม่: ")
    with opened(args) as db:
        auth.reset_password(db, args.username, password, by=actor(args))
    print(t("users.password_reset", args.lang, username=args.username))
    return 0


def cmd_users_disable(args) -> int:
    """``users disable`` and ``users enable``."""
    disable = args.users_command == "disable"
    with opened(args) as db:
        auth.set_disabled(db, args.username, disable, by=actor(args))
    print(t("users.disabled_done" if disable else "users.enabled_done", args.lang, username=args.username))
    return 0


def cmd_users_sign_out(args) -> int:
    """``users sign-out NAME``: end every session of the account (a lost laptop, a forgotten sign-out)."""
    with opened(args) as db:
        n = auth.sessions.revoke_user(db, auth.normalize_username(args.username), by=actor(args))
    print(t("users.sessions_revoked", args.lang, username=args.username, n=n))
    return 0


def cmd_backup(args) -> int:
    with opened(args) as db:
        if args.dest:
            store.backup.check_dest(db, args.dest, force=args.force)     # refused: nothing written, not even the audit
        store.audit(db, user=actor(args), action="backup", target=args.dest or "backup_dir")
        path = store.backup.backup(db, args.dest, reason="manual", force=args.force)
    print(t("backup.done", args.lang, path=str(path)))
    return 0


def cmd_restore(args) -> int:
    if not args.yes:
        raise BackupError("backup.confirm_restore")
    safety = store.restore.restore(args.path, db_path=args.db, user=actor(args), accept_admins=args.accept_admins)
    print(t("backup.restored", args.lang, path=args.path, safety=str(safety) if safety else "-"))
    return 0


def _period(args) -> Period:
    text = args.period if args.quarter is None else f"{args.period}-Q{args.quarter}"
    try:
        p = Period.parse(text)
    except ValueError:
        raise locks.LockError("locks.bad_period", period=text) from None
    return p


def _confirm_admin(db, args) -> None:
    """Unlocking changes approved figures: the admin named by ``--user`` types their password (at a
    terminal, or the first line of standard input); failures count towards the account's lockout."""
    if not args.user:
        raise auth.PermissionDenied("locks.unlock_needs_admin")
    user = auth.get_user(db, args.user)
    if sys.stdin is not None and sys.stdin.isatty():
        password = getpass.getpass(t("locks.unlock_password_prompt", args.lang, username=args.user) + " ")
    else:
        password = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    result = auth.authenticate(db, args.user, password, client="cli")
    if not result.ok or user is None or user["role"] != "admin":
        raise auth.PermissionDenied("locks.unlock_bad_admin", username=args.user)


def cmd_lock(args) -> int:
    """``lock`` and ``unlock``: the quarter, the actor, and the note or the reason."""
    p = _period(args)
    with opened(args) as db:
        if args.command == "lock":
            locks.lock_quarter(db, p.fiscal_year, p.quarter, user=actor(args), note=args.note)
            done = "locks.locked_done"
        else:
            _confirm_admin(db, args)
            locks.unlock_quarter(db, p.fiscal_year, p.quarter, user=actor(args), reason=args.reason)
            done = "locks.unlocked_done"
    print(t(done, args.lang, period=periods.period_label(p, args.lang)))
    return 0


def cmd_locks(args) -> int:
    with opened(args) as db:
        found = locks.list_locks(db)
    return print_rows(found, args.lang, "locks.none",
                      lambda r: f"{r.fiscal_year}-Q{r.quarter}  {r.locked_by:<20} {r.locked_at}  {r.note or ''}")


def register(sub, parents) -> None:
    users = sub.add_parser("users", help="manage accounts (passwords are asked for, never arguments)")
    users.set_defaults(help_of=users)
    usub = users.add_subparsers(dest="users_command", metavar="ACTION")
    actor_ = [parents["actor"]]

    p = usub.add_parser("add", parents=actor_, help="add an account; the password is read from a prompt or stdin")
    p.add_argument("username")
    p.add_argument("--role", choices=auth.ROLES, required=True)
    p.add_argument("--display-name", default=None, help="name shown in the app (Thai is fine)")
    p.set_defaults(func=cmd_users_add)

    p = usub.add_parser("list", parents=[parents["db"]], help="list accounts (never shows passwords)")
    p.set_defaults(func=cmd_users_list)

    p = usub.add_parser("set-role", parents=actor_, help="change an account's role")
    p.add_argument("username")
    p.add_argument("role", choices=auth.ROLES)
    p.set_defaults(func=cmd_users_set_role)

    for name, func, helptext in (
            ("reset-password", cmd_users_reset_password, "set a new password (prompt or stdin); also unlocks it"),
            ("disable", cmd_users_disable, "disable an account (it can no longer sign in)"),
            ("enable", cmd_users_disable, "enable a disabled account again"),
            ("sign-out", cmd_users_sign_out, "end every signed-in session of an account, in every browser")):
        p = usub.add_parser(name, parents=actor_, help=helptext)
        p.add_argument("username")
        p.set_defaults(func=func)

    p = sub.add_parser("backup", parents=actor_,
                       help="back up the database with SQLite's online backup API (safe while in use)")
    p.add_argument("--dest", default=None, help="file to write (default: a timestamped file in TRACKER_BACKUP_DIR); "
                                                 "never the database itself")
    p.add_argument("--force", action="store_true", help="replace --dest if that file exists")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=actor_,
                       help="replace the database with a backup (the current one is backed up first)")
    p.add_argument("path", help="backup file to restore")
    p.add_argument("--yes", action="store_true", help="confirm: all current data is replaced")
    p.add_argument("--accept-admins", action="store_true",
                   help="restore even when the backup has admin accounts the current database does not know")
    p.set_defaults(func=cmd_restore)

    for name, helptext in (("lock", "lock a council-approved quarter (analyst or admin)"),
                           ("unlock", "unlock a quarter (admin, with --reason)")):
        p = sub.add_parser(name, parents=actor_, help=helptext)
        p.add_argument("period", help="fiscal year and quarter, e.g. 2569-Q2 (or 2569 2)")
        p.add_argument("quarter", nargs="?", type=int, default=None)
        if name == "lock":
            p.add_argument("--note", default=None, help="e.g. council resolution number and date")
        else:
            p.add_argument("--reason", required=True, help="why the approved figures must change")
        p.set_defaults(func=cmd_lock)

    p = sub.add_parser("locks", parents=[parents["db"]], help="list locked quarters")
    p.set_defaults(func=cmd_locks)
