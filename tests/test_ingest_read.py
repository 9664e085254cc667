"""Reading what Thai Excel produces: encodings, separators, XLSX sheets, blank rows, other formats."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.conftest import csv_text
from tracker import ingest
from tracker.ingest.contract import detect_kind, match_header
from tracker.ingest.read import ROW, read_bytes

RESULTS_TH = csv_text("""
    รหัสตัวชี้วัด,ปีงบประมาณ,ไตรมาส,ผลการดำเนินงาน,หมายเหตุ
    G1-I01,2569,2,0.85,สะสม “ต.ค.68–มี.ค.69”
""")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874", "utf-16"])
def test_thai_text_is_read_in_every_encoding_excel_saves(encoding):
    r = read_bytes(RESULTS_TH.encode(encoding))
    assert not r.problems
    assert r.encoding == encoding
    assert list(r.frame.columns[:2]) == ["รหัสตัวชี้วัด", "ปีงบประมาณ"]
    assert r.frame.loc[0, "หมายเหตุ"] == "สะสม “ต.ค.68–มี.ค.69”"


def test_cp874_smart_quotes_are_not_turned_into_control_characters():
    data = "note\n“ok”\n".encode("cp874")
    assert data[5] == 0x93            # a byte in 0x80–0x9F, which Python's tis-620 codec corrupts
    r = read_bytes(data)
    assert r.encoding == "cp874" and r.frame.loc[0, "note"] == "“ok”"


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_separator_is_detected_from_the_header_line(sep):
    r = read_bytes(RESULTS_TH.replace(",", sep).encode("utf-8-sig"))
    assert r.separator == sep and r.frame.shape[1] == 6


def test_blank_rows_are_skipped_and_rows_keep_their_excel_numbers():
    text = "a,b\n1,2\n,\n\n3,4\n , \n5,6\n"
    r = read_bytes(text.encode())
    assert r.frame[ROW].tolist() == [2, 5, 7]
    assert r.frame["a"].tolist() == ["1", "3", "5"]


def test_leading_blank_lines_before_the_header_are_counted():
    r = read_bytes(b"\n,,\na,b\n1,2\n")
    assert r.frame[ROW].tolist() == [4]


def test_cells_are_kept_as_text_with_leading_zeros():
    r = read_bytes(b"code,village\n007,01;03\n")
    assert r.frame.loc[0, "code"] == "007" and r.frame.loc[0, "village"] == "01;03"


def _xlsx(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_xlsx_first_sheet_is_read_with_numbers_as_plain_text():
    data = _xlsx({"Sheet1": [["indicator_code", "fiscal_year", "quarter", "value"],
                             ["G1-I01", 2569, 2, 0.85], [None, None, None, None], ["G1-I02", 2569.0, 2, 12]]})
    r = read_bytes(data)
    assert r.format == "xlsx" and r.sheet == "Sheet1"
    assert r.frame[ROW].tolist() == [2, 4]
    assert r.frame["fiscal_year"].tolist() == ["2569", "2569"] and r.frame["value"].tolist() == ["0.85", "12"]


def test_xlsx_sheet_named_after_the_kind_is_preferred():
    data = _xlsx({"คำอธิบาย": [["อ่านก่อน"]], "ผลตัวชี้วัด": [["indicator_code", "fiscal_year", "quarter", "value"],
                                                               ["G1-I01", 2569, 2, 1]]})
    r = read_bytes(data)
    assert r.sheet == "ผลตัวชี้วัด" and r.frame.loc[0, "indicator_code"] == "G1-I01"


def test_file_name_is_not_trusted_an_xlsx_named_csv_is_read_as_xlsx(db):
    data = _xlsx({"x": [["indicator_code", "fiscal_year", "quarter", "value"], ["G1-I01", 2569, 2, 1]]})
    pv = ingest.prepare(db, data, "results.csv")
    assert pv.format == "xlsx" and pv.kind == "indicator_results" and not pv.has_errors


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n...", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "xls"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "PNG"),
    (b"abc\x00\x01\x02def" * 10, "binary"),
])
def test_other_formats_are_refused_with_a_clear_problem(db, data, what):
    pv = ingest.prepare(db, data, "report.csv")
    assert pv.problems["code"].tolist() == ["unsupported_format"]
    assert what in pv.problems.loc[0, "message_en"] and "บันทึกเป็น" in pv.problems.loc[0, "message_th"]


def test_a_broken_zip_is_reported_as_an_unreadable_workbook(db):
    pv = ingest.prepare(db, b"PK\x03\x04garbage", "x.xlsx")
    assert pv.problems["code"].tolist() == ["unreadable_xlsx"]


def test_undecodable_bytes_are_an_encoding_problem(db):
    pv = ingest.prepare(db, b"a,b\n\xdb\xfc,1\n", "x.csv")   # undefined in cp874, invalid UTF-8
    assert pv.problems["code"].tolist() == ["bad_encoding"]


def test_malformed_csv_is_reported_not_raised(db):
    pv = ingest.prepare(db, b'indicator_code,fiscal_year,quarter,value\nG1-I01,2569,2,1\nX,2569,2,1,extra,more\n',
                        "x.csv")
    assert pv.problems["code"].tolist() == ["malformed_csv"]


@pytest.mark.parametrize("data", [b"", b"\n\n", "รหัสตัวชี้วัด,ปีงบประมาณ,ไตรมาส,ผลการดำเนินงาน\n".encode()])
def test_an_empty_file_is_an_error(db, data):
    pv = ingest.prepare(db, data, "x.csv")
    assert "empty_file" in pv.problems["code"].tolist() and pv.has_errors


def test_file_over_the_size_limit_is_refused_before_reading(db, monkeypatch):
    monkeypatch.setenv("TRACKER_MAX_UPLOAD_MB", "1")
    pv = ingest.prepare(db, b"a" * (1024 * 1024 + 1), "big.csv")
    assert pv.problems["code"].tolist() == ["file_too_large"]
    assert "1 MB" in pv.problems.loc[0, "message_en"] and "เกินขีดจำกัด" in pv.problems.loc[0, "message_th"]


@pytest.mark.parametrize("header, canonical", [
    ("รหัสโครงการ", "project_code"), ("Project_Code", "project_code"), (" ไตรมาสที่ ", "quarter"),
    ("ความก้าวหน้า (%)", "progress_pct"), ("ความก้าวหน้า %", "progress_pct"), ("เบิกจ่ายสะสม (บาท)", "disbursed"),
    ("ก่อหนี้ผูกพัน / committed", "committed"), ("\ufeffproject_code", "project_code"), ("อะไรก็ได้", None),
])
def test_thai_and_english_headers_are_matched(header, canonical):
    assert match_header("project_progress", header) == canonical


@pytest.mark.parametrize("headers, kind", [
    (["รหัสโครงการ", "ปีงบประมาณ", "เป้าประสงค์", "ชื่อโครงการ", "หน่วยงานรับผิดชอบ", "งบตามแผน", "งบตามข้อบัญญัติ"],
     "projects"),
    (["project_code", "fiscal_year", "quarter", "status", "progress_pct", "committed", "disbursed"], "project_progress"),
    (["รหัสตัวชี้วัด", "ปีงบประมาณ", "ไตรมาส", "ผลการดำเนินงาน"], "indicator_results"),
    (["ชื่อ", "ยอดขาย"], None),
])
def test_kind_is_detected_from_the_headers(headers, kind):
    assert detect_kind(headers) == kind


def test_excel_sep_hint_line_sets_the_separator_and_is_not_a_row():
    r = read_bytes("sep=;\nรหัสตัวชี้วัด;ปีงบประมาณ\nG1-I01;2569\n".encode("cp874"))
    assert r.separator == ";" and r.frame.loc[0, "รหัสตัวชี้วัด"] == "G1-I01" and r.frame[ROW].tolist() == [2]


@pytest.mark.parametrize("sep", [",", ";"])
def test_a_form_title_above_the_header_is_skipped_and_rows_keep_excel_numbers(db, sep):
    text = csv_text("""
        แบบรายงานผลการดำเนินงานตัวชี้วัด อบต.ขี้เหล็ก
        ไตรมาสที่ 2 ปีงบประมาณ 2569

        รหัสตัวชี้วัด,ปีงบประมาณ,ไตรมาส,ผลการดำเนินงาน
        G1-I01,2569,2,85
        G1-I02,2569,9,1
    """).replace(",", sep)
    pv = ingest.prepare(db, text.encode("cp874"), "form.csv")
    assert pv.kind == "indicator_results" and pv.separator == sep
    assert pv.problems[["row", "code"]].values.tolist() == [[6, "quarter_out_of_range"]]


def test_an_xlsx_form_title_above_the_header_is_skipped(db):
    data = _xlsx({"Sheet1": [["แบบรายงานผลตัวชี้วัด"], [None], ["รหัสตัวชี้วัด", "ปีงบประมาณ", "ไตรมาส", "ผลการดำเนินงาน"],
                             ["G1-I01", 2569, 2, 85], ["G1-I02", 2569, 2, None]]})
    pv = ingest.prepare(db, data, "form.xlsx")
    assert pv.kind == "indicator_results" and pv.n_rows == 2
    assert pv.problems[["row", "code"]].values.tolist() == [[5, "required_value"]]


def _styled_book(percent_format: str | None) -> bytes:
    """A book laid out as analysts' books are: a title, the header from C3 with a blank heading between,
    dates, whole and decimal numbers, a merged title; B5 formatted with ``percent_format`` when given."""
    import datetime

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "แบบรายงานผลการดำเนินงาน ไตรมาส 2"
    ws.merge_cells("A1:D1")
    for col, name in zip("BCDEF", ["indicator_code", "fiscal_year", None, "quarter", "value"]):
        ws[f"{col}3"] = name
    ws.append([None, "G1-I01", 2569, datetime.date(2026, 1, 5), 2, 0.6])
    ws.append([None, "G1-I02", 2569.0, datetime.datetime(2026, 3, 31, 10, 30), 2, 12.5])
    ws.append([None, "ไม่มี", None, True, None, ""])
    if percent_format:
        ws["F4"].number_format = percent_format
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_book_reads_the_same_with_calamine_as_with_openpyxl():
    from tracker.ingest import read

    data = _styled_book(None)
    assert not read.percent_cells(data)
    assert read._calamine_rows(data, None)[0] == "Sheet"        # calamine reads it (no fallback)
    fast, sheet = read.read_xlsx(data)
    slow, slow_sheet = read._openpyxl_frame(data, None)      # the openpyxl path, as before calamine
    assert sheet == slow_sheet
    assert fast.equals(slow) and fast.attrs == slow.attrs, (fast, slow)
    assert fast["fiscal_year"].tolist() == ["2569", "2569", ""] and fast["value"].tolist() == ["0.6", "12.5", ""]
    assert fast["Unnamed: 3"].tolist() == ["2026-01-05T00:00:00", "2026-03-31T10:30:00", "True"]


@pytest.mark.parametrize("number_format, percent", [("0%", True), ("#,##0.00%", True), ('0"%"', False),
                                                    ("0\\%", False), ("#,##0", False)])
def test_a_percent_formatted_cell_keeps_its_percentage(number_format, percent):
    from tracker.ingest import read

    data = _styled_book(number_format)
    assert read.percent_cells(data) is percent
    value = read.read_xlsx(data)[0]["value"].tolist()[0]
    assert value == ("60%" if percent else "0.6")


def test_a_percent_style_no_cell_uses_does_not_count():
    from tracker.ingest import read

    wb = openpyxl.load_workbook(io.BytesIO(_styled_book("0%")))
    wb.active["F4"].number_format = "General"     # the style stays in styles.xml only if some cell keeps it
    wb.active["H9"].number_format = "0%"          # a formatted cell with no value
    wb.active["H9"] = None
    buf = io.BytesIO()
    wb.save(buf)
    assert read.read_xlsx(buf.getvalue())[0]["value"].tolist()[0] == "0.6"


def _rewritten(data: bytes, member: str, change) -> bytes:
    """The book with one zip member's bytes passed through ``change``."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            dst.writestr(item, change(body) if item.filename == member else body)
    return out.getvalue()


