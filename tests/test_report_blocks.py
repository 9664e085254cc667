"""The block model and its HTML (no browser): what both engines are given and how it is written."""

from __future__ import annotations

import re

import pytest

from tests.report_engine_sample import sample_document
from tracker.report import blocks as B
from tracker.report import html_pdf


def test_a_row_with_the_wrong_number_of_cells_is_refused():
    with pytest.raises(ValueError, match="row 2 has 1 cells, the table has 2 columns"):
        B.Table((B.Column("ก"), B.Column("ข")), (("1", "2"), ("3",)))


def test_only_three_heading_levels():
    with pytest.raises(ValueError):
        B.Heading("ก", 4)


def test_walk_enters_landscape_sections_in_reading_order():
    doc = B.Document("t", [B.Heading("1"), B.Landscape((B.Heading("2"), B.Paragraph("x"))), B.Heading("3")])
    assert [h.text for h in doc.headings()] == ["1", "2", "3"]


def test_figure_spec_is_plain_json_of_a_plotly_figure():
    import json

    import numpy as np
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=np.array([1, 2]), y=["ก", "ข"]))
    spec = B.Figure(fig, "ภาพที่ 1", "แท่ง").spec()
    assert json.loads(json.dumps(spec)) == spec     # numpy arrays travel as plotly.js typed arrays
    assert spec["data"][0]["y"] == ["ก", "ข"]


@pytest.mark.parametrize("text, css", [
    ('ก "x"', '"ก \\"x\\""'),
    ("a\\b", '"a\\\\b"'),
    ("</style><b>", '"\\3C /style>\\3C b>"'),
    ("1\n2", '"1\\A 2"'),
])
def test_css_strings_cannot_break_out_of_the_style_sheet(text, css):
    assert html_pdf.css_string(text) == css


@pytest.mark.parametrize("lang, css", [
    ("th", '"หน้า " counter(page) "/" counter(pages)'),
    ("en", '"Page " counter(page) " of " counter(pages)'),
])
def test_page_numbers_come_from_the_catalog(lang, css):
    assert html_pdf.page_label_css(lang) == css


def test_html_is_self_contained_thai_and_scriptless():
    doc = sample_document(chapters=2, rows=3)
    html = html_pdf.render_html(doc, svgs=["<svg></svg>"] * len(doc.figures()))
    assert html.startswith('<!doctype html><html lang="th">')
    assert "default-src 'none'" in html                        # no fetch, no script
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert html.count("@font-face") == 4 and "data:font/woff2;base64," in html
    assert "\u200b" not in html                                 # Chromium breaks Thai by itself


def test_tables_have_a_header_group_widths_and_right_aligned_numbers():
    table = B.Table((B.Column("โครงการ", width=3), B.Column("บาท", "right", 1)),
                    (("ก", "1,250,000.00"), (B.Cell("รวม", bold=True), B.Cell("1,250,000.00", fill="#ffeeee"))),
                    caption="ตารางที่ 1", total_rows=1)
    html = html_pdf.render_html(B.Document("t", [table]), svgs=[])
    assert '<p class="caption">ตารางที่ 1</p>' in html
    assert '<col style="width:75.00%"><col style="width:25.00%">' in html
    whole = '<span style="white-space:nowrap">{}</span>'      # a word kept whole (tracker.thai.nowrap_html)
    assert "<thead><tr" in html and f"<th>{whole.format('บาท')}</th>" in html
    assert f'<td class="right">{whole.format("1,250,000.00")}</td>' in html
    assert f'<td class="right b" style="background:#ffeeee">{whole.format("1,250,000.00")}</td>' in html


def test_contents_links_every_heading_and_shows_the_pages_it_is_given():
    doc = B.Document("t", [B.Contents("สารบัญ"), B.Heading("บทนำ"), B.Heading("ย่อย", 2), B.Heading("ลึก", 3)])
    html = html_pdf.render_html(doc, svgs=[], pages={"h1": 3, "h2": 4})
    entries = re.findall(r'<li class="l(\d)"><a href="#(h\d)"><span class="text">([^<]*)</span>'
                         r'<span class="dots"></span><span class="page">(\d*)</span>', html)
    assert entries == [("1", "h1", "บทนำ", "3"), ("2", "h2", "ย่อย", "4")]    # levels 1–2 by default
    assert '<h1 id="h1">บทนำ</h1>' in html and '<h3 id="h3">ลึก</h3>' in html


def test_landscape_blocks_are_on_named_landscape_pages():
    html = html_pdf.render_html(B.Document("t", [B.Landscape((B.Paragraph("กว้าง"),))]), svgs=[])
    assert '<section class="landscape"><p class="body">กว้าง</p></section>' in html
    assert "@page landscape { size: A4 landscape; }" in html
