"""The workbook file: what kind of file it really is, its sheets as grids, formulas, text boxes.

Cells come from openpyxl (``data_only=True``: the results Excel cached for formulas). What openpyxl
does not keep is read from the package itself with :mod:`zipfile` and defusedxml (XML from an
upload is untrusted): which cells hold formulas, and the floating text boxes in
``xl/drawings/drawingN.xml`` (form codes such as "แบบ ผ.02", amendment notes next to rows).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

import openpyxl
from defusedxml import ElementTree
from openpyxl.utils import get_column_letter

from tracker.ingest.planbook.text import clean

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
_R_ID = f"{{{NS['r']}}}id"
_DRAWING_REL = NS["r"] + "/drawing"


def sniff(data: bytes) -> str:
    """What the bytes are: "xlsx", "xls" (BIFF in an OLE container), "pdf", "html" (a web page or
    SpreadsheetML saved with an .xls name), "zip" (another zip, e.g. a .docx) or "other"."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "xlsx" if "xl/workbook.xml" in z.namelist() else "zip"
        except zipfile.BadZipFile:
            return "other"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if head.lstrip().startswith(b"%PDF"):
        return "pdf"
    low = head.lower()
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        low = low.removeprefix(bom)
    low = low.replace(b"\x00", b"").lstrip()
    if low.startswith((b"<", b"mime-version")) and any(
            tag in low for tag in (b"<html", b"<table", b"<!doctype", b"mime-version", b"urn:schemas-microsoft-com:office:spreadsheet")):
        return "html"
    return "other"


@dataclass
class Grid:
    """One worksheet's cells: ``value(row, col)`` with 1-based indices, and its merged ranges."""

    name: str
    cells: dict[tuple[int, int], object]
    max_row: int
    max_col: int
    #: top-left (row, col) -> (last row, last col) of every merged range
    merges: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    #: every cell covered by a merge (not its top-left) -> the top-left
    covered: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    #: cells holding a formula -> whether Excel saved its result
    formulas: dict[tuple[int, int], bool] = field(default_factory=dict)

    def value(self, row: int, col: int):
        return self.cells.get((row, col))

    def text(self, row: int, col: int) -> str:
        return clean(self.cells.get((row, col)))

    def merged_value(self, row: int, col: int):
        """The value shown in a cell: a merged range's value is stored in its top-left cell."""
        return self.cells.get(self.covered.get((row, col), (row, col)))

    def height(self, row: int, col: int) -> int:
        """Rows spanned by the merge starting at this cell (1 when not merged)."""
        end = self.merges.get((row, col))
        return end[0] - row + 1 if end else 1

    def row_values(self, row: int) -> list[tuple[int, object]]:
        return [(c, v) for c in range(1, self.max_col + 1) if (v := self.cells.get((row, c))) is not None]

    def row_texts(self, row: int) -> list[tuple[int, str]]:
        return [(c, s) for c, v in self.row_values(row) if (s := clean(v))]


def load_grids(data: bytes) -> list[Grid]:
    """Every worksheet as a :class:`Grid` (cached formula results), in workbook order."""
    wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    formulas = _formula_cells(data)
    grids = []
    for ws in wb.worksheets:
        cells = {}
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            for c, v in enumerate(row, start=1):
                if v is not None and not (isinstance(v, str) and not v.strip()):
                    cells[(r, c)] = v
        grid = Grid(ws.title, cells, ws.max_row, ws.max_column, formulas=formulas.get(ws.title, {}))
        for rng in ws.merged_cells.ranges:
            grid.merges[(rng.min_row, rng.min_col)] = (rng.max_row, rng.max_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        grid.covered[(r, c)] = (rng.min_row, rng.min_col)
        grids.append(grid)
    wb.close()
    return grids


# --- package parts -------------------------------------------------------------------------------

def _rels(z: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, absolute target path) of a part."""
    folder, name = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", name + ".rels")
    if rels_path not in z.namelist():
        return {}
    root = ElementTree.fromstring(z.read(rels_path))
    out = {}
    for rel in root.findall("pr:Relationship", NS):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type", ""), path)
    return out


def _sheet_parts(z: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, worksheet part path) in workbook order."""
    root = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rels = _rels(z, "xl/workbook.xml")
    out = []
    for sheet in root.findall("m:sheets/m:sheet", NS):
        rel = rels.get(sheet.get(_R_ID))
        if rel and rel[1] in z.namelist():
            out.append((sheet.get("name"), rel[1]))
    return out


_CELL_F = re.compile(rb'<(?:\w+:)?c r="([A-Z]+)(\d+)"[^>]*?(?<!/)>(.*?)</(?:\w+:)?c>', re.S)
_HAS_F = re.compile(rb"<(?:\w+:)?f[\s>/]")
_HAS_V = re.compile(rb"<(?:\w+:)?v>[^<]")


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _formula_cells(data: bytes) -> dict[str, dict[tuple[int, int], bool]]:
    """Sheet name -> {(row, col): has a cached result} for every formula cell."""
    out: dict[str, dict[tuple[int, int], bool]] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name, part in _sheet_parts(z):
            xml = z.read(part)
            if b"<f" not in xml and b":f" not in xml:
                continue
            found = {}
            for m in _CELL_F.finditer(xml):
                if _HAS_F.search(m.group(3)):
                    found[(int(m.group(2)), _col_index(m.group(1)))] = bool(_HAS_V.search(m.group(3)))
            out[name] = found
    return out


@dataclass(frozen=True)
class TextBox:
    """A floating text box: the sheet, the cell its top-left corner is anchored to, its text."""

    sheet: str
    anchor_row: int     #: 1-based
    anchor_col: str     #: column letter
    text: str


def read_textboxes(data: bytes) -> list[TextBox]:
    """Every text box with text, sheet by sheet in workbook order, top to bottom."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name, part in _sheet_parts(z):
            for rel_type, target in _rels(z, part).values():
                if rel_type != _DRAWING_REL or target not in z.namelist():
                    continue
                root = ElementTree.fromstring(z.read(target))
                boxes = []
                for anchor in root:
                    start = anchor.find("xdr:from", NS)
                    if start is None:
                        continue
                    row = int(start.findtext("xdr:row", "0", NS)) + 1
                    col = int(start.findtext("xdr:col", "0", NS)) + 1
                    for body in anchor.iter(f"{{{NS['xdr']}}}txBody"):
                        paras = ["".join(t.text or "" for t in p.iter(f"{{{NS['a']}}}t"))
                                 for p in body.findall("a:p", NS)]
                        text = "\n".join(p for p in paras if p.strip()).strip()
                        if text:
                            boxes.append(TextBox(name, row, get_column_letter(col), text))
                out.extend(sorted(boxes, key=lambda b: (b.anchor_row, b.anchor_col)))
    return out
