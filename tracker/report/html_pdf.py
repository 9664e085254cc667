"""The PDF engine: a :class:`~tracker.report.blocks.Document` as HTML, printed by headless Chromium.

Chromium's print-to-PDF keeps the Thai text layer exact (fpdf2 and WeasyPrint scramble it, see
docs in team research ``report-engines.md``); it breaks Thai lines between words by itself (ICU with
``lang="th"``; no U+200B is inserted, it would end up in the text layer). The page is A4 with CSS
paged media: margin boxes carry the header line (the demo marking) and the footer with "page X/Y"
on every page, ``<thead>`` repeats on every page a table spans and rows never split, landscape
sections are named pages. The font is the Sarabun the app bundles (``static/fonts``, OFL), embedded
as a subset. Charts are Plotly figures drawn by plotly.js from the installed plotly package in the
same browser with the same fonts, then inlined as SVG, so their Thai is text too.

- :func:`html_to_pdf` — any HTML to PDF bytes (the low-level engine);
- :func:`figures_to_svg`, :func:`figures_to_png` — charts through the warm browser;
- :func:`render_html`, :func:`render_pdf` — a block document to HTML / PDF.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import json
import threading
from collections import OrderedDict
from pathlib import Path

from tracker import thai
from tracker.i18n import t
from tracker.report import blocks as B
from tracker.report.chromium import Tab, shared

ROOT = Path(__file__).resolve().parents[2]
FONT_DIR = ROOT / "static" / "fonts"
FAMILY = "Sarabun"
#: Sarabun's Thai subset covers these (the range Fontsource publishes it with).
THAI_RANGE = "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC"
WEIGHTS = (400, 700)
PX_PER_MM = 96 / 25.4
#: Type sizes (pt). Google Sarabun is drawn 1.5× larger per point than TH Sarabun New (fontconfig
#: synthesises "TH Sarabun" as Laksaman scaled 0.66, and Laksaman measures like Sarabun), so 11 pt
#: here looks like the official 16 pt TH Sarabun New of the DOCX.
SIZES = {"body": 11, "small": 9.5, "table": 9.5, "h1": 15, "h2": 13, "h3": 11.5, "title": 20, "subtitle": 14,
         "margin_box": 8.5}
#: Page margins (mm): top, right, bottom, left; the header and footer sit inside top and bottom.
MARGINS = (18, 18, 18, 25)
CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"
PRINT_TIMEOUT = 120.0


# ---------------------------------------------------------------------------------------- fonts

@functools.cache
def font_faces() -> str:
    """``@font-face`` rules for the bundled Sarabun (Thai and Latin subsets), as data URIs."""
    rules = []
    for weight in WEIGHTS:
        for subset in ("thai", "latin"):
            data = base64.b64encode((FONT_DIR / f"sarabun-{subset}-{weight}-normal.woff2").read_bytes()).decode()
            extra = f"unicode-range:{THAI_RANGE};" if subset == "thai" else ""
            rules.append(f"@font-face{{font-family:'{FAMILY}';font-style:normal;font-weight:{weight};"
                         f"src:url(data:font/woff2;base64,{data}) format('woff2');{extra}}}")
    return "\n".join(rules)


def css_string(text: str) -> str:
    """``text`` as a CSS string literal, safe inside a ``<style>`` element."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ").replace("<", "\\3C ")
    return f'"{out}"'


def page_label_css(lang: str) -> str:
    """CSS ``content`` for "page X of Y" from the catalog (``report.page_n``)."""
    label = t("report.page_n", lang, n="\x00", total="\x01")
    parts = []
    for i, chunk in enumerate(label.split("\x00")):
        if i:
            parts.append("counter(page)")
        for j, piece in enumerate(chunk.split("\x01")):
            if j:
                parts.append("counter(pages)")
            if piece:
                parts.append(css_string(piece))
    return " ".join(parts)


# ---------------------------------------------------------------------------------------- PDF

