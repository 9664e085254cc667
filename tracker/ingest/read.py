"""Read uploaded bytes into a DataFrame of text, sniffing the format from the content.

The file name is not trusted: an XLSX is recognised by its ZIP signature, other binaries (PDF,
old .xls, images) are refused with a problem, and text is decoded as UTF-8 (with or without BOM),
UTF-16 (Excel's "Unicode text") or Windows-874 (cp874; Python's ``tis-620`` codec maps bytes
0x80–0x9F to control characters, so it is never used). The separator (comma, semicolon, tab) is
taken from the header line. Every cell comes back as ``str`` ("" for empty) and the frame carries
``_row``: the row number Excel shows (header = row 1, or the row under a title; ``frame.attrs["header_row"]``).
"""

from __future__ import annotations

import csv
import functools
import io
import re
import zipfile
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
    try:
        return data.decode("utf-8"), "utf-8"     # utf-8 first: cp874 decodes almost any byte string
    except UnicodeDecodeError:
        pass
    if len(_UTF8_THAI.findall(data)) >= 2:
        return None     # Thai in UTF-8 beside bytes that are not: a file pasted together from two encodings
    try:
        return data.decode("cp874"), "cp874"
    except UnicodeDecodeError:
        return None


#: a Thai letter encoded in UTF-8 (U+0E01–U+0E3F, U+0E40–U+0E5B); in a file that is not wholly UTF-8
#: these mean a mix (cp874 text gives this byte pattern only for non-words such as "เธก")
_UTF8_THAI = re.compile(rb"\xe0(?:\xb8[\x81-\xbf]|\xb9[\x80-\x9b])")


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
    out = df.loc[~blank].reset_index(drop=True)
    out.attrs["header_row"] = first_row - 1     # where header problems are, in the file's own numbering
    return out


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
    """First sheet, or the sheet named after the kind (``projects`` or ``โครงการและงบประมาณ``).

    Read with python-calamine (values only, several times faster than openpyxl). Calamine does not see
    number formats, so the cells of the sheet formatted as a percentage (Excel shows 0.6 as 60 %) are
    found in the sheet's XML (:func:`percent_positions`) and marked as openpyxl marks them
    (:class:`Percent`). When that can't be told for sure, or calamine cannot open the file, the book is
    read with openpyxl, as before."""
    try:
        sheet, rows = _calamine_rows(data, kind)
        marked = percent_positions(data, sheet) if percent_cells(data) else set()
    except Exception:  # noqa: BLE001 - calamine refuses what openpyxl may still read: let openpyxl judge
        marked = None
    if marked is not None:
        return _frame(_mark_percent(rows, marked) if marked else rows, sheet)
    return _openpyxl_frame(data, kind)


def _openpyxl_frame(data: bytes, kind: str | None) -> tuple[pd.DataFrame, str]:
    """The sheet read with openpyxl, which sees every cell's number format."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = _pick_sheet(wb.sheetnames, kind)
        return _frame((tuple(_value(c) for c in r) for r in wb[sheet].iter_rows()), sheet)
    finally:
        wb.close()


def _mark_percent(rows: list[tuple], marked: set[tuple[int, int]]) -> list[tuple]:
    """Calamine's rows with the numbers of the ``(row, column)`` cells (from 0) made :class:`Percent`, as
    :func:`_value` makes them from openpyxl's cells: numbers only (not text, a bool or an empty cell)."""
    rows = list(rows)
    for i, j in marked:
        if i < len(rows) and j < len(rows[i]):
            v = rows[i][j]
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                rows[i] = rows[i][:j] + (Percent(v),) + rows[i][j + 1:]
    return rows


def _calamine_rows(data: bytes, kind: str | None):
    """(sheet, rows of values) read by python-calamine, cells as openpyxl gives them: None for an empty cell,
    a date as a datetime; rows and columns counted from A1 (``skip_empty_area=False``)."""
    import datetime

    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        sheet = _pick_sheet(wb.sheet_names, kind)
        grid = wb.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    finally:
        wb.close()

    def cell(v):
        if type(v) is str:
            return v or None
        if type(v) is datetime.date:
            return datetime.datetime(v.year, v.month, v.day)
        return v

    return sheet, [tuple(cell(v) for v in r) for r in grid]


def _frame(rows, sheet: str) -> tuple[pd.DataFrame, str]:
    """Rows of cell values (an iterator) -> the frame of text: the header found under any preamble."""
    rows = iter(rows)
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
    names = _numbered_repeats([str(v).strip() if v is not None else f"Unnamed: {i}"
                               for i, v in enumerate(header[:width])])
    body = [tuple(_cell(v) for v in r[:width]) + ("",) * (width - len(r)) for r in (*rest, *rows)]
    df = pd.DataFrame(body, columns=names, dtype=str) if body else pd.DataFrame(columns=names, dtype=str)
    return _finish(df, first_row=skip + 1), sheet


