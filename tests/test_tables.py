"""Downloads: CSV with BOM, XLSX, and no formula injection."""

import io

import openpyxl
import pandas as pd
import pytest

from tracker import tables


@pytest.mark.parametrize("value, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+66 1", "'+66 1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("\n=1+1", "'\n=1+1"), ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"), ("\uff20A1", "'\uff20A1"),
    ("ถนน คสล.", "ถนน คสล."), ("a=b", "a=b"), ("", ""), (-5, -5), (1.5, 1.5), (None, None),
])
def test_neutralise_cell(value, safe):
    assert tables.neutralise_cell(value) == safe


def frame():
    return pd.DataFrame({"ชื่อ": ["=1+1", "โครงการ", "@cmd"], "บาท": [-1000.0, 2.5, 3.0]})


def test_csv_has_bom_thai_and_no_formula():
    raw = tables.csv_bytes(frame())
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert list(back["ชื่อ"]) == ["'=1+1", "โครงการ", "'@cmd"]
    assert list(back["บาท"]) == [-1000.0, 2.5, 3.0]      # negative numbers stay numbers


def test_xlsx_cells_are_text_not_formulas():
    wb = openpyxl.load_workbook(io.BytesIO(tables.xlsx_bytes(frame(), "ข้อมูล")))
    ws = wb["ข้อมูล"]
    assert [c.value for c in ws[1]] == ["ชื่อ", "บาท"]
    assert ws["A2"].value == "'=1+1" and ws["A2"].data_type == "s"
    assert ws["B2"].value == -1000


def _same(a, b) -> bool:
    return type(a) is type(b) and (a is b or a == b or (a != a and b != b))


@pytest.mark.parametrize("rows", [slice(None), slice(0, 0)])
def test_value_rows_are_the_rows_itertuples_gives_value_for_value(rows):
    """Every cell as row iteration gives it, with its type: text (missing = NaN), whole numbers, money
    with NaN, flags, mixed objects (None kept), nullable integers (NA kept); also for no rows."""
    df = pd.DataFrame({
        "code": pd.Series(["P1", None, "ก-2"], dtype="str"), "goal_no": [1, 2, 3], "money": [1.5, float("nan"), 0.0],
        "funded": [True, False, True], "unit": ["บาท", None, 3], "quarter": pd.array([1, None, 4], dtype="Int64"),
    }).iloc[rows]
    cols = ("quarter", "code", "money", "goal_no", "funded", "unit")
    got = list(tables.value_rows(df, *cols))
    want = list(df[list(cols)].itertuples(index=False, name=None))
    assert len(got) == len(want) == len(df)
    assert all(_same(a, b) for g, w in zip(got, want) for a, b in zip(g, w, strict=True)), (got, want)
