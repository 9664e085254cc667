"""CLI: ``import FILE [--kind K] [--dry-run]``, ``batches``, ``rollback BATCH_ID``, ``templates``.

Exit codes: 0 committed, nothing to do, or a clean dry run; 1 the file was rejected (problems
printed as a table) or the rollback refused; 2 bad usage (unknown option, missing file).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import pandas as pd

from tracker import store
from tracker.cli import add_db_option


def _user(args) -> str:
    """Command-line actor: ``cli:<name>`` (trusted: it runs on the server, see auth.authorize)."""
    return "cli:" + (args.user or os.environ.get("TRACKER_USER") or getpass.getuser() or "unknown")


def _table(df: pd.DataFrame, cols: list[str]) -> str:
    if df.empty:
        return ""
    cells = df[cols].astype(object).where(df[cols].notna(), "").astype(str)
    # every column but the last is cut at 40 characters; the last (the message) is printed whole
    widths = {c: min(max(len(c), *(len(v) for v in cells[c])), 40) for c in cols}
    last = cols[-1]

    def fmt(c, v):
        return v if c == last else v[:40].ljust(widths[c])

    line = "  ".join(fmt(c, c) for c in cols)
    rows = ["  ".join(fmt(c, v) for c, v in zip(cols, r)) for r in cells.itertuples(index=False)]
    return "\n".join([line, "  ".join("-" * widths[c] for c in cols), *rows])


def cmd_import(args) -> int:
    from tracker import ingest

    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    db = store.open_db(args.db)
    try:
        preview, receipt = ingest.import_file(db, path, kind=args.kind, user=_user(args), dry_run=args.dry_run)
    except ingest.ImportRejected as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    c = preview.counts
    print(f"file: {path.name}  kind: {preview.kind or '?'}  format: {preview.format or '?'}  "
          f"encoding: {preview.encoding or '-'}  separator: {preview.separator_name or '-'}  sha256: {preview.sha256}")
    print(f"rows: {c['rows']}  new: {c['new']}  changed: {c['changed']}  unchanged: {c['unchanged']}  "
          f"errors: {c['errors']}  warnings: {c['warnings']}")
    if len(preview.problems):
        msg = f"message_{args.lang}"
        print(_table(preview.problems.rename(columns={msg: "message"}),
                     ["row", "column", "value", "severity", "code", "message"]))
    if preview.has_errors:
        print(preview.summary(args.lang), file=sys.stderr)
        return 1
    if receipt is not None:
        print(receipt.message(args.lang))
        print(receipt)
    elif args.dry_run:
        print("dry run: nothing written" if not preview.nothing_to_do else preview.summary(args.lang))
    else:
        print(preview.summary(args.lang))
    return 0


def cmd_batches(args) -> int:
    db = store.open_db(args.db)
    b = store.batches(db)
    if b.empty:
        print("no batches")
        return 0
    b = b.assign(sha256=b["sha256"].str[:12], demo=b["is_demo"].map({1: "demo", 0: ""}))
    print(_table(b, ["id", "kind", "file_name", "username", "created_at", "n_rows", "n_new", "n_changed",
                     "n_unchanged", "n_warnings", "status", "rolled_back_by", "periods", "demo", "sha256"]))
    return 0


def cmd_rollback(args) -> int:
    from tracker import backup, ingest

    db = store.open_db(args.db)
    try:
        res = ingest.rollback(db, args.batch_id, user=_user(args))
    except ingest.RollbackRefused as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    except backup.BackupError as exc:   # no backup, no rollback
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    print(res.message(args.lang))
    return 0


def cmd_templates(args) -> int:
    from tracker.ingest.templates import write_templates

    for p in write_templates(args.out):
        print(p)
    return 0


def _common(p, *, user: bool = False) -> None:
    add_db_option(p)
    p.add_argument("--lang", choices=("th", "en"), default="th", help="language of messages (default th)")
    if user:
        p.add_argument("--user", default=None, help="name recorded in the receipt (default: TRACKER_USER or login)")


def register(sub) -> None:
    from tracker.ingest.contract import KINDS

    p = sub.add_parser("import", help="check and import a CSV/XLSX file (projects, project_progress, "
                                      "indicator_results)")
    p.add_argument("file", help="the file to import")
    p.add_argument("--kind", choices=list(KINDS), default=None, help="kind of data (default: detect from headers)")
    p.add_argument("--dry-run", action="store_true", help="check and show the preview; write nothing")
    _common(p, user=True)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("batches", help="list every import batch with its receipt")
    _common(p)
    p.set_defaults(func=cmd_batches)

    p = sub.add_parser("rollback", help="undo an import batch (refused if a later batch changed the same rows)")
    p.add_argument("batch_id", type=int)
    _common(p, user=True)
    p.set_defaults(func=cmd_rollback)

    p = sub.add_parser("templates", help="write the blank upload templates (CSV and XLSX)")
    p.add_argument("--out", default=None, help="folder (default data/templates)")
    p.set_defaults(func=cmd_templates)
