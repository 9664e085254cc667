"""``python -m tracker COMMAND``: the command line, a thin adapter on the same functions the pages call.

One :func:`main`; the subcommands are the modules of this package, imported here (:data:`COMMANDS`),
each with a ``register(sub, parents)`` that adds its parsers (``func(args) -> int`` runs one).
Every command takes ``--db`` and ``--lang``; commands that change data take ``--user``.

One error handler: a :class:`tracker.errors.TrackerError` (any refusal) is printed in ``--lang`` on
standard error and the exit code is 1. Exit codes: 0 done (or nothing to do), 1 refused or failed,
2 bad usage.

The acting user is always ``cli:<name>`` (:func:`tracker.cli.common.actor`): ``--user NAME``, else
the ``user`` setting (``TRACKER_USER``), else the login name. When ``<name>`` is an account, that
account's role applies (:func:`tracker.auth.authorize`).
"""

from __future__ import annotations

import argparse
import sys

from tracker import store
from tracker.cli import admin, common, data, figures, plan, reports, setup, terminal
from tracker.errors import TrackerError
from tracker.i18n import t

#: the modules that add subcommands, in the order of ``--help``
COMMANDS = (setup, data, plan, figures, reports, admin)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tracker",
                                     description="Local development plan tracker (อบต.ขี้เหล็ก)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parents = common.parents()
    for module in COMMANDS:
        module.register(sub, parents)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        (getattr(args, "help_of", None) or parser).print_help()
        return 2
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = terminal.Safe(out), terminal.Safe(err)   # no escape codes from cells
    try:
        return int(args.func(args) or 0)
    except TrackerError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    except store.SQLITE_ERRORS as exc:     # read-only, full, damaged database: what to run, not a traceback
        print(store.explain(exc, args.db).message(args.lang), file=sys.stderr)
        return 1
    except OSError as exc:
        print(t("cli.os_error", args.lang, detail=str(exc)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 1
    finally:
        sys.stdout, sys.stderr = out, err


if __name__ == "__main__":
    sys.exit(main())
