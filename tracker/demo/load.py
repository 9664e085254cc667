"""Loading the demo data set at run time: the committed files through the imports an office uses.

First the plan book (``plan-book.xlsx``) through the plan-book import, then each year's quarterly
files through the upload pipeline. Loaded as demo batches (``is_demo``) by the trusted actor
``system:demo``, so the app labels the data as demo wherever it is shown, and rolling the batches
back removes it. The whole load is one transaction: a file with errors leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path

from tracker import ingest, store
from tracker.demo.generate import DEMO_DIR, FILES, YEARS
from tracker.demo.planbook import BOOK_FILE, approvals
from tracker.demo.report_texts import load_report_texts
from tracker.ingest import planimport

ACTOR = "system:demo"


def demo_files(base: Path = DEMO_DIR) -> list[Path]:
    """The quarterly demo files under ``base`` in load order: years ascending; projects, then progress, then results."""
    base = Path(base)
    return [base / str(fy) / name for fy in YEARS for name in FILES.values() if (base / str(fy) / name).exists()]


def demo_book(base: Path = DEMO_DIR) -> Path:
    """The demo plan book (แบบ ผ.02 workbook) under ``base``."""
    return Path(base) / BOOK_FILE


def load_demo(db, *, only_if_empty: bool = False, folder: Path = DEMO_DIR) -> list:
    """Load the demo plan book and files of ``folder`` as demo batches; returns the receipts (plan book first).

    With ``only_if_empty`` nothing happens (returns []) when the database already has project or
    indicator data. Loading twice adds nothing: each import reports an identical file as nothing
    to do. A book or file with errors raises RuntimeError naming them, and nothing is loaded (demo
    data must always be valid).
    """
    if only_if_empty and store.has_any_data(db):
        return []
    book, files = demo_book(folder), demo_files(folder)
    if not book.exists() or not files:
        raise RuntimeError(f"no demo plan book or files under {folder}; run `python -m tracker.demo`")
    receipts = []
    with db.atomic():
        preview, receipt = planimport.import_plan_file(
            db, book, user=ACTOR, is_demo=True, choices=planimport.Choices(approvals=approvals(YEARS)))
        if preview.has_errors:
            errors = [p.message_en for p in preview.errors]
            raise RuntimeError(f"demo plan book {book} has {len(errors)} error(s): {'; '.join(errors[:20])}")
        if receipt is not None and not receipt.nothing_to_do:
            receipts.append(receipt)
        for path in files:
            preview, receipt = ingest.import_file(db, path, kind=path.stem, user=ACTOR, is_demo=True,
                                                  file_name=f"{path.parent.name}/{path.name}")
            if preview.has_errors:
                errors = preview.errors["message_en"].tolist()
                raise RuntimeError(f"demo file {path} has {len(errors)} error(s): {'; '.join(errors[:20])}")
            if receipt is not None:
                receipts.append(receipt)
        receipts += load_report_texts(db, user=ACTOR)     # the report's narrative and surveys (#13)
    return receipts
