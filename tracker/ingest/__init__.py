"""Quarterly data upload: read CSV/XLSX -> normalise -> check (every problem at once) -> diff against
the store -> preview -> commit in one transaction -> receipt; and rollback of a whole batch.

The public API (the upload page, the command line and the demo loader all use it)::

    preview = prepare(db, data, "q2.csv")              # never writes
    if not preview.has_errors:
        receipt = commit(db, preview, user="somchai")   # whole or nothing
    rollback(db, receipt.batch_id, user="somchai")       # raises RollbackRefused with a message

No Streamlit here.
"""

from __future__ import annotations

from pathlib import Path

from tracker.ingest.commit import ImportRejected, Receipt, commit
from tracker.ingest.contract import KINDS, detect_kind
from tracker.ingest.preview import Preview, prepare
from tracker.ingest.rollback import RollbackRefused, RollbackResult, rollback
from tracker.ingest.validate import PROBLEM_CODES, PROBLEM_COLUMNS, WARNING_CODES


def import_file(db, path: str | Path, *, kind: str | None = None, user: str, is_demo: bool = False,
                dry_run: bool = False, plan=None, file_name: str | None = None) -> tuple[Preview, Receipt | None]:
    """Prepare and (unless ``dry_run`` or the file has errors) commit a file from disk.

    Returns ``(preview, receipt)``; ``receipt`` is None when nothing was written: the file has
    errors, it is a dry run, or there is nothing to do (``preview.nothing_to_do``, e.g. the same
    file again; ``preview.summary()`` says so). ``file_name`` is the name recorded in the receipt
    (default: the file's own name). When another batch lands between the check and the commit, the
    file is checked again against the store as it is then (no person confirmed the first preview).
    """
    path = Path(path)
    data = path.read_bytes()
    for attempt in range(_RETRIES):
        preview = prepare(db, data, file_name or path.name, kind=kind, plan=plan)
        if dry_run or preview.has_errors or preview.nothing_to_do:
            return preview, None
        try:
            return preview, commit(db, preview, user=user, is_demo=is_demo)
        except ImportRejected as exc:
            # nobody saw this preview, so a batch landing in between is no reason to refuse: check the
            # file again against the store as it is now (the page's Confirm refuses instead, #15)
            if exc.code != "stale_preview" or attempt == _RETRIES - 1:
                raise
    raise AssertionError("unreachable")


#: how many times a file imported without a person confirming its preview is checked again when
#: another batch lands between its check and its commit
_RETRIES = 5


__all__ = ["prepare", "commit", "import_file", "rollback", "Preview", "Receipt", "RollbackResult",
           "RollbackRefused", "ImportRejected", "KINDS", "detect_kind", "PROBLEM_CODES", "PROBLEM_COLUMNS",
           "WARNING_CODES"]
