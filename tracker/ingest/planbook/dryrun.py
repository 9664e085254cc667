"""What ``python -m tracker import-plan FILE --dry-run --json`` prints: what was read, for scripts.

``{"projects": [...], "problems": [...]}`` (issue #10, item 6). Amount maps are keyed by the
Buddhist-era year as text; null is a blank cell, 0 a dash. ``ordinance`` is ``{}`` when the book
has no เทศบัญญัติ/ข้อบัญญัติ columns.
"""

from __future__ import annotations

from tracker.ingest.planbook.model import PlanBookRead, PlanProject, amounts_dict

PROJECT_KEYS = ("sheet", "row", "strategy", "tactic", "programme", "revision", "name", "objective", "target", "kpi",
                "expected_result", "department", "budgets", "ordinance")
PROBLEM_KEYS = ("sheet", "row", "column", "value", "code", "message_th", "message_en")


def project_json(p: PlanProject) -> dict:
    return {"sheet": p.sheet, "row": p.row, "strategy": p.strategy, "tactic": p.tactic, "programme": p.programme,
            "revision": p.revision, "name": p.name, "objective": p.objective, "target": p.target, "kpi": p.kpi,
            "expected_result": p.expected_result, "department": p.department.code,
            "budgets": amounts_dict(p.budgets), "ordinance": amounts_dict(p.ordinance)}


def dry_run_json(book: PlanBookRead, *, include_coordination: bool = False) -> dict:
    """The dry-run document. ``include_coordination`` adds the ผ.02/2 projects under their own
    key (they are never among ``projects``)."""
    out = {"projects": [project_json(p) for p in book.projects],
           "problems": [{k: getattr(pr, k) for k in PROBLEM_KEYS} for pr in book.problems]}
    if include_coordination:
        out["coordination_projects"] = [project_json(p) for p in book.coordination_projects]
    return out


def exit_code(book: PlanBookRead) -> int:
    """0 when the book would import, 1 when a problem refuses it."""
    return 1 if book.has_errors else 0
