"""The plan workbook (แบบ ผ.01 / ผ.02 / ผ.02/2 / ผ.03) as the office keeps it: read it, check it,
match its projects to those already known, and write books of the same shape.

Pure: nothing here touches the store. The layout rules are in the samples README
(shared/samples/plan/README.md); each rule has a test in tests/test_planbook_*.py::

    book = read_plan_workbook(data, filename="plan.xlsx", plan_context=PlanContext.from_plan(plan),
                              aliases=office_aliases)
    book.problems            # every problem: sheet, row, column, value, code, severity, message_th/en
    book.has_errors          # refused when True
    dry_run_json(book)       # {"projects": [...], "problems": [...]}
    diff = match_projects(known, book.projects)      # matched / changed / new / gone
    data = write_plan_workbook(spec, WriteOptions(columns=17, thai_digits=True)).data
"""

from tracker.ingest.planbook.departments import SEED_ALIASES, DepartmentMatcher, Division
from tracker.ingest.planbook.dryrun import dry_run_json, exit_code
from tracker.ingest.planbook.model import (Annotation, Department, Equipment, EquipmentItem, P01, P01Row,
                                           PlanBookRead, PlanMeta, PlanProject, SheetFacts, Strategy, Tactic,
                                           TextNote, TotalRows)
from tracker.ingest.planbook.problems import ERROR, INFO, SEVERITY, WARNING, PlanBookRejected, Problem
from tracker.ingest.planbook.read import DEFAULT_DIVISIONS, PlanContext, read_plan_workbook

__all__ = ["read_plan_workbook", "PlanContext", "dry_run_json", "exit_code", "DepartmentMatcher", "Division",
           "SEED_ALIASES", "DEFAULT_DIVISIONS", "PlanBookRead", "PlanMeta", "PlanProject", "Department",
           "Annotation", "Equipment", "EquipmentItem", "P01", "P01Row", "SheetFacts", "Strategy", "Tactic",
           "TextNote", "TotalRows", "Problem", "PlanBookRejected", "SEVERITY", "ERROR", "WARNING", "INFO"]