def html_to_pdf(document: str, *, timeout: float = PRINT_TIMEOUT, tagged: bool = True, outline: bool = True) -> bytes:
    """PDF bytes of the HTML ``document``, printed by the warm headless Chromium.

    Page size and margins come from the document's CSS ``@page`` rules (A4 portrait if none).
    ``tagged`` writes a tagged PDF (structure for screen readers; about 4× larger), ``outline`` the
    bookmarks of its headings. Waits for fonts and images; scripts in the document do not run if
    its Content-Security-Policy forbids them (:func:`render_html` forbids them and any fetch)."""
    async def job(tab: Tab) -> bytes:
        await tab.set_content(document)
        await tab.evaluate(
            "document.fonts.ready.then(() => Promise.all([...document.images].map(i => i.complete || "
            "new Promise(r => { i.onload = i.onerror = r; })))).then(() => true)")
        result = await tab.send("Page.printToPDF", preferCSSPageSize=True, printBackground=True,
                                generateTaggedPDF=tagged, generateDocumentOutline=outline,
                                transferMode="ReturnAsStream")
        return await tab.read_stream(result["stream"])

    return shared().run(job, timeout=timeout)


# ---------------------------------------------------------------------------------------- charts

_CHART_PAGE = f"""<!doctype html><html lang="th"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval';
 style-src 'unsafe-inline'; font-src data:; img-src data: blob:">
<style>{{fonts}} html,body{{{{margin:0;background:#fff;font-family:{FAMILY},sans-serif}}}}
#host{{{{position:absolute;left:0;top:0;line-height:0}}}}</style></head><body><div id="host"></div></body></html>"""

_RENDER_SVG = """async (items) => {
  await Promise.all(%s.map(w => document.fonts.load(w + ' 16px %s', 'กa1')));
  const out = [];
  for (const [spec, width, height] of items) {
    const layout = Object.assign({}, spec.layout || {}, {width, height});
    layout.font = Object.assign({family: '%s, sans-serif'}, layout.font || {});
    const url = await Plotly.toImage({data: spec.data || [], layout, config: {staticPlot: true}},
                                     {format: 'svg', width, height});
    out.push(decodeURIComponent(url.slice(url.indexOf(',') + 1)));
  }
  return out;
}""" % (list(WEIGHTS), FAMILY, FAMILY)


async def _chart_tab_setup(tab: Tab) -> None:
    import plotly

    await tab.set_content(_CHART_PAGE.format(fonts=font_faces()))
    source = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")
    await tab.evaluate(source + "\n;true")
    await tab.send("Emulation.setDeviceMetricsOverride", width=2400, height=2400, deviceScaleFactor=1, mobile=False)


def warm() -> None:
    """Start Chromium and load plotly.js in the background (a command line run overlaps its imports and
    its document's build with the browser's start); returns at once."""
    shared().prestart("charts", _chart_tab_setup)


def _items(figures: list[B.Figure]) -> list[list]:
    return [[f.spec(), round(f.width_mm * PX_PER_MM), round(f.height_mm * PX_PER_MM)] for f in figures]


#: charts already drawn, by (kind, figure JSON, size): a report made as PDF, DOCX and PPTX in a row (the
#: reports page's downloads, the benchmark) draws each chart once, not once per file
_DRAWN: OrderedDict[str, object] = OrderedDict()
_DRAWN_MAX = 64
_DRAWN_LOCK = threading.Lock()


def _drawn(kind: str, items: list[list], draw):
    """Each item's drawing of ``kind``, from :data:`_DRAWN` where drawn before, the rest by ``draw(items)``."""
    keys = [kind + json.dumps(item, sort_keys=True, default=str) for item in items]
    with _DRAWN_LOCK:
        known = {k: _DRAWN[k] for k in keys if k in _DRAWN}
    todo = [(k, item) for k, item in zip(keys, items) if k not in known]
    if todo:
        fresh = draw([item for _, item in todo])
        with _DRAWN_LOCK:
            for (k, _), value in zip(todo, fresh):
                known[k] = _DRAWN[k] = value
                _DRAWN.move_to_end(k)
            while len(_DRAWN) > _DRAWN_MAX:
                _DRAWN.popitem(last=False)
    return [known[k] for k in keys]


