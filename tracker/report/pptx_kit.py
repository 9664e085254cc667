"""The PPTX engine: a block :class:`~tracker.report.blocks.Document` as council slides (python-pptx, 16:9).

The slides are the document's own blocks, so they say what the PDF and DOCX say:

- a cover slide from the paragraphs before the first page break (title, round, organization);
- a slide per table (its caption as the slide title), continued over as many slides as its rows need
  (the header repeated, "(ต่อ)" in the title) — rows are measured by their longest cell, so nothing
  runs off the slide in PowerPoint or LibreOffice;
- a slide per chart, drawn as the PDF and DOCX draw it (:func:`tracker.report.html_pdf.figures_to_png`),
  followed by its table;
- for the chapters named in ``text_chapters`` (the committee's problems and recommendations), a slide per
  section heading with its text, continued when long.

Wide landscape sections (the full project list) stay in the PDF, DOCX and XLSX. Every run names the Thai
font for Latin, East Asian and complex script (:func:`tracker.report.pptx.run_font`) and lets Thai break only
between words (:func:`tracker.report.pptx.slide_text`); every slide carries
the document's header (the demo marking, in red), its footer and "สไลด์ n/N".
"""

from __future__ import annotations

import io
import math
import unicodedata
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from tracker.i18n import t
from tracker.report import blocks as B
from tracker.report.pptx import INK, MUTED, run_font, slide_text

W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TOP = Inches(1.3)                 # below the title
BOTTOM = H - Inches(0.7)          # above the footer
DEMO_RED = RGBColor(0xB3, 0x26, 0x1E)
HEAD_FILL = RGBColor(0xDC, 0xE6, 0xF1)
TOTAL_FILL = RGBColor(0xF2, 0xF2, 0xF2)
TABLE_SIZE = 13                   # points
TEXT_SIZE = 18
#: average width of a Thai/Latin character in TH Sarabun New, as a share of the point size
CHAR_WIDTH = 0.5
BOLD = 1.15                       # a bold character's width, as a share of a regular one
LATIN = 0.85                      # a Latin character's width, as a share of a Thai one
WRAP_WASTE = 1.2                  # a line broken between words is not full
#: line height, as a share of the point size: Thai needs room above and below (LibreOffice draws
#: TH Sarabun New as TLWG Laksaman, taller per point), and a table row never grows to fit its text there
LINE = 1.65
CELL_PAD = Pt(6)                  # top + bottom margins of a table cell
TEXT_CHARS = 700                  # characters of running text per slide


@dataclass
class Slide:
    """One slide: a title and what it shows (a table part, a chart picture or text paragraphs)."""
    title: str
    table: B.Table | None = None
    rows: tuple = ()
    first_row: int = 0            # index in the table of the slide's first row
    picture: bytes | None = None
    alt: str = ""
    paragraphs: list[B.Paragraph] = field(default_factory=list)
    cover: bool = False


def _text_of(cell) -> str:
    return cell.text if isinstance(cell, B.Cell) else str(cell)


def _column_widths(table: B.Table, width: int) -> list[int]:
    total = sum(c.width for c in table.columns)
    return [int(width * c.width / total) for c in table.columns]


def _width(text: str) -> float:
    """The room ``text`` takes on a line, in average Thai characters: Thai vowel and tone marks above or
    below take none, a Latin letter or digit a little less than a Thai character."""
    return sum(0.0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else LATIN if ch.isascii() else 1.0
               for ch in text)


def row_height(texts, widths: list[int], size: float, *, bold: bool = False) -> int:
    """The height (EMU) a table row takes: its tallest cell, each cell's text wrapped to its column
    (``bold``, as the header row is, takes more room per character)."""
    lines = 1
    for text, w in zip(texts, widths):
        per_line = max(1, int((w - Pt(10)) / (Pt(size) * CHAR_WIDTH * (BOLD if bold else 1.0))))
        lines = max(lines, sum(1 if _width(part) <= per_line else math.ceil(_width(part) * WRAP_WASTE / per_line)
                               for part in str(text).split("\n")))
    return int(lines * Pt(size) * LINE + CELL_PAD)


