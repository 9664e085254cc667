"""Issue #15 item 9: resource limits checked before parsing — rows, columns and uncompressed size of an
upload refused at once with a clear message (the 0.9 MB workbook of a million empty rows)."""

from __future__ import annotations

import io
import tracemalloc
import zipfile

import openpyxl
import pytest

from tracker import ingest
from tracker.ingest import read

HEAD = ["indicator_code", "fiscal_year", "quarter", "value"]


def _small_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(HEAD)
    wb.active.append(["G1-I01", 2569, 1, 70])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _with_sheet(sheet_xml: bytes) -> bytes:
    """The small workbook with its sheet replaced by ``sheet_xml`` (compressed as Excel does)."""
    src = zipfile.ZipFile(io.BytesIO(_small_xlsx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = sheet_xml if item.filename == "xl/worksheets/sheet1.xml" else src.read(item.filename)
            z.writestr(item.filename, data)
    return out.getvalue()


def _sheet(rows: str, dimension: str = "A1:D2") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="{dimension}"/><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator_code</t></is></c></row>'
            f'{rows}</sheetData></worksheet>').encode()


@pytest.fixture
def no_openpyxl(monkeypatch):
    """Fail if the workbook is parsed at all: the limits must be checked before."""
    def refuse(*a, **k):
        raise AssertionError("the workbook was parsed")
    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def test_a_workbook_of_a_million_empty_rows_is_refused_before_parsing_in_little_memory(db, no_openpyxl):
    data = _with_sheet(_sheet("".join(f'<row r="{i}"/>' for i in range(2, 1_000_001)), "A1:D1000000"))
    assert len(data) < 3 * 1024 * 1024
    tracemalloc.start()
    pv = ingest.prepare(db, data, "million.xlsx")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert pv.problems["code"].tolist() == ["too_many_rows"]
    assert "1,000,000" in pv.problems.loc[0, "message_en"] and str(f"{read.MAX_ROWS:,}") in pv.problems.loc[0, "message_en"]
    assert peak < 150 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_a_lying_dimension_does_not_hide_the_rows(db, no_openpyxl):
    data = _with_sheet(_sheet("".join(f'<row r="{i}"/>' for i in range(2, read.MAX_ROWS + 100)), "A1:A1"))
    assert ingest.prepare(db, data, "liar.xlsx").problems["code"].tolist() == ["too_many_rows"]


def test_a_workbook_too_wide_is_refused(db, no_openpyxl):
    data = _with_sheet(_sheet("", "A1:ZZZ2"))
    assert ingest.prepare(db, data, "wide.xlsx").problems["code"].tolist() == ["too_many_columns"]


def test_a_zip_bomb_is_refused_by_its_uncompressed_size(db, no_openpyxl):
    data = _with_sheet(_sheet("<!--" + " " * (read.MAX_UNCOMPRESSED_MB * 1024 * 1024 + 10) + "-->"))
    assert len(data) < 2 * 1024 * 1024
    pv = ingest.prepare(db, data, "bomb.xlsx")
    assert pv.problems["code"].tolist() == ["file_too_large"]


def test_a_csv_with_too_many_lines_is_refused(db):
    data = (",".join(HEAD) + "\n" + "G1-I01,2569,1,70\n" * (read.MAX_ROWS + 100)).encode()
    pv = ingest.prepare(db, data, "long.csv")
    assert pv.problems["code"].tolist() == ["too_many_rows"]


def test_a_csv_with_too_many_columns_is_refused(db):
    data = (",".join(HEAD + [f"x{i}" for i in range(read.MAX_COLUMNS)]) + "\nG1-I01,2569,1,70\n").encode()
    assert ingest.prepare(db, data, "wide.csv").problems["code"].tolist() == ["too_many_columns"]


def test_a_normal_workbook_still_reads(db):
    pv = ingest.prepare(db, _small_xlsx(), "ok.xlsx")
    assert not pv.has_errors and pv.n_rows == 1