def figures_to_svg(figures: list[B.Figure], *, timeout: float = PRINT_TIMEOUT) -> list[str]:
    """SVG markup of each figure at its size, drawn by plotly.js with the report's fonts (a figure drawn
    before in this process is not drawn again)."""
    if not figures:
        return []
    return _drawn("svg", _items(figures), lambda items: _figures_to_svg(items, timeout))


def _figures_to_svg(items: list[list], timeout: float) -> list[str]:

    async def job(tab: Tab) -> list[str]:
        return await tab.call(_RENDER_SVG, items)

    return shared().run_in("charts", _chart_tab_setup, job, timeout=timeout)


def figures_to_png(figures: list[B.Figure], *, scale: float = 2.0, timeout: float = PRINT_TIMEOUT) -> list[bytes]:
    """PNG bytes of each figure (``scale`` × its CSS pixel size; 2 ≈ 190 dpi), drawn like the PDF's (a figure
    drawn before in this process is not drawn again)."""
    if not figures:
        return []
    return _drawn(f"png{scale}", _items(figures), lambda items: _figures_to_png(items, scale, timeout))


def _figures_to_png(items: list[list], scale: float, timeout: float) -> list[bytes]:

    async def job(tab: Tab) -> list[bytes]:
        svgs = await tab.call(_RENDER_SVG, items)
        images = []
        for svg, (_, width, height) in zip(svgs, items):
            await tab.call("(svg) => { document.getElementById('host').innerHTML = svg; return document.fonts.ready.then(() => 1); }", svg)
            shot = await tab.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                  clip={"x": 0, "y": 0, "width": width, "height": height, "scale": scale})
            images.append(base64.b64decode(shot["data"]))
        return images

    return shared().run_in("charts", _chart_tab_setup, job, timeout=timeout)


# ---------------------------------------------------------------------------------------- blocks -> HTML

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _words(text: str) -> str:
    """Escaped HTML of a table cell that breaks only between words (``<br>`` for its line breaks)."""
    return thai.nowrap_html(text)


