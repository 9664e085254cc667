"""Browser test: an analyst uploads a Thai Excel CSV, sees the preview, confirms, and the overview changes."""

from __future__ import annotations


import pytest

from tests.browser import app_env, exceptions, launch, serve, tracker_cli, wait_rendered
from tests.conftest import csv_text

pytestmark = pytest.mark.browser

PROJECTS = csv_text("""
    project_code,fiscal_year,goal,name_th,department,planned_budget,allocated_budget
    G1-P01,2569,1,ก่อสร้างถนนคอนกรีตเสริมเหล็ก,กองช่าง,1250000,1180000
    G1-P02,2569,1,ขยายเขตประปาหมู่บ้าน,กองช่าง,500000,450000
""")
PROGRESS = csv_text("""
    รหัสโครงการ,ปีงบประมาณ,ไตรมาส,สถานะ,ความก้าวหน้า %,ก่อหนี้ผูกพัน,เบิกจ่ายสะสม
    G1-P01,๒๕๖๙,ไตรมาส 1,อยู่ระหว่างดำเนินการ,40,"1,180,000","472,000"
    G1-P02,๒๕๖๙,ไตรมาส 1,ดำเนินการแล้วเสร็จ,100,"450,000","450,000"
""")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp, env = app_env(tmp_path_factory, "browser_upload")
    projects = tmp / "projects.csv"
    projects.write_bytes(PROJECTS.encode("utf-8-sig"))
    tracker_cli("import", str(projects), "--user", "setup", env=env)
    from tests import browser_auth

    browser_auth.prepare(env)
    with serve(env) as url:
        yield url, tmp


def test_upload_preview_confirm_and_the_overview_shows_the_new_figures(server):
    from playwright.sync_api import sync_playwright

    from tests import browser_auth

    url, tmp = server
    progress = tmp / "ผลการดำเนินงาน-ไตรมาส1.csv"
    progress.write_bytes(PROGRESS.encode("cp874"))
    with sync_playwright() as pw:
        browser, page = launch(pw)
        main = browser_auth.upload_file(page, url, progress)
        main.get_by_text("ยืนยันนำเข้า").first.wait_for(state="visible")
        wait_rendered(page)
        text = main.inner_text()
        assert "cp874" in text and "เพิ่มใหม่" in text
        assert not exceptions(page)
        main.get_by_role("button", name="ยืนยันนำเข้า").click()
        main.get_by_text("นำเข้าชุดที่ 2 แล้ว").first.wait_for(state="visible")
        assert not exceptions(page)

        page.goto(url + "/overview")       # a new browser session: sign in again
        wait_rendered(page)
        browser_auth.sign_in(page, url + "/overview")
        body = page.locator("[data-testid='stMain']").inner_text()
        # allocated 1,630,000 and disbursed 922,000 baht, in whichever unit the overview chooses
        assert ("1.63" in body or "1,630,000" in body) and ("0.92" in body or "922,000" in body), body[:1500]
        assert not exceptions(page)

        page.goto(url + "/history")
        wait_rendered(page)
        browser_auth.sign_in(page, url + "/history")
        assert "ผลการดำเนินงาน-ไตรมาส1.csv" in page.locator("[data-testid='stMain']").inner_text() or \
            page.locator("[data-testid='stDataFrame']").count() == 1
        assert not exceptions(page)
        browser.close()


_DROPZONE_TEXT_JS = """box => {
  // what a reader sees in the file box: its text (hidden text excluded) and the words drawn by the style
  const after = el => { const c = getComputedStyle(el, '::after').content;
                        return c && c !== 'none' ? JSON.parse(c) : ''; };
  const drawn = [...box.querySelectorAll('button span[data-has-shortcut], [data-testid="stFileUploaderDropzoneInstructions"] > div,'
                                         + ' :scope > div:not([data-testid])')].map(after).filter(Boolean);
  const copy = box.cloneNode(true);       // an icon's ligature name ("upload") is drawn as an icon, not read
  copy.querySelectorAll('[data-testid="stIconMaterial"]').forEach(e => e.remove());
  box.parentElement.appendChild(copy);    // in the page, under the same style: hidden text left out
  const text = copy.innerText;
  copy.remove();
  return {text, drawn: drawn.join(' | ')};
}"""


