"""``init`` (create or migrate the database and load the plan) and ``demo`` (load the demo data set)."""

from __future__ import annotations

import contextlib
import sys

from tracker import demo, settings, store
from tracker.cli.common import opened
from tracker.plan import default_plan


def cmd_init(args) -> int:
    db = store.connect(args.db)
    try:
        applied = store.migrate(db)
        plan = default_plan()
        store.load_plan(db, plan)
    finally:
        db.close()
    print(f"database: {args.db or store.db_path()}")
    print(f"migrations applied: {', '.join(applied) if applied else 'none (up to date)'}")
    print(f"plan loaded: {plan.source_path} ({len(plan.goals)} goals, {len(plan.indicators)} indicators)")
    return 0


def cmd_demo(args) -> int:
    with opened(args) as db:
        receipts = demo.load_demo(db, only_if_empty=args.if_empty)
    if not receipts:
        print("demo data: nothing to do (already loaded, or real data present)")
    for r in receipts:
        print(r)
    return 0


#: the host names of this computer, as in .streamlit/config.toml's ``server.allowedHosts``
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def server_args(db) -> list[str]:
    """Streamlit's command-line options for ``start.sh``: the listening address (the ``address`` setting;
    by default 127.0.0.1 while the database holds demo data, whose passwords are public) and the
    host names of the ``allowed_hosts`` setting."""
    address = settings.get("address").strip() or ("127.0.0.1" if store.has_demo_data(db) else "")
    args = ["--server.address", address] if address else []
    hosts = [h.strip() for h in settings.get("allowed_hosts").split(",") if h.strip()]
    if hosts:   # given on the command line, the list replaces the config file's: keep this computer's names
        for h in dict.fromkeys([*LOCAL_HOSTS, *hosts]):
            args += ["--server.allowedHosts", h]
    return args


def cmd_server_args(args) -> int:
    if args.prepare:       # start.sh: one Python process before Streamlit, not three (issue #16, cold start)
        with contextlib.redirect_stdout(sys.stderr):        # stdout carries the arguments only
            cmd_init(args)
            args.if_empty = True
            cmd_demo(args)
    with opened(args) as db:
        print("\n".join(server_args(db)))
    return 0


def register(sub, parents) -> None:
    p = sub.add_parser("init", parents=[parents["db"]], help="create or migrate the database and load the plan")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("demo", parents=[parents["db"]], help="load the demo data set (clearly labelled as demo)")
    p.add_argument("--if-empty", action="store_true", help="only when the database has no data yet")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("server-args", parents=[parents["db"]],
                       help="print the server options start.sh passes to Streamlit (address, allowed hosts)")
    p.add_argument("--prepare", action="store_true",
                   help="first do what init and demo --if-empty do (their messages on stderr)")
    p.set_defaults(func=cmd_server_args)
