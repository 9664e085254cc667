"""Problems found in a plan workbook: data, with where (sheet, row, column), what, and what to fix.

Every code has a severity and a catalog entry ``planbook.problem.<code>`` (tracker/i18n/planbook.py)
in Thai and English. An ``error`` refuses the import; a ``warning`` is shown and the import may
go ahead; ``info`` only tells (a note in a text box, a sheet that is not projects).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.errors import TrackerError
from tracker.i18n import t

ERROR, WARNING, INFO = "error", "warning", "info"

#: code -> severity. The catalog holds the text of each.
SEVERITY: dict[str, str] = {
    # the file
    "old_xls": ERROR, "pdf_file": ERROR, "html_file": ERROR, "not_xlsx": ERROR,
    "unreadable_workbook": ERROR, "no_project_sheets": ERROR,
    # the book against the plan loaded in the product
    "other_organization": ERROR, "other_plan_period": ERROR,
    # a sheet
    "unknown_sheet": WARNING, "no_header": ERROR, "two_header_blocks": ERROR,
    "missing_column": ERROR, "unknown_column": WARNING, "no_year_columns": ERROR,
    "years_not_consecutive": ERROR, "years_disagree_with_title": ERROR, "no_period_line": WARNING,
    "period_differs_between_sheets": ERROR, "no_strategy": ERROR, "no_programme": ERROR,
    "sheet_name_disagrees": WARNING, "duplicate_sheet_copy": WARNING, "formula_not_calculated": WARNING,
    "no_total_row": WARNING, "strategy_not_in_plan": WARNING,
    # a row or a cell
    "money_not_a_number": ERROR, "money_implausible": ERROR, "money_letter_o": ERROR, "money_negative": ERROR,
    "project_without_name": ERROR, "amounts_without_project": ERROR, "project_without_number": WARNING,
    "number_skipped": WARNING, "number_repeated": WARNING, "unrecognised_row": WARNING,
    "department_unmapped": WARNING, "department_outside_agency": INFO, "textbox_note": INFO,
    # totals
    "sheet_total_count": ERROR, "sheet_total_money": ERROR,
    "p01_missing": WARNING, "p01_no_header": ERROR, "p01_count": ERROR, "p01_money": ERROR,
    "p01_row_missing": ERROR,
    # the book against the plan file and the store (the import: tracker/ingest/planimport)
    "import_strategy_unknown": ERROR, "import_tactic_unknown": ERROR, "import_programme_unknown": ERROR,
    "import_department_unknown": ERROR, "import_revision_needed": ERROR, "import_link_unknown": ERROR,
    "import_progress_kept": WARNING, "import_file_too_large": ERROR,
}


@dataclass(frozen=True)
class Problem:
    """One problem: where it is, what was written, and what to fix in both languages."""

    code: str
    severity: str
    message_th: str
    message_en: str
    sheet: str | None = None
    row: int | None = None        #: 1-based Excel row
    column: str | None = None     #: column letter as Excel shows it ("F")
    value: str | None = None      #: the cell as written
    values: dict = field(default_factory=dict, compare=False)

    def message(self, lang: str = "th") -> str:
        return self.message_th if lang == "th" else self.message_en

    def where(self, lang: str = "th") -> str:
        """ "แผ่นงาน 'ยุทธ1.1ผง.โยธา' แถว 20 คอลัมน์ F" (or as much of it as is known)."""
        parts = []
        if self.sheet is not None:
            parts.append(t("planbook.where.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(t("planbook.where.row", lang, row=self.row))
        if self.column is not None:
            parts.append(t("planbook.where.column", lang, column=self.column))
        return " ".join(parts) if parts else t("planbook.where.file", lang)

    def to_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "value": self.value,
                "code": self.code, "severity": self.severity,
                "message_th": self.message_th, "message_en": self.message_en}


def problem(code: str, *, sheet: str | None = None, row: int | None = None, column: str | None = None,
            value=None, **values) -> Problem:
    """A :class:`Problem` with its messages filled from the catalog (``values`` fill placeholders;
    a ``(thai, english)`` pair, e.g. from :func:`words`, fills each message in its language)."""
    shown = None if value is None else str(value)
    fill = {"sheet": sheet, "row": row, "column": column, "value": shown, **values}
    key = f"planbook.problem.{code}"
    return Problem(code, SEVERITY[code], t(key, "th", **_in("th", fill)), t(key, "en", **_in("en", fill)),
                   sheet, row, column, shown, values)


def words(key: str, **values) -> tuple[str, str]:
    """A catalog phrase in both languages, to fill a placeholder of a problem message."""
    return t(key, "th", **values), t(key, "en", **values)


def _in(lang: str, fill: dict) -> dict:
    """Placeholders given as a (thai, english) pair take the message's language."""
    return {k: (v[0] if lang == "th" else v[1]) if isinstance(v, tuple) else v for k, v in fill.items()}


def has_errors(problems) -> bool:
    return any(p.severity == ERROR for p in problems)


class PlanBookRejected(TrackerError):
    """A plan book refused because of its errors; ``problems`` lists every problem found (errors,
    warnings and notes), for the page's table and the command line."""

    def __init__(self, filename: str, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("planbook.rejected", filename=filename,
                         errors=sum(p.severity == ERROR for p in self.problems))
