"""The PDF engine (Chromium print of block HTML): what a reader of the PDF notices.

Text is read back with poppler's ``pdftotext`` exactly as a search, a copy or a screen reader gets
it. Whitespace is squashed before comparing long texts only because a line may end anywhere
between two words; the characters and their order must be exact."""

from __future__ import annotations

import io
import re
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pypdf
import pytest

from tests.report_helpers import require_pdf_tools
from tests.report_engine_sample import DEMO_MARK, MONEY, goals, sample_document
from tracker.report import blocks as B
from tracker.report import html_pdf

pytestmark = pytest.mark.slow     # each module run starts Chromium and prints ~20 pages


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", autouse=True)
def _tools():
    require_pdf_tools("pdftotext", "pdffonts", "pdfinfo")


@pytest.fixture(scope="module")
def sample():
    return sample_document()


@pytest.fixture(scope="module")
def pdf(sample, tmp_path_factory) -> bytes:
    return html_pdf.render_pdf(sample)


@pytest.fixture(scope="module")
def pdf_path(pdf, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(pdf)
    return path


def pdftotext(path, page: int, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def pages(pdf, pdf_path) -> list[str]:
    return [pdftotext(pdf_path, i) for i in range(1, len(pypdf.PdfReader(io.BytesIO(pdf)).pages) + 1)]


def test_each_goal_text_is_found_exactly_in_the_text_layer(pages):
    whole = squash("".join(pages))
    for number, text in enumerate(goals(), 1):
        assert squash(text) in whole, f"goal {number} not found"
    # the example word, and money as formatted, without any line-wrapping doubt
    assert any("ที่จำเป็น" in p for p in pages)
    assert any(MONEY in p for p in pages)
    assert "\u200b" not in "".join(pages)


def test_every_page_carries_the_demo_marking_and_page_x_of_y(pages):
    n = len(pages)
    assert 15 <= n <= 30, n      # the benchmark-sized sample is about 20 A4 pages
    for i, text in enumerate(pages, 1):
        assert DEMO_MARK in text, f"page {i} has no demo marking"
        assert f"หน้า {i}/{n}" in text, f"page {i} has no page number"
        assert "อบต.ขี้เหล็ก" in text, f"page {i} has no footer"


def test_pages_are_a4_and_the_last_chapter_is_landscape(pdf, pages):
    boxes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    first_wide = next(i for i, text in enumerate(pages) if "ส่วนที่ 6" in text and "สารบัญ" not in text)
    assert set(boxes[:first_wide]) == {(595, 842)}
    assert set(boxes[first_wide:]) == {(842, 595)}


def test_fonts_are_embedded_sarabun(pdf, tmp_path):
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows and all("Sarabun" in r[0] for r in rows), out
    assert all(r[-5] == "yes" for r in rows), out       # the 'emb' column


def test_a_table_over_several_pages_repeats_its_header_and_keeps_rows_whole(sample, pages):
    rows_per_page = [len(re.findall(r"\d{1,3},\d{3}\.50", p)) for p in pages]
    with_rows = [i for i, n in enumerate(rows_per_page) if n]
    table = next(b for b in sample.walk() if isinstance(b, B.Table))
    continued = [i for i in with_rows if "ตารางที่" not in pages[i]]
    assert continued, "no table ran over a page"
    for i in with_rows:
        assert all(squash(c.title) in squash(pages[i]) for c in table.columns), f"page {i + 1}: no header row"
    # a row split across a page break would leave no page with its whole project name
    squashed = [squash(p) for p in pages]
    for row in table.rows[:-1]:
        assert any(squash(row[1]) in p for p in squashed), f"row {row[0]} split across pages"


def test_contents_gives_the_page_each_heading_is_on(sample, pages, pdf, pdf_path):
    toc = next(i for i, p in enumerate(pages) if "สารบัญ" in p)
    lines = [line.strip() for line in pdftotext(pdf_path, toc + 1, "-layout").splitlines()]
    headings = [h.text for h in sample.headings() if h.level <= 2]
    for text in headings:
        entry = next(line for line in lines if line.startswith(text))
        page = int(entry.rsplit(None, 1)[-1])
        assert page - 1 != toc and squash(text) in squash(pages[page - 1]), (text, page)
    assert len(headings) >= 10
    # headings are also the PDF's bookmarks
    outline = [o.title for o in pypdf.PdfReader(io.BytesIO(pdf)).outline if not isinstance(o, list)]
    assert "ส่วนที่ 1 โครงสร้างพื้นฐานและชุมชนน่าอยู่" in outline


def test_chart_labels_are_text_not_pictures(pages):
    chart_page = next(p for p in pages if "ภาพที่ 1" in p)
    assert "งบตามข้อบัญญัติ" in chart_page and "เบิกจ่ายแล้ว" in chart_page
    assert "1,250,000.00" in chart_page and "ธรรมาภิบาลและการมีส่วนร่วม" in chart_page


def test_the_pdf_is_tagged_for_screen_readers_in_thai(pdf):
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert root["/Lang"] == "th"
    assert root["/MarkInfo"]["/Marked"]


def test_user_text_is_escaped_and_nothing_is_fetched():
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        evil = f'<img src="{url}/img"><script>fetch("{url}/js")</script>'
        doc = B.Document("t", [B.Paragraph(f"โครงการ {evil}"), B.Table((B.Column(evil),), ((evil,),))],
                         footer=f'"}} @import url({url}/css); </style>{evil}')
        html = html_pdf.render_html(doc, svgs=[])
        assert "<script>" not in html and "<img" not in html
        pdf = html_pdf.html_to_pdf(html)
        # the page's Content-Security-Policy also stops fetches in HTML that was not made by us
        raw = html.replace("<body>", f'<body><img src="{url}/raw"><link rel="stylesheet" href="{url}/css">', 1)
        html_pdf.html_to_pdf(raw)
    finally:
        server.shutdown()
    assert hits == []
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "<script>" in text          # shown as the text the user typed


def test_figures_as_png_are_drawn_at_twice_their_size():
    fig = B.Figure({"data": [{"type": "bar", "x": ["ก", "ข"], "y": [1, 2]}], "layout": {}}, "ภาพที่ 1", "แท่ง",
                   width_mm=100, height_mm=50)
    png = html_pdf.figures_to_png([fig])[0]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (round(100 * html_pdf.PX_PER_MM) * 2, round(50 * html_pdf.PX_PER_MM) * 2)


def test_a_narrow_column_wraps_its_thai_heading_between_words_never_inside_one(tmp_path):
    """The quarterly report's form-2 table printed 'ไม่ได้ตั้ง|งบ|ประมา|ณ' in a column narrower than the word."""
    heading = "ไม่ได้ตั้งงบประมาณ"
    cols = (B.Column("เป้าประสงค์", "left", 30),) + tuple(B.Column(heading, "right", 6) for _ in range(11))
    doc = B.Document("t", [B.Table(cols, (("1. โครงสร้างพื้นฐานและชุมชนน่าอยู่", *["10"] * 11),))])
    path = tmp_path / "narrow.pdf"
    path.write_bytes(html_pdf.render_pdf(doc))
    text = pdftotext(path, 1)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "งบประมาณ" in text
    assert not any(line.endswith(("ประมา", "งบประ")) or line.startswith(("ณ", "มาณ")) for line in lines), lines