def _percent_book() -> bytes:
    """Percent cells here and there on the sheet read (numbers, text, a bool, an empty cell, two formats),
    and on another sheet at other places."""
    import datetime

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "ข้อมูล & ผล"
    ws["A1"] = "แบบรายงาน"
    ws.append(["indicator_code", "fiscal_year", "quarter", "value", "note", "when"])
    ws.append(["G1-I01", 2569, 2, 0.6, "ร้อยละ", datetime.date(2026, 1, 5)])
    ws.append(["G1-I02", 2569, 2, 0.125, True, 0.5])
    ws.append(["G1-I03", 2569, 2, 1, "0.3", 3])
    ws.append(["G1-I04", 2569, 2, 12.5, None, 0.07])
    for ref, f in [("D3", "0%"), ("D4", "0.00%"), ("D5", "0%"), ("E3", "0%"), ("E4", "0%"), ("E5", "0%"),
                   ("E6", "0%"), ("F4", "0.0%"), ("C10", "0%")]:
        ws[ref].number_format = f
    other = wb.create_sheet("อื่น")
    other["A1"], other["B2"] = 0.5, 0.25
    other["A1"].number_format = other["B2"].number_format = "0%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_percent_cells_are_read_with_calamine_as_openpyxl_reads_them(monkeypatch):
    from tracker.ingest import read

    data = _percent_book()
    slow, slow_sheet = read._openpyxl_frame(data, None)
    assert read.percent_positions(data, "ข้อมูล & ผล") == {(2, 3), (3, 3), (4, 3), (2, 4), (3, 4), (4, 4), (5, 4),
                                                           (3, 5), (9, 2)}
    assert read.percent_positions(data, "อื่น") == {(0, 0), (1, 1)}
    monkeypatch.setattr(read, "_openpyxl_frame", None)     # calamine's path only: openpyxl would fail here
    fast, sheet = read.read_xlsx(data)
    assert sheet == slow_sheet == "ข้อมูล & ผล"
    assert fast.equals(slow) and fast.attrs == slow.attrs, (fast, slow)
    assert fast["value"].tolist() == ["60%", "12.5%", "100%", "12.5"]
    assert fast["note"].tolist() == ["ร้อยละ", "True", "0.3", ""]
    assert fast["when"].tolist() == ["2026-01-05T00:00:00", "50%", "3", "0.07"]


