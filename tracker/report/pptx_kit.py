"""The PPTX engine: a block :class:`~tracker.report.blocks.Document` as council slides (python-pptx, 16:9).

The slides are the document's own blocks, every chapter in order, so they say what the PDF and DOCX say:

- a cover slide from the paragraphs before the first page break (title, round, organization);
- the contents as an agenda slide (the chapters);
- a slide per table (its caption as the slide title, the section it belongs to above it), continued over
  as many slides as its rows need (the header repeated, "(ต่อ)" in the title). The full project list is
  paged this way per strategy and programme: never cut, every row on exactly one slide;
- a slide per chart, drawn as the PDF and DOCX draw it (:func:`tracker.report.html_pdf.figures_to_png`),
  followed by its table;
- the running text of every chapter (introduction, notes, satisfaction, problems and recommendations, the
  committee's opinion, the annexes) on slides titled by its section, continued when long; a short text
  right before a table goes above it, a short note right after a table below it, on the same slide.

Heights are measured, not guessed: text is wrapped with the Thai word breaker (:func:`tracker.thai.wrap`)
in the metrics of the font LibreOffice draws TH Sarabun New with (TLWG Laksaman, :mod:`tracker.report.fonts`),
each line as tall as that font's ascent + descent + gap, and every table row is given the height of its tallest
wrapped cell (LibreOffice never grows a row to fit its text). No column is narrower than its longest
unbreakable piece (a Thai word, a number with its unit), so no program has to break inside a word.
Every run names the Thai font for Latin, East Asian and complex script (:func:`tracker.report.pptx.run_font`)
and lets Thai break only between words (:func:`tracker.report.pptx.slide_text`); every slide carries
the document's header (the demo marking, in red), its footer and "สไลด์ n/N".
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from tracker import thai
from tracker.i18n import t
from tracker.report import blocks as B
from tracker.report import fonts
from tracker.report.pptx import INK, MUTED, run_font, slide_text

W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
WIDTH = W - 2 * MARGIN
TITLE_Y = Inches(0.38)            # below the demo marking
TOP = Inches(1.3)                 # below a one-line title
BOTTOM = H - Inches(0.7)          # above the footer
DEMO_RED = RGBColor(0xB3, 0x26, 0x1E)
HEAD_FILL = RGBColor(0xDC, 0xE6, 0xF1)
TOTAL_FILL = RGBColor(0xF2, 0xF2, 0xF2)
TABLE_SIZE = 13                   # points
SMALLEST_TABLE = 10               # a wide table steps down to this size before any column is narrower than a word
FIT_SIZE = 11                     # a table a little too tall for one slide steps down to this size to fit on one
TEXT_SIZE = 18                    # running text on its own slides
NOTE_SIZE = 14                    # text above or below a table
TITLE_SIZE, LONG_TITLE_SIZE, CRUMB_SIZE = 24, 20, 13
CELL_MARGIN_X = Pt(7.2)           # python-pptx / PowerPoint default left and right cell margins (0.1")
CELL_MARGIN_Y = Pt(2)
FILL = 0.93                       # share of a line the wrapped text may fill (LibreOffice's own rounding)
PARA_GAP = 0.35                   # space after a paragraph, as a share of its point size
#: without the font file (a machine without fonts-thai-tlwg): average character width and line height,
#: as shares of the point size, and a Latin character's width as a share of a Thai one
CHAR_WIDTH, LATIN, FALLBACK_LINE = 0.5, 0.85, 1.75


@dataclass
class Slide:
    """One slide: a title and what it shows (a table part, a chart picture or text paragraphs).

    ``crumb`` names the chapter and section the slide belongs to; ``paragraphs`` are the slide's text
    (above the table on a table slide), ``after`` the notes below its table; ``free`` the height left."""
    title: str
    table: B.Table | None = None
    rows: tuple = ()
    first_row: int = 0            # index in the table of the slide's first row
    picture: bytes | None = None
    alt: str = ""
    paragraphs: list[B.Paragraph] = field(default_factory=list)
    cover: bool = False
    crumb: str = ""
    after: list[B.Paragraph] = field(default_factory=list)
    size: float = TABLE_SIZE      # the table's point size
    widths: tuple[int, ...] = ()  # the table's column widths (EMU)
    free: int = 0


# ------------------------------------------------------------------------------------------ measuring

def _text_of(cell) -> str:
    return cell.text if isinstance(cell, B.Cell) else str(cell)


def _measure(size: float, bold: bool) -> Callable[[str], float] | None:
    """The advance width (points) of a text in the font LibreOffice draws, or None without the font file."""
    return fonts.text_measure(size, bold)


@lru_cache(maxsize=1)
def _line_share() -> float:
    """A line's height as a share of the point size, as LibreOffice sets the font: its typographic ascent +
    descent + line gap when the font asks for them (USE_TYPO_METRICS; Laksaman: 1.715), else hhea's."""
    from tracker.report.fonts import FontMissing, font_file

    try:
        from fontTools.ttLib import TTFont

        font = TTFont(font_file(""), lazy=True)
        os2, hhea = font["OS/2"], font["hhea"]
        if os2.fsSelection & (1 << 7):
            units = os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap
        else:
            units = hhea.ascent - hhea.descent + hhea.lineGap
        return units / font["head"].unitsPerEm
    except (FontMissing, ImportError, KeyError):
        return FALLBACK_LINE


