"""Browser: the M&E report and the monitoring report download through the browser as files that open —
the M&E report's DOCX (Word) and PDF, the monitoring report's PDF — and, while demo data is loaded,
every page of them says "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"."""

from __future__ import annotations

import io
import subprocess
from contextlib import contextmanager

import pytest

from tests.browser import app_env, exceptions, launch, serve, wait_rendered
from tests.report_helpers import require_pdf_tools

pytestmark = pytest.mark.browser
DEMO = "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # public read-only mode: reading and downloading reports needs no sign-in
    tmp, env = app_env(tmp_path_factory, "reports", demo=True, TRACKER_PUBLIC_READ="1")
    with serve(env) as url:
        yield url, tmp


@contextmanager
def opened(url: str):
    """A browser on the page at ``url``, drawn, with no exception box before or after the test's clicks."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = launch(pw)
        try:
            page.goto(url)
            wait_rendered(page)
            assert not exceptions(page)
            yield page
            assert not exceptions(page)
        finally:
            browser.close()


def download(page, label: str, folder) -> bytes:
    """Click the download button ``label`` and wait for the browser to save the file it sends."""
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    dl = info.value
    path = folder / dl.suggested_filename
    dl.save_as(path)
    return path.read_bytes()


def pdf_pages(data: bytes, folder) -> list[str]:
    path = folder / "downloaded.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_m_and_e_report_downloads_as_docx_and_pdf_marked_demo(server, tmp_path):
    import docx

    require_pdf_tools("pdftotext")
    url, _ = server
    with opened(url + "/me-report") as page:
        word = docx.Document(io.BytesIO(download(page, "ดาวน์โหลด Word (DOCX)", tmp_path)))
        heads = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
        assert "ส่วนที่ 2 ผลการติดตามและประเมินผล" in heads
        for section in word.sections:                     # the running header of every page
            assert DEMO in " ".join(p.text for p in section.header.paragraphs)

        pdf = download(page, "ดาวน์โหลด PDF", tmp_path)
        assert pdf.startswith(b"%PDF")
        pages = pdf_pages(pdf, tmp_path)
        assert len(pages) > 10 and all(DEMO in p for p in pages)
        assert "รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น" in pages[0]


def test_monitoring_report_pdf_downloads_with_an_exact_thai_text_layer(server, tmp_path):
    from tracker.plan import default_plan

    require_pdf_tools("pdftotext")
    url, _ = server
    with opened(url + "/reports") as page:
        pages = pdf_pages(download(page, "รายงาน PDF", tmp_path), tmp_path)
        assert all(DEMO in p for p in pages)
        text = "".join(pages).replace("\n", "")
        for goal in default_plan().goals.values():       # each goal's exact Thai text, searchable
            assert goal.text.th.replace(" ", "") in text.replace(" ", ""), goal.number
