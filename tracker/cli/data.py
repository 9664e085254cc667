"""``import FILE``, ``batches``, ``rollback BATCH_ID``, ``templates``, ``form``: the upload pipeline on the command line.

``import`` exits 0 when committed, when there is nothing to do or after a clean dry run, and 1 when
the file has errors (every problem printed as a table) or the import is refused.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tracker import ingest, store
from tracker.cli.common import actor, opened, text_table
from tracker.errors import TrackerError
from tracker.i18n import t
from tracker.ingest import forms
from tracker.ingest.contract import KINDS
from tracker.ingest.templates import write_templates


def cmd_import(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    with opened(args) as db:
        preview, receipt = ingest.import_file(db, path, kind=args.kind, user=actor(args), dry_run=args.dry_run)
    c = preview.counts
    print(f"file: {path.name}  kind: {preview.kind or '?'}  format: {preview.format or '?'}  "
          f"encoding: {preview.encoding or '-'}  separator: {preview.separator_name or '-'}  sha256: {preview.sha256}")
    print(f"rows: {c['rows']}  new: {c['new']}  changed: {c['changed']}  unchanged: {c['unchanged']}  "
          f"errors: {c['errors']}  warnings: {c['warnings']}")
    if len(preview.problems):
        print(text_table(preview.problems.rename(columns={f"message_{args.lang}": "message"}),
                         ["row", "column", "value", "severity", "code", "message"]))
    if preview.has_errors:
        print(preview.summary(args.lang), file=sys.stderr)
        return 1
    if receipt is not None:
        print(receipt.message(args.lang))
        print(receipt)
    elif args.dry_run and not preview.nothing_to_do:
        print(t("ingest.dry_run", args.lang))
    else:
        print(preview.summary(args.lang))
    return 0


def cmd_batches(args) -> int:
    with opened(args) as db:
        b = store.batches(db)
    if b.empty:
        print(t("history.empty", args.lang))
        return 0
    b = b.assign(sha256=b["sha256"].str[:12], demo=b["is_demo"].map({1: "demo", 0: ""}))
    print(text_table(b, ["id", "kind", "file_name", "username", "created_at", "n_rows", "n_new", "n_changed",
                         "n_unchanged", "n_warnings", "status", "rolled_back_by", "periods", "demo", "sha256"]))
    return 0


def cmd_rollback(args) -> int:
    with opened(args) as db:
        result = ingest.rollback(db, args.batch_id, user=actor(args))   # no backup, no rollback
    print(result.message(args.lang))
    return 0


def cmd_templates(args) -> int:
    for p in write_templates(args.out):
        print(p)
    return 0


def cmd_form(args) -> int:
    out = Path(args.out or ".")
    out.mkdir(parents=True, exist_ok=True)
    with opened(args) as db:
        for kind in args.kind or forms.FORM_KINDS:
            if kind == forms.SURVEY_FORM and args.quarter not in forms.SURVEY_ROUNDS:
                raise TrackerError("form.survey.quarter", quarter=args.quarter)
            if args.zip and kind != forms.SURVEY_FORM:       # every department's own workbook, one ZIP per form
                path = out / forms.file_name(kind, args.fy, args.quarter, "zip")
                path.write_bytes(forms.department_forms_zip(db, kind, args.fy, args.quarter, lang=args.lang))
                print(path)
                continue
            for ext in args.format or ["xlsx"]:
                make = forms.form_xlsx if ext == "xlsx" else forms.form_csv
                path = out / forms.file_name(kind, args.fy, args.quarter, ext, args.department)
                path.write_bytes(make(db, kind, args.fy, args.quarter, lang=args.lang, department=args.department))
                print(path)
    return 0


def register(sub, parents) -> None:
    p = sub.add_parser("import", parents=[parents["actor"]],
                       help="check and import a CSV/XLSX file (projects, project_progress, indicator_results)")
    p.add_argument("file", help="the file to import")
    p.add_argument("--kind", choices=list(KINDS), default=None, help="kind of data (default: detect from headers)")
    p.add_argument("--dry-run", action="store_true", help="check and show the preview; write nothing")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("batches", parents=[parents["db"]], help="list every import batch with its receipt")
    p.set_defaults(func=cmd_batches)

    p = sub.add_parser("rollback", parents=[parents["actor"]],
                       help="undo an import batch (refused if a later batch changed the same rows)")
    p.add_argument("batch_id", type=int)
    p.set_defaults(func=cmd_rollback)

    p = sub.add_parser("templates", parents=[parents["db"]], help="write the blank upload templates (CSV and XLSX)")
    p.add_argument("--out", default=None, help="folder (default data/templates)")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("form", parents=[parents["db"]],
                       help="write the pre-filled forms (projects and budget of the year; projects' progress and "
                            "indicator results of a quarter)")
    p.add_argument("--fy", type=int, required=True, help="fiscal year, Buddhist Era (e.g. 2570)")
    p.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4))
    p.add_argument("--kind", action="append", choices=(*forms.FORM_KINDS, forms.SURVEY_FORM),
                   help="one form only (default: the three quarterly ones); satisfaction = the survey form of the "
                        "annual (--quarter 4) or six-month (--quarter 2) round")
    p.add_argument("--format", action="append", choices=("xlsx", "csv"), default=None,
                   help="xlsx and/or csv (default: xlsx)")
    p.add_argument("--department", default=None, help="one department's form (its code, e.g. ENG)")
    p.add_argument("--zip", action="store_true",
                   help="every department's own form (XLSX), one workbook per department, in one ZIP per form")
    p.add_argument("--out", default=None, help="folder (default: the current folder)")
    p.set_defaults(func=cmd_form)