def test_the_file_boxes_speak_thai_with_the_products_limit(server):
    """Thai UI: the upload and plan-import file boxes show no English (Streamlit's "Upload", "20MB per
    file", "Drag and drop a file here") but Thai words, the product's 20 MB and the types each page takes."""
    import re

    from playwright.sync_api import sync_playwright

    from tests import browser_auth

    url, _ = server
    with sync_playwright() as pw:
        browser, page = launch(pw, 1366, 768)
        for path, types in (("/upload", "CSV, TXT, TSV, XLSX, XLS"), ("/plan-import", "XLSX, XLSM")):
            page.goto(url + path)
            browser_auth.sign_in(page, url + path)
            box = page.locator("[data-testid='stFileUploaderDropzone']")
            box.wait_for()
            seen = box.evaluate(_DROPZONE_TEXT_JS)
            assert not re.search(r"[A-Za-z]{3,}", seen["text"]), (path, seen)     # no English left visible
            assert seen["drawn"] == f"เลือกไฟล์ | ไฟล์ {types} ขนาดไม่เกิน 20 MB", (path, seen)
            assert box.get_by_role("button", name="เลือกไฟล์", exact=True).count() == 1   # what a screen reader says
            # while a file is dragged over it, the box says so in Thai
            drag = page.evaluate_handle("() => { const d = new DataTransfer();"
                                        " d.items.add(new File(['x'], 'a.csv', {type: 'text/csv'})); return d; }")
            box.dispatch_event("dragenter", {"dataTransfer": drag})
            page.wait_for_function("() => document.querySelector("
                                   "'[data-testid=stFileUploaderDropzone] > div:not([data-testid]) > span')")
            # (Streamlit's drag text is in that span, not displayed; the Thai words are drawn beside it)
            seen = box.evaluate(_DROPZONE_TEXT_JS)
            assert "วางไฟล์ที่นี่" in seen["drawn"] and not re.search(r"[A-Za-z]{3,}", seen["text"]), seen
            box.dispatch_event("dragleave", {"dataTransfer": drag})
            assert not exceptions(page)
        # a file of another kind gets through the box and is refused by the import in Thai, naming the file
        # (Streamlit's own check said "application/pdf files are not allowed.")
        page.goto(url + "/upload")
        page.locator("[data-testid='stFileUploaderDropzone'] input[type=file]").set_input_files(
            {"name": "ผลไตรมาส.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"})
        # the import read it (its preview: no data rows, one error, listed in the problems table)
        page.locator("[data-testid=stMain]").get_by_text("แถวข้อมูล: 0").first.wait_for(timeout=60_000)
        assert "not allowed" not in page.locator("[data-testid=stMain]").inner_text()
        # the names Streamlit gives the box's parts in English (screen readers, tooltips) are Thai too
        page.wait_for_function(_BOX_NAMES_THAI_JS, arg="ผลไตรมาส.pdf")
        names = page.evaluate(_BOX_NAMES_JS)
        assert names["input"] == ["เลือกไฟล์ที่จะนำเข้า"] and names["remove"] == ["เอาไฟล์ ผลไตรมาส.pdf ออก"], names
        assert not [n for n in names["all"] if re.search(r"[A-Za-z]{3,}", n.replace("ผลไตรมาส.pdf", ""))], names
        browser.close()


#: the accessible names and tooltips inside the upload page's file box
_BOX_NAMES_JS = """() => {
  const box = document.querySelector('[data-testid=stFileUploader]');
  const attrs = sel => [...box.querySelectorAll(sel)].map(e => e.getAttribute('aria-label'));
  return {input: attrs('input[type=file]'), remove: attrs('[data-testid=stFileChipDeleteBtn] button'),
          all: [...box.querySelectorAll('[aria-label], [title]')].flatMap(
                e => [e.getAttribute('aria-label'), e.getAttribute('title')]).filter(Boolean)};
}"""
_BOX_NAMES_THAI_JS = """file => {
  const b = document.querySelector('[data-testid=stFileUploader] [data-testid=stFileChipDeleteBtn] button');
  return b && b.getAttribute('aria-label') === 'เอาไฟล์ ' + file + ' ออก';
}"""
