"""The quarterly monitoring report's PDF (reports and meeting pages, ``python -m tracker report``):
Chromium's print of the block document (:mod:`tracker.report.quarterly`), so its Thai text layer is
exact (read back with poppler's ``pdftotext``), figures equal ``rollup.summary``, every page numbered and
stamped, marked while demo data is loaded, and projects and money grouped by strategy as well as goal."""

import shutil
import subprocess

import pytest

from tests.report_helpers import FY, Q, loaded, require_pdf_tools, squash
from tracker import fmt, rollup, store
from tracker.plan import default_plan
from tracker.report import content, documents, quarterly
from tracker.report import blocks as B

DEMO = "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"


@pytest.fixture(scope="module")
def report_th(template_db, tmp_path_factory):
    """The Thai report of the small data set (marked demo), built once for the module."""
    path = tmp_path_factory.mktemp("pdf") / "tracker.db"
    shutil.copyfile(template_db, path)
    db = store.connect(path)
    try:
        loaded(db)
        db["import_batches"].update(1, {"is_demo": 1})
        return content.build(db, FY, Q, "th")
    finally:
        db.close()


def pdf_text(data: bytes, tmp_path, *, layout: bool = False) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", *(["-layout"] if layout else []), str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(scope="module")
def pdf_th(report_th) -> bytes:
    require_pdf_tools("pdftotext", "pdfinfo")
    return documents.write(report_th, "pdf")


@pytest.mark.slow
def test_pdf_text_is_exact_thai_with_the_summary_figures_on_numbered_marked_pages(report_th, pdf_th, tmp_path):
    text = pdf_text(pdf_th, tmp_path)
    flat = squash(text)
    for g in default_plan().goals.values():           # exact Thai text, searchable
        assert g.text.th in text.replace("\n", "") or squash(g.text.th) in flat, g.number
    summary = report_th.summary
    layout = [squash(line) for line in pdf_text(pdf_th, tmp_path, layout=True).splitlines()]
    counts = [c.key for c in report_th.form2.columns if c.kind == "int"]
    for goal, row in zip(summary["goals"], report_th.form2.rows):   # each form-2 row on one printed line
        expected = [*[fmt.figure("count", goal["projects"][k]) for k in counts],
                    *[goal["text"]["th"][k] for k in ("planned", "allocated", "disbursed")]]      # whole baht
        assert any(line.startswith(squash(f"{goal['goal']}.")) and squash("".join(expected)) in line
                   for line in layout), goal["goal"]
        line = squash(quarterly.goal_line(report_th, report_th.goals[goal["goal"] - 1]))
        assert line in flat
    pages = text.split("\f")[:-1]
    for n, page in enumerate(pages, 1):
        assert f"หน้า {n}/{len(pages)}" in page and DEMO in page, n
        assert "ข้อมูลณ5เม.ย.2569" in squash(page)


@pytest.mark.slow
def test_projects_and_money_are_grouped_by_strategy_as_well_as_goal(report_th, pdf_th, tmp_path):
    """#10: แบบที่ 2 and money per strategy (the plan's level-1 name), beside the per-goal tables."""
    layout = [squash(line) for line in pdf_text(pdf_th, tmp_path, layout=True).splitlines()]
    flat = "".join(layout)
    assert squash(report_th.form2_by_strategy.title) in flat and squash(report_th.budget_by_strategy.title) in flat
    for s in report_th.summary["strategies"]:
        allocated = fmt.figure("money_baht", s["budget"]["allocated"])
        assert any(line.startswith(squash(f"{s['strategy']}.")) and squash(allocated) in line for line in layout), s


@pytest.mark.slow
def test_english_pdf_on_request(db, tmp_path):
    require_pdf_tools("pdftotext")
    r = content.build(loaded(db), FY, Q, "en")
    text = pdf_text(documents.write(r, "pdf"), tmp_path)
    assert "Local Development Plan Monitoring and Evaluation Report" in text.replace("\n", " ")
    assert squash(default_plan().goals[1].text.en) in squash(text)
    assert DEMO not in text and "DEMO DATA" not in text                # no demo batch: no marking


def test_the_document_has_every_table_of_the_model_with_the_formatters_text(report_th):
    doc = quarterly.document(report_th)
    tables = [b for b in doc.walk() if isinstance(b, B.Table)]
    for model in (report_th.form2, report_th.goal_table, report_th.budget, report_th.form2_by_strategy,
                  report_th.budget_by_strategy):
        table = next(t for t in tables if t.caption == model.title)
        assert table.texts() == [tuple(r) for r in model.text_rows()]
    assert doc.header == DEMO and doc.blocks[0] == B.Paragraph(DEMO, style="center", bold=True)


def test_summary_in_the_model_is_rollup_summary(db):
    r = content.build(loaded(db), FY, Q, "en")
    assert r.summary == rollup.summary(db, FY, Q)
    for ind, row in zip(r.summary["indicators"], r.indicators.rows):
        assert ind["code"] == row["code"] and ind["status"] == row["status"]


def test_method_appendix_says_the_plan_files_thresholds_not_fixed_words():
    th = rollup.thresholds_of({"on_track": 0.95, "at_risk": 0.75, "min_coverage": 0.6,
                               "year_end": {"achieved": 0.9, "nearly": 0.7}})
    text = " ".join(content.method_texts("en", th))
    assert "from 95% on track, from 75% at risk" in text and "below 60%" in text
    assert "achieved (from 90%), nearly achieved (from 70%)" in text
    assert "100%" not in text.replace("capped at 100%", "")
    th_text = " ".join(content.method_texts("th", th))
    assert "ตั้งแต่ 95% บรรลุตามเป้า ตั้งแต่ 75% เสี่ยง" in th_text
