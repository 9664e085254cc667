"""The preview of a plan-book import: what the book says, every problem, and what importing it would
do (matched / changed / new / no longer present). Nothing is written when you hold one."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from tracker import settings, store
from tracker.i18n import t
from tracker.ingest.planbook import PlanBookRead, PlanContext, dry_run_json, read_plan_workbook
from tracker.ingest.planbook.dryrun import PROBLEM_KEYS
from tracker.ingest.planbook.problems import ERROR, WARNING, Problem, problem
from tracker.ingest.planimport.state import Choices, ImportPlan, compute
from tracker.plan import Plan, default_plan
from tracker.store import planbook as store_plan
from tracker.store import uploads

KIND = "plan_book"          #: import_batches.kind of a plan-book import
PROBLEM_COLUMNS = ["sheet", "row", "column", "value", "code", "severity", "message_th", "message_en"]


def read_book(db, data: bytes, file_name: str, *, plan: Plan | None = None) -> PlanBookRead:
    """Read a plan workbook against the plan in force and the office's department aliases (no write)."""
    plan = plan or default_plan()
    aliases = store_plan.department_aliases(db)
    book = read_plan_workbook(data, filename=file_name, plan_context=PlanContext.from_plan(plan),
                              aliases=dict(zip(aliases["written"], aliases["department"])))
    limit = settings.get("max_upload_mb")
    if len(data) > limit * 1024 * 1024:
        book.problems.insert(0, problem("import_file_too_large", filename=file_name,
                                        size=f"{len(data) / 1024 / 1024:.1f}", limit=limit))
    return book


@dataclass
class PlanPreview:
    """What importing a plan book would do, and why it can't when it can't."""

    file_name: str
    sha256: str
    book: PlanBookRead
    state: ImportPlan
    choices: Choices
    store_revision: int
    same_file_batch: int | None = None
    plan: Plan = field(default=None, repr=False)

    @property
    def problems(self) -> list[Problem]:
        return [*self.book.problems, *self.state.problems]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    @property
    def nothing_to_do(self) -> bool:
        return not self.has_errors and self.state.nothing_to_do

    @property
    def counts(self) -> dict[str, int]:
        m, c = self.state.main, self.state.coordination
        return {"projects": len(self.book.projects), "unchanged": len(m.unchanged), "changed": len(m.changed),
                "new": len(m.new), "gone": len(m.gone), "coordination": len(self.book.coordination_projects),
                "coordination_new": len(c.new), "coordination_changed": len(c.changed),
                "coordination_gone": len(c.gone),
                "equipment": len(self.book.equipment.items) if self.book.equipment else 0,
                "errors": len(self.errors), "warnings": len(self.warnings)}

    def problem_frame(self) -> pd.DataFrame:
        """Every problem as a table: ``sheet, row, column, value, code, severity, message_th, message_en``."""
        return pd.DataFrame([p.to_dict() for p in self.problems], columns=PROBLEM_COLUMNS)

    def dry_run(self) -> dict:
        """What ``import-plan --dry-run --json`` prints: ``{"projects": [...], "problems": [...]}`` (the
        reader's shape; the import's own problems follow the book's)."""
        doc = dry_run_json(self.book)
        doc["problems"] += [{k: getattr(p, k) for k in PROBLEM_KEYS} for p in self.state.problems]
        return doc

    def summary(self, lang: str = "th") -> str:
        """One line for the command line and logs."""
        if self.has_errors:
            return t("planimport.has_errors", lang, n=len(self.errors))
        if self.nothing_to_do:
            return nothing_to_do_message(lang, self.same_file_batch)
        c = self.counts
        return t("planimport.summary", lang, projects=c["projects"], unchanged=c["unchanged"], changed=c["changed"],
                 new=c["new"], gone=c["gone"], coordination=c["coordination"], equipment=c["equipment"])


def nothing_to_do_message(lang: str, same_file_batch: int | None) -> str:
    msg = t("planimport.nothing_to_do", lang)
    if same_file_batch:
        msg += " — " + t("ingest.same_file", lang, batch=same_file_batch)
    return msg


def prepare_plan(db, data: bytes | None = None, file_name: str = "", *, book: PlanBookRead | None = None,
                 plan: Plan | None = None, choices: Choices | None = None) -> PlanPreview:
    """Read (or take the already read ``book``), check and compare a plan book with the store. Never writes.

    ``choices`` carries what the analyst said: re-links, department answers, the revision and its
    approval date. The preview holds every problem; ``has_errors`` means it can't be committed.
    """
    plan = plan or default_plan()
    choices = choices or Choices()
    with store.reading(db):
        if book is None:
            book = read_book(db, data, file_name, plan=plan)
        state = compute(db, book, plan, choices) if book.sheets else ImportPlan()
        rev = store.revision(db)
        same = uploads.same_file_batch(db, book.sha256, KIND)
    return PlanPreview(file_name=book.filename, sha256=book.sha256, book=book, state=state, choices=choices,
                       store_revision=rev, same_file_batch=same, plan=plan)
