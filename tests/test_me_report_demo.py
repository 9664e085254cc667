"""The issue's done-when on the demo data (#13): the annual report of 2569 and the six-month report of 2570, as
PDF, have every chapter filled (narrative and survey included), and their text layer holds each goal's exact
text, each strategy's name, the committee's words and the survey's figures."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pptx import Presentation

from tests.report_helpers import require_pdf_tools
from tracker import demo, fmt, rollup, store, thai
from tracker.demo import report_texts
from tracker.plan import default_plan
from tracker.report import me

pytestmark = pytest.mark.slow     # loads the whole demo data set, starts Chromium, prints two reports

ROUNDS = {"annual": 2569, "half": 2570}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def stray_ink_above_footer(png) -> bool:
    """A page image (80 dpi, grey) whose last ink above the footer is a speck a few pixels high: a Thai
    mark of the next page's first line (ชี้, ที่) painted at the foot of this page."""
    import numpy as np
    from PIL import Image

    dark = np.asarray(Image.open(png).convert("L")) < 160
    h = dark.shape[0]
    rows = np.flatnonzero(dark.any(axis=1))
    footer = rows[rows > h * 0.945]
    above = rows[rows < (footer.min() if len(footer) else h) - 2]
    if not len(above):
        return False
    gaps = np.flatnonzero(np.diff(above) > 3)
    start = above[gaps[-1] + 1] if len(gaps) else above[0]
    end = above[-1]
    return end - start < 6 and dark[start:end + 1].sum() < 60


@pytest.fixture(scope="module")
def pdf_texts(tmp_path_factory, template_db) -> dict:
    require_pdf_tools("pdftotext", "pdfinfo")
    folder = tmp_path_factory.mktemp("demo-report")
    path = folder / "tracker.db"
    shutil.copyfile(template_db, path)
    db = store.connect(path)
    try:
        demo.load_demo(db)
        out = {}
        for kind, fy in ROUNDS.items():
            pdf = folder / f"{kind}.pdf"
            pdf.write_bytes(me.render(me.build(db, me.parse(kind, fy), "th"), "pdf"))
            out[kind] = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-r", "80", "-gray", "-png", str(pdf), str(folder / kind)], check=True)
                out[f"{kind} stray"] = [p.name for p in sorted(folder.glob(f"{kind}-*.png")) if stray_ink_above_footer(p)]
            rnd = me.parse(kind, fy)
            deck = Presentation(io.BytesIO(me.render(me.build(db, rnd, "th"), "pptx")))
            out[f"{kind} slides"] = [[thai.unlocked(c.text) for c in row.cells] for slide in deck.slides
                                     for sh in slide.shapes if sh.has_table for row in sh.table.rows]
            out[f"{kind} summary"] = rollup.summary(db, fy, rnd.quarter)
    finally:
        db.close()
    return out


@pytest.mark.parametrize("kind", ROUNDS)
def test_no_page_ends_with_a_thai_mark_of_the_next_page(pdf_texts, kind):
    """Looked at: a heading or paragraph that starts a page painted its tone marks at the foot of the page
    before ('้' above the footer); every page of both reports is checked for such a speck."""
    if f"{kind} stray" not in pdf_texts:
        pytest.skip("pdftoppm is not installed")
    assert pdf_texts[f"{kind} stray"] == []


@pytest.mark.parametrize("kind", ROUNDS)
def test_every_chapter_is_filled_and_nothing_is_marked_missing(pdf_texts, kind):
    text = pdf_texts[kind]
    assert "[ยังไม่มีข้อมูล]" not in text and "[ยังไม่ได้บันทึก]" not in text
    assert "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง" in text


@pytest.mark.parametrize("kind", ROUNDS)
def test_each_goal_and_strategy_is_in_the_text_layer_as_written(pdf_texts, kind):
    text, plan = squash(pdf_texts[kind]), default_plan()
    for goal in plan.goals.values():
        assert squash(goal.text.th) in text, goal.number
    for s in plan.strategies.values():
        assert squash(s.name.th) in text, s.number


@pytest.mark.parametrize("kind", ROUNDS)
def test_the_committees_words_and_the_survey_figures_are_printed(pdf_texts, kind):
    text = squash(pdf_texts[kind])
    rnd = next(r for r in report_texts.spec()["rounds"] if r["round"] == kind)
    for sections in rnd["strategies"].values():
        for words in sections.values():
            assert squash(words) in text
    assert squash(rnd["texts"]["committee_opinion"].splitlines()[0]) in text
    survey = rnd["survey"]
    total = sum(survey["respondents"]["เพศ"].values())
    assert f"ผู้ตอบแบบสอบถามทั้งหมด{total}คน" in text
    very, sat, _ = survey["overall"]
    assert f"ผู้ตอบพอใจและพอใจมากต่อผลการดำเนินงานในภาพรวม{very + sat:.1f}%" in text
    for score in survey["scores"].values():
        assert f"{score:.2f}" in text


@pytest.mark.parametrize("kind", ROUNDS)
def test_the_slides_list_every_project_and_their_totals_add_up_to_summary(pdf_texts, kind):
    """The council slides carry the full project list (paged, never cut): every project of the year has one
    row, and the programme totals (one table per strategy and programme) add up to ``summary --json``'s
    planned, allocated and disbursed money, each written as the formatter writes money."""
    rows, summary = pdf_texts[f"{kind} slides"], pdf_texts[f"{kind} summary"]
    listed = [r for r in rows if len(r) == 9 and r[0] != "ที่"]
    codes = [r[1] for r in listed if r[1]]
    assert len(codes) == len(set(codes)) == summary["totals"]["projects"]["in_plan"]
    totals = [r for r in listed if not r[1]]
    for i, key in enumerate(("planned", "allocated", "disbursed")):
        shown = [r[4 + i] for r in totals]
        if summary["totals"]["budget"][key] is None:   # money spent in a quarter not begun: null in summary,
            assert set(shown) == {fmt.figure("money_baht", None, lang="th")}   # a dash in the report
            continue
        assert all(x == fmt.figure("money_baht", float(x.replace(",", "")), lang="th") for x in shown)
        assert sum(float(x.replace(",", "")) for x in shown) == pytest.approx(summary["totals"]["budget"][key]), key