def test_a_percent_cell_without_its_reference_sends_the_book_to_openpyxl(monkeypatch):
    import re

    from tracker.ingest import read

    data = _rewritten(_percent_book(), "xl/worksheets/sheet1.xml",
                      lambda xml: re.sub(rb'<c r="D3"', b"<c", xml))
    assert read.percent_positions(data, "ข้อมูล & ผล") is None
    calls = []
    openpyxl_frame = read._openpyxl_frame
    monkeypatch.setattr(read, "_openpyxl_frame", lambda *a: calls.append(a) or openpyxl_frame(*a))
    assert read.read_xlsx(data)[0]["value"].tolist()[:2] == ["60%", "12.5%"] and calls


def test_a_book_format_that_redefines_a_built_in_percent_id_is_not_a_percentage():
    import re
    import zipfile

    from tracker.ingest import read

    def redefine(xml: bytes) -> bytes:     # numFmtId 9 is "0%" unless the book says otherwise
        return re.sub(rb'<numFmts count="(\d+)">', lambda m: b'<numFmts count="%d"><numFmt numFmtId="9" '
                      b'formatCode="0.0"/>' % (int(m.group(1)) + 1), xml)

    # the book's cells keep numFmtId 9 (openpyxl writes "0%" as the built-in id)
    assert b'numFmtId="9"' in zipfile.ZipFile(io.BytesIO(_styled_book("0%"))).read("xl/styles.xml")

    data = _rewritten(_styled_book("0%"), "xl/styles.xml", redefine)
    assert read._openpyxl_frame(data, None)[0]["value"].tolist()[0] == "0.6"
    assert not read.percent_cells(data)
    assert read.read_xlsx(data)[0]["value"].tolist()[0] == "0.6"
