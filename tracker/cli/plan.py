"""``import-plan FILE`` (the plan book: แผนพัฒนาท้องถิ่น, แบบ ผ.01/ผ.02) and ``revisions`` (the plan's
revisions and what each changed).

``import-plan`` exits 0 when the book imports (or would, with ``--dry-run``; or there is nothing to
change) and 1 when it is refused (every problem printed, or ``{"projects", "problems"}`` with
``--json``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tracker import store
from tracker.cli.common import actor, opened, text_table
from tracker.i18n import t
from tracker.ingest import planimport
from tracker.ingest.planimport import Choices, RevisionError, RevisionInfo
from tracker.plan import default_plan
from tracker.store import planbook as store_plan


def _pair(text: str, sep: str) -> tuple[str, str]:
    left, mid, right = str(text).rpartition(sep)
    if not mid or not left.strip() or not right.strip():
        raise ValueError(text)
    return left.strip(), right.strip()


def choices_of(args, plan) -> Choices:
    """The analyst's answers given as options; exits with code 2 and the reason when one can't be read."""
    lang = args.lang
    revision = None
    if args.revision:
        try:
            revision = RevisionInfo.parse(args.revision)
        except RevisionError:
            _usage(t("planimport.bad_revision", lang, value=args.revision))
    approvals = {}
    for item in ([f"*={args.approved}"] if args.approved else []) + list(args.approve or ()):
        try:
            label, day = _pair(item, "=")
        except ValueError:
            _usage(t("planimport.bad_date", lang, value=item))
        try:
            label = label if label == "*" else RevisionInfo.parse(label).label
        except RevisionError:
            _usage(t("planimport.bad_revision", lang, value=label))
        try:
            approvals[label] = planimport.parse_date(day)
        except RevisionError:
            _usage(t("planimport.bad_date", lang, value=day))
    departments = {}
    for item in args.alias or ():
        try:
            name, code = _pair(item, "=")
        except ValueError:
            name, code = "", ""
        code = plan.department_by_name(code) if code else None
        if not code:
            _usage(t("planimport.bad_alias", lang, codes=", ".join(plan.departments)))
        departments[name] = code
    links = {}
    for item in args.link or ():
        try:
            where, code = _pair(item, "=")
            sheet, row = _pair(where, "!")
            links[(sheet, int(row))] = None if code.lower() == "new" else code
        except ValueError:
            _usage(t("planimport.bad_link", lang))
    return Choices(links=links, departments=departments, revision=revision, approvals=approvals)


def _usage(message: str):
    print(message, file=sys.stderr)
    raise SystemExit(2)


def cmd_import_plan(args) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    plan = default_plan()
    choices = choices_of(args, plan)
    with opened(args) as db:
        preview, receipt = planimport.import_plan_file(db, path, user=actor(args), choices=choices,
                                                      dry_run=args.dry_run, plan=plan)
    lang = args.lang
    if args.json:
        print(json.dumps(preview.dry_run(), ensure_ascii=False, indent=2))
        out = sys.stderr
    else:
        out = sys.stdout
        c = preview.counts
        print(f"file: {path.name}  sha256: {preview.sha256}", file=out)
        print("  ".join(f"{k}: {v}" for k, v in c.items()), file=out)
        problems = preview.problem_frame()
        if len(problems):
            print(text_table(problems.rename(columns={f"message_{lang}": "message"}),
                             ["sheet", "row", "column", "value", "severity", "code", "message"]), file=out)
    if preview.has_errors:
        print(preview.summary(lang), file=sys.stderr)
        return 1
    if receipt is not None:
        print(receipt.message(lang), file=out)
    elif args.dry_run and not preview.nothing_to_do:
        print(preview.summary(lang), file=out)
        print(t("planimport.dry_run", lang), file=out)
    else:
        print(preview.summary(lang), file=out)
    return 0


def cmd_revisions(args) -> int:
    with opened(args) as db:
        revs = store_plan.revisions(db)
        changes = store_plan.revision_changes(db, args.id) if args.id is not None else None
    if revs.empty:
        print(t("revisions.none", args.lang))
        return 0
    if changes is None:
        revs = revs.assign(label_shown=revs["label"].map(lambda lb: planimport.label_text(lb, args.lang)))
        print(text_table(revs, ["id", "label_shown", "approved_on", "added", "changed", "removed", "batch_id",
                                "file_name"]))
        return 0
    print(text_table(changes, ["project_code", "change", "field", "fiscal_year", "before", "after", "name_th"]))
    return 0


def register(sub, parents) -> None:
    p = sub.add_parser("import-plan", parents=[parents["actor"]],
                       help="check and import the plan book (แผนพัฒนาท้องถิ่น, แบบ ผ.01/ผ.02) as an .xlsx file")
    p.add_argument("file", help="the plan workbook (.xlsx)")
    p.add_argument("--dry-run", action="store_true", help="check and show what would change; write nothing")
    p.add_argument("--json", action="store_true",
                   help='print what was read as JSON: {"projects": [...], "problems": [...]}')
    p.add_argument("--revision", metavar="LABEL", default=None,
                   help='the plan revision this import records when the book names none, e.g. "แก้ไข 1/2568"')
    p.add_argument("--approved", metavar="DATE", default=None,
                   help="approval date (2568-03-15 or 2025-03-15) of --revision, else of every revision the "
                        "book names that is new")
    p.add_argument("--approve", metavar="LABEL=DATE", action="append",
                   help='approval date of a revision the book names, e.g. "เพิ่มเติม 1/2567=2567-02-20" (repeatable)')
    p.add_argument("--alias", metavar="NAME=CODE", action="append",
                   help='a department name as the book writes it = the division code (remembered; repeatable)')
    p.add_argument("--link", metavar="SHEET!ROW=CODE", action="append",
                   help="link the project on that sheet and row to a known project code, or =new (repeatable)")
    p.set_defaults(func=cmd_import_plan)

    p = sub.add_parser("revisions", parents=[parents["db"]],
                       help="list the plan's revisions; --id N: what revision N changed, project by project")
    p.add_argument("--id", type=int, default=None, help="show the changes of this revision")
    p.set_defaults(func=cmd_revisions)


__all__ = ["register"]
