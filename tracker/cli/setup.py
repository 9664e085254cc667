"""``init`` (create or migrate the database and load the plan) and ``demo`` (load the demo data set)."""

from __future__ import annotations

from tracker import demo, store
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


def register(sub, parents) -> None:
    p = sub.add_parser("init", parents=[parents["db"]], help="create or migrate the database and load the plan")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("demo", parents=[parents["db"]], help="load the demo data set (clearly labelled as demo)")
    p.add_argument("--if-empty", action="store_true", help="only when the database has no data yet")
    p.set_defaults(func=cmd_demo)
