"""The DOCX engine: Word documents an officer can edit in Word or LibreOffice (python-docx).

:class:`DocxKit` builds one document piece by piece with Thai official-document defaults:

- font "TH Sarabun New" for Latin, East Asian **and complex script** (``w:cs``; Word draws Thai with
  the complex-script font and size, so ``szCs`` and ``bCs`` are set beside ``sz`` and ``b``); body
  16 pt; language th-TH for complex script; theme fonts removed from the styles (they would win);
- headings in Word's own Heading 1–3 styles, so the table of contents (a real TOC field, refreshed
  when Word opens the file: ``updateFields``) and the navigation pane follow them;
- real tables: header row repeated on every page, rows that do not split, fixed column widths,
  numbers right-aligned, shading; paragraph styles "Table Text"/"Table Heading" to restyle them all;
- charts as PNG with alt text and a caption in Word's Caption style;
- a header line (the demo marking) and a footer with "page X/Y" fields in every section;
  landscape sections for wide tables; page breaks; numbered lists restarting at 1.

:func:`render_docx` writes a :class:`~tracker.report.blocks.Document` with it; the chart images
come from :func:`tracker.report.html_pdf.figures_to_png`, drawn like the PDF's.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from docx import Document as _new_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from tracker.i18n import t
from tracker.report import blocks as B
from tracker.report import fonts

#: The font of Thai government documents; installed on office PCs. Without it LibreOffice falls back
#: through fontconfig, which maps "TH Sarabun*" to TLWG Laksaman (fonts-thai-tlwg).
OFFICE_FONT = "TH Sarabun New"
#: Point sizes (TH Sarabun New is small per point: 16 pt is the official body size).
SIZES = {"body": 16, "small": 14, "table": 14, "title": 24, "subtitle": 18, "caption": 16, "header": 14, "footer": 12,
         "h1": 20, "h2": 18, "h3": 16, "toc": 16}
#: A4 and the official margins (mm): top, right, bottom, left; header/footer distance.
A4 = (210, 297)
MARGINS = (25, 20, 20, 30)
HEADER_DISTANCE = 12
INK = RGBColor(0, 0, 0)
DEMO_RED = RGBColor(0xB3, 0x26, 0x1E)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


# ---------------------------------------------------------------------------------------- XML helpers

def _child(parent, tag: str, before: Sequence[str] = ()):
    """The ``tag`` child of ``parent``, created if missing (before the first of ``before`` present)."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        for name in before:
            nxt = parent.find(qn(name))
            if nxt is not None:
                nxt.addprevious(el)
                break
        else:
            parent.append(el)
    return el


