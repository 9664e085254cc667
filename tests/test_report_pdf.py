"""The PDF report: Thai text survives exactly, figures equal rollup.summary, pages as designed."""

import io
import shutil
import subprocess

import pypdf
import pytest

from tests.report_helpers import FY, Q, loaded, squash
from tracker import fmt, rollup, store, thai
from tracker.plan import default_plan
from tracker.report import content, pdf

# cover, plan, results (landscape), one page per goal, charts, attention, method
PAGES_SMALL_SET = 1 + 1 + 2 + 5 + 1 + 1 + 1   # cover, contents, follow-up tables (2), goals, …


@pytest.fixture(scope="module")
def report_th(template_db, tmp_path_factory):
    """The Thai report of the small data set, built once for the module (rendering a PDF takes seconds)."""
    path = tmp_path_factory.mktemp("pdf") / "tracker.db"
    shutil.copyfile(template_db, path)
    db = store.connect(path)
    try:
        return content.build(loaded(db), FY, Q, "th")
    finally:
        db.close()


@pytest.fixture(scope="module")
def pdf_th(report_th) -> bytes:
    return pdf.render(report_th, charts="native")


def _text(data: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_pdf_pages_goals_thai_text_and_figures(report_th, pdf_th):
    pages = _text(pdf_th)
    assert len(pages) == PAGES_SMALL_SET
    whole = squash("".join(pages))
    for g in default_plan().goals.values():
        assert squash(g.text.th) in whole, g.number
    # the follow-up table (page 3) shows exactly the figures of rollup.summary, row by row
    summary = report_th.summary  # == rollup.summary (test_summary_in_the_model_is_rollup_summary)
    page3 = squash(pages[2])
    counts = [c.key for c in report_th.form2.columns if c.kind == "int"]
    for goal, row in zip(summary["goals"], report_th.form2.rows):
        expected = [row["goal"], *[fmt.figure("count", goal["projects"][k]) for k in counts],
                    *[goal["text"]["th"][k] for k in ("planned", "allocated", "disbursed")]]   # whole baht
        assert squash("".join(expected)) in page3, goal["goal"]
    tot = summary["totals"]["text"]["th"]
    assert squash(f"{tot['allocated']}{tot['disbursed']}") in page3
    # every page after the cover carries the page number and the data-as-of stamp
    for n, text in enumerate(pages[1:], 2):
        assert f"หน้า {n}/{PAGES_SMALL_SET}" in text
        assert "ข้อมูลณ5เม.ย.2569" in squash(text)


def test_summary_in_the_model_is_rollup_summary(db):
    r = content.build(loaded(db), FY, Q, "en")
    assert r.summary == rollup.summary(db, FY, Q)
    for ind, row in zip(r.summary["indicators"], r.indicators.rows):
        assert ind["code"] == row["code"] and ind["status"] == row["status"]


@pytest.mark.slow
def test_english_pdf_on_request(db):
    r = content.build(loaded(db), FY, Q, "en")
    whole = squash("".join(_text(pdf.render(r, charts="native"))))
    assert squash("Local Development Plan Monitoring and Evaluation Report") in whole
    assert squash(default_plan().goals[1].text.en) in whole


def test_thai_font_is_embedded(pdf_th, tmp_path):
    out = tmp_path / "r.pdf"
    out.write_bytes(pdf_th)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "Laksaman" in fonts and " yes yes " in fonts


@pytest.mark.parametrize("text", ["ไม่มีช่องว่างเลยในประโยคที่ยาวมากจนต้องตัดบรรทัดหลายครั้งน้ำที่ปู่",
                                  "การพัฒนาชุมชนให้น่าอยู่มีความเข้มแข็ง โดยได้รับบริการสาธารณะ"])
def test_pdf_lines_break_between_words_and_never_separate_marks(text):
    lines = thai.wrap(text, 8, measure=len, hard=True)      # what the PDF writer does (pdf._PDF.wrap)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert line[0] not in thai.THAI_MARKS and line[0] not in "ะาำๅ"
        assert line[-1] not in "เแโใไ"


def test_columns_are_widened_to_their_longest_word_from_columns_with_room():
    fitted = pdf._fit_widths([10, 50, 40], [20, 10, 10])
    assert fitted == pytest.approx([20, 50 - 10 * 40 / 70, 40 - 10 * 30 / 70])   # in proportion to slack
    assert sum(fitted) == pytest.approx(100)
    assert pdf._fit_widths([10, 12], [20, 12]) == [10, 12]     # no room: unchanged


@pytest.mark.slow
def test_charts_as_images_through_kaleido(report_th):
    pytest.importorskip("kaleido")
    images = pdf.chart_images(report_th, "image")
    assert set(images) == {c.key for c in report_th.charts}
    assert all(png.startswith(b"\x89PNG") for png in images.values())


def test_method_appendix_says_the_plan_files_thresholds_not_fixed_words():
    th = rollup.thresholds_of({"on_track": 0.95, "at_risk": 0.75, "min_coverage": 0.6,
                               "year_end": {"achieved": 0.9, "nearly": 0.7}})
    text = " ".join(content.method_texts("en", th))
    assert "from 95% on track, from 75% at risk" in text and "below 60%" in text
    assert "achieved (from 90%), nearly achieved (from 70%)" in text
    assert "100%" not in text.replace("capped at 100%", "")
    th_text = " ".join(content.method_texts("th", th))
    assert "ตั้งแต่ 95% บรรลุตามเป้า ตั้งแต่ 75% เสี่ยง" in th_text