def table_slides(title: str, table: B.Table, lang: str, *, size: float = TABLE_SIZE) -> list[Slide]:
    """``table`` cut into slides that each fit: as many rows as the slide's height holds, header repeated."""
    widths = _column_widths(table, W - 2 * MARGIN)
    room = BOTTOM - TOP - row_height([c.title for c in table.columns], widths, size, bold=True)
    out, part, used = [], [], 0
    first_total = len(table.rows) - table.total_rows
    for i, row in enumerate(table.rows):
        h = row_height([_text_of(c) for c in row], widths, size)
        if part and used + h > room:
            carry = [part.pop()] if i >= first_total and len(part) > 1 else []   # no total alone on a slide
            out.append(part)
            part = carry
            used = sum(row_height([_text_of(c) for c in r], widths, size) for r in part)
        part.append(row)
        used += h
    out.append(part)
    firsts = [sum(len(p) for p in out[:i]) for i in range(len(out))]
    return [Slide(title if i == 0 else t("pptx.continued", lang, title=title), table=table, rows=tuple(rows),
                  first_row=first) for i, (rows, first) in enumerate(zip(out, firsts))]


def _text_slides(title: str, paragraphs: list[B.Paragraph], lang: str) -> list[Slide]:
    out, part, used = [], [], 0
    for p in paragraphs:
        if part and used + len(p.text) > TEXT_CHARS:
            out.append(part)
            part, used = [], 0
        part.append(p)
        used += len(p.text)
    out.append(part)
    return [Slide(title if i == 0 else t("pptx.continued", lang, title=title), paragraphs=ps)
            for i, ps in enumerate(out)]


def slides(doc: B.Document, *, text_chapters: tuple[str, ...] = (), images: list[bytes] | None = None) -> list[Slide]:
    """The deck's slides in order (see the module's description). ``images``: the charts as PNG, in
    document order (drawn here when not given)."""
    if images is None:
        figures = [b for b in doc.blocks if isinstance(b, B.Figure)]
        if figures:
            from tracker.report.html_pdf import figures_to_png
            images = figures_to_png(figures)
        else:
            images = []
    pictures = iter(images)
    cover: list[B.Paragraph] = []
    out: list[Slide] = []
    started, chapter, section, text = False, "", None, []

    def flush():
        nonlocal section, text
        if section is not None and text:
            out.extend(_text_slides(section, text, doc.lang))
        section, text = None, []

    for b in doc.blocks:                  # landscape sections are left out
        if not started:
            if isinstance(b, B.Paragraph):
                cover.append(b)
                continue
            started = True
            out.append(Slide(doc.title, paragraphs=cover, cover=True))
        if isinstance(b, B.Heading):
            if b.level == 1:
                flush()
                chapter = b.text
            elif chapter in text_chapters:
                flush()
                section = b.text
        elif isinstance(b, B.Paragraph) and section is not None:
            text.append(b)
        elif isinstance(b, B.Table):
            flush()
            out.extend(table_slides(b.caption or chapter, b, doc.lang))
        elif isinstance(b, B.Figure):
            flush()
            out.append(Slide(b.caption, picture=next(pictures), alt=b.alt))
            if b.table is not None:
                out.extend(table_slides(b.table.caption or b.caption, b.table, doc.lang))
    flush()
    if not started:
        out.insert(0, Slide(doc.title, paragraphs=cover, cover=True))
    return out


def _textbox(slide, x, y, w, h, lines, *, align=None):
    """A text box of ``lines`` = (text, size, bold, colour)."""
    box = slide.shapes.add_textbox(x, y, w, h)
    tf = box.text_frame
    tf.word_wrap = True
    for i, (text, size, bold, colour) in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if align is not None:
            p.alignment = align
        r = p.add_run()
        r.text = slide_text(text)
        run_font(r, size, bold, colour)
    return box


