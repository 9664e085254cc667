"""Read uploaded bytes into a DataFrame of text, sniffing the format from the content.

The file name is not trusted: an XLSX is recognised by its ZIP signature, other binaries (PDF,
old .xls, images) are refused with a problem, and text is decoded as UTF-8 (with or without BOM),
UTF-16 (Excel's "Unicode text") or Windows-874 (cp874; Python's ``tis-620`` codec maps bytes
0x80–0x9F to control characters, so it is never used). The separator (comma, semicolon, tab) is
taken from the header line. Every cell comes back as ``str`` ("" for empty) and the frame carries
``_row``: the row number Excel shows (header = row 1).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import pandas as pd

from tracker.ingest.contract import detect_kind, kind_of_sheet

ROW = "_row"
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}

_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\xd0\xcf\x11\xe0": "Excel 97-2003 .xls / OLE",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"Rar!": "RAR archive",
    b"\x1f\x8b": "gzip archive",
    b"7z\xbc\xaf": "7-Zip archive",
}


@dataclass
class ReadResult:
    frame: pd.DataFrame | None          #: text cells + ``_row``; None when the file can't be read
    format: str = ""                    #: "csv" or "xlsx"
    encoding: str = ""
    separator: str = ""
    sheet: str = ""
    problems: list[dict] = field(default_factory=list)   #: file-level problems: {code, detail}


def _decode(data: bytes) -> tuple[str, str] | None:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    for enc in ("utf-8", "cp874"):   # utf-8 first: cp874 decodes almost any byte string
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return None


def sniff_separator(text: str) -> str:
    """The separator giving the most fields on a line among the first lines (comma on a tie).

    The first lines, not only the first: a form title above the header has one field whatever the
    separator."""
    lines = [line for line in text.split("\n", PREAMBLE_ROWS + 1)[:PREAMBLE_ROWS] if line.strip(" \t,;")]
    best, best_n = ",", 1
    for sep in SEPARATORS:
        n = max((len(row) for row in csv.reader(lines, delimiter=sep)), default=0)
        if n > best_n:
            best, best_n = sep, n
    return best


PREAMBLE_ROWS = 30


def header_index(rows: list[list[str]]) -> int:
    """Index of the header among the first rows: 0, unless the first row is a title ("แบบรายงาน…")
    that names no column of any kind while a later row does (Thai forms often have a preamble)."""
    for i, row in enumerate(rows[:PREAMBLE_ROWS]):
        cells = [str(c).strip() for c in row if c is not None and str(c).strip()]
        if cells and detect_kind(cells):
            return i
    return 0


def _finish(df: pd.DataFrame, first_row: int) -> pd.DataFrame:
    """Cells to stripped text, drop wholly blank rows, number rows as Excel does."""
    df = df.fillna("").astype(str)
    df.columns = [str(c).replace("\ufeff", "").strip() for c in df.columns]
    blank = (df.apply(lambda s: s.str.strip()) == "").all(axis=1) if len(df.columns) else pd.Series(True, df.index)
    df[ROW] = pd.RangeIndex(len(df)) + first_row
    return df.loc[~blank].reset_index(drop=True)


def read_csv_text(text: str) -> tuple[pd.DataFrame, str]:
    """Text of a CSV -> (frame, separator). Leading blank lines are skipped (rows still counted).

    An Excel ``sep=;`` first line names the separator; Excel hides that line, so rows are
    numbered from the line after it.
    """
    hint = re.match(r"sep=(.)\n", text)
    if hint:
        text = text[hint.end():]
    lines = text.split("\n", 200)
    skip = 0
    for line in lines:
        if line.strip(" \t\r,;"):
            break
        skip += 1
    sep = hint.group(1) if hint else sniff_separator(text)
    # a preamble (form title, organisation, period) above the header: start at the header line
    head = [line for line in lines[skip:skip + PREAMBLE_ROWS]]
    skip += header_index([next(csv.reader([line], delimiter=sep), []) for line in head])
    df = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, na_filter=False,
                     skip_blank_lines=False, skiprows=skip, engine="c")
    # unnamed trailing columns Excel writes after the last header ("a,b,,") are noise
    df = df.loc[:, [not (str(c).startswith("Unnamed:") and (df[c] == "").all()) for c in df.columns]]
    return _finish(df, first_row=skip + 2), sep


def _pick_sheet(sheets: list[str], kind: str | None) -> str:
    for s in sheets:
        k = kind_of_sheet(s)
        if k is not None and (kind is None or k == kind):
            return s
    return sheets[0]


def read_xlsx(data: bytes, kind: str | None = None) -> tuple[pd.DataFrame, str]:
    """First sheet, or the sheet named after the kind (``projects`` or ``โครงการและงบประมาณ``)."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = _pick_sheet(wb.sheetnames, kind)
        rows = wb[sheet].iter_rows(values_only=True)
        head = []
        for r in rows:
            head.append(r)
            if len(head) >= PREAMBLE_ROWS:
                break
        filled = [i for i, r in enumerate(head) if any(v is not None and str(v).strip() for v in r)]
        if not filled:
            return pd.DataFrame({ROW: []}), sheet
        at = filled[0] + header_index([list(r) for r in head[filled[0]:]])
        header, skip = head[at], at + 1
        rest = head[at + 1:]
        width = max((i + 1 for i, v in enumerate(header) if v is not None and str(v).strip()), default=0)
        names = [str(v).strip() if v is not None else f"Unnamed: {i}" for i, v in enumerate(header[:width])]
        body = [tuple(_cell(v) for v in r[:width]) + ("",) * (width - len(r)) for r in (*rest, *rows)]
    finally:
        wb.close()
    df = pd.DataFrame(body, columns=names, dtype=str) if body else pd.DataFrame(columns=names, dtype=str)
    return _finish(df, first_row=skip + 1), sheet


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def read_bytes(data: bytes, *, kind: str | None = None) -> ReadResult:
    """Sniff and read an upload. Problems (unsupported format, encoding) are returned, not raised."""
    head = data[:8]
    if not data.strip():
        return ReadResult(None, problems=[{"code": "empty_file", "detail": ""}])
    if head.startswith(b"PK\x03\x04"):
        try:
            df, sheet = read_xlsx(data, kind)
        except Exception as exc:  # noqa: BLE001 - any openpyxl/zip failure is "can't open this workbook"
            return ReadResult(None, "xlsx", problems=[{"code": "unreadable_xlsx", "detail": type(exc).__name__}])
        return ReadResult(df, "xlsx", sheet=sheet)
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return ReadResult(None, problems=[{"code": "unsupported_format", "detail": what}])
    if b"\x00" in data[:4096] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ReadResult(None, problems=[{"code": "unsupported_format", "detail": "binary"}])
    decoded = _decode(data)
    if decoded is None:
        return ReadResult(None, "csv", problems=[{"code": "bad_encoding", "detail": ""}])
    text, encoding = decoded
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        df, sep = read_csv_text(text)
    except (pd.errors.ParserError, csv.Error) as exc:
        detail = re.sub(r"\s+", " ", str(exc)).strip()[:160]
        return ReadResult(None, "csv", encoding, problems=[{"code": "malformed_csv", "detail": detail}])
    except pd.errors.EmptyDataError:
        return ReadResult(None, "csv", encoding, problems=[{"code": "empty_file", "detail": ""}])
    return ReadResult(df, "csv", encoding, sep)
