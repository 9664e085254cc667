"""CLI: ``report`` (PDF / XLSX / PPTX) and ``snapshot pin|list|delete``.

``python -m tracker report --fy 2569 --quarter 4 --format pdf [--lang th|en] [--snapshot NAME] -o FILE``
builds the same report model as the meeting and reports pages (:func:`tracker.report.content.build`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tracker import periods, store
from tracker.cli import add_db_option

FORMATS = ("pdf", "xlsx", "pptx")


def render(db, fy: int, quarter: int, fmt: str, lang: str = "th", *, charts: str = "auto") -> bytes:
    """The report of ``db`` for (fy, quarter) in format ``fmt``, as bytes (what the pages download)."""
    from tracker.report import content

    report = content.build(db, fy, quarter, lang)
    if fmt == "pdf":
        from tracker.report import pdf

        return pdf.render(report, charts=charts)
    if fmt == "xlsx":
        from tracker.report import xlsx

        return xlsx.render(report)
    if fmt == "pptx":
        from tracker.report import pptx

        return pptx.render(report)
    raise ValueError(f"unknown format {fmt!r}")


MIME = {"pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


def render_file(db_path: str, snapshot_name: str | None, fy: int, quarter: int, fmt: str, lang: str = "th") -> bytes:
    """:func:`render` on its own connections (live data, or the pinned snapshot): safe to call from
    another thread, e.g. a lazy download button."""
    from tracker.report import snapshot

    db = store.connect(db_path)
    src = snapshot.open_snapshot(db, snapshot_name) if snapshot_name else db
    try:
        return render(src, fy, quarter, fmt, lang)
    finally:
        if src is not db:
            src.conn.close()
        db.close()


def cmd_report(args) -> int:
    from tracker.report import snapshot

    db = store.open_db(args.db)
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else "pdf")
    if fmt not in FORMATS:
        print(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}", file=sys.stderr)
        return 2
    source = db
    try:
        if args.snapshot:
            source = snapshot.open_snapshot(db, args.snapshot)
        fy = periods.normalize_year(args.fy)
        data = render(source, fy, args.quarter, fmt, args.lang, charts=args.charts)
    except snapshot.SnapshotError as exc:
        print(exc.message("en"), file=sys.stderr)
        return 1
    finally:
        if source is not db:
            source.conn.close()
    out = Path(args.output or f"khilek-report-{fy}-Q{args.quarter}-{args.lang}.{fmt}")
    out.write_bytes(data)
    print(f"{out} ({len(data):,} bytes, {fmt}, {args.lang}, FY{fy} Q{args.quarter}"
          + (f", snapshot {args.snapshot!r})" if args.snapshot else ")"))
    return 0


def cmd_snapshot_pin(args) -> int:
    from tracker.report import snapshot

    db = store.open_db(args.db)
    try:
        row = snapshot.pin(db, args.name, user="cli:" + args.user, note=args.note)
    except snapshot.SnapshotError as exc:
        print(exc.message("en"), file=sys.stderr)
        return 1
    except Exception as exc:  # PermissionDenied and friends carry a message
        msg = getattr(exc, "message", None)
        print(msg("en") if callable(msg) else str(exc), file=sys.stderr)
        return 1
    print(f"pinned {row['name']!r}: {row['file']} (revision {row['revision']}, last batch {row['last_batch_id']})")
    return 0


def cmd_snapshot_list(args) -> int:
    from tracker.report import snapshot

    df = snapshot.list_snapshots(store.open_db(args.db))
    if df.empty:
        print("no snapshots")
    for r in df.itertuples():
        print(f"{r.name}\t{r.created_at}\t{r.created_by}\tbatch {r.last_batch_id}\t{r.file}"
              + ("" if r.exists else "\t(file missing)"))
    return 0


def cmd_snapshot_delete(args) -> int:
    from tracker.report import snapshot

    try:
        snapshot.delete(store.open_db(args.db), args.name, user="cli:" + args.user)
    except snapshot.SnapshotError as exc:
        print(exc.message("en"), file=sys.stderr)
        return 1
    print(f"deleted {args.name!r}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("report", help="the monitoring report as PDF, XLSX or PPTX")
    add_db_option(p)
    p.add_argument("--fy", type=int, required=True, help="fiscal year (Buddhist Era, e.g. 2569)")
    p.add_argument("--quarter", type=int, required=True, choices=(1, 2, 3, 4))
    p.add_argument("--format", choices=FORMATS, help="default: from the -o suffix, else pdf")
    p.add_argument("--lang", choices=("th", "en"), default="th")
    p.add_argument("--snapshot", metavar="NAME", help="use a pinned snapshot instead of the current data")
    p.add_argument("--charts", choices=("auto", "image", "native"), default="auto",
                   help="PDF charts: kaleido images when possible (auto), required (image) or drawn natively")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=cmd_report)

    snap = sub.add_parser("snapshot", help="pinned meeting snapshots: pin, list, delete")
    ssub = snap.add_subparsers(dest="snapshot_command", metavar="ACTION")
    p = ssub.add_parser("pin", help="pin the current data as a named snapshot")
    add_db_option(p)
    p.add_argument("name")
    p.add_argument("--user", required=True, help="who pins it (recorded in the audit log)")
    p.add_argument("--note")
    p.set_defaults(func=cmd_snapshot_pin)
    p = ssub.add_parser("list", help="list pinned snapshots")
    add_db_option(p)
    p.set_defaults(func=cmd_snapshot_list)
    p = ssub.add_parser("delete", help="delete a pinned snapshot")
    add_db_option(p)
    p.add_argument("name")
    p.add_argument("--user", required=True)
    p.set_defaults(func=cmd_snapshot_delete)
