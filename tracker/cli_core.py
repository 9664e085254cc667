"""CLI: ``init`` (create or migrate the database and load the plan) and ``demo`` (load demo data)."""

from __future__ import annotations

from tracker import store
from tracker.cli import add_db_option


def cmd_init(args) -> int:
    db = store.connect(args.db)
    applied = store.migrate(db)
    from tracker.plan import default_plan

    plan = default_plan()
    store.load_plan(db, plan)
    print(f"database: {args.db or store.db_path()}")
    print(f"migrations applied: {', '.join(applied) if applied else 'none (up to date)'}")
    print(f"plan loaded: {plan.source_path} ({len(plan.goals)} goals, {len(plan.indicators)} indicators)")
    return 0


def cmd_demo(args) -> int:
    from tracker import demo

    db = store.open_db(args.db)
    receipts = demo.load_demo(db, only_if_empty=args.if_empty)
    if not receipts:
        print("demo data: nothing to do (already loaded, or real data present)")
    for r in receipts:
        print(r)
    return 0


def register(sub) -> None:
    p = sub.add_parser("init", help="create or migrate the database and load the plan")
    add_db_option(p)
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("demo", help="load the demo data set (clearly labelled as demo)")
    add_db_option(p)
    p.add_argument("--if-empty", action="store_true", help="only when the database has no data yet")
    p.set_defaults(func=cmd_demo)
