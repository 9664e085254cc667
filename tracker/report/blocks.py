"""The document model both report engines render: a list of blocks (heading, paragraph, table, ...).

A report is a :class:`Document` whose ``blocks`` are written once, from figures already formatted by
the one formatter (:mod:`tracker.fmt`): every cell and sentence is final text, so the PDF
(:mod:`tracker.report.html_pdf`) and the DOCX (:mod:`tracker.report.docx_kit`) show the same
characters. Charts are Plotly figures; both engines draw them with the same browser and fonts (SVG
in the PDF, PNG in the DOCX), and a :class:`Figure` may carry its figures as a table too.

No formatting decisions live here beyond what an officer would set in Word: heading level, column
alignment and relative width, shading, landscape sections, page breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Union

Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Heading:
    """A chapter or section title (Heading 1–3 in Word, ``<h1>``–``<h3>``); listed in the contents."""
    text: str
    level: int = 1
    page_break_before: bool = False

    def __post_init__(self):
        if self.level not in (1, 2, 3):
            raise ValueError(f"heading level must be 1, 2 or 3, not {self.level}")


@dataclass(frozen=True)
class Paragraph:
    """Body text. ``style`` 'body' (16 pt TH Sarabun New in Word), 'small', 'title' (cover) or 'center'."""
    text: str
    style: Literal["body", "small", "title", "subtitle", "center"] = "body"
    bold: bool = False


@dataclass(frozen=True)
class NumberedList:
    """Numbered paragraphs 1. 2. 3. (Word's List Number, restarting at 1 for each list)."""
    items: tuple[str, ...]


@dataclass(frozen=True)
class Column:
    """A table column: header text, alignment (numbers right), relative width (share of the line).

    ``parts`` name the spreadsheet columns of a column whose cells show several numbers, one name
    per number ("3 (25.0%)" is a count and a share: two cells in the XLSX, one in the PDF and DOCX)."""
    title: str
    align: Align = "left"
    width: float = 1.0
    parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cell:
    """A cell with emphasis: ``fill`` is a background colour '#rrggbb' (never the only carrier of
    meaning: the text says it too), ``bold`` for totals.

    ``numbers`` are the figures the text shows, in order, as (figure or column kind of
    :mod:`tracker.fmt`, raw value): a spreadsheet writes them as numbers with the number format that
    shows the same text (:func:`tracker.fmt.shown_number`, :func:`tracker.fmt.excel_format`)."""
    text: str
    fill: str | None = None
    bold: bool = False
    numbers: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return self.text


def number(kind: str, value, lang: str) -> Cell:
    """A cell of one figure: its text by the one formatter (:func:`tracker.fmt.cell`) and its value."""
    from tracker import fmt

    return Cell(fmt.cell(kind, value, lang), numbers=((kind, value),))


def compound(text: str, *numbers: tuple[str, Any]) -> Cell:
    """A cell whose ``text`` shows several figures ("3 (25.0%)"): ``numbers`` in the order shown."""
    return Cell(text, numbers=tuple(numbers))


@dataclass(frozen=True)
class Table:
    """A real table: the header row repeats on every page, rows never split across pages.

    ``rows`` hold final text (``str``) or :class:`Cell`; the last ``total_rows`` rows are totals (bold,
    shaded). ``caption`` is the numbered title above the table ("ตารางที่ 1 ...")."""
    columns: tuple[Column, ...]
    rows: tuple[tuple[str | Cell, ...], ...]
    caption: str = ""
    total_rows: int = 0
    header_fill: str = "#dce6f1"
    total_fill: str = "#f2f2f2"
    font_size: float | None = None   # points; None = the engine's table default

    def texts(self) -> list[tuple[str, ...]]:
        """The rows as the text every engine prints."""
        return [tuple(c.text if isinstance(c, Cell) else str(c) for c in row) for row in self.rows]

    def __post_init__(self):
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(f"row {i + 1} has {len(row)} cells, the table has {len(self.columns)} columns")


@dataclass(frozen=True)
class Figure:
    """A chart: a Plotly figure (``go.Figure`` or its dict) drawn ``width_mm`` × ``height_mm`` on the
    page, with its ``caption`` below ("ภาพที่ 1 ...") and ``alt`` text for screen readers; ``table``
    gives its figures in words and numbers too (printed right after it)."""
    figure: Any
    caption: str
    alt: str
    width_mm: float = 160.0
    height_mm: float = 90.0
    table: Table | None = None

    def spec(self) -> dict:
        """The figure as a plain Plotly JSON dict (data, layout)."""
        fig = self.figure
        if hasattr(fig, "to_plotly_json"):
            import plotly.io as pio
            import json
            return json.loads(pio.to_json(fig, validate=False))
        return fig


@dataclass(frozen=True)
class PageBreak:
    """Start a new page."""


@dataclass(frozen=True)
class Contents:
    """The table of contents (สารบัญ) of every :class:`Heading` up to ``levels``, with page numbers."""
    title: str
    levels: int = 2


@dataclass(frozen=True)
class Landscape:
    """Blocks on landscape A4 pages (wide tables); the document returns to portrait after them."""
    blocks: tuple[Block, ...]


Block = Union[Heading, Paragraph, NumberedList, Table, Figure, PageBreak, Contents, Landscape]


@dataclass
class Document:
    """A whole report: metadata, the running header and footer, and the blocks in order.

    ``header`` is printed at the top of every page (e.g. the demo marking "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง");
    ``footer`` at the bottom left of every page, with the page number "หน้า 3/20" at the right."""
    title: str
    blocks: list[Block] = field(default_factory=list)
    lang: str = "th"
    author: str = ""
    header: str = ""
    footer: str = ""

    def walk(self):
        """Every block in reading order, entering landscape sections."""
        for b in self.blocks:
            if isinstance(b, Landscape):
                yield from b.blocks
            else:
                yield b

    def figures(self) -> list[Figure]:
        return [b for b in self.walk() if isinstance(b, Figure)]

    def headings(self) -> list[Heading]:
        return [b for b in self.walk() if isinstance(b, Heading)]