#: Excel's built-in number formats that show a percentage (``0%``, ``0.00%``)
_BUILTIN_PERCENT = {9, 10}
_NUM_FMT = re.compile(rb"<(?:\w+:)?numFmt\b[^>]*>")
_CELL_XFS = re.compile(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.S)
_XF = re.compile(rb"<(?:\w+:)?xf\b[^>]*>")
_ATTR = re.compile(rb'\b(numFmtId|formatCode)="([^"]*)"')


def _percent_styles(z: zipfile.ZipFile) -> set[int]:
    """Indices of the workbook's cell styles (``cellXfs``) whose number format shows a percentage."""
    import html

    try:
        styles = z.read("xl/styles.xml")
    except KeyError:
        return set()
    percent = set(_BUILTIN_PERCENT)
    for tag in _NUM_FMT.findall(styles):
        attrs = dict(_ATTR.findall(tag))
        if b"numFmtId" not in attrs:
            continue
        # a format the book defines wins over the built-in one of the same id (as openpyxl reads it)
        if _percent_format(html.unescape(attrs.get(b"formatCode", b"").decode("utf-8", "replace"))):
            percent.add(int(attrs[b"numFmtId"]))
        else:
            percent.discard(int(attrs[b"numFmtId"]))
    xfs = _CELL_XFS.search(styles)
    return {i for i, tag in enumerate(_XF.findall(xfs.group(0)) if xfs else [])
            if int(dict(_ATTR.findall(tag)).get(b"numFmtId", b"0") or 0) in percent}


def percent_cells(data: bytes) -> bool:
    """True when a cell of a worksheet has a percent number format (or the workbook can't be inspected):
    such a book is read with openpyxl, which sees the format (:class:`Percent`). Styles only, no cell
    values: a style defined but used by no cell does not count."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        styles = _percent_styles(z)
        if not styles:
            return False
        used = re.compile(rb"<(?:\w+:)?c\b[^>]*\ss=\"(?:" + b"|".join(str(i).encode() for i in sorted(styles)) + rb')"')
        return any(used.search(z.read(name)) for name in z.namelist()
                   if name.startswith("xl/worksheets/") and name.endswith(".xml"))
    except Exception:  # noqa: BLE001 - a damaged part: the openpyxl path reports it as before
        return True


_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_REL = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_NAME = re.compile(rb'\sname="([^"]*)"')
_SHEET_RID = re.compile(rb'\s(?:\w+:)?id="([^"]*)"')
_REL_ID = re.compile(rb'\sId="([^"]*)"')
_TARGET = re.compile(rb'\sTarget="([^"]*)"')
_REF = re.compile(rb'\sr="([A-Z]+)([0-9]+)"')


def _sheet_part(z: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip member holding the worksheet named ``sheet`` (``xl/worksheets/sheet1.xml``), from
    ``xl/workbook.xml`` and its relationships; None when it is not found there."""
    import html
    import posixpath

    targets = {}
    for tag in _REL.findall(z.read("xl/_rels/workbook.xml.rels")):
        rid, target = _REL_ID.search(tag), _TARGET.search(tag)
        if rid and target:
            targets[rid.group(1)] = html.unescape(target.group(1).decode("utf-8"))
    for tag in _SHEET.findall(z.read("xl/workbook.xml")):
        name, rid = _NAME.search(tag), _SHEET_RID.search(tag)
        if name and rid and html.unescape(name.group(1).decode("utf-8")) == sheet and rid.group(1) in targets:
            target = targets[rid.group(1)]
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return None


def percent_positions(data: bytes, sheet: str) -> set[tuple[int, int]] | None:
    """``(row, column)`` (from 0, as calamine's rows count from A1) of every cell of ``sheet`` whose style
    shows a percentage (the styles of :func:`_percent_styles`, the rule openpyxl's cells are read by).
    None when that can't be told for sure: the sheet's part not found, the default style (0, which a cell
    without ``s`` has) a percentage, or such a cell written without its reference (``r``)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        styles = _percent_styles(z)
        if not styles:
            return set()
        part = _sheet_part(z, sheet)
        if 0 in styles or part is None:
            return None
        xml = z.read(part)
    except Exception:  # noqa: BLE001 - a damaged part: openpyxl reads (and judges) the book
        return None
    cells = re.compile(rb"<(?:\w+:)?c\b[^>]*\ss=\"(?:" + b"|".join(str(i).encode() for i in sorted(styles))
                       + rb')"[^>]*>')
    out = set()
    for tag in cells.findall(xml):
        ref = _REF.search(tag)
        if ref is None:
            return None
        out.add((int(ref.group(2)) - 1, _column_number(ref.group(1)) - 1))
    return out


def _numbered_repeats(names: list[str]) -> list[str]:
    """A repeated header numbered as pandas' CSV reader numbers it (``value``, ``value.1``), so the check
    of the headers reports ``duplicate_column`` for a book as it does for a CSV file."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        n = seen.get(name, 0)
        seen[name] = n + 1
        out.append(name if n == 0 else f"{name}.{n}")
    return out


class Percent(float):
    """A number from a cell formatted as a percentage (Excel shows 0.6 as 60 %)."""


def _value(cell):
    """The cell's value; a number in a percent-formatted cell becomes :class:`Percent` (x100 when written)."""
    v = cell.value
    if isinstance(v, (int, float)) and not isinstance(v, bool) and _percent_format(getattr(cell, "number_format", "")):
        return Percent(v)
    return v


