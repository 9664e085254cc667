"""Import the plan book (แผนพัฒนาท้องถิ่น, แบบ ผ.01/ผ.02) into the store, as the quarterly upload does:
read -> check (every problem at once) -> match to the projects already known -> preview -> commit in
one transaction -> receipt; rolled back as one batch.

    preview = prepare_plan(db, data, "plan.xlsx", choices=Choices(departments={"กองยุทธศาสตร์": "PAL"}))
    if not preview.has_errors:
        receipt = commit_plan(db, preview, user="somchai")

The reading is :mod:`tracker.ingest.planbook` (pure); this package adds the plan file and the store.
"""

from pathlib import Path

from tracker.ingest.planimport.commit import PlanReceipt, commit_plan
from tracker.ingest.planimport.preview import KIND, PlanPreview, prepare_plan, read_book
from tracker.ingest.planimport.revisions import KINDS as REVISION_KINDS
from tracker.ingest.planimport.revisions import RevisionError, RevisionInfo, label_text, parse_date
from tracker.ingest.planimport.state import Choices, ImportPlan


def import_plan_file(db, path, *, user: str, choices: Choices | None = None, dry_run: bool = False,
                     is_demo: bool = False, file_name: str | None = None, plan=None):
    """Prepare and (unless ``dry_run``, the book has errors, or nothing changes) commit a plan book
    from disk; returns ``(preview, receipt or None)``."""
    path = Path(path)
    preview = prepare_plan(db, path.read_bytes(), file_name or path.name, choices=choices, plan=plan)
    if dry_run or preview.has_errors or preview.nothing_to_do:
        return preview, None
    return preview, commit_plan(db, preview, user=user, is_demo=is_demo)


__all__ = ["prepare_plan", "read_book", "commit_plan", "import_plan_file", "PlanPreview", "PlanReceipt", "Choices",
           "ImportPlan", "RevisionInfo", "RevisionError", "REVISION_KINDS", "KIND", "label_text", "parse_date"]
