"""The M&E report as a workbook (all its tables) and as council slides (#13), both from the same block
document as the PDF and DOCX: every figure shows the same text, the demo marking is on every sheet and
slide, text is formula-safe, the Thai font is named for complex script, and no table runs off a slide.

The slides are given a drawn chart (a small PNG) so these tests need no browser."""

from __future__ import annotations

import io

import openpyxl
import pytest
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from tests.report_helpers import excel_text, loaded
from tests.test_me_report import tables
from tracker import thai
from tracker.report import blocks as B
from tracker.report import me, pptx_kit, xlsx_kit
from tracker.report.me import narrative as N

HALF = me.parse("half", 2569)
DEMO = "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"


def png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (800, 450), "white").save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def document(db):
    loaded(db)
    db["import_batches"].update(1, {"is_demo": 1})
    db.execute("UPDATE projects SET name_th = '=HYPERLINK(\"x\")' WHERE project_code = 'P1' AND fiscal_year = 2569")
    N.save(db, HALF, "problems", "ผู้รับจ้างทำงานล่าช้าเพราะฝนตกชุก", user="analyst", strategy_no=1)
    return me.build(db, HALF, "th")


def sheet_rows(ws):
    return [[c for c in row] for row in ws.iter_rows()]


def test_the_workbook_has_every_table_of_the_report_with_the_same_text(document):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_kit.render_xlsx(document)))
    doc_tables = tables(document)
    assert len(wb.sheetnames) == len(doc_tables) + 1          # the list of tables, then one sheet each
    listing = wb.worksheets[0]
    captions = [r[2].value for r in listing.iter_rows() if r[2].value][1:]
    assert captions == [tb.caption for tb in doc_tables]
    for ws, tb in zip(wb.worksheets[1:], doc_tables):
        rows = sheet_rows(ws)
        assert rows[0][0].value == DEMO and rows[1][0].value == tb.caption
        body = rows[3:3 + len(tb.rows)]
        assert len(body) == len(tb.rows)
        for cells, row in zip(body, tb.rows):
            shown = [excel_text(c.value, c.number_format) for c in cells if c.value not in (None, "")]
            for raw in row:
                cell = raw if isinstance(raw, B.Cell) else B.Cell(str(raw))
                if cell.numbers:   # each number reads, through its number format, as the text prints it
                    for part in shown[:len(cell.numbers)]:
                        assert part in cell.text, (tb.caption, cell.text, part)
                    shown = shown[len(cell.numbers):]
                elif cell.text:
                    value = shown.pop(0)
                    assert value.lstrip("'") == cell.text, (tb.caption, cell.text, value)


def test_workbook_numbers_are_numbers_rounded_as_shown_and_named_per_part(document):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_kit.render_xlsx(document)))
    status = wb.worksheets[3]                                   # ตารางที่ 3: status "n (x%)" per strategy
    head = [c.value for c in status[3]]
    assert head[:4] == ["ยุทธศาสตร์", "ได้รับงบประมาณ", "ดำเนินการแล้วเสร็จ (โครงการ)", "ดำเนินการแล้วเสร็จ (%)"]
    total = status[3 + len(tables(document)[2].rows)]
    assert isinstance(total[1].value, int) and total[1].number_format == "#,##0"
    assert total[3].number_format == "0.0%" and total[3].value == round(total[3].value, 3)


def test_workbook_text_is_never_a_formula(document):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_kit.render_xlsx(document)))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(c.value == "'=HYPERLINK(\"x\")" for c in cells)
    assert all(c.data_type == "s" for c in cells)
    assert not any(c.value.startswith("=") for c in cells)


def test_slides_show_every_table_with_the_same_text_the_project_list_paged_never_cut(document):
    deck = Presentation(io.BytesIO(pptx_kit.render_pptx(document, images=[png()])))
    shown = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                shown += [tuple(thai.unlocked(c.text) for c in row.cells) for row in list(shape.table.rows)[1:]]
    expected = [row for tb in tables(document) for row in tb.texts()]      # the landscape project list too
    assert shown == expected


def _deck_text(deck) -> str:
    return "\n".join(thai.unlocked(s.text_frame.text) for slide in deck.slides for s in slide.shapes
                     if s.has_text_frame)


def test_slides_carry_every_chapter_and_its_text(document):
    deck = Presentation(io.BytesIO(pptx_kit.render_pptx(document, images=[png()])))
    text = _deck_text(deck)
    for h in document.headings():                       # introduction, results, part 3, annexes
        assert h.text in text, h.text
    for b in document.walk():
        if isinstance(b, B.Paragraph):
            assert b.text in text, b.text
        elif isinstance(b, B.NumberedList):
            assert all(item in text for item in b.items)


def test_no_slide_column_is_narrower_than_its_longest_word():
    table = B.Table((B.Column("ค่าเป้าหมาย", "right", 0.2), B.Column("ชื่อตัวชี้วัด", width=6)),
                    (("ทรัพยากรธรรมชาติ", "ร้อยละของครัวเรือนที่ได้รับน้ำประปาสะอาด"),), caption="ตาราง")
    widths = pptx_kit.column_widths(table, pptx_kit.WIDTH, pptx_kit.TABLE_SIZE)
    need = pptx_kit.text_width("ทรัพยากรธรรมชาติ", pptx_kit.TABLE_SIZE)
    assert widths[0] - 2 * pptx_kit.CELL_MARGIN_X >= Pt(need)
    assert sum(widths) <= pptx_kit.WIDTH


def test_every_slide_is_marked_demo_numbered_and_in_the_thai_font(document):
    deck = Presentation(io.BytesIO(pptx_kit.render_pptx(document, images=[png()])))
    n = len(deck.slides)
    for i, slide in enumerate(deck.slides, 1):
        texts = [thai.unlocked(s.text_frame.text) for s in slide.shapes if s.has_text_frame]
        assert DEMO in texts and f"สไลด์ {i}/{n}" in texts
        for run in slide.element.iter(qn("a:rPr")):
            assert run.find(qn("a:cs")).get("typeface") == "TH Sarabun New"


def test_the_narrative_chapter_has_a_slide_per_strategy(document):
    deck = Presentation(io.BytesIO(pptx_kit.render_pptx(document, images=[png()])))
    titles = [thai.unlocked(s.shapes[1].text_frame.text) for s in deck.slides]
    assert any("ยุทธศาสตร์ที่ 1" in t_ for t_ in titles)
    assert "ผู้รับจ้างทำงานล่าช้าเพราะฝนตกชุก" in _deck_text(deck)


def test_no_table_runs_off_its_slide():
    long = "ยุทธศาสตร์การพัฒนาด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม " * 3
    table = B.Table((B.Column("ชื่อ", width=3), B.Column("จำนวน", "right")),
                    tuple((f"{i} {long}", str(i)) for i in range(40)) + (("รวม", "40"),), caption="ตาราง", total_rows=1)
    doc = B.Document("ทดสอบ", [B.Paragraph("ปก", style="title"), B.Heading("ส่วน"), table])
    deck = Presentation(io.BytesIO(pptx_kit.render_pptx(doc, images=[])))
    parts = [s for s in deck.slides for s in s.shapes if s.has_table]
    assert len(parts) > 1
    assert sum(len(p.table.rows) - 1 for p in parts) == 41
    for shape in parts:
        assert shape.top + sum(Emu(r.height) for r in shape.table.rows) <= pptx_kit.BOTTOM
    assert [thai.unlocked(c.text) for c in list(parts[-1].table.rows)[-1].cells] == ["รวม", "40"]
    assert len(parts[-1].table.rows) > 2                     # the total never stands alone
