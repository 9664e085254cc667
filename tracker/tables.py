"""Tables for people: the one table model (:class:`Column`, :class:`Table`) shown on pages, slides and in
every document, and CSV / XLSX downloads safe to open in Excel.

A column has a *kind* (:data:`tracker.fmt.KINDS`): how its values are written (:func:`tracker.fmt.cell`),
aligned and, on a page, given a widget. Pages draw a DataFrame with columns (``tracker.ui.components.table``);
the report model (:mod:`tracker.report.content`) builds :class:`Table` objects with the same columns.

Downloads neutralise spreadsheet formula injection: a text cell that starts with ``= + - @``, a tab
or a line break (e.g. a project note typed as ``=HYPERLINK(...)``) gets a leading single quote,
so Excel and LibreOffice show it as text instead of running it. Numbers are left as numbers.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tracker import fmt
from tracker.i18n import t
from tracker.status import missing

#: Text a spreadsheet would run as a formula: = + - @, a leading tab or line break, and the
#: full-width ＝ ＋ － ＠ that Excel also accepts.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


@dataclass(frozen=True)
class Column:
    """A column: ``key`` (the field of a row), ``label`` (the i18n key of its heading), ``kind``
    (:data:`tracker.fmt.KINDS`) and ``width`` (relative, in documents)."""

    key: str
    label: str
    kind: str = "text"
    width: float = 1.0

    def __post_init__(self):
        if self.kind not in fmt.KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    def heading(self, lang: str) -> str:
        return t(self.label, lang)

    @property
    def numeric(self) -> bool:
        """Numbers: right-aligned everywhere."""
        return self.kind in fmt.NUMERIC_KINDS


@dataclass
class Table:
    """A titled table in one language: columns and rows of raw values (dicts by column key);
    ``total`` is an optional last row drawn in bold. :meth:`text_rows` gives the written cells."""

    key: str
    title: str
    columns: list[Column]
    rows: list[dict]
    lang: str
    total: dict | None = None

    @property
    def header(self) -> list[str]:
        return [c.heading(self.lang) for c in self.columns]

    def cell(self, col: Column, value) -> str:
        return fmt.cell(col.kind, value, self.lang)

    def text_row(self, row: dict) -> list[str]:
        return [self.cell(c, row.get(c.key)) for c in self.columns]

    def text_rows(self, *, with_total: bool = True) -> list[list[str]]:
        rows = [self.text_row(r) for r in self.rows]
        if with_total and self.total is not None:
            rows.append(self.text_row(self.total))
        return rows

    def pick(self, *keys: str, limit: int | None = None, with_total: bool = True) -> "Table":
        """The same table with only the columns ``keys`` (and the first ``limit`` rows)."""
        by_key = {c.key: c for c in self.columns}
        return Table(self.key, self.title, [by_key[k] for k in keys], self.rows[:limit], self.lang,
                     self.total if with_total else None)


def value_rows(df: pd.DataFrame, *columns: str) -> zip:
    """The rows of ``columns`` of ``df`` as tuples of Python values, as ``itertuples`` gives them (a text
    column's missing cell NaN) but taken a column at a time: row iteration boxes every cell one by one
    (a text cell through pyarrow), a tenth of the meeting's model at 50× data."""
    def column(s: pd.Series) -> list:
        if isinstance(s.dtype, (np.dtype, pd.StringDtype)):   # numbers as Python scalars; text as str / NaN
            return s.to_numpy().tolist()
        return list(s.array)                                # any other extension type: its own scalars
    return zip(*(column(df[c]) for c in columns))


def attention_table(att: pd.DataFrame, lang: str, title: str = "") -> Table:
    """What needs attention (:func:`tracker.rollup.attention_items`) as people read it, on pages,
    slides and in every document: what it is, which item, *which* figure is measured and against what
    bar, and for an indicator its actual and expected value in its unit."""
    cols = [Column("kind", "attention.col.kind", "text", 2.4), Column("goal_no", "report.col.goal_no", "int", 0.7),
            Column("code", "col.code", "text", 1), Column("name", "report.col.item", "name", 3.6),
            Column("measure", "attention.col.measure", "text", 1.8), Column("value", "attention.col.value", "pct", 1),
            Column("reference", "attention.col.reference", "pct", 1),
            Column("detail", "attention.col.detail", "text", 2.6)]
    rows = []
    said: dict[str, str] = {}       # one catalog look-up per kind and measure, not per row (province: 8k rows)

    def say(key: str) -> str:
        if key not in said:
            said[key] = t(key, lang)
        return said[key]

    for key, goal_no, code, name, name_th, status, measure, value, reference, actual, expected, unit in value_rows(
            att, "kind", "goal_no", "code", f"name_{lang}", "name_th", "status", "measure", "value", "reference",
            "actual", "expected", f"unit_{lang}"):
        kind = say(f"attention.kind.{key}")
        if key == "off_track_indicator":
            kind = f"{kind}: {fmt.status(status, lang, icon=False)}"
        unit = unit if isinstance(unit, str) else None
        detail = (t("attention.detail", lang, actual=fmt.figure("value", actual, lang=lang, unit=unit),
                    expected=fmt.figure("value", expected, lang=lang, unit=unit))
                  if key == "off_track_indicator" else "")
        rows.append({"kind": kind, "kind_key": key, "goal_no": int(goal_no), "code": code, "name": name or name_th,
                     "measure": say(f"attention.measure.{measure}") if isinstance(measure, str) else "",
                     "value": value, "reference": reference, "detail": detail})
    return Table("attention", title or t("report.attention.title", lang), cols, rows, lang)


def neutralise_cell(value):
    """``'=1+1`` for ``=1+1``; anything that is not text is returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every text cell (and column heading) made formula-safe."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_string_dtype(s) or s.dtype == object:
            out[col] = s.map(neutralise_cell)
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def csv_bytes(df: pd.DataFrame, *, lineterminator: str = "\r\n", safe: bool = True) -> bytes:
    """The one CSV writer: UTF-8 with a BOM (so Thai Excel shows Thai), a header row, empty cells for
    missing values, CRLF line ends (what Excel writes) and every text cell formula-safe.

    ``safe=False`` only for files this program generated itself (the demo data set)."""
    cell = neutralise_cell if safe else (lambda v: v)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=lineterminator)
    writer.writerow([cell(str(c)) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        writer.writerow(["" if missing(v) else cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def xlsx_bytes(df: pd.DataFrame, sheet_name: str = "data") -> bytes:
    """One-sheet XLSX, formula-safe (text cells are also written as text, never as formulas)."""
    buf = io.BytesIO()
    safe = neutralise(df)
    for col in safe.columns:   # Excel cannot hold timezone-aware datetimes
        if isinstance(safe[col].dtype, pd.DatetimeTZDtype):
            safe[col] = safe[col].dt.tz_localize(None)
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=sheet_name[:31] or "data", index=False)
        ws = writer.sheets[sheet_name[:31] or "data"]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":      # openpyxl treats any "=..." string as a formula
                    cell.data_type = "s"
    return buf.getvalue()
