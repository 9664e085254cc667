"""The DOCX engine: a Word file an officer can edit, reopened with python-docx (and LibreOffice, slow)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import Image

from tests.report_engine_sample import DEMO_MARK, FOOTER, MONEY, goals, sample_document
from tracker.report import blocks as B
from tracker.report import docx_kit, fonts

FONT = "TH Sarabun New"


def png(width=400, height=200) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), "#4f81bd").save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def sample():
    return sample_document(rows=12)


@pytest.fixture(scope="module")
def data(sample) -> bytes:
    return docx_kit.render_docx(sample, images=[png()] * len(sample.figures()))


@pytest.fixture(scope="module")
def document(data):
    return docx.Document(io.BytesIO(data))


def fonts_of(rpr) -> dict:
    fonts = rpr.find(qn("w:rFonts"))
    return {k: fonts.get(qn(f"w:{k}")) for k in ("ascii", "hAnsi", "eastAsia", "cs",
                                                  "asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")}


def half_points(rpr, tag) -> int:
    return int(rpr.find(qn(tag)).get(qn("w:val")))


def test_thai_font_is_set_for_every_script_and_body_is_16pt(document):
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert fonts_of(rpr) == {"ascii": FONT, "hAnsi": FONT, "eastAsia": FONT, "cs": FONT, "asciiTheme": None,
                             "hAnsiTheme": None, "eastAsiaTheme": None, "cstheme": None}
    assert half_points(rpr, "w:sz") == half_points(rpr, "w:szCs") == 32
    lang = rpr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:bidi")), lang.get(qn("w:eastAsia"))) == ("th-TH",) * 3
    normal = document.styles["Normal"].element.rPr
    assert fonts_of(normal)["cs"] == FONT and half_points(normal, "w:szCs") == 32


@pytest.mark.parametrize("level, size", [(1, 20), (2, 18), (3, 16)])
def test_headings_are_bold_thai_in_every_script(document, level, size):
    rpr = document.styles[f"Heading {level}"].element.rPr
    fonts = fonts_of(rpr)
    assert fonts["ascii"] == fonts["cs"] == fonts["eastAsia"] == FONT and fonts["cstheme"] is None
    assert half_points(rpr, "w:sz") == half_points(rpr, "w:szCs") == size * 2
    assert rpr.find(qn("w:b")) is not None and rpr.find(qn("w:bCs")) is not None   # bCs: Thai is bold too


def test_headings_use_word_heading_styles(document, sample):
    styled = {p.text: p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}
    for h in sample.headings():
        assert styled[h.text] == f"Heading {h.level}"


def test_contents_is_a_toc_field_word_updates_on_open(document, data):
    body = document.element.body.xml
    assert re.search(r'<w:instrText[^>]*> TOC \\o "1-2" \\h \\z \\u </w:instrText>', body)
    # entries link to bookmarks on the headings, with PAGEREF page numbers
    assert body.count("PAGEREF _Toc") == len([h for h in sample_document(rows=1).headings() if h.level <= 2])
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    toc_styles = {p.style.name for p in document.paragraphs if p.style.name.startswith("toc")}
    assert toc_styles == {"toc 1", "toc 2"}


def test_tables_are_real_word_tables_with_repeating_header_rows(document, sample):
    tables = [b for b in sample.walk() if isinstance(b, B.Table)]
    assert len(document.tables) == len(tables)
    for table, spec in zip(document.tables, tables):
        rows = table.rows
        assert len(rows) == len(spec.rows) + 1
        assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in rows)     # rows never split
        assert [c.text for c in rows[0].cells] == [c.title for c in spec.columns]
        assert [c.text for c in rows[1].cells] == [x if isinstance(x, str) else x.text for x in spec.rows[0]]
        for col, cell in zip(spec.columns, rows[1].cells):
            expected = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                        "left": WD_ALIGN_PARAGRAPH.LEFT}[col.align]
            assert cell.paragraphs[0].alignment == expected, col.title
        shading = rows[0].cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
        assert shading == spec.header_fill.lstrip("#").upper()


def test_column_widths_follow_the_relative_widths_and_fill_the_line(document, sample):
    spec = next(b for b in sample.walk() if isinstance(b, B.Table))
    widths = [c.width for c in document.tables[0].columns]
    text_width = Mm(210 - 30 - 20)
    assert abs(sum(widths) - text_width) < Mm(1)
    want = docx_kit.column_widths_mm(spec.columns, spec.rows, 160.0, spec.font_size or docx_kit.SIZES["table"])
    for w, mm in zip(widths, want):
        assert abs(w - Mm(mm)) < Mm(0.5)
    # a column widened to hold its longest word takes the room from the others, which keep their proportions
    total = sum(c.width for c in spec.columns)
    free = [(mm, col.width) for mm, col in zip(want, spec.columns) if mm <= 160.0 * col.width / total + 0.01]
    assert free and len({round(mm / rel, 3) for mm, rel in free}) == 1
    # the landscape table is as wide as the landscape line
    assert abs(sum(c.width for c in document.tables[-1].columns) - Mm(297 - 50)) < Mm(1)


def test_totals_are_bold_and_shaded(document):
    last = document.tables[0].rows[-1]
    run = next(r for c in last.cells for p in c.paragraphs for r in p.runs if r.text)
    assert run._r.rPr.find(qn("w:b")) is not None and run._r.rPr.find(qn("w:bCs")) is not None
    assert last.cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F2F2F2"


def test_charts_are_pictures_with_alt_text_and_a_caption(document, sample):
    figures = sample.figures()
    shapes = document.inline_shapes
    assert len(shapes) == len(figures)
    for shape, fig in zip(shapes, figures):
        assert shape._inline.docPr.get("descr") == fig.alt
        assert abs(shape.width - Mm(fig.width_mm)) < Mm(0.5)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions == [f.caption for f in figures]


def test_every_section_has_the_header_line_and_page_x_of_y_footer(document):
    sections = document.sections
    assert len(sections) == 2          # portrait, then the landscape chapter at the end
    for section in sections:
        assert not section.header.is_linked_to_previous
        assert DEMO_MARK in section.header.paragraphs[0].text
        footer = section.footer.paragraphs[0]
        assert FOOTER in footer.text
        instructions = [el.text.strip() for el in footer._p.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"]
        assert footer.text.endswith("หน้า 1/1")     # shown until Word or LibreOffice lays it out


def test_wide_tables_go_on_landscape_pages(document):
    portrait, landscape = document.sections
    assert portrait.orientation == WD_ORIENT.PORTRAIT and portrait.page_width < portrait.page_height
    assert landscape.orientation == WD_ORIENT.LANDSCAPE and landscape.page_width > landscape.page_height
    assert abs(landscape.page_width - Mm(297)) < Mm(0.5)


def test_a_document_continuing_after_a_landscape_part_returns_to_portrait():
    doc = B.Document("t", [B.Paragraph("ก"), B.Landscape((B.Paragraph("ข"),)), B.Paragraph("ค")])
    sections = docx.Document(io.BytesIO(docx_kit.render_docx(doc, images=[]))).sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]


def test_numbered_lists_restart_at_one(document):
    kit = docx_kit.DocxKit()
    first = kit.numbered(["ก", "ข"])
    second = kit.numbered(["ค"])
    num = lambda p: p._p.pPr.numPr.numId.val  # noqa: E731
    assert num(first[0]) == num(first[1]) != num(second[0])
    numbering = kit.doc.part.numbering_part.element
    override = numbering.num_having_numId(num(second[0])).find(qn("w:lvlOverride"))
    assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"
    goal_items = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert goal_items == goals()


def test_thai_text_and_money_are_stored_exactly(document):
    text = "\n".join(p.text for p in document.paragraphs)
    for g in goals():
        assert g in text
    assert MONEY in text
    assert "\u200b" not in text


def test_page_break_and_page_break_before_headings(document):
    assert 'w:type="page"' in document.element.body.xml
    chapter = next(p for p in document.paragraphs if p.text.startswith("ส่วนที่ 1") and p.style.name == "Heading 1")
    assert chapter.paragraph_format.page_break_before


@pytest.mark.slow
def test_libreoffice_opens_the_docx_and_its_pdf_has_the_thai_text(data, tmp_path):
    soffice = shutil.which("soffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or poppler-utils not installed (scripts/setup.sh test installs them)")
    src = tmp_path / "report.docx"
    src.write_bytes(data)
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "report.pdf"
    # -raw: content-stream order; LibreOffice places Thai marks so that position order would reorder them
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squashed = re.sub(r"\s+", "", text)
    for g in goals():
        assert re.sub(r"\s+", "", g) in squashed
    assert MONEY in text and DEMO_MARK in text
    pages = text.count("\f")
    assert pages >= 5 and text.count(DEMO_MARK) == pages
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), fonts


def test_no_word_table_column_is_narrower_than_its_longest_word():
    """An English unit column given a sliver of the line still holds "households" whole, so Word and
    LibreOffice never break inside the word; the line's width is kept."""
    cols = (B.Column("Indicator", width=6), B.Column("Unit", width=0.3), B.Column("Target", "right", 0.3))
    rows = (("Poor and disadvantaged households helped", "households", "6"),)
    widths = docx_kit.column_widths_mm(cols, rows, 170.0, 14)
    assert abs(sum(widths) - 170.0) < 0.01
    word = fonts.widest_piece(["households"], 14) * 25.4 / 72
    assert widths[1] >= word + 1.0 and widths[0] > widths[1]
