"""Tables for people: localized column headings, and CSV / XLSX downloads safe to open in Excel.

Downloads neutralise spreadsheet formula injection: a text cell that starts with ``= + - @``, a tab
or a carriage return (e.g. a project note typed as ``=HYPERLINK(...)``) gets a leading single quote,
so Excel and LibreOffice show it as text instead of running it. Numbers are left as numbers.
"""

from __future__ import annotations

import io

import pandas as pd

from tracker.i18n import t

#: Text a spreadsheet would run as a formula: = + - @, a leading tab or line break, and the
#: full-width ＝ ＋ － ＠ that Excel also accepts.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


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


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM (so Excel shows Thai), formula-safe."""
    return neutralise(df).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(df: pd.DataFrame, sheet_name: str = "data") -> bytes:
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


def localize(df: pd.DataFrame, columns: dict[str, str], lang: str) -> pd.DataFrame:
    """Keep ``columns`` (name -> i18n key) in that order, headed in ``lang``."""
    keep = [c for c in columns if c in df.columns]
    return df[keep].rename(columns={c: t(columns[c], lang) for c in keep})