def _table(slide, s: Slide) -> None:
    table = s.table
    widths = _column_widths(table, W - 2 * MARGIN)
    heights = [row_height([c.title for c in table.columns], widths, TABLE_SIZE, bold=True)]
    heights += [row_height([_text_of(c) for c in row], widths, TABLE_SIZE) for row in s.rows]
    shape = slide.shapes.add_table(len(s.rows) + 1, len(table.columns), MARGIN, TOP, W - 2 * MARGIN, Emu(sum(heights)))
    tbl = shape.table
    for j, w in enumerate(widths):
        tbl.columns[j].width = Emu(w)
    first_total = len(table.rows) - table.total_rows
    for i, h in enumerate(heights):
        tbl.rows[i].height = Emu(h)
    for j, col in enumerate(table.columns):
        _cell(tbl.cell(0, j), col.title, col.align, bold=True, fill=HEAD_FILL)
    for i, row in enumerate(s.rows, 1):
        total = s.first_row + i - 1 >= first_total
        for j, (col, raw) in enumerate(zip(table.columns, row)):
            c = raw if isinstance(raw, B.Cell) else B.Cell(str(raw))
            fill = RGBColor.from_string(c.fill.lstrip("#")) if c.fill else TOTAL_FILL if total else None
            _cell(tbl.cell(i, j), c.text, col.align, bold=c.bold or total, fill=fill)


def _cell(cell, text: str, align: str, *, bold: bool, fill) -> None:
    cell.text = ""
    p = cell.text_frame.paragraphs[0]
    p.alignment = {"right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}.get(align, PP_ALIGN.LEFT)
    r = p.add_run()
    r.text = slide_text(text)
    run_font(r, TABLE_SIZE, bold)
    cell.text_frame.word_wrap = True
    cell.margin_top = cell.margin_bottom = Pt(2)
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = fill


def _picture(slide, s: Slide) -> None:
    from PIL import Image

    img = Image.open(io.BytesIO(s.picture))
    room_w, room_h = W - 2 * MARGIN, BOTTOM - TOP
    scale = min(room_w / img.width, room_h / img.height)
    w, h = int(img.width * scale), int(img.height * scale)
    pic = slide.shapes.add_picture(io.BytesIO(s.picture), int((W - w) / 2), TOP, Emu(w), Emu(h))
    pic._element.nvPicPr.cNvPr.set("descr", s.alt)


def _frame(prs, doc: B.Document, s: Slide, n: int, total: int):
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    if doc.header:
        _textbox(slide, MARGIN, Inches(0.05), W - 2 * MARGIN, Inches(0.35), [(doc.header, 14, True, DEMO_RED)],
                 align=PP_ALIGN.CENTER)
    if not s.cover:
        size = 24 if len(s.title) <= 70 else 20      # a long caption on two lines still clears the table
        _textbox(slide, MARGIN, Inches(0.35), W - 2 * MARGIN, Inches(1.05), [(s.title, size, True, INK)])
    _textbox(slide, MARGIN, H - Inches(0.55), W - Inches(3), Inches(0.4), [(doc.footer, 12, False, MUTED)])
    _textbox(slide, W - Inches(2.5), H - Inches(0.55), Inches(2), Inches(0.4),
             [(t("meeting.slide_n", doc.lang, n=n, total=total), 12, False, MUTED)], align=PP_ALIGN.RIGHT)
    return slide


def render_pptx(doc: B.Document, *, text_chapters: tuple[str, ...] = (), images: list[bytes] | None = None) -> bytes:
    """The document as a 16:9 deck (see :func:`slides`)."""
    deck = slides(doc, text_chapters=text_chapters, images=images)
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    for n, s in enumerate(deck, 1):
        slide = _frame(prs, doc, s, n, len(deck))
        if s.cover:
            sizes = {"title": 34, "subtitle": 26}
            lines = [(p.text, sizes.get(p.style, 20), p.bold or p.style in sizes,
                      DEMO_RED if doc.header and p.text == doc.header else INK) for p in s.paragraphs]
            _textbox(slide, MARGIN, Inches(1.0), W - 2 * MARGIN, Inches(5.5), lines, align=PP_ALIGN.CENTER)
        elif s.table is not None:
            _table(slide, s)
        elif s.picture is not None:
            _picture(slide, s)
        else:
            lines = [(p.text, TEXT_SIZE, p.bold, INK) for p in s.paragraphs]
            _textbox(slide, MARGIN, TOP, W - 2 * MARGIN, BOTTOM - TOP, lines)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