def _fallback(size: float, bold: bool) -> Callable[[str], float]:
    per = size * CHAR_WIDTH * (1.15 if bold else 1.0)
    return lambda text: per * sum(0.0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else LATIN if ch.isascii()
                                  else 1.0 for ch in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Points ``text`` takes on one line at ``size``."""
    return (_measure(size, bold) or _fallback(size, bold))(text)


def line_count(text: str, width: int, size: float, bold: bool = False) -> int:
    """Lines ``text`` takes in ``width`` EMU at ``size`` points, broken only between Thai words."""
    measure = _measure(size, bold) or _fallback(size, bold)
    return len(thai.wrap(str(text), width / Pt(1) * FILL, measure=measure))


def line_height(size: float) -> int:
    return int(Pt(size) * _line_share())


def row_height(texts, widths, size: float, *, bold: bool = False) -> int:
    """The height (EMU) a table row takes: its tallest cell, each cell's text wrapped to its column."""
    lines = max([1, *(line_count(text, w - 2 * CELL_MARGIN_X, size, bold) for text, w in zip(texts, widths))])
    return lines * line_height(size) + 2 * CELL_MARGIN_Y + Pt(2)


def text_height(paragraphs, size: float, width: int = WIDTH) -> int:
    """The height (EMU) ``paragraphs`` take in a text box ``width`` wide at ``size`` points."""
    return sum(line_count(p.text, width - Inches(0.2), size, p.bold) * line_height(size) + int(Pt(size) * PARA_GAP)
               for p in paragraphs) + Inches(0.1)


def _widest_piece(texts, size: float, bold: bool) -> float:
    if _measure(size, bold) is None:
        fallback = _fallback(size, bold)
        return max([0.0, *(fallback(p) for text in texts for p in thai.pieces(text))])
    return fonts.widest_piece(texts, size, bold)


def column_widths(table: B.Table, width: int = WIDTH, size: float = TABLE_SIZE) -> list[int]:
    """The columns' widths (EMU): the document's relative widths, but none narrower than its longest
    unbreakable piece (a Thai word, a number) in the header (bold) or a cell (:func:`tracker.report.fonts.fit_widths`)."""
    floor = [Pt(max(_widest_piece([c.title], size, True), _widest_piece([_text_of(r[j]) for r in table.rows], size,
                                                                           False)) + 1) + 2 * CELL_MARGIN_X
             for j, c in enumerate(table.columns)]
    return [int(w) for w in fonts.fit_widths([c.width for c in table.columns], floor, width)]


def table_size(table: B.Table) -> float:
    """The table's point size: :data:`TABLE_SIZE`, smaller for a table too wide to keep its words whole."""
    size = TABLE_SIZE
    while size > SMALLEST_TABLE:
        floor = sum(Pt(_widest_piece([c.title], size, True) + 1) + 2 * CELL_MARGIN_X for c in table.columns)
        floor = max(floor, sum(Pt(_widest_piece([_text_of(r[j]) for r in table.rows], size, False) + 1)
                               + 2 * CELL_MARGIN_X for j in range(len(table.columns))))
        if floor <= WIDTH:
            break
        size -= 1
    return size


def title_top(title: str, crumb: str) -> int:
    """Where the body starts below the slide's crumb and title (a long title wraps onto two lines)."""
    size = TITLE_SIZE if len(title) <= 70 else LONG_TITLE_SIZE
    h = line_count(title, WIDTH - Inches(0.2), size, True) * line_height(size)
    if crumb:
        h += line_count(crumb, WIDTH - Inches(0.2), CRUMB_SIZE) * line_height(CRUMB_SIZE)
    return max(TOP, TITLE_Y + h + Inches(0.15))


# ---------------------------------------------------------------------------------------------- slides

def table_slides(title: str, table: B.Table, lang: str, *, crumb: str = "",
                 intro: list[B.Paragraph] | None = None, notes: list[B.Paragraph] | None = None) -> list[Slide]:
    """``table`` cut into slides that each fit: as many rows as the slide's height holds, header repeated.
    ``intro``: text above the table on its first slide; ``notes``: below it on its last slide."""
    intro, notes = list(intro or []), list(notes or [])
    size = table_size(table)
    parts = _table_parts(title, table, lang, crumb, intro, size, notes)
    for smaller in range(int(size) - 1, FIT_SIZE - 1, -1):   # a table a little too tall for one slide fits in one
        if len(parts) == 1:
            break
        fitted = _table_parts(title, table, lang, crumb, intro, smaller, notes)
        if len(fitted) == 1:
            parts = fitted
    return parts


def _table_parts(title: str, table: B.Table, lang: str, crumb: str, intro: list[B.Paragraph],
                 size: float, notes: list[B.Paragraph]) -> list[Slide]:
    widths = column_widths(table, WIDTH, size)
    more = t("pptx.continued", lang, title=title)
    top = title_top(more, crumb)
    head = row_height([c.title for c in table.columns], widths, size, bold=True)
    heights = [row_height([_text_of(c) for c in row], widths, size) for row in table.rows]
    first_total = len(table.rows) - table.total_rows
    out: list[list[int]] = []
    part: list[int] = []
    room = BOTTOM - top - head - (text_height(intro, NOTE_SIZE) if intro else 0)
    used = 0
    for i, h in enumerate(heights):
        if part and used + h > room:
            carry = [part.pop()] if i >= first_total and len(part) > 1 else []   # no total alone on a slide
            out.append(part)
            part = carry
            used = sum(heights[k] for k in part)
            room = BOTTOM - top - head
        part.append(i)
        used += h
    out.append(part)
    below = text_height(notes, NOTE_SIZE) if notes else 0
    if below and used + below > room:     # the notes need the last slide's room: its last rows go on one more
        keep = list(out[-1])
        moved: list[int] = []
        while keep and sum(heights[k] for k in keep) + below > BOTTOM - top - head - (
                text_height(intro, NOTE_SIZE) if intro and len(out) == 1 else 0):
            moved.insert(0, keep.pop())
        if keep and len(moved) == 1 and moved[0] >= first_total and len(keep) > 1:
            moved.insert(0, keep.pop())           # no total alone on a slide
        out[-1:] = [keep, moved] if keep else [moved]
    slides_ = []
    for n, idx in enumerate(out):
        last = n == len(out) - 1
        above = text_height(intro, NOTE_SIZE) if n == 0 and intro else 0
        after = notes if last else []
        free = BOTTOM - top - head - sum(heights[i] for i in idx) - above - (below if last else 0)
        slides_.append(Slide(title if n == 0 else more, table=table, rows=tuple(table.rows[i] for i in idx),
                             first_row=idx[0] if idx else 0, crumb=crumb, paragraphs=intro if n == 0 else [],
                             size=size, widths=tuple(widths), after=list(after), free=free))
    return slides_


def _text_slides(title: str, paragraphs: list[B.Paragraph], lang: str, crumb: str = "") -> list[Slide]:
    """``paragraphs`` on as many slides as their measured height needs (a paragraph is never split)."""
    more = t("pptx.continued", lang, title=title)
    room = BOTTOM - title_top(more, crumb)
    out, part, used = [], [], 0
    for p in paragraphs:
        h = text_height([p], _size(p))
        if part and used + h > room:
            out.append(part)
            part, used = [], 0
        part.append(p)
        used += h
    out.append(part)
    return [Slide(title if i == 0 else more, paragraphs=ps, crumb=crumb) for i, ps in enumerate(out)]


def _size(p: B.Paragraph) -> float:
    return {"small": NOTE_SIZE, "subtitle": 22}.get(p.style, TEXT_SIZE)


def slides(doc: B.Document, *, images: list[bytes] | None = None) -> list[Slide]:
    """The deck's slides in order (see the module's description). ``images``: the charts as PNG, in
    document order (drawn here when not given)."""
    if images is None:
        figures = doc.figures()
        if figures:
            from tracker.report.html_pdf import figures_to_png
            images = figures_to_png(figures)
        else:
            images = []
    pictures = iter(images)
    cover: list[B.Paragraph] = []
    out: list[Slide] = []
    started = False
    path = ["", "", ""]                 # the current heading of levels 1–3
    pending: list[B.Paragraph] = []
    last_table: list[Slide] = []        # the last table's last slide, while nothing came after it

    def title_and_crumb() -> tuple[str, str]:
        levels = [h for h in path if h]
        return (levels[-1] if levels else doc.title), " › ".join(levels[:-1][-2:])

    def crumb_for(title: str) -> str:
        levels = [h for h in path if h and h != title]
        return " › ".join(levels[-2:])

    def flush() -> None:
        if not pending:
            return
        if last_table and last_table[0].free >= text_height(pending, NOTE_SIZE):
            last_table[0].after.extend(pending)
            last_table[0].free -= text_height(pending, NOTE_SIZE)
        else:
            title, crumb = title_and_crumb()
            out.extend(_text_slides(title, list(pending), doc.lang, crumb))
        pending.clear()
        last_table.clear()

    blocks = list(doc.walk())
    i = 0
    while i < len(blocks):
        b = blocks[i]
        i += 1
        if not started:
            if isinstance(b, B.Paragraph):
                cover.append(b)
                continue
            started = True
            out.append(Slide(doc.title, paragraphs=cover, cover=True))
        if isinstance(b, B.Heading):
            flush()
            last_table.clear()
            path[b.level - 1:] = [b.text] + [""] * (3 - b.level)
        elif isinstance(b, B.Paragraph):
            pending.append(b)
        elif isinstance(b, B.NumberedList):
            pending.extend(B.Paragraph(f"{n}. {item}") for n, item in enumerate(b.items, 1))
        elif isinstance(b, B.Contents):
            flush()
            chapters = [B.Paragraph(h.text) for h in doc.headings() if h.level == 1]
            out.extend(_text_slides(b.title, chapters, doc.lang))
        elif isinstance(b, (B.Table, B.Figure)):
            intro: list[B.Paragraph] = []
            if isinstance(b, B.Table) and pending and text_height(pending, NOTE_SIZE) <= (BOTTOM - TOP) // 4:
                intro, pending[:] = list(pending), []
            flush()
            notes = []          # the notes right after a table (the base of its percentages) stay with it
            while i < len(blocks) and isinstance(blocks[i], B.Paragraph) and blocks[i].style == "small":
                notes.append(blocks[i])
                i += 1
            table = b if isinstance(b, B.Table) else b.table
            if isinstance(b, B.Figure):
                out.append(Slide(b.caption, picture=next(pictures), alt=b.alt, crumb=crumb_for(b.caption)))
            if table is not None:
                title = table.caption or (b.caption if isinstance(b, B.Figure) else title_and_crumb()[0])
                parts = table_slides(title, table, doc.lang, crumb=crumb_for(title), intro=intro, notes=notes)
                out.extend(parts)
                last_table[:] = parts[-1:]
            else:
                pending.extend(notes)
    flush()
    if not started:
        out.insert(0, Slide(doc.title, paragraphs=cover, cover=True))
    return out


# --------------------------------------------------------------------------------------------- drawing

def _textbox(slide, x, y, w, h, lines, *, align=None):
    """A text box of ``lines`` = (text, size, bold, colour[, alignment])."""
    box = slide.shapes.add_textbox(x, y, w, h)
    tf = box.text_frame
    tf.word_wrap = True
    for i, (text, size, bold, colour, *own) in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        if own and own[0] is not None:
            p.alignment = own[0]
        elif align is not None:
            p.alignment = align
        p.space_after = Pt(size * PARA_GAP)
        r = p.add_run()
        r.text = slide_text(text)
        run_font(r, size, bold, colour)
    return box


def _para_lines(paragraphs, size: float | None = None):
    centred = {"center": PP_ALIGN.CENTER, "subtitle": PP_ALIGN.CENTER, "title": PP_ALIGN.CENTER}
    return [(p.text, size or _size(p), p.bold or p.style in ("subtitle", "title"), INK, centred.get(p.style))
            for p in paragraphs]


def _table(slide, s: Slide, top: int) -> int:
    table, size, widths = s.table, s.size, list(s.widths)
    heights = [row_height([c.title for c in table.columns], widths, size, bold=True)]
    heights += [row_height([_text_of(c) for c in row], widths, size) for row in s.rows]
    shape = slide.shapes.add_table(len(s.rows) + 1, len(table.columns), MARGIN, top, Emu(sum(widths)),
                                   Emu(sum(heights)))
    tbl = shape.table
    for j, w in enumerate(widths):
        tbl.columns[j].width = Emu(w)
    first_total = len(table.rows) - table.total_rows
    for i, h in enumerate(heights):
        tbl.rows[i].height = Emu(h)
    for j, col in enumerate(table.columns):
        _cell(tbl.cell(0, j), col.title, col.align, size, bold=True, fill=HEAD_FILL)
    for i, row in enumerate(s.rows, 1):
        total = s.first_row + i - 1 >= first_total
        for j, (col, raw) in enumerate(zip(table.columns, row)):
            c = raw if isinstance(raw, B.Cell) else B.Cell(str(raw))
            fill = RGBColor.from_string(c.fill.lstrip("#")) if c.fill else TOTAL_FILL if total else None
            _cell(tbl.cell(i, j), c.text, col.align, size, bold=c.bold or total, fill=fill)
    return top + sum(heights)


def _cell(cell, text: str, align: str, size: float, *, bold: bool, fill) -> None:
    cell.text = ""
    p = cell.text_frame.paragraphs[0]
    p.alignment = {"right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}.get(align, PP_ALIGN.LEFT)
    r = p.add_run()
    r.text = slide_text(text)
    run_font(r, size, bold)
    cell.text_frame.word_wrap = True
    cell.margin_left = cell.margin_right = CELL_MARGIN_X
    cell.margin_top = cell.margin_bottom = CELL_MARGIN_Y
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = fill


def _picture(slide, s: Slide, top: int) -> None:
    from PIL import Image

    img = Image.open(io.BytesIO(s.picture))
    room_w, room_h = WIDTH, BOTTOM - top
    scale = min(room_w / img.width, room_h / img.height)
    w, h = int(img.width * scale), int(img.height * scale)
    pic = slide.shapes.add_picture(io.BytesIO(s.picture), int((W - w) / 2), top, Emu(w), Emu(h))
    pic._element.nvPicPr.cNvPr.set("descr", s.alt)


def _frame(prs, doc: B.Document, s: Slide, n: int, total: int):
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    if doc.header:
        _textbox(slide, MARGIN, Inches(0.02), WIDTH, Inches(0.35), [(doc.header, 14, True, DEMO_RED)],
                 align=PP_ALIGN.CENTER)
    if not s.cover:
        size = TITLE_SIZE if len(s.title) <= 70 else LONG_TITLE_SIZE
        lines = ([(s.crumb, CRUMB_SIZE, False, MUTED)] if s.crumb else []) + [(s.title, size, True, INK)]
        _textbox(slide, MARGIN, TITLE_Y, WIDTH, title_top(s.title, s.crumb) - TITLE_Y, lines)
    _textbox(slide, MARGIN, H - Inches(0.55), W - Inches(3), Inches(0.4), [(doc.footer, 12, False, MUTED)])
    _textbox(slide, W - Inches(2.5), H - Inches(0.55), Inches(2), Inches(0.4),
             [(t("meeting.slide_n", doc.lang, n=n, total=total), 12, False, MUTED)], align=PP_ALIGN.RIGHT)
    return slide


def render_pptx(doc: B.Document, *, images: list[bytes] | None = None) -> bytes:
    """The document as a 16:9 deck (see :func:`slides`)."""
    deck = slides(doc, images=images)
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    for n, s in enumerate(deck, 1):
        slide = _frame(prs, doc, s, n, len(deck))
        top = title_top(s.title, s.crumb)
        if s.cover:
            sizes = {"title": 34, "subtitle": 26}
            lines = [(p.text, sizes.get(p.style, 20), p.bold or p.style in sizes,
                      DEMO_RED if doc.header and p.text == doc.header else INK) for p in s.paragraphs]
            _textbox(slide, MARGIN, Inches(1.0), WIDTH, Inches(5.5), lines, align=PP_ALIGN.CENTER)
        elif s.table is not None:
            if s.paragraphs:
                h = text_height(s.paragraphs, NOTE_SIZE)
                _textbox(slide, MARGIN, top, WIDTH, h, _para_lines(s.paragraphs, NOTE_SIZE))
                top += h
            top = _table(slide, s, top)
            if s.after:
                _textbox(slide, MARGIN, top + Inches(0.05), WIDTH, text_height(s.after, NOTE_SIZE),
                         _para_lines(s.after, NOTE_SIZE))
        elif s.picture is not None:
            _picture(slide, s, top)
        else:
            _textbox(slide, MARGIN, top, WIDTH, BOTTOM - top, _para_lines(s.paragraphs))
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
