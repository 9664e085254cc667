"""``python -m tracker ...``: the command line, on the same functions the pages call.

Each area registers its own subcommands from a module listed in :data:`REGISTRARS` (a function
``register(subparsers)`` that adds parsers whose ``func(args) -> int`` is the exit code).
Exit codes: 0 done (or nothing to do), 1 the action was refused or failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

REGISTRARS = (
    "tracker.cli_core",      # init, demo
    "tracker.ingest.cli",    # import, batches, rollback, templates
    "tracker.rollup_cli",    # summary
    "tracker.report.cli",    # report, snapshot
    "tracker.auth_cli",      # users, backup, restore, lock, unlock
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tracker",
                                     description="Local development plan tracker (อบต.ขี้เหล็ก)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in REGISTRARS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and (name == exc.name or name.startswith(exc.name + ".")):  # area not built yet
                continue
            raise
        module.register(sub)
    return parser


def add_db_option(p: argparse.ArgumentParser) -> None:
    """``--db PATH`` on every command (default: the ``db`` setting)."""
    p.add_argument("--db", metavar="PATH", default=None, help="database file (default: TRACKER_DB or data/tracker.db)")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 1


if __name__ == "__main__":
    sys.exit(main())
