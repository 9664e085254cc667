"""``report`` (PDF / XLSX / PPTX) and ``snapshot pin|list|delete``.

``python -m tracker report --fy 2569 --quarter 4 --format pdf [--lang th|en] [--snapshot NAME] -o FILE``
writes the same report as the meeting and reports pages (:mod:`tracker.report.documents`);
``python -m tracker report --round annual|half|quarter --fy 2569 [--quarter Q] --format pdf|docx|xlsx|pptx`` writes
the official M&E report of that round (:mod:`tracker.report.me`), as the M&E report page does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tracker import periods
from tracker.cli.common import actor, opened, print_rows
from tracker.i18n import t
from tracker.report import documents, me, snapshot


def cmd_me_report(args) -> int:
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "pdf")
    if fmt not in me.FORMATS:
        print(f"the M&E report (--round) is written as {', '.join(me.FORMATS)}, not {fmt!r}", file=sys.stderr)
        return 2
    rnd = me.parse(args.round, periods.normalize_year(args.fy), args.quarter)
    if fmt != "xlsx":                 # charts and the PDF need the browser: start it while the document is built
        _warm_browser()
    with opened(args) as db:
        doc = me.build(db, rnd, args.lang)
    data = me.render(doc, fmt)
    out = Path(args.output or me.file_name(rnd, fmt, args.lang))
    out.write_bytes(data)
    print(f"{out} ({len(data):,} bytes, {fmt}, {args.lang}, {rnd.label('en')})")
    return 0


def _warm_browser() -> None:
    from tracker.report import html_pdf

    html_pdf.warm()


def cmd_report(args) -> int:
    if args.round:
        return cmd_me_report(args)
    if args.quarter is None:
        print("--quarter is required (or --round annual|half|quarter for the M&E report)", file=sys.stderr)
        return 2
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "pdf")
    if fmt not in documents.FORMATS:
        print(f"unknown format {fmt!r}: choose one of {', '.join(documents.FORMATS)}", file=sys.stderr)
        return 2
    fy = periods.normalize_year(args.fy)
    if fmt == "pdf":
        _warm_browser()
    with opened(args) as db:
        report = documents.model(db, args.snapshot, fy, args.quarter, args.lang)
    data = documents.write(report, fmt)
    out = Path(args.output or f"khilek-report-{fy}-Q{args.quarter}-{args.lang}.{fmt}")
    out.write_bytes(data)
    print(f"{out} ({len(data):,} bytes, {fmt}, {args.lang}, FY{fy} Q{args.quarter}"
          + (f", snapshot {args.snapshot!r})" if args.snapshot else ")"))
    return 0


def cmd_snapshot_pin(args) -> int:
    with opened(args) as db:
        row = snapshot.pin(db, args.name, user=actor(args), note=args.note)
    print(t("snapshot.pinned", args.lang, name=row["name"]))
    print(f"{row['file']} (revision {row['revision']}, last batch {row['last_batch_id']})")
    return 0


def cmd_snapshot_list(args) -> int:
    with opened(args) as db:
        df = snapshot.list_snapshots(db)
    return print_rows(df, args.lang, "snapshot.none",
                      lambda r: f"{r.name}\t{r.created_at}\t{r.created_by}\tbatch {r.last_batch_id}\t{r.file}"
                                + ("" if r.exists else "\t(file missing)"))


def cmd_snapshot_delete(args) -> int:
    with opened(args) as db:
        snapshot.delete(db, args.name, user=actor(args))
    print(t("snapshot.deleted", args.lang, name=args.name))
    return 0


def register(sub, parents) -> None:
    p = sub.add_parser("report", parents=[parents["db"]],
                       help="the monitoring report as PDF, XLSX or PPTX; with --round the M&E report as PDF, DOCX, XLSX or PPTX")
    p.add_argument("--fy", type=int, required=True, help="fiscal year (Buddhist Era, e.g. 2569)")
    p.add_argument("--quarter", type=int, choices=(1, 2, 3, 4),
                   help="quarter figures are cumulated to (with --round: only for a quarterly round)")
    p.add_argument("--round", choices=me.KINDS,
                   help="the official M&E report of this round: annual (to Q4), half (6 months, to Q2) or quarter")
    p.add_argument("--format", choices=sorted({*documents.FORMATS, *me.FORMATS}),
                   help="default: from the -o suffix, else pdf")
    p.add_argument("--snapshot", metavar="NAME", help="use a pinned snapshot instead of the current data")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=cmd_report)

    snap = sub.add_parser("snapshot", help="pinned meeting snapshots: pin, list, delete")
    snap.set_defaults(help_of=snap)
    ssub = snap.add_subparsers(dest="snapshot_command", metavar="ACTION")
    p = ssub.add_parser("pin", parents=[parents["actor"]], help="pin the current data as a named snapshot")
    p.add_argument("name")
    p.add_argument("--note")
    p.set_defaults(func=cmd_snapshot_pin)
    p = ssub.add_parser("list", parents=[parents["db"]], help="list pinned snapshots")
    p.set_defaults(func=cmd_snapshot_list)
    p = ssub.add_parser("delete", parents=[parents["actor"]], help="delete a pinned snapshot")
    p.add_argument("name")
    p.set_defaults(func=cmd_snapshot_delete)