#: the parts of an Excel number format that are shown as written, not read as format codes:
#: quoted text (``0"%"``), an escaped character (``0\%``), a bracketed colour or condition (``[Red]``)
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


@functools.lru_cache(maxsize=256)
def _percent_format(number_format: str | None) -> bool:
    """True when Excel multiplies a cell's value by 100 to show it (``0%``, ``0.0%``, ``#,##0.00%``);
    not for a percent sign written as text in the format (``0"%"``, ``0\\%``), which Excel shows as is."""
    return "%" in _LITERAL.sub("", number_format or "")


def _cell(v) -> str:
    if type(v) is str:      # most cells: first and cheapest (100,000-row books)
        return v
    if isinstance(v, Percent):
        p = round(float(v) * 100, 10)
        return f"{int(p) if p.is_integer() else p}%"
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


#: Limits checked before a file is parsed, so a hostile or careless file (a workbook with a million
#: empty rows, a zip bomb, a line of a million commas) is refused in a moment and in little memory.
MAX_ROWS = 200_000
MAX_COLUMNS = 100
MAX_UNCOMPRESSED_MB = 200
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref=\"[A-Z]*\d*:?([A-Z]+)(\d+)\"")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _too_big(code: str, **values) -> list[dict]:
    from tracker import fmt

    return [{"code": code, "detail": "", **{k: fmt.number(v) if isinstance(v, int) else v for k, v in values.items()}}]


def xlsx_limits(data: bytes) -> list[dict]:
    """Problems of a workbook's size, found without parsing it: the uncompressed size of its parts,
    each sheet's rows (counted in the XML, a chunk at a time, whatever its ``dimension`` claims) and
    its columns (from ``dimension``). Empty when within :data:`MAX_ROWS`, :data:`MAX_COLUMNS` and
    :data:`MAX_UNCOMPRESSED_MB`; a damaged zip is left to the reader to report."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_MB * 1024 * 1024:
        return _too_big("file_too_large", size=f"{total / 1024 / 1024:,.0f}", limit=MAX_UNCOMPRESSED_MB)
    for info in infos:
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        rows, tail, first = 0, b"", True
        try:
            with z.open(info) as fh:
                while chunk := fh.read(1 << 20):
                    block = tail + chunk
                    if first:
                        dim = _DIMENSION.search(block[:4096])
                        if dim and _column_number(dim.group(1)) > MAX_COLUMNS:
                            return _too_big("too_many_columns", columns=_column_number(dim.group(1)),
                                            limit=MAX_COLUMNS)
                        first = False
                    rows += len(_ROW_TAG.findall(block)) - len(_ROW_TAG.findall(tail))
                    tail = block[-32:]
                    if rows > MAX_ROWS + PREAMBLE_ROWS:
                        while chunk := fh.read(1 << 20):     # count on, cheaply, to say how many
                            block = tail + chunk
                            rows += len(_ROW_TAG.findall(block)) - len(_ROW_TAG.findall(tail))
                            tail = block[-32:]
                        return _too_big("too_many_rows", rows=rows, limit=MAX_ROWS)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
            return []
    return []


def csv_limits(text: str) -> list[dict]:
    """Problems of a CSV's size before it is parsed: lines over :data:`MAX_ROWS`, fields on one of the
    first lines over :data:`MAX_COLUMNS`."""
    lines = text.count("\n")
    if lines > MAX_ROWS + PREAMBLE_ROWS:
        return _too_big("too_many_rows", rows=lines, limit=MAX_ROWS)
    first = text.split("\n", PREAMBLE_ROWS + 1)[:PREAMBLE_ROWS]
    widest = max((line.count(",") for line in first), default=0), max((line.count(";") for line in first), default=0), \
        max((line.count("\t") for line in first), default=0)
    if max(widest) + 1 > MAX_COLUMNS:
        return _too_big("too_many_columns", columns=max(widest) + 1, limit=MAX_COLUMNS)
    return []


def read_bytes(data: bytes, *, kind: str | None = None) -> ReadResult:
    """Sniff and read an upload. Problems (unsupported format, encoding, size) are returned, not raised."""
    head = data[:8]
    if not data.strip():
        return ReadResult(None, problems=[{"code": "empty_file", "detail": ""}])
    if head.startswith(b"PK\x03\x04"):
        limits = xlsx_limits(data)
        if limits:
            return ReadResult(None, "xlsx", problems=limits)
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
    limits = csv_limits(text)
    if limits:
        return ReadResult(None, "csv", encoding, problems=limits)
    try:
        df, sep = read_csv_text(text)
    except (pd.errors.ParserError, csv.Error) as exc:
        detail = re.sub(r"\s+", " ", str(exc)).strip()[:160]
        return ReadResult(None, "csv", encoding, problems=[{"code": "malformed_csv", "detail": detail}])
    except pd.errors.EmptyDataError:
        return ReadResult(None, "csv", encoding, problems=[{"code": "empty_file", "detail": ""}])
    return ReadResult(df, "csv", encoding, sep)
