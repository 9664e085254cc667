"""The M&E report as the files an officer publishes and edits (#13): the PDF (Chromium print, exact
Thai text layer read with poppler's ``pdftotext``) and the DOCX (python-docx), both from the same
block document, so they say exactly what the document says."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import docx
import pypdf
import pytest

from tests.report_helpers import loaded, require_pdf_tools
from tests.test_me_report import table_of, tables, texts
from tracker import store
from tracker.plan import default_plan
from tracker.report import me
from tracker.report.me import narrative as N

pytestmark = pytest.mark.slow     # starts Chromium and prints the report twice

HALF = me.parse("half", 2569)
DEMO = "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def document(tmp_path_factory, template_db):
    require_pdf_tools("pdftotext", "pdfinfo")
    path = tmp_path_factory.mktemp("me") / "tracker.db"
    shutil.copyfile(template_db, path)
    db = store.connect(path)
    loaded(db)
    db["import_batches"].update(1, {"is_demo": 1})
    N.save(db, HALF, "problems", "ผู้รับจ้างทำงานล่าช้าเพราะฝนตกชุก", user="analyst", strategy_no=1)
    N.save(db, HALF, "committee_opinion", "คณะกรรมการเห็นควรเร่งรัดการเบิกจ่ายงบลงทุน", user="analyst")
    doc = me.build(db, HALF, "th")
    db.close()
    return doc


@pytest.fixture(scope="module")
def pdf_path(document, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "me.pdf"
    path.write_bytes(me.render(document, "pdf"))
    return path


@pytest.fixture(scope="module")
def pdf_text(pdf_path) -> str:
    return subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def docx_file(document):
    return docx.Document(io.BytesIO(me.render(document, "docx")))


def docx_texts(d) -> list[str]:
    out = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            out += [c.text for c in row.cells]
    return out


def test_pdf_text_layer_has_each_goal_each_strategy_and_the_narrative(pdf_text):
    plan = default_plan()
    flat = squash(pdf_text)
    for g in plan.goals.values():
        assert squash(g.text.th) in flat, f"goal {g.number}"
    for s in plan.strategies.values():
        assert f"ยุทธศาสตร์ที่ {s.number} {s.name.th}" in pdf_text.replace("\n", " ") or \
            squash(f"ยุทธศาสตร์ที่ {s.number} {s.name.th}") in flat
    assert "ผู้รับจ้างทำงานล่าช้าเพราะฝนตกชุก" in flat
    assert "รอบ 6 เดือน (ตุลาคม 2568 – มีนาคม 2569)" in pdf_text.replace("\n", " ")


def test_every_table_cell_of_the_document_is_in_the_pdf_text(document, pdf_text):
    flat = squash(pdf_text)
    cells = {c if isinstance(c, str) else c.text for b in tables(document) for row in b.rows for c in row}
    missing = sorted(c for c in cells if squash(c) and squash(c) not in flat)
    assert not missing


def test_every_pdf_page_is_marked_demo_and_numbered(pdf_path):
    n = len(pypdf.PdfReader(str(pdf_path)).pages)
    assert n >= 10
    for page in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf_path), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert DEMO in text, f"page {page}"
        assert f"หน้า {page}/{n}" in text, f"page {page}"


def test_docx_says_exactly_what_the_document_says(document, docx_file):
    got = docx_texts(docx_file)
    flat = squash("".join(got))
    want = [x for x in texts(document)[2:] if x.strip()]       # header/footer are in the sections
    missing = [x for x in want if squash(x) not in flat]
    assert not missing
    header = docx_file.sections[0].header.paragraphs[0].text
    assert header == DEMO


def test_docx_has_a_heading_per_strategy_and_real_tables(document, docx_file):
    plan = default_plan()
    heads = [(p.style.name, p.text) for p in docx_file.paragraphs if p.style.name.startswith("Heading")]
    for s in plan.strategies.values():
        label = f"ยุทธศาสตร์ที่ {s.number} {s.name.th}"
        assert ("Heading 3", label) in heads and ("Heading 2", label) in heads
    n_tables = len(tables(document))
    assert len(docx_file.tables) == n_tables


def test_pdf_and_docx_show_the_same_figures(document, pdf_text, docx_file):
    flat_pdf, flat_docx = squash(pdf_text), squash("".join(docx_texts(docx_file)))
    table1 = table_of(document, 1)
    for cell in table1.texts()[-1][1:]:
        assert squash(cell) in flat_pdf and squash(cell) in flat_docx


def test_the_money_chart_is_a_picture_with_alt_text_in_the_docx_and_drawn_in_the_pdf(document, docx_file, pdf_text):
    figure = document.figures()[0]
    assert len(docx_file.inline_shapes) == 1
    assert figure.caption in [p.text for p in docx_file.paragraphs]
    assert squash(figure.caption) in squash(pdf_text)
