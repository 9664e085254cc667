"""Loading the demo data set at run time: the committed files through the normal import pipeline.

Loaded as demo batches (``is_demo``) by the trusted actor ``system:demo``, so the app labels the
data as demo wherever it is shown, and rolling the batches back removes it.
"""

from __future__ import annotations

from pathlib import Path

from tracker import ingest, store
from tracker.demo.generate import DEMO_DIR, FILES, YEARS

ACTOR = "system:demo"


def demo_files(base: Path = DEMO_DIR) -> list[Path]:
    """The demo files under ``base`` in load order: years ascending; projects, then progress, then results."""
    base = Path(base)
    return [base / str(fy) / name for fy in YEARS for name in FILES.values() if (base / str(fy) / name).exists()]


def load_demo(db, *, only_if_empty: bool = False, folder: Path = DEMO_DIR) -> list:
    """Load the demo files of ``folder`` as demo batches; returns the receipts.

    With ``only_if_empty`` nothing happens (returns []) when the database already has project or
    indicator data. Loading twice adds nothing: the pipeline reports an identical file as nothing
    to do. A file with errors raises RuntimeError naming them (demo data must always be valid).
    """
    if only_if_empty and store.has_any_data(db):
        return []
    files = demo_files(folder)
    if not files:
        raise RuntimeError(f"no demo files under {folder}; run `python -m tracker.demo`")
    receipts = []
    for path in files:
        preview, receipt = ingest.import_file(db, path, kind=path.stem, user=ACTOR, is_demo=True,
                                              file_name=f"{path.parent.name}/{path.name}")
        if preview.has_errors:
            errors = preview.errors["message_en"].tolist()
            raise RuntimeError(f"demo file {path} has {len(errors)} error(s): {'; '.join(errors[:20])}")
        if receipt is not None:
            receipts.append(receipt)
    return receipts