def _css(doc: B.Document) -> str:
    top, right, bottom, left = MARGINS
    s = SIZES
    header = (f"@top-center{{content:{css_string(doc.header)};font:700 {s['margin_box']}pt {FAMILY};color:#b3261e;"
              f"vertical-align:bottom;padding-bottom:3mm}}") if doc.header else ""
    footer = (f"@bottom-left{{content:{css_string(doc.footer)};font:{s['margin_box']}pt {FAMILY};color:#555;"
              f"vertical-align:top;padding-top:3mm;width:75%}}") if doc.footer else ""
    page_no = (f"@bottom-right{{content:{page_label_css(doc.lang)};font:{s['margin_box']}pt {FAMILY};color:#555;"
               f"vertical-align:top;padding-top:3mm;white-space:nowrap}}")
    return f"""{font_faces()}
@page {{ size: A4 portrait; margin: {top}mm {right}mm {bottom}mm {left}mm; {header} {footer} {page_no} }}
@page landscape {{ size: A4 landscape; }}
section.landscape {{ page: landscape; }}
html {{ font-family: {FAMILY}, sans-serif; font-size: {s['body']}pt; line-height: 1.45; color: #1b1f24; }}
body {{ margin: 0; }}
h1, h2, h3 {{ line-height: 1.25; break-after: avoid; margin: 0.9em 0 0.4em;
              padding-top: 0.25em; }}   /* Thai marks above a heading that starts a page stay on that page */
h1 {{ font-size: {s['h1']}pt; }} h2 {{ font-size: {s['h2']}pt; }} h3 {{ font-size: {s['h3']}pt; }}
.break {{ break-before: page; }}
p {{ margin: 0 0 0.5em; text-align: left; orphans: 2; widows: 2; }}
p, li, figcaption {{ padding-top: 0.15em; }}   /* the same for a paragraph's stacked marks (ชี้, ที่) */
p.small {{ font-size: {s['small']}pt; }} p.center {{ text-align: center; }}
p.title {{ font-size: {s['title']}pt; font-weight: 700; text-align: center; line-height: 1.35; margin: 0 0 0.6em; }}
p.subtitle {{ font-size: {s['subtitle']}pt; text-align: center; }}
ol.numbered {{ margin: 0 0 0.5em; padding-left: 2em; }}
p.caption {{ font-weight: 700; margin: 0.8em 0 0.3em; break-after: avoid; }}
table {{ border-collapse: collapse; width: 100%; table-layout: auto; font-size: {s['table']}pt;
        line-height: 1.3; margin: 0 0 0.8em; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
th, td {{ border: 0.5pt solid #8a9099; padding: 1.2mm 1.6mm; vertical-align: top; overflow-wrap: break-word; }}
th {{ font-weight: 700; text-align: center; vertical-align: middle; }}
td.right {{ text-align: right; font-variant-numeric: tabular-nums; }} td.center {{ text-align: center; }}
td.b {{ font-weight: 700; }}
figure {{ margin: 0.6em 0 0.8em; break-inside: avoid; }}
figure .chart svg {{ display: block; width: 100%; height: auto; }}
figcaption {{ font-weight: 700; margin-top: 0.3em; text-align: center; }}
nav.toc ol {{ list-style: none; margin: 0; padding: 0; }}
nav.toc li a {{ display: flex; color: inherit; text-decoration: none; padding: 0.15em 0; }}
nav.toc li.l2 a {{ padding-left: 1.5em; }} nav.toc li.l3 a {{ padding-left: 3em; }}
nav.toc .dots {{ flex: 1; border-bottom: 1px dotted #777; margin: 0 0.4em 0.35em; }}
nav.toc .page {{ min-width: 2.5em; text-align: right; }}
"""