def set_fonts(rpr, font: str, *, size: float | None = None, bold: bool | None = None, lang: str | None = None) -> None:
    """On a ``w:rPr``: ``font`` for all four scripts, ``size`` (pt) as ``sz`` and ``szCs``, ``bold`` as
    ``b`` and ``bCs``, and ``lang`` (``w:val``; complex script and East Asian are always th-TH)."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            el = getattr(rpr, "get_or_add_" + tag[2:])()
            if not bold:
                el.set(qn("w:val"), "0")
            else:
                el.attrib.pop(qn("w:val"), None)
    if size is not None:
        half_points = str(round(size * 2))
        rpr.get_or_add_sz().set(qn("w:val"), half_points)
        _child(rpr, "w:szCs", before=("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
                                      "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang")).set(qn("w:val"), half_points)
    if lang is not None:
        el = _child(rpr, "w:lang", before=("w:eastAsianLayout", "w:specVanish", "w:oMath"))
        el.set(qn("w:val"), lang)
        el.set(qn("w:eastAsia"), "th-TH")
        el.set(qn("w:bidi"), "th-TH")


def _shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = _child(tcpr, "w:shd", before=("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"))
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#").upper())


def _row_flags(row, *, header: bool) -> None:
    trpr = row._tr.get_or_add_trPr()
    _child(trpr, "w:cantSplit")
    if header:
        _child(trpr, "w:tblHeader")


def _run(*children, text: str | None = None):
    """A ``w:r`` holding ``children`` and/or ``text``."""
    run = OxmlElement("w:r")
    for child in children:
        run.append(child)
    if text is not None:
        t_el = OxmlElement("w:t")
        t_el.set(qn("xml:space"), "preserve")
        t_el.text = text
        run.append(t_el)
    return run


def _field(instruction: str, shown: str = "") -> list:
    """The runs of a complex field ``{ instruction }`` showing ``shown`` until Word recomputes it."""
    def char(kind):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    return [_run(char("begin")), _run(instr), _run(char("separate")), _run(text=shown), _run(char("end"))]


# ---------------------------------------------------------------------------------------- the kit

class DocxKit:
    """A Word document with Thai styles, built block by block; :meth:`to_bytes` gives the .docx.

    ``header`` is printed at the top of every page of every section (e.g. the demo marking);
    ``footer`` at the bottom left, with "page X/Y" (catalog ``report.page_n``) at the right."""

    def __init__(self, *, title: str = "", author: str = "", lang: str = "th", header: str = "", footer: str = "",
                 font: str = OFFICE_FONT):
        self.doc = _new_document()
        self.lang, self.font, self.header_text, self.footer_text = lang, font, header, footer
        self._headings: list[tuple[int, str, str]] = []      # (level, text, bookmark)
        self._tocs: list[tuple[object, int]] = []            # (placeholder paragraph, levels)
        self._bookmark_id = 0
        self._style_ids: dict[str, str] = {}
        props = self.doc.core_properties
        props.title, props.author, props.language = title, author, "th-TH" if lang == "th" else "en-US"
        self._styles()
        self._settings()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(A4[0]), Mm(A4[1])
        self._page_setup(section)

    # ---------------------------------------------------------------- document set-up

    def _styles(self) -> None:
        styles = self.doc.styles
        ui_lang = "th-TH" if self.lang == "th" else "en-US"
        rpr_default = self.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        set_fonts(rpr_default, self.font, size=SIZES["body"], lang=ui_lang)
        ppr_default = self.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
        spacing = _child(ppr_default, "w:spacing")
        spacing.set(qn("w:after"), "80")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")

        def para_style(name: str, *, size: float, bold: bool = False, colour: RGBColor = INK, base: str | None = None,
                       align=None, before: float | None = None, after: float | None = None):
            try:
                style = styles[name]
            except KeyError:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = styles[base or "Normal"]
                style.quick_style = True
            set_fonts(style.element.get_or_add_rPr(), self.font, size=size, bold=bold)
            style.font.color.rgb = colour
            rpr = style.element.rPr
            for tag in ("w:i", "w:iCs"):
                el = rpr.find(qn(tag))
                if el is not None:
                    rpr.remove(el)
            fmt = style.paragraph_format
            if align is not None:
                fmt.alignment = align
            if before is not None:
                fmt.space_before = Pt(before)
            if after is not None:
                fmt.space_after = Pt(after)
            return style

        para_style("Normal", size=SIZES["body"])
        for level in (1, 2, 3):
            s = para_style(f"Heading {level}", size=SIZES[f"h{level}"], bold=True, before=12 if level == 1 else 8,
                           after=4)
            s.paragraph_format.keep_with_next = True
        para_style("Title", size=SIZES["title"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
        title = styles["Title"].element.pPr
        for tag in ("w:pBdr",):
            el = title.find(qn(tag))
            if el is not None:
                title.remove(el)
        sub = para_style("Subtitle", size=SIZES["subtitle"], align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
        numpr = sub.element.pPr.find(qn("w:numPr"))
        if numpr is not None:
            sub.element.pPr.remove(numpr)
        para_style("Caption", size=SIZES["caption"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=2, after=10)
        para_style("Small Text", size=SIZES["small"])
        para_style("Table Text", size=SIZES["table"], after=0)
        para_style("Table Heading", size=SIZES["table"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
        para_style("Table Caption", size=SIZES["body"], bold=True, before=6, after=2).paragraph_format.keep_with_next = True
        for name in ("Header", "Footer"):
            s = para_style(name, size=SIZES[name.lower()], after=0)
            s.paragraph_format.tab_stops.clear_all()    # Letter-size stops of the template
        styles["Header"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para_style("TOC Heading", size=SIZES["h1"], bold=True, base="Heading 1", after=6)
        para_style("List Number", size=SIZES["body"])
        for level in (1, 2, 3):
            s = para_style(f"toc {level}", size=SIZES["toc"], after=0)
            s.paragraph_format.left_indent = Mm(7 * (level - 1))
        for name in ("Heading 1 Char", "Heading 2 Char", "Heading 3 Char", "Title Char", "Subtitle Char"):
            try:
                rpr = styles[name].element.get_or_add_rPr()
            except KeyError:
                continue
            set_fonts(rpr, self.font)
            col = rpr.find(qn("w:color"))
            if col is not None:
                rpr.remove(col)
        self._toc_styles_tabs()

    def _toc_styles_tabs(self) -> None:
        width = self._text_width_mm(landscape=False)
        for level in (1, 2, 3):
            fmt = self.doc.styles[f"toc {level}"].paragraph_format
            fmt.tab_stops.add_tab_stop(Mm(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)

    def _settings(self) -> None:
        settings = self.doc.settings.element
        update = _child(settings, "w:updateFields", before=("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr",
                                                            "w:compat", "w:docVars", "w:rsids"))
        update.set(qn("w:val"), "true")
        lang = settings.find(qn("w:themeFontLang"))
        if lang is not None:
            lang.set(qn("w:val"), "th-TH" if self.lang == "th" else "en-US")
            lang.attrib.pop(qn("w:eastAsia"), None)
            lang.set(qn("w:bidi"), "th-TH")

    @staticmethod
    def _text_width_mm(*, landscape: bool) -> float:
        top, right, bottom, left = MARGINS
        return (A4[1] if landscape else A4[0]) - left - right

    @property
    def landscape_now(self) -> bool:
        return self.doc.sections[-1].orientation == WD_ORIENT.LANDSCAPE

    @property
    def text_width_mm(self) -> float:
        return self._text_width_mm(landscape=self.landscape_now)

    def _page_setup(self, section) -> None:
        top, right, bottom, left = MARGINS
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        section.header_distance = section.footer_distance = Mm(HEADER_DISTANCE)
        width = self._text_width_mm(landscape=section.orientation == WD_ORIENT.LANDSCAPE)

        header = section.header
        header.is_linked_to_previous = False
        p = header.paragraphs[0]
        p.text = ""
        p.style = self.doc.styles["Header"]
        if self.header_text:
            run = p.add_run(self.header_text)
            set_fonts(run._r.get_or_add_rPr(), self.font, bold=True)
            run.font.color.rgb = DEMO_RED

        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.text = ""
        p.style = self.doc.styles["Footer"]
        p.paragraph_format.tab_stops.add_tab_stop(Mm(width), WD_TAB_ALIGNMENT.RIGHT)
        if self.footer_text:
            p.add_run(self.footer_text)
        p.add_run("\t")
        label = t("report.page_n", self.lang, n="\x00", total="\x01")
        before, rest = label.split("\x00")
        middle, after = rest.split("\x01")
        p.add_run(before)
        p._p.extend(_field("PAGE", "1"))
        p.add_run(middle)
        p._p.extend(_field("NUMPAGES", "1"))
        p.add_run(after)

    # ---------------------------------------------------------------- blocks

    def _add(self, text: str = "", *, style: str):
        """A new paragraph of ``style`` at the end of the document (the style set by :meth:`_style`)."""
        p = self.doc.add_paragraph(text)
        self._style(p, style)
        return p

    def _style(self, paragraph, name: str) -> None:
        """Set a paragraph style by name (python-docx's own lookup scans every style each time)."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = self._style_ids[name]

    def heading(self, text: str, level: int = 1, *, page_break_before: bool = False):
        """A Heading 1–3 paragraph with a bookmark the table of contents links to."""
        p = self._add(style=f"Heading {level}")
        if page_break_before:
            p.paragraph_format.page_break_before = True
        self._bookmark_id += 1
        name = f"_Toc{self._bookmark_id:06d}"
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark_id))
        start.set(qn("w:name"), name)
        p._p.append(start)
        p.add_run(text)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmark_id))
        p._p.append(end)
        self._headings.append((level, text, name))
        return p

    def paragraph(self, text: str, *, style: str = "body", bold: bool = False):
        """A paragraph; ``style`` 'body', 'small', 'title', 'subtitle' or 'center'."""
        name = {"body": "Normal", "small": "Small Text", "title": "Title", "subtitle": "Subtitle",
                "center": "Normal"}[style]
        p = self._add(style=name)
        run = p.add_run(text)
        if bold:
            set_fonts(run._r.get_or_add_rPr(), self.font, bold=True)
        if style == "center":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    def numbered(self, items: Iterable[str]) -> list:
        """Paragraphs numbered 1. 2. 3. in Word's List Number style, starting again at 1."""
        numbering = self.doc.part.numbering_part.element
        style_num = self.doc.styles["List Number"].element.pPr.numPr.numId.val
        num = numbering.add_num(numbering.num_having_numId(style_num).abstractNumId.val)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        out = []
        for text in items:
            p = self._add(text, style="List Number")
            numpr = p._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = 0
            numpr.get_or_add_numId().val = num.numId
            out.append(p)
        return out

    def contents(self, title: str, *, levels: int = 2) -> None:
        """The table of contents: a TOC field over Heading 1–``levels``, its entries linked to the
        headings. Word rebuilds it with page numbers when it opens the file (``updateFields``; it asks
        first); LibreOffice shows the entries and adds page numbers on Tools › Update › Update All."""
        self._add(title, style="TOC Heading")
        self._tocs.append((self.doc.add_paragraph(), levels))

    def _fill_contents(self) -> None:
        """Replace each contents placeholder by the TOC field: its result is one paragraph per heading,
        linked to the heading's bookmark, with a PAGEREF page number."""
        from docx.text.paragraph import Paragraph

        for placeholder, levels in self._tocs:
            entries = [h for h in self._headings if h[0] <= levels] or [(1, "", "")]
            begin, instr, separate, _, end = _field(f'TOC \\o "1-{levels}" \\h \\z \\u')
            begin[0].set(qn("w:dirty"), "true")      # Word: "this field is out of date"
            for i, (level, text, bookmark) in enumerate(entries):
                p = Paragraph(OxmlElement("w:p"), placeholder._parent)
                placeholder._p.addprevious(p._p)
                self._style(p, f"toc {level}")
                if i == 0:
                    p._p.extend([begin, instr, separate])
                if bookmark:
                    link = OxmlElement("w:hyperlink")
                    link.set(qn("w:anchor"), bookmark)
                    link.set(qn("w:history"), "1")
                    link.extend([_run(text=text), _run(OxmlElement("w:tab")), *_field(f"PAGEREF {bookmark} \\h")])
                    p._p.append(link)
                if i == len(entries) - 1:
                    p._p.append(end)
            placeholder._p.getparent().remove(placeholder._p)

    def table(self, columns: Sequence[B.Column], rows: Sequence[Sequence[str | B.Cell]], *, caption: str = "",
              total_rows: int = 0, header_fill: str = "#dce6f1", total_fill: str = "#f2f2f2",
              font_size: float | None = None):
        """A Word table over the text width: header row repeated on each page, rows kept whole,
        columns sized by their relative ``width``, aligned by ``align``; cells ``str`` or :class:`Cell`."""
        if caption:
            self._add(caption, style="Table Caption")
        table = self.doc.add_table(rows=1, cols=len(columns))
        if "Table Grid" not in self._style_ids:       # by id: python-docx scans every style per lookup
            self._style_ids["Table Grid"] = self.doc.styles["Table Grid"].style_id
        table._tbl.tblPr.style = self._style_ids["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tblpr = table._tbl.tblPr
        layout = _child(tblpr, "w:tblLayout", before=("w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"))
        layout.set(qn("w:type"), "fixed")
        margins = _child(tblpr, "w:tblCellMar", before=("w:tblLook", "w:tblCaption", "w:tblDescription"))
        for side, twips in (("w:top", 20), ("w:left", 57), ("w:bottom", 20), ("w:right", 57)):
            el = _child(margins, side)
            el.set(qn("w:w"), str(twips))
            el.set(qn("w:type"), "dxa")
        if caption:
            desc = _child(tblpr, "w:tblCaption", before=("w:tblDescription",))
            desc.set(qn("w:val"), caption[:250])
        widths = [Mm(w) for w in column_widths_mm(columns, rows, self.text_width_mm, font_size or SIZES["table"])]
        for col, w in zip(table.columns, widths):
            col.width = w

        def fill(cell, text: str, style: str, align, bold: bool, shade: str | None, width):
            cell.width = width
            p = cell.paragraphs[0]
            self._style(p, style)
            if align is not None:
                p.alignment = align
            run = p.add_run(text)
            rpr = run._r.get_or_add_rPr()
            if bold:
                set_fonts(rpr, self.font, bold=True)
            if font_size:
                set_fonts(rpr, self.font, size=font_size)
            if shade:
                _shade(cell, shade)

        head = table.rows[0]
        _row_flags(head, header=True)
        for cell, col, w in zip(head.cells, columns, widths):
            fill(cell, col.title, "Table Heading", None, False, header_fill, w)
        first_total = len(rows) - total_rows
        for i, row in enumerate(rows):
            tr = table.add_row()
            _row_flags(tr, header=False)
            is_total = i >= first_total
            for cell, col, value, w in zip(tr.cells, columns, row, widths):
                c = value if isinstance(value, B.Cell) else B.Cell(str(value))
                fill(cell, c.text, "Table Text", ALIGN[col.align], c.bold or is_total,
                     c.fill or (total_fill if is_total else None), w)
        self._add(style="Table Text")   # Word needs a paragraph between two tables
        return table

    def picture(self, png: bytes, *, width_mm: float, caption: str, alt: str) -> None:
        """An image on its own centred line, ``alt`` text for screen readers, ``caption`` under it."""
        width_mm = min(width_mm, self.text_width_mm)
        p = self._add(style="Normal")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        shape = p.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
        doc_pr = shape._inline.docPr
        doc_pr.set("descr", alt)
        doc_pr.set("title", caption[:250])
        self._add(caption, style="Caption")

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def section(self, *, landscape: bool) -> None:
        """Start a new section on a new page, A4 landscape or portrait, with the same header and footer."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        w, h = (A4[1], A4[0]) if landscape else A4
        section.page_width, section.page_height = Mm(w), Mm(h)
        self._page_setup(section)

    def to_bytes(self) -> bytes:
        """The .docx file (the table of contents entries are filled in here)."""
        self._fill_contents()
        self._tocs = []
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


# ---------------------------------------------------------------------------------------- blocks -> DOCX

def _write(kit: DocxKit, items, images, *, landscape: bool = False) -> None:
    for b in items:
        if isinstance(b, B.Landscape):
            if landscape:
                raise TypeError("landscape sections do not nest")
            _write(kit, b.blocks, images, landscape=True)
            continue
        if kit.landscape_now != landscape:   # a new section only when something goes on its pages
            kit.section(landscape=landscape)
        if isinstance(b, B.Heading):
            kit.heading(b.text, b.level, page_break_before=b.page_break_before)
        elif isinstance(b, B.Paragraph):
            kit.paragraph(b.text, style=b.style, bold=b.bold)
        elif isinstance(b, B.NumberedList):
            kit.numbered(b.items)
        elif isinstance(b, B.Table):
            kit.table(b.columns, b.rows, caption=b.caption, total_rows=b.total_rows, header_fill=b.header_fill,
                      total_fill=b.total_fill, font_size=b.font_size)
        elif isinstance(b, B.Figure):
            kit.picture(next(images), width_mm=b.width_mm, caption=b.caption, alt=b.alt)
            if b.table:
                _write(kit, [b.table], images, landscape=landscape)
        elif isinstance(b, B.PageBreak):
            kit.page_break()
        elif isinstance(b, B.Contents):
            kit.contents(b.title, levels=b.levels)
        else:
            raise TypeError(f"not a report block: {b!r}")


def render_docx(doc: B.Document, *, images: list[bytes] | None = None) -> bytes:
    """The document as .docx. ``images`` are the charts' PNGs in document order (default: drawn now
    by :func:`tracker.report.html_pdf.figures_to_png`, the same drawing as in the PDF)."""
    if images is None:
        from tracker.report.html_pdf import figures_to_png

        images = figures_to_png(doc.figures())
    kit = DocxKit(title=doc.title, author=doc.author, lang=doc.lang, header=doc.header, footer=doc.footer)
    _write(kit, doc.blocks, iter(images))
    return kit.to_bytes()


#: a Word cell's left + right margins (the table's w:tblCellMar, 57 twips each) and a little slack, in mm
CELL_MARGINS_MM = 2 * 57 / 1440 * 25.4 + 0.6


def column_widths_mm(columns, rows, width_mm: float, size: float) -> list[float]:
    """Widths (mm) of a table's columns over ``width_mm``: their relative widths, but none narrower than
    its longest unbreakable piece (a Thai word, "households", a number) in the header (bold) or a cell at
    ``size`` points, so Word and LibreOffice never have to break inside a word."""
    pt_mm = 25.4 / 72
    floor = [max(fonts.widest_piece([c.title], size, True),
                 fonts.widest_piece([v.text if isinstance(v, B.Cell) else str(v) for v in (r[j] for r in rows)], size))
             * pt_mm + CELL_MARGINS_MM for j, c in enumerate(columns)]
    return fonts.fit_widths([c.width for c in columns], floor, width_mm)