class _HtmlWriter:
    def __init__(self, doc: B.Document, svgs: list[str], pages: dict[str, int] | None):
        self.doc, self.svgs, self.pages = doc, iter(svgs), pages or {}
        self.ids = {id(h): f"h{i + 1}" for i, h in enumerate(doc.headings())}

    def blocks(self, items) -> str:
        return "".join(self.block(b) for b in items)

    def block(self, b) -> str:
        if isinstance(b, B.Heading):
            cls = ' class="break"' if b.page_break_before else ""
            return f'<h{b.level} id="{self.ids[id(b)]}"{cls}>{_e(b.text)}</h{b.level}>'
        if isinstance(b, B.Paragraph):
            style = ' style="font-weight:700"' if b.bold else ""
            return f'<p class="{b.style}"{style}>{_e(b.text)}</p>'
        if isinstance(b, B.NumberedList):
            return '<ol class="numbered">' + "".join(f"<li>{_e(x)}</li>" for x in b.items) + "</ol>"
        if isinstance(b, B.Table):
            return self.table(b)
        if isinstance(b, B.Figure):
            svg = next(self.svgs)
            out = (f'<figure><div class="chart" role="img" aria-label="{_e(b.alt)}" style="width:{b.width_mm}mm">'
                   f'{svg}</div><figcaption>{_e(b.caption)}</figcaption></figure>')
            return out + (self.table(b.table) if b.table else "")
        if isinstance(b, B.PageBreak):
            return '<div class="break"></div>'
        if isinstance(b, B.Contents):
            return self.contents(b)
        if isinstance(b, B.Landscape):
            return f'<section class="landscape">{self.blocks(b.blocks)}</section>'
        raise TypeError(f"not a report block: {b!r}")

    def table(self, tb: B.Table) -> str:
        total = sum(c.width for c in tb.columns)
        cols = "".join(f'<col style="width:{100 * c.width / total:.2f}%">' for c in tb.columns)
        # words kept whole (tracker.thai.nowrap_html): a column is at least as wide as its longest word, so a
        # narrow column wraps between words ("ไม่ได้ตั้ง|งบประมาณ"), never inside one ("งบ|ประมา|ณ")
        head = "".join(f"<th>{_words(c.title)}</th>" for c in tb.columns)
        body = []
        first_total = len(tb.rows) - tb.total_rows
        for i, row in enumerate(tb.rows):
            cells = []
            for col, cell in zip(tb.columns, row):
                c = cell if isinstance(cell, B.Cell) else B.Cell(str(cell))
                cls = [col.align] if col.align != "left" else []
                if c.bold or i >= first_total:
                    cls.append("b")
                fill = c.fill or (tb.total_fill if i >= first_total else None)
                attrs = (f' class="{" ".join(cls)}"' if cls else "") + (f' style="background:{_e(fill)}"' if fill else "")
                cells.append(f"<td{attrs}>{_words(c.text)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        size = f' style="font-size:{tb.font_size}pt"' if tb.font_size else ""
        caption = f'<p class="caption">{_e(tb.caption)}</p>' if tb.caption else ""
        return (f'{caption}<table{size}><colgroup>{cols}</colgroup><thead><tr style="background:{_e(tb.header_fill)}">'
                f'{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')

    def contents(self, c: B.Contents) -> str:
        items = []
        for h in self.doc.headings():
            if h.level <= c.levels:
                anchor = self.ids[id(h)]
                page = self.pages.get(anchor, "")
                items.append(f'<li class="l{h.level}"><a href="#{anchor}"><span class="text">{_e(h.text)}</span>'
                             f'<span class="dots"></span><span class="page">{page}</span></a></li>')
        return f'<nav class="toc"><h1 class="toc-title">{_e(c.title)}</h1><ol>{"".join(items)}</ol></nav>'


def render_html(doc: B.Document, *, svgs: list[str] | None = None, pages: dict[str, int] | None = None) -> str:
    """The document as one self-contained HTML page (fonts and charts inline, no script, no fetch).

    ``svgs`` are the charts in document order (:func:`figures_to_svg`); ``pages`` the page number of
    each heading anchor for the contents (:func:`render_pdf` finds them in a first printing)."""
    if svgs is None:
        svgs = figures_to_svg(doc.figures())
    body = _HtmlWriter(doc, svgs, pages).blocks(doc.blocks)
    author = f'<meta name="author" content="{_e(doc.author)}">' if doc.author else ""
    return (f'<!doctype html><html lang="{_e(doc.lang)}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">{author}'
            f"<title>{_e(doc.title)}</title><style>{_css(doc)}</style></head><body>{body}</body></html>")


def heading_pages(pdf: bytes) -> dict[str, int]:
    """Page number (1-based) of every linked heading anchor in a printed PDF (its named destinations)."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return {name.lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def render_pdf(doc: B.Document, *, timeout: float = PRINT_TIMEOUT) -> bytes:
    """The document as PDF. With a :class:`~tracker.report.blocks.Contents` block it is printed twice:
    the first printing tells on which page each heading falls, the second writes those numbers."""
    svgs = figures_to_svg(doc.figures(), timeout=timeout)
    pages = None
    if any(isinstance(b, B.Contents) for b in doc.walk()):
        # the draft needs no tags or outline (faster); its links' named destinations give the pages
        draft = html_to_pdf(render_html(doc, svgs=svgs), timeout=timeout, tagged=False, outline=False)
        pages = heading_pages(draft)
    return html_to_pdf(render_html(doc, svgs=svgs, pages=pages), timeout=timeout)
